//! Twilio Proxy, served from `https://proxy.twilio.com`.

#[cfg(feature = "proxy-v1")]
pub mod v1;
