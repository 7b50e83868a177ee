//! Twilio Lookups, served from `https://lookups.twilio.com`.

pub mod v2;
