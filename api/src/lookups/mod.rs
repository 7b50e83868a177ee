//! Twilio Lookups, served from `https://lookups.twilio.com`.

#[cfg(feature = "lookups-v1")]
pub mod v1;
#[cfg(feature = "lookups-v2")]
pub mod v2;
