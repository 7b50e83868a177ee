//! Twilio Events, served from `https://events.twilio.com`.

#[cfg(feature = "events-v1")]
pub mod v1;
