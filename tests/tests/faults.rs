//! The runtime against a misbehaving server on loopback: rate limits, server errors,
//! silence, refusals, truncated and oversized bodies, dropped keep-alive connections,
//! and a thousand concurrent requests.

use std::fmt::Debug;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use twill_api::conversations::v1::{Conversation, CreateConversation, FetchConversation};
use twill_api::sync::v1::UpdateDocument;
use twill_api::{Client, Error, RetryPolicy, SendOptions};
use twill_tests::raw_server::{RawRequest, RawServer, Reply};
use twill_tests::{AUTH_TOKEN, client_builder, response_example, spec};

fn conversation_json() -> Value {
    response_example(
        &spec::operation(&spec::spec(), "/v1/Conversations/{Sid}", "get"),
        "200",
    )
}

fn fetch() -> FetchConversation {
    FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    }
}

fn create() -> CreateConversation {
    CreateConversation {
        friendly_name: Some("Home Repair Visit".into()),
        ..Default::default()
    }
}

/// A client with the default 30 s timeout, which no answer from a loopback server comes
/// near even on a loaded machine: tests that expect answers must not meet a timeout.
fn client(server: &RawServer, policy: RetryPolicy) -> Client {
    client_builder(&server.uri()).retry(policy).build().unwrap()
}

/// The timeout of the tests whose server never answers: short enough to keep them
/// quick, long enough that a loaded machine still writes the request within it.
const IMPATIENT: Duration = Duration::from_secs(1);

/// A client that gives up after [`IMPATIENT`], for servers that never answer.
fn impatient_client(server: &RawServer, policy: RetryPolicy) -> Client {
    client_builder(&server.uri())
        .timeout(IMPATIENT)
        .retry(policy)
        .build()
        .unwrap()
}

/// The requests the server has received once it has received at least `count`: a
/// request the client gave up on (a timeout) may still be on its way to the server
/// when the error comes back. Waits 20 s at most, and only when something is wrong.
async fn received(server: &RawServer, count: usize) -> Vec<RawRequest> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let requests = server.requests();
        if requests.len() >= count || Instant::now() > deadline {
            return requests;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .initial_backoff(Duration::from_millis(20))
        .max_backoff(Duration::from_millis(40))
}

/// Errors never show the auth token, in `Display` or `Debug`.
fn assert_no_secret(err: &Error) {
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(AUTH_TOKEN), "{shown}");
}

/// The errors behind `err`, nearest first.
fn causes(err: &Error) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
    std::iter::successors(std::error::Error::source(err), |cause| cause.source())
}

fn api_error(status: u16, code: u32, message: &str) -> Value {
    json!({"code": code, "message": message, "more_info": format!("https://www.twilio.com/docs/errors/{code}"), "status": status})
}

#[tokio::test]
async fn rate_limited_then_ok_honours_retry_after() {
    let body = conversation_json();
    let server = RawServer::start(move |request| match request.index {
        0 => Reply::with_header(
            429,
            "retry-after",
            "1",
            &api_error(429, 20429, "Too Many Requests").to_string(),
        ),
        _ => Reply::json(200, &body),
    })
    .await;
    let started = Instant::now();
    let conversation: Conversation = fetch()
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(
        conversation.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(server.requests().len(), 2);
    // `Retry-After: 1` wins over the 20 ms backoff: the second attempt came after a
    // wait of at least 1 s (a sleep never ends early). The upper bound only shows the
    // header was read as seconds to wait once, with room for a loaded machine.
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[tokio::test]
async fn rate_limits_are_retried_even_for_post() {
    let body = conversation_json();
    let server = RawServer::start(move |request| match request.index {
        0 => Reply::with_header(429, "retry-after", "0", ""),
        _ => Reply::json(201, &body),
    })
    .await;
    create()
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.method == "POST"));
}

#[tokio::test]
async fn rate_limited_forever_stops_at_the_bound_and_says_so() {
    let server = RawServer::start(|_| {
        Reply::with_header(
            429,
            "retry-after",
            "0",
            &api_error(429, 20429, "Too Many Requests").to_string(),
        )
    })
    .await;
    let err = fetch()
        .send(&client(&server, fast_retries(4)))
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 4);
    assert_eq!(err.attempts(), 4);
    assert!(matches!(&err, Error::Api(api) if api.status == 429 && api.code == Some(20429)));
    assert!(err.to_string().contains("after 4 attempts"), "{err}");
    assert_no_secret(&err);
}

