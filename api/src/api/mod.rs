//! Twilio API, served from `https://api.twilio.com`.

pub mod v2010;
