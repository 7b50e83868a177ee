//! Configuring a client: credentials, where requests go, timeouts, retries, limits.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::auth::Credentials;
use crate::bounded::{redact_userinfo, truncate};
use crate::client::{Auth, Client, Inner, Origin};
use crate::error::ConfigError;
use crate::oauth::{self, TokenSource};
use crate::region;
use crate::retry::RetryPolicy;

/// Configures a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use twill_runtime::{Client, Credentials, RetryPolicy};
///
/// let client = Client::builder()
///     .credentials(Credentials::auth_token("AC0123456789abcdef0123456789abcdef", "token"))
///     .edge("dublin")
///     .region("ie1")
///     .timeout(Duration::from_secs(5))
///     .retry(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.base_url_for("api.twilio.com"), "https://api.dublin.ie1.twilio.com");
/// assert_eq!(
///     client.base_url_for("conversations.twilio.com"),
///     "https://conversations.dublin.ie1.twilio.com",
/// );
/// # Ok::<(), twill_runtime::ConfigError>(())
/// ```
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    credentials: Option<Credentials>,
    base_url: Option<String>,
    host_urls: Vec<(String, String)>,
    oauth_token_url: Option<String>,
    edge: Option<String>,
    region: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    max_response_body: usize,
    http: Option<reqwest::ClientBuilder>,
}

impl ClientBuilder {
    /// Default time allowed to establish a connection (TCP and TLS).
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
    /// Default time allowed for one attempt, from sending to the end of the body.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
    /// Default largest response body read, in bytes (10 MiB; Twilio's pages are far
    /// smaller).
    pub const DEFAULT_MAX_RESPONSE_BODY: usize = 10 << 20;
    /// Where OAuth client credentials get their tokens by default: Twilio's OAuth v2
    /// token endpoint, as twilio-python uses it. (The organizations API's description
    /// names `https://preview-iam.twilio.com/v1/token`; the v2 endpoint is the one
    /// Twilio's libraries call.)
    pub const DEFAULT_OAUTH_TOKEN_URL: &'static str = oauth::DEFAULT_TOKEN_URL;
    /// How long before it expires an OAuth access token is replaced (30 s): a token is
    /// never sent when it has less left, so that it cannot expire on its way. A token
    /// issued for less than this is used for one request only.
    pub const OAUTH_REFRESH_MARGIN: Duration = oauth::REFRESH_MARGIN;
    /// Environment variable read by [`from_env`](Self::from_env) for the region.
    pub const REGION_VAR: &'static str = "TWILIO_REGION";
    /// Environment variable read by [`from_env`](Self::from_env) for the edge.
    pub const EDGE_VAR: &'static str = "TWILIO_EDGE";

    pub(crate) fn new() -> Self {
        ClientBuilder {
            credentials: None,
            base_url: None,
            host_urls: Vec::new(),
            oauth_token_url: None,
            edge: None,
            region: None,
            connect_timeout: Self::DEFAULT_CONNECT_TIMEOUT,
            timeout: Self::DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            max_response_body: Self::DEFAULT_MAX_RESPONSE_BODY,
            http: None,
        }
    }

