//! Twilio Wireless, served from `https://wireless.twilio.com`.

#[cfg(feature = "wireless-v1")]
pub mod v1;
