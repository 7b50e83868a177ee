//! The blocking client: the same code paths as the async one, with no runtime in the
//! caller (feature `blocking`).

use std::time::Duration;

use serde_json::{Value, json};
use twill_api::conversations::v1::{FetchConversation, ListConversation};
use twill_api::{BlockingClient, Client, Credentials, Error, RetryPolicy};
use twill_tests::raw_server::{RawServer, Reply};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN, response_example, spec};

fn conversation_json() -> Value {
    response_example(
        &spec::operation(&spec::spec(), "/v1/Conversations/{Sid}", "get"),
        "200",
    )
}

fn blocking_client(server: &RawServer) -> BlockingClient {
    Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build_blocking()
        .unwrap()
}

#[test]
fn sends_retries_validates_and_pages_without_an_async_runtime() {
    // The server runs on a runtime of its own threads; this test's thread has none.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let body = conversation_json();
    let server = runtime.block_on(RawServer::start(move |request| {
        let page = |n: usize, next: Option<String>| {
            json!({
                "conversations": [body.clone()],
                "meta": {"page": n, "page_size": 1, "first_page_url": "", "previous_page_url": null,
                         "url": "", "next_page_url": next, "key": "conversations"}
            })
        };
        match (request.index, request.target.as_str()) {
            (0, _) => Reply::json(503, &json!({"code": 20503, "message": "busy"})),
            (_, "/v1/Conversations") => {
                let next = request
                    .header("host")
                    .map(|host| format!("http://{host}/v1/Conversations?Page=1"));
                Reply::json(200, &page(0, next))
            }
            (_, "/v1/Conversations?Page=1") => Reply::json(200, &page(1, None)),
            _ => Reply::json(200, &body),
        }
    }));
    let client = blocking_client(&server);

    let fetch = FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    };
    let conversation = client.send(&fetch).unwrap();
    assert_eq!(
        conversation.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(server.requests().len(), 2, "the 503 was retried");

    let all: Vec<_> = client
        .iter(&ListConversation::default())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 2, "two pages of one conversation");

    let invalid = FetchConversation { sid: "..".into() };
    assert!(matches!(client.send(&invalid), Err(Error::Validation(_))));
    assert_eq!(server.requests().len(), 4);
    assert!(!format!("{client:?}").contains(AUTH_TOKEN));
}
