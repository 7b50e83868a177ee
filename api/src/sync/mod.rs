//! Twilio Sync, served from `https://sync.twilio.com`.

pub mod v1;
