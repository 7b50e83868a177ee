//! Twilio Trunking, served from `https://trunking.twilio.com`.

#[cfg(feature = "trunking-v1")]
pub mod v1;
