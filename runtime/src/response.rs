//! Turning a status and a body into the typed response or a typed error.

use reqwest::StatusCode;
use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{ApiError, DecodeError, Error, HttpError, RedirectError, Tries, snippet};

/// Decodes a response: a success status into `T`, anything else into an error.
///
/// An empty success body (a `204 No Content`, say) decodes as JSON `null`, which is
/// what `()` and `Option<_>` responses expect. A redirect is an error carrying its
/// `location` (twill follows none), unless `redirect_answer` says it is the endpoint's
/// answer: then its body decodes like a success's.
pub(crate) fn decode<T: DeserializeOwned>(
    status: StatusCode,
    location: Option<&HeaderValue>,
    body: &[u8],
    tries: Tries,
    redirect_answer: bool,
) -> Result<T, Error> {
    let json = success_json(status, location, body, tries, redirect_answer)?;
    // The fast path decodes without tracking where it is; only a failure pays for a
    // second pass that finds the JSON path of the offending value.
    match serde_json::from_slice(json) {
        Ok(value) => Ok(value),
        Err(error) => Err(decode_error::<T>(status, json, error, tries.attempts)),
    }
}

/// The body of a success, or the error its status makes it (a redirect is always
/// one): for bodies read without [`decode`].
pub(crate) fn success_body<'a>(
    status: StatusCode,
    location: Option<&HeaderValue>,
    body: &'a [u8],
    tries: Tries,
) -> Result<&'a [u8], Error> {
    if status.is_success() {
        Ok(body)
    } else {
        success_json(status, location, body, tries, false)
    }
}

/// The JSON a response's body decodes from, or the error its status makes it: the
/// part of [`decode`] that does not depend on the response type.
fn success_json<'a>(
    status: StatusCode,
    location: Option<&HeaderValue>,
    body: &'a [u8],
    tries: Tries,
    redirect_answer: bool,
) -> Result<&'a [u8], Error> {
    if status.is_redirection() && !redirect_answer {
        let location = location.map(HeaderValue::as_bytes);
        return Err(RedirectError::new(status, location, tries.attempts).into());
    }
    if !status.is_success() && !status.is_redirection() {
        return Err(error_from_body(status, body, tries));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(b"null")
    } else {
        Ok(body)
    }
}

/// Decodes `json` again, tracking the path, to report where it fails (`first` is what
/// the first pass reported).
fn decode_error<T: DeserializeOwned>(
    status: StatusCode,
    json: &[u8],
    first: serde_json::Error,
    attempts: u32,
) -> Error {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let (path, error) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => (error.path().to_string(), error.into_inner()),
        // The value decoded, so what failed is what follows it: the whole body's error.
        Ok(_) => (".".to_owned(), deserializer.end().err().unwrap_or(first)),
    };
    Error::Decode(DecodeError {
        status,
        snippet: snippet(json, offset(json, error.line(), error.column())),
        path,
        error,
        attempts,
    })
}

/// The byte offset of a one-based line and column, as serde_json reports them (0 when
/// the error has no position).
fn offset(body: &[u8], line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start = body
        .split_inclusive(|&b| b == b'\n')
        .take(line - 1)
        .map(<[u8]>::len)
        .sum::<usize>();
    line_start.saturating_add(column.saturating_sub(1))
}

/// An error status: what the body says when it is a JSON error of a known shape, else
/// the status and the start of the body. Never fails, whatever the body.
pub(crate) fn error_from_body(status: StatusCode, body: &[u8], tries: Tries) -> Error {
    match api_error(body) {
        Some(parts) => Error::Api(ApiError {
            status,
            code: parts.code,
            message: parts.message.unwrap_or_default(),
            more_info: parts.more_info,
            details: parts.details,
            attempts: tries.attempts,
            stop: tries.stop,
        }),
        None => Error::Http(HttpError {
            status,
            snippet: snippet(body, 0),
            attempts: tries.attempts,
            stop: tries.stop,
        }),
    }
}

struct Parts {
    code: Option<u32>,
    message: Option<String>,
    more_info: Option<String>,
    details: Option<Value>,
}

