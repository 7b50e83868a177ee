//! The client: sends endpoints, and streams list endpoints page after page.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_core::Stream;
use reqwest::Url;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};

use crate::auth::{Credentials, Secret};
use crate::builder::ClientBuilder;
use crate::endpoint::{Endpoint, Method};
use crate::error::{ConfigError, Error, PaginationError, TransportError};
use crate::exchange::Exchange;
use crate::form::Form;
use crate::headers::Headers;
use crate::page::Page;
use crate::retry::{RetryPolicy, SendOptions};

/// `User-Agent` sent with every request.
const USER_AGENT_VALUE: &str = concat!("twill/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// Sends requests to Twilio.
///
/// Cheap to clone (clones share one connection pool) and `Send + Sync`: build one and
/// share it. Every request carries HTTP Basic credentials, `Accept: application/json`
/// and a `User-Agent` naming twill and its version; every attempt has a timeout; failed
/// attempts are retried when that is safe (see [`RetryPolicy`]).
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use twill_runtime::Client;
///
/// // TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and
/// // TWILIO_API_SECRET), and TWILIO_REGION and TWILIO_EDGE if set.
/// let client = Client::from_env()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// What a client holds, shared by its clones.
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// Scheme, host (after region and edge), port and optional path prefix, without a
    /// trailing `/`.
    pub(crate) base_url: Box<str>,
    /// The same, parsed, to check `next_page_url`s against.
    pub(crate) base: Url,
    pub(crate) credentials: Credentials,
    pub(crate) authorization: HeaderValue,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_body: usize,
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

    /// A client configured from the environment, as [`ClientBuilder::from_env`] reads it.
    pub fn from_env() -> Result<Self, ConfigError> {
        ClientBuilder::from_env()?.build()
    }

    /// A builder, to set credentials, base URL, region, timeouts, retries...
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The base URL requests go to (after region and edge), without a trailing `/`.
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
        self.send_with(endpoint, SendOptions::new()).await
    }

    /// [`send`](Self::send) with per-request options, such as allowing retries of a
    /// request that is not idempotent.
    pub async fn send_with<E: Endpoint + ?Sized>(
        &self,
        endpoint: &E,
        options: SendOptions,
    ) -> Result<E::Response, Error> {
        endpoint.validate()?;
        let request = self.request_for(endpoint)?;
        self.execute(request, Exchange::of::<E>(options)).await
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
                            let request = self.request(Method::Get, url).build();
                            match request {
                                Ok(request) => {
                                    self.execute(request, Exchange::of::<E>(SendOptions::new()))
                                        .await
                                }
                                Err(error) => Err(TransportError::new(error, 0).into()),
                            }
                        }
                    };
                    let page: E::Response = match page {
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

    /// The request for `endpoint`: URL, query or form body, headers.
    fn request_for<E: Endpoint + ?Sized>(&self, endpoint: &E) -> Result<reqwest::Request, Error> {
        let mut url = String::with_capacity(self.inner.base_url.len() + 96);
        url.push_str(&self.inner.base_url);
        endpoint.write_path(&mut url);
        let mut params = Form::new();
        endpoint.write_params(&mut params);
        let mut headers = Headers::new();
        endpoint.write_headers(&mut headers);

        let mut request = if E::METHOD.has_form_body() {
            self.request(E::METHOD, url)
                .header(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded"),
                )
                .body(params.into_string())
        } else {
            if !params.is_empty() {
                url.push('?');
                url.push_str(params.as_str());
            }
            self.request(E::METHOD, url)
        };
        for (name, value) in headers.iter() {
            request = request.header(name, value);
        }
        request
            .build()
            .map_err(|error| TransportError::new(error, 0).into())
    }

    /// A request with the headers every request carries.
    fn request(&self, method: Method, url: impl reqwest::IntoUrl) -> reqwest::RequestBuilder {
        self.inner
            .http
            .request(method.to_http(), url)
            .header(AUTHORIZATION, self.inner.authorization.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE))
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
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}