#[tokio::test]
async fn a_retry_after_beyond_the_total_delay_is_not_waited_for() {
    let server = RawServer::start(|_| Reply::with_header(429, "retry-after", "120", "")).await;
    let started = Instant::now();
    let err = fetch()
        .send(&client(&server, fast_retries(5)))
        .await
        .unwrap_err();
    // 120 s is beyond the 30 s total delay: the client gives up at once rather than
    // wait. Anything well under 120 s shows it; 60 s leaves room for any load.
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    assert_eq!((server.requests().len(), err.attempts()), (1, 1));
}

#[tokio::test]
async fn server_error_on_post_is_not_repeated() {
    let server =
        RawServer::start(|_| Reply::json(503, &api_error(503, 20503, "Service Unavailable"))).await;
    let err = create()
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 1);
    assert_eq!(err.attempts(), 1);
    assert_eq!(
        err.status(),
        Some(twill_api::StatusCode::SERVICE_UNAVAILABLE)
    );
    assert_no_secret(&err);
}

#[tokio::test]
async fn server_error_on_post_is_repeated_when_the_caller_opts_in() {
    let body = conversation_json();
    let server = RawServer::start(move |request| match request.index {
        0 => Reply::json(503, &api_error(503, 20503, "Service Unavailable")),
        _ => Reply::json(201, &body),
    })
    .await;
    let client = client(&server, fast_retries(3));
    client
        .send_with(&create(), SendOptions::new().retry_unsafe(true))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn server_error_on_get_is_retried() {
    let body = conversation_json();
    let server = RawServer::start(move |request| match request.index {
        0 => Reply::with_header(503, "content-type", "text/html", "<html>unavailable</html>"),
        _ => Reply::json(200, &body),
    })
    .await;
    fetch()
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn silence_is_a_timeout_within_the_bound() {
    let server = RawServer::start(|_| Reply::Hang).await;
    let client = impatient_client(&server, fast_retries(2));

    let started = Instant::now();
    let err = fetch().send(&client).await.unwrap_err();
    let elapsed = started.elapsed();
    let Error::Timeout(timeout) = &err else {
        panic!("expected a timeout, got {err:?}");
    };
    assert_eq!(timeout.after, IMPATIENT);
    assert!(!timeout.connecting);
    // Two attempts, each ended by its 1 s timeout (never earlier), with a backoff of
    // at most 40 ms between them. The upper bound shows that each attempt was bounded
    // (the server would hold it for an hour), with seconds of room for a loaded machine.
    assert_eq!(err.attempts(), 2);
    assert!(elapsed >= 2 * IMPATIENT, "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    assert!(err.may_have_been_processed());
    assert_no_secret(&err);

    // A POST that timed out may have been processed: one attempt, and the error says so.
    let before = received(&server, 2).await.len();
    let err = create().send(&client).await.unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert_eq!(received(&server, before + 1).await.len() - before, 1);
    assert!(err.to_string().contains("may have been processed"), "{err}");
}

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    // A socket bound to a port but not listening: connections to it are refused. Kept
    // for the whole test, it holds the port, so that no server started meanwhile by
    // another test, nor the client's own ephemeral port, can take it.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    let client = client_builder(&format!("http://127.0.0.1:{port}"))
        .retry(fast_retries(2))
        .build()
        .unwrap();
    for err in [
        fetch().send(&client).await.unwrap_err(),
        create().send(&client).await.unwrap_err(),
    ] {
        let Error::Transport(transport) = &err else {
            panic!("expected a transport error, got {err:?}");
        };
        assert!(transport.is_connect(), "{err}");
        assert!(!err.may_have_been_processed());
        assert_no_secret(&err);
        // The message says what failed; the chain of sources says why, down to the
        // operating system's error.
        assert_eq!(
            err.to_string(),
            "request failed after 2 attempts (could not connect); \
             the retry policy allows no more attempts"
        );
        let reqwest = std::error::Error::source(&err)
            .and_then(|cause| cause.downcast_ref::<reqwest::Error>())
            .expect("the source is the reqwest::Error");
        assert!(
            reqwest.is_connect() && reqwest.url().is_none(),
            "{reqwest:?}"
        );
        let io = causes(&err)
            .find_map(|cause| cause.downcast_ref::<std::io::Error>())
            .unwrap_or_else(|| panic!("no io::Error among the causes: {err:?}"));
        assert_eq!(io.kind(), std::io::ErrorKind::ConnectionRefused);
    }
    drop(socket);
}

#[tokio::test]
async fn truncated_json_is_a_decode_error_naming_the_status() {
    let server = RawServer::start(|_| {
        Reply::with_header(
            200,
            "content-type",
            "application/json",
            r#"{"sid": "CHaaaa"#,
        )
    })
    .await;
    let err = fetch()
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(decode.status, 200);
    assert_eq!(
        err.to_string(),
        "could not decode the response body (HTTP 200) at `sid`"
    );
    let json = causes(&err)
        .find_map(|cause| cause.downcast_ref::<serde_json::Error>())
        .expect("the decoder's report is a cause");
    assert!(json.is_eof(), "{json}");
    assert_eq!(server.requests().len(), 1);
    assert_no_secret(&err);
}

#[tokio::test]
async fn oversized_bodies_are_refused_declared_or_not() {
    let big = "x".repeat(64 * 1024);
    let declared = RawServer::start({
        let big = big.clone();
        move |_| Reply::with_header(200, "content-type", "application/json", &big)
    })
    .await;
    let undeclared = RawServer::start(move |_| Reply::RespondUntilClose {
        status: 200,
        body: big.clone().into_bytes(),
    })
    .await;
    for server in [&declared, &undeclared] {
        let client = client_builder(&server.uri())
            .max_response_body(16 * 1024)
            .build()
            .unwrap();
        let err = fetch().send(&client).await.unwrap_err();
        let Error::BodyTooLarge(too_large) = &err else {
            panic!("expected a body too large, got {err:?}");
        };
        assert_eq!(
            (too_large.status.as_u16(), too_large.limit),
            (200, 16 * 1024)
        );
        assert_no_secret(&err);
    }
}

#[tokio::test]
async fn header_with_cr_lf_is_refused_with_zero_requests() {
    let server = RawServer::start(|_| Reply::json(201, &json!({}))).await;
    // `If-Match` takes any text (`X-Twilio-Webhook-Enabled` is a `bool`).
    let injected = UpdateDocument {
        if_match: Some("1\r\nX-Injected: yes".into()),
        ..UpdateDocument::new("default", "ETaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    };
    let err = injected
        .send(&client(&server, fast_retries(3)))
        .await
        .unwrap_err();
    assert!(err.is_validation(), "{err:?}");
    assert_eq!(err.attempts(), 0);
    assert_eq!(server.requests().len(), 0);
    assert_eq!(server.connections(), 0);
}

/// How many sends the keep-alive tests make, at most, to get one out on a connection
/// the pool kept alive.
const TRIES: usize = 50;

/// The server answers the first request on each connection, and closes the connection
/// without answering when a second request arrives on it: every request sent on a
/// kept-alive connection meets a dropped connection, and only those.
async fn closes_kept_alive_connections() -> RawServer {
    let body = conversation_json();
    RawServer::start(
        move |request| match (request.on_connection, request.method.as_str()) {
            (0, "POST") => Reply::json(201, &body),
            (0, _) => Reply::json(200, &body),
            _ => Reply::Close,
        },
    )
    .await
}

/// Sends with `send` until a request goes out on a kept-alive connection, and returns
/// that send's result and the requests it made. Whether the pool reuses a connection
/// for a given send is a race (hyper-util puts a connection back into its pool from a
/// task of its own once the response is read, so the next send may open a new
/// connection first), so this does not assume it: it pauses before each send to let
/// that task run, checks that each send that went out on a new connection simply
/// succeeded in one request, and fails if none of `TRIES` sends met a kept-alive
/// connection.
async fn send_until_a_connection_is_reused<T: Debug>(
    server: &RawServer,
    mut send: impl AsyncFnMut() -> Result<T, Error>,
) -> (Result<T, Error>, Vec<RawRequest>) {
    for number in 1..=TRIES {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let before = server.requests().len();
        let result = send().await;
        // The server records a request before it answers or closes, so all of this
        // send's requests are there.
        let requests = server.requests().split_off(before);
        if requests.iter().any(|r| r.on_connection > 0) {
            println!("keep-alive: send {number} met a kept-alive connection");
            return (result, requests);
        }
        assert!(
            result.is_ok(),
            "a send on a new connection failed: {result:?}"
        );
        assert_eq!(requests.len(), 1, "{requests:?}");
    }
    panic!("none of {TRIES} sends went out on a kept-alive connection: the pool never reused one");
}

#[tokio::test]
async fn a_get_survives_a_dropped_keep_alive_connection() {
    let server = closes_kept_alive_connections().await;
    // Each attempt that meets a kept-alive connection uses it up, and the pool holds at
    // most one connection per earlier send: `TRIES + 1` attempts always reach a new one.
    let attempts = u32::try_from(TRIES).unwrap() + 1;
    let client = client(&server, fast_retries(attempts));
    let (result, requests) =
        send_until_a_connection_is_reused(&server, async || fetch().send(&client).await).await;
    let conversation = result.unwrap();
    assert_eq!(
        conversation.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    // The GET went out on a kept-alive connection, which the server dropped; it was sent
    // again, and answered on a new connection. (Almost always in two requests: more
    // when the pool held several kept-alive connections.)
    assert!(requests.len() >= 2, "{requests:?}");
    assert!(requests.iter().all(|r| r.method == "GET"));
    let (last, dropped) = requests.split_last().unwrap();
    assert!(dropped.iter().all(|r| r.on_connection > 0), "{requests:?}");
    assert_eq!(last.on_connection, 0, "{requests:?}");
    assert!(
        dropped.iter().all(|r| r.connection != last.connection),
        "{requests:?}"
    );
}

#[tokio::test]
async fn a_post_on_a_dropped_keep_alive_connection_is_not_repeated() {
    let server = closes_kept_alive_connections().await;
    let client = client(&server, fast_retries(3));
    let (result, requests) =
        send_until_a_connection_is_reused(&server, async || create().send(&client).await).await;
    let err = result.unwrap_err();
    assert_eq!(
        requests.len(),
        1,
        "the POST reached the server once: {requests:?}"
    );
    assert_eq!(requests[0].method, "POST");
    assert!(requests[0].on_connection > 0, "{requests:?}");
    assert!(err.may_have_been_processed(), "{err:?}");
    assert!(err.to_string().contains("may have been processed"), "{err}");
    assert_eq!(err.attempts(), 1);
    assert_no_secret(&err);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_sends_reuse_connections() {
    let body = conversation_json();
    let server = RawServer::start(move |_| Reply::json(200, &body)).await;
    let client = client(&server, RetryPolicy::none());
    let next = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (client, next) = (client.clone(), next.clone());
            tokio::spawn(async move {
                let mut ok = 0;
                while next.fetch_add(1, Ordering::SeqCst) < 1000 {
                    fetch().send(&client).await.unwrap();
                    ok += 1;
                }
                ok
            })
        })
        .collect();
    let mut ok = 0;
    for task in tasks {
        ok += task.await.unwrap();
    }
    assert_eq!(ok, 1000);
    assert_eq!(server.requests().len(), 1000);
    let connections = server.connections();
    println!("concurrency: 1000 requests from 50 tasks over {connections} connections");
    // What the pool promises: a send takes an idle connection if there is one, and
    // opens a new one otherwise (even when an idle one turns up first, the new one is
    // still opened, then kept). It has no cap, so the count is one per send that found
    // no idle connection. Each of the 50 tasks has at most one connection in use, and
    // usually at most one on its way back to the pool (hyper-util returns a connection
    // from a task of its own after the response, racing the task's next send): about
    // 50 to 100 connections. Measured with scripts/stress-tests.sh, both cores busy
    // (2 to 12 busy loops beside): 50 to 90 over 90 runs. The bound leaves twice that
    // room and still means reuse: at least 5 requests per connection on average, where
    // a pool that lost connections, or no pool, would need one per request.
    assert!(
        connections <= 200,
        "{connections} connections for 1000 requests"
    );
}

#[tokio::test]
async fn a_supplied_reqwest_client_gets_credentials_headers_timeouts_and_retries() {
    let body = conversation_json();
    let server = RawServer::start(move |request| match request.index {
        0 => Reply::json(503, &api_error(503, 20503, "Service Unavailable")),
        1 => Reply::json(200, &body),
        _ => Reply::Hang,
    })
    .await;
    let supplied = |timeout: Option<Duration>| {
        let builder = client_builder(&server.uri())
            .http_client(reqwest::Client::builder())
            .retry(fast_retries(2));
        match timeout {
            Some(timeout) => builder.timeout(timeout),
            None => builder,
        }
        .build()
        .unwrap()
    };

    // Answers come: with the default 30 s timeout, which they never come near.
    let client = supplied(None);
    fetch().send(&client).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "the 503 was retried");
    assert!(
        requests[1]
            .header("authorization")
            .is_some_and(|v| v.starts_with("Basic "))
    );
    assert_eq!(requests[1].header("accept"), Some("application/json"));
    assert!(
        requests[1]
            .header("user-agent")
            .is_some_and(|v| v.starts_with("twill/"))
    );

    // No answer comes: the timeout set on twill's builder applies to the supplied
    // client. reqwest has no timeout of its own, and the server would hold the request
    // for an hour; twill's default is 30 s. Ending after 1 s and well within 10 s
    // shows the 1 s timeout applied.
    let client = supplied(Some(IMPATIENT));
    let started = Instant::now();
    let err = create().send(&client).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert!(elapsed >= IMPATIENT, "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}
