//! What a request may be, checked before anything is sent: URLs of at most
//! `MAX_URL_LEN` bytes and header values of at most `MAX_HEADER_VALUE_LEN`, refused as
//! validation errors naming the largest parameter, with messages that stay short;
//! requests that cannot be built are never retried; every form request says its
//! `Content-Length`, `0` included.

use std::time::Duration;

use serde_json::json;
use twill_api::conversations::v1::{
    CreateConversation, DeleteConversation, FetchUser, ListConversation,
};
use twill_api::declare::{Form, Method, Param};
use twill_api::sync::v1::UpdateDocument;
use twill_api::{
    Client, Endpoint, Error, MAX_HEADER_VALUE_LEN, MAX_URL_LEN, RetryPolicy, ValidationError,
    ValidationErrorKind,
};
use twill_tests::client_builder;
use twill_tests::raw_server::{RawServer, Reply};

fn client(server: &RawServer) -> Client {
    client_builder(&server.uri())
        .retry(
            RetryPolicy::default()
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(10)),
        )
        .build()
        .unwrap()
}

async fn ok_server() -> RawServer {
    RawServer::start(|request| match request.method.as_str() {
        "GET" if request.target.starts_with("/v1/Conversations") => Reply::json(
            200,
            &json!({"conversations": [], "meta": {"key": "conversations"}}),
        ),
        "DELETE" => Reply::Respond {
            status: 204,
            headers: Vec::new(),
            body: Vec::new(),
        },
        _ => Reply::json(200, &json!({})),
    })
    .await
}

/// Checks that `err` refuses `field` for a URL too long, in a short message that shows
/// none of the long value.
fn assert_url_too_long(err: &Error, field: &str) {
    let Error::Validation(validation) = err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(validation.field(), field);
    let ValidationErrorKind::UrlTooLong { len, limit, part } = validation.kind() else {
        panic!("expected UrlTooLong, got {validation:?}");
    };
    assert_eq!(*limit, MAX_URL_LEN);
    assert!(*len > MAX_URL_LEN && part <= len, "{validation:?}");
    assert_eq!(err.attempts(), 0);
    let shown = err.to_string();
    assert!(shown.len() < 200, "{} bytes: {shown}", shown.len());
    assert!(!shown.contains('?'), "no query string: {shown}");
}

#[tokio::test]
async fn an_over_long_query_is_refused_naming_the_parameter() {
    let server = ok_server().await;
    let client = client(&server);
    for token in ["x".repeat(70_000), "€".repeat(7_300)] {
        let list = ListConversation {
            page_token: Some(token),
            page_size: Some(50),
            ..Default::default()
        };
        let err = list.send(&client).await.unwrap_err();
        assert_url_too_long(&err, "PageToken");
    }
    let path = FetchUser::new("alice".repeat(2_000));
    assert_url_too_long(&path.send(&client).await.unwrap_err(), "Sid");
    assert_eq!(server.requests().len(), 0, "nothing was sent");
    assert_eq!(server.connections(), 0, "not even a connection");
}

#[tokio::test]
async fn a_url_of_exactly_the_limit_is_sent() {
    let server = ok_server().await;
    let client = client(&server);
    let fixed = format!("{}/v1/Conversations?PageToken=", server.uri()).len();
    let at_limit = ListConversation {
        page_token: Some("t".repeat(MAX_URL_LEN - fixed)),
        ..Default::default()
    };
    at_limit.send(&client).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        server.uri().len() + requests[0].target.len(),
        MAX_URL_LEN,
        "the whole URL is the limit"
    );

    let over = ListConversation {
        page_token: Some("t".repeat(MAX_URL_LEN - fixed + 1)),
        ..Default::default()
    };
    assert_url_too_long(&over.send(&client).await.unwrap_err(), "PageToken");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn form_bodies_have_no_url_limit() {
    let server = ok_server().await;
    let attributes = "a".repeat(3 * MAX_URL_LEN);
    let create = CreateConversation {
        attributes: Some(attributes.clone()),
        ..Default::default()
    };
    create.send(&client(&server)).await.unwrap();
    let requests = server.requests();
    let body = String::from_utf8(requests[0].body.clone()).unwrap();
    assert_eq!(body, format!("Attributes={attributes}"));
}

