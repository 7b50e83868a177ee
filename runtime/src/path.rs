//! Path parameters, percent-encoded as exactly one path segment.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::value::WireValue;

/// Everything but RFC 3986 unreserved characters is encoded, so a value can never add a
/// segment (`/`), start a query (`?`) or fragment (`#`), or smuggle an escape (`%`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends `value` to `path`, percent-encoded as one path segment.
///
/// `.` and `..` pass through unchanged: URL normalisation treats them (even encoded as
/// `%2E`) as relative segments, so callers must reject them first, as the generated
/// validation does.
pub fn push_segment(path: &mut String, value: &str) {
    path.extend(utf8_percent_encode(value, SEGMENT));
}

/// The text of a path parameter declared `#[param(default_account)]`: its value, or
/// the client's `account_sid` when it is `None`.
pub fn account_segment<'a, T: WireValue>(
    value: &'a Option<T>,
    account_sid: &'a str,
) -> Cow<'a, str> {
    match value {
        Some(value) => value.to_wire(),
        None => Cow::Borrowed(account_sid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_segments_default_to_the_client_account() {
        let own = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(account_segment(&None::<String>, own), own);
        let sub = Some("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".to_owned());
        assert_eq!(
            account_segment(&sub, own),
            "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
        );
    }

    fn encode(value: &str) -> String {
        let mut path = String::new();
        push_segment(&mut path, value);
        path
    }

    #[test]
    fn reserved_characters_are_encoded() {
        assert_eq!(encode("a/b?c#d"), "a%2Fb%3Fc%23d");
        assert_eq!(encode("alice@example.com"), "alice%40example.com");
        assert_eq!(encode("100% sure"), "100%25%20sure");
        assert_eq!(encode("é"), "%C3%A9");
        assert_eq!(encode("ISaaaa-_.~"), "ISaaaa-_.~");
    }

    #[test]
    fn encoded_segments_survive_url_parsing() {
        let mut url = String::from("https://example.com/v1/Users/");
        push_segment(&mut url, "a/../b?x=1#frag");
        url.push_str("/Configuration");
        let parsed = reqwest::Url::parse(&url).unwrap();
        let segments: Vec<_> = parsed.path_segments().unwrap().collect();
        assert_eq!(
            segments,
            ["v1", "Users", "a%2F..%2Fb%3Fx%3D1%23frag", "Configuration"]
        );
        assert_eq!(parsed.query(), None);
        assert_eq!(parsed.fragment(), None);
    }
}
