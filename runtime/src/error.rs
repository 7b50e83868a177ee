//! Errors: what went wrong sending a request, or building a client.
//!
//! No error holds a credential: they travel in a header that no error records, and the
//! URLs kept hold none. Every message of this crate's errors is bounded: text that came
//! from a server or a caller (a message, a body, a URL, a value) is shown cut to a few
//! hundred characters, with no run of more than 100 characters verbatim and no query
//! string.
//!
//! An error's message says what failed at its own level; the error behind it (an
//! `std::io::Error`, a `reqwest::Error`, a `serde_json::Error`) is its
//! [`source`](std::error::Error::source), not part of its message. Those causes are other
//! crates' errors with their own messages: short for connection failures, while a JSON
//! decoder's report can quote a value of the body in full.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::bounded::{Bounded, ShownUrl, truncate};
use crate::validation::{ValidationError, ValidationErrorKind};

/// Why a request failed.
///
/// Its message (`Display`) says what failed; what caused it, when something did (a
/// connection refused, a decoder's report), is its
/// [`source`](std::error::Error::source), as the Rust API guidelines have it. To print
/// the whole chain, walk `source()`, or use a reporter that does, such as `anyhow`'s
/// `{:#}`:
///
/// ```
/// use std::error::Error as _;
///
/// fn report(err: &twill_runtime::Error) -> String {
///     let mut text = err.to_string();
///     let mut cause = err.source();
///     while let Some(err) = cause {
///         text.push_str(": ");
///         text.push_str(&err.to_string());
///         cause = err.source();
///     }
///     text
/// }
/// # let _ = report;
/// ```
///
/// A cause can be looked for by type, such as the `std::io::Error` of a connection
/// refused: `err.source()`, then each one's `source()`, with
/// `downcast_ref`.
///
/// Each variant shows its inner error's message, and gives that error's source as its
/// own.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter failed validation, or the request would be too large to send;
    /// nothing was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The request could not be built from the endpoint's values (the URL it makes does
    /// not parse, say); nothing was sent.
    #[error(transparent)]
    Build(#[from] BuildError),
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
    /// The server answered with a redirect (`3xx`), which twill never follows.
    #[error(transparent)]
    Redirect(#[from] RedirectError),
    /// A success status whose body does not decode into the response type.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The response body is larger than the client's limit; it was not read.
    #[error(transparent)]
    BodyTooLarge(#[from] BodyTooLargeError),
    /// A list response's `next_page_url` is one the client does not follow: on another
    /// host, carrying credentials, too long, or naming a page this stream already
    /// fetched.
    #[error(transparent)]
    Pagination(#[from] PaginationError),
    /// No OAuth access token could be had from the token endpoint (client credentials
    /// only); nothing was sent to the API.
    #[error(transparent)]
    Token(#[from] TokenError),
}

impl Error {
    /// The HTTP status of the last response, when one was received.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Http(e) => Some(e.status),
            Error::Redirect(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::BodyTooLarge(e) => Some(e.status),
            Error::Validation(_)
            | Error::Build(_)
            | Error::Transport(_)
            | Error::Timeout(_)
            | Error::Pagination(_)
            | Error::Token(_) => None,
        }
    }

    /// How many attempts were made: 0 when the request was refused before sending,
    /// more than 1 when it was retried.
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Validation(_) | Error::Build(_) | Error::Pagination(_) | Error::Token(_) => 0,
            Error::Transport(e) => e.attempts,
            Error::Timeout(e) => e.attempts,
            Error::Api(e) => e.attempts,
            Error::Http(e) => e.attempts,
            Error::Redirect(e) => e.attempts,
            Error::Decode(e) => e.attempts,
            Error::BodyTooLarge(e) => e.attempts,
        }
    }

    /// Whether a parameter failed validation, so nothing was sent. A request that
    /// could not be built ([`Error::Build`]) was not sent either.
    pub fn is_validation(&self) -> bool {
        matches!(self, Error::Validation(_))
    }

    /// The error for a failure of the HTTP client: [`Error::Build`] for a request it
    /// could not build, else [`Error::Transport`].
    pub(crate) fn transport(inner: reqwest::Error, tries: Tries) -> Error {
        if inner.is_builder() {
            BuildError::new(inner).into()
        } else {
            TransportError::new(inner, tries).into()
        }
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

/// Why a request was not sent again after its last attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The outcome is not one that is retried: a `4xx`, a redirect, a success, a
    /// request that could not be built.
    Final,
    /// The retry policy allows no more attempts.
    AttemptLimit,
    /// The next wait (the server's `Retry-After`, or the backoff) is longer than what is
    /// left of the retry policy's total delay.
    DelayBudget {
        /// The wait the retry needed.
        wait: Duration,
    },
    /// The request may have been processed, and its method is not idempotent.
    NotRepeatable,
}

/// The attempts of a request, for its error message: " after 3 attempts" before the
/// details, and what ended the retries after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tries {
    pub(crate) attempts: u32,
    pub(crate) stop: Stop,
}

impl Tries {
    /// " after 3 attempts" for more than one attempt.
    fn count(self) -> impl fmt::Display {
        struct Count(u32);
        impl fmt::Display for Count {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if self.0 > 1 {
                    write!(f, " after {} attempts", self.0)?;
                }
                Ok(())
            }
        }
        Count(self.attempts)
    }

    /// What ended the retries, as a clause to end the message with.
    fn stop(self) -> impl fmt::Display {
        struct Why(Tries);
        impl fmt::Display for Why {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0.stop {
                    Stop::Final => Ok(()),
                    Stop::AttemptLimit if self.0.attempts <= 1 => {
                        f.write_str("; not retried: the retry policy allows one attempt")
                    }
                    Stop::AttemptLimit => f.write_str("; the retry policy allows no more attempts"),
                    Stop::DelayBudget { wait } => write!(
                        f,
                        "; not retried: the next wait ({wait:?}) is longer than what is left \
                         of the retry policy's total delay"
                    ),
                    Stop::NotRepeatable => f.write_str(MAYBE_PROCESSED),
                }
            }
        }
        Why(self)
    }
}

