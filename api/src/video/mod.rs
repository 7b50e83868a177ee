//! Twilio Video, served from `https://video.twilio.com`.

#[cfg(feature = "video-v1")]
pub mod v1;
