//! Access tokens for Twilio's client SDKs (Conversations, Voice, Video, Sync).
//!
//! A server mints a short-lived [`AccessToken`] for a user and hands it to the user's
//! browser or app, whose Twilio SDK presents it. The token is a JWT signed with an API
//! key's secret (HS256); the secret itself never leaves the server. It carries the
//! user's identity and one [`Grant`] per product the user may use.
//!
//! ```
//! use std::time::Duration;
//!
//! use twill_api::jwt::{AccessToken, ChatGrant, VideoGrant};
//! use twill_api::{Timestamp, sid};
//!
//! let token = AccessToken::new(
//!     sid!("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
//!     sid!("SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
//!     "api key secret", // from the environment or a vault, in a real server
//!     "alice",
//! )
//! .with_ttl(Duration::from_secs(600))
//! .with_grant(ChatGrant::new().with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")))
//! .with_grant(VideoGrant::new().with_room("daily-standup"));
//!
//! let jwt = token.to_jwt()?; // issued now; `to_jwt_at` takes the issue time
//! assert_eq!(jwt.split('.').count(), 3);
//! assert!(!format!("{token:?}").contains("api key secret"));
//!
//! let fixed = token.to_jwt_at("2023-11-14T22:13:20Z".parse::<Timestamp>()?)?;
//! assert!(fixed.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0."));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The token
//!
//! The token is, byte for byte, the one Twilio's Node.js helper library makes from the
//! same inputs at the same time (`AccessToken` of the `twilio` npm package; voice
//! parameters given in key order, the order `jwt` keeps them in). Its header
//! is `{"alg":"HS256","typ":"JWT","cty":"twilio-fpa;v=1"}`, with `"twr":<region>` last
//! when [`with_region`](AccessToken::with_region) set one. Its claims are:
//!
//! | claim | value |
//! |---|---|
//! | `jti` | `<API key SID>-<iat>` |
//! | `grants` | `identity`, then each grant under its key: `chat`, `voice`, `video`, `data_sync` |
//! | `nbf` | only when [`with_nbf`](AccessToken::with_nbf) set it |
//! | `iat` | the issue time, in seconds since the Unix epoch |
//! | `exp` | `iat` + the time to live (one hour unless set; at most 24 hours) |
//! | `iss` | the API key SID |
//! | `sub` | the account SID |
//!
//! The Python, Java, Go, Ruby, PHP and C# libraries make the same grants; they leave out
//! `iat`, and the Python, Go and Ruby ones set `nbf` to the issue time when it is not
//! given.

mod claims;
mod error;
mod grants;
mod sign;

use std::time::Duration;

pub use self::error::AccessTokenError;
pub use self::grants::{ChatGrant, Grant, OutgoingApplication, SyncGrant, VideoGrant, VoiceGrant};

use self::claims::{Claims, Grants, Header};
use crate::prefix::{AC, SK};
use crate::{Secret, Sid, Timestamp};

/// An access token for Twilio's client SDKs: who the user is and what it may use,
/// signed with an API key.
///
/// Made with [`new`](Self::new), completed with the `with_*` methods, minted as a JWT
/// with [`to_jwt`](Self::to_jwt) (now) or [`to_jwt_at`](Self::to_jwt_at) (at a given
/// time); the module's docs show an example and the token's layout. Minting does not
/// change the token: one `AccessToken` can mint many JWTs.
///
/// Its `Debug` shows no secret.
#[derive(Debug, Clone)]
pub struct AccessToken {
    account_sid: Sid<AC>,
    api_key_sid: Sid<SK>,
    api_key_secret: Secret,
    identity: String,
    ttl: Duration,
    nbf: Option<Timestamp>,
    region: Option<String>,
    grants: Vec<Grant>,
}

impl AccessToken {
    /// The time to live of a token whose [`with_ttl`](Self::with_ttl) was not called:
    /// one hour, as in the official libraries.
    pub const DEFAULT_TTL: Duration = Duration::from_secs(3600);

    /// The longest time to live Twilio accepts: 24 hours.
    pub const MAX_TTL: Duration = Duration::from_secs(24 * 3600);

    /// A token for `identity` (the user, as your application names it), signed with the
    /// API key `api_key_sid` of the account `account_sid` and that key's secret; no
    /// grant yet, a time to live of one hour.
    ///
    /// An empty identity or secret is reported by [`to_jwt`](Self::to_jwt).
    pub fn new(
        account_sid: Sid<AC>,
        api_key_sid: Sid<SK>,
        api_key_secret: impl Into<Secret>,
        identity: impl Into<String>,
    ) -> Self {
        AccessToken {
            account_sid,
            api_key_sid,
            api_key_secret: api_key_secret.into(),
            identity: identity.into(),
            ttl: Self::DEFAULT_TTL,
            nbf: None,
            region: None,
            grants: Vec::new(),
        }
    }

