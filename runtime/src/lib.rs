//! The runtime behind twill endpoints.
//!
//! Endpoints are declared with the `#[endpoint]` attribute of `twill-macros`; the code
//! it generates implements [`Endpoint`] and sends requests through a [`Client`]. Users
//! normally depend on `twill-api`, which re-exports everything here that they need.
//!
//! What this crate guarantees for every request:
//!
//! - validation (SID formats, path segments) runs before any I/O, and a failure is an
//!   [`Error::Validation`] with nothing sent;
//! - every path parameter is percent-encoded as one path segment;
//! - secrets never appear in `Debug` output or error messages;
//! - every request has a connect timeout and a whole-request timeout.

mod auth;
mod client;
mod endpoint;
mod error;
mod form;
mod path;
mod response;
pub mod sid;
mod validation;

pub use crate::auth::{Credentials, Secret};
pub use crate::client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use crate::endpoint::{Endpoint, Method};
pub use crate::error::{
    ApiError, ConfigError, DecodeError, Error, HttpError, SNIPPET_LIMIT, TransportError,
};
pub use crate::form::{Form, ParamValue, WireValue};
pub use crate::validation::{ValidationError, ValidationErrorKind};
pub use reqwest::StatusCode;

/// Items used by code that `#[endpoint]` generates. Not public API: it may change in
/// any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::Client;
    pub use crate::endpoint::{Endpoint, Method};
    pub use crate::error::Error;
    pub use crate::form::{Form, ParamValue, WireValue};
    pub use crate::path::push_segment;
    pub use crate::validation::{ValidationError, check_path_segment, check_sid};
    pub use ::core::result::Result;
    pub use ::std::string::String;
}
