//! The client: sends endpoints, and streams list endpoints page after page.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures_core::Stream;
use reqwest::Url;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT,
};

use crate::auth::{Credentials, Secret};
use crate::builder::ClientBuilder;
use crate::endpoint::{Endpoint, Method};
use crate::error::{ConfigError, Error, PaginationError, Stop, TransportError, Tries};
use crate::exchange::Exchange;
use crate::form::Form;
use crate::headers::Headers;
use crate::limits::{self, MAX_URL_LEN};
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
    /// If validation fails, or the request's URL or a header value would be longer
    /// than [`MAX_URL_LEN`](crate::MAX_URL_LEN) or
    /// [`MAX_HEADER_VALUE_LEN`](crate::MAX_HEADER_VALUE_LEN), the error is
    /// [`Error::Validation`] and nothing is sent.
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
        let request = self.request_for(endpoint)?;
        self.execute(request, Exchange::of::<E>(options)).await
    }

    /// Streams every item of a list endpoint: the first page from `endpoint`, then each
    /// page its `next_page_url` names, stopping after `limit` items if given.
    ///
    /// A failure ends the stream with that error. The stream ends with
    /// [`Error::Pagination`], after the items of the page that named it, when a
    /// `next_page_url` is on another host than the client's base URL (credentials are
    /// sent to the API host only), carries credentials (`user:password@`), is longer
    /// than [`MAX_URL_LEN`](crate::MAX_URL_LEN), or names a page this stream has
    /// already fetched (a server's loop would otherwise never end). An empty
    /// `next_page_url` means there is no next page.
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
        /// The stream's state: what comes next, the items in hand, how many more to
        /// give, and the URL of every page fetched so far.
        struct State<I> {
            next: Next,
            items: std::vec::IntoIter<I>,
            remaining: Option<usize>,
            fetched: HashSet<String>,
        }
        let state = State {
            next: Next::First,
            items: Vec::new().into_iter(),
            remaining: limit,
            fetched: HashSet::new(),
        };
        futures_util::stream::unfold(state, move |mut state| async move {
            loop {
                if state.remaining == Some(0) {
                    return None;
                }
                if let Some(item) = state.items.next() {
                    state.remaining = state.remaining.map(|n| n.saturating_sub(1));
                    return Some((Ok(item), state));
                }
                let exchange = Exchange::of::<E>(SendOptions::new());
                let request = match std::mem::replace(&mut state.next, Next::Done) {
                    Next::Done => return None,
                    Next::Fail(error) => return Some((Err(error), state)),
                    Next::First => self.request_for(endpoint),
                    Next::Url(url) => Ok(self.page_request(url)),
                };
                let page: Result<E::Response, Error> = match request {
                    Ok(request) => {
                        state.fetched.insert(request.url().as_str().to_owned());
                        self.execute(request, exchange).await
                    }
                    Err(error) => Err(error),
                };
                let page = match page {
                    Ok(page) => page,
                    Err(error) => return Some((Err(error), state)),
                };
                // A refused next page is reported after this page's items.
                if let Some(url) = page.meta().next_page_url.as_deref() {
                    state.next = match self.next_page(url, &state.fetched) {
                        Ok(Some(url)) => Next::Url(url),
                        Ok(None) => Next::Done,
                        Err(error) => Next::Fail(error),
                    };
                }
                state.items = page.into_items().into_iter();
            }
        })
    }

    /// The request for `endpoint`, validated: URL, query or form body, headers.
    fn request_for<E: Endpoint + ?Sized>(&self, endpoint: &E) -> Result<reqwest::Request, Error> {
        endpoint.validate()?;
        let base_len = self.inner.base_url.len();
        let mut url = String::with_capacity(base_len + 96);
        url.push_str(&self.inner.base_url);
        endpoint.write_path(&mut url);
        let path_end = url.len();
        let mut params = Form::new();
        endpoint.write_params(&mut params);
        let mut headers = Headers::new();
        endpoint.write_headers(&mut headers);

        let body = if E::METHOD.has_form_body() {
            Some(params.into_string())
        } else {
            if !params.is_empty() {
                url.push('?');
                url.push_str(params.as_str());
            }
            None
        };
        // Each parameter's own checks first, then the URL they make together.
        for (name, value) in headers.iter() {
            limits::check_header_value(name, value)?;
        }
        let query = url.get(path_end + 1..).unwrap_or_default();
        limits::check_url(
            &url,
            &url[base_len..path_end],
            query,
            E::PATH_TEMPLATE,
            E::PARAMS,
        )?;

        let mut request = self.request(E::METHOD, url);
        if let Some(body) = body {
            request = request.header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            // hyper states the length of a body that has one, but not of an empty one;
            // a client should when the method defines a body (RFC 9110, section 8.6),
            // and some front ends answer 411 without it.
            if body.is_empty() {
                request = request.header(CONTENT_LENGTH, HeaderValue::from_static("0"));
            }
            request = request.body(body);
        }
        for (name, value) in headers.iter() {
            request = request.header(name, value);
        }
        request.build().map_err(|error| {
            let tries = Tries {
                attempts: 0,
                stop: Stop::Final,
            };
            TransportError::new(error, tries).into()
        })
    }

    /// The request for a next page: a `GET` of the URL the server gave, checked by
    /// [`next_page`](Self::next_page).
    fn page_request(&self, url: Url) -> reqwest::Request {
        let mut request = reqwest::Request::new(Method::Get.to_http(), url);
        request.headers_mut().extend(self.common_headers());
        request
    }

    /// A request with the headers every request carries.
    fn request(&self, method: Method, url: String) -> reqwest::RequestBuilder {
        let mut request = self.inner.http.request(method.to_http(), url);
        for (name, value) in self.common_headers() {
            request = request.header(name, value);
        }
        request
    }

    /// The headers every request carries: credentials, `Accept`, `User-Agent`.
    fn common_headers(&self) -> [(HeaderName, HeaderValue); 3] {
        [
            (AUTHORIZATION, self.inner.authorization.clone()),
            (ACCEPT, HeaderValue::from_static("application/json")),
            (USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE)),
        ]
    }

    /// Checks a `next_page_url` (resolving a relative one): `None` when it is empty,
    /// the URL when it is on the API host, carries no credentials, is not too long and
    /// was not fetched yet, else why not.
    fn next_page(&self, url: &str, fetched: &HashSet<String>) -> Result<Option<Url>, Error> {
        if url.trim().is_empty() {
            return Ok(None);
        }
        let refuse = |reason| Error::from(PaginationError::new(url, reason));
        // Checked before parsing, so that a server's URL of any length is never parsed,
        // and again once resolved, since a relative URL grows by the base's length.
        if url.len() > MAX_URL_LEN {
            return Err(refuse("it is longer than the URL limit"));
        }
        let base = &self.inner.base;
        let next = base.join(url).map_err(|_| refuse("not a URL"))?;
        if next.scheme() != base.scheme()
            || next.host_str() != base.host_str()
            || next.port_or_known_default() != base.port_or_known_default()
        {
            return Err(refuse("it is not on the client's API host"));
        }
        if !next.username().is_empty() || next.password().is_some() {
            return Err(refuse("it carries credentials"));
        }
        if next.as_str().len() > MAX_URL_LEN {
            return Err(refuse("it is longer than the URL limit"));
        }
        if fetched.contains(next.as_str()) {
            return Err(refuse("it names a page this stream already fetched"));
        }
        Ok(Some(next))
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
