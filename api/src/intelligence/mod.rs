//! Twilio Intelligence, served from `https://intelligence.twilio.com`.

#[cfg(feature = "intelligence-v2")]
pub mod v2;
