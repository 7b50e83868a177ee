//! `#[param(query)]` end to end, against a loopback server that keeps every byte it
//! reads: on a request with a body, such a field goes in the URL's query string, encoded
//! exactly as a `GET`'s query is, in field order, and never in the body (form or JSON);
//! `None` adds no `?`; a `Vec` repeats its key; bounds and patterns refuse a value before
//! anything is sent; the metadata says `Location::Query`.

use twill_api::declare::{Location, endpoint};
use twill_api::{Client, Endpoint, Error, ValidationErrorKind};
use twill_tests::capture_server::{CaptureServer, Captured};

/// OAuth v2's `CreateOauth2Token`, with more query fields between its body fields.
#[endpoint(POST, "/v2/token", host = "oauth.twilio.com", response = ())]
struct CreateToken {
    /// Sent in the query string.
    #[param(rename = "account_sid", query)]
    account_sid: Option<String>,
    /// Sent in the form body.
    #[param(rename = "grant_type")]
    grant_type: Option<String>,
    /// Sent in the query string, one pair per element.
    #[param(rename = "scope", query)]
    scopes: Option<Vec<String>>,
    /// Sent in the form body.
    #[param(rename = "client_id")]
    client_id: Option<String>,
    /// Sent in the query string, checked against its bounds first.
    #[param(query, min = 1, max = 50)]
    page_size: Option<u32>,
    /// Sent in the query string, checked against its pattern first.
    #[param(query, pattern = "^[a-z]+$")]
    tag: Option<String>,
}

/// The same query fields on a `GET`, where every parameter is in the query string: the
/// reference for the encoding.
#[endpoint(GET, "/v2/token", host = "oauth.twilio.com", response = ())]
struct FetchToken {
    #[param(rename = "account_sid")]
    account_sid: Option<String>,
    #[param(rename = "scope")]
    scopes: Option<Vec<String>>,
    page_size: Option<u32>,
    tag: Option<String>,
}

/// A JSON body with a query field beside it.
#[endpoint(POST, "/v1/Things", host = "api.twilio.com", response = (), json)]
struct CreateThing {
    friendly_name: String,
    #[param(query)]
    dry_run: Option<bool>,
}

/// A path placeholder, a required query field and no body parameter.
#[endpoint(PUT, "/v1/Things/<Sid>", host = "api.twilio.com", response = ())]
struct UpdateThing {
    sid: String,
    #[param(query)]
    force: bool,
}

fn token() -> CreateToken {
    CreateToken {
        account_sid: Some("AC a&b=c+d/é".to_owned()),
        grant_type: Some("client_credentials".to_owned()),
        scopes: Some(vec!["read all".to_owned(), "write".to_owned()]),
        client_id: Some("id 1".to_owned()),
        page_size: Some(50),
        tag: Some("main".to_owned()),
    }
}

/// Sends `request` and returns what the server received: one request.
async fn sent<E: Endpoint<Response = ()>>(
    server: &CaptureServer,
    client: &Client,
    request: &E,
) -> Captured {
    let before = server.counts().requests;
    client.send(request).await.unwrap();
    let mut received = server.requests_since(before);
    assert_eq!(received.len(), 1, "{received:?}");
    received.remove(0)
}

