//! One client, many products: each endpoint goes to its product's host, or to the base
//! URL the client was given for it, tagged with `Twill-Host`; next pages stay on the
//! first page's origin, whether a page names them by URL, by a URI relative to the
//! host (API v2010) or by a token; JSON bodies and the client's account in paths.

use futures_util::TryStreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use twill_api::declare::{BodyFormat, Form, JsonBody, Method, NextPage, Page, Param, endpoint};
use twill_api::{Endpoint, Error, ValidationError};
use twill_tests::raw_server::{RawRequest, RawServer, Reply};
use twill_tests::{ACCOUNT_SID, client_builder};

/// A Sync endpoint.
#[endpoint(GET, "/v1/Services/<Sid>", host = "sync.twilio.com", response = Value)]
struct FetchSyncService {
    sid: String,
}

/// An API v2010 endpoint.
#[endpoint(GET, "/2010-04-01/Accounts.json", host = "api.twilio.com", response = Value)]
struct ListAccounts {}

/// A Conversations endpoint.
#[endpoint(GET, "/v1/Configuration", host = "conversations.twilio.com", response = Value)]
struct FetchConfiguration {}

fn ok(_: &RawRequest) -> Reply {
    Reply::json(200, &json!({"ok": true}))
}

fn twill_host(request: &RawRequest) -> Option<&str> {
    request.header("twill-host")
}

#[tokio::test]
async fn each_product_goes_to_its_own_base_tagged_with_its_host() {
    let sync = RawServer::start(ok).await;
    let rest = RawServer::start(ok).await;
    let client = client_builder(&rest.uri())
        .host_url("sync.twilio.com", sync.uri())
        .build()
        .unwrap();

    FetchSyncService { sid: "IS1".into() }
        .send(&client)
        .await
        .unwrap();
    ListAccounts {}.send(&client).await.unwrap();
    FetchConfiguration {}.send(&client).await.unwrap();

    let sync_requests = sync.requests();
    assert_eq!(sync_requests.len(), 1);
    assert_eq!(sync_requests[0].target, "/v1/Services/IS1");
    assert_eq!(twill_host(&sync_requests[0]), Some("sync.twilio.com"));

    let rest_requests = rest.requests();
    let seen: Vec<(&str, Option<&str>)> = rest_requests
        .iter()
        .map(|r| (r.target.as_str(), twill_host(r)))
        .collect();
    assert_eq!(
        seen,
        [
            ("/2010-04-01/Accounts.json", Some("api.twilio.com")),
            ("/v1/Configuration", Some("conversations.twilio.com")),
        ]
    );
}

#[tokio::test]
async fn a_base_url_path_prefix_comes_before_every_path() {
    let server = RawServer::start(ok).await;
    let client = client_builder(&format!("{}/proxy/twilio/", server.uri()))
        .build()
        .unwrap();
    ListAccounts {}.send(&client).await.unwrap();
    assert_eq!(
        server.requests()[0].target,
        "/proxy/twilio/2010-04-01/Accounts.json"
    );
}

/// An API v2010-shaped page: items under their plural key, the next page as a URI
/// relative to the host.
#[derive(Debug, Deserialize)]
struct MessagePage {
    messages: Vec<Value>,
    next_page_uri: Option<String>,
}

impl Page for MessagePage {
    type Item = Value;

    fn next_page(&self) -> NextPage<'_> {
        NextPage::url(self.next_page_uri.as_deref())
    }

    fn into_items(self) -> Vec<Value> {
        self.messages
    }
}

#[endpoint(
    GET,
    "/2010-04-01/Accounts/<AccountSid>/Messages.json",
    host = "api.twilio.com",
    response = MessagePage,
    paginated
)]
struct ListMessages {
    account_sid: String,
    page_size: Option<u32>,
}

