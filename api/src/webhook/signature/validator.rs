//! `RequestValidator`: computes and checks Twilio's signature of a request.

use std::fmt;
use std::iter;

use base64::prelude::{BASE64_STANDARD, Engine as _};
use ring::hmac;

use super::algorithm::SignatureAlgorithm;
use super::body::{body_sha256, body_sha256_param};
use super::port::other_port_form;
use crate::Secret;

/// Checks that a webhook request came from Twilio, from its
/// [`X-Twilio-Signature`](super::SIGNATURE_HEADER) header.
///
/// Built from the secret Twilio signed with: the account's Auth Token (HMAC-SHA1, the
/// default), or a SharedKey secret with the algorithm its
/// [settings header](super::SIGNATURE_SETTINGS_HEADER) names.
///
/// ```
/// use twill_api::webhook::{body_sha256, RequestValidator, SignatureAlgorithm};
///
/// // A form-encoded request: the URL Twilio requested and every POST parameter.
/// let validator = RequestValidator::new("12345");
/// let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
/// let params = [
///     ("CallSid", "CA1234567890ABCDE"),
///     ("Caller", "+14158675309"),
///     ("Digits", "1234"),
///     ("From", "+14158675309"),
///     ("To", "+18005551212"),
/// ];
/// assert!(validator.validate(url, &params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
///
/// // A JSON request: Twilio signed the URL, which carries the body's hash.
/// let body = br#"{"property": "value", "boolean": true}"#;
/// let url = format!("{url}&bodySHA256={}", body_sha256(body));
/// assert!(validator.validate_body(&url, body, "a9nBmqA0ju/hNViExpshrM61xv4="));
///
/// // A request signed with a SharedKey, whose Setting asks for HMAC-SHA256.
/// let shared = RequestValidator::new("shared key secret")
///     .with_algorithm(SignatureAlgorithm::HmacSha256);
/// let signature = shared.sign(&url, &[] as &[(&str, &str)]);
/// assert!(shared.validate_body(&url, body, &signature));
/// ```
///
/// The checks follow Twilio's official libraries:
///
/// - The signed string is the URL followed by each parameter's name and value, sorted by
///   name then value (bytewise); a parameter sent twice with the same value counts once.
/// - The URL is checked as given and in its other port form: without its port if it has
///   one (any port), with the scheme's default port (443, or 80) if it has none. Nothing
///   else in the URL is changed: pass the URL exactly as Twilio requested it (scheme,
///   host, path and query as configured in Twilio, percent-encoding included).
/// - Signatures are compared in constant time (`ring::hmac::verify`); a signature that is
///   not the base64 of a MAC of the right length is simply invalid.
///
/// `Debug` shows the algorithm, never the secret.
#[derive(Clone)]
pub struct RequestValidator {
    /// Kept to key the other algorithm in [`with_algorithm`](Self::with_algorithm).
    secret: Secret,
    key: hmac::Key,
    algorithm: SignatureAlgorithm,
}

impl RequestValidator {
    /// A validator of signatures made with `secret` (an Auth Token) and HMAC-SHA1.
    pub fn new(secret: impl Into<String>) -> Self {
        let secret = Secret::new(secret);
        let algorithm = SignatureAlgorithm::HmacSha1;
        let key = hmac::Key::new(algorithm.hmac(), secret.expose().as_bytes());
        RequestValidator {
            secret,
            key,
            algorithm,
        }
    }

    /// The same secret with another algorithm, such as the one a request's
    /// [settings header](super::SIGNATURE_SETTINGS_HEADER) names (see
    /// [`SignatureAlgorithm::from_settings_header`]).
    #[must_use]
    pub fn with_algorithm(self, algorithm: SignatureAlgorithm) -> Self {
        let key = hmac::Key::new(algorithm.hmac(), self.secret.expose().as_bytes());
        RequestValidator {
            key,
            algorithm,
            ..self
        }
    }

