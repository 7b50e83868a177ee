//! Twilio Bulkexports, served from `https://bulkexports.twilio.com`.

#[cfg(feature = "bulkexports-v1")]
pub mod v1;
