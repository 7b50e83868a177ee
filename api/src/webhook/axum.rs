//! Webhooks in an [axum](https://docs.rs/axum) server: an extractor that checks Twilio's
//! signature before a handler sees the request, and pre-action answers as responses.
//!
//! ```no_run
//! use axum::{Router, routing::post};
//! use twill_api::webhook::RequestValidator;
//! use twill_api::webhook::axum::{Verified, WebhookConfig};
//! use twill_api::webhook::conversations::{Event, PreActionResponse};
//!
//! async fn conversations(Verified(event): Verified<Event>) -> PreActionResponse {
//!     println!("{}", event.event_type());
//!     PreActionResponse::Accept
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = WebhookConfig::new(
//!     RequestValidator::new(std::env::var("TWILIO_AUTH_TOKEN")?),
//!     // The URL Twilio calls, which a server behind a proxy does not see.
//!     "https://hooks.example.com",
//! )?;
//! let app = Router::new()
//!     .route("/conversations", post(conversations))
//!     .with_state(config);
//! # let _: Router = app;
//! # Ok(()) }
//! ```

use std::convert::Infallible;
use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

#[cfg(feature = "conversations-v1")]
use super::conversations::{Event, EventError, PreActionResponse};
use super::{
    RequestValidator, SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER, SignatureAlgorithm,
    url_signs_body,
};

/// What [`Verified`] checks requests against: a [`RequestValidator`] and the public base
/// URL Twilio sends webhooks to.
///
/// Twilio signs the URL it calls, as configured in Twilio; a server behind a proxy or a
/// tunnel sees another one (`http://10.0.0.7:8080/conversations` for
/// `https://hooks.example.com/conversations`). The URL checked is this base URL followed by
/// the path and query of the request as the server receives it, so the base URL is
/// everything before the path: scheme, host, a port if Twilio is given one, and a path
/// prefix if the proxy strips one.
///
/// Cheap to clone (the extractor takes it from the router's state once per request).
#[derive(Clone)]
pub struct WebhookConfig {
    inner: Arc<Inner>,
}

struct Inner {
    validator: RequestValidator,
    public_base_url: String,
}

impl WebhookConfig {
    /// Checks signatures with `validator` against URLs that start with `public_base_url`
    /// (`https://hooks.example.com`, or `https://example.com/twilio` when a proxy strips
    /// `/twilio`). A trailing `/` is dropped.
    ///
    /// Fails when `public_base_url` is not an absolute `http` or `https` URL without
    /// credentials, query or fragment.
    pub fn new(
        validator: RequestValidator,
        public_base_url: impl Into<String>,
    ) -> Result<Self, BaseUrlError> {
        let mut base = public_base_url.into();
        let parsed = crate::reqwest::Url::parse(&base).map_err(|_| BaseUrlError(()))?;
        if !matches!(parsed.scheme(), "http" | "https")
            || parsed.host_str().is_none()
            || parsed.query().is_some()
            || parsed.fragment().is_some()
            || !parsed.username().is_empty()
        {
            return Err(BaseUrlError(()));
        }
        while base.ends_with('/') {
            base.pop();
        }
        Ok(WebhookConfig {
            inner: Arc::new(Inner {
                validator,
                public_base_url: base,
            }),
        })
    }

    /// The validator requests are checked with.
    pub fn validator(&self) -> &RequestValidator {
        &self.inner.validator
    }

    /// The public base URL, without a trailing `/`.
    pub fn public_base_url(&self) -> &str {
        &self.inner.public_base_url
    }

    /// The URL Twilio signed for a request the server received at `path_and_query`.
    pub fn signed_url(&self, path_and_query: &str) -> String {
        let mut url =
            String::with_capacity(self.inner.public_base_url.len() + path_and_query.len());
        url.push_str(&self.inner.public_base_url);
        if !path_and_query.starts_with('/') {
            url.push('/');
        }
        url.push_str(path_and_query);
        url
    }
}

impl fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookConfig")
            .field("validator", &self.inner.validator)
            .field("public_base_url", &self.inner.public_base_url)
            .finish()
    }
}

