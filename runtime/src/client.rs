//! The client: sends endpoints, and streams list endpoints page after page.

use std::borrow::Cow;
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
use crate::endpoint::{BodyFormat, Endpoint, Method};
use crate::error::{BuildError, ConfigError, Error, PaginationError};
use crate::exchange::Exchange;
use crate::form::Form;
use crate::headers::Headers;
use crate::json::JsonBody;
use crate::limits::{self, MAX_URL_LEN};
use crate::oauth::TokenSource;
use crate::page::{NextPage, Page};
use crate::pager::Pager;
use crate::region;
use crate::retry::{RetryPolicy, SendOptions};
use crate::validation::{ValidationError, ValidationErrorKind};

const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";
const APPLICATION_JSON: &str = "application/json";

/// `User-Agent` sent with every request.
const USER_AGENT_VALUE: &str = concat!("twill/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// Sends requests to Twilio.
///
/// Cheap to clone (clones share one connection pool, and an OAuth token) and
/// `Send + Sync`: build one and share it. Every request carries HTTP Basic credentials
/// (or an OAuth bearer token, for [`Credentials::client_credentials`]),
/// `Accept: application/json`
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
    /// `ClientBuilder::base_url`: where every product goes unless `hosts` says otherwise.
    pub(crate) all: Option<Origin>,
    /// `ClientBuilder::host_url`: where one product goes, by its declared host.
    pub(crate) hosts: Box<[(Box<str>, Origin)]>,
    pub(crate) edge: Option<Box<str>>,
    pub(crate) region: Option<Box<str>>,
    pub(crate) credentials: Credentials,
    pub(crate) auth: Auth,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_body: usize,
}

/// How requests are authenticated.
pub(crate) enum Auth {
    /// HTTP Basic: the `Authorization` header every request carries, made once.
    Basic(HeaderValue),
    /// OAuth client credentials: a bearer token, added to each request as it is sent.
    OAuth(TokenSource),
}

/// A base URL that replaces products' hosts: scheme, host (after region and edge),
/// port and optional path prefix.
pub(crate) struct Origin {
    /// Without a trailing `/`, so that an endpoint's path follows it.
    text: Box<str>,
    url: Url,
}

impl Origin {
    pub(crate) fn new(url: Url) -> Origin {
        Origin {
            text: url.as_str().trim_end_matches('/').into(),
            url,
        }
    }
}

/// Where one product's requests go.
enum Base<'a> {
    /// Twilio: `https://` and the product's host after region and edge.
    Twilio(Cow<'a, str>),
    /// A base URL the builder gave.
    Override(&'a Origin),
}

impl Base<'_> {
    /// Appends the base, without a trailing `/`, to `url`.
    fn write(&self, url: &mut String) {
        match self {
            Base::Twilio(host) => {
                url.push_str("https://");
                url.push_str(host);
            }
            Base::Override(origin) => url.push_str(&origin.text),
        }
    }

    /// The base, parsed; `None` for a host no URL can have (a hand-written `HOST`).
    fn to_url(&self) -> Option<Url> {
        match self {
            Base::Twilio(_) => {
                let mut text = String::new();
                self.write(&mut text);
                Url::parse(&text).ok()
            }
            Base::Override(origin) => Some(origin.url.clone()),
        }
    }
}

/// The header that names an endpoint's product host on requests sent to a base URL
/// given with [`ClientBuilder::base_url`] or [`ClientBuilder::host_url`], such as
/// `Twill-Host: api.twilio.com`, so that a local server or proxy can tell products
/// apart. Requests to Twilio's own hosts never carry it.
pub const PRODUCT_HOST_HEADER: &str = "Twill-Host";

