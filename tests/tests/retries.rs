//! How retries end, on a scripted loopback server: every way they can end has a message
//! that says what happened, and no `Retry-After` a server sends (absurd, negative,
//! fractional, past, far in the future) can crash the client or keep it waiting
//! beyond its delay budget.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use twill_api::conversations::v1::{CreateConversation, FetchConversation};
use twill_api::{Client, Error, RetryPolicy};
use twill_tests::raw_server::{RawServer, Reply};
use twill_tests::{AUTH_TOKEN, client_builder};

const MAYBE_PROCESSED: &str =
    "the request may have been processed, so it was not repeated automatically";
const NO_MORE: &str = "; the retry policy allows no more attempts";

/// A client whose timeout a busy machine never reaches, except where a test wants it.
fn client(server: &RawServer, policy: RetryPolicy) -> Client {
    client_to(server.uri(), policy, Duration::from_secs(30))
}

fn client_to(base_url: String, policy: RetryPolicy, timeout: Duration) -> Client {
    client_builder(&base_url)
        .timeout(timeout)
        .retry(policy)
        .build()
        .unwrap()
}

/// Short backoffs; the default 30 s delay budget.
fn fast(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20))
}

fn fetch() -> FetchConversation {
    FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    }
}

fn create() -> CreateConversation {
    CreateConversation::default()
}

fn api_error(status: u16, message: &str) -> Value {
    json!({"code": 20000 + status, "message": message, "status": status})
}

fn conversation() -> Value {
    json!({"sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
}

// ---- One test per way the retries end, each pinning its message. ----

#[tokio::test]
async fn a_final_answer_is_not_retried_and_says_nothing_of_retries() {
    let server = RawServer::start(|_| Reply::json(404, &api_error(404, "Not found"))).await;
    let err = fetch().send(&client(&server, fast(3))).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Twilio API error (HTTP 404, code 20404): Not found"
    );
    assert_eq!((err.attempts(), server.requests().len()), (1, 1));
}

#[tokio::test]
async fn a_final_answer_after_a_retry_counts_the_attempts() {
    let server = RawServer::start(|request| match request.index {
        0 => Reply::json(503, &api_error(503, "Busy")),
        _ => Reply::json(404, &api_error(404, "Not found")),
    })
    .await;
    let err = fetch().send(&client(&server, fast(3))).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Twilio API error (HTTP 404, code 20404) after 2 attempts: Not found"
    );
}

#[tokio::test]
async fn a_get_that_times_out_every_time_stops_at_the_attempt_limit() {
    let server = RawServer::start(|_| Reply::Hang).await;
    // Long enough that a loaded machine connects and writes within it.
    let client = client_to(server.uri(), fast(3), Duration::from_secs(1));
    let err = fetch().send(&client).await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("the request timed out (1s timeout) after 3 attempts{NO_MORE}")
    );
    assert!(!err.to_string().contains("not repeated"), "{err}");
}

#[tokio::test]
async fn a_server_error_stops_at_the_attempt_limit() {
    let server = RawServer::start(|_| Reply::json(503, &api_error(503, "Busy"))).await;
    let err = fetch().send(&client(&server, fast(2))).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Twilio API error (HTTP 503, code 20503) after 2 attempts: Busy{NO_MORE}")
    );
}

#[tokio::test]
async fn with_retries_off_the_message_says_so() {
    let server = RawServer::start(|_| Reply::json(503, &api_error(503, "Busy"))).await;
    let err = fetch()
        .send(&client(&server, RetryPolicy::none()))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Twilio API error (HTTP 503, code 20503): Busy; not retried: the retry policy allows one attempt"
    );
}

