//! Twilio Content, served from `https://content.twilio.com`.

pub mod v1;