/// [`PRODUCT_HOST_HEADER`], as a header name.
const PRODUCT_HOST: HeaderName = HeaderName::from_static("twill-host");

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

    /// The base URL that requests to the product at `host` (such as `api.twilio.com`,
    /// as endpoints declare it) go to, without a trailing `/`: the host after region
    /// and edge, or the URL given to [`ClientBuilder::host_url`] or
    /// [`ClientBuilder::base_url`].
    pub fn base_url_for(&self, host: &str) -> String {
        let mut url = String::new();
        self.base_for(host).write(&mut url);
        url
    }

    /// Where the requests of the product at `host` go.
    fn base_for<'a>(&'a self, host: &'a str) -> Base<'a> {
        let inner = &*self.inner;
        let pinned = inner
            .hosts
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(host));
        match (pinned, &inner.all) {
            (Some((_, origin)), _) | (None, Some(origin)) => Base::Override(origin),
            (None, None) => Base::Twilio(self.twilio_host(host)),
        }
    }

    /// `host` rewritten for the client's region and edge.
    fn twilio_host<'a>(&self, host: &'a str) -> Cow<'a, str> {
        let inner = &*self.inner;
        if inner.edge.is_none() && inner.region.is_none() {
            return Cow::Borrowed(host);
        }
        Cow::Owned(region::rewrite_host(
            host,
            inner.edge.as_deref(),
            inner.region.as_deref(),
        ))
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
    /// page its [`next_page`](Page::next_page) names.
    ///
    /// The stream is lazy: it fetches a page only when asked for an item beyond the
    /// pages already fetched, so [`StreamExt::take`](futures_util::StreamExt::take)
    /// stops it without fetching a page more than the items taken need.
    ///
    /// A failure ends the stream with that error. The stream ends with
    /// [`Error::Pagination`], after the items of the page that named it, when a next
    /// page is on another origin than the first page's (credentials go to the
    /// product's host only), carries credentials (`user:password@`), is longer than
    /// [`MAX_URL_LEN`](crate::MAX_URL_LEN), or is a page this stream has already
    /// fetched (a server's loop would otherwise never end).
    ///
    /// A next page given relative to the host (API v2010's `next_page_uri`) follows the
    /// base the first page went to, path prefix included. When the client sends the
    /// product to a base URL of its own ([`ClientBuilder::base_url`] or
    /// [`ClientBuilder::host_url`]), a next page on the product's Twilio host (Twilio
    /// names its own host in `next_page_url`) goes to that base URL too.
    pub fn stream<'a, E>(
        &'a self,
        endpoint: &'a E,
    ) -> impl Stream<Item = Result<<E::Response as Page>::Item, Error>> + Send + 'a
    where
        E: Endpoint + Sync + ?Sized,
        E::Response: Page + Send,
        <E::Response as Page>::Item: Send,
    {
        let state = (Pager::of::<E>(), Vec::new().into_iter());
        futures_util::stream::unfold(state, move |(mut pager, mut items)| async move {
            loop {
                if let Some(item) = items.next() {
                    return Some((Ok(item), (pager, items)));
                }
                let first = pager.at_first().then(|| self.request_for(endpoint));
                let page = match pager.fetch(self, first).await? {
                    Ok(reply) => pager.read::<E::Response>(self, reply),
                    Err(error) => Err(error),
                };
                match page {
                    Ok(page) => items = page,
                    Err(error) => return Some((Err(error), (pager, items))),
                }
            }
        })
    }

    /// The request for `endpoint`, validated: URL, query or form body, headers.
    pub(crate) fn request_for<E: Endpoint + ?Sized>(
        &self,
        endpoint: &E,
    ) -> Result<reqwest::Request, Error> {
        endpoint.validate()?;
        let base = self.base_for(E::HOST);
        let mut url = String::with_capacity(128);
        base.write(&mut url);
        let base_len = url.len();
        match self.inner.credentials.default_account_sid() {
            Some(account_sid) => endpoint.write_path(&mut url, account_sid),
            None => write_path_without_account(endpoint, &mut url)?,
        }
        let path_end = url.len();
        let mut params = Form::new();
        endpoint.write_params(&mut params);
        let mut headers = Headers::new();
        endpoint.write_headers(&mut headers);

        let body = match (E::METHOD.has_form_body(), E::BODY) {
            (false, _) => None,
            (true, BodyFormat::Json) => {
                let mut json = JsonBody::new();
                endpoint.write_json(&mut json);
                Some((APPLICATION_JSON, json.into_string()))
            }
            (true, _) => Some((FORM_URLENCODED, std::mem::take(&mut params).into_string())),
        };
        // Parameters that are not the body go in the query string, in field order:
        // a request with a body has only those of `write_query`.
        endpoint.write_query(&mut params);
        if !params.is_empty() {
            url.push('?');
            url.push_str(params.as_str());
        }
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
        if let (Base::Override(_), Some(host)) = (&base, product_host(E::HOST)) {
            request = request.header(PRODUCT_HOST, host);
        }
        if let Some((content_type, body)) = body {
            request = request.header(CONTENT_TYPE, HeaderValue::from_static(content_type));
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
        let mut request = request.build().map_err(BuildError::new)?;
        if E::ACCEPT != APPLICATION_JSON {
            // Replaces the `application/json` every request starts with.
            request
                .headers_mut()
                .insert(ACCEPT, HeaderValue::from_static(E::ACCEPT));
        }
        Ok(request)
    }

    /// The request for a next page: a `GET` of the URL the server gave, checked by
    /// [`next_page`](Self::next_page).
    pub(crate) fn page_request(&self, url: Url, host: &'static str) -> reqwest::Request {
        let mut request = reqwest::Request::new(Method::Get.to_http(), url);
        request.headers_mut().extend(self.common_headers());
        if let (Base::Override(_), Some(value)) = (self.base_for(host), product_host(host)) {
            request.headers_mut().insert(PRODUCT_HOST, value);
        }
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

    /// The headers every request carries: HTTP Basic credentials (an OAuth bearer
    /// token is added as the request is sent), `Accept`, `User-Agent`.
    pub(crate) fn common_headers(&self) -> impl Iterator<Item = (HeaderName, HeaderValue)> {
        let basic = match &self.inner.auth {
            Auth::Basic(value) => Some((AUTHORIZATION, value.clone())),
            Auth::OAuth(_) => None,
        };
        basic.into_iter().chain([
            (ACCEPT, HeaderValue::from_static("application/json")),
            (USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE)),
        ])
    }

    /// The URL of the page `next` names, checked: `None` on the last page, the URL when
    /// it is on the first page's origin (see [`stream`](Self::stream)), carries no
    /// credentials, is not too long and was not fetched yet, else why not.
    pub(crate) fn next_page(
        &self,
        host: &str,
        first: &Url,
        next: NextPage<'_>,
        fetched: &HashSet<String>,
    ) -> Result<Option<Url>, Error> {
        let next = match next {
            NextPage::Url(url) => self.resolve_next(host, first, url)?,
            NextPage::Query { name, value } => {
                let mut url = first.clone();
                let pairs: Vec<(String, String)> = first
                    .query_pairs()
                    .filter(|(key, _)| key != name)
                    .map(|(key, value)| (key.into_owned(), value.into_owned()))
                    .collect();
                url.query_pairs_mut()
                    .clear()
                    .extend_pairs(pairs)
                    .append_pair(name, &value);
                url
            }
            NextPage::Last => return Ok(None),
        };
        let refuse = |reason| Error::from(PaginationError::new(next.as_str(), reason));
        if next.as_str().len() > MAX_URL_LEN {
            return Err(refuse("it is longer than the URL limit"));
        }
        if fetched.contains(next.as_str()) {
            return Err(refuse("it names a page this stream already fetched"));
        }
        Ok(Some(next))
    }

    /// Resolves a next page's URL against the first page's and checks where it goes.
    fn resolve_next(&self, host: &str, first: &Url, url: &str) -> Result<Url, Error> {
        let refuse = |reason| Error::from(PaginationError::new(url, reason));
        // Checked before parsing, so that a server's URL of any length is never parsed,
        // and again once resolved, since a relative URL grows by the base's length.
        if url.len() > MAX_URL_LEN {
            return Err(refuse("it is longer than the URL limit"));
        }
        let base = self.base_for(host);
        let next = if url.starts_with('/') && !url.starts_with("//") {
            // Relative to the host: after the base, path prefix included.
            let mut text = String::with_capacity(128 + url.len());
            base.write(&mut text);
            text.push_str(url);
            Url::parse(&text).map_err(|_| refuse("not a URL"))?
        } else {
            first.join(url).map_err(|_| refuse("not a URL"))?
        };
        if !next.username().is_empty() || next.password().is_some() {
            return Err(refuse("it carries credentials"));
        }
        if same_origin(&next, first) {
            return Ok(next);
        }
        // Twilio names its own host; a client sent elsewhere follows it there.
        if let Base::Override(origin) = base {
            let product = Base::Twilio(self.twilio_host(host)).to_url();
            if product.is_some_and(|product| same_origin(&next, &product)) {
                let mut text = String::from(&*origin.text);
                text.push_str(next.path());
                if let Some(query) = next.query() {
                    text.push('?');
                    text.push_str(query);
                }
                return Url::parse(&text).map_err(|_| refuse("not a URL"));
            }
        }
        Err(refuse("it is not on the product's host"))
    }
}

