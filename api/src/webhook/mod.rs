//! Twilio's webhooks: verifying that a request came from Twilio, and what it says.

mod signature;

pub use signature::*;

#[cfg(feature = "conversations-v1")]
pub mod conversations;

#[cfg(all(feature = "axum", feature = "conversations-v1"))]
pub mod axum;
