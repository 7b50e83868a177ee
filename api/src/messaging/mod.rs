//! Twilio Messaging, served from `https://messaging.twilio.com`.

pub mod v1;
