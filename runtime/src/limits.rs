//! How long a request's URL and header values may be, checked before anything is sent,
//! and which parameter an over-long URL is blamed on.

use crate::meta::Param;
use crate::validation::{ValidationError, ValidationErrorKind};

/// The longest request URL twill sends, in bytes, encoded: scheme, host, path and
/// query string.
///
/// RFC 9112 (section 3) recommends that HTTP/1.1 senders and recipients support request
/// lines of at least 8,000 octets, and that is about where front ends stop: nginx reads
/// a request line into an 8 KiB buffer by default, CloudFront takes URLs of up to 8,192
/// bytes. A longer URL could be refused anywhere on its way, with an error that names
/// nothing (or break the HTTP library, whose limit is 64 KiB). twill refuses it first,
/// as an [`Error::Validation`](crate::Error::Validation) naming the parameter that adds
/// most to it.
pub const MAX_URL_LEN: usize = 8000;

/// The longest value of a header that an endpoint sets, in bytes: nginx reads each
/// header line into an 8 KiB buffer by default.
pub const MAX_HEADER_VALUE_LEN: usize = 8000;

/// Checks that `url` is at most [`MAX_URL_LEN`] bytes. `path` and `query` are the parts
/// the endpoint wrote, `template` its path template (`/v1/Users/{Sid}`).
pub(crate) fn check_url(
    url: &str,
    path: &str,
    query: &str,
    template: &str,
    params: &'static [Param],
) -> Result<(), ValidationError> {
    if url.len() <= MAX_URL_LEN {
        return Ok(());
    }
    let (field, part) = largest_part(path, query, template, params);
    Err(ValidationError::new(
        field,
        ValidationErrorKind::UrlTooLong {
            len: url.len(),
            limit: MAX_URL_LEN,
            part,
        },
    ))
}

/// Checks a header value's length; `name` is the header's.
pub(crate) fn check_header_value(name: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.len() <= MAX_HEADER_VALUE_LEN {
        return Ok(());
    }
    Err(ValidationError::new(
        name,
        ValidationErrorKind::HeaderTooLong {
            len: value.len(),
            limit: MAX_HEADER_VALUE_LEN,
        },
    ))
}

/// What a URL too long is blamed on when no declared parameter adds to it (an endpoint
/// implemented by hand, without `PARAMS`).
const UNNAMED: &str = "(URL)";

