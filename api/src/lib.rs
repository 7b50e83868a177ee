//! Twilio's Conversations v1 API, declared with twill.
//!
//! Every endpoint is a struct named after its Twilio operation: fill in its fields,
//! call `send` with a [`Client`], and get the typed response or a typed [`Error`].
//!
//! ```no_run
//! use twill_api::Client;
//! use twill_api::conversations::v1::service_configuration::UpdateServiceConfiguration;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?; // TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
//! let configuration = UpdateServiceConfiguration {
//!     chat_service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
//!     reachability_enabled: Some(true),
//!     ..Default::default()
//! }
//! .send(&client)
//! .await?;
//! println!("{:?}", configuration.reachability_enabled);
//! # Ok(()) }
//! ```
//!
//! Declaring an endpoint of your own takes one attribute, [`endpoint`]; this crate
//! re-exports it with everything the generated code and its callers need, so it is the
//! only twill crate to depend on.

// Lets the code `#[endpoint]` generates, which names `::twill_api`, compile here too.
extern crate self as twill_api;

pub mod conversations;

pub use twill_macros::endpoint;
pub use twill_runtime::{
    ApiError, Client, ClientBuilder, ConfigError, Credentials, DEFAULT_BASE_URL, DecodeError,
    Endpoint, Error, Form, HttpError, Method, ParamValue, SNIPPET_LIMIT, Secret, StatusCode,
    TransportError, ValidationError, ValidationErrorKind, WireValue, sid,
};

#[doc(hidden)]
pub use twill_runtime::__private;