const MAYBE_PROCESSED: &str =
    "; the request may have been processed, so it was not repeated automatically";

/// How many characters of a server's message, a body or a decoder's report an error
/// message shows.
const SHOWN_TEXT: usize = 512;

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
    pub(crate) stop: Stop,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = self.tries();
        write!(f, "Twilio API error (HTTP {}", self.status.as_u16())?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        write!(
            f,
            "){}: {}",
            tries.count(),
            Bounded::new(&self.message, SHOWN_TEXT)
        )?;
        if let Some(more_info) = &self.more_info {
            write!(f, " (see {})", ShownUrl(more_info))?;
        }
        write!(f, "{}", tries.stop())
    }
}

impl ApiError {
    /// An error response with `status`, Twilio's error `code` and `message`, received
    /// on the first attempt; `more_info` and `details` are `None` and can be set after,
    /// as can `attempts`. For tests of code that handles errors:
    ///
    /// ```
    /// use twill_runtime::{ApiError, Error, StatusCode};
    ///
    /// let mut api = ApiError::new(StatusCode::NOT_FOUND, Some(20404), "Not found");
    /// api.more_info = Some("https://www.twilio.com/docs/errors/20404".into());
    /// let err = Error::from(api);
    ///
    /// match &err {
    ///     Error::Api(api) if api.code == Some(20404) => {}
    ///     other => panic!("unexpected error: {other}"),
    /// }
    /// assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "Twilio API error (HTTP 404, code 20404): Not found \
    ///      (see https://www.twilio.com/docs/errors/20404)"
    /// );
    /// ```
    pub fn new(status: StatusCode, code: Option<u32>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            more_info: None,
            details: None,
            attempts: 1,
            stop: Stop::Final,
        }
    }

    fn tries(&self) -> Tries {
        Tries {
            attempts: self.attempts,
            stop: self.stop,
        }
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
    pub(crate) stop: Stop,
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = Tries {
            attempts: self.attempts,
            stop: self.stop,
        };
        write!(f, "HTTP error {}{}", self.status, tries.count())?;
        if !self.snippet.is_empty() {
            write!(f, ": {}", Bounded::new(&self.snippet, SHOWN_TEXT))?;
        }
        write!(f, "{}", tries.stop())
    }
}

