//! Twilio Marketplace, served from `https://marketplace.twilio.com`.

#[cfg(feature = "marketplace-v1")]
pub mod v1;
