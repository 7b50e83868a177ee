//! Twilio Chat, served from `https://chat.twilio.com`.

#[cfg(feature = "chat-v1")]
pub mod v1;
#[cfg(feature = "chat-v2")]
pub mod v2;
#[cfg(feature = "chat-v3")]
pub mod v3;