    /// A builder with what the environment says, as Twilio's helper libraries read it:
    /// credentials ([`Credentials::from_env`]), `TWILIO_REGION` and `TWILIO_EDGE`.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`from_env`](Self::from_env) with variables read through `lookup`.
    pub(crate) fn from_lookup(
        lookup: impl Fn(&'static str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut builder = ClientBuilder::new().credentials(Credentials::from_lookup(&lookup)?);
        builder.region = lookup(Self::REGION_VAR).filter(|v| !v.is_empty());
        builder.edge = lookup(Self::EDGE_VAR).filter(|v| !v.is_empty());
        Ok(builder)
    }

    /// The credentials to authenticate with (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Sends the requests of every product to `base_url` instead of each product's own
    /// host: a local server, a mock, a proxy. It may carry a path prefix, which comes
    /// before each endpoint's path. Plain `http://` is accepted only for loopback hosts,
    /// so credentials never cross a network unencrypted.
    ///
    /// Each request sent to an overridden URL carries the header
    /// [`Twill-Host`](crate::PRODUCT_HOST_HEADER) naming its product's host (such as
    /// `api.twilio.com`), so that one server can tell products apart.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Sends the requests of the product at `host` (such as `sync.twilio.com`, as
    /// endpoints declare it) to `base_url`, under the same rules as
    /// [`base_url`](Self::base_url), which it takes precedence over for that product:
    /// one local server per product, say.
    pub fn host_url(mut self, host: impl Into<String>, base_url: impl Into<String>) -> Self {
        self.host_urls.push((host.into(), base_url.into()));
        self
    }

    /// Gets OAuth access tokens from `token_url` (a `POST` of the client-credentials
    /// grant, see [`Credentials::client_credentials`]) instead of
    /// [`DEFAULT_OAUTH_TOKEN_URL`](Self::DEFAULT_OAUTH_TOKEN_URL): a local server, a
    /// mock, a proxy. Plain `http://` is accepted only for loopback hosts, so the client
    /// secret never crosses a network unencrypted; a query string is kept.
    ///
    /// Neither [`base_url`](Self::base_url), [`host_url`](Self::host_url), the region
    /// nor the edge changes where tokens come from: only this. Only OAuth client
    /// credentials have a token URL; [`build`](Self::build) refuses one given with
    /// other credentials.
    pub fn oauth_token_url(mut self, token_url: impl Into<String>) -> Self {
        self.oauth_token_url = Some(token_url.into());
        self
    }

    /// The Twilio edge location to connect through, such as `dublin`; without a region
    /// it implies `us1`. Applies to `*.twilio.com` hosts only.
    pub fn edge(mut self, edge: impl Into<String>) -> Self {
        self.edge = Some(edge.into());
        self
    }

    /// The Twilio region to process requests in, such as `ie1`. Applies to
    /// `*.twilio.com` hosts only.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Time allowed to establish a connection; default
    /// [`DEFAULT_CONNECT_TIMEOUT`](Self::DEFAULT_CONNECT_TIMEOUT).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for each attempt, from sending to the end of the body; default
    /// [`DEFAULT_TIMEOUT`](Self::DEFAULT_TIMEOUT).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// When and how to retry; default [`RetryPolicy::default`].
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The largest response body read, in bytes; a larger one is refused with
    /// [`Error::BodyTooLarge`](crate::Error::BodyTooLarge) without being buffered.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Builds the HTTP client from this `reqwest::ClientBuilder` (for a proxy or custom
    /// TLS roots, say) instead of a default one. Make it with the re-exported
    /// [`reqwest`](crate::reqwest), so that its version is the one twill uses.
    ///
    /// twill sets on it what its guarantees rest on, replacing what the builder says:
    /// no redirect is followed (see [`Error::Redirect`](crate::Error::Redirect)), and
    /// [`connect_timeout`](Self::connect_timeout) and [`timeout`](Self::timeout) apply.
    /// It takes a builder rather than a built `reqwest::Client` because a built client's
    /// redirect policy can be neither read nor changed.
    pub fn http_client(mut self, builder: reqwest::ClientBuilder) -> Self {
        self.http = Some(builder);
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        let credentials = self.credentials.ok_or(ConfigError::MissingCredentials)?;
        credentials.check()?;
        for (what, value) in [("edge", &self.edge), ("region", &self.region)] {
            if let Some(value) = value
                && !is_dns_label(value)
            {
                return Err(ConfigError::InvalidLocation {
                    what,
                    value: value.clone(),
                });
            }
        }
        let (edge, region) = (self.edge.as_deref(), self.region.as_deref());
        let origin = |raw: &str| -> Result<Origin, ConfigError> {
            let mut url = check_base_url(raw)?;
            let host = url.host_str().expect("checked: the base URL has a host");
            let host = region::rewrite_host(host, edge, region);
            url.set_host(Some(&host))
                .expect("a Twilio host with valid labels is a valid host");
            Ok(Origin::new(url))
        };
        let all = self.base_url.as_deref().map(origin).transpose()?;
        let mut hosts = Vec::with_capacity(self.host_urls.len());
        for (host, url) in &self.host_urls {
            if !is_host_name(host) {
                return Err(ConfigError::InvalidHost { host: host.clone() });
            }
            hosts.push((host.to_ascii_lowercase().into_boxed_str(), origin(url)?));
        }
        // Twilio's API does not redirect, and a followed redirect would send the
        // request (its body and, to the same origin, its credentials) somewhere the
        // client was not pointed at: 3xx answers are errors instead.
        let auth = match (
            credentials.oauth_client(),
            credentials.basic_authorization(),
        ) {
            (Some((client_id, client_secret)), _) => {
                let raw = self
                    .oauth_token_url
                    .as_deref()
                    .unwrap_or(Self::DEFAULT_OAUTH_TOKEN_URL);
                let url = check_url(raw, true)
                    .map_err(|(url, reason)| ConfigError::InvalidTokenUrl { url, reason })?;
                Auth::OAuth(TokenSource::new(url, client_id, client_secret))
            }
            (None, Some(basic)) => {
                if let Some(raw) = &self.oauth_token_url {
                    return Err(ConfigError::InvalidTokenUrl {
                        url: redact_userinfo(truncate(raw, MAX_BASE_URL_LEN)).into_owned(),
                        reason: "only OAuth client credentials use a token URL",
                    });
                }
                Auth::Basic(basic)
            }
            (None, None) => unreachable!("credentials are OAuth ones or Basic ones"),
        };
        let http = self
            .http
            .unwrap_or_default()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .build()
            .map_err(ConfigError::Http)?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                all,
                hosts: hosts.into_boxed_slice(),
                edge: self.edge.map(String::into_boxed_str),
                region: self.region.map(String::into_boxed_str),
                auth,
                credentials,
                connect_timeout: self.connect_timeout,
                timeout: self.timeout,
                retry: self.retry,
                max_response_body: self.max_response_body,
            }),
        })
    }
}

