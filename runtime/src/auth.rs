//! Credentials, kept out of every `Debug` and `Display`.

use std::fmt;

use base64::Engine as _;
use reqwest::header::HeaderValue;

use crate::error::ConfigError;
use crate::sid;

/// A secret string, such as an auth token, whose `Debug` output is redacted.
///
/// `Secret` implements neither `Display` nor `Serialize`, so it cannot be printed or
/// logged by accident; read it with [`Secret::expose`].
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

/// The credentials a [`Client`](crate::Client) authenticates with (HTTP Basic).
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
    auth_token: Secret,
}

impl Credentials {
    /// Environment variable read by [`Credentials::from_env`] for the account SID.
    pub const ACCOUNT_SID_VAR: &'static str = "TWILIO_ACCOUNT_SID";
    /// Environment variable read by [`Credentials::from_env`] for the auth token.
    pub const AUTH_TOKEN_VAR: &'static str = "TWILIO_AUTH_TOKEN";

    /// Account SID (`AC` and 32 hex digits) and auth token, as shown in the Twilio console.
    pub fn auth_token(account_sid: impl Into<String>, auth_token: impl Into<Secret>) -> Self {
        Credentials {
            account_sid: account_sid.into(),
            auth_token: auth_token.into(),
        }
    }

    /// Reads `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`.
    pub fn from_env() -> Result<Self, ConfigError> {
        Ok(Credentials::auth_token(
            env_var(Self::ACCOUNT_SID_VAR)?,
            env_var(Self::AUTH_TOKEN_VAR)?,
        ))
    }

    /// The account SID these credentials belong to.
    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// Checks the account SID's format.
    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        sid::check(&self.account_sid, "AC").map_err(ConfigError::InvalidAccountSid)
    }

    /// The `Authorization` header value, marked sensitive so that HTTP layers redact it.
    pub(crate) fn authorization(&self) -> HeaderValue {
        let mut plain = String::with_capacity(self.account_sid.len() + 1 + self.auth_token.0.len());
        plain.push_str(&self.account_sid);
        plain.push(':');
        plain.push_str(self.auth_token.expose());
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
        f.debug_struct("Credentials")
            .field("account_sid", &self.account_sid)
            .field("auth_token", &self.auth_token)
            .finish()
    }
}

fn env_var(name: &'static str) -> Result<String, ConfigError> {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => Ok(value),
        _ => Err(ConfigError::MissingEnv { name }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "AC0123456789abcdef0123456789abcdef";

    #[test]
    fn debug_never_shows_the_token() {
        let credentials = Credentials::auth_token(SID, "s3cr3t-t0ken");
        let debug = format!("{credentials:?} {:?}", credentials.auth_token);
        assert!(!debug.contains("s3cr3t-t0ken"), "{debug}");
        assert!(debug.contains(SID), "{debug}");
    }

    #[test]
    fn authorization_is_basic_and_sensitive() {
        let header = Credentials::auth_token(SID, "token").authorization();
        assert!(header.is_sensitive());
        let encoded = header.to_str().unwrap().strip_prefix("Basic ").unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        assert_eq!(decoded, format!("{SID}:token").into_bytes());
    }

    #[test]
    fn account_sid_is_checked() {
        assert!(Credentials::auth_token(SID, "t").check().is_ok());
        let err = Credentials::auth_token("AC123", "t").check().unwrap_err();
        assert!(matches!(err, ConfigError::InvalidAccountSid(_)), "{err:?}");
    }
}
