//! Twilio Frontline, served from `https://frontline-api.twilio.com`.

#[cfg(feature = "frontline-v1")]
pub mod v1;