/// The longest base URL accepted: it leaves most of
/// [`MAX_URL_LEN`](crate::MAX_URL_LEN) to the paths and queries of requests.
const MAX_BASE_URL_LEN: usize = 2000;

/// Checks a base URL: absolute, https (or http on loopback), no query, fragment or
/// credentials, at most [`MAX_BASE_URL_LEN`] bytes.
fn check_base_url(raw: &str) -> Result<Url, ConfigError> {
    check_url(raw, false).map_err(|(url, reason)| ConfigError::InvalidBaseUrl { url, reason })
}

/// Checks a URL as [`check_base_url`] does, a query allowed if `query` says so; an
/// error is the URL as an error may show it, and why it is refused.
fn check_url(raw: &str, query: bool) -> Result<Url, (String, &'static str)> {
    let invalid = |reason| {
        (
            redact_userinfo(truncate(raw, MAX_BASE_URL_LEN)).into_owned(),
            reason,
        )
    };
    if raw.len() > MAX_BASE_URL_LEN {
        return Err(invalid("longer than 2000 bytes"));
    }
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
    if query && url.fragment().is_some() {
        return Err(invalid("a token URL cannot have a fragment"));
    }
    if !query && (url.query().is_some() || url.fragment().is_some()) {
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

/// A host name as endpoints declare them: DNS labels separated by dots.
fn is_host_name(host: &str) -> bool {
    host.len() <= 253 && host.split('.').all(is_dns_label)
}

fn is_dns_label(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 63
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

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
            let client = builder().base_url(raw).build().unwrap();
            assert_eq!(client.base_url_for("api.twilio.com"), expected);
            assert_eq!(client.base_url_for("sync.twilio.com"), expected);
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
            assert!(!format!("{err} {err:?}").contains("pw@"), "{err:?}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_BASE_URL_LEN));
        let err = builder().base_url(long).build().unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::InvalidBaseUrl {
                    reason: "longer than 2000 bytes",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().len() < 200, "{err}");
    }

    #[test]
    fn each_product_to_its_own_host() {
        let client = builder().build().unwrap();
        for host in [
            "api.twilio.com",
            "conversations.twilio.com",
            "verify.twilio.com",
        ] {
            assert_eq!(client.base_url_for(host), format!("https://{host}"));
        }
    }

    #[test]
    fn host_urls_override_one_product_and_win_over_base_url() {
        let client = builder()
            .base_url("http://127.0.0.1:1")
            .host_url("sync.twilio.com", "http://127.0.0.1:2/prefix/")
            .host_url("API.twilio.com", "http://[::1]:3")
            .build()
            .unwrap();
        assert_eq!(
            client.base_url_for("sync.twilio.com"),
            "http://127.0.0.1:2/prefix"
        );
        assert_eq!(client.base_url_for("api.twilio.com"), "http://[::1]:3");
        assert_eq!(
            client.base_url_for("verify.twilio.com"),
            "http://127.0.0.1:1"
        );
        let only_one = builder()
            .host_url("sync.twilio.com", "http://127.0.0.1:2")
            .build()
            .unwrap();
        assert_eq!(
            only_one.base_url_for("verify.twilio.com"),
            "https://verify.twilio.com"
        );
        for bad in [
            "",
            "http://sync.twilio.com",
            "sync.twilio.com:443",
            "a..b",
            "a/b",
        ] {
            let err = builder()
                .host_url(bad, "http://127.0.0.1:2")
                .build()
                .unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidHost { .. }),
                "{bad}: {err:?}"
            );
        }
        let err = builder()
            .host_url("sync.twilio.com", "http://example.com")
            .build()
            .unwrap_err();
        assert!(matches!(err, ConfigError::InvalidBaseUrl { .. }), "{err:?}");
    }

    #[test]
    fn regions_and_edges_rewrite_twilio_hosts_only() {
        let client = builder().region("ie1").edge("dublin").build().unwrap();
        assert_eq!(
            client.base_url_for("conversations.twilio.com"),
            "https://conversations.dublin.ie1.twilio.com"
        );
        assert_eq!(
            client.base_url_for("api.twilio.com"),
            "https://api.dublin.ie1.twilio.com"
        );
        let local = builder()
            .base_url("http://127.0.0.1:9")
            .region("ie1")
            .build()
            .unwrap();
        assert_eq!(local.base_url_for("api.twilio.com"), "http://127.0.0.1:9");
        for bad in ["", "ie1.evil.com", "a/b", "-x"] {
            let err = builder().region(bad).build().unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidLocation { what: "region", .. }),
                "{bad}"
            );
        }
    }

    #[test]
    fn environment() {
        let vars: HashMap<&str, &str> = [
            ("TWILIO_ACCOUNT_SID", ACCOUNT),
            ("TWILIO_AUTH_TOKEN", "t"),
            ("TWILIO_REGION", "au1"),
            ("TWILIO_EDGE", "sydney"),
        ]
        .into();
        let client = ClientBuilder::from_lookup(|name| vars.get(name).map(|v| (*v).to_owned()))
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(
            client.base_url_for("conversations.twilio.com"),
            "https://conversations.sydney.au1.twilio.com"
        );
        assert_eq!(client.account_sid(), ACCOUNT);
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
    fn oauth_token_urls() {
        let oauth = || {
            Client::builder().credentials(Credentials::client_credentials("OQ-id", "sekrit-token"))
        };
        let client = oauth().build().unwrap();
        let debug = format!("{client:?}");
        assert!(
            debug.contains(ClientBuilder::DEFAULT_OAUTH_TOKEN_URL),
            "{debug}"
        );
        assert!(!debug.contains("sekrit-token"), "{debug}");
        // Base URLs, regions and edges leave it alone.
        let local = oauth()
            .base_url("http://127.0.0.1:9")
            .region("ie1")
            .build()
            .unwrap();
        assert!(
            format!("{local:?}").contains("https://oauth.twilio.com/v2/token"),
            "{local:?}"
        );
        for good in [
            "http://127.0.0.1:1/v2/token",
            "https://example.com/token?account_sid=AC1",
        ] {
            let client = oauth().oauth_token_url(good).build().unwrap();
            assert!(format!("{client:?}").contains(good), "{client:?}");
        }
        for bad in [
            "http://example.com/token",
            "token",
            "https://u:pw@example.com/token",
            "https://example.com/token#x",
        ] {
            let err = oauth().oauth_token_url(bad).build().unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidTokenUrl { .. }),
                "{bad}: {err:?}"
            );
            assert!(!format!("{err} {err:?}").contains("pw@"), "{err:?}");
        }
        let err = builder()
            .oauth_token_url("http://127.0.0.1:1/token")
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::InvalidTokenUrl {
                    reason: "only OAuth client credentials use a token URL",
                    ..
                }
            ),
            "{err:?}"
        );
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
