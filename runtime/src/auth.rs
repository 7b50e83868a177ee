//! Credentials, kept out of every `Debug` and `Display`.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use reqwest::header::HeaderValue;
use serde::{Deserialize, Deserializer};

use crate::error::ConfigError;
use crate::sid;
use crate::value::{ValueKind, WireValue};

/// A secret string, such as an auth token or a parameter that carries a password,
/// whose `Debug` output is redacted.
///
/// `Secret` implements neither `Display` nor `Serialize`, so it cannot be printed or
/// logged by accident; read it with [`Secret::expose`]. As an endpoint field it is sent
/// as is (it is a [`WireValue`] of kind `String`), and a request struct holding it still
/// derives a `Debug` that shows no secret.
///
/// ```
/// use twill_runtime::Secret;
///
/// let password = Secret::from("hunter2");
/// assert_eq!(format!("{password:?}"), "Secret([redacted])");
/// assert_eq!(password.expose(), "hunter2");
/// ```
///
/// Equality compares the text and is not constant-time: it is there so that request
/// structs can derive `PartialEq`, not to check a secret against a guess.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Box<str>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into().into_boxed_str())
    }

    /// Returns the secret itself. Call this only where the value must be used.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

/// Sent as is: the secret itself goes on the wire, and nowhere else.
impl WireValue for Secret {
    const KIND: ValueKind = ValueKind::String;

    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.expose())
    }

    fn is_empty_text(&self) -> bool {
        self.expose().is_empty()
    }
}

/// From a string. There is no `Serialize`, so that a secret is never written out by
/// accident.
impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::from)
    }
}

/// The credentials a [`Client`](crate::Client) authenticates with: an account SID with
/// its auth token, or an API key (`SK...`) with its secret, both sent as HTTP Basic
/// credentials; or an OAuth 2.0 client ID with its secret, exchanged for a bearer token.
///
/// ```
/// use twill_runtime::Credentials;
///
/// let credentials = Credentials::auth_token("AC0123456789abcdef0123456789abcdef", "hunter2");
/// assert_eq!(credentials.account_sid(), "AC0123456789abcdef0123456789abcdef");
/// assert!(!format!("{credentials:?}").contains("hunter2"));
///
/// let oauth = Credentials::client_credentials("OQ0123456789abcdef0123456789abcdef", "hunter2");
/// assert_eq!(oauth.default_account_sid(), None);
/// assert!(!format!("{oauth:?}").contains("hunter2"));
/// ```
///
/// # OAuth client credentials
///
/// With [`client_credentials`](Self::client_credentials), the client gets an access token
/// from Twilio's OAuth token endpoint (`POST https://oauth.twilio.com/v2/token`, form
/// fields `grant_type=client_credentials`, `client_id` and `client_secret`, as
/// twilio-python's `ClientCredentialProvider` does; the URL can be changed with
/// [`ClientBuilder::oauth_token_url`](crate::ClientBuilder::oauth_token_url)) and sends
/// `Authorization: Bearer <token>` on every request. The token is kept until
/// [`ClientBuilder::OAUTH_REFRESH_MARGIN`](crate::ClientBuilder::OAUTH_REFRESH_MARGIN)
/// before it expires, then replaced: one token request at a time, however many requests
/// need it at once. A token that cannot be had is an
/// [`Error::Token`](crate::Error::Token), and nothing is sent to the API.
///
/// OAuth credentials carry no account SID: Twilio's OAuth apps belong to an
/// organization, not to an account, and the organizations API that needs them takes no
/// account. An endpoint whose path defaults to the client's account (API v2010's
/// `AccountSid`, left `None`) is then refused before sending, with an
/// [`Error::Validation`](crate::Error::Validation) of kind
/// [`NoDefaultAccount`](crate::ValidationErrorKind::NoDefaultAccount), unless the
/// account is given on the request or with [`with_account_sid`](Self::with_account_sid).
#[derive(Clone)]
pub struct Credentials {
    /// `None` only for OAuth client credentials without an account.
    account_sid: Option<String>,
    key: Scheme,
}

/// How the credentials authenticate, with the secret each needs.
#[derive(Clone)]
enum Scheme {
    AuthToken(Secret),
    ApiKey {
        sid: String,
        secret: Secret,
    },
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
    },
}

