//! Twilio Content, served from `https://content.twilio.com`.

#[cfg(feature = "content-v1")]
pub mod v1;
#[cfg(feature = "content-v2")]
pub mod v2;