impl std::error::Error for HttpError {}

impl HttpError {
    /// An error response with `status` and a body starting with `snippet` (kept up to
    /// [`SNIPPET_LIMIT`] bytes), received on the first attempt; `attempts` can be set
    /// after. For tests of code that handles errors:
    ///
    /// ```
    /// use twill_runtime::{Error, HttpError, StatusCode};
    ///
    /// let err = Error::from(HttpError::new(StatusCode::BAD_GATEWAY, "<html>Bad gateway</html>"));
    /// assert!(matches!(&err, Error::Http(http) if http.status == StatusCode::BAD_GATEWAY));
    /// assert_eq!(err.to_string(), "HTTP error 502 Bad Gateway: <html>Bad gateway</html>");
    /// ```
    pub fn new(status: StatusCode, snippet: impl Into<String>) -> Self {
        let mut snippet = snippet.into();
        snippet.truncate(truncate(&snippet, SNIPPET_LIMIT).len());
        HttpError {
            status,
            snippet,
            attempts: 1,
            stop: Stop::Final,
        }
    }
}

/// A redirect (`3xx`) answer. twill follows no redirect: Twilio's REST API does not
/// redirect, and following one would send the request, and its body, somewhere the
/// client was not pointed at. Nothing was sent to `location`, and the request was not
/// retried.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedirectError {
    /// The HTTP status of the response: `301`, `302`, `307`...
    pub status: StatusCode,
    /// The `Location` header, if any (at most [`MAX_URL_LEN`](crate::MAX_URL_LEN)
    /// bytes of it).
    pub location: Option<String>,
    /// How many attempts were made.
    pub attempts: u32,
}

impl fmt::Display for RedirectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = Tries {
            attempts: self.attempts,
            stop: Stop::Final,
        };
        write!(f, "HTTP {} redirect{}", self.status, tries.count())?;
        if let Some(location) = &self.location {
            write!(f, " to {}", ShownUrl(location))?;
        }
        f.write_str(" not followed: twill follows no redirect")
    }
}

impl std::error::Error for RedirectError {}

impl RedirectError {
    pub(crate) fn new(status: StatusCode, location: Option<&[u8]>, attempts: u32) -> Self {
        let location = location.map(|bytes| {
            let text = String::from_utf8_lossy(bytes);
            truncate(&text, crate::MAX_URL_LEN).to_owned()
        });
        RedirectError {
            status,
            location,
            attempts,
        }
    }
}

