//! Twilio Insights, served from `https://insights.twilio.com`.

#[cfg(feature = "insights-v1")]
pub mod v1;
#[cfg(feature = "insights-v2")]
pub mod v2;
