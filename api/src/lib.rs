//! Twilio's REST API, declared with twill: the 55 product specs Twilio publishes, each
//! a module (`api::v2010`, `conversations::v1`...) and a Cargo feature (`api-v2010`,
//! `conversations-v1`...); and a Twilio backend's two other jobs: access tokens for
//! Twilio's client SDKs ([`jwt`]) and verified, typed webhooks ([`webhook`]).
//!
//! Every endpoint is a struct named after its Twilio operation: fill in its fields,
//! call `send` with a [`Client`], and get the typed response or a typed [`Error`]. One
//! client sends every product's endpoints, each to its own host.
//!
//! ```no_run
//! use twill_api::conversations::v1::UpdateServiceConfiguration;
//! use twill_api::{Client, sid};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?; // TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
//! let configuration = UpdateServiceConfiguration {
//!     reachability_enabled: Some(true),
//!     ..UpdateServiceConfiguration::new(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
//! }
//! .send(&client)
//! .await?;
//! println!("{:?}", configuration.reachability_enabled);
//! # Ok(()) }
//! ```
//!
//! Every SID is typed by its prefix ([`Sid<P>`](Sid), with a marker per prefix in
//! [`prefix`]): [`sid!`] checks a literal at compile time, `parse` checks text at run
//! time, and a SID of the wrong kind does not compile. A request with required
//! parameters is made with `new(..)`, which takes them all.
//!
//! Each item has one path: a product's requests, responses and enums are at its
//! version's module (`twill_api::conversations::v1::CreateConversation`); the client,
//! errors, credentials and value types (`Timestamp`, `Sid`, `Secret`...) at the root; what
//! declarations are made of in [`declare`]. An error gives its cause through
//! [`source`](std::error::Error::source), and its message does not repeat it.
//!
//! `reqwest` is a public dependency ([`ClientBuilder::http_client`] takes its builder):
//! [`reqwest`] re-exports the version twill uses, and a twill release that moves to a
//! `reqwest` with breaking changes is a breaking release of twill too.
//!
//! Features: one per product, named after its spec file (`api-v2010` and
//! `conversations-v1` on by default; `verify-v2`, `messaging-v1`... and `full` for all
//! 55), and Conversations v1's resource families, which `conversations-v1` turns on (see
//! `conversations::v1`); `axum` adds `webhook::axum`, an extractor for verified
//! webhooks; `blocking` adds
//! `BlockingClient`, for programs without an async runtime; `tracing` adds a span per
//! request; `testing` adds `EndpointVisitor`, each product's `visit_endpoints` and
//! `Deserialize` for requests, for tests and tools.
//!
//! Declaring an endpoint of your own takes one attribute, [`declare::endpoint`]; the
//! [`declare`] module holds it with every type and trait its code names, so this is the
//! only twill crate to depend on. SIDs may be typed fields or strings checked by
//! `#[sid]`, as here:
//!
//! ```
//! use twill_api::Endpoint;
//! use twill_api::declare::{Form, endpoint};
//!
//! # #[derive(serde::Deserialize)] pub struct ServiceConfiguration {}
//! /// Update configuration settings of a conversation service.
//! #[endpoint(POST, "/v1/Services/<ChatServiceSid>/Configuration", host = "conversations.twilio.com", response = ServiceConfiguration)]
//! pub struct UpdateServiceConfiguration {
//!     #[sid(prefix = "IS")]
//!     pub chat_service_sid: String,
//!     #[sid(prefix = "RL")]
//!     pub default_chat_service_role_sid: Option<String>,
//!     pub reachability_enabled: Option<bool>,
//! }
//!
//! let update = UpdateServiceConfiguration {
//!     chat_service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
//!     default_chat_service_role_sid: Some("RL42".into()),
//!     reachability_enabled: Some(true),
//! };
//! let mut path = String::new();
//! update.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
//! assert_eq!(path, "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Configuration");
//! let mut body = Form::new();
//! update.write_params(&mut body);
//! assert_eq!(body.as_str(), "DefaultChatServiceRoleSid=RL42&ReachabilityEnabled=true");
//! // `send` would refuse it before any I/O:
//! let err = update.validate().unwrap_err();
//! assert_eq!(err.field(), "DefaultChatServiceRoleSid");
//! ```

// Lets the code `#[endpoint]` generates, which names `::twill_api`, compile here too
// (unused when every resource family is turned off).
#[allow(unused_extern_crates)]
extern crate self as twill_api;

