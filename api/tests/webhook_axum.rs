//! The axum extractor in a real axum server on loopback: requests signed as Twilio signs
//! them reach the handler typed; tampered, unsigned or wrongly signed ones get 403 and
//! never reach it.

use std::net::SocketAddr;

use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::routing::post;
use axum::{Router, extract::FromRef};
use tokio::sync::mpsc;
use twill_api::reqwest;
use twill_api::webhook::axum::{Verified, VerifiedBody, WebhookConfig, WebhookParams};
use twill_api::webhook::conversations::{Event, PreActionResponse};
use twill_api::webhook::{
    BODY_SHA256_PARAM, RequestValidator, SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER,
    SignatureAlgorithm, body_sha256,
};

const AUTH_TOKEN: &str = "12345-auth-token-never-shown";
const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const CONVERSATION_SID: &str = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const MESSAGE_SID: &str = "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SERVICE_SID: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const PARTICIPANT_SID: &str = "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// The router's state: the extractor's configuration, and where handlers report what
/// they were given.
#[derive(Clone)]
struct App {
    config: WebhookConfig,
    events: mpsc::UnboundedSender<Event>,
    params: mpsc::UnboundedSender<WebhookParams>,
    bodies: mpsc::UnboundedSender<Vec<u8>>,
}

impl FromRef<App> for WebhookConfig {
    fn from_ref(app: &App) -> WebhookConfig {
        app.config.clone()
    }
}

async fn conversations(
    State(app): State<App>,
    Verified(event): Verified<Event>,
) -> PreActionResponse {
    let answer = match &event {
        Event::MessageAdd(message) if message.body.as_deref() == Some("reject me") => {
            PreActionResponse::Reject
        }
        _ => PreActionResponse::Accept,
    };
    app.events.send(event).expect("the test keeps the receiver");
    answer
}

async fn any_form(
    State(app): State<App>,
    Verified(params): Verified<WebhookParams>,
) -> &'static str {
    app.params
        .send(params)
        .expect("the test keeps the receiver");
    "<Response/>"
}

async fn json(State(app): State<App>, VerifiedBody(body): VerifiedBody) {
    app.bodies
        .send(body.to_vec())
        .expect("the test keeps the receiver");
}

/// A server on loopback that checks signatures with `validator` against
/// `public_base_url` (the loopback address when `None`).
struct Server {
    addr: SocketAddr,
    events: mpsc::UnboundedReceiver<Event>,
    params: mpsc::UnboundedReceiver<WebhookParams>,
    bodies: mpsc::UnboundedReceiver<Vec<u8>>,
}

impl Server {
    async fn start(validator: RequestValidator, public_base_url: Option<&str>) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a bound address");
        let base = public_base_url.map_or_else(|| format!("http://{addr}"), str::to_owned);
        let (events_tx, events) = mpsc::unbounded_channel();
        let (params_tx, params) = mpsc::unbounded_channel();
        let (bodies_tx, bodies) = mpsc::unbounded_channel();
        let app = App {
            config: WebhookConfig::new(validator, base).expect("a valid base URL"),
            events: events_tx,
            params: params_tx,
            bodies: bodies_tx,
        };
        let router = Router::new()
            .route("/conversations", post(conversations).get(conversations))
            .route("/sms", post(any_form))
            .route("/json", post(json))
            .layer(DefaultBodyLimit::max(16 * 1024))
            .with_state(app);
        tokio::spawn(async move {
            axum::serve(listener, router).await.expect("serve");
        });
        Server {
            addr,
            events,
            params,
            bodies,
        }
    }

    fn url(&self, path_and_query: &str) -> String {
        format!("http://{}{path_and_query}", self.addr)
    }

    /// Nothing reached a handler (checked after the response came back, which the
    /// handler would have sent after reporting).
    fn assert_no_handler_ran(&mut self) {
        assert!(self.events.try_recv().is_err(), "a handler saw an event");
        assert!(self.params.try_recv().is_err(), "a handler saw parameters");
        assert!(self.bodies.try_recv().is_err(), "a handler saw a body");
    }
}