    /// The algorithm this validator checks.
    pub fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm
    }

    /// Whether `signature` is Twilio's signature of a request to `url` with these
    /// parameters: the POST parameters of a form-encoded request (every one received,
    /// not only those you use), or none for a GET request, whose parameters are in `url`.
    ///
    /// Refuses a `url` with a `bodySHA256` query parameter: such a signature does not
    /// cover the body, which only [`validate_body`](Self::validate_body) checks.
    #[must_use = "a request is only checked if the result is used"]
    pub fn validate<K: AsRef<str>, V: AsRef<str>>(
        &self,
        url: &str,
        params: &[(K, V)],
        signature: &str,
    ) -> bool {
        if body_sha256_param(url).is_some() {
            return false;
        }
        self.verify(url, &signed_params(params), signature)
    }

    /// Whether `signature` is Twilio's signature of a request to `url` with this body,
    /// for bodies that are not form parameters (JSON): `url` must carry the body's
    /// SHA-256 in its `bodySHA256` query parameter, `signature` must sign `url`, and
    /// `body` (the raw bytes received) must have that hash. False when `url` has no
    /// `bodySHA256`.
    #[must_use = "a request is only checked if the result is used"]
    pub fn validate_body(&self, url: &str, body: &[u8], signature: &str) -> bool {
        let Some(expected_hash) = body_sha256_param(url) else {
            return false;
        };
        let signature_is_valid = self.verify(url, "", signature);
        // Constant time like the signature (the official libraries compare the hashes so
        // too): an HMAC of the expected hash checked against the received one, so
        // `hmac::verify` does the comparison ("double HMAC").
        let expected_tag = hmac::sign(&self.key, body_sha256(body).as_bytes());
        let hash_is_valid =
            hmac::verify(&self.key, expected_hash.as_bytes(), expected_tag.as_ref()).is_ok();
        signature_is_valid & hash_is_valid
    }

    /// The signature Twilio would send for a request to `url` with these parameters:
    /// base64 of the HMAC of the URL (as given) followed by the sorted parameters. For
    /// tests and tools that sign requests the way Twilio does.
    pub fn sign<K: AsRef<str>, V: AsRef<str>>(&self, url: &str, params: &[(K, V)]) -> String {
        let mut message = String::from(url);
        message.push_str(&signed_params(params));
        BASE64_STANDARD.encode(hmac::sign(&self.key, message.as_bytes()))
    }

    /// Whether `signature` signs `url`, or its other port form, followed by `params`.
    fn verify(&self, url: &str, params: &str, signature: &str) -> bool {
        // The length of a valid signature is public; checking it first bounds the work
        // an oversized header costs.
        if signature.len() != self.algorithm.signature_len() {
            return false;
        }
        let Ok(tag) = BASE64_STANDARD.decode(signature) else {
            return false;
        };
        let other_form = other_port_form(url);
        let mut message = String::new();
        iter::once(url)
            .chain(other_form.as_deref())
            .any(|signed_url| {
                message.clear();
                message.push_str(signed_url);
                message.push_str(params);
                hmac::verify(&self.key, message.as_bytes(), &tag).is_ok()
            })
    }
}

impl fmt::Debug for RequestValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestValidator")
            .field("algorithm", &self.algorithm)
            .field("secret", &self.secret)
            .finish()
    }
}

/// The parameters as Twilio appends them to the URL: each name then value, sorted by
/// name then value, a repeated name-value pair once (as twilio-python and twilio-node
/// do with `sorted(set(values))` and `new Set(values)`).
fn signed_params<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    let mut pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|(name, value)| (name.as_ref(), value.as_ref()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut signed = String::with_capacity(
        pairs
            .iter()
            .map(|(name, value)| name.len() + value.len())
            .sum(),
    );
    for (name, value) in pairs {
        signed.push_str(name);
        signed.push_str(value);
    }
    signed
}
