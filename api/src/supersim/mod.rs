//! Twilio Supersim, served from `https://supersim.twilio.com`.

#[cfg(feature = "supersim-v1")]
pub mod v1;