#[tokio::test]
async fn an_over_long_header_value_is_refused_naming_the_header() {
    let server = ok_server().await;
    let client = client(&server);
    // `If-Match` takes any text (`X-Twilio-Webhook-Enabled` is a `bool`).
    let create = |len: usize| UpdateDocument {
        if_match: Some("t".repeat(len)),
        ..UpdateDocument::new("default", "ETaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    };
    let err = create(MAX_HEADER_VALUE_LEN + 1)
        .send(&client)
        .await
        .unwrap_err();
    let Error::Validation(validation) = &err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(validation.field(), "If-Match");
    assert_eq!(
        validation.kind(),
        &ValidationErrorKind::HeaderTooLong {
            len: MAX_HEADER_VALUE_LEN + 1,
            limit: MAX_HEADER_VALUE_LEN
        }
    );
    assert_eq!(server.requests().len(), 0);

    create(MAX_HEADER_VALUE_LEN).send(&client).await.unwrap();
    let requests = server.requests();
    assert_eq!(
        requests[0].header("if-match").map(str::len),
        Some(MAX_HEADER_VALUE_LEN)
    );
}

#[tokio::test]
async fn form_requests_say_their_length_even_when_empty() {
    let server = ok_server().await;
    let client = client(&server);
    CreateConversation::default().send(&client).await.unwrap();
    CreateConversation {
        friendly_name: Some("é&=".into()),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();
    ListConversation::default().send(&client).await.unwrap();
    DeleteConversation::new("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .send(&client)
        .await
        .unwrap();

    let requests = server.requests();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("FriendlyName", "é&=")
        .finish();
    assert_eq!(requests[1].body, body.as_bytes());
    let body_length = body.len().to_string();
    let lengths: Vec<_> = requests
        .iter()
        .map(|r| (r.method.as_str(), r.header("content-length"), r.body.len()))
        .collect();
    assert_eq!(
        lengths,
        [
            ("POST", Some("0"), 0),
            ("POST", Some(body_length.as_str()), body.len()),
            // Methods without a body say nothing of one.
            ("GET", None, 0),
            ("DELETE", None, 0),
        ]
    );
    assert_eq!(
        requests[0].header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    let content_lengths = requests[0]
        .headers
        .iter()
        .filter(|(name, _)| name == "content-length")
        .count();
    assert_eq!(content_lengths, 1, "one Content-Length header");
}

/// A hand-written endpoint whose path makes a URL that cannot be parsed.
struct Unbuildable;

impl Endpoint for Unbuildable {
    type Response = serde_json::Value;
    const OPERATION_ID: &'static str = "Unbuildable";
    const METHOD: Method = Method::Get;
    const HOST: &'static str = "conversations.twilio.com";
    const PATH_TEMPLATE: &'static str = "/v1/Unbuildable";
    const PARAMS: &'static [Param] = &[];

    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }

    fn write_path(&self, path: &mut String, _: &str) {
        // After `http://127.0.0.1:PORT`: a second port, which no URL parser takes.
        path.push_str(":99999/v1/Unbuildable");
    }

    fn write_params(&self, _: &mut Form) {}
}

#[tokio::test]
async fn a_request_that_cannot_be_built_is_never_sent_or_retried() {
    let server = ok_server().await;
    let err = client(&server).send(&Unbuildable).await.unwrap_err();
    let Error::Build(build) = &err else {
        panic!("expected a build error, got {err:?}");
    };
    assert_eq!(err.attempts(), 0);
    assert!(!err.may_have_been_processed());
    assert_eq!(
        err.to_string(),
        "the request could not be built from the endpoint's values, so nothing was sent"
    );
    // Why: reqwest's error, then the URL parser's.
    let reqwest = std::error::Error::source(build)
        .and_then(|cause| cause.downcast_ref::<reqwest::Error>())
        .expect("the source is the reqwest::Error");
    assert!(
        reqwest.is_builder() && reqwest.url().is_none(),
        "{reqwest:?}"
    );
    let parser = std::error::Error::source(reqwest).map(ToString::to_string);
    assert_eq!(parser.as_deref(), Some("invalid port number"));
    assert_eq!(server.connections(), 0);
}
