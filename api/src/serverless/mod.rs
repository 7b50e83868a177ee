//! Twilio Serverless, served from `https://serverless.twilio.com`.

#[cfg(feature = "serverless-v1")]
pub mod v1;