#[tokio::test]
async fn host_relative_next_pages_follow_the_base_and_its_prefix() {
    let server = RawServer::start(|request| {
        let page = if request.target.contains("Page=1") {
            json!({"messages": [{"n": 2}], "next_page_uri": null})
        } else {
            json!({
                "messages": [{"n": 0}, {"n": 1}],
                "next_page_uri": format!(
                    "/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?PageSize=2&Page=1&PageToken=PAx"
                ),
            })
        };
        Reply::json(200, &page)
    })
    .await;
    let client = client_builder(&format!("{}/prefix", server.uri()))
        .build()
        .unwrap();
    let list = ListMessages {
        account_sid: ACCOUNT_SID.into(),
        page_size: Some(2),
    };
    let items: Vec<Value> = list.stream(&client).try_collect().await.unwrap();
    assert_eq!(items, [json!({"n": 0}), json!({"n": 1}), json!({"n": 2})]);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            format!("/prefix/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?PageSize=2"),
            format!(
                "/prefix/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json?PageSize=2&Page=1&PageToken=PAx"
            ),
        ]
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| twill_host(r) == Some("api.twilio.com"))
    );
}

/// A `meta`-shaped Sync page.
#[derive(Debug, Deserialize)]
struct ServicePage {
    services: Vec<Value>,
    meta: twill_api::PageMeta,
}

impl Page for ServicePage {
    type Item = Value;

    fn next_page(&self) -> NextPage<'_> {
        self.meta.next_page()
    }

    fn into_items(self) -> Vec<Value> {
        self.services
    }
}

#[endpoint(GET, "/v1/Services", host = "sync.twilio.com", response = ServicePage, paginated)]
struct ListSyncServices {}

/// A Sync page server whose first page names `next` as its next page.
async fn sync_pages(next: &'static str) -> RawServer {
    RawServer::start(move |request| {
        let page = if request.target.contains("Page=1") {
            json!({"services": [{"n": 1}], "meta": {"next_page_url": null}})
        } else {
            json!({"services": [{"n": 0}], "meta": {"next_page_url": next}})
        };
        Reply::json(200, &page)
    })
    .await
}

#[tokio::test]
async fn a_next_page_on_the_products_twilio_host_goes_to_the_clients_base() {
    let server = sync_pages("https://sync.twilio.com/v1/Services?PageSize=1&Page=1").await;
    let client = client_builder(&server.uri()).build().unwrap();
    let items: Vec<Value> = ListSyncServices {}
        .stream(&client)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, [json!({"n": 0}), json!({"n": 1})]);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/v1/Services", "/v1/Services?PageSize=1&Page=1"]);
}

#[tokio::test]
async fn a_next_page_on_another_products_host_is_refused() {
    for next in [
        "https://api.twilio.com/v1/Services?Page=1",
        "https://sync.dublin.ie1.twilio.com/v1/Services?Page=1",
        "http://sync.twilio.com/v1/Services?Page=1",
        "https://example.com/v1/Services?Page=1",
    ] {
        let server = sync_pages(next).await;
        let client = client_builder(&server.uri()).build().unwrap();
        let results: Vec<Result<Value, Error>> = {
            use futures_util::StreamExt;
            ListSyncServices {}.stream(&client).collect().await
        };
        assert_eq!(results.len(), 2, "{next}: {results:?}");
        assert_eq!(results[0].as_ref().unwrap(), &json!({"n": 0}));
        let Err(Error::Pagination(err)) = &results[1] else {
            panic!("{next}: {:?}", results[1]);
        };
        assert!(
            err.to_string().contains("not on the product's host"),
            "{next}: {err}"
        );
        assert_eq!(server.requests().len(), 1, "{next}");
    }
}

/// A page that names its next page by a token, sent back as `PageToken`.
#[derive(Debug, Deserialize)]
struct TokenPage {
    items: Vec<u32>,
    next_token: Option<String>,
}

impl Page for TokenPage {
    type Item = u32;