    /// Sets how long the token is valid after it is issued: whole seconds (a fraction
    /// is dropped), at least one, at most [`MAX_TTL`](Self::MAX_TTL) (24 hours).
    /// [`to_jwt`](Self::to_jwt) reports a time to live outside those bounds.
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Sets the time before which the token is not valid (the `nbf` claim), in whole
    /// seconds (a fraction is dropped). Without it the token has no `nbf`.
    pub fn with_nbf(mut self, not_before: Timestamp) -> Self {
        self.nbf = Some(not_before);
        self
    }

    /// Sets the home region of the account (`us1`, `ie1`, `au1`...), sent as the `twr`
    /// header; an empty region is no region.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Adds a grant, or replaces the grant of the same kind (in its place).
    pub fn with_grant(mut self, grant: impl Into<Grant>) -> Self {
        self.add_grant(grant);
        self
    }

    /// Adds a grant, or replaces the grant of the same kind (in its place), through a
    /// reference: for grants added under conditions.
    pub fn add_grant(&mut self, grant: impl Into<Grant>) -> &mut Self {
        let grant = grant.into();
        match self
            .grants
            .iter_mut()
            .find(|kept| kept.key() == grant.key())
        {
            Some(kept) => *kept = grant,
            None => self.grants.push(grant),
        }
        self
    }

    /// The account SID (the `sub` claim).
    pub fn account_sid(&self) -> Sid<AC> {
        self.account_sid
    }

    /// The API key SID (the `iss` claim, and the start of `jti`).
    pub fn api_key_sid(&self) -> Sid<SK> {
        self.api_key_sid
    }

    /// The user's identity (`grants.identity`).
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The time to live, as set.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// The not-before time, if set.
    pub fn nbf(&self) -> Option<Timestamp> {
        self.nbf
    }

    /// The home region (the `twr` header), if set and not empty.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref().filter(|region| !region.is_empty())
    }

    /// The grants, in the order they were first added.
    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// Mints the token, issued now (by the system clock).
    ///
    /// # Errors
    ///
    /// An empty identity or secret, or a time to live under one second or above
    /// [`MAX_TTL`](Self::MAX_TTL): see [`AccessTokenError`].
    pub fn to_jwt(&self) -> Result<String, AccessTokenError> {
        self.to_jwt_at(Timestamp::now())
    }

    /// Mints the token as issued at `issued_at` (in whole seconds, rounded down): the
    /// same inputs and time always give the same JWT.
    ///
    /// # Errors
    ///
    /// As [`to_jwt`](Self::to_jwt).
    pub fn to_jwt_at(&self, issued_at: Timestamp) -> Result<String, AccessTokenError> {
        if self.identity.is_empty() {
            return Err(AccessTokenError::EmptyIdentity);
        }
        if self.api_key_secret.expose().is_empty() {
            return Err(AccessTokenError::EmptySecret);
        }
        if self.ttl > Self::MAX_TTL {
            return Err(AccessTokenError::TtlTooLong { ttl: self.ttl });
        }
        // At most 86,400 after the check above.
        let ttl = self.ttl.as_secs() as i64;
        if ttl == 0 {
            return Err(AccessTokenError::TtlTooShort);
        }
        let iat = whole_seconds(issued_at);
        let claims = Claims {
            jti: format!("{}-{iat}", self.api_key_sid),
            grants: Grants {
                identity: &self.identity,
                grants: &self.grants,
            },
            nbf: self.nbf.map(whole_seconds),
            iat,
            // `Timestamp` ends in the year 9999, far from `i64::MAX` seconds.
            exp: iat + ttl,
            iss: self.api_key_sid.as_str(),
            sub: self.account_sid.as_str(),
        };
        let header = Header::new(self.region());
        // Structs and maps with text keys: writing them to a `Vec` cannot fail.
        let header = serde_json::to_vec(&header).expect("a JWT header serializes");
        let claims = serde_json::to_vec(&claims).expect("JWT claims serialize");
        Ok(sign::hs256(
            &header,
            &claims,
            self.api_key_secret.expose().as_bytes(),
        ))
    }
}

/// Seconds since the Unix epoch, rounded down (as `Math.floor(Date.now() / 1000)`).
fn whole_seconds(time: Timestamp) -> i64 {
    let seconds = time.as_second();
    if time.subsec_nanosecond() < 0 {
        seconds - 1
    } else {
        seconds
    }
}
