//! Twilio Accounts, served from `https://accounts.twilio.com`.

#[cfg(feature = "accounts-v1")]
pub mod v1;