    fn next_page(&self) -> NextPage<'_> {
        match &self.next_token {
            Some(token) => NextPage::Query {
                name: "PageToken",
                value: token.clone(),
            },
            None => NextPage::Last,
        }
    }

    fn into_items(self) -> Vec<u32> {
        self.items
    }
}

#[endpoint(GET, "/v1/Things", host = "numbers.twilio.com", response = TokenPage, paginated)]
struct ListThings {
    page_size: Option<u32>,
    page_token: Option<String>,
    status: Option<String>,
}

#[tokio::test]
async fn token_pages_resend_the_first_request_with_the_token() {
    let server = RawServer::start(|request| {
        let page = if request.target.contains("PageToken=t%2F2") {
            json!({"items": [3], "next_token": null})
        } else if request.target.contains("PageToken=t1") {
            json!({"items": [2], "next_token": "t/2"})
        } else {
            json!({"items": [1], "next_token": "t1"})
        };
        Reply::json(200, &page)
    })
    .await;
    let client = client_builder(&server.uri()).build().unwrap();
    let list = ListThings {
        page_size: Some(1),
        page_token: Some("first".into()),
        status: Some("a b".into()),
    };
    let items: Vec<u32> = list.stream(&client).try_collect().await.unwrap();
    assert_eq!(items, [1, 2, 3]);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/v1/Things?PageSize=1&PageToken=first&Status=a+b",
            "/v1/Things?PageSize=1&Status=a+b&PageToken=t1",
            "/v1/Things?PageSize=1&Status=a+b&PageToken=t%2F2",
        ]
    );
}

/// A hand-written endpoint with a JSON body and the client's account in its path, as
/// `#[endpoint(.., json)]` and `#[param(default_account)]` generate them.
struct CreateThing {
    account_sid: Option<String>,
    friendly_name: Option<String>,
    tags: Vec<String>,
    config: Value,
}

impl Endpoint for CreateThing {
    type Response = Value;
    const OPERATION_ID: &'static str = "CreateThing";
    const METHOD: Method = Method::Post;
    const HOST: &'static str = "content.twilio.com";
    const PATH_TEMPLATE: &'static str = "/v1/Accounts/{AccountSid}/Things";
    const PARAMS: &'static [Param] = &[];
    const BODY: BodyFormat = BodyFormat::Json;

    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }

    fn write_path(&self, path: &mut String, account_sid: &str) {
        path.push_str("/v1/Accounts/");
        twill_api::__private::push_segment(
            path,
            &twill_api::__private::account_segment(&self.account_sid, account_sid),
        );
        path.push_str("/Things");
    }

    fn write_params(&self, _: &mut Form) {}

    fn write_json(&self, body: &mut JsonBody) {
        body.append_param("friendly_name", &self.friendly_name);
        body.append_param("tags", &self.tags);
        body.append_param("config", &self.config);
    }
}

#[tokio::test]
async fn json_bodies_and_the_clients_account() {
    let server = RawServer::start(ok).await;
    let client = client_builder(&server.uri()).build().unwrap();
    let create = CreateThing {
        account_sid: None,
        friendly_name: None,
        tags: vec!["a\"b".into()],
        config: json!({"nested": [1, {"x": null}]}),
    };
    client.send(&create).await.unwrap();
    let subaccount = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    let create = CreateThing {
        account_sid: Some(subaccount.into()),
        friendly_name: Some("Owl".into()),
        tags: Vec::new(),
        config: json!(null),
    };
    client.send(&create).await.unwrap();

    let requests = server.requests();
    assert_eq!(
        requests[0].target,
        format!("/v1/Accounts/{ACCOUNT_SID}/Things")
    );
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert_eq!(
        body,
        json!({"tags": ["a\"b"], "config": {"nested": [1, {"x": null}]}})
    );
    assert_eq!(
        requests[1].target,
        format!("/v1/Accounts/{subaccount}/Things")
    );
    let body: Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(
        body,
        json!({"friendly_name": "Owl", "tags": [], "config": null})
    );
}