#[tokio::test]
async fn a_post_that_may_have_been_processed_is_not_repeated_and_says_why() {
    let server = RawServer::start(|request| match request.method.as_str() {
        "POST" => Reply::json(502, &api_error(502, "Bad gateway")),
        _ => Reply::Hang,
    })
    .await;
    let client = client(&server, fast(3));
    let err = create().send(&client).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Twilio API error (HTTP 502, code 20502): Bad gateway; {MAYBE_PROCESSED}")
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_wait_beyond_the_budget_is_not_made_and_the_message_says_so() {
    let server = RawServer::start(|_| {
        Reply::with_header(
            429,
            "retry-after",
            "120",
            &api_error(429, "Slow down").to_string(),
        )
    })
    .await;
    let started = Instant::now();
    let err = fetch().send(&client(&server, fast(3))).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Twilio API error (HTTP 429, code 20429): Slow down; not retried: the next wait (120s) \
         is longer than what is left of the retry policy's total delay"
    );
    assert_eq!(server.requests().len(), 1);
    // The 120 s were not waited (the margin is for a loaded machine).
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[tokio::test]
async fn a_refused_connection_sent_nothing_so_even_a_post_is_retried() {
    // A socket bound to a port but not listening: connections to it are refused, and
    // while it is held no other server can take the port.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    let client = client_to(
        format!("http://127.0.0.1:{port}"),
        fast(3),
        Duration::from_secs(30),
    );
    let err = create().send(&client).await.unwrap_err();
    let Error::Transport(transport) = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert!(transport.is_connect());
    assert_eq!(err.attempts(), 3);
    assert!(!err.may_have_been_processed());
    let shown = err.to_string();
    assert_eq!(
        shown,
        format!("request failed after 3 attempts (could not connect){NO_MORE}")
    );
    // The causes, down to the refused connection, hold no secret, and their messages
    // no URL (hyper's `Debug` of a connect error shows the address connected to).
    let mut cause = std::error::Error::source(&err);
    let mut refused = false;
    while let Some(err) = cause {
        let shown = err.to_string();
        assert!(
            !shown.contains(AUTH_TOKEN) && !shown.contains("127.0.0.1"),
            "{shown}"
        );
        assert!(!format!("{err:?}").contains(AUTH_TOKEN), "{err:?}");
        refused |= err
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused);
        cause = err.source();
    }
    assert!(refused, "no refused connection among the causes: {err:?}");
}

// ---- Retry-After values a server may send. ----

/// A server that asks to wait 50 ms, then answers `429` with `Retry-After: value`, then
/// `200`: the second wait comes after a first one, as it did when the sum overflowed.
async fn second_retry_after(value: &'static str) -> RawServer {
    RawServer::start(move |request| match request.index {
        0 => Reply::with_header(429, "retry-after", "0.05", ""),
        1 => Reply::with_header(429, "retry-after", value, ""),
        _ => Reply::json(200, &conversation()),
    })
    .await
}

#[tokio::test]
async fn absurd_retry_afters_end_the_retries_without_a_panic() {
    for value in [
        "18446744073709551615",
        "99999999999999999999999999999",
        "1e300",
        "Wed, 01 Jan 9000 00:00:00 GMT",
    ] {
        let server = second_retry_after(value).await;
        let started = Instant::now();
        let err = fetch().send(&client(&server, fast(5))).await.unwrap_err();
        assert_eq!(err.attempts(), 2, "{value}: {err}");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
        assert!(
            err.to_string().contains("not retried: the next wait ("),
            "{value}: {err}"
        );
        assert_eq!(server.requests().len(), 2);
        assert!(started.elapsed() < Duration::from_secs(20), "{value}");
    }
}

#[tokio::test]
async fn unreadable_retry_afters_fall_back_to_the_backoff() {
    for value in [
        "-1",
        "-0.5",
        "soon",
        "",
        "NaN",
        "inf",
        "Thu, 32 Foo 2024",
        // Beyond the dates a timestamp holds.
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ] {
        let server = second_retry_after(value).await;
        fetch()
            .send(&client(&server, fast(5)))
            .await
            .unwrap_or_else(|err| panic!("{value:?}: {err}"));
        assert_eq!(server.requests().len(), 3, "{value:?}");
    }
}

#[tokio::test]
async fn past_dates_mean_now_and_fractions_are_waited_for() {
    let server = second_retry_after("Sun, 06 Nov 1994 08:49:37 GMT").await;
    fetch().send(&client(&server, fast(5))).await.unwrap();
    assert_eq!(server.requests().len(), 3);

    let server = second_retry_after("0.3").await;
    let started = Instant::now();
    fetch().send(&client(&server, fast(5))).await.unwrap();
    assert_eq!(server.requests().len(), 3);
    assert!(
        started.elapsed() >= Duration::from_millis(350),
        "0.05 s and 0.3 s were waited: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_after_on_a_503_is_honoured_for_requests_that_may_be_repeated() {
    let server = RawServer::start(|request| match (request.method.as_str(), request.index) {
        ("GET", 0) => Reply::with_header(503, "retry-after", "1", ""),
        ("GET", _) => Reply::json(200, &conversation()),
        _ => Reply::with_header(503, "retry-after", "0", ""),
    })
    .await;
    let client = client(&server, fast(3));
    let started = Instant::now();
    fetch().send(&client).await.unwrap();
    // The backoff alone would be 5-10 ms.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);

    // A POST that got a 503 may have been processed: Retry-After does not change that.
    let err = create().send(&client).await.unwrap_err();
    assert!(err.to_string().ends_with(MAYBE_PROCESSED), "{err}");
    assert_eq!(server.requests().len(), 3);
}
