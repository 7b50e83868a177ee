//! One `tracing` span per request, with operation, method, path template, status,
//! attempts and duration, and never a secret or a body; and a warning for each unusual
//! SID a response holds (feature `tracing`), from the blocking client too.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use twill_api::conversations::v1::{CreateConversation, FetchConversation, FetchRole};
use twill_api::{BlockingClient, Client, Credentials, RetryPolicy, sid};
use twill_tests::raw_server::{RawServer, Reply};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN};

/// A span's or event's fields, as names and values.
type FieldList = Vec<(String, String)>;

/// Spans (name and fields) and events (fields).
#[derive(Default)]
struct Capture {
    spans: Mutex<Vec<(String, FieldList)>>,
    events: Mutex<Vec<FieldList>>,
}

struct Fields<'a>(&'a mut FieldList);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = Vec::new();
        span.record(&mut Fields(&mut fields));
        let mut spans = self.spans.lock().unwrap();
        spans.push((span.metadata().name().to_owned(), fields));
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let index = usize::try_from(span.into_u64()).unwrap() - 1;
        values.record(&mut Fields(&mut spans[index].1));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        self.events.lock().unwrap().push(fields);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// The fields of each `twill.request` span among `spans`, in order.
fn request_spans(spans: &[(String, FieldList)]) -> Vec<&FieldList> {
    spans
        .iter()
        .filter(|(name, _)| name == "twill.request")
        .map(|(_, fields)| fields)
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn a_span_per_request_with_its_outcome_and_no_secret() {
    let capture = Arc::new(Capture::default());
    let _guard = tracing::subscriber::set_default(capture.clone());

    let server = RawServer::start(|request| match (request.index, request.method.as_str()) {
        (0, _) => Reply::json(503, &json!({"code": 20503, "message": "busy"})),
        (_, "GET") => Reply::json(200, &json!({"sid": "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})),
        _ => Reply::json(201, &json!({"friendly_name": "secret plans"})),
    })
    .await;
    let client = Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build()
        .unwrap();
    FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    }
    .send(&client)
    .await
    .unwrap();
    CreateConversation {
        friendly_name: Some("secret plans".into()),
        ..Default::default()
    }
    .send(&client)
    .await
    .unwrap();

    let spans = capture.spans.lock().unwrap();
    let requests = request_spans(&spans);
    assert_eq!(requests.len(), 2, "{spans:?}");
    let fetch = requests[0];
    assert_eq!(field(fetch, "operation"), Some("FetchConversation"));
    assert_eq!(field(fetch, "method"), Some("GET"));
    assert_eq!(field(fetch, "path"), Some("/v1/Conversations/{Sid}"));
    assert_eq!(field(fetch, "status"), Some("200"));
    assert_eq!(field(fetch, "attempts"), Some("2"));
    // The retry policy promises "equal jitter": the wait before the first retry is
    // between half and all of the 10 ms initial backoff. The span's duration includes
    // that wait (a sleep never ends early), so it is at least the delay announced.
    let events = capture.events.lock().unwrap();
    let retrying: Vec<&FieldList> = events
        .iter()
        .filter(|e| field(e, "message") == Some("retrying"))
        .collect();
    assert_eq!(retrying.len(), 1, "{events:?}");
    assert_eq!(field(retrying[0], "attempt"), Some("1"));
    let delay: u64 = field(retrying[0], "delay_ms").unwrap().parse().unwrap();
    assert!(
        (5..=10).contains(&delay),
        "the first backoff is between 5 and 10 ms: {delay} ms"
    );
    let duration: u64 = field(fetch, "duration_ms").unwrap().parse().unwrap();
    assert!(
        duration >= delay,
        "the backoff of {delay} ms was waited for: {duration} ms"
    );
    let create = requests[1];
    assert_eq!(field(create, "operation"), Some("CreateConversation"));
    assert_eq!(field(create, "status"), Some("201"));
    assert_eq!(field(create, "attempts"), Some("1"));

    let everything = format!("{spans:?} {events:?}");
    for secret in [AUTH_TOKEN, "Basic ", "secret plans", "ACaaaa"] {
        assert!(!everything.contains(secret), "{secret:?} in {everything}");
    }
}

#[tokio::test]
async fn an_unusual_sid_in_a_response_is_kept_and_reported() {
    let capture = Arc::new(Capture::default());
    let _guard = tracing::subscriber::set_default(capture.clone());

    let server = RawServer::start(|_| {
        Reply::json(
            200,
            &json!({
                "sid": "RL42",
                "chat_service_sid": "IS0123456789abcdef0123456789abcdef",
                "account_sid": ["not", "a", "SID"],
            }),
        )
    })
    .await;
    let client = Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .build()
        .unwrap();
    let role = FetchRole::new(sid!("RL0123456789abcdef0123456789abcdef"))
        .send(&client)
        .await
        .unwrap();
    // Kept as sent (it can go back to Twilio), or `None` when it is no text at all.
    assert_eq!(role.sid.as_deref(), Some("RL42"));
    assert_eq!(
        role.chat_service_sid.as_deref(),
        Some("IS0123456789abcdef0123456789abcdef")
    );
    assert_eq!(role.account_sid, None);

    let events = capture.events.lock().unwrap();
    let unusual: Vec<&FieldList> = events
        .iter()
        .filter(|e| field(e, "message") == Some("a SID property holds no SID of its kind"))
        .collect();
    assert_eq!(unusual.len(), 2, "{events:?}");
    let reported = |prefix: &str| {
        let event = unusual
            .iter()
            .find(|e| field(e, "expected") == Some(prefix))
            .unwrap_or_else(|| panic!("no warning for `{prefix}`: {events:?}"));
        (field(event, "value"), field(event, "kept"))
    };
    assert_eq!(reported("RL"), (Some("RL42"), Some("true")));
    assert_eq!(reported("AC"), (Some("a list"), Some("false")));
}

#[test]
fn the_blocking_client_reports_to_the_callers_subscriber() {
    // The request runs on the blocking client's own thread; its span must still reach
    // the subscriber of the thread that called.
    let capture = Arc::new(Capture::default());
    let _guard = tracing::subscriber::set_default(capture.clone());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(RawServer::start(|_| {
        Reply::json(200, &json!({"sid": "RL42"}))
    }));
    let client: BlockingClient = Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .build_blocking()
        .unwrap();
    let role = client
        .send(&FetchRole::new(sid!("RL0123456789abcdef0123456789abcdef")))
        .unwrap();
    assert_eq!(role.sid.as_deref(), Some("RL42"));
    drop(client);

    let spans = capture.spans.lock().unwrap();
    let requests = request_spans(&spans);
    assert_eq!(requests.len(), 1, "{spans:?}");
    assert_eq!(field(requests[0], "operation"), Some("FetchRole"));
    assert_eq!(field(requests[0], "status"), Some("200"));
    assert_eq!(field(requests[0], "attempts"), Some("1"));
    assert!(field(requests[0], "duration_ms").is_some(), "{spans:?}");
    // Decoding happens on the caller's thread: the unusual SID's warning is there too.
    let events = capture.events.lock().unwrap();
    assert!(
        events
            .iter()
            .any(|e| field(e, "message") == Some("a SID property holds no SID of its kind")),
        "{events:?}"
    );
}
