//! Errors: what went wrong sending a request, or building a client.

use std::fmt;

use reqwest::StatusCode;

use crate::validation::{ValidationError, ValidationErrorKind};

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter failed validation; nothing was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The request could not be sent or its response not received (DNS, connection,
    /// TLS, timeout).
    #[error(transparent)]
    Transport(#[from] TransportError),
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
    /// A list response's `next_page_url` points somewhere the client does not send
    /// credentials to.
    #[error(transparent)]
    Pagination(#[from] PaginationError),
}

impl Error {
    /// The HTTP status of the response, when one was received.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Http(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::Validation(_) | Error::Transport(_) | Error::Pagination(_) => None,
        }
    }

    /// Whether the request was rejected before anything was sent.
    pub fn is_validation(&self) -> bool {
        matches!(self, Error::Validation(_))
    }
}

/// An error response from Twilio: the HTTP status and the JSON body's fields.
///
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
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Twilio API error (HTTP {}", self.status.as_u16())?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        write!(f, "): {}", self.message)?;
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
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP error {}", self.status)?;
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

/// How many bytes of a response body [`HttpError`] and [`DecodeError`] keep.
pub const SNIPPET_LIMIT: usize = 512;

/// The request could not be sent, or its response could not be read.
///
/// Its message holds the whole chain of causes ("... tcp connect error: Connection
/// refused"), so printing it once tells the story.
#[derive(Debug)]
pub struct TransportError {
    inner: reqwest::Error,
}

impl TransportError {
    pub(crate) fn new(inner: reqwest::Error) -> Self {
        // The URL reqwest keeps holds no credential (they travel in a header).
        TransportError { inner }
    }

    /// Whether a connect or request timeout expired.
    pub fn is_timeout(&self) -> bool {
        self.inner.is_timeout()
    }

    /// Whether the connection could not be established.
    pub fn is_connect(&self) -> bool {
        self.inner.is_connect()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "request failed: {}", self.inner)?;
        let mut cause = std::error::Error::source(&self.inner);
        while let Some(err) = cause {
            write!(f, ": {err}")?;
            cause = err.source();
        }
        Ok(())
    }
}

impl std::error::Error for TransportError {}

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
    /// The base URL is not usable.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The HTTP client could not be built (TLS backend initialisation).
    #[error("could not build the HTTP client: {0}")]
    Http(reqwest::Error),
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
        let err = ApiError {
            status: StatusCode::NOT_FOUND,
            code: Some(20404),
            message: "The requested resource was not found".into(),
            more_info: Some("https://www.twilio.com/docs/errors/20404".into()),
        };
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 404, code 20404): The requested resource was not found (see https://www.twilio.com/docs/errors/20404)"
        );
    }
}
