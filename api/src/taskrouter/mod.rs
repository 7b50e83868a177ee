//! Twilio Taskrouter, served from `https://taskrouter.twilio.com`.

#[cfg(feature = "taskrouter-v1")]
pub mod v1;
