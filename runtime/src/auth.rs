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

/// The credentials a [`Client`](crate::Client) authenticates with (HTTP Basic): an
/// account SID with its auth token, or an API key (`SK...`) with its secret.
///
/// ```
/// use twill_runtime::Credentials;
///
/// let credentials = Credentials::auth_token("AC0123456789abcdef0123456789abcdef", "hunter2");
/// assert_eq!(credentials.account_sid(), "AC0123456789abcdef0123456789abcdef");
/// assert!(!format!("{credentials:?}").contains("hunter2"));
/// ```
#[derive(Clone)]
pub struct Credentials {
    account_sid: String,
    key: Key,
}

#[derive(Clone)]
enum Key {
    AuthToken(Secret),
    ApiKey { sid: String, secret: Secret },
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
            account_sid: account_sid.into(),
            key: Key::AuthToken(auth_token.into()),
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
            account_sid: account_sid.into(),
            key: Key::ApiKey {
                sid: api_key_sid.into(),
                secret: secret.into(),
            },
        }
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

    /// The account SID these credentials belong to.
    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// The API key SID, for API key credentials.
    pub fn api_key_sid(&self) -> Option<&str> {
        match &self.key {
            Key::ApiKey { sid, .. } => Some(sid),
            Key::AuthToken(_) => None,
        }
    }

    /// Checks the SIDs' formats.
    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        sid::check(&self.account_sid, "AC").map_err(ConfigError::InvalidAccountSid)?;
        if let Key::ApiKey { sid, .. } = &self.key {
            sid::check(sid, "SK").map_err(ConfigError::InvalidApiKeySid)?;
        }
        Ok(())
    }

    /// The `Authorization` header value, marked sensitive so that HTTP layers redact it.
    pub(crate) fn authorization(&self) -> HeaderValue {
        let (user, secret) = match &self.key {
            Key::AuthToken(token) => (&self.account_sid, token),
            Key::ApiKey { sid, secret } => (sid, secret),
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
        value
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Credentials");
        debug.field("account_sid", &self.account_sid);
        match &self.key {
            Key::AuthToken(token) => debug.field("auth_token", token),
            Key::ApiKey { sid, secret } => {
                debug.field("api_key_sid", sid).field("api_secret", secret)
            }
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
        let header = credentials.authorization();
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
