//! When to send a request again, and how long to wait first.
//!
//! Safe by construction: a `429 Too Many Requests` means the request was not processed,
//! and a connection that was never made carried nothing, so those are retried whatever
//! the method. A `5xx`, a timeout or a lost connection may come after the server acted,
//! so those are retried only for `GET` and `DELETE` (idempotent), unless the caller opts
//! in for one request with [`SendOptions::retry_unsafe`]. Redirects, other statuses and
//! requests that cannot be built are never retried. A `Retry-After` on a `429` or `503`
//! sets the wait.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderValue;

use crate::endpoint::Method;
use crate::error::Stop;

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
            .saturating_mul(1u32 << retry.saturating_sub(1).min(16))
            .min(self.max_backoff);
        let half = exponential / 2;
        half.saturating_add(half.mul_f64(random_fraction()))
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
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome<'a> {
    /// A response with this status and `Retry-After` header.
    Status(StatusCode, Option<&'a HeaderValue>),
    /// No response: a timeout or a broken or refused connection. `sent` says whether the
    /// request may have reached the server (not when the connection was never made).
    NoResponse {
        /// Whether the request may have reached the server.
        sent: bool,
    },
    /// The request could not be built or sent as it is: sending it again would fail the
    /// same way.
    Unsendable,
}

/// Decides, after attempt number `attempt` and `waited` in backoffs so far, whether to
/// retry and after how long, or why not.
pub(crate) fn decide(
    policy: &RetryPolicy,
    method: Method,
    options: &SendOptions,
    outcome: Outcome<'_>,
    attempt: u32,
    waited: Duration,
) -> Result<Duration, Stop> {
    let repeatable = matches!(method, Method::Get | Method::Delete) || options.retry_unsafe;
    let wait = match outcome {
        // Not processed: safe to repeat whatever the method.
        Outcome::Status(StatusCode::TOO_MANY_REQUESTS, retry_after_header) => {
            retry_after(retry_after_header).unwrap_or_else(|| policy.backoff(attempt))
        }
        Outcome::NoResponse { sent: false } => policy.backoff(attempt),
        // Perhaps processed: only when repeating is harmless.
        Outcome::Status(StatusCode::SERVICE_UNAVAILABLE, retry_after_header) if repeatable => {
            retry_after(retry_after_header).unwrap_or_else(|| policy.backoff(attempt))
        }
        Outcome::Status(status, _) if status.is_server_error() && repeatable => {
            policy.backoff(attempt)
        }
        Outcome::NoResponse { sent: true } if repeatable => policy.backoff(attempt),
        Outcome::Status(status, _) if status.is_server_error() => {
            return Err(Stop::NotRepeatable);
        }
        Outcome::NoResponse { sent: true } => return Err(Stop::NotRepeatable),
        Outcome::Status(..) | Outcome::Unsendable => return Err(Stop::Final),
    };
    if attempt >= policy.max_attempts {
        return Err(Stop::AttemptLimit);
    }
    let remaining = policy.max_total_delay.saturating_sub(waited);
    if wait > remaining {
        return Err(Stop::DelayBudget { wait });
    }
    Ok(wait)
}

/// `Retry-After` as a number of seconds or an HTTP date (RFC 9110, section 10.2.3).
///
/// Read leniently and without overflow: seconds beyond what a `Duration` holds are
/// `Duration::MAX` (which no delay budget allows); a fraction of a second is kept; a
/// date in the past is zero. A negative number, a date beyond the year 9999, or anything
/// else unreadable, is `None`, so the backoff applies.
fn retry_after(header: Option<&HeaderValue>) -> Option<Duration> {
    retry_after_at(header, jiff::Timestamp::now())
}

