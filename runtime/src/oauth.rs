//! OAuth 2.0 client credentials: getting an access token from the token endpoint,
//! keeping it until shortly before it expires, and getting the next one once, however
//! many requests wait for it.
//!
//! The token request is the one twilio-python 9.x makes (`ClientCredentialProvider`,
//! whose `ClientTokenManager` calls `oauth.v2.token.create`): `POST /v2/token` on
//! `oauth.twilio.com`, form-encoded `grant_type=client_credentials`, `client_id` and
//! `client_secret`, no `Authorization` header. Where twilio-python decodes the JWT's
//! `exp` claim and takes the token as valid until that instant, this module also reads
//! `expires_in` from the answer (RFC 6749, section 5.1), takes whichever of the two
//! ends first, and replaces the token [`REFRESH_MARGIN`] before then, so that a token
//! never expires on its way to Twilio.

use std::time::{Duration, Instant};

use base64::Engine as _;
use reqwest::Url;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use serde_json::Value;

use crate::auth::Secret;
use crate::client::Client;
use crate::endpoint::Method;
use crate::error::{Error, TokenError};
use crate::exchange::Exchange;
use crate::form::Form;
use crate::retry::SendOptions;

/// Twilio's OAuth 2.0 token endpoint.
pub(crate) const DEFAULT_TOKEN_URL: &str = "https://oauth.twilio.com/v2/token";

/// How long before its expiry a token is replaced.
pub(crate) const REFRESH_MARGIN: Duration = Duration::from_secs(30);

/// The longest access token accepted, in bytes: far above the JWTs Twilio issues, and
/// within what a header value may be.
const MAX_TOKEN_LEN: usize = 4096;

/// Where tokens come from, and the one in hand.
pub(crate) struct TokenSource {
    url: Url,
    client_id: String,
    client_secret: Secret,
    /// The token in hand, if any: locked only to read or replace it, never across an
    /// await.
    cached: std::sync::Mutex<Option<Cached>>,
    /// Held by the one task that gets a new token, so that the others wait for it
    /// instead of asking too.
    refresh: tokio::sync::Mutex<()>,
}

/// A token, as the `Authorization` header it makes, and when to replace it.
#[derive(Clone)]
struct Cached {
    /// `Bearer <token>`, marked sensitive.
    header: HeaderValue,
    /// When to get a new one: its expiry less [`REFRESH_MARGIN`].
    refresh_at: Instant,
}