/// The validation error of `request`, after checking that no byte reached the server.
async fn refused<E: Endpoint<Response = ()>>(
    server: &CaptureServer,
    client: &Client,
    request: &E,
) -> twill_api::ValidationError {
    let before = server.counts();
    let err = client.send(request).await.unwrap_err();
    assert_eq!(server.counts(), before, "nothing may reach the server");
    match err {
        Error::Validation(validation) => validation,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn metadata_says_query() {
    let locations: Vec<_> = CreateToken::PARAMS
        .iter()
        .map(|p| (p.name, p.location, p.array))
        .collect();
    assert_eq!(
        locations,
        [
            ("account_sid", Location::Query, false),
            ("grant_type", Location::Body, false),
            ("scope", Location::Query, true),
            ("client_id", Location::Body, false),
            ("PageSize", Location::Query, false),
            ("Tag", Location::Query, false),
        ]
    );
    let page_size = &CreateToken::PARAMS[4];
    assert_eq!((page_size.min, page_size.max), (Some(1), Some(50)));
    assert_eq!(CreateToken::PARAMS[5].pattern, Some("^[a-z]+$"));
    let json: Vec<_> = CreateThing::PARAMS.iter().map(|p| p.location).collect();
    assert_eq!(json, [Location::Body, Location::Query]);
    let put: Vec<_> = UpdateThing::PARAMS.iter().map(|p| p.location).collect();
    assert_eq!(put, [Location::Path, Location::Query]);
}

#[tokio::test]
async fn query_fields_of_a_post_go_in_the_url_and_not_the_form() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let request = sent(&server, &client, &token()).await;
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        "/v2/token?account_sid=AC+a%26b%3Dc%2Bd%2F%C3%A9&scope=read+all&scope=write\
         &PageSize=50&Tag=main"
    );
    assert_eq!(
        request.body,
        b"grant_type=client_credentials&client_id=id+1"
    );
    assert_eq!(
        request.header_values("content-type"),
        [b"application/x-www-form-urlencoded"]
    );

    // The same values on a `GET` give the same query string, byte for byte.
    let fetch = FetchToken {
        account_sid: token().account_sid,
        scopes: token().scopes,
        page_size: token().page_size,
        tag: token().tag,
    };
    let get = sent(&server, &client, &fetch).await;
    assert_eq!(get.target, request.target);
    assert!(get.body.is_empty());
}

#[tokio::test]
async fn none_adds_no_question_mark() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let request = CreateToken {
        account_sid: None,
        scopes: None,
        page_size: None,
        tag: None,
        ..token()
    };
    let request = sent(&server, &client, &request).await;
    assert_eq!(request.target, "/v2/token");
    assert_eq!(
        request.body,
        b"grant_type=client_credentials&client_id=id+1"
    );

    // An empty list is no pair either.
    let request = CreateToken {
        account_sid: None,
        scopes: Some(Vec::new()),
        page_size: None,
        tag: Some("x".to_owned()),
        ..token()
    };
    assert_eq!(
        sent(&server, &client, &request).await.target,
        "/v2/token?Tag=x"
    );
}

#[tokio::test]
async fn a_json_body_keeps_its_query_field_out() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let thing = CreateThing {
        friendly_name: "a b&c".to_owned(),
        dry_run: Some(true),
    };
    let request = sent(&server, &client, &thing).await;
    assert_eq!(request.target, "/v1/Things?DryRun=true");
    assert_eq!(request.body, br#"{"FriendlyName":"a b&c"}"#);
    assert_eq!(request.header_values("content-type"), [b"application/json"]);

    let thing = CreateThing {
        dry_run: None,
        ..thing
    };
    assert_eq!(sent(&server, &client, &thing).await.target, "/v1/Things");
}

#[tokio::test]
async fn a_request_with_only_query_fields_has_an_empty_body() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let update = UpdateThing {
        sid: "TH 1".to_owned(),
        force: false,
    };
    let request = sent(&server, &client, &update).await;
    assert_eq!(request.method, "PUT");
    assert_eq!(request.target, "/v1/Things/TH%201?Force=false");
    assert!(request.body.is_empty());
    assert_eq!(request.header_values("content-length"), [b"0"]);
}

#[tokio::test]
async fn bounds_and_patterns_of_query_fields_refuse_before_sending() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let too_big = CreateToken {
        page_size: Some(51),
        ..token()
    };
    let err = refused(&server, &client, &too_big).await;
    assert_eq!(err.field(), "PageSize");
    assert_eq!(
        err.kind(),
        &ValidationErrorKind::OutOfRange {
            value: 51,
            min: Some(1),
            max: Some(50),
        }
    );

    let bad_tag = CreateToken {
        tag: Some("Main".to_owned()),
        ..token()
    };
    let err = refused(&server, &client, &bad_tag).await;
    assert_eq!(err.field(), "Tag");
    assert_eq!(
        err.kind(),
        &ValidationErrorKind::Pattern {
            pattern: "^[a-z]+$"
        }
    );

    // The URL's length limit counts the query string of a request with a body.
    let long = CreateToken {
        account_sid: Some("a".repeat(twill_api::MAX_URL_LEN)),
        ..token()
    };
    let err = refused(&server, &client, &long).await;
    assert_eq!(err.field(), "account_sid");
    assert!(
        matches!(err.kind(), ValidationErrorKind::UrlTooLong { .. }),
        "{err:?}"
    );
    assert_eq!(server.counts().connections, 0);
}
