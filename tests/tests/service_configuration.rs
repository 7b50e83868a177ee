//! The service configuration endpoints end to end, against a real HTTP server on
//! loopback (wiremock) answering with the spec's examples.

use base64::Engine as _;
use serde_json::{Value, json};
use twill_api::conversations::v1::{
    FetchServiceConfiguration, ServiceConfiguration, UpdateServiceConfiguration,
};
use twill_api::declare::{Form, endpoint};
use twill_api::prefix::{IS, RL};
use twill_api::{Client, Endpoint, Error, Sid, ValidationErrorKind, sid};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN, operation, pairs, response_example, schema, spec};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PATH: &str = "/v1/Services/{ChatServiceSid}/Configuration";
const SERVICE: Sid<IS> = sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const ROLE: Sid<RL> = sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

fn client(server: &MockServer) -> Client {
    twill_tests::client(&server.uri())
}

/// The update of the seed's example: reachability off, the three role SIDs set.
fn seed_update() -> UpdateServiceConfiguration {
    UpdateServiceConfiguration {
        default_conversation_creator_role_sid: Some(ROLE),
        default_conversation_role_sid: Some(ROLE),
        default_chat_service_role_sid: Some(ROLE),
        reachability_enabled: Some(false),
        ..UpdateServiceConfiguration::new(SERVICE)
    }
}

fn example(method: &str) -> Value {
    response_example(&operation(&spec(), PATH, method), "200")
}

#[test]
fn seed_example_encodes_to_exactly_its_four_pairs() {
    let update = seed_update();
    update.validate().unwrap();
    let mut form = Form::new();
    update.write_params(&mut form);
    let mut got = pairs(form.as_str());
    got.sort();
    let mut expected: Vec<(String, String)> = [
        ("DefaultChatServiceRoleSid", ROLE.as_str()),
        ("DefaultConversationCreatorRoleSid", &ROLE),
        ("DefaultConversationRoleSid", &ROLE),
        ("ReachabilityEnabled", "false"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .into();
    expected.sort();
    assert_eq!(got, expected);

    // The request body the spec gives as its example has the same pairs.
    let spec_example = &operation(&spec(), PATH, "post")["requestBody"]["content"]["application/x-www-form-urlencoded"]
        ["examples"]["update"]["value"];
    let mut from_spec: Vec<(String, String)> = spec_example
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str().map_or_else(|| v.to_string(), str::to_owned),
            )
        })
        .collect();
    from_spec.sort();
    assert_eq!(got, from_spec);
}

#[test]
fn metadata_matches_the_spec() {
    assert_eq!(FetchServiceConfiguration::PATH_TEMPLATE, PATH);
    assert_eq!(UpdateServiceConfiguration::PATH_TEMPLATE, PATH);
    assert_eq!(
        FetchServiceConfiguration::METHOD,
        twill_api::declare::Method::Get
    );
    assert_eq!(
        UpdateServiceConfiguration::METHOD,
        twill_api::declare::Method::Post
    );
}

#[tokio::test]
async fn update_sends_method_path_headers_and_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/Services/{SERVICE}/Configuration")))
        .respond_with(ResponseTemplate::new(200).set_body_json(example("post")))
        .expect(1)
        .mount(&server)
        .await;

    let configuration = seed_update().send(&client(&server)).await.unwrap();
    assert_eq!(configuration.reachability_enabled, Some(false));

    let requests = server.received_requests().await.unwrap();
    let request = &requests[0];
    assert_eq!(
        request.headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(request.headers["accept"], "application/json");
    let user_agent = request.headers["user-agent"].to_str().unwrap();
    assert!(user_agent.starts_with("twill/"), "{user_agent}");
    let authorization = request.headers["authorization"].to_str().unwrap();
    let credentials = base64::engine::general_purpose::STANDARD
        .decode(authorization.strip_prefix("Basic ").unwrap())
        .unwrap();
    assert_eq!(
        credentials,
        format!("{ACCOUNT_SID}:{AUTH_TOKEN}").into_bytes()
    );

    let mut got = pairs(std::str::from_utf8(&request.body).unwrap());
    got.sort();
    let mut expected = vec![
        ("DefaultChatServiceRoleSid".to_owned(), ROLE.to_string()),
        (
            "DefaultConversationCreatorRoleSid".to_owned(),
            ROLE.to_string(),
        ),
        ("DefaultConversationRoleSid".to_owned(), ROLE.to_string()),
        ("ReachabilityEnabled".to_owned(), "false".to_owned()),
    ];
    expected.sort();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn fetch_decodes_the_spec_example_into_every_field() {
    let server = MockServer::start().await;
    let example = example("get");
    Mock::given(method("GET"))
        .and(path(format!("/v1/Services/{SERVICE}/Configuration")))
        .respond_with(ResponseTemplate::new(200).set_body_json(&example))
        .expect(1)
        .mount(&server)
        .await;

    let fetch = FetchServiceConfiguration::new(SERVICE);
    let configuration: ServiceConfiguration = fetch.send(&client(&server)).await.unwrap();

    // Every property of the example survives the round trip through the typed struct.
    assert_eq!(serde_json::to_value(&configuration).unwrap(), example);
    assert_eq!(
        configuration.links.as_ref().unwrap()["webhooks"],
        example["links"]["webhooks"]
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].url.query(), None);
    assert!(requests[0].body.is_empty());
}