/// A success response whose body does not match the response type.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// Where in the body the offending value is, as a JSON path:
    /// `conversations[3].date_created`; `.` for the whole body.
    pub path: String,
    /// The part of the body around the offending value, at most [`SNIPPET_LIMIT`]
    /// bytes, lossily decoded as UTF-8; `…` marks where it was cut.
    pub snippet: String,
    /// What the JSON decoder reported: this error's
    /// [`source`](std::error::Error::source).
    pub error: serde_json::Error,
    /// How many attempts were made.
    pub attempts: u32,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the response body (HTTP {})",
            self.status.as_u16()
        )?;
        if self.path != "." {
            write!(f, " at `{}`", Bounded::new(&self.path, SHOWN_TEXT))?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

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
/// Its message says how many attempts were made and whether the connection could be
/// made; the `reqwest::Error` behind it, without the request's URL, is its
/// [`source`](std::error::Error::source), and that error's chain reaches the cause
/// (for a connection refused, an `std::io::Error` of kind
/// [`ConnectionRefused`](std::io::ErrorKind::ConnectionRefused)).
#[derive(Debug)]
pub struct TransportError {
    inner: reqwest::Error,
    attempts: u32,
    sent: bool,
    stop: Stop,
}

impl TransportError {
    fn new(inner: reqwest::Error, tries: Tries) -> Self {
        // A connection never made was not sent.
        let sent = !inner.is_connect();
        TransportError {
            // The URL can be long and hold parameter values: the source's message
            // leaves it out.
            inner: inner.without_url(),
            attempts: tries.attempts,
            sent,
            stop: tries.stop,
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
        let tries = Tries {
            attempts: self.attempts,
            stop: self.stop,
        };
        let what = if self.inner.is_connect() {
            "could not connect"
        } else {
            "the connection failed before a complete response"
        };
        write!(
            f,
            "request failed{} ({what}){}",
            tries.count(),
            tries.stop()
        )
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

/// The request could not be built from the endpoint's values (the URL it makes does not
/// parse, say), so nothing was sent and it was not retried.
///
/// The `reqwest::Error` that says why, without the request's URL, is its
/// [`source`](std::error::Error::source).
#[derive(Debug)]
pub struct BuildError {
    inner: reqwest::Error,
}

impl BuildError {
    pub(crate) fn new(inner: reqwest::Error) -> Self {
        BuildError {
            // The URL can be long and hold parameter values: the source's message
            // leaves it out.
            inner: inner.without_url(),
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the request could not be built from the endpoint's values, so nothing was sent",
        )
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

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
    stop: Stop,
}

impl TimeoutError {
    pub(crate) fn new(after: Duration, connecting: bool, tries: Tries) -> Self {
        TimeoutError {
            after,
            connecting,
            attempts: tries.attempts,
            sent: !connecting,
            stop: tries.stop,
        }
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = Tries {
            attempts: self.attempts,
            stop: self.stop,
        };
        let what = if self.connecting {
            "connecting"
        } else {
            "the request"
        };
        write!(
            f,
            "{what} timed out ({:?} timeout){}{}",
            self.after,
            tries.count(),
            tries.stop()
        )
    }
}

impl std::error::Error for TimeoutError {}

/// A `next_page_url` that the client refuses to follow. Credentials go only to the
/// client's own API host, and a stream ends rather than fetch a page twice.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PaginationError {
    /// The URL given by the server (at most [`MAX_URL_LEN`](crate::MAX_URL_LEN) bytes
    /// of it).
    pub url: String,
    /// Why it is refused.
    pub reason: &'static str,
}

impl PaginationError {
    pub(crate) fn new(url: &str, reason: &'static str) -> Self {
        PaginationError {
            url: truncate(url, crate::MAX_URL_LEN).to_owned(),
            reason,
        }
    }
}

impl fmt::Display for PaginationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refusing to follow next_page_url {}: {}",
            ShownUrl(&self.url),
            self.reason
        )
    }
}

impl std::error::Error for PaginationError {}

/// No OAuth access token could be had (OAuth client credentials only), so nothing was
/// sent to the API.
///
/// Either the token request failed (the endpoint answered with an error status, could
/// not be reached, timed out...), and that request's error is this error's
/// [`source`](std::error::Error::source) and [`request_error`](Self::request_error); or
/// the endpoint answered with a success whose body is not a usable token, and
/// [`reason`](Self::reason) says why. Neither message shows the client secret, nor any
/// part of the token endpoint's success body, which may hold a token.
#[derive(Debug)]
pub struct TokenError {
    kind: TokenErrorKind,
}

#[derive(Debug)]
enum TokenErrorKind {
    /// The token request failed.
    Request(Box<Error>),
    /// A success answer that is not a usable token.
    Response(&'static str),
}

impl TokenError {
    pub(crate) fn request(error: Error) -> Self {
        TokenError {
            kind: TokenErrorKind::Request(Box::new(error)),
        }
    }

    pub(crate) fn response(reason: &'static str) -> Self {
        TokenError {
            kind: TokenErrorKind::Response(reason),
        }
    }

    /// The HTTP status the token endpoint answered with, when it answered.
    pub fn status(&self) -> Option<StatusCode> {
        match &self.kind {
            TokenErrorKind::Request(error) => error.status(),
            TokenErrorKind::Response(_) => None,
        }
    }

    /// The token request's error, when it failed: an [`Error::Api`] for Twilio's JSON
    /// error (a `401` for wrong client credentials, say), an [`Error::Http`],
    /// [`Error::Transport`], [`Error::Timeout`]...
    pub fn request_error(&self) -> Option<&Error> {
        match &self.kind {
            TokenErrorKind::Request(error) => Some(error),
            TokenErrorKind::Response(_) => None,
        }
    }

    /// Why a success answer is not a usable token, such as `"has no access_token"`.
    pub fn reason(&self) -> Option<&'static str> {
        match &self.kind {
            TokenErrorKind::Request(_) => None,
            TokenErrorKind::Response(reason) => Some(reason),
        }
    }
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("could not get an OAuth access token, so nothing was sent to the API: ")?;
        match &self.kind {
            TokenErrorKind::Request(error) => match error.status() {
                Some(status) => write!(f, "the token endpoint answered HTTP {}", status.as_u16()),
                None => f.write_str("the token request failed"),
            },
            TokenErrorKind::Response(reason) => {
                write!(f, "the token endpoint's answer {reason}")
            }
        }
    }
}