/// [`retry_after`] as read at `now`.
fn retry_after_at(header: Option<&HeaderValue>, now: jiff::Timestamp) -> Option<Duration> {
    let value = header?.to_str().ok()?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value.parse().map_or(Duration::MAX, Duration::from_secs));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds >= 0.0 && seconds.is_finite())
            .then(|| Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX));
    }
    let at = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(value)
        .ok()?;
    let wait = at.duration_since(now);
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

    /// `None` for no response (sent), else the status.
    fn decide_after(
        method: Method,
        options: SendOptions,
        status: Option<u16>,
        attempt: u32,
    ) -> Result<Duration, Stop> {
        let outcome = match status {
            Some(code) => Outcome::Status(StatusCode::from_u16(code).unwrap(), None),
            None => Outcome::NoResponse { sent: true },
        };
        decide(
            &RetryPolicy::default(),
            method,
            &options,
            outcome,
            attempt,
            Duration::ZERO,
        )
    }

    const METHODS: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Delete,
        Method::Put,
        Method::Patch,
    ];

    #[test]
    fn what_is_retried() {
        let plain = SendOptions::new();
        let unsafe_ok = SendOptions::new().retry_unsafe(true);
        // 429, and connections never made: every method.
        for method in METHODS {
            assert!(
                decide_after(method, plain, Some(429), 1).is_ok(),
                "{method}"
            );
            let refused = decide(
                &RetryPolicy::default(),
                method,
                &plain,
                Outcome::NoResponse { sent: false },
                1,
                Duration::ZERO,
            );
            assert!(refused.is_ok(), "{method}");
        }
        // 5xx and no response after sending: idempotent methods, or with the opt-in.
        for outcome in [Some(500), Some(503), None] {
            assert!(decide_after(Method::Get, plain, outcome, 1).is_ok());
            assert!(decide_after(Method::Delete, plain, outcome, 1).is_ok());
            assert_eq!(
                decide_after(Method::Post, plain, outcome, 1),
                Err(Stop::NotRepeatable)
            );
            assert!(decide_after(Method::Post, unsafe_ok, outcome, 1).is_ok());
        }
        // Other statuses, redirects among them: never.
        for status in [200, 201, 301, 302, 304, 307, 308, 400, 401, 404, 409] {
            assert_eq!(
                decide_after(Method::Get, unsafe_ok, Some(status), 1),
                Err(Stop::Final)
            );
        }
        // A request that cannot be built: never.
        for method in METHODS {
            let unsendable = decide(
                &RetryPolicy::default(),
                method,
                &unsafe_ok,
                Outcome::Unsendable,
                1,
                Duration::ZERO,
            );
            assert_eq!(unsendable, Err(Stop::Final));
        }
        // The attempt bound.
        assert_eq!(
            decide_after(Method::Get, plain, Some(503), 3),
            Err(Stop::AttemptLimit)
        );
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        for (value, expected) in [
            ("3", Some(Duration::from_secs(3))),
            (" 0 ", Some(Duration::ZERO)),
            ("1.5", Some(Duration::from_millis(1500))),
            ("18446744073709551615", Some(Duration::from_secs(u64::MAX))),
            ("99999999999999999999999", Some(Duration::MAX)),
            ("1e300", Some(Duration::MAX)),
            ("-1", None),
            ("-0.5", None),
            ("NaN", None),
            ("inf", None),
            ("soon", None),
            ("", None),
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(Duration::ZERO)),
        ] {
            assert_eq!(retry_after(Some(&header(value))), expected, "{value:?}");
        }
        assert_eq!(retry_after(None), None);
        // Dates, read at a fixed time: no clock in the test.
        let now: jiff::Timestamp = "1994-11-06T08:48:37.25Z".parse().unwrap();
        let date = |value| retry_after_at(Some(&header(value)), now);
        assert_eq!(
            date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::from_millis(59_750))
        );
        assert_eq!(date("Sun, 06 Nov 1994 08:48:37 GMT"), Some(Duration::ZERO));
        assert_eq!(date("Sat, 05 Nov 1994 08:49:37 GMT"), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_beyond_the_budget_stops() {
        let policy = RetryPolicy::default();
        let options = SendOptions::new();
        for value in ["60", "18446744073709551615", "99999999999999999999999"] {
            let header = header(value);
            let outcome = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(&header));
            // After a first wait too: the sum never overflows.
            for waited in [Duration::ZERO, Duration::from_secs(1), Duration::MAX] {
                let decision = decide(&policy, Method::Get, &options, outcome, 1, waited);
                assert!(
                    matches!(decision, Err(Stop::DelayBudget { .. })),
                    "{value} after {waited:?}: {decision:?}"
                );
            }
        }
        let two = header("2");
        let on_503 = Outcome::Status(StatusCode::SERVICE_UNAVAILABLE, Some(&two));
        assert_eq!(
            decide(&policy, Method::Get, &options, on_503, 1, Duration::ZERO),
            Ok(Duration::from_secs(2))
        );
        assert_eq!(
            decide(&policy, Method::Post, &options, on_503, 1, Duration::ZERO),
            Err(Stop::NotRepeatable)
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
        let huge = RetryPolicy::default()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX);
        assert!(huge.backoff(u32::MAX) >= Duration::MAX / 2);
    }
}