#[test]
fn response_type_has_every_property_of_the_schema() {
    let schema = schema(&spec(), "conversations.v1.service.service_configuration");
    let mut properties: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    properties.sort();
    let decoded: ServiceConfiguration = serde_json::from_value(json!({})).unwrap();
    let encoded = serde_json::to_value(decoded).unwrap();
    let mut fields: Vec<&String> = encoded.as_object().unwrap().keys().collect();
    fields.sort();
    assert_eq!(fields, properties);
}

#[tokio::test]
async fn twilio_error_json_becomes_an_api_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 20001,
            "message": "Invalid DefaultChatServiceRoleSid",
            "more_info": "https://www.twilio.com/docs/errors/20001",
            "status": 400
        })))
        .mount(&server)
        .await;

    let err = seed_update().send(&client(&server)).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.code, Some(20001));
    assert_eq!(api.message, "Invalid DefaultChatServiceRoleSid");
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20001")
    );
    assert_eq!(err.status(), Some(twill_api::StatusCode::BAD_REQUEST));
}

#[tokio::test]
async fn html_502_becomes_an_http_error() {
    let server = MockServer::start().await;
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(page, "text/html"))
        .mount(&server)
        .await;

    let fetch = FetchServiceConfiguration::new(SERVICE);
    let err = fetch.send(&client(&server)).await.unwrap_err();
    let Error::Http(http) = &err else {
        panic!("expected an HTTP error, got {err:?}");
    };
    assert_eq!(http.status, 502);
    assert_eq!(http.snippet, page);
}

#[tokio::test]
async fn non_matching_success_body_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"reachability_enabled": "yes"})),
        )
        .mount(&server)
        .await;
    let fetch = FetchServiceConfiguration::new(SERVICE);
    let err = fetch.send(&client(&server)).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode(d) if d.status == 200),
        "{err:?}"
    );
}

/// The update declared as an SDK author who prefers strings would: `#[sid]` checks each
/// SID when the request is sent.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Configuration", host = "conversations.twilio.com", response = ServiceConfiguration)]
struct UpdateWithStrings {
    #[sid(prefix = "IS")]
    chat_service_sid: String,
    #[sid(prefix = "RL")]
    default_chat_service_role_sid: Option<String>,
}

#[tokio::test]
async fn invalid_sids_are_refused_before_any_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(example("post")))
        .mount(&server)
        .await;
    let client = client(&server);

    let wrong_prefix = UpdateWithStrings {
        chat_service_sid: SERVICE.to_string(),
        default_chat_service_role_sid: Some(SERVICE.to_string()),
    };
    let err = wrong_prefix.send(&client).await.unwrap_err();
    let Error::Validation(validation) = &err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(validation.field(), "DefaultChatServiceRoleSid");
    assert_eq!(
        validation.kind(),
        &ValidationErrorKind::SidPrefix {
            prefix: "RL",
            found: "IS".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "invalid `DefaultChatServiceRoleSid`: expected a SID starting with `RL`, found `IS`"
    );

    let too_short = UpdateWithStrings {
        chat_service_sid: "IS123".into(),
        default_chat_service_role_sid: None,
    };
    let err = too_short.send(&client).await.unwrap_err();
    assert!(err.is_validation(), "{err:?}");
    assert!(err.to_string().contains("`ChatServiceSid`"), "{err}");

    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}

/// An endpoint whose path parameter is not a SID, such as a user identity.
#[endpoint(GET, "/v1/Users/<Identity>/Configuration", host = "conversations.twilio.com", response = Value)]
struct FetchUserConfiguration {
    identity: String,
    page_size: Option<u32>,
}

#[tokio::test]
async fn path_values_are_encoded_as_one_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let client = client(&server);

    for identity in ["a/b", "a/b?c#d", "alice@example.com", "100% é"] {
        let fetch = FetchUserConfiguration {
            identity: identity.into(),
            page_size: Some(50),
        };
        assert_eq!(fetch.send(&client).await.unwrap(), json!({"ok": true}));
    }
    let requests = server.received_requests().await.unwrap();
    let got: Vec<(String, Option<String>)> = requests
        .iter()
        .map(|r| (r.url.path().to_owned(), r.url.query().map(str::to_owned)))
        .collect();
    let query = Some("PageSize=50".to_owned());
    assert_eq!(
        got,
        [
            ("/v1/Users/a%2Fb/Configuration".to_owned(), query.clone()),
            (
                "/v1/Users/a%2Fb%3Fc%23d/Configuration".to_owned(),
                query.clone()
            ),
            (
                "/v1/Users/alice%40example.com/Configuration".to_owned(),
                query.clone()
            ),
            ("/v1/Users/100%25%20%C3%A9/Configuration".to_owned(), query),
        ]
    );
}

#[tokio::test]
async fn dot_and_empty_path_values_are_refused() {
    let server = MockServer::start().await;
    let client = client(&server);
    for (identity, kind) in [
        ("", ValidationErrorKind::EmptyPathSegment),
        (".", ValidationErrorKind::DotPathSegment),
        ("..", ValidationErrorKind::DotPathSegment),
    ] {
        let fetch = FetchUserConfiguration {
            identity: identity.into(),
            page_size: None,
        };
        match fetch.send(&client).await {
            Err(Error::Validation(err)) => {
                assert_eq!(err.field(), "Identity");
                assert_eq!(err.kind(), &kind);
            }
            other => panic!("{identity:?}: {other:?}"),
        }
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}