impl std::error::Error for TokenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            TokenErrorKind::Request(error) => Some(&**error),
            TokenErrorKind::Response(_) => None,
        }
    }
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
    #[error("invalid base URL {}: {reason}", ShownUrl(url))]
    InvalidBaseUrl {
        /// The URL given, without credentials it may hold (`user:password@`).
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A host given to `ClientBuilder::host_url` is not a host name.
    #[error(
        "invalid host `{}` for ClientBuilder::host_url: expected a host name such as `api.twilio.com`",
        Bounded::new(host, 100)
    )]
    InvalidHost {
        /// The host given.
        host: String,
    },
    /// An edge or region is not a DNS label.
    #[error(
        "invalid {what} `{}`: expected letters, digits and hyphens",
        Bounded::new(value, 100)
    )]
    InvalidLocation {
        /// `edge` or `region`.
        what: &'static str,
        /// The value given.
        value: String,
    },
    /// The HTTP client could not be built (TLS backend initialisation). The
    /// `reqwest::Error` saying why is this error's
    /// [`source`](std::error::Error::source).
    #[error("could not build the HTTP client")]
    Http(
        /// Why: reqwest is a public dependency of this crate, and its error type part
        /// of this crate's API.
        #[source]
        reqwest::Error,
    ),
    /// OAuth client credentials with an empty client ID or secret.
    #[error("invalid OAuth client credentials: {0}")]
    InvalidClientCredentials(
        /// What is wrong with them.
        &'static str,
    ),
    /// The URL given to `ClientBuilder::oauth_token_url` is not usable, or was given
    /// with credentials that are not OAuth client credentials.
    #[error("invalid OAuth token URL {}: {reason}", ShownUrl(url))]
    InvalidTokenUrl {
        /// The URL given, without credentials it may hold (`user:password@`).
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The blocking client's runtime could not start. The `std::io::Error` saying why
    /// is this error's [`source`](std::error::Error::source).
    #[error("could not start the blocking client's runtime")]
    Runtime(
        /// Why the runtime could not start.
        #[source]
        std::io::Error,
    ),
}

