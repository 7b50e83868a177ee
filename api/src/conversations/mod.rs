//! Twilio Conversations, served from `https://conversations.twilio.com`.

pub mod v1;
