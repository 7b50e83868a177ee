//! The client: one connection pool, credentials, base URL and timeouts.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};

use futures_core::Stream;
use serde::de::DeserializeOwned;

use crate::auth::{Credentials, Secret};
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, Error, PaginationError, TransportError};
use crate::form::Form;
use crate::headers::Headers;
use crate::page::Page;
use crate::response;

/// Where requests go unless [`ClientBuilder::base_url`] says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://conversations.twilio.com";

/// `User-Agent` sent with every request.
const USER_AGENT: &str = concat!("twill/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// Sends requests to Twilio.
///
/// Cheap to clone (clones share one connection pool) and `Send + Sync`: build one and
/// share it. Every request carries HTTP Basic credentials, `Accept: application/json`
/// and a `User-Agent` naming twill and its version.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use twill_runtime::Client;
///
/// let client = Client::from_env()?; // TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Scheme, host, port and optional path prefix, without a trailing `/`.
    base_url: Box<str>,
    /// The same, parsed, to check `next_page_url`s against.
    base: Url,
    credentials: Credentials,
    authorization: HeaderValue,
}

impl Client {
    /// A client with the given account SID and auth token and default settings.
    pub fn new(
        account_sid: impl Into<String>,
        auth_token: impl Into<Secret>,
    ) -> Result<Self, ConfigError> {
        Client::builder()
            .credentials(Credentials::auth_token(account_sid, auth_token))
            .build()
    }

    /// A client with credentials from `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`.
    pub fn from_env() -> Result<Self, ConfigError> {
        Client::builder()
            .credentials(Credentials::from_env()?)
            .build()
    }

    /// A builder, to set the base URL or timeouts.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The base URL requests go to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The account SID of the client's credentials.
    pub fn account_sid(&self) -> &str {
        self.inner.credentials.account_sid()
    }

    /// Validates and sends `endpoint`, then decodes the response.
    ///
    /// Endpoints declared with `#[endpoint]` also have a `send` method that calls this.
    /// If validation fails the error is [`Error::Validation`] and nothing is sent.
    pub async fn send<E: Endpoint + ?Sized>(&self, endpoint: &E) -> Result<E::Response, Error> {
        endpoint.validate()?;
        let inner = &*self.inner;

        let mut url = String::with_capacity(inner.base_url.len() + 96);
        url.push_str(&inner.base_url);
        endpoint.write_path(&mut url);
        let mut params = Form::new();
        endpoint.write_params(&mut params);
        let mut headers = Headers::new();
        endpoint.write_headers(&mut headers);

        let method = E::METHOD.to_http();
        let mut request = if E::METHOD.has_form_body() {
            inner
                .http
                .request(method, url)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(params.into_string())
        } else {
            if !params.is_empty() {
                url.push('?');
                url.push_str(params.as_str());
            }
            inner.http.request(method, url)
        };
        for (name, value) in headers.iter() {
            request = request.header(name, value);
        }
        self.execute(request).await
    }

    /// Streams every item of a list endpoint: the first page from `endpoint`, then each
    /// page its `next_page_url` names, stopping after `limit` items if given.
    ///
    /// A failure ends the stream with that error. A `next_page_url` on another host than
    /// the client's base URL is refused with [`Error::Pagination`]: credentials are sent
    /// to the API host only.
    pub fn stream<'a, E>(
        &'a self,
        endpoint: &'a E,
        limit: Option<usize>,
    ) -> impl Stream<Item = Result<<E::Response as Page>::Item, Error>> + Send + 'a
    where
        E: Endpoint + Sync + ?Sized,
        E::Response: Page + Send,
        <E::Response as Page>::Item: Send,
    {
        /// What the stream does once the items in hand are out.
        enum Next {
            First,
            Url(Url),
            Fail(Error),
            Done,
        }
        let state = (Next::First, Vec::new().into_iter(), limit);
        futures_util::stream::unfold(
            state,
            move |(mut next, mut items, mut remaining)| async move {
                loop {
                    if remaining == Some(0) {
                        return None;
                    }
                    if let Some(item) = items.next() {
                        remaining = remaining.map(|n| n - 1);
                        return Some((Ok(item), (next, items, remaining)));
                    }
                    let page = match std::mem::replace(&mut next, Next::Done) {
                        Next::Done => return None,
                        Next::Fail(error) => {
                            return Some((Err(error), (Next::Done, items, remaining)));
                        }
                        Next::First => self.send(endpoint).await,
                        Next::Url(url) => {
                            let request = self.inner.http.get(url);
                            self.execute::<E::Response>(request).await
                        }
                    };
                    let page = match page {
                        Ok(page) => page,
                        Err(error) => return Some((Err(error), (Next::Done, items, remaining))),
                    };
                    // A refused next page is reported after this page's items.
                    if let Some(url) = &page.meta().next_page_url {
                        next = match self.next_page(url) {
                            Ok(url) => Next::Url(url),
                            Err(error) => Next::Fail(error),
                        };
                    }
                    items = page.into_items().into_iter();
                }
            },
        )
    }

    /// Checks that a `next_page_url` is on the API host, resolving a relative one.
    fn next_page(&self, url: &str) -> Result<Url, Error> {
        let refuse = |reason| PaginationError {
            url: url.to_owned(),
            reason,
        };
        let base = &self.inner.base;
        let next = base.join(url).map_err(|_| refuse("not a URL"))?;
        if next.scheme() != base.scheme()
            || next.host_str() != base.host_str()
            || next.port_or_known_default() != base.port_or_known_default()
        {
            return Err(refuse("it is not on the client's API host").into());
        }
        Ok(next)
    }

    /// Adds the credentials, sends, and decodes the response.
    async fn execute<T: DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<T, Error> {
        let response = request
            .header(AUTHORIZATION, self.inner.authorization.clone())
            .send()
            .await
            .map_err(TransportError::new)?;
        let status = response.status();
        let body = response.bytes().await.map_err(TransportError::new)?;
        response::decode(status, &body)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use twill_runtime::{Client, Credentials};
///
/// let client = Client::builder()
///     .credentials(Credentials::auth_token("AC0123456789abcdef0123456789abcdef", "token"))
///     .base_url("http://127.0.0.1:8080")
///     .timeout(Duration::from_secs(5))
///     .build()?;
/// assert_eq!(client.base_url(), "http://127.0.0.1:8080");
/// # Ok::<(), twill_runtime::ConfigError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ClientBuilder {
    credentials: Option<Credentials>,
    base_url: String,
    connect_timeout: Duration,
    timeout: Duration,
}

