//! JWS compact serialization with HS256: base64url (no padding) of the header and of
//! the claims, joined by `.`, then `.` and the base64url HMAC-SHA256 of those two parts.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::hmac;

/// Signs `header` and `claims` (their JSON) with `secret`: `header.claims.signature`.
pub(super) fn hs256(header: &[u8], claims: &[u8], secret: &[u8]) -> String {
    let mut token = String::with_capacity((header.len() + claims.len() + 32) * 4 / 3 + 8);
    URL_SAFE_NO_PAD.encode_string(header, &mut token);
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(claims, &mut token);
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let tag = hmac::sign(&key, token.as_bytes());
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(tag.as_ref(), &mut token);
    token
}
