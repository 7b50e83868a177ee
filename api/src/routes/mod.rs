//! Twilio Routes, served from `https://routes.twilio.com`.

#[cfg(feature = "routes-v2")]
pub mod v2;