/// [`WebhookConfig::new`] was given a base URL that is not an absolute `http` or `https`
/// URL without credentials, query or fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrlError(());

impl fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a webhook's public base URL must be an absolute http or https URL \
             without credentials, query or fragment",
        )
    }
}

impl StdError for BaseUrlError {}

/// What a form webhook is made into once its signature checked out: a Conversations
/// [event](super::conversations::Event), every parameter as sent ([`WebhookParams`]),
/// or a type of yours.
pub trait FromWebhookForm: Sized {
    /// Why the parameters do not make a `Self`; answered with 400 Bad Request.
    type Error: StdError + Send + Sync + 'static;

    /// Makes `Self` from the form's parameters, in the order they were sent.
    fn from_form(params: &[(String, String)]) -> Result<Self, Self::Error>;
}

#[cfg(feature = "conversations-v1")]
impl FromWebhookForm for Event {
    type Error = EventError;

    fn from_form(params: &[(String, String)]) -> Result<Self, EventError> {
        Event::from_pairs(params)
    }
}

/// Every parameter of a form webhook, in the order it was sent: for webhooks this crate
/// has no type for (Messaging's and Voice's, say).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WebhookParams(pub Vec<(String, String)>);

impl WebhookParams {
    /// The first value of the parameter `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        super::first_value(&self.0, name)
    }
}

impl FromWebhookForm for WebhookParams {
    type Error = Infallible;

    fn from_form(params: &[(String, String)]) -> Result<Self, Infallible> {
        Ok(WebhookParams(params.to_vec()))
    }
}

/// An extractor for a form webhook whose `X-Twilio-Signature` checked out against the
/// [`WebhookConfig`] in the router's state, made into a `T`.
///
/// A `POST` webhook's parameters are its `application/x-www-form-urlencoded` body, which
/// the signature covers after the URL; a `GET` webhook's (a webhook whose method is set
/// to `GET` in Twilio) are the URL's query, which the signature covers as part of the
/// URL. The body is read with axum's `Bytes` extractor, so axum's body limit applies
/// (`DefaultBodyLimit`, 2 MB unless changed). The request is refused with
/// [`WebhookRejection`]: 403 Forbidden when the signature is missing, wrong, or made with
/// another algorithm than the validator's (`X-Twilio-Webhooks-Signature-Settings`), and
/// 400 Bad Request when a signed body does not make a `T`.
#[derive(Debug, Clone)]
pub struct Verified<T>(pub T);

impl<S, T> FromRequest<S> for Verified<T>
where
    S: Send + Sync,
    WebhookConfig: FromRef<S>,
    T: FromWebhookForm,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebhookRejection> {
        let (config, url, signature) = signed(&request, state)?;
        let params: Vec<(String, String)> = if request.method() == Method::GET {
            let query = request.uri().query().unwrap_or_default();
            // Twilio signs a GET request's URL alone: its parameters are in it.
            let no_params: &[(&str, &str)] = &[];
            if !config.validator().validate(&url, no_params, &signature) {
                return Err(WebhookRejection::InvalidSignature);
            }
            form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect()
        } else {
            let body = read_body(request, state).await?;
            let params: Vec<(String, String)> =
                form_urlencoded::parse(&body).into_owned().collect();
            // `validate` refuses a URL with `bodySHA256`: such a request signs its body,
            // not its parameters, and is for `VerifiedBody`.
            if !config.validator().validate(&url, &params, &signature) {
                return Err(WebhookRejection::InvalidSignature);
            }
            params
        };
        T::from_form(&params)
            .map(Verified)
            .map_err(|error| WebhookRejection::Payload(Box::new(error)))
    }
}

/// An extractor for a webhook with a JSON (or any non-form) body, which Twilio signs
/// through the `bodySHA256` parameter of the URL's query: the body's SHA-256 is that
/// value, and the signature is the URL's. Refused as [`Verified`] is.
#[derive(Debug, Clone)]
pub struct VerifiedBody(pub Bytes);

