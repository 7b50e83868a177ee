//! Twilio Pricing, served from `https://pricing.twilio.com`.

#[cfg(feature = "pricing-v1")]
pub mod v1;
#[cfg(feature = "pricing-v2")]
pub mod v2;
