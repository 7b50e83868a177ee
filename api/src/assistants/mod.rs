//! Twilio Assistants, served from `https://assistants.twilio.com`.

#[cfg(feature = "assistants-v1")]
pub mod v1;