/// The wire name of the parameter that adds most bytes to the URL, and how many: a
/// path parameter its encoded segment, a query parameter all its `name=value` pairs
/// and their separators.
fn largest_part(
    path: &str,
    query: &str,
    template: &str,
    params: &'static [Param],
) -> (&'static str, usize) {
    let mut parts: Vec<(&'static str, usize)> = Vec::new();
    let mut add = |name: &str, len: usize| {
        let Some(param) = params.iter().find(|param| param.name == name) else {
            return;
        };
        match parts.iter_mut().find(|(known, _)| *known == param.name) {
            Some((_, total)) => *total = total.saturating_add(len),
            None => parts.push((param.name, len)),
        }
    };
    // Each placeholder is in one segment of the template, alone or with literal text
    // (API v2010's `{Sid}.json`), and its value in one segment of the path: the
    // encoding leaves no `/` in it. The value is the segment less the literal text.
    for (segment, pattern) in path.split('/').zip(template.split('/')) {
        if let Some((before, rest)) = pattern.split_once('{')
            && let Some((name, after)) = rest.split_once('}')
        {
            add(
                name,
                segment.len().saturating_sub(before.len() + after.len()),
            );
        }
    }
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        if let Some((name, _)) = form_urlencoded::parse(pair.as_bytes()).next() {
            add(&name, pair.len().saturating_add(1));
        }
    }
    // The first of equals, in parameter order.
    parts.into_iter().fold(
        (UNNAMED, 0),
        |best, part| if part.1 > best.1 { part } else { best },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Location;
    use crate::value::ValueKind;

    const PARAMS: &[Param] = &[
        Param::__new(
            "Sid",
            "sid",
            Location::Path,
            true,
            None,
            None,
            false,
            None,
            None,
            ValueKind::String,
            &[],
            false,
        ),
        Param::__new(
            "PageToken",
            "page_token",
            Location::Query,
            false,
            None,
            None,
            false,
            None,
            None,
            ValueKind::String,
            &[],
            false,
        ),
        Param::__new(
            "Identity",
            "identity",
            Location::Query,
            false,
            None,
            None,
            true,
            None,
            None,
            ValueKind::String,
            &[],
            false,
        ),
    ];
    const TEMPLATE: &str = "/v1/Users/{Sid}";

    fn check(path: &str, query: &str) -> Result<(), ValidationError> {
        let url = format!("https://example.com{path}?{query}");
        check_url(&url, path, query, TEMPLATE, PARAMS)
    }

    #[test]
    fn urls_up_to_the_limit_pass() {
        let base = "https://example.com/v1/Users/x?PageToken=".len();
        let token = "t".repeat(MAX_URL_LEN - base);
        assert!(check("/v1/Users/x", &format!("PageToken={token}")).is_ok());
        assert!(check("/v1/Users/x", &format!("PageToken={token}t")).is_err());
    }

    #[test]
    fn the_largest_parameter_is_named() {
        let long = "a".repeat(MAX_URL_LEN);
        let err = check(&format!("/v1/Users/{long}"), "PageToken=b").unwrap_err();
        assert_eq!(err.field(), "Sid");
        assert!(matches!(
            err.kind(),
            ValidationErrorKind::UrlTooLong { part, limit: MAX_URL_LEN, .. } if *part == MAX_URL_LEN
        ));

        let err = check("/v1/Users/x", &format!("PageToken={long}")).unwrap_err();
        assert_eq!(err.field(), "PageToken");

        // A list counts all its pairs: 2,000 short ones outweigh one long token.
        let list = vec!["Identity=abc"; 2000].join("&");
        let query = format!("PageToken={}&{list}", "b".repeat(5000));
        let err = check("/v1/Users/x", &query).unwrap_err();
        assert_eq!(err.field(), "Identity");
        assert!(matches!(
            err.kind(),
            ValidationErrorKind::UrlTooLong { part: 26_000, .. }
        ));
        assert!(err.to_string().len() < 200, "{err}");
    }

    #[test]
    fn a_placeholder_beside_literal_text_is_named() {
        // API v2010's paths end in `{Sid}.json`; the account SID is a whole segment.
        let template = "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json";
        static PARAMS_V2010: [Param; 2] = [
            Param::__new(
                "AccountSid",
                "account_sid",
                Location::Path,
                true,
                Some("AC"),
                None,
                false,
                None,
                None,
                ValueKind::String,
                &[],
                true,
            ),
            PARAMS[0],
        ];
        let params = &PARAMS_V2010[..];
        let account = format!("AC{}", "a".repeat(32));
        let sid = "s".repeat(MAX_URL_LEN);
        let path = format!("/2010-04-01/Accounts/{account}/Calls/{sid}.json");
        let url = format!("https://example.com{path}");
        let err = check_url(&url, &path, "", template, params).unwrap_err();
        assert_eq!(err.field(), "Sid");
        assert!(matches!(
            err.kind(),
            ValidationErrorKind::UrlTooLong { part, .. } if *part == MAX_URL_LEN
        ));
    }

    #[test]
    fn header_values() {
        assert!(check_header_value("X-Twilio-Webhook-Enabled", "true").is_ok());
        let err = check_header_value(
            "X-Twilio-Webhook-Enabled",
            &"a".repeat(MAX_HEADER_VALUE_LEN + 1),
        )
        .unwrap_err();
        assert_eq!(err.field(), "X-Twilio-Webhook-Enabled");
        assert_eq!(
            err.kind(),
            &ValidationErrorKind::HeaderTooLong {
                len: MAX_HEADER_VALUE_LEN + 1,
                limit: MAX_HEADER_VALUE_LEN
            }
        );
    }
}
