//! Twilio Verify, served from `https://verify.twilio.com`.

#[cfg(feature = "verify-v2")]
pub mod v2;
#[cfg(feature = "verify-v3")]
pub mod v3;