impl TokenSource {
    pub(crate) fn new(url: Url, client_id: &str, client_secret: &Secret) -> Self {
        TokenSource {
            url,
            client_id: client_id.to_owned(),
            client_secret: client_secret.clone(),
            cached: std::sync::Mutex::new(None),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    /// The token URL, for `Debug`.
    pub(crate) fn url(&self) -> &Url {
        &self.url
    }

    /// The token in hand, while it is not due for replacement.
    fn fresh(&self) -> Option<HeaderValue> {
        let cached = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        cached
            .as_ref()
            .filter(|cached| Instant::now() < cached.refresh_at)
            .map(|cached| cached.header.clone())
    }

    /// Forgets the token that made `header`, after the API refused it, so that the
    /// next request gets a new one. A newer token is kept.
    pub(crate) fn invalidate(&self, header: &HeaderValue) {
        let mut cached = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        if cached
            .as_ref()
            .is_some_and(|cached| cached.header == *header)
        {
            *cached = None;
        }
    }

    /// The `Authorization` header for a request: the token in hand, or a new one.
    ///
    /// Single flight: the first task to find no valid token gets one while holding
    /// the refresh gate; the tasks that come meanwhile wait at the gate, then find the
    /// new token. A failure is not kept: the next request asks again.
    pub(crate) async fn authorization(&self, client: &Client) -> Result<HeaderValue, Error> {
        if let Some(header) = self.fresh() {
            return Ok(header);
        }
        let _gate = self.refresh.lock().await;
        if let Some(header) = self.fresh() {
            return Ok(header);
        }
        let asked = Instant::now();
        let token = self.request_token(client).await?;
        // The lifetime counts from when the token was asked for, not received: the
        // margin is not eaten by a slow answer.
        let refresh_at = asked
            .checked_add(token.lifetime.saturating_sub(REFRESH_MARGIN))
            .unwrap_or(asked);
        let cached = Cached {
            header: token.header,
            refresh_at,
        };
        let header = cached.header.clone();
        *self.cached.lock().unwrap_or_else(|e| e.into_inner()) = Some(cached);
        Ok(header)
    }

    /// Asks the token endpoint for a token, through the client's exchange: its
    /// timeouts, its retry policy (a `POST` that is safe to repeat: it only issues a
    /// token; a `4xx`, such as the `401` of wrong credentials, is never retried), its
    /// body limit, its refusal of redirects.
    async fn request_token(&self, client: &Client) -> Result<Token, Error> {
        let mut form = Form::new();
        form.append("grant_type", "client_credentials");
        form.append("client_id", &self.client_id);
        form.append("client_secret", self.client_secret.expose());
        let mut request = reqwest::Request::new(Method::Post.to_http(), self.url.clone());
        let headers = request.headers_mut();
        headers.extend(client.common_headers());
        // The common headers carry no credentials on an OAuth client; this makes sure.
        headers.remove(AUTHORIZATION);
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        *request.body_mut() = Some(form.into_string().into());
        let exchange = Exchange {
            method: Method::Post,
            options: SendOptions::new().retry_unsafe(true),
            redirect_answer: false,
            operation: "CreateOauth2Token",
            path_template: "/v2/token",
        };
        let reply = client
            .receive_as_is(request, exchange)
            .await
            .map_err(|error| self.token_error(error))?;
        let body = reply
            .success_body()
            .map_err(|error| self.token_error(error))?;
        Token::read(body).map_err(|reason| TokenError::response(reason).into())
    }

    /// The error for a failed token request, with the client secret cut out of
    /// whatever the server said, should it echo the form back.
    fn token_error(&self, mut error: Error) -> Error {
        let secret = self.client_secret.expose();
        let scrub = |text: &mut String| {
            if text.contains(secret) {
                *text = text.replace(secret, "[redacted]");
            }
        };
        match &mut error {
            Error::Api(api) => {
                scrub(&mut api.message);
                if let Some(more_info) = &mut api.more_info {
                    scrub(more_info);
                }
                if api
                    .details
                    .as_ref()
                    .is_some_and(|details| details.to_string().contains(secret))
                {
                    api.details = None;
                }
            }
            Error::Http(http) => scrub(&mut http.snippet),
            _ => {}
        }
        TokenError::request(error).into()
    }
}

/// A token read from the endpoint's answer.
struct Token {
    header: HeaderValue,
    /// How long it is valid from when it was asked for.
    lifetime: Duration,
}

impl Token {
    /// Reads a success answer's body: `access_token`, and its lifetime: `expires_in`
    /// (seconds, a number or a numeric string) or the JWT's `exp`, whichever ends first
    /// when there are both; a `token_type`, if given,
    /// must be `bearer` (any case). A token whose lifetime neither says is used for the
    /// request that asked for it only. Errors name what is wrong, never a value.
    fn read(body: &[u8]) -> Result<Token, &'static str> {
        let value: Value = serde_json::from_slice(body).map_err(|_| "is not JSON")?;
        let object = value.as_object().ok_or("is not a JSON object")?;
        let token = match object.get("access_token") {
            Some(Value::String(token)) if !token.is_empty() => token,
            Some(Value::String(_)) => return Err("has an empty access_token"),
            Some(_) => return Err("has an access_token that is not a string"),
            None => return Err("has no access_token"),
        };
        match object.get("token_type") {
            None | Some(Value::Null) => {}
            Some(Value::String(kind)) if kind.eq_ignore_ascii_case("bearer") => {}
            Some(_) => return Err("has a token_type other than bearer"),
        }
        if token.len() > MAX_TOKEN_LEN {
            return Err("has an access_token longer than 4096 bytes");
        }
        let mut header = HeaderValue::try_from(format!("Bearer {token}"))
            .map_err(|_| "has an access_token that is not a valid header value")?;
        header.set_sensitive(true);
        let expires_in = match object.get("expires_in") {
            None | Some(Value::Null) => None,
            Some(expires_in) => Some(seconds(expires_in).ok_or("has an invalid expires_in")?),
        };
        // Whichever ends first: twilio-python trusts the JWT's `exp` alone, and an
        // `expires_in` that is not a duration (Twilio's own example gives a timestamp
        // in milliseconds) must not keep an expired token.
        let exp = jwt_lifetime(token, jiff::Timestamp::now());
        let lifetime = match (expires_in, exp) {
            (Some(expires_in), Some(exp)) => Some(expires_in.min(exp)),
            (expires_in, exp) => expires_in.or(exp),
        };
        Ok(Token {
            header,
            lifetime: lifetime.unwrap_or(Duration::ZERO),
        })
    }
}

/// A non-negative number of seconds, as a JSON number or numeric string; a lifetime
/// too long for a `Duration` is `Duration::MAX`.
fn seconds(value: &Value) -> Option<Duration> {
    let seconds = match value {
        Value::Number(number) => number.as_f64()?,
        Value::String(text) => text.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (seconds.is_finite() && seconds >= 0.0)
        .then(|| Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX))
}

/// How long a JWT is valid from `now`, by its `exp` claim (not checking the signature,
/// as twilio-python's `TokenAuthStrategy` does not): `None` for a token that is not a
/// JWT or has no `exp`, zero for one already expired.
fn jwt_lifetime(token: &str, now: jiff::Timestamp) -> Option<Duration> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?.as_i64()?;
    let left = exp.saturating_sub(now.as_second());
    Some(Duration::from_secs(u64::try_from(left).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read(body: &Value) -> Result<Token, &'static str> {
        Token::read(body.to_string().as_bytes())
    }

    fn jwt(claims: &Value) -> String {
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.c2lnbmF0dXJl",
            engine.encode(r#"{"alg":"HS256","typ":"JWT"}"#),
            engine.encode(claims.to_string())
        )
    }

    #[test]
    fn a_token_answer_makes_a_sensitive_bearer_header() {
        let token = read(&json!({
            "access_token": "tok-123",
            "expires_in": 3600,
            "token_type": "Bearer",
            "refresh_token": null,
        }))
        .unwrap();
        assert_eq!(token.header, "Bearer tok-123");
        assert!(token.header.is_sensitive());
        assert!(!format!("{:?}", token.header).contains("tok-123"));
        assert_eq!(token.lifetime, Duration::from_secs(3600));
        let as_text =
            read(&json!({"access_token": "t", "expires_in": "1.5", "token_type": "bearer"}));
        assert_eq!(as_text.unwrap().lifetime, Duration::from_millis(1500));
        let huge = read(&json!({"access_token": "t", "expires_in": 1e300}));
        assert_eq!(huge.unwrap().lifetime, Duration::MAX);
    }

    #[test]
    fn answers_that_are_no_token_say_why_without_values() {
        for (body, reason) in [
            (json!([1]), "is not a JSON object"),
            (json!({"expires_in": 60}), "has no access_token"),
            (json!({"access_token": ""}), "has an empty access_token"),
            (
                json!({"access_token": 5}),
                "has an access_token that is not a string",
            ),
            (
                json!({"access_token": "a\nb"}),
                "has an access_token that is not a valid header value",
            ),
            (
                json!({"access_token": "a".repeat(MAX_TOKEN_LEN + 1)}),
                "has an access_token longer than 4096 bytes",
            ),
            (
                json!({"access_token": "t", "token_type": "mac"}),
                "has a token_type other than bearer",
            ),
            (
                json!({"access_token": "t", "expires_in": -1}),
                "has an invalid expires_in",
            ),
            (
                json!({"access_token": "t", "expires_in": "soon"}),
                "has an invalid expires_in",
            ),
        ] {
            assert_eq!(read(&body).err(), Some(reason), "{body}");
        }
        assert_eq!(Token::read(b"<html>").err(), Some("is not JSON"));
    }

    #[test]
    fn without_expires_in_the_jwt_exp_says_how_long() {
        let now: jiff::Timestamp = "2024-01-01T00:00:00Z".parse().unwrap();
        let exp = now.as_second() + 600;
        assert_eq!(
            jwt_lifetime(&jwt(&json!({"exp": exp})), now),
            Some(Duration::from_secs(600))
        );
        assert_eq!(
            jwt_lifetime(&jwt(&json!({"exp": exp - 1200})), now),
            Some(Duration::ZERO)
        );
        assert_eq!(jwt_lifetime(&jwt(&json!({"sub": "x"})), now), None);
        assert_eq!(jwt_lifetime("opaque-token", now), None);
        assert_eq!(jwt_lifetime("a.!!!.c", now), None);
        // Neither expires_in nor exp: used once.
        let once = read(&json!({"access_token": "opaque"})).unwrap();
        assert_eq!(once.lifetime, Duration::ZERO);
        // Both: whichever ends first, so a timestamp sent as expires_in (as in
        // Twilio's example) does not outlive the JWT.
        let soon = jiff::Timestamp::now().as_second() + 120;
        let both = read(&json!({
            "access_token": jwt(&json!({"exp": soon})),
            "expires_in": 1_438_315_200_000_u64,
        }))
        .unwrap();
        assert!(
            both.lifetime <= Duration::from_secs(120),
            "{:?}",
            both.lifetime
        );
        let shorter = read(&json!({"access_token": jwt(&json!({"exp": soon})), "expires_in": 5}));
        assert_eq!(shorter.unwrap().lifetime, Duration::from_secs(5));
    }
}
