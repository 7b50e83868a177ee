//! Streams over list endpoints: following `next_page_url` across pages on the same
//! client, lazily (`take` stops the fetching), ending on errors, and refusing what a
//! server could loop or leak with: foreign hosts, credentials in the URL, pages already
//! fetched, URLs over the limit.

use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{Value, json};
use twill_api::conversations::v1::{Conversation, ListConversation};
use twill_api::{Error, RetryPolicy};
use twill_tests::raw_server::{RawRequest, RawServer, Reply};
use twill_tests::{client, client_builder, response_example, spec};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The spec's example conversation with another SID.
fn conversation(n: usize) -> Value {
    let spec = spec::spec();
    let operation = spec::operation(&spec, "/v1/Conversations/{Sid}", "get");
    let mut conversation = response_example(&operation, "200");
    conversation["sid"] = json!(format!("CH{n:032x}"));
    conversation
}

fn page(items: &[usize], page: usize, next_page_url: Option<String>) -> Value {
    json!({
        "conversations": items.iter().map(|&n| conversation(n)).collect::<Vec<_>>(),
        "meta": {
            "page": page,
            "page_size": 2,
            "first_page_url": "https://conversations.twilio.com/v1/Conversations?PageSize=2&Page=0",
            "previous_page_url": null,
            "url": format!("https://conversations.twilio.com/v1/Conversations?PageSize=2&Page={page}"),
            "next_page_url": next_page_url,
            "key": "conversations"
        }
    })
}

/// Serves pages 0, 1 and 2 (items 0-1, 2-3, 4) with absolute next-page URLs on itself.
async fn three_pages() -> MockServer {
    let server = MockServer::start().await;
    let next = |n: usize| {
        Some(format!(
            "{}/v1/Conversations?PageSize=2&Page={n}&PageToken=PT{n}",
            server.uri()
        ))
    };
    for (n, items, next_url) in [(1, &[2, 3][..], next(2)), (2, &[4][..], None)] {
        Mock::given(method("GET"))
            .and(path("/v1/Conversations"))
            .and(query_param("Page", n.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(items, n, next_url)))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/v1/Conversations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&[0, 1], 0, next(1))))
        .mount(&server)
        .await;
    server
}

fn sids(conversations: &[Conversation]) -> Vec<String> {
    conversations
        .iter()
        .map(|c| c.sid.map(String::from).unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn follows_next_page_url_to_the_end() {
    let server = three_pages().await;
    let client = client(&server.uri());
    let list = ListConversation {
        page_size: Some(2),
        ..Default::default()
    };
    let all: Vec<Conversation> = list.stream(&client).try_collect().await.unwrap();
    assert_eq!(
        sids(&all),
        (0..5).map(|n| format!("CH{n:032x}")).collect::<Vec<_>>()
    );

    let requests = server.received_requests().await.unwrap();
    let queries: Vec<&str> = requests
        .iter()
        .map(|r| r.url.query().unwrap_or(""))
        .collect();
    assert_eq!(
        queries,
        [
            "PageSize=2",
            "PageSize=2&Page=1&PageToken=PT1",
            "PageSize=2&Page=2&PageToken=PT2"
        ]
    );
    assert!(
        requests
            .iter()
            .all(|r| r.headers.contains_key("authorization"))
    );
}

#[tokio::test]
async fn take_fetches_only_the_pages_the_items_taken_need() {
    // Pages of two, two and one items: how many requests `take(n)` makes.
    for (n, pages) in [(0, 0), (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (9, 3)] {
        let server = three_pages().await;
        let client = client(&server.uri());
        let list = ListConversation::default();
        let taken: Vec<Conversation> = list.stream(&client).take(n).try_collect().await.unwrap();
        assert_eq!(sids(&taken).len(), n.min(5), "take({n})");
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            pages,
            "take({n}) fetches {pages} pages"
        );
    }
}

#[tokio::test]
async fn a_page_is_fetched_only_when_an_item_on_it_is_asked_for() {
    let server = three_pages().await;
    let client = client(&server.uri());
    let list = ListConversation::default();
    let mut stream = std::pin::pin!(list.stream(&client));
    let requests = || async { server.received_requests().await.unwrap().len() };
    assert_eq!(
        requests().await,
        0,
        "nothing before the first item is asked for"
    );
    // Items 0 and 1 are on page 0, 2 and 3 on page 1, 4 on page 2.
    for (item, pages) in [(0, 1), (1, 1), (2, 2), (3, 2), (4, 3)] {
        let conversation = stream.next().await.unwrap().unwrap();
        assert_eq!(sids(&[conversation]), [format!("CH{item:032x}")]);
        assert_eq!(requests().await, pages, "after item {item}");
    }
    assert!(stream.next().await.is_none());
    assert_eq!(requests().await, 3, "the last page names no next one");
}

#[tokio::test]
async fn refuses_a_next_page_on_another_host() {
    let server = MockServer::start().await;
    let foreign = "https://attacker.example.com/v1/Conversations?Page=1".to_owned();
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &[0, 1],
            0,
            Some(foreign.clone()),
        )))
        .mount(&server)
        .await;
    let client = client(&server.uri());
    let list = ListConversation::default();
    let results: Vec<Result<Conversation, Error>> = list.stream(&client).collect().await;

    assert_eq!(results.len(), 3, "two items, then the error");
    assert!(results[..2].iter().all(Result::is_ok));
    match &results[2] {
        Err(Error::Pagination(err)) => assert_eq!(err.url, foreign),
        other => panic!("expected a pagination error, got {other:?}"),
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn follows_a_relative_next_page_url() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&[1], 1, None)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(
            &[0],
            0,
            Some("/v1/Conversations?Page=1".to_owned()),
        )))
        .mount(&server)
        .await;
    let client = client(&server.uri());
    let all: Vec<Conversation> = ListConversation::default()
        .stream(&client)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn an_error_page_ends_the_stream_with_the_error() {
    let server = MockServer::start().await;
    let next = Some(format!("{}/v1/Conversations?Page=1", server.uri()));
    Mock::given(method("GET"))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({
            "code": 20500, "message": "Internal Server Error", "status": 500
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(&[0, 1], 0, next)))
        .mount(&server)
        .await;
    // The 500 is retried (a GET): short backoffs keep the test quick.
    let client = client_builder(&server.uri())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build()
        .unwrap();
    let list = ListConversation::default();
    let results: Vec<Result<Conversation, Error>> = list.stream(&client).collect().await;
    assert_eq!(results.len(), 3);
    assert!(matches!(&results[2], Err(Error::Api(api)) if api.code == Some(20500)));
}

