//! What Conversations v1 needs beyond strings: identities in paths, enums that survive
//! new values, date-times, headers, bounds, empty success bodies.

use serde_json::{Value, json};
use twill_api::conversations::v1::{
    Conversation, ConversationState, CreateConversation, DeleteConversation, FetchUser,
    ListConversation, ListConversationResponse, UpdateServiceUserConversation,
};
use twill_api::declare::Page;
use twill_api::prefix::MG;
use twill_api::sync::v1::UpdateDocument;
use twill_api::{Error, Sid, Timestamp, ValidationErrorKind, sid};
use twill_tests::{client, pairs, response_example, spec};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn example(path: &str, method: &str, status: &str) -> Value {
    response_example(&spec::operation(&spec::spec(), path, method), status)
}

/// Percent-decodes one path segment, independently of twill's encoder.
fn decode_segment(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn segments(request: &Request) -> Vec<String> {
    request
        .url
        .path_segments()
        .unwrap()
        .map(decode_segment)
        .collect()
}

async fn server_answering(status: u16, body: Option<Value>) -> MockServer {
    let server = MockServer::start().await;
    let template = match body {
        Some(body) => ResponseTemplate::new(status).set_body_json(body),
        None => ResponseTemplate::new(status),
    };
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn identities_round_trip_as_one_path_segment() {
    let server = server_answering(200, Some(example("/v1/Users/{Sid}", "get", "200"))).await;
    let client = client(&server.uri());
    let identities = ["alice@example.com", "a/b", "a b+c", "100%", "é?#&=", "..."];
    for identity in identities {
        FetchUser {
            sid: identity.into(),
        }
        .send(&client)
        .await
        .unwrap();
    }
    let update = UpdateServiceUserConversation::new(
        sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        "bob/../admin",
        "my conversation",
    );
    update.send(&client).await.unwrap();

    let requests = server.received_requests().await.unwrap();
    for (request, identity) in requests.iter().zip(identities) {
        assert_eq!(segments(request), ["v1", "Users", identity]);
    }
    assert_eq!(
        segments(&requests[identities.len()]),
        [
            "v1",
            "Services",
            "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "Users",
            "bob/../admin",
            "Conversations",
            "my conversation"
        ]
    );
}

#[test]
fn response_enums_keep_unknown_values() {
    let mut body = example("/v1/Conversations/{Sid}", "get", "200");
    assert_eq!(body["state"], "active");
    let known: Conversation = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(known.state, Some(ConversationState::Active));

    body["state"] = json!("archived");
    let unknown: Conversation = serde_json::from_value(body).unwrap();
    assert!(
        matches!(&unknown.state, Some(ConversationState::Unknown(v)) if v.as_str() == "archived")
    );
    assert_eq!(
        unknown.state,
        Some(ConversationState::from_wire("archived"))
    );
    assert_eq!(serde_json::to_value(&unknown).unwrap()["state"], "archived");
    assert_eq!(
        ConversationState::VALUES,
        ["initializing", "inactive", "active", "closed"]
    );
}

#[test]
fn responses_are_built_from_default_in_tests() {
    // Response types are `#[non_exhaustive]`: outside the crate, one is built from
    // `Default::default()` and its public fields set.
    let mut conversation = Conversation::default();
    conversation.friendly_name = Some("Support".to_owned());
    conversation.state = Some(ConversationState::Active);
    assert_eq!(conversation.friendly_name.as_deref(), Some("Support"));
    assert_eq!(conversation.sid, None);
    let json = serde_json::to_value(&conversation).unwrap();
    assert_eq!(json["friendly_name"], "Support");
    assert_eq!(json["state"], "active");

    let mut page = ListConversationResponse::default();
    page.conversations.push(conversation.clone());
    assert_eq!(page.into_items(), vec![conversation]);
}

#[tokio::test]
async fn date_times_go_out_as_utc_seconds_and_come_back_typed() {
    let created = example("/v1/Conversations", "post", "201");
    let server = server_answering(201, Some(created.clone())).await;
    let client = client(&server.uri());
    let at: Timestamp = "2020-01-02T04:04:05.250+01:00".parse().unwrap();
    let conversation = CreateConversation {
        friendly_name: Some("Home Repair Visit".into()),
        date_created: Some(at),
        state: Some(ConversationState::Inactive),
        x_twilio_webhook_enabled: Some(true),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        pairs(std::str::from_utf8(&request.body).unwrap()),
        [
            ("FriendlyName".to_owned(), "Home Repair Visit".to_owned()),
            ("DateCreated".to_owned(), "2020-01-02T03:04:05Z".to_owned()),
            ("State".to_owned(), "inactive".to_owned()),
        ]
    );
    assert_eq!(request.headers["x-twilio-webhook-enabled"], "true");

    let expected: Timestamp = created["date_created"].as_str().unwrap().parse().unwrap();
    assert_eq!(conversation.date_created, Some(expected));
}

#[tokio::test]
async fn a_delete_answered_204_returns_unit() {
    let server = server_answering(204, None).await;
    let client = client(&server.uri());
    let deleted: () = DeleteConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        x_twilio_webhook_enabled: Some(false),
    }
    .send(&client)
    .await
    .unwrap();
    assert_eq!(deleted, ());
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(request.headers["x-twilio-webhook-enabled"], "false");
}

#[tokio::test]
async fn bad_headers_and_bounds_are_refused_before_sending() {
    let server = server_answering(200, Some(json!({}))).await;
    let client = client(&server.uri());

    // `If-Match` takes any text (`X-Twilio-Webhook-Enabled` is a `bool`).
    let injected = UpdateDocument {
        if_match: Some("1\r\nX-Injected: 1".into()),
        ..UpdateDocument::new("default", "ETaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    };
    match injected.send(&client).await {
        Err(Error::Validation(err)) => {
            assert_eq!(err.field(), "If-Match");
            assert_eq!(err.kind(), &ValidationErrorKind::HeaderControlCharacter);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }

    for page_size in [0, 101, 1000] {
        let list = ListConversation {
            page_size: Some(page_size),
            ..Default::default()
        };
        match list.send(&client).await {
            Err(Error::Validation(err)) => {
                assert_eq!(err.field(), "PageSize");
                assert_eq!(
                    err.kind(),
                    &ValidationErrorKind::OutOfRange {
                        value: i128::from(page_size),
                        min: Some(1),
                        max: Some(100)
                    }
                );
            }
            other => panic!("PageSize {page_size}: expected a validation error, got {other:?}"),
        }
    }

    // A SID typed in at run time is checked when parsed, before any request holds it.
    let err = "MG123".parse::<Sid<MG>>().unwrap_err();
    assert_eq!(err.field(), "Sid");
    assert_eq!(
        err.kind(),
        &ValidationErrorKind::SidLength {
            prefix: "MG",
            len: 5
        }
    );
    // A required text left empty is refused like an empty required list.
    let empty_identity = twill_api::conversations::v1::CreateUser::new("");
    match empty_identity.send(&client).await {
        Err(Error::Validation(err)) => {
            assert_eq!(err.field(), "Identity");
            assert_eq!(err.kind(), &ValidationErrorKind::MissingRequired);
        }
        other => panic!("expected a validation error, got {other:?}"),
    }

    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}
