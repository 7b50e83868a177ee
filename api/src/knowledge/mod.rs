//! Twilio Knowledge, served from `https://knowledge.twilio.com`.

#[cfg(feature = "knowledge-v1")]
pub mod v1;
