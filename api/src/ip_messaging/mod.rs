//! Twilio IP Messaging, served from `https://ip-messaging.twilio.com`.

#[cfg(feature = "ip-messaging-v1")]
pub mod v1;
#[cfg(feature = "ip-messaging-v2")]
pub mod v2;