fn message_added() -> Vec<(&'static str, &'static str)> {
    vec![
        ("EventType", "onMessageAdded"),
        ("AccountSid", ACCOUNT_SID),
        ("ChatServiceSid", SERVICE_SID),
        ("ConversationSid", CONVERSATION_SID),
        ("MessageSid", MESSAGE_SID),
        ("ParticipantSid", PARTICIPANT_SID),
        ("Index", "7"),
        ("Author", "alice"),
        ("Body", "hello & welcome"),
        ("Attributes", "{\"importance\":\"high\"}"),
        ("DateCreated", "2026-11-28T10:00:00.000Z"),
        ("Source", "SDK"),
        ("RetryCount", "0"),
        ("WebhookType", "webhook"),
        ("WebhookSid", "WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ]
}

/// Request headers, by name.
type Headers<'a> = Vec<(&'a str, &'a str)>;

fn form(params: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

async fn post_form(
    url: &str,
    body: String,
    headers: &[(&str, &str)],
) -> (reqwest::StatusCode, String, Option<String>) {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().expect("text").to_owned());
    let text = response.text().await.expect("a body");
    (status, text, content_type)
}

#[tokio::test]
async fn a_signed_event_reaches_the_handler_typed() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/conversations");
    let params = message_added();
    let signature = validator.sign(&url, &params);

    let (status, body, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;

    assert_eq!(status, 200, "{body}");
    let event = server.events.try_recv().expect("the handler saw the event");
    assert_eq!(event.event_type(), "onMessageAdded");
    assert!(!event.is_pre_action());
    let Event::MessageAdded(message) = event else {
        panic!("not a MessageAdded: {event:?}");
    };
    assert_eq!(message.message_sid.as_str(), MESSAGE_SID);
    assert_eq!(message.conversation_sid.as_str(), CONVERSATION_SID);
    assert_eq!(message.body.as_deref(), Some("hello & welcome"));
    assert_eq!(message.index, 7);
}

#[tokio::test]
async fn a_get_webhook_is_read_from_its_signed_query() {
    // A webhook whose method is GET in Twilio: the parameters are the URL's query, and
    // the signature is the whole URL's.
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let query = form(&message_added());
    let url = server.url(&format!("/conversations?{query}"));
    let no_params: &[(&str, &str)] = &[];
    let signature = validator.sign(&url, no_params);
    let get = |url: String, signature: String| async move {
        let response = reqwest::Client::new()
            .get(url)
            .header(SIGNATURE_HEADER, signature)
            .send()
            .await
            .expect("the server answers");
        (response.status(), response.text().await.expect("a body"))
    };

    let (status, body) = get(url.clone(), signature.clone()).await;
    assert_eq!(status, 200, "{body}");
    let Event::MessageAdded(message) = server.events.try_recv().expect("an event") else {
        panic!("not a MessageAdded");
    };
    assert_eq!(message.body.as_deref(), Some("hello & welcome"));

    // The query changed after signing.
    let tampered = url.replace("Index=7", "Index=8");
    assert_ne!(tampered, url);
    let (status, _) = get(tampered, signature.clone()).await;
    assert_eq!(status, 403);
    // A signature of the parameters as a POST body does not sign the query.
    let as_body = validator.sign(&server.url("/conversations"), &message_added());
    let (status, _) = get(url, as_body).await;
    assert_eq!(status, 403);
    server.assert_no_handler_ran();
}

#[tokio::test]
async fn tampered_unsigned_and_wrongly_signed_requests_get_403() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/conversations");
    let params = message_added();
    let signature = validator.sign(&url, &params);

    // A parameter changed after signing.
    let mut tampered = params.clone();
    tampered[8] = ("Body", "hello & welcome!");
    // A parameter added after signing.
    let mut added = params.clone();
    added.push(("Extra", "1"));
    let other_key = RequestValidator::new("another-token").sign(&url, &params);
    let other_url = validator.sign(&server.url("/elsewhere"), &params);
    let sha256 = RequestValidator::new(AUTH_TOKEN)
        .with_algorithm(SignatureAlgorithm::HmacSha256)
        .sign(&url, &params);
    let cases: Vec<(&str, String, Headers<'_>)> = vec![
        (
            "tampered body",
            form(&tampered),
            vec![(SIGNATURE_HEADER, &signature)],
        ),
        (
            "added parameter",
            form(&added),
            vec![(SIGNATURE_HEADER, &signature)],
        ),
        ("no signature", form(&params), vec![]),
        (
            "empty signature",
            form(&params),
            vec![(SIGNATURE_HEADER, "")],
        ),
        (
            "garbage signature",
            form(&params),
            vec![(SIGNATURE_HEADER, "not base64!")],
        ),
        (
            "another key",
            form(&params),
            vec![(SIGNATURE_HEADER, &other_key)],
        ),
        (
            "another URL",
            form(&params),
            vec![(SIGNATURE_HEADER, &other_url)],
        ),
        (
            "HMAC-SHA256 said to be SHA1",
            form(&params),
            vec![(SIGNATURE_HEADER, &sha256)],
        ),
        (
            "a SHA1 signature said to be HMAC-SHA256",
            form(&params),
            vec![
                (SIGNATURE_HEADER, &signature),
                (SIGNATURE_SETTINGS_HEADER, "algorithm=HMAC_SHA256"),
            ],
        ),
        (
            "an algorithm nobody knows",
            form(&params),
            vec![
                (SIGNATURE_HEADER, &signature),
                (SIGNATURE_SETTINGS_HEADER, "algorithm=HMAC_MD5"),
            ],
        ),
    ];
    for (case, body, headers) in cases {
        let (status, text, _) = post_form(&url, body, &headers).await;
        assert_eq!(status, 403, "{case}: {text}");
        assert!(
            !text.contains(AUTH_TOKEN),
            "{case}: the answer shows the token"
        );
        server.assert_no_handler_ran();
    }
}

#[tokio::test]
async fn the_public_base_url_is_the_url_checked() {
    // Twilio calls https://hooks.example.com/twilio/conversations; a proxy strips
    // `/twilio` and forwards to the loopback server.
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server =
        Server::start(validator.clone(), Some("https://hooks.example.com/twilio/")).await;
    let params = message_added();
    let public = "https://hooks.example.com/twilio/conversations?tenant=7&x=a%20b";
    let signature = validator.sign(public, &params);

    let (status, body, _) = post_form(
        &server.url("/conversations?tenant=7&x=a%20b"),
        form(&params),
        &[(SIGNATURE_HEADER, &signature)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        server.events.try_recv().expect("an event").event_type(),
        "onMessageAdded"
    );

    // Signed with the port Twilio may add (https: 443): the validator tries both.
    let with_port = validator.sign(
        "https://hooks.example.com:443/twilio/conversations?tenant=7&x=a%20b",
        &params,
    );
    let (status, body, _) = post_form(
        &server.url("/conversations?tenant=7&x=a%20b"),
        form(&params),
        &[(SIGNATURE_HEADER, &with_port)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(server.events.try_recv().is_ok());

    // The URL the server sees is not the one Twilio signed.
    let loopback = validator.sign(&server.url("/conversations?tenant=7&x=a%20b"), &params);
    let (status, _, _) = post_form(
        &server.url("/conversations?tenant=7&x=a%20b"),
        form(&params),
        &[(SIGNATURE_HEADER, &loopback)],
    )
    .await;
    assert_eq!(status, 403);
    // Nor is a request to another query.
    let (status, _, _) = post_form(
        &server.url("/conversations?tenant=8&x=a%20b"),
        form(&params),
        &[(SIGNATURE_HEADER, &signature)],
    )
    .await;
    assert_eq!(status, 403);
    server.assert_no_handler_ran();
}

#[tokio::test]
async fn shared_key_signatures_are_hmac_sha256() {
    let validator =
        RequestValidator::new("shared-key-secret").with_algorithm(SignatureAlgorithm::HmacSha256);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/conversations");
    let params = message_added();
    let signature = validator.sign(&url, &params);

    let (status, body, _) = post_form(
        &url,
        form(&params),
        &[
            (SIGNATURE_HEADER, &signature),
            (SIGNATURE_SETTINGS_HEADER, "algorithm=HMAC_SHA256"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(server.events.try_recv().is_ok());

    // Without the settings header, Twilio signed with HMAC-SHA1 and the Auth Token: a
    // validator for SharedKey signatures cannot check that.
    let (status, _, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;
    assert_eq!(status, 403);
    server.assert_no_handler_ran();
}

#[tokio::test]
async fn pre_action_answers_are_http_responses() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/conversations");
    let mut params = vec![
        ("EventType", "onMessageAdd"),
        ("AccountSid", ACCOUNT_SID),
        ("ChatServiceSid", SERVICE_SID),
        ("ConversationSid", CONVERSATION_SID),
        ("Author", "alice"),
        ("Body", "hello"),
        ("Attributes", "{}"),
        ("Source", "SDK"),
        ("RetryCount", "0"),
        ("WebhookType", "webhook"),
        ("WebhookSid", "WHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ];

    let signature = validator.sign(&url, &params);
    let (status, body, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;
    assert_eq!(
        (status.as_u16(), body.as_str()),
        (PreActionResponse::Accept.status(), "")
    );
    assert!(server.events.try_recv().expect("an event").is_pre_action());

    params[5] = ("Body", "reject me");
    let signature = validator.sign(&url, &params);
    let (status, _, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;
    assert_eq!(status.as_u16(), PreActionResponse::Reject.status());
    assert!(!status.is_success());
    assert!(server.events.try_recv().is_ok());
}

#[tokio::test]
async fn a_signed_body_that_is_no_event_gets_400_naming_the_field() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/conversations");
    let mut params = message_added();
    params[4] = ("MessageSid", "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let signature = validator.sign(&url, &params);

    let (status, body, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;

    assert_eq!(status, 400);
    assert!(body.contains("MessageSid"), "{body}");
    assert!(body.len() < 400, "{body}");
    server.assert_no_handler_ran();
}

#[tokio::test]
async fn any_form_webhook_can_be_verified_as_parameters() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/sms?channel=sms");
    // Repeated keys, as Twilio sends for some webhooks, signed value by value.
    let params = [
        ("MessageSid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("Body", "Hi there"),
        ("From", "+15550001111"),
        ("MediaUrl", "https://example.com/b.png"),
        ("MediaUrl", "https://example.com/a.png"),
    ];
    let signature = validator.sign(&url, &params);

    let (status, body, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;

    assert_eq!((status.as_u16(), body.as_str()), (200, "<Response/>"));
    let received = server
        .params
        .try_recv()
        .expect("the handler saw the parameters");
    let expected: Vec<(String, String)> = params
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    assert_eq!(received.0, expected);
    assert_eq!(received.get("Body"), Some("Hi there"));
    assert_eq!(received.get("MediaUrl"), Some("https://example.com/b.png"));
}

#[tokio::test]
async fn a_json_body_is_checked_through_body_sha256() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let body = r#"{"property": "value", "boolean": true}"#;
    let url = server.url(&format!(
        "/json?{BODY_SHA256_PARAM}={}",
        body_sha256(body.as_bytes())
    ));
    let no_params: &[(&str, &str)] = &[];
    let signature = validator.sign(&url, no_params);
    let post = |url: String, body: &'static str, signature: String| async move {
        reqwest::Client::new()
            .post(url)
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, signature)
            .body(body)
            .send()
            .await
            .expect("the server answers")
            .status()
    };

    assert_eq!(post(url.clone(), body, signature.clone()).await, 200);
    assert_eq!(server.bodies.try_recv().expect("a body"), body.as_bytes());

    // The body changed after signing: its hash is not the URL's.
    let tampered = r#"{"property": "value", "boolean": false}"#;
    assert_eq!(post(url.clone(), tampered, signature).await, 403);
    // A URL without `bodySHA256` signs no body.
    let plain = server.url("/json");
    let signature = validator.sign(&plain, no_params);
    assert_eq!(post(plain, body, signature).await, 403);
    // Nor does a form extractor take a URL that signs a body.
    let sms = server.url(&format!("/sms?{BODY_SHA256_PARAM}={}", body_sha256(b"")));
    let signature = validator.sign(&sms, no_params);
    let (status, _, _) = post_form(&sms, String::new(), &[(SIGNATURE_HEADER, &signature)]).await;
    assert_eq!(status, 403);
    server.assert_no_handler_ran();
}

#[tokio::test]
async fn a_body_above_axums_limit_is_refused_before_it_is_checked() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    let mut server = Server::start(validator.clone(), None).await;
    let url = server.url("/sms");
    let big = "x".repeat(32 * 1024);
    let params = [("Body", big.as_str())];
    let signature = validator.sign(&url, &params);

    let (status, _, _) = post_form(&url, form(&params), &[(SIGNATURE_HEADER, &signature)]).await;

    assert_eq!(status, 413);
    server.assert_no_handler_ran();
}

#[test]
fn a_base_url_must_be_absolute_http_without_query() {
    let validator = RequestValidator::new(AUTH_TOKEN);
    for bad in [
        "",
        "hooks.example.com",
        "/conversations",
        "ftp://hooks.example.com",
        "https://hooks.example.com/?a=1",
        "https://hooks.example.com/#top",
        "https://user:pass@hooks.example.com",
    ] {
        let error = WebhookConfig::new(validator.clone(), bad).expect_err(bad);
        assert!(error.to_string().contains("base URL"), "{bad}: {error}");
    }
    let config = WebhookConfig::new(validator, "https://hooks.example.com:8443/twilio//")
        .expect("a valid base URL");
    assert_eq!(
        config.public_base_url(),
        "https://hooks.example.com:8443/twilio"
    );
    assert_eq!(
        config.signed_url("/conversations?x=1"),
        "https://hooks.example.com:8443/twilio/conversations?x=1"
    );
    let debug = format!("{config:?}");
    assert!(!debug.contains(AUTH_TOKEN), "{debug}");
    assert!(debug.contains("hooks.example.com"), "{debug}");
}
