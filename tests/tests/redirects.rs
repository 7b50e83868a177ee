//! twill follows no redirect: a `3xx` answer is `Error::Redirect` with its status and
//! `Location`, is never retried, and nothing is ever sent to the redirect target; not
//! for `GET` or `POST`, not to the same origin or another, not for a next page, not with
//! a `reqwest::ClientBuilder` of the user's that would follow redirects.

use std::time::Duration;

use futures_util::StreamExt;
use serde_json::json;
use twill_api::conversations::v1::{
    Conversation, CreateConversation, FetchConversation, ListConversation,
};
use twill_api::{Client, Error, RetryPolicy};
use twill_tests::raw_server::{RawServer, Reply};
use twill_tests::{AUTH_TOKEN, client_builder};

/// Every status of the 3xx class that HTTP defines (306 is reserved, and still a 3xx).
const REDIRECTS: std::ops::RangeInclusive<u16> = 300..=308;

fn client(server: &RawServer, http: Option<reqwest::ClientBuilder>) -> Client {
    let mut builder = client_builder(&server.uri())
        // Retries would show up as more requests; none may happen.
        .retry(
            RetryPolicy::default()
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(10)),
        );
    if let Some(http) = http {
        builder = builder.http_client(http);
    }
    builder.build().unwrap()
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

/// A server that answers every request with `status` and `Location: location`.
async fn redirecting(status: u16, location: String) -> RawServer {
    RawServer::start(move |_| Reply::with_header(status, "location", &location, "")).await
}

#[tokio::test]
async fn no_redirect_is_followed_for_any_status_method_or_target() {
    let elsewhere = RawServer::start(|_| Reply::json(200, &json!({}))).await;
    let mut checked = 0;
    for status in REDIRECTS {
        let targets = [
            // Same origin, another path.
            "/v1/Conversations/CHbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".to_owned(),
            // Another origin, on loopback so that a follow would be seen.
            format!("{}/v1/Conversations", elsewhere.uri()),
            // Plain http off loopback, which no base URL may be (a documentation
            // address, RFC 5737: were it followed, it would go nowhere).
            "http://192.0.2.1/v1/Conversations".to_owned(),
        ];
        for location in targets {
            let server = redirecting(status, location.clone()).await;
            // twill's own client, and one built from a user's builder set to follow.
            let follows =
                reqwest::Client::builder().redirect(reqwest::redirect::Policy::limited(10));
            for client in [client(&server, None), client(&server, Some(follows))] {
                let before = server.requests().len();
                for err in [
                    fetch().send(&client).await.unwrap_err(),
                    create().send(&client).await.unwrap_err(),
                ] {
                    let Error::Redirect(redirect) = &err else {
                        panic!("{status} to {location}: expected a redirect error, got {err:?}");
                    };
                    assert_eq!(redirect.status.as_u16(), status);
                    assert_eq!(redirect.location.as_deref(), Some(location.as_str()));
                    assert_eq!(err.attempts(), 1, "{status}: never retried");
                    assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
                    assert!(!err.may_have_been_processed());
                    let shown = err.to_string();
                    assert!(shown.contains("not followed"), "{shown}");
                    assert!(!shown.contains(AUTH_TOKEN), "{shown}");
                    checked += 1;
                }
                let requests = server.requests();
                assert_eq!(
                    requests.len() - before,
                    2,
                    "one GET and one POST, once each"
                );
                assert_eq!(requests[before].method, "GET");
                assert_eq!(requests[before + 1].method, "POST");
            }
        }
    }
    assert_eq!(checked, 9 * 3 * 2 * 2);
    assert_eq!(elsewhere.requests().len(), 0, "nothing reached the target");
    assert_eq!(elsewhere.connections(), 0, "not even a connection");
}

#[tokio::test]
async fn a_redirect_without_location_is_an_error_too() {
    let server = RawServer::start(|_| Reply::json(302, &json!({}))).await;
    let err = fetch().send(&client(&server, None)).await.unwrap_err();
    let Error::Redirect(redirect) = &err else {
        panic!("expected a redirect error, got {err:?}");
    };
    assert_eq!(redirect.location, None);
    assert_eq!(
        err.to_string(),
        "HTTP 302 Found redirect not followed: twill follows no redirect"
    );
}

#[tokio::test]
async fn a_next_page_that_redirects_ends_the_stream_and_reaches_nobody_else() {
    let elsewhere = RawServer::start(|_| Reply::json(200, &json!({}))).await;
    let target = format!("{}/v1/Conversations?Page=1", elsewhere.uri());
    let conversation = json!({"sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"});
    let server = RawServer::start(move |request| {
        if request.target.contains("Page=1") {
            Reply::with_header(307, "location", &target, "")
        } else {
            Reply::json(
                200,
                &json!({
                    "conversations": [conversation],
                    "meta": {"key": "conversations", "next_page_url": "/v1/Conversations?Page=1"}
                }),
            )
        }
    })
    .await;
    let client = client(&server, None);
    let list = ListConversation::default();
    let results: Vec<Result<Conversation, Error>> = list.stream(&client).collect().await;
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0].is_ok());
    assert!(
        matches!(&results[1], Err(Error::Redirect(r)) if r.status == 307),
        "{results:?}"
    );
    assert_eq!(server.requests().len(), 2);
    assert_eq!(elsewhere.requests().len(), 0);
    assert_eq!(elsewhere.connections(), 0);
}
