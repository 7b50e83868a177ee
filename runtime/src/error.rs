//! Errors: what went wrong sending a request, or building a client.
//!
//! No error holds a credential: they travel in a header that no error records, and the
//! URLs kept (in transport errors) hold none.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::validation::{ValidationError, ValidationErrorKind};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter failed validation; nothing was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The request could not be sent or its response not received (DNS, connection,
    /// TLS).
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The connect or request timeout expired.
    #[error(transparent)]
    Timeout(#[from] TimeoutError),
    /// Twilio answered with an error status and a JSON error body.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The server answered with an error status and a body that is not a Twilio error
    /// (an HTML page from a proxy, say).
    #[error(transparent)]
    Http(#[from] HttpError),
    /// A success status whose body does not decode into the response type.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The response body is larger than the client's limit; it was not read.
    #[error(transparent)]
    BodyTooLarge(#[from] BodyTooLargeError),
    /// A list response's `next_page_url` points somewhere the client does not send
    /// credentials to.
    #[error(transparent)]
    Pagination(#[from] PaginationError),
}

impl Error {
    /// The HTTP status of the last response, when one was received.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Http(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::BodyTooLarge(e) => Some(e.status),
            Error::Validation(_)
            | Error::Transport(_)
            | Error::Timeout(_)
            | Error::Pagination(_) => None,
        }
    }

    /// How many attempts were made: 0 when validation refused the request, more than 1
    /// when it was retried.
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Validation(_) | Error::Pagination(_) => 0,
            Error::Transport(e) => e.attempts,
            Error::Timeout(e) => e.attempts,
            Error::Api(e) => e.attempts,
            Error::Http(e) => e.attempts,
            Error::Decode(e) => e.attempts,
            Error::BodyTooLarge(e) => e.attempts,
        }
    }

    /// Whether the request was rejected before anything was sent.
    pub fn is_validation(&self) -> bool {
        matches!(self, Error::Validation(_))
    }

    /// Whether the server may have acted on the request although no answer arrived: a
    /// connection lost or a timeout after the request was sent. Such a request is only
    /// repeated automatically when its method is idempotent.
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Error::Transport(e) => e.sent,
            Error::Timeout(e) => e.sent,
            _ => false,
        }
    }
}

/// " after 3 attempts" for more than one attempt.
struct Attempts(u32);

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 1 {
            write!(f, " after {} attempts", self.0)?;
        }
        Ok(())
    }
}

const MAYBE_PROCESSED: &str =
    "; the request may have been processed, so it was not repeated automatically";

/// An error response from Twilio: the HTTP status and what the JSON body says.
///
/// Twilio's classic body (`code`, `message`, `more_info`, `status`, `details`), RFC 9457
/// problem details (`title`, `detail`, `type`) and `{"errors": [..]}` lists are all read.
/// See <https://www.twilio.com/docs/api/errors> for the meaning of each `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// Twilio's error code, such as `20404`.
    pub code: Option<u32>,
    /// The human-readable message.
    pub message: String,
    /// A link to the error's documentation.
    pub more_info: Option<String>,
    /// Further structured details, when the body has them.
    pub details: Option<Value>,
    /// How many attempts were made.
    pub attempts: u32,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Twilio API error (HTTP {}", self.status.as_u16())?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        write!(f, "){}: {}", Attempts(self.attempts), self.message)?;
        if let Some(more_info) = &self.more_info {
            write!(f, " (see {more_info})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// An error status with a body that is not a Twilio JSON error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The start of the body, at most [`SNIPPET_LIMIT`] bytes, lossily decoded as UTF-8.
    pub snippet: String,
    /// How many attempts were made.
    pub attempts: u32,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP error {}{}", self.status, Attempts(self.attempts))?;
        if !self.snippet.is_empty() {
            write!(f, ": {}", self.snippet.escape_debug())?;
        }
        Ok(())
    }
}

impl std::error::Error for HttpError {}

/// A success response whose body does not match the response type.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The start of the body, at most [`SNIPPET_LIMIT`] bytes, lossily decoded as UTF-8.
    pub snippet: String,
    /// What the JSON decoder reported (also part of this error's message).
    pub error: serde_json::Error,
    /// How many attempts were made.
    pub attempts: u32,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the response body (HTTP {}): {}",
            self.status.as_u16(),
            self.error
        )
    }
}

impl std::error::Error for DecodeError {}

/// A response body larger than the client's limit
/// ([`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("response body (HTTP {}) exceeds the {limit}-byte limit; it was not read", status.as_u16())]
#[non_exhaustive]
pub struct BodyTooLargeError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The limit, in bytes.
    pub limit: usize,
    /// How many attempts were made.
    pub attempts: u32,
}

/// How many bytes of a response body [`HttpError`] and [`DecodeError`] keep.
pub const SNIPPET_LIMIT: usize = 512;

/// The request could not be sent, or its response could not be read.
///
/// Its message holds the whole chain of causes ("... tcp connect error: Connection
/// refused"), so printing it once tells the story.
#[derive(Debug)]
pub struct TransportError {
    inner: reqwest::Error,
    attempts: u32,
    sent: bool,
}