#[tokio::test]
async fn an_invalid_first_request_sends_nothing() {
    let server = MockServer::start().await;
    let client = client(&server.uri());
    let list = ListConversation {
        page_size: Some(1000),
        ..Default::default()
    };
    let results: Vec<Result<Conversation, Error>> = list.stream(&client).collect().await;
    assert!(
        matches!(results.as_slice(), [Err(Error::Validation(_))]),
        "{results:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}

/// A server whose every page is one conversation with a `meta` that has only `key` and
/// the `next_page_url` that `next` gives for the request, as some real responses do.
async fn pages(next: impl Fn(&RawRequest) -> Option<String> + Send + Sync + 'static) -> RawServer {
    RawServer::start(move |request| {
        Reply::json(
            200,
            &json!({
                "conversations": [{"sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],
                "meta": {"key": "conversations", "next_page_url": next(request)},
            }),
        )
    })
    .await
}

/// Collects a whole stream of `ListConversation`.
async fn collect(server: &RawServer) -> Vec<Result<Conversation, Error>> {
    ListConversation::default()
        .stream(&client(&server.uri()))
        .collect()
        .await
}

fn pagination_reason(result: &Result<Conversation, Error>) -> &'static str {
    match result {
        Err(Error::Pagination(err)) => err.reason,
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_next_page_already_fetched_ends_the_stream_at_the_first_repeat() {
    // 0 -> 1 -> 2 -> 1: a loop that would never end.
    let server = pages(|request| {
        let next = match request.target.as_str() {
            "/v1/Conversations" => "/v1/Conversations?Page=1",
            "/v1/Conversations?Page=1" => "/v1/Conversations?Page=2",
            _ => "/v1/Conversations?Page=1",
        };
        Some(next.to_owned())
    })
    .await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 4, "three pages of one item, then the error");
    assert!(results[..3].iter().all(Result::is_ok));
    assert_eq!(
        pagination_reason(&results[3]),
        "it names a page this stream already fetched"
    );
    assert_eq!(server.requests().len(), 3);

    // A page that names itself.
    let server = pages(|_| Some("/v1/Conversations?Page=1".to_owned())).await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 3);
    assert_eq!(
        pagination_reason(&results[2]),
        "it names a page this stream already fetched"
    );
    assert_eq!(server.requests().len(), 2);

    // A page that names the first one, as an absolute URL.
    let server = pages(|request| {
        let host = request.header("host").unwrap_or_default();
        Some(format!("http://{host}/v1/Conversations"))
    })
    .await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 2);
    assert_eq!(
        pagination_reason(&results[1]),
        "it names a page this stream already fetched"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_next_page_url_with_credentials_is_refused() {
    let server = RawServer::start(|request| {
        let host = request.header("host").unwrap_or_default().to_owned();
        Reply::json(
            200,
            &json!({
                "conversations": [],
                "meta": {"next_page_url": format!("http://user:pw@{host}/v1/Conversations?Page=1")},
            }),
        )
    })
    .await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 1);
    assert_eq!(pagination_reason(&results[0]), "it carries credentials");
    let shown = results[0].as_ref().unwrap_err().to_string();
    assert!(!shown.contains("pw"), "{shown}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "the next page was not requested");
    let authorizations = requests[0]
        .headers
        .iter()
        .filter(|(name, _)| name == "authorization")
        .count();
    assert_eq!(authorizations, 1);
}

#[tokio::test]
async fn an_empty_next_page_url_means_the_last_page() {
    let server = pages(|_| Some(String::new())).await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 1);
    assert!(results[0].is_ok());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_meta_with_only_a_next_page_url_is_followed() {
    let server = pages(|request| {
        (request.target == "/v1/Conversations")
            .then(|| "/v1/Conversations?PageToken=PT1".to_owned())
    })
    .await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 2);
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        ["/v1/Conversations", "/v1/Conversations?PageToken=PT1"]
    );
}

#[tokio::test]
async fn an_over_long_next_page_url_is_refused() {
    let token = "t".repeat(twill_api::MAX_URL_LEN);
    let server = pages(move |_| Some(format!("/v1/Conversations?PageToken={token}"))).await;
    let results = collect(&server).await;
    assert_eq!(results.len(), 2);
    assert_eq!(
        pagination_reason(&results[1]),
        "it is longer than the URL limit"
    );
    let shown = results[1].as_ref().unwrap_err().to_string();
    assert!(shown.len() < 200, "{shown}");
    assert_eq!(server.requests().len(), 1);
}
