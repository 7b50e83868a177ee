//! When to send a request again, and how long to wait first.
//!
//! Safe by construction: a `429 Too Many Requests` means the request was not processed,
//! so it is retried whatever the method. A `5xx`, a timeout or a connection failure
//! may come after the server acted, so those are retried only for `GET` and `DELETE`
//! (idempotent), unless the caller opts in for one request with
//! [`SendOptions::retry_unsafe`].

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderValue;

use crate::endpoint::Method;

/// How many times, and how patiently, a request is retried.
///
/// ```
/// use std::time::Duration;
/// use twill_runtime::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .max_total_delay(Duration::from_secs(60));
/// assert_eq!(policy.attempts(), 5);
/// assert_eq!(RetryPolicy::none().attempts(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_total_delay: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, backoff from 500 ms doubling up to 8 s, at most 30 s of waiting in all.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_total_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Never retry: one attempt.
    pub fn none() -> Self {
        RetryPolicy::default().max_attempts(1)
    }

    /// The most attempts per request, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry when the server gives no `Retry-After`; it
    /// doubles with each retry, with jitter.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The longest backoff between two attempts.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// The most time spent waiting between attempts for one request, `Retry-After`
    /// included: a retry that would exceed it is not made.
    pub fn max_total_delay(mut self, delay: Duration) -> Self {
        self.max_total_delay = delay;
        self
    }

    /// The most attempts per request.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before retry number `retry` (1 for the first): exponential, with
    /// "equal jitter" (between half and all of it) so that clients spread out.
    fn backoff(&self, retry: u32) -> Duration {
        let exponential = self
            .initial_backoff
            .saturating_mul(1u32 << (retry - 1).min(16))
            .min(self.max_backoff);
        let half = exponential / 2;
        half + half.mul_f64(random_fraction())
    }
}

/// Per-request options for [`Client::send_with`](crate::Client::send_with).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct SendOptions {
    retry_unsafe: bool,
}

impl SendOptions {
    /// Default options: retries follow the client's policy and the safety rules.
    pub fn new() -> Self {
        SendOptions::default()
    }

    /// Also retry this request after a `5xx`, a timeout or a connection failure even
    /// though its method is not idempotent. Only for requests that are safe to repeat:
    /// the server may have acted on the first attempt.
    pub fn retry_unsafe(mut self, retry: bool) -> Self {
        self.retry_unsafe = retry;
        self
    }
}

/// What an attempt ended in, as far as retrying goes.
pub(crate) enum Outcome<'a> {
    /// A response with this status and `Retry-After` header.
    Status(StatusCode, Option<&'a HeaderValue>),
    /// No response: a timeout or a broken or refused connection.
    NoResponse,
}

/// Decides whether to retry after attempt number `attempt`, and how long to wait.
pub(crate) fn next_delay(
    policy: &RetryPolicy,
    method: Method,
    options: &SendOptions,
    outcome: Outcome<'_>,
    attempt: u32,
    waited: Duration,
) -> Option<Duration> {
    if attempt >= policy.max_attempts {
        return None;
    }
    let repeatable = matches!(method, Method::Get | Method::Delete) || options.retry_unsafe;
    let delay = match outcome {
        Outcome::Status(StatusCode::TOO_MANY_REQUESTS, retry_after_header) => {
            retry_after(retry_after_header).unwrap_or_else(|| policy.backoff(attempt))
        }
        Outcome::Status(status, _) if status.is_server_error() && repeatable => {
            policy.backoff(attempt)
        }
        Outcome::NoResponse if repeatable => policy.backoff(attempt),
        Outcome::Status(..) | Outcome::NoResponse => return None,
    };
    (waited + delay <= policy.max_total_delay).then_some(delay)
}

/// `Retry-After` as a number of seconds or an HTTP date.
fn retry_after(header: Option<&HeaderValue>) -> Option<Duration> {
    let value = header?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(value)
        .ok()?;
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// A fraction in `[0, 1)`, from the standard library's per-instance random hash keys.
fn random_fraction() -> f64 {
    let bits = RandomState::new().build_hasher().finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(value: &str) -> HeaderValue {
        HeaderValue::from_str(value).unwrap()
    }

    fn decide(
        method: Method,
        options: SendOptions,
        status: Option<u16>,
        attempt: u32,
    ) -> Option<Duration> {
        let outcome = match status {
            Some(code) => Outcome::Status(StatusCode::from_u16(code).unwrap(), None),
            None => Outcome::NoResponse,
        };
        next_delay(
            &RetryPolicy::default(),
            method,
            &options,
            outcome,
            attempt,
            Duration::ZERO,
        )
    }

    #[test]
    fn what_is_retried() {
        let plain = SendOptions::new();
        let unsafe_ok = SendOptions::new().retry_unsafe(true);
        // 429: every method.
        for method in [
            Method::Get,
            Method::Post,
            Method::Delete,
            Method::Put,
            Method::Patch,
        ] {
            assert!(decide(method, plain, Some(429), 1).is_some(), "{method}");
        }
        // 5xx and no response: idempotent methods, or with the opt-in.
        for outcome in [Some(500), Some(503), None] {
            assert!(decide(Method::Get, plain, outcome, 1).is_some());
            assert!(decide(Method::Delete, plain, outcome, 1).is_some());
            assert!(decide(Method::Post, plain, outcome, 1).is_none());
            assert!(decide(Method::Post, unsafe_ok, outcome, 1).is_some());
        }
        // Other statuses: never.
        for status in [200, 201, 400, 401, 404, 409] {
            assert!(decide(Method::Get, unsafe_ok, Some(status), 1).is_none());
        }
        // The attempt bound.
        assert!(decide(Method::Get, plain, Some(503), 3).is_none());
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(
            retry_after(Some(&header("3"))),
            Some(Duration::from_secs(3))
        );
        assert_eq!(retry_after(Some(&header("soon"))), None);
        assert_eq!(retry_after(None), None);
        let past = retry_after(Some(&header("Sun, 06 Nov 1994 08:49:37 GMT")));
        assert_eq!(past, Some(Duration::ZERO));
        let in_a_minute = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(60);
        let date = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&in_a_minute)
            .unwrap();
        let wait = retry_after(Some(&header(&date))).unwrap();
        assert!(
            wait > Duration::from_secs(55) && wait <= Duration::from_secs(60),
            "{wait:?}"
        );
    }

    #[test]
    fn retry_after_beyond_the_budget_stops() {
        let sixty = header("60");
        let outcome = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(&sixty));
        let policy = RetryPolicy::default();
        let options = SendOptions::new();
        assert_eq!(
            next_delay(&policy, Method::Get, &options, outcome, 1, Duration::ZERO),
            None
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let policy = RetryPolicy::default();
        for retry in 1..=8 {
            let full = Duration::from_millis(500 * (1 << (retry - 1))).min(Duration::from_secs(8));
            let delay = policy.backoff(retry);
            assert!(
                delay >= full / 2 && delay <= full,
                "retry {retry}: {delay:?}"
            );
        }
    }
}
