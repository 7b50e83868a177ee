//! Twilio Monitor, served from `https://monitor.twilio.com`.

#[cfg(feature = "monitor-v1")]
pub mod v1;
#[cfg(feature = "monitor-v2")]
pub mod v2;