impl ClientBuilder {
    /// Default time allowed to establish a connection (TCP and TLS).
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
    /// Default time allowed for a whole request, from sending to the end of the body.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    fn new() -> Self {
        ClientBuilder {
            credentials: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            timeout: Self::DEFAULT_TIMEOUT,
        }
    }

    /// The credentials to authenticate with (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Sends requests to `base_url` instead of [`DEFAULT_BASE_URL`]: a local server, a
    /// mock, a proxy. It may carry a path prefix. Plain `http://` is accepted only for
    /// loopback hosts, so credentials never cross a network unencrypted.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Time allowed to establish a connection; default
    /// [`DEFAULT_CONNECT_TIMEOUT`](Self::DEFAULT_CONNECT_TIMEOUT).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for a whole request; default
    /// [`DEFAULT_TIMEOUT`](Self::DEFAULT_TIMEOUT).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        let credentials = self.credentials.ok_or(ConfigError::MissingCredentials)?;
        credentials.check()?;
        let base = check_base_url(&self.base_url)?;
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .default_headers(headers)
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .build()
            .map_err(ConfigError::Http)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url: base.as_str().trim_end_matches('/').into(),
                base,
                authorization: credentials.authorization(),
                credentials,
            }),
        })
    }
}

/// Checks a base URL.
fn check_base_url(raw: &str) -> Result<Url, ConfigError> {
    let invalid = |reason| ConfigError::InvalidBaseUrl {
        url: raw.to_owned(),
        reason,
    };
    let url = Url::parse(raw).map_err(|_| invalid("not an absolute URL"))?;
    let host = url.host_str().ok_or_else(|| invalid("no host"))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => return Err(invalid("plain http is only allowed for loopback hosts")),
        _ => {
            return Err(invalid(
                "the scheme must be https (or http for loopback hosts)",
            ));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("a base URL cannot have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "credentials go in ClientBuilder::credentials, not the URL",
        ));
    }
    Ok(url)
}

fn is_loopback(host: &str) -> bool {
    let ip = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || ip.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

    fn builder() -> ClientBuilder {
        Client::builder().credentials(Credentials::auth_token(ACCOUNT, "sekrit-token"))
    }

    #[test]
    fn base_urls() {
        for (raw, expected) in [
            (
                "https://conversations.twilio.com",
                "https://conversations.twilio.com",
            ),
            ("https://example.com/prefix/", "https://example.com/prefix"),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
            ("http://localhost:1", "http://localhost:1"),
            ("http://[::1]:1", "http://[::1]:1"),
        ] {
            assert_eq!(
                builder().base_url(raw).build().unwrap().base_url(),
                expected
            );
        }
        for raw in [
            "http://example.com",
            "http://10.0.0.1",
            "ftp://example.com",
            "example.com",
            "https://example.com/?a=b",
            "https://user:pw@example.com",
        ] {
            let err = builder().base_url(raw).build().unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidBaseUrl { .. }),
                "{raw}: {err:?}"
            );
        }
    }

    #[test]
    fn credentials_are_required_and_checked() {
        assert!(matches!(
            Client::builder().build(),
            Err(ConfigError::MissingCredentials)
        ));
        assert!(matches!(
            Client::new("ACnope", "t"),
            Err(ConfigError::InvalidAccountSid(_))
        ));
    }

    #[test]
    fn debug_hides_the_token() {
        let client = builder().build().unwrap();
        let debug = format!("{client:?} {:?}", builder());
        assert!(!debug.contains("sekrit-token"), "{debug}");
        assert!(debug.contains(ACCOUNT), "{debug}");
    }

    #[test]
    fn client_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Client>();
    }
}
