//! Twilio Flex, served from `https://flex-api.twilio.com`.

#[cfg(feature = "flex-v1")]
pub mod v1;
#[cfg(feature = "flex-v2")]
pub mod v2;