impl Credentials {
    /// Environment variable read by [`Credentials::from_env`] for the account SID.
    pub const ACCOUNT_SID_VAR: &'static str = "TWILIO_ACCOUNT_SID";
    /// Environment variable read by [`Credentials::from_env`] for the auth token.
    pub const AUTH_TOKEN_VAR: &'static str = "TWILIO_AUTH_TOKEN";
    /// Environment variable read by [`Credentials::from_env`] for an API key SID.
    pub const API_KEY_VAR: &'static str = "TWILIO_API_KEY";
    /// Environment variable read by [`Credentials::from_env`] for an API key secret.
    pub const API_SECRET_VAR: &'static str = "TWILIO_API_SECRET";

    /// Account SID (`AC` and 32 hex digits) and auth token, as shown in the Twilio console.
    pub fn auth_token(account_sid: impl Into<String>, auth_token: impl Into<Secret>) -> Self {
        Credentials {
            account_sid: Some(account_sid.into()),
            key: Scheme::AuthToken(auth_token.into()),
        }
    }

    /// An API key (`SK` and 32 hex digits) and its secret, for the account whose SID is
    /// given: the key authenticates, the account SID says whose resources these are.
    pub fn api_key(
        account_sid: impl Into<String>,
        api_key_sid: impl Into<String>,
        secret: impl Into<Secret>,
    ) -> Self {
        Credentials {
            account_sid: Some(account_sid.into()),
            key: Scheme::ApiKey {
                sid: api_key_sid.into(),
                secret: secret.into(),
            },
        }
    }

    /// An OAuth 2.0 client ID and its secret (an OAuth app's, from the Twilio console),
    /// exchanged for bearer tokens with the client-credentials grant: see
    /// [OAuth client credentials](Self#oauth-client-credentials). They carry no
    /// account SID; add one with [`with_account_sid`](Self::with_account_sid) for
    /// endpoints that default to the client's account.
    pub fn client_credentials(
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        Credentials {
            account_sid: None,
            key: Scheme::ClientCredentials {
                client_id: client_id.into(),
                client_secret: client_secret.into(),
            },
        }
    }

    /// The same credentials, with `account_sid` as the account that endpoints whose
    /// path defaults to the client's account (API v2010's) use: for OAuth client
    /// credentials, which carry none. For the other credentials it replaces the
    /// account given when they were made.
    pub fn with_account_sid(mut self, account_sid: impl Into<String>) -> Self {
        self.account_sid = Some(account_sid.into());
        self
    }

