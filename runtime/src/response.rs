//! Turning a status and a body into the typed response or a typed error.

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{ApiError, DecodeError, Error, HttpError, snippet};

/// Decodes a response: a success status into `T`, anything else into an error.
///
/// An empty success body (a `204 No Content`, say) decodes as JSON `null`, which is
/// what `()` and `Option<_>` responses expect.
pub(crate) fn decode<T: DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
    attempts: u32,
) -> Result<T, Error> {
    if !status.is_success() {
        return Err(error_from_body(status, body, attempts));
    }
    let json = if body.iter().all(u8::is_ascii_whitespace) {
        &b"null"[..]
    } else {
        body
    };
    serde_json::from_slice(json).map_err(|error| {
        Error::Decode(DecodeError {
            status,
            snippet: snippet(body),
            error,
            attempts,
        })
    })
}

/// An error status: what the body says when it is a JSON error of a known shape, else
/// the status and the start of the body. Never fails, whatever the body.
pub(crate) fn error_from_body(status: StatusCode, body: &[u8], attempts: u32) -> Error {
    match api_error(body) {
        Some(parts) => Error::Api(ApiError {
            status,
            code: parts.code,
            message: parts.message.unwrap_or_default(),
            more_info: parts.more_info,
            details: parts.details,
            attempts,
        }),
        None => Error::Http(HttpError {
            status,
            snippet: snippet(body),
            attempts,
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

    fn error(status: u16, body: &[u8]) -> Error {
        decode::<Value>(StatusCode::from_u16(status).unwrap(), body, 1).unwrap_err()
    }

    #[test]
    fn success_bodies_decode() {
        let value: Value = decode(StatusCode::OK, br#"{"a": 1}"#, 1).unwrap();
        assert_eq!(value["a"], 1);
        decode::<()>(StatusCode::NO_CONTENT, b"", 1).unwrap();
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
        let Err(Error::Decode(err)) = decode::<Vec<u8>>(StatusCode::OK, br#"{"a": "#, 1) else {
            panic!("expected a decode error");
        };
        assert_eq!(err.status, StatusCode::OK);
        assert_eq!(err.snippet, r#"{"a": "#);
        assert!(err.to_string().contains("HTTP 200"), "{err}");
    }
}
