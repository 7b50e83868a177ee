//! The endpoints of this crate, declared with `crate = ::twilio`, sent to a real HTTP
//! server on loopback (wiremock), their answers decoded.

use twilio::{Client, Credentials, Error};
use twill_tests_renamed::{FetchService, ListService, SERVICE, Service, UpdateService};
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder()
        .credentials(Credentials::auth_token(
            "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "token",
        ))
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn answer() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "sid": SERVICE.as_str(),
        "friendly_name": "Owls",
    }))
}

#[tokio::test]
async fn fetch_sends_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/Services/{}", SERVICE.as_str())))
        .and(query_param("PageSize", "5"))
        .respond_with(answer())
        .expect(1)
        .mount(&server)
        .await;
    let fetch = FetchService {
        sid: SERVICE.as_str().to_owned(),
        page_size: Some(5),
    };
    let service = fetch.send(&client(&server)).await.unwrap();
    assert_eq!(
        service,
        Service {
            sid: SERVICE,
            friendly_name: Some("Owls".to_owned()),
        }
    );
}

#[tokio::test]
async fn update_sends_form_and_header_and_validates_first() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/Services/{}", SERVICE.as_str())))
        .and(header("X-Twilio-Webhook-Enabled", "true"))
        .and(body_string("FriendlyName=Owls&Priority=2"))
        .respond_with(answer())
        .expect(1)
        .mount(&server)
        .await;
    let update = UpdateService {
        sid: SERVICE,
        friendly_name: Some("Owls".to_owned()),
        priority: Some(2),
        webhook_enabled: Some(true),
    };
    let service = update.send(&client(&server)).await.unwrap();
    assert_eq!(service.friendly_name.as_deref(), Some("Owls"));

    let too_high = UpdateService {
        priority: Some(11),
        ..update
    };
    let error = too_high.send(&client(&server)).await.unwrap_err();
    assert!(matches!(error, Error::Validation(_)), "{error}");
}

#[tokio::test]
async fn list_sends_and_decodes_a_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Services"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "services": [],
            "meta": {"page": 0, "page_size": 50, "next_page_url": null, "key": "services"},
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = ListService { page_size: None }
        .send(&client(&server))
        .await
        .unwrap();
    assert!(page.services.is_empty());
}
