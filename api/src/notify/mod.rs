//! Twilio Notify, served from `https://notify.twilio.com`.

#[cfg(feature = "notify-v1")]
pub mod v1;