#[cfg(feature = "accounts-v1")]
pub mod accounts;
#[cfg(feature = "api-v2010")]
pub mod api;
#[cfg(feature = "assistants-v1")]
pub mod assistants;
#[cfg(feature = "bulkexports-v1")]
pub mod bulkexports;
#[cfg(any(feature = "chat-v1", feature = "chat-v2", feature = "chat-v3"))]
pub mod chat;
#[cfg(any(feature = "content-v1", feature = "content-v2"))]
pub mod content;
#[cfg(feature = "conversations-v1")]
pub mod conversations;
#[cfg(feature = "events-v1")]
pub mod events;
#[cfg(any(feature = "flex-v1", feature = "flex-v2"))]
pub mod flex;
#[cfg(feature = "frontline-v1")]
pub mod frontline;
#[cfg(any(
    feature = "iam-organizations",
    feature = "iam-scim",
    feature = "iam-v1"
))]
pub mod iam;
#[cfg(any(feature = "insights-v1", feature = "insights-v2"))]
pub mod insights;
#[cfg(feature = "intelligence-v2")]
pub mod intelligence;
#[cfg(any(feature = "ip-messaging-v1", feature = "ip-messaging-v2"))]
pub mod ip_messaging;
pub mod jwt;
#[cfg(feature = "knowledge-v1")]
pub mod knowledge;
#[cfg(any(feature = "lookups-v1", feature = "lookups-v2"))]
pub mod lookups;
#[cfg(feature = "marketplace-v1")]
pub mod marketplace;
#[cfg(any(
    feature = "messaging-v1",
    feature = "messaging-v2",
    feature = "messaging-v3"
))]
pub mod messaging;
#[cfg(any(feature = "monitor-v1", feature = "monitor-v2"))]
pub mod monitor;
#[cfg(feature = "notify-v1")]
pub mod notify;
#[cfg(any(feature = "numbers-v1", feature = "numbers-v2", feature = "numbers-v3"))]
pub mod numbers;
#[cfg(any(feature = "oauth-v1", feature = "oauth-v2"))]
pub mod oauth;
#[cfg(feature = "preview")]
pub mod preview;
#[cfg(any(feature = "pricing-v1", feature = "pricing-v2"))]
pub mod pricing;
#[cfg(feature = "proxy-v1")]
pub mod proxy;
#[cfg(feature = "routes-v2")]
pub mod routes;
#[cfg(feature = "serverless-v1")]
pub mod serverless;
#[cfg(any(feature = "studio-v1", feature = "studio-v2"))]
pub mod studio;
#[cfg(feature = "supersim-v1")]
pub mod supersim;
#[cfg(feature = "sync-v1")]
pub mod sync;
#[cfg(feature = "taskrouter-v1")]
pub mod taskrouter;
#[cfg(feature = "trunking-v1")]
pub mod trunking;
#[cfg(feature = "trusthub-v1")]
pub mod trusthub;
#[cfg(any(feature = "verify-v2", feature = "verify-v3"))]
pub mod verify;
#[cfg(feature = "video-v1")]
pub mod video;
#[cfg(feature = "testing")]
mod visit;
#[cfg(feature = "voice-v1")]
pub mod voice;
pub mod webhook;
#[cfg(feature = "wireless-v1")]
pub mod wireless;
#[cfg(feature = "testing")]
pub use crate::visit::EndpointVisitor;
pub use twill_macros::sid;
pub use twill_runtime::{
    ApiError, BodyTooLargeError, BuildError, Client, ClientBuilder, ConfigError, Credentials, Date,
    Decimal, DecimalError, DecodeError, Endpoint, Error, HttpError, HttpMethod,
    MAX_HEADER_VALUE_LEN, MAX_URL_LEN, PRODUCT_HOST_HEADER, PageMeta, PaginationError, Prefix,
    RedirectError, RetryPolicy, Secret, SendOptions, Sid, SidOrName, StatusCode, TimeoutError,
    Timestamp, TokenError, TransportError, UnknownValue, ValidationError, ValidationErrorKind,
    prefix, reqwest,
};

#[cfg(feature = "blocking")]
pub use twill_runtime::BlockingClient;

/// What endpoint declarations are made of: the [`endpoint`](declare::endpoint) attribute
/// and the types and traits of the code it generates, for declaring endpoints this crate
/// does not have (see the crate docs).
///
/// Users who only send this crate's requests need nothing here: its items are named by
/// declarations, and by tools that read an endpoint's parameters ([`Param`](declare::Param)).
pub mod declare {
    pub use twill_macros::endpoint;
    pub use twill_runtime::{
        BodyFormat, Form, Headers, Integer, IntegerParam, JsonBody, Location, Method, NextPage,
        Number, Page, Param, ParamValue, RangeParam, ValueKind, WireValue, sid, wire_enum,
        wire_json,
    };
}

#[doc(hidden)]
pub use twill_runtime::__private;
