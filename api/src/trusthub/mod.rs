//! Twilio Trust Hub, served from `https://trusthub.twilio.com`.

#[cfg(feature = "trusthub-v1")]
pub mod v1;