impl TransportError {
    pub(crate) fn new(inner: reqwest::Error, attempts: u32) -> Self {
        // A connection never made, or a request never built, was not sent.
        let sent = !(inner.is_connect() || inner.is_builder());
        TransportError {
            inner,
            attempts,
            sent,
        }
    }

    /// Whether the connection could not be established (nothing was sent).
    pub fn is_connect(&self) -> bool {
        self.inner.is_connect()
    }

    /// How many attempts were made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "request failed{}: {}",
            Attempts(self.attempts),
            self.inner
        )?;
        let mut cause = std::error::Error::source(&self.inner);
        while let Some(err) = cause {
            write!(f, ": {err}")?;
            cause = err.source();
        }
        if self.sent {
            f.write_str(MAYBE_PROCESSED)?;
        }
        Ok(())
    }
}

impl std::error::Error for TransportError {}

/// The connect timeout or the request timeout expired.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeoutError {
    /// The timeout that expired: the connect timeout when connecting, else the
    /// request timeout.
    pub after: Duration,
    /// Whether the connection was being established (nothing was sent).
    pub connecting: bool,
    /// How many attempts were made.
    pub attempts: u32,
    sent: bool,
}

impl TimeoutError {
    pub(crate) fn new(after: Duration, connecting: bool, attempts: u32) -> Self {
        TimeoutError {
            after,
            connecting,
            attempts,
            sent: !connecting,
        }
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.connecting {
            "connecting"
        } else {
            "the request"
        };
        write!(
            f,
            "{what} timed out ({:?} timeout){}",
            self.after,
            Attempts(self.attempts)
        )?;
        if self.sent {
            f.write_str(MAYBE_PROCESSED)?;
        }
        Ok(())
    }
}

impl std::error::Error for TimeoutError {}

/// A `next_page_url` that the client refuses to follow: credentials go only to the
/// client's own API host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refusing to follow next_page_url {url:?}: {reason}")]
#[non_exhaustive]
pub struct PaginationError {
    /// The URL given by the server.
    pub url: String,
    /// Why it is refused.
    pub reason: &'static str,
}

/// Why a [`Client`](crate::Client) could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// An environment variable is missing or empty.
    #[error("environment variable {name} is not set")]
    MissingEnv {
        /// The variable's name.
        name: &'static str,
    },
    /// No credentials were given to the builder.
    #[error("no credentials: call ClientBuilder::credentials or use Client::from_env")]
    MissingCredentials,
    /// The account SID is not `AC` and 32 hex digits.
    #[error("invalid account SID: {0}")]
    InvalidAccountSid(ValidationErrorKind),
    /// The API key SID is not `SK` and 32 hex digits.
    #[error("invalid API key SID: {0}")]
    InvalidApiKeySid(ValidationErrorKind),
    /// The base URL is not usable.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An edge or region is not a DNS label.
    #[error("invalid {what} {value:?}: expected letters, digits and hyphens")]
    InvalidLocation {
        /// `edge` or `region`.
        what: &'static str,
        /// The value given.
        value: String,
    },
    /// The HTTP client could not be built (TLS backend initialisation).
    #[error("could not build the HTTP client: {0}")]
    Http(reqwest::Error),
    /// The blocking client's runtime could not start.
    #[error("could not start the blocking client's runtime: {0}")]
    Runtime(std::io::Error),
}

/// The first [`SNIPPET_LIMIT`] bytes of `body`, cut on a character boundary.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_LIMIT)]);
    let mut text = text.into_owned();
    if body.len() > SNIPPET_LIMIT {
        // A multi-byte character cut in two decodes as U+FFFD: drop it.
        if text.ends_with('\u{FFFD}') {
            text.pop();
        }
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_bounded() {
        assert_eq!(
            snippet(b"<html>bad gateway</html>"),
            "<html>bad gateway</html>"
        );
        let long = "é".repeat(SNIPPET_LIMIT);
        let cut = snippet(long.as_bytes());
        assert!(cut.len() <= SNIPPET_LIMIT + '…'.len_utf8(), "{}", cut.len());
        assert!(cut.ends_with("é…"), "{cut}");
    }

    #[test]
    fn api_error_display() {
        let mut err = ApiError {
            status: StatusCode::NOT_FOUND,
            code: Some(20404),
            message: "The requested resource was not found".into(),
            more_info: Some("https://www.twilio.com/docs/errors/20404".into()),
            details: None,
            attempts: 1,
        };
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 404, code 20404): The requested resource was not found (see https://www.twilio.com/docs/errors/20404)"
        );
        err.status = StatusCode::TOO_MANY_REQUESTS;
        err.code = None;
        err.more_info = None;
        err.attempts = 3;
        err.message = "Too many requests".into();
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 429) after 3 attempts: Too many requests"
        );
    }

    #[test]
    fn timeouts_say_whether_the_request_may_have_been_processed() {
        let sent = TimeoutError::new(Duration::from_millis(500), false, 2);
        assert_eq!(
            sent.to_string(),
            format!("the request timed out (500ms timeout) after 2 attempts{MAYBE_PROCESSED}")
        );
        let connecting = TimeoutError::new(Duration::from_secs(1), true, 1);
        assert_eq!(connecting.to_string(), "connecting timed out (1s timeout)");
    }
}
