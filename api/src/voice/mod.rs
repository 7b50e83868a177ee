//! Twilio Voice, served from `https://voice.twilio.com`.

#[cfg(feature = "voice-v1")]
pub mod v1;
