//! `#[endpoint(.., crate = ::twill_runtime)]` end to end: an endpoint declared against
//! the runtime directly sends to a real HTTP server on loopback (wiremock) and decodes
//! its answer. Nothing here names `twill_api`. (The API crate under another name is
//! tested by the `tests/renamed` crate, where `::twill_api` does not resolve.)

use serde::Deserialize;
use twill_macros::{endpoint, sid};
use twill_runtime::prefix::IS;
use twill_runtime::{Client, Sid};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SERVICE: Sid<IS> = sid!(
    crate = ::twill_runtime,
    "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
);

/// What the server answers.
#[derive(Debug, Deserialize, PartialEq)]
struct Service {
    sid: Sid<IS>,
    friendly_name: Option<String>,
}

/// Update a service: a path placeholder, a form body and a header.
#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = Service, crate = ::twill_runtime)]
struct UpdateService {
    sid: Sid<IS>,
    friendly_name: Option<String>,
    #[param(min = 1, max = 10)]
    priority: Option<u32>,
    #[header("X-Twilio-Webhook-Enabled")]
    webhook_enabled: Option<bool>,
}

fn client(server: &MockServer) -> Client {
    twill_tests::client(&server.uri())
}

fn answer() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "sid": SERVICE.as_str(),
        "friendly_name": "Owls",
    }))
}

#[tokio::test]
async fn an_endpoint_declared_against_the_runtime_sends_and_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/Services/{}", SERVICE.as_str())))
        .and(header("X-Twilio-Webhook-Enabled", "false"))
        .and(body_string("FriendlyName=Owls&Priority=3"))
        .respond_with(answer())
        .expect(1)
        .mount(&server)
        .await;
    let update = UpdateService {
        sid: SERVICE,
        friendly_name: Some("Owls".to_owned()),
        priority: Some(3),
        webhook_enabled: Some(false),
    };
    let service = update.send(&client(&server)).await.unwrap();
    assert_eq!(
        service,
        Service {
            sid: SERVICE,
            friendly_name: Some("Owls".to_owned()),
        }
    );

    // Validation runs before anything is sent, as with the default crate path.
    let out_of_range = UpdateService {
        priority: Some(11),
        ..update
    };
    let error = out_of_range.send(&client(&server)).await.unwrap_err();
    assert!(
        matches!(error, twill_runtime::Error::Validation(_)),
        "{error}"
    );
}