impl<S> FromRequest<S> for VerifiedBody
where
    S: Send + Sync,
    WebhookConfig: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebhookRejection> {
        let (config, url, signature) = signed(&request, state)?;
        if !url_signs_body(&url) {
            return Err(WebhookRejection::InvalidSignature);
        }
        let body = read_body(request, state).await?;
        if !config.validator().validate_body(&url, &body, &signature) {
            return Err(WebhookRejection::InvalidSignature);
        }
        Ok(VerifiedBody(body))
    }
}

/// The configuration, the URL Twilio signed and the signature of a request whose
/// headers say it is signed with the validator's algorithm.
fn signed<S>(
    request: &Request,
    state: &S,
) -> Result<(WebhookConfig, String, String), WebhookRejection>
where
    WebhookConfig: FromRef<S>,
{
    let config = WebhookConfig::from_ref(state);
    let headers = request.headers();
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|value| value.to_str().ok())
        .ok_or(WebhookRejection::MissingSignature)?
        .to_owned();
    // Without the settings header, Twilio signs with HMAC-SHA1 and the Auth Token.
    let algorithm = match headers.get(SIGNATURE_SETTINGS_HEADER) {
        None => SignatureAlgorithm::HmacSha1,
        Some(value) => value
            .to_str()
            .ok()
            .and_then(SignatureAlgorithm::from_settings_header)
            .ok_or(WebhookRejection::OtherAlgorithm)?,
    };
    if algorithm != config.validator().algorithm() {
        return Err(WebhookRejection::OtherAlgorithm);
    }
    let url = config.signed_url(
        request
            .uri()
            .path_and_query()
            .map_or("/", |path_and_query| path_and_query.as_str()),
    );
    Ok((config, url, signature))
}

/// The body, read with axum's `Bytes` extractor (and so its body limit).
async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, WebhookRejection> {
    Bytes::from_request(request, state)
        .await
        .map_err(WebhookRejection::Body)
}

/// Why [`Verified`] refused a request; its response is a status and a short plain-text
/// reason, which never contains a secret or the request's content.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// No `X-Twilio-Signature` header, or not text: 403 Forbidden.
    MissingSignature,
    /// The signature is not the one Twilio would make for this URL and body: 403 Forbidden.
    InvalidSignature,
    /// `X-Twilio-Webhooks-Signature-Settings` names another algorithm than the
    /// validator's, or none this crate knows: 403 Forbidden.
    OtherAlgorithm,
    /// The body could not be read (too large, say): answered as axum answers it.
    Body(BytesRejection),
    /// The signed body does not make the type asked for: 400 Bad Request.
    Payload(Box<dyn StdError + Send + Sync>),
}

impl WebhookRejection {
    /// The status the rejection is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookRejection::MissingSignature
            | WebhookRejection::InvalidSignature
            | WebhookRejection::OtherAlgorithm => StatusCode::FORBIDDEN,
            WebhookRejection::Body(rejection) => rejection.status(),
            WebhookRejection::Payload(_) => StatusCode::BAD_REQUEST,
        }
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookRejection::MissingSignature => f.write_str("no X-Twilio-Signature header"),
            WebhookRejection::InvalidSignature => f.write_str("the Twilio signature is not valid"),
            WebhookRejection::OtherAlgorithm => {
                f.write_str("the request is signed with another algorithm than the validator's")
            }
            WebhookRejection::Body(_) => f.write_str("the webhook's body could not be read"),
            WebhookRejection::Payload(_) => f.write_str("the webhook's parameters are not valid"),
        }
    }
}

impl StdError for WebhookRejection {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            WebhookRejection::Payload(error) => Some(&**error),
            _ => None,
        }
    }
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        match self {
            WebhookRejection::Body(rejection) => rejection.into_response(),
            WebhookRejection::Payload(ref error) => {
                // The payload's error names the field and why (bounded), never a secret.
                (StatusCode::BAD_REQUEST, format!("{self}: {error}")).into_response()
            }
            other => (other.status(), other.to_string()).into_response(),
        }
    }
}

#[cfg(feature = "conversations-v1")]
impl IntoResponse for PreActionResponse {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status()).unwrap_or(StatusCode::OK);
        match self.body() {
            Some(body) => (
                status,
                [(
                    axum::http::header::CONTENT_TYPE,
                    axum::http::HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response(),
            None => status.into_response(),
        }
    }
}
