//! Why an access token could not be made.

use std::fmt;
use std::time::Duration;

use super::AccessToken;

/// Why [`AccessToken::to_jwt`](super::AccessToken::to_jwt) made no token.
///
/// It never holds the API key secret, nor any text of the token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AccessTokenError {
    /// The identity is empty; Twilio's client SDKs need one.
    EmptyIdentity,
    /// The API key secret is empty.
    EmptySecret,
    /// The time to live is under one second.
    TtlTooShort,
    /// The time to live is above [`MAX_TTL`](super::AccessToken::MAX_TTL), 24 hours,
    /// which Twilio refuses.
    TtlTooLong {
        /// The time to live asked for.
        ttl: Duration,
    },
}

impl fmt::Display for AccessTokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessTokenError::EmptyIdentity => f.write_str("access token identity is empty"),
            AccessTokenError::EmptySecret => f.write_str("API key secret is empty"),
            AccessTokenError::TtlTooShort => {
                f.write_str("access token time to live is under one second")
            }
            AccessTokenError::TtlTooLong { ttl } => write!(
                f,
                "access token time to live of {} s is above the limit of {} s (24 h)",
                ttl.as_secs(),
                AccessToken::MAX_TTL.as_secs()
            ),
        }
    }
}

impl std::error::Error for AccessTokenError {}
