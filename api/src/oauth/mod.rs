//! Twilio Oauth, served from `https://oauth.twilio.com`.

#[cfg(feature = "oauth-v1")]
pub mod v1;
#[cfg(feature = "oauth-v2")]
pub mod v2;
