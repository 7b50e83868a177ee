//! Twilio's webhooks: checking that a request comes from Twilio, and what it says.
//!
//! - [`RequestValidator`] checks the `X-Twilio-Signature` header of a request as
//!   Twilio's official libraries do: HMAC-SHA1 with the Auth Token, or HMAC-SHA256 with a
//!   SharedKey secret ([`SignatureAlgorithm`]), over the URL Twilio called and the form
//!   parameters, or over the URL alone with the body's SHA-256 in its `bodySHA256`
//!   parameter for a JSON body.
//! - [`conversations`] reads a Conversations webhook into a typed [`Event`] and types the
//!   answers to pre-action events (with the `conversations-v1` feature, on by default).
//! - [`axum`](mod@axum) (the `axum` feature) is an extractor that does both in an axum
//!   server and refuses a request whose signature does not check out with 403.
//!
//! [`Event`]: conversations::Event

mod signature;

pub use self::signature::{
    BODY_SHA256_PARAM, RequestValidator, SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER,
    SignatureAlgorithm, body_sha256, url_signs_body,
};

#[cfg(feature = "conversations-v1")]
pub mod conversations;

/// The first value of the parameter `name` among a webhook's `(name, value)` pairs.
#[cfg(any(feature = "axum", feature = "conversations-v1"))]
pub(crate) fn first_value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[cfg(feature = "axum")]
pub mod axum;
