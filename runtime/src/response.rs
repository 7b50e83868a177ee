//! Turning a status and a body into the typed response or a typed error.

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{ApiError, DecodeError, Error, HttpError, snippet};

/// Decodes a response: a success status into `T`, anything else into an error.
///
/// An empty success body (a `204 No Content`, say) decodes as JSON `null`, which is
/// what `()` and `Option<_>` responses expect.
pub(crate) fn decode<T: DeserializeOwned>(status: StatusCode, body: &[u8]) -> Result<T, Error> {
    if !status.is_success() {
        return Err(error_from_body(status, body));
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
        })
    })
}

/// An error status: Twilio's JSON error when the body is one, else the status and the
/// start of the body.
fn error_from_body(status: StatusCode, body: &[u8]) -> Error {
    match api_error(status, body) {
        Some(api) => Error::Api(api),
        None => Error::Http(HttpError {
            status,
            snippet: snippet(body),
        }),
    }
}

/// Reads `{"code", "message", "more_info", "status"}`, leniently: any JSON object with
/// a code or a message is taken, whatever else it holds.
fn api_error(status: StatusCode, body: &[u8]) -> Option<ApiError> {
    let Ok(Value::Object(object)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    let code = object
        .get("code")
        .and_then(Value::as_u64)
        .and_then(|code| u32::try_from(code).ok());
    let message = object.get("message").and_then(Value::as_str);
    if code.is_none() && message.is_none() {
        return None;
    }
    Some(ApiError {
        status,
        code,
        message: message.unwrap_or_default().to_owned(),
        more_info: object
            .get("more_info")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_bodies_decode() {
        let value: Value = decode(StatusCode::OK, br#"{"a": 1}"#).unwrap();
        assert_eq!(value["a"], 1);
        decode::<()>(StatusCode::NO_CONTENT, b"").unwrap();
    }

    #[test]
    fn twilio_errors_keep_status_code_message_and_link() {
        let body = br#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
        let Err(Error::Api(err)) = decode::<Value>(StatusCode::NOT_FOUND, body) else {
            panic!("expected an API error");
        };
        assert_eq!(err.status, StatusCode::NOT_FOUND);
        assert_eq!(err.code, Some(20404));
        assert_eq!(err.message, "The requested resource was not found");
        assert_eq!(
            err.more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/20404")
        );
    }

    #[test]
    fn other_error_bodies_keep_status_and_snippet() {
        for body in [
            &b"<html>502 Bad Gateway</html>"[..],
            b"",
            b"{\"code\": ",
            b"[1, 2]",
            b"{}",
        ] {
            match decode::<Value>(StatusCode::BAD_GATEWAY, body) {
                Err(Error::Http(err)) => {
                    assert_eq!(err.status, StatusCode::BAD_GATEWAY);
                    assert_eq!(err.snippet.as_bytes(), body);
                }
                other => panic!("{body:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn mismatched_success_body_is_a_decode_error() {
        let Err(Error::Decode(err)) = decode::<Vec<u8>>(StatusCode::OK, br#"{"a": "#) else {
            panic!("expected a decode error");
        };
        assert_eq!(err.status, StatusCode::OK);
        assert_eq!(err.snippet, r#"{"a": "#);
        assert!(err.to_string().contains("HTTP 200"), "{err}");
    }
}
