//! `bodySHA256`: how Twilio signs a request whose body is not form parameters (JSON).

use std::borrow::Cow;

use ring::digest;

/// The query parameter in which Twilio puts the SHA-256 of a JSON body, as lowercase
/// hex. Twilio then signs the URL alone (with this parameter), not the body.
pub const BODY_SHA256_PARAM: &str = "bodySHA256";

/// The `bodySHA256` value of a request body: its SHA-256 as lowercase hex (64
/// characters), like the official libraries' `compute_hash`. Servers and tests use it to
/// build the URL Twilio signs for a JSON body.
///
/// ```
/// use twill_api::webhook::body_sha256;
///
/// assert_eq!(
///     body_sha256(b"{}"),
///     "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
/// );
/// ```
pub fn body_sha256(body: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hash = digest::digest(&digest::SHA256, body);
    let mut hex = String::with_capacity(2 * hash.as_ref().len());
    for byte in hash.as_ref() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Whether `url`'s query has a `bodySHA256` parameter: Twilio then signed the URL alone
/// and the body through that hash, so check the request with
/// [`RequestValidator::validate_body`](super::RequestValidator::validate_body).
pub fn url_signs_body(url: &str) -> bool {
    body_sha256_param(url).is_some()
}

/// The first `bodySHA256` value in `url`'s query, percent-decoded (as the official
/// libraries read it: Python's `parse_qs(..)[0]`, Node's `searchParams.get`).
pub(super) fn body_sha256_param(url: &str) -> Option<Cow<'_, str>> {
    let (_, query) = url.split_once('?')?;
    let query = query
        .split_once('#')
        .map_or(query, |(query, _fragment)| query);
    form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == BODY_SHA256_PARAM)
        .map(|(_, value)| value)
}
