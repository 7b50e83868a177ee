//! OAuth 2.0 client credentials, against a token endpoint and an API on loopback: the
//! token request is exactly the client-credentials grant, sent to the configured URL;
//! every API request carries the bearer token; a token is reused while valid, replaced
//! within the refresh margin of its expiry, and fetched once for many concurrent
//! requests; a token that cannot be had is a typed error with nothing sent to the API;
//! no secret or token ever shows in `Debug` or in an error.

use std::error::Error as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::json;
use twill_api::api::v2010::FetchBalance;
use twill_api::conversations::v1::FetchConversation;
use twill_api::{
    BlockingClient, Client, ClientBuilder, Credentials, Error, RetryPolicy, StatusCode,
    ValidationErrorKind,
};
use twill_tests::ACCOUNT_SID;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const CLIENT_ID: &str = "OQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CLIENT_SECRET: &str = "oauth-client-secret-0123456789";
/// Where the tests' token endpoint is, on the mock server: not Twilio's path, so that
/// a request there shows the configured URL was used.
const TOKEN_PATH: &str = "/custom/oauth/v2/token";
/// Every token the tests' endpoint issues starts with this, then its number.
const TOKEN_PREFIX: &str = "issued-access-token-";

fn token(n: usize) -> String {
    format!("{TOKEN_PREFIX}{n}")
}

fn fetch() -> FetchConversation {
    FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    }
}

/// Short backoffs, so that retried token requests take no time.
fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(10))
}

fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .credentials(Credentials::client_credentials(CLIENT_ID, CLIENT_SECRET))
        .base_url(server.uri())
        .oauth_token_url(format!("{}{TOKEN_PATH}", server.uri()))
        .retry(fast_retries())
}

fn client(server: &MockServer) -> Client {
    builder(server).build().unwrap()
}

/// A server whose token endpoint issues `token(1)`, `token(2)`... each valid for
/// `expires_in` seconds, and whose API answers every conversation fetch and balance.
async fn server(expires_in: u64) -> MockServer {
    server_with(move |n| {
        ResponseTemplate::new(200).set_body_json(json!({
            "access_token": token(n),
            "refresh_token": null,
            "id_token": null,
            "expires_in": expires_in,
            "token_type": "bearer",
        }))
    })
    .await
}

/// A server whose token endpoint answers request number `n` (from 1) with `answer(n)`.
async fn server_with(
    answer: impl Fn(usize) -> ResponseTemplate + Send + Sync + 'static,
) -> MockServer {
    let server = MockServer::start().await;
    let issued = AtomicUsize::new(0);
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(move |_: &Request| answer(issued.fetch_add(1, Ordering::SeqCst) + 1))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex("^/v1/Conversations/CH[a-f0-9]{32}$"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex(
            "^/2010-04-01/Accounts/AC[a-f0-9]{32}/Balance.json$",
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"balance": "1.00", "currency": "USD"})),
        )
        .mount(&server)
        .await;
    server
}

/// The requests the server received: to the token endpoint, and to the API.
async fn received(server: &MockServer) -> (Vec<Request>, Vec<Request>) {
    let all = server.received_requests().await.expect("recording is on");
    all.into_iter().partition(|r| r.url.path() == TOKEN_PATH)
}

fn authorization(request: &Request) -> Option<&str> {
    request
        .headers
        .get("authorization")
        .map(|value| value.to_str().unwrap())
}

/// The message of an error and of each of its causes, and its `Debug`.
fn shown(err: &Error) -> String {
    let mut text = format!("{err:?} {err:#?} {err}");
    let mut cause = err.source();
    while let Some(err) = cause {
        text.push_str(&format!(" {err} {err:?}"));
        cause = err.source();
    }
    text
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(CLIENT_SECRET), "client secret shown: {text}");
    assert!(!text.contains(TOKEN_PREFIX), "token shown: {text}");
}

#[tokio::test]
async fn the_token_request_is_the_client_credentials_grant_and_every_request_carries_the_bearer() {
    let server = server(3600).await;
    let client = client(&server);
    for _ in 0..3 {
        client.send(&fetch()).await.unwrap();
    }
    let (tokens, api) = received(&server).await;
    // One token, reused while valid.
    assert_eq!(tokens.len(), 1);
    let request = &tokens[0];
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), TOKEN_PATH);
    assert_eq!(request.url.query(), None);
    assert_eq!(
        request.headers.get("content-type").unwrap(),
        "application/x-www-form-urlencoded"
    );
    // No credentials of any kind go with the grant but its form.
    assert_eq!(authorization(request), None);
    let form: Vec<(String, String)> = form_urlencoded::parse(&request.body).into_owned().collect();
    assert_eq!(
        form,
        [
            ("grant_type".to_owned(), "client_credentials".to_owned()),
            ("client_id".to_owned(), CLIENT_ID.to_owned()),
            ("client_secret".to_owned(), CLIENT_SECRET.to_owned()),
        ]
    );
    assert_eq!(api.len(), 3);
    for request in &api {
        assert_eq!(
            authorization(request),
            Some(&*format!("Bearer {}", token(1)))
        );
    }
}

