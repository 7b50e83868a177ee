//! Twilio Numbers, served from `https://numbers.twilio.com`.

#[cfg(feature = "numbers-v1")]
pub mod v1;
#[cfg(feature = "numbers-v2")]
pub mod v2;
#[cfg(feature = "numbers-v3")]
pub mod v3;
