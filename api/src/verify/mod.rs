//! Twilio Verify, served from `https://verify.twilio.com`.

pub mod v2;