/// At most [`SNIPPET_LIMIT`] bytes of `body` around byte `at` (from its start when `at`
/// is 0), cut on character boundaries, with `…` where it was cut.
pub(crate) fn snippet(body: &[u8], at: usize) -> String {
    let at = at.min(body.len());
    let start = at.saturating_sub(SNIPPET_LIMIT / 2);
    let end = start.saturating_add(SNIPPET_LIMIT).min(body.len());
    let mut text = String::from_utf8_lossy(&body[start..end]).into_owned();
    // A multi-byte character cut in two decodes as U+FFFD at either end: drop it.
    if end < body.len() && text.ends_with('\u{FFFD}') {
        text.pop();
    }
    if start > 0 && text.starts_with('\u{FFFD}') {
        text.remove(0);
    }
    if start > 0 {
        text.insert(0, '…');
    }
    if end < body.len() {
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
            snippet(b"<html>bad gateway</html>", 0),
            "<html>bad gateway</html>"
        );
        let long = "é".repeat(SNIPPET_LIMIT);
        let cut = snippet(long.as_bytes(), 0);
        assert!(cut.len() <= SNIPPET_LIMIT + '…'.len_utf8(), "{}", cut.len());
        assert!(cut.ends_with("é…"), "{cut}");

        let body = format!("{}\"oops\"{}", "a".repeat(5000), "b".repeat(5000));
        let around = snippet(body.as_bytes(), 5000);
        assert!(around.starts_with('…') && around.ends_with('…'), "{around}");
        assert!(around.contains("a\"oops\"b"), "{around}");
        assert!(around.len() <= SNIPPET_LIMIT + 2 * '…'.len_utf8());
    }

    fn api_error(attempts: u32, stop: Stop) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: Some(20404),
            message: "The requested resource was not found".into(),
            more_info: Some("https://www.twilio.com/docs/errors/20404".into()),
            details: None,
            attempts,
            stop,
        }
    }

    #[test]
    fn api_error_display() {
        let mut err = api_error(1, Stop::Final);
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 404, code 20404): The requested resource was not found (see https://www.twilio.com/docs/errors/20404)"
        );
        err.status = StatusCode::TOO_MANY_REQUESTS;
        err.code = None;
        err.more_info = None;
        err.attempts = 3;
        err.stop = Stop::AttemptLimit;
        err.message = "Too many requests".into();
        assert_eq!(
            err.to_string(),
            "Twilio API error (HTTP 429) after 3 attempts: Too many requests; the retry policy allows no more attempts"
        );
    }

    /// One message per way the retries can end, each saying what happened.
    #[test]
    fn every_retry_outcome_says_what_happened() {
        let base = "Twilio API error (HTTP 404, code 20404)";
        let tail =
            ": The requested resource was not found (see https://www.twilio.com/docs/errors/20404)";
        let cases = [
            (1, Stop::Final, format!("{base}{tail}")),
            (2, Stop::Final, format!("{base} after 2 attempts{tail}")),
            (
                1,
                Stop::AttemptLimit,
                format!("{base}{tail}; not retried: the retry policy allows one attempt"),
            ),
            (
                3,
                Stop::AttemptLimit,
                format!("{base} after 3 attempts{tail}; the retry policy allows no more attempts"),
            ),
            (
                1,
                Stop::DelayBudget {
                    wait: Duration::from_secs(120),
                },
                format!(
                    "{base}{tail}; not retried: the next wait (120s) is longer than what is left of the retry policy's total delay"
                ),
            ),
            (
                1,
                Stop::NotRepeatable,
                format!("{base}{tail}{MAYBE_PROCESSED}"),
            ),
        ];
        for (attempts, stop, expected) in cases {
            assert_eq!(api_error(attempts, stop).to_string(), expected);
        }
    }

    #[test]
    fn timeouts_say_what_ended_the_retries() {
        let tries = |attempts, stop| Tries { attempts, stop };
        let post = TimeoutError::new(
            Duration::from_millis(500),
            false,
            tries(1, Stop::NotRepeatable),
        );
        assert_eq!(
            post.to_string(),
            format!("the request timed out (500ms timeout){MAYBE_PROCESSED}")
        );
        let get = TimeoutError::new(
            Duration::from_millis(500),
            false,
            tries(3, Stop::AttemptLimit),
        );
        assert_eq!(
            get.to_string(),
            "the request timed out (500ms timeout) after 3 attempts; the retry policy allows no more attempts"
        );
        let connecting = TimeoutError::new(Duration::from_secs(1), true, tries(1, Stop::Final));
        assert_eq!(connecting.to_string(), "connecting timed out (1s timeout)");
    }

    /// The messages of an error and of its causes, outermost first.
    fn chain(err: &dyn std::error::Error) -> Vec<String> {
        let mut messages = vec![err.to_string()];
        let mut cause = err.source();
        while let Some(err) = cause {
            messages.push(err.to_string());
            cause = err.source();
        }
        messages
    }

    #[test]
    fn a_request_reqwest_cannot_build_is_a_build_error_with_its_cause() {
        let refused = reqwest::Client::new()
            .get("http://[::1/v1/Services?Token=secret")
            .build()
            .unwrap_err();
        assert!(refused.is_builder());
        let tries = Tries {
            attempts: 1,
            stop: Stop::Final,
        };
        let err = Error::transport(refused, tries);
        let Error::Build(build) = &err else {
            panic!("expected a build error, got {err:?}");
        };
        assert_eq!(
            chain(&err),
            [
                "the request could not be built from the endpoint's values, so nothing was sent",
                "builder error",
                "invalid IPv6 address",
            ]
        );
        let reqwest = std::error::Error::source(build)
            .and_then(|cause| cause.downcast_ref::<reqwest::Error>())
            .expect("the source is the reqwest::Error");
        assert!(reqwest.is_builder() && reqwest.url().is_none());
        assert_eq!(err.attempts(), 0);
        assert_eq!(err.status(), None);
        assert!(!err.may_have_been_processed() && !err.is_validation());
        assert!(!format!("{err:?}").contains("secret"), "{err:?}");
    }

    #[test]
    fn errors_made_by_users_display_as_received_ones() {
        let mut made = ApiError::new(
            StatusCode::NOT_FOUND,
            Some(20404),
            "The requested resource was not found",
        );
        made.more_info = Some("https://www.twilio.com/docs/errors/20404".into());
        assert_eq!(made, api_error(1, Stop::Final));

        let long = "x".repeat(SNIPPET_LIMIT * 2);
        let http = HttpError::new(StatusCode::BAD_GATEWAY, long);
        assert_eq!(http.snippet.len(), SNIPPET_LIMIT);
        assert_eq!(http.attempts, 1);
        let cut = HttpError::new(StatusCode::BAD_GATEWAY, "é".repeat(SNIPPET_LIMIT));
        assert_eq!(cut.snippet.len(), SNIPPET_LIMIT);
        assert!(std::error::Error::source(&Error::from(http)).is_none());
    }

    #[test]
    fn config_errors_give_their_cause_as_source() {
        let io = std::io::Error::other("no threads left");
        let err = ConfigError::Runtime(io);
        assert_eq!(
            chain(&err),
            [
                "could not start the blocking client's runtime",
                "no threads left"
            ]
        );
    }

    #[test]
    fn outside_text_is_bounded() {
        let token = "T".repeat(70_000);
        let mut err = api_error(1, Stop::Final);
        err.message = format!("Invalid PageToken {token}\r\nX-Injected: 1");
        err.more_info = Some(format!("https://example.com/errors?token={token}"));
        let shown = err.to_string();
        assert!(shown.len() < 700, "{} bytes", shown.len());
        assert!(!shown.contains(&"T".repeat(101)));
        assert!(
            !shown.contains('\n') && !shown.contains("token="),
            "{shown}"
        );

        let redirect = RedirectError::new(
            StatusCode::FOUND,
            Some(format!("https://u:pw@elsewhere.example.com/x?PageToken={token}").as_bytes()),
            1,
        );
        assert_eq!(
            redirect.to_string(),
            "HTTP 302 Found redirect to https://[redacted]@elsewhere.example.com/x?… not followed: twill follows no redirect"
        );
        assert!(redirect.location.unwrap().len() <= crate::MAX_URL_LEN);

        let pagination = PaginationError::new(&format!("https://a.example/{token}"), "why");
        assert!(pagination.to_string().len() < 200, "{pagination}");
        assert!(pagination.url.len() <= crate::MAX_URL_LEN);

        let config = ConfigError::InvalidBaseUrl {
            url: format!("https://u:pw@{token}"),
            reason: "why",
        };
        assert!(config.to_string().len() < 200, "{config}");
        assert!(!config.to_string().contains("pw"), "{config}");
    }
}