    /// Reads `TWILIO_ACCOUNT_SID`, then `TWILIO_API_KEY` and `TWILIO_API_SECRET` if the
    /// key is set, else `TWILIO_AUTH_TOKEN`.
    pub fn from_env() -> Result<Self, ConfigError> {
        Credentials::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`from_env`](Self::from_env) with variables read through `lookup`.
    pub(crate) fn from_lookup(
        lookup: impl Fn(&'static str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let var = |name: &'static str| {
            lookup(name)
                .filter(|value| !value.is_empty())
                .ok_or(ConfigError::MissingEnv { name })
        };
        let account_sid = var(Self::ACCOUNT_SID_VAR)?;
        Ok(match var(Self::API_KEY_VAR) {
            Ok(key) => Credentials::api_key(account_sid, key, var(Self::API_SECRET_VAR)?),
            Err(_) => Credentials::auth_token(account_sid, var(Self::AUTH_TOKEN_VAR)?),
        })
    }

    /// The account SID these credentials belong to; empty for OAuth client credentials
    /// given none (see [`default_account_sid`](Self::default_account_sid)).
    pub fn account_sid(&self) -> &str {
        self.account_sid.as_deref().unwrap_or_default()
    }

    /// The account that endpoints whose path defaults to the client's account use:
    /// `None` for OAuth client credentials given no account SID.
    pub fn default_account_sid(&self) -> Option<&str> {
        self.account_sid.as_deref()
    }

    /// The OAuth client ID, for OAuth client credentials.
    pub fn client_id(&self) -> Option<&str> {
        match &self.key {
            Scheme::ClientCredentials { client_id, .. } => Some(client_id),
            Scheme::AuthToken(_) | Scheme::ApiKey { .. } => None,
        }
    }

    /// The client ID and secret, for OAuth client credentials.
    pub(crate) fn oauth_client(&self) -> Option<(&str, &Secret)> {
        match &self.key {
            Scheme::ClientCredentials {
                client_id,
                client_secret,
            } => Some((client_id, client_secret)),
            Scheme::AuthToken(_) | Scheme::ApiKey { .. } => None,
        }
    }

    /// The API key SID, for API key credentials.
    pub fn api_key_sid(&self) -> Option<&str> {
        match &self.key {
            Scheme::ApiKey { sid, .. } => Some(sid),
            Scheme::AuthToken(_) | Scheme::ClientCredentials { .. } => None,
        }
    }

    /// Checks the SIDs' formats.
    /// Checks the SIDs' formats, and that OAuth client credentials are not empty.
    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        if let Some(account_sid) = &self.account_sid {
            sid::check(account_sid, "AC").map_err(ConfigError::InvalidAccountSid)?;
        }
        match &self.key {
            Scheme::AuthToken(_) => {}
            Scheme::ApiKey { sid, .. } => {
                sid::check(sid, "SK").map_err(ConfigError::InvalidApiKeySid)?;
            }
            Scheme::ClientCredentials {
                client_id,
                client_secret,
            } => {
                if client_id.is_empty() {
                    return Err(ConfigError::InvalidClientCredentials(
                        "the client ID is empty",
                    ));
                }
                if client_secret.expose().is_empty() {
                    return Err(ConfigError::InvalidClientCredentials(
                        "the client secret is empty",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The HTTP Basic `Authorization` header value, marked sensitive so that HTTP layers
    /// redact it; `None` for OAuth client credentials, which send a bearer token.
    pub(crate) fn basic_authorization(&self) -> Option<HeaderValue> {
        let (user, secret) = match (&self.key, &self.account_sid) {
            (Scheme::AuthToken(token), Some(account_sid)) => (account_sid, token),
            (Scheme::ApiKey { sid, secret }, _) => (sid, secret),
            (Scheme::ClientCredentials { .. }, _) | (Scheme::AuthToken(_), None) => return None,
        };
        let mut plain = String::with_capacity(user.len() + 1 + secret.0.len());
        plain.push_str(user);
        plain.push(':');
        plain.push_str(secret.expose());
        let mut header = String::from("Basic ");
        base64::engine::general_purpose::STANDARD.encode_string(plain, &mut header);
        let mut value =
            HeaderValue::try_from(header).expect("base64 output is always a valid header value");
        value.set_sensitive(true);
        Some(value)
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Credentials");
        match &self.account_sid {
            Some(account_sid) => debug.field("account_sid", account_sid),
            None => debug.field("account_sid", &None::<&str>),
        };
        match &self.key {
            Scheme::AuthToken(token) => debug.field("auth_token", token),
            Scheme::ApiKey { sid, secret } => {
                debug.field("api_key_sid", sid).field("api_secret", secret)
            }
            Scheme::ClientCredentials {
                client_id,
                client_secret,
            } => debug
                .field("client_id", client_id)
                .field("client_secret", client_secret),
        };
        debug.finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::ParamValue;

    const SID: &str = "AC0123456789abcdef0123456789abcdef";
    const KEY: &str = "SK0123456789abcdef0123456789abcdef";

    fn basic(credentials: &Credentials) -> String {
        let header = credentials.basic_authorization().unwrap();
        assert!(header.is_sensitive());
        let encoded = header.to_str().unwrap().strip_prefix("Basic ").unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        String::from_utf8(decoded).unwrap()
    }

    #[test]
    fn debug_never_shows_a_secret() {
        for credentials in [
            Credentials::auth_token(SID, "s3cr3t-t0ken"),
            Credentials::api_key(SID, KEY, "s3cr3t-t0ken"),
        ] {
            let debug = format!("{credentials:?}");
            assert!(!debug.contains("s3cr3t-t0ken"), "{debug}");
            assert!(debug.contains(SID), "{debug}");
        }
    }

    #[test]
    fn a_struct_holding_a_secret_debug_prints_no_secret() {
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        struct CreateCredential {
            username: String,
            password: Secret,
            sip_auth_password: Option<Secret>,
        }

        let request: CreateCredential = serde_json::from_str(
            r#"{"username": "alice", "password": "s3cr3t-one", "sip_auth_password": "s3cr3t-two"}"#,
        )
        .unwrap();
        let debug = format!("{request:?} {request:#?}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
        assert!(debug.contains("alice"), "{debug}");
        assert_eq!(request.password, Secret::from("s3cr3t-one"));
        assert_eq!(request.clone(), request);
        assert_ne!(request.password, Secret::from(String::from("s3cr3t-two")));
    }

    #[test]
    fn secrets_go_on_the_wire_as_is() {
        let secret = Secret::new("p@ss word");
        assert_eq!(secret.to_wire(), "p@ss word");
        assert_eq!(<Option<Secret> as ParamValue>::KIND, ValueKind::String);
        let mut form = crate::Form::new();
        form.append_param("Password", &Some(secret));
        assert_eq!(form.as_str(), "Password=p%40ss+word");
        let err = serde_json::from_str::<Secret>("5").unwrap_err().to_string();
        assert!(err.contains("expected a string"), "{err}");
    }

    #[test]
    fn authorization_is_basic_with_the_right_user() {
        assert_eq!(
            basic(&Credentials::auth_token(SID, "token")),
            format!("{SID}:token")
        );
        assert_eq!(
            basic(&Credentials::api_key(SID, KEY, "secret")),
            format!("{KEY}:secret")
        );
    }

    #[test]
    fn client_credentials_have_no_basic_header_and_no_account() {
        let oauth = Credentials::client_credentials("OQ-client", "s3cr3t-t0ken");
        assert!(oauth.basic_authorization().is_none());
        assert_eq!(oauth.default_account_sid(), None);
        assert_eq!(oauth.account_sid(), "");
        assert_eq!(oauth.client_id(), Some("OQ-client"));
        assert_eq!(oauth.api_key_sid(), None);
        assert!(oauth.check().is_ok());
        let debug = format!("{oauth:?} {oauth:#?}");
        assert!(!debug.contains("s3cr3t-t0ken"), "{debug}");
        assert!(debug.contains("OQ-client"), "{debug}");

        let with_account = oauth.with_account_sid(SID);
        assert_eq!(with_account.default_account_sid(), Some(SID));
        assert_eq!(with_account.account_sid(), SID);
        assert!(with_account.basic_authorization().is_none());
        assert!(with_account.check().is_ok());
        let err = with_account.with_account_sid("AC1").check().unwrap_err();
        assert!(matches!(err, ConfigError::InvalidAccountSid(_)), "{err:?}");

        for (id, secret) in [("", "s"), ("id", "")] {
            let err = Credentials::client_credentials(id, secret)
                .check()
                .unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidClientCredentials(_)),
                "{err:?}"
            );
        }
        assert_eq!(Credentials::auth_token(SID, "t").client_id(), None);
    }

    #[test]
    fn sids_are_checked() {
        assert!(Credentials::auth_token(SID, "t").check().is_ok());
        assert!(Credentials::api_key(SID, KEY, "t").check().is_ok());
        let err = Credentials::auth_token("AC123", "t").check().unwrap_err();
        assert!(matches!(err, ConfigError::InvalidAccountSid(_)), "{err:?}");
        let err = Credentials::api_key(SID, SID, "t").check().unwrap_err();
        assert!(matches!(err, ConfigError::InvalidApiKeySid(_)), "{err:?}");
    }

    #[test]
    fn environment() {
        let from = |vars: &[(&str, &str)]| {
            let vars: HashMap<String, String> = vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            Credentials::from_lookup(|name| vars.get(name).cloned())
        };
        let token = from(&[("TWILIO_ACCOUNT_SID", SID), ("TWILIO_AUTH_TOKEN", "t")]).unwrap();
        assert_eq!(basic(&token), format!("{SID}:t"));
        let key = from(&[
            ("TWILIO_ACCOUNT_SID", SID),
            ("TWILIO_AUTH_TOKEN", "t"),
            ("TWILIO_API_KEY", KEY),
            ("TWILIO_API_SECRET", "s"),
        ])
        .unwrap();
        assert_eq!(key.api_key_sid(), Some(KEY));
        assert_eq!(basic(&key), format!("{KEY}:s"));
        assert!(matches!(
            from(&[("TWILIO_ACCOUNT_SID", SID)]),
            Err(ConfigError::MissingEnv {
                name: "TWILIO_AUTH_TOKEN"
            })
        ));
        assert!(matches!(
            from(&[("TWILIO_ACCOUNT_SID", SID), ("TWILIO_API_KEY", KEY)]),
            Err(ConfigError::MissingEnv {
                name: "TWILIO_API_SECRET"
            })
        ));
        assert!(matches!(
            from(&[("TWILIO_AUTH_TOKEN", "t")]),
            Err(ConfigError::MissingEnv {
                name: "TWILIO_ACCOUNT_SID"
            })
        ));
    }
}
