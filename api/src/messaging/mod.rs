//! Twilio Messaging, served from `https://messaging.twilio.com`.

#[cfg(feature = "messaging-v1")]
pub mod v1;
#[cfg(feature = "messaging-v2")]
pub mod v2;
#[cfg(feature = "messaging-v3")]
pub mod v3;
