//! Twilio's request signatures (`X-Twilio-Signature`).
//!
//! Twilio signs each webhook request: an HMAC, keyed with the account's Auth Token (or
//! with a SharedKey secret, see [`SIGNATURE_SETTINGS_HEADER`]), over the full URL it
//! requested followed by each POST parameter's name and value, sorted by name. A JSON
//! body is signed through its hash instead: Twilio adds it to the URL as the
//! `bodySHA256` query parameter and signs the URL alone.
//!
//! ```
//! use twill_api::webhook::RequestValidator;
//!
//! let validator = RequestValidator::new("12345");
//! let url = "https://example.com/sms?route=1";
//! let params = [("Body", "hi"), ("From", "+15550001111")];
//! let signature = validator.sign(url, &params); // what Twilio sends in X-Twilio-Signature
//! assert!(validator.validate(url, &params, &signature));
//! assert!(!validator.validate(url, &[("Body", "bye"), ("From", "+15550001111")], &signature));
//! ```
//!
//! The rules are those of Twilio's official libraries (twilio-python's
//! `request_validator.py`, twilio-node's `webhooks.ts`): `algorithm.rs` reads the
//! settings header, `body.rs` handles `bodySHA256`, `port.rs` the two forms of the URL
//! Twilio may have signed, and `validator.rs` computes and checks the HMAC.

mod algorithm;
mod body;
mod port;
mod validator;

pub use self::algorithm::SignatureAlgorithm;
pub use self::body::{BODY_SHA256_PARAM, body_sha256, url_signs_body};
pub use self::validator::RequestValidator;

/// The header that carries Twilio's signature of a webhook request.
pub const SIGNATURE_HEADER: &str = "X-Twilio-Signature";

/// The header Twilio adds to webhook requests it signs with a SharedKey instead of the
/// Auth Token: `key=<SharedKey id>,algorithm=<algorithm>`, for example
/// `key=webhooks_sharedkey_...,algorithm=HMAC_SHA256`.
///
/// Its presence says which secret signed the request (the SharedKey secret rather than
/// the Auth Token); [`SignatureAlgorithm::from_settings_header`] reads the algorithm.
pub const SIGNATURE_SETTINGS_HEADER: &str = "X-Twilio-Webhooks-Signature-Settings";
