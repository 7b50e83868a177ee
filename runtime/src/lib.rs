//! The runtime behind twill endpoints.
//!
//! Endpoints are declared with the `#[endpoint]` attribute of `twill-macros`; the code
//! it generates implements [`Endpoint`] and sends requests through a [`Client`]. Users
//! normally depend on `twill-api`, which re-exports everything here that they need.
//!
//! What this crate guarantees for every request:
//!
//! - validation (SID formats, string patterns, integer bounds, required lists, path segments, header
//!   values) runs before any I/O, and a failure is an [`Error::Validation`] with nothing
//!   sent;
//! - every path parameter is percent-encoded as one path segment;
//! - secrets never appear in `Debug` output or error messages;
//! - every request has a connect timeout and a whole-request timeout;
//! - a request URL is at most [`MAX_URL_LEN`] bytes and a header value at most
//!   [`MAX_HEADER_VALUE_LEN`]: a longer one is an [`Error::Validation`] naming the
//!   parameter, and nothing is sent;
//! - a request is retried only when that is safe: after a 429 or a connection never
//!   made always, after a 5xx, a timeout or a lost connection only for `GET` and
//!   `DELETE` (or on request), never beyond the retry policy's attempts and delay,
//!   whatever `Retry-After` says;
//! - no redirect is followed: a 3xx answer is an [`Error::Redirect`];
//! - response bodies are read up to a size limit, never without bound, and decode
//!   leniently (a missing or `null` property is `None`, a number or boolean may come as
//!   a string);
//! - each endpoint goes to its product's host (after region and edge) or to the base URL
//!   the client was given for it;
//! - pagination follows a next page only on the origin of the first page, without
//!   credentials in it, and never to a page it already fetched;
//! - error messages are bounded, whatever the server sends.
//!
//! Credentials ([`Credentials`]) are an account SID with its auth token or an API key
//! with its secret, sent as HTTP Basic credentials, or OAuth 2.0 client credentials
//! ([`Credentials::client_credentials`]), exchanged for a bearer token at
//! [`ClientBuilder::DEFAULT_OAUTH_TOKEN_URL`] (or [`ClientBuilder::oauth_token_url`]),
//! kept until [`ClientBuilder::OAUTH_REFRESH_MARGIN`] before it expires, and fetched once
//! however many requests wait for it; a token that cannot be had is an
//! [`Error::Token`] ([`TokenError`]) with nothing sent to the API. Secrets are
//! [`Secret`]s.
//!
//! Features: `blocking` adds `BlockingClient`; `tracing` adds a span per request.

mod auth;
#[cfg(feature = "blocking")]
mod blocking;
mod bounded;
mod builder;
mod client;
mod decimal;
mod endpoint;
mod error;
mod exchange;
mod form;
mod headers;
mod http_method;
mod json;
mod lenient;
mod limits;
mod meta;
mod oauth;
mod page;
mod pager;
mod path;
mod pattern;
pub mod prefix;
mod region;
mod response;
mod retry;
pub mod sid;
mod sid_or_name;
mod typed_sid;
mod validation;
mod value;
mod wire_enum;
mod wire_json;

pub use crate::auth::{Credentials, Secret};
#[cfg(feature = "blocking")]
pub use crate::blocking::BlockingClient;
pub use crate::builder::ClientBuilder;
pub use crate::client::{Client, PRODUCT_HOST_HEADER};
pub use crate::decimal::{Decimal, DecimalError};
pub use crate::endpoint::{BodyFormat, Endpoint, Method};
pub use crate::error::{
    ApiError, BodyTooLargeError, BuildError, ConfigError, DecodeError, Error, HttpError,
    PaginationError, RedirectError, SNIPPET_LIMIT, TimeoutError, TokenError, TransportError,
};
pub use crate::form::Form;
pub use crate::headers::Headers;
pub use crate::http_method::HttpMethod;
pub use crate::json::JsonBody;
pub use crate::limits::{MAX_HEADER_VALUE_LEN, MAX_URL_LEN};
pub use crate::meta::{Location, Param};
pub use crate::page::{NextPage, Page, PageMeta};
pub use crate::retry::{RetryPolicy, SendOptions};
pub use crate::sid_or_name::SidOrName;
pub use crate::typed_sid::{Prefix, Sid};
pub use crate::validation::{ValidationError, ValidationErrorKind};
pub use crate::value::{
    Integer, IntegerParam, Number, ParamValue, RangeParam, ValueKind, WireValue,
};
pub use crate::wire_enum::UnknownValue;
pub use futures_core::Stream;
pub use jiff::Timestamp;
/// A calendar date, such as `2020-01-02`: the `date` parameters and properties of the API.
pub use jiff::civil::Date;
/// The `reqwest` this crate is built on, whose types are part of its API
/// ([`ClientBuilder::http_client`], [`ConfigError::Http`], [`StatusCode`]): configure
/// the HTTP client through this path and its version always matches. A release of
/// twill that moves to a `reqwest` with breaking changes is itself a breaking release.
pub use reqwest;
pub use reqwest::StatusCode;

/// Items used by code that `#[endpoint]` and `wire_enum!` generate. Not public API: it
/// may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::Client;
    pub use crate::endpoint::{BodyFormat, Endpoint, Method};
    pub use crate::error::Error;
    pub use crate::form::Form;
    pub use crate::headers::Headers;
    pub use crate::http_method::HttpMethod;
    pub use crate::json::JsonBody;
    pub use crate::meta::{Location, Param};
    pub use crate::page::Page;
    pub use crate::typed_sid::Sid;
    /// Lenient decoding of response values, named by generated `deserialize_with`s.
    pub mod lenient {
        pub use crate::lenient::{Scalar, date, or_default, scalar, sid, string_map, timestamp};
    }
    pub use crate::path::{account_segment, push_segment};
    pub use crate::pattern::{Pattern, check_pattern};
    /// The SID kind markers, named by the `Sid<prefix::XX>` that `sid!` expands to.
    pub use crate::prefix;
    pub use crate::validation::{
        ValidationError, check_header, check_path_segment, check_range, check_required, check_sid,
    };
    pub use crate::value::{ParamValue, WireValue};
    pub use crate::wire_enum::{WireEnumVisitor, unknown_value};
    pub use crate::wire_json::json_wire_text;
    pub use ::core::option::Option;
    pub use ::core::result::Result;
    pub use ::futures_core::Stream;
    pub use ::serde;
    pub use ::std::string::String;
}