/// Reads, leniently:
/// - Twilio's `{"code", "message", "more_info", "status", "details"}`;
/// - RFC 9457 problem details, `{"type", "title", "status", "detail"}`, with an optional
///   `code` extension;
/// - `{"errors": [..]}`, whose first element speaks for the list.
///
/// Any JSON object with a code or a message qualifies.
fn api_error(body: &[u8]) -> Option<Parts> {
    let Ok(Value::Object(object)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    let (main, details) = match object.get("errors") {
        Some(Value::Array(list)) if code(&object).is_none() && message(&object).is_none() => {
            (list.first()?.as_object()?, Some(Value::Array(list.clone())))
        }
        _ => (
            &object,
            object
                .get("details")
                .cloned()
                .or_else(|| extensions(&object)),
        ),
    };
    let parts = Parts {
        code: code(main),
        message: message(main),
        more_info: text(main, "more_info")
            .or_else(|| text(main, "type").filter(|t| t.starts_with("http") && t != "about:blank")),
        details,
    };
    (parts.code.is_some() || parts.message.is_some()).then_some(parts)
}

/// The extension members of an RFC 9457 problem (Prism's `validation` list, say).
fn extensions(object: &Map<String, Value>) -> Option<Value> {
    if !object.contains_key("title") && !object.contains_key("type") {
        return None;
    }
    const STANDARD: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];
    let rest: Map<String, Value> = object
        .iter()
        .filter(|(key, _)| !STANDARD.contains(&key.as_str()))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    (!rest.is_empty()).then_some(Value::Object(rest))
}

/// `code` as a number or a numeric string.
fn code(object: &Map<String, Value>) -> Option<u32> {
    match object.get("code")? {
        Value::Number(number) => number.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(text) => text.parse().ok(),
        _ => None,
    }
}

/// The message: Twilio's `message`, or a problem's `detail` or `title`.
fn message(object: &Map<String, Value>) -> Option<String> {
    ["message", "detail", "title"]
        .iter()
        .find_map(|key| text(object, key))
}

fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key)?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{SNIPPET_LIMIT, Stop};

    const ONCE: Tries = Tries {
        attempts: 1,
        stop: Stop::Final,
    };

    fn error(status: u16, body: &[u8]) -> Error {
        decode::<Value>(
            StatusCode::from_u16(status).unwrap(),
            None,
            body,
            ONCE,
            false,
        )
        .unwrap_err()
    }

    #[test]
    fn success_bodies_decode() {
        let value: Value = decode(StatusCode::OK, None, br#"{"a": 1}"#, ONCE, false).unwrap();
        assert_eq!(value["a"], 1);
        decode::<()>(StatusCode::NO_CONTENT, None, b"", ONCE, false).unwrap();
    }

    #[test]
    fn twilio_errors_keep_status_code_message_link_and_details() {
        let body = br#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404, "details": {"field": "Sid"}}"#;
        let Error::Api(err) = error(404, body) else {
            panic!("expected an API error");
        };
        assert_eq!(err.status, StatusCode::NOT_FOUND);
        assert_eq!(err.code, Some(20404));
        assert_eq!(err.message, "The requested resource was not found");
        assert_eq!(
            err.more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/20404")
        );
        assert_eq!(err.details, Some(serde_json::json!({"field": "Sid"})));
    }

    #[test]
    fn problem_details_and_error_lists() {
        let problem = br#"{"type": "https://www.twilio.com/docs/errors/20003", "title": "Authenticate", "status": 401, "detail": "Invalid credentials", "code": "20003"}"#;
        let Error::Api(err) = error(401, problem) else {
            panic!("expected an API error");
        };
        assert_eq!(err.code, Some(20003));
        assert_eq!(err.message, "Invalid credentials");
        assert_eq!(
            err.more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/20003")
        );
        assert_eq!(err.details, None);

        let prism = br#"{"type": "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY", "title": "Invalid request", "status": 422, "detail": "Your request is not valid", "validation": [{"code": "maximum"}]}"#;
        let Error::Api(err) = error(422, prism) else {
            panic!("expected an API error");
        };
        assert_eq!(err.message, "Your request is not valid");
        assert_eq!(
            err.details,
            Some(serde_json::json!({"validation": [{"code": "maximum"}]}))
        );

        let list =
            br#"{"errors": [{"code": 21211, "message": "Invalid 'To' number"}, {"code": 21212}]}"#;
        let Error::Api(err) = error(400, list) else {
            panic!("expected an API error");
        };
        assert_eq!(
            (err.code, err.message.as_str()),
            (Some(21211), "Invalid 'To' number")
        );
        assert_eq!(err.details.unwrap().as_array().unwrap().len(), 2);
    }

    #[test]
    fn other_error_bodies_keep_status_and_snippet() {
        let bodies: [&[u8]; 8] = [
            b"<html>502 Bad Gateway</html>",
            b"",
            b"{\"code\": ",
            b"[1, 2]",
            b"{}",
            b"{\"errors\": []}",
            b"{\"errors\": [1]}",
            b"\xff\xfe not utf-8",
        ];
        for body in bodies {
            match error(502, body) {
                Error::Http(err) => {
                    assert_eq!(err.status, StatusCode::BAD_GATEWAY);
                    assert_eq!(err.snippet, String::from_utf8_lossy(body));
                }
                other => panic!("{body:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn mismatched_success_body_is_a_decode_error() {
        let Err(Error::Decode(err)) =
            decode::<Vec<u8>>(StatusCode::OK, None, br#"{"a": "#, ONCE, false)
        else {
            panic!("expected a decode error");
        };
        assert_eq!(err.status, StatusCode::OK);
        assert_eq!(err.snippet, r#"{"a": "#);
        assert_eq!(err.path, ".");
        assert!(err.to_string().contains("HTTP 200"), "{err}");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Listing {
        conversations: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        sid: String,
        date_created: Option<jiff::Timestamp>,
    }

    #[test]
    fn decode_errors_name_the_json_path_and_show_the_part_around_it() {
        let good = r#"{"sid": "CH1", "date_created": "2020-01-02T03:04:05Z"}"#;
        let padding = format!(r#"{{"sid": "{}", "date_created": null}}"#, "x".repeat(2000));
        let bad = r#"{"sid": "CH4", "date_created": 5}"#;
        let body = format!(r#"{{"conversations": [{good}, {padding}, {good}, {bad}]}}"#);
        let Err(Error::Decode(err)) =
            decode::<Listing>(StatusCode::OK, None, body.as_bytes(), ONCE, false)
        else {
            panic!("expected a decode error");
        };
        assert_eq!(err.path, "conversations[3].date_created");
        assert!(
            err.snippet.contains(r#""date_created": 5"#),
            "{}",
            err.snippet
        );
        assert!(err.snippet.len() <= SNIPPET_LIMIT + 2 * '…'.len_utf8());
        assert_eq!(
            err.to_string(),
            "could not decode the response body (HTTP 200) at `conversations[3].date_created`"
        );
        let source = std::error::Error::source(&err)
            .and_then(|cause| cause.downcast_ref::<serde_json::Error>())
            .expect("the decoder's report is the source");
        assert!(source.to_string().starts_with("invalid type"), "{source}");

        // A long string value stays out of the message: the decoder's report, which
        // quotes it, is the source.
        let long = format!(
            r#"{{"conversations": [{{"sid": 1, "date_created": "{}"}}]}}"#,
            "y".repeat(9000)
        );
        let Err(err) = decode::<Listing>(StatusCode::OK, None, long.as_bytes(), ONCE, false) else {
            panic!("expected a decode error");
        };
        assert!(err.to_string().len() < 700, "{err}");
    }

    #[test]
    fn trailing_garbage_is_a_decode_error_of_the_whole_body() {
        let Err(Error::Decode(err)) = decode::<Value>(StatusCode::OK, None, b"{} x", ONCE, false)
        else {
            panic!("expected a decode error");
        };
        assert_eq!(err.path, ".");
    }

    #[test]
    fn a_redirect_that_is_the_answer_decodes() {
        let location = HeaderValue::from_static("https://s3.example.com/file");
        let body = br#"{"redirect_to": "https://s3.example.com/file"}"#;
        let value: Value = decode(
            StatusCode::TEMPORARY_REDIRECT,
            Some(&location),
            body,
            ONCE,
            true,
        )
        .unwrap();
        assert_eq!(value["redirect_to"], "https://s3.example.com/file");
        // Errors stay errors.
        let err = decode::<Value>(StatusCode::NOT_FOUND, None, b"{}", ONCE, true).unwrap_err();
        assert!(matches!(err, Error::Http(_)), "{err:?}");
    }

    #[test]
    fn redirects_are_errors_with_their_location() {
        let location = HeaderValue::from_static("https://elsewhere.example.com/v1/X");
        for code in 300..=308 {
            let status = StatusCode::from_u16(code).unwrap();
            let err = decode::<Value>(status, Some(&location), b"{}", ONCE, false).unwrap_err();
            let Error::Redirect(redirect) = &err else {
                panic!("{code}: {err:?}");
            };
            assert_eq!(redirect.status, status);
            assert_eq!(
                redirect.location.as_deref(),
                Some("https://elsewhere.example.com/v1/X")
            );
            assert_eq!(err.status(), Some(status));
        }
    }
}