#[tokio::test]
async fn a_token_within_the_refresh_margin_is_replaced_before_the_next_request() {
    // Valid for less than the margin: due for replacement as soon as it is issued.
    let lifetime = ClientBuilder::OAUTH_REFRESH_MARGIN.as_secs() - 1;
    let server = server(lifetime).await;
    let client = client(&server);
    for _ in 0..3 {
        client.send(&fetch()).await.unwrap();
    }
    let (tokens, api) = received(&server).await;
    assert_eq!(tokens.len(), 3);
    let sent: Vec<_> = api.iter().map(authorization).collect();
    let expected: Vec<_> = (1..=3).map(|n| format!("Bearer {}", token(n))).collect();
    assert_eq!(
        sent,
        expected
            .iter()
            .map(|s| Some(s.as_str()))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_token_without_expires_in_lasts_until_its_jwt_exp() {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let exp = jiff::Timestamp::now().as_second() + 3600;
    let jwt = format!(
        "{}.{}.c2ln",
        engine.encode(r#"{"alg":"HS256"}"#),
        engine.encode(json!({"exp": exp}).to_string())
    );
    let issued = jwt.clone();
    let server = server_with(move |_| {
        ResponseTemplate::new(200)
            .set_body_json(json!({"access_token": issued, "token_type": "Bearer"}))
    })
    .await;
    let client = client(&server);
    client.send(&fetch()).await.unwrap();
    client.send(&fetch()).await.unwrap();
    let (tokens, api) = received(&server).await;
    assert_eq!(tokens.len(), 1);
    for request in &api {
        assert_eq!(authorization(request), Some(&*format!("Bearer {jwt}")));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_cause_one_token_request() {
    const TASKS: usize = 16;
    // A slow token answer, so that the tasks come while it is awaited; the count holds
    // however they are scheduled.
    let server = server_with(|n| {
        ResponseTemplate::new(200)
            .set_body_json(json!({"access_token": token(n), "expires_in": 3600}))
            .set_delay(Duration::from_millis(200))
    })
    .await;
    let client = client(&server);
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.send(&fetch()).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let (tokens, api) = received(&server).await;
    assert_eq!(tokens.len(), 1);
    assert_eq!(api.len(), TASKS);
    for request in &api {
        assert_eq!(
            authorization(request),
            Some(&*format!("Bearer {}", token(1)))
        );
    }
}

/// How a token endpoint can fail, and how many token requests each makes (the retry
/// policy allows 3 attempts: only a `5xx` uses them).
fn failures() -> Vec<(&'static str, ResponseTemplate, usize)> {
    vec![
        (
            "401 with Twilio's JSON error, echoing the secret",
            ResponseTemplate::new(401).set_body_json(json!({
                "code": 20003,
                "message": format!("Authenticate: invalid client_secret {CLIENT_SECRET}"),
                "more_info": "https://www.twilio.com/docs/errors/20003",
                "status": 401,
            })),
            1,
        ),
        (
            "500 with a text body",
            ResponseTemplate::new(500).set_body_string("upstream exploded"),
            3,
        ),
        (
            "200 with a body that is not JSON",
            ResponseTemplate::new(200).set_body_string("<html>token</html>"),
            1,
        ),
        (
            "200 without access_token",
            ResponseTemplate::new(200).set_body_json(json!({
                "refresh_token": token(0),
                "expires_in": 3600,
                "token_type": "bearer",
            })),
            1,
        ),
    ]
}

#[tokio::test]
async fn a_token_endpoint_failure_is_a_typed_error_and_nothing_goes_to_the_api() {
    for (case, answer, attempts) in failures() {
        let server = server_with(move |_| answer.clone()).await;
        let client = client(&server);
        let err = client.send(&fetch()).await.unwrap_err();
        let Error::Token(token_error) = &err else {
            panic!("{case}: expected a token error, got {err:?}");
        };
        assert_eq!(err.attempts(), 0, "{case}");
        assert_eq!(err.status(), None, "{case}");
        assert!(
            err.to_string()
                .starts_with("could not get an OAuth access token"),
            "{case}: {err}"
        );
        assert!(err.to_string().len() < 200, "{case}: {err}");
        assert_no_secret(&shown(&err));
        match case {
            c if c.starts_with("401") => {
                assert_eq!(token_error.status(), Some(StatusCode::UNAUTHORIZED));
                let Some(Error::Api(api)) = token_error.request_error() else {
                    panic!("{case}: {token_error:?}");
                };
                assert_eq!(api.code, Some(20003));
                assert!(api.message.contains("[redacted]"), "{}", api.message);
            }
            c if c.starts_with("500") => {
                assert_eq!(
                    token_error.status(),
                    Some(StatusCode::INTERNAL_SERVER_ERROR)
                );
                assert!(matches!(token_error.request_error(), Some(Error::Http(_))));
            }
            c if c.contains("not JSON") => assert_eq!(token_error.reason(), Some("is not JSON")),
            _ => assert_eq!(token_error.reason(), Some("has no access_token")),
        }
        let (tokens, api) = received(&server).await;
        assert_eq!(tokens.len(), attempts, "{case}");
        assert!(api.is_empty(), "{case}: {} API requests", api.len());

        // The next request asks again, once: a failure is neither kept nor retried
        // without end.
        assert!(matches!(client.send(&fetch()).await, Err(Error::Token(_))));
        let (tokens, api) = received(&server).await;
        assert_eq!(tokens.len(), 2 * attempts, "{case}");
        assert!(api.is_empty(), "{case}");
    }
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_a_token_error_with_its_cause() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}/token", listener.local_addr().unwrap());
    drop(listener);
    let api = server(3600).await;
    let client = builder(&api)
        .oauth_token_url(closed)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.send(&fetch()).await.unwrap_err();
    let Error::Token(token_error) = &err else {
        panic!("expected a token error, got {err:?}");
    };
    assert!(
        matches!(token_error.request_error(), Some(Error::Transport(_))),
        "{err:?}"
    );
    assert_no_secret(&shown(&err));
    assert!(server_requests(&api).await.is_empty());
}

async fn server_requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

#[tokio::test]
async fn a_401_from_the_api_makes_the_next_request_get_a_new_token_without_a_retry() {
    let server = server(3600).await;
    // Mounted last, so first to match: the API refuses the first token once.
    Mock::given(method("GET"))
        .and(path_regex("^/v1/Conversations/"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": 20003, "message": "Authenticate", "status": 401,
        })))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let err = client.send(&fetch()).await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::UNAUTHORIZED), "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert_no_secret(&shown(&err));
    client.send(&fetch()).await.unwrap();
    let (tokens, api) = received(&server).await;
    assert_eq!(tokens.len(), 2);
    let sent: Vec<_> = api.iter().map(authorization).collect();
    let expected = [
        format!("Bearer {}", token(1)),
        format!("Bearer {}", token(2)),
    ];
    assert_eq!(
        sent,
        expected
            .iter()
            .map(|s| Some(s.as_str()))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn an_endpoint_that_defaults_to_the_account_needs_one() {
    let server = server(3600).await;
    let client = client(&server);
    let err = client.send(&FetchBalance::default()).await.unwrap_err();
    let Error::Validation(validation) = &err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(validation.field(), "AccountSid");
    assert_eq!(validation.kind(), &ValidationErrorKind::NoDefaultAccount);
    assert!(
        err.to_string().contains("Credentials::with_account_sid"),
        "{err}"
    );
    // Refused before any I/O: not even a token was asked for.
    assert!(server_requests(&server).await.is_empty());

    // Given on the request, or with the credentials, the account goes in the path.
    let on_request = FetchBalance {
        account_sid: Some(ACCOUNT_SID.parse().unwrap()),
    };
    client.send(&on_request).await.unwrap();
    let with_account = builder(&server)
        .credentials(
            Credentials::client_credentials(CLIENT_ID, CLIENT_SECRET).with_account_sid(ACCOUNT_SID),
        )
        .build()
        .unwrap();
    assert_eq!(with_account.account_sid(), ACCOUNT_SID);
    with_account.send(&FetchBalance::default()).await.unwrap();
    let (_, api) = received(&server).await;
    let balance = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Balance.json");
    assert_eq!(api.len(), 2);
    for request in &api {
        assert_eq!(request.url.path(), balance);
        let bearer = authorization(request).unwrap();
        assert!(
            bearer.starts_with("Bearer issued-access-token-"),
            "{bearer}"
        );
    }
}

#[tokio::test]
async fn debug_shows_neither_the_secret_nor_the_token() {
    let server = server(3600).await;
    let client = client(&server);
    client.send(&fetch()).await.unwrap();
    let credentials = Credentials::client_credentials(CLIENT_ID, CLIENT_SECRET);
    let debug = format!(
        "{client:?} {client:#?} {credentials:?} {:?}",
        builder(&server)
    );
    assert_no_secret(&debug);
    assert!(debug.contains(CLIENT_ID), "{debug}");
    assert!(debug.contains(TOKEN_PATH), "{debug}");
}

#[test]
fn the_blocking_client_sends_the_bearer_token() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(server(3600));
    let client: BlockingClient = builder(&server).build_blocking().unwrap();
    client.send(&fetch()).unwrap();
    client.send(&fetch()).unwrap();
    let (tokens, api) = runtime.block_on(received(&server));
    assert_eq!(tokens.len(), 1);
    assert_eq!(api.len(), 2);
    for request in &api {
        assert_eq!(
            authorization(request),
            Some(&*format!("Bearer {}", token(1)))
        );
    }
    assert_no_secret(&format!("{client:?}"));
}

#[test]
fn a_token_url_needs_client_credentials_and_a_safe_scheme() {
    let err = Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, "t"))
        .oauth_token_url("http://127.0.0.1:1/token")
        .build()
        .unwrap_err();
    assert!(
        err.to_string().contains("only OAuth client credentials"),
        "{err}"
    );
    let err = Client::builder()
        .credentials(Credentials::client_credentials(CLIENT_ID, CLIENT_SECRET))
        .oauth_token_url("http://example.com/token")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
    assert_no_secret(&format!("{err} {err:?}"));
}