/// Text no account SID can be, given to [`Endpoint::write_path`] as the account when
/// there is none: percent-encoded, it shows where a path took the default account.
const NO_ACCOUNT: &str = "\0twill:no-account\0";
/// [`NO_ACCOUNT`], percent-encoded as a path segment.
const NO_ACCOUNT_ENCODED: &str = "%00twill%3Ano-account%00";

/// Appends `endpoint`'s path for a client without an account SID (OAuth credentials
/// given none): an error naming the parameter when the path would take the client's
/// account.
#[cold]
fn write_path_without_account<E: Endpoint + ?Sized>(
    endpoint: &E,
    url: &mut String,
) -> Result<(), Error> {
    let start = url.len();
    endpoint.write_path(url, NO_ACCOUNT);
    let Some(param) = E::PARAMS.iter().find(|param| param.defaults_to_account) else {
        return Ok(());
    };
    if url[start..].contains(NO_ACCOUNT_ENCODED) {
        let kind = ValidationErrorKind::NoDefaultAccount;
        return Err(ValidationError::new(param.name, kind).into());
    }
    Ok(())
}

/// The `Twill-Host` value of a declared host, without copying it; `None` for a host that
/// is no header value (a hand-written `HOST`: no URL has it either, so building the
/// request fails anyway).
fn product_host(host: &'static str) -> Option<HeaderValue> {
    host.bytes()
        .all(|b| b.is_ascii_graphic())
        .then(|| HeaderValue::from_static(host))
}

