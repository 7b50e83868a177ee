//! Twilio Studio, served from `https://studio.twilio.com`.

#[cfg(feature = "studio-v1")]
pub mod v1;
#[cfg(feature = "studio-v2")]
pub mod v2;