/// Whether two URLs have the same scheme, host and port.
fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.all.as_ref().map(|o| &*o.text))
            .field(
                "host_urls",
                &self
                    .inner
                    .hosts
                    .iter()
                    .map(|(host, origin)| (&**host, &*origin.text))
                    .collect::<Vec<_>>(),
            )
            .field("edge", &self.inner.edge)
            .field("region", &self.inner.region)
            .field("credentials", &self.inner.credentials)
            .field(
                "oauth_token_url",
                &match &self.inner.auth {
                    Auth::OAuth(tokens) => Some(tokens.url().as_str()),
                    Auth::Basic(_) => None,
                },
            )
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Param;
    use crate::validation::ValidationError;

    /// A bare endpoint of the product at `HOST`.
    struct Fetch;

    impl Endpoint for Fetch {
        type Response = ();
        const OPERATION_ID: &'static str = "Fetch";
        const METHOD: Method = Method::Get;
        const HOST: &'static str = "api.twilio.com";
        const PATH_TEMPLATE: &'static str = "/2010-04-01/Accounts/{AccountSid}.json";
        const PARAMS: &'static [Param] = &[];

        fn validate(&self) -> Result<(), ValidationError> {
            Ok(())
        }

        fn write_path(&self, path: &mut String, account_sid: &str) {
            path.push_str("/2010-04-01/Accounts/");
            path.push_str(account_sid);
            path.push_str(".json");
        }

        fn write_params(&self, _: &mut Form) {}
    }

    const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";

    fn builder() -> ClientBuilder {
        Client::builder().credentials(Credentials::auth_token(ACCOUNT, "t"))
    }

    #[test]
    fn twilio_hosts_get_no_product_header_and_take_region_and_edge() {
        let client = builder().build().unwrap();
        let request = client.request_for(&Fetch).unwrap();
        assert_eq!(
            request.url().as_str(),
            format!("https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}.json")
        );
        assert!(request.headers().get(PRODUCT_HOST_HEADER).is_none());

        let client = builder().edge("sydney").region("au1").build().unwrap();
        let request = client.request_for(&Fetch).unwrap();
        assert_eq!(request.url().host_str(), Some("api.sydney.au1.twilio.com"));
        assert!(request.headers().get(PRODUCT_HOST_HEADER).is_none());
    }

    #[test]
    fn overridden_bases_get_the_product_header() {
        let client = builder().base_url("http://127.0.0.1:9").build().unwrap();
        let request = client.request_for(&Fetch).unwrap();
        assert_eq!(request.url().host_str(), Some("127.0.0.1"));
        assert_eq!(
            request.headers().get(PRODUCT_HOST_HEADER).unwrap(),
            "api.twilio.com"
        );
    }

    /// A `POST` with a form body and a query parameter beside it, written by hand.
    struct Token {
        account_sid: String,
    }

    impl Endpoint for Token {
        type Response = ();
        const OPERATION_ID: &'static str = "CreateToken";
        const METHOD: Method = Method::Post;
        const HOST: &'static str = "oauth.twilio.com";
        const PATH_TEMPLATE: &'static str = "/v2/token";
        const PARAMS: &'static [Param] = &[Param::__new(
            "account_sid",
            "account_sid",
            crate::meta::Location::Query,
            true,
            None,
            None,
            false,
            None,
            None,
            crate::value::ValueKind::String,
            &[],
            false,
        )];

        fn validate(&self) -> Result<(), ValidationError> {
            Ok(())
        }

        fn write_path(&self, path: &mut String, _: &str) {
            path.push_str("/v2/token");
        }

        fn write_params(&self, form: &mut Form) {
            form.append("grant_type", "client credentials");
        }

        fn write_query(&self, query: &mut Form) {
            query.append("account_sid", &self.account_sid);
        }
    }

    #[test]
    fn write_query_goes_in_the_url_of_a_request_with_a_body() {
        let client = builder().build().unwrap();
        let token = Token {
            account_sid: "AC a&b=é".to_owned(),
        };
        let request = client.request_for(&token).unwrap();
        assert_eq!(
            request.url().as_str(),
            "https://oauth.twilio.com/v2/token?account_sid=AC+a%26b%3D%C3%A9"
        );
        let body = request.body().and_then(reqwest::Body::as_bytes).unwrap();
        assert_eq!(body, b"grant_type=client+credentials");

        // The URL's limit counts the query string `write_query` adds, and blames it.
        let long = Token {
            account_sid: "a".repeat(MAX_URL_LEN),
        };
        let err = match client.request_for(&long) {
            Err(Error::Validation(err)) => err,
            other => panic!("expected a validation error, got {other:?}"),
        };
        assert_eq!(err.field(), "account_sid");
    }
}
