//! Validation and encoding: twill's generated code against hand-written functions that
//! produce the same bytes with no framework, for a request of typed SIDs and for the same
//! request made from SIDs given as text; and the run-time SID check (`parse`) against a
//! regex and a byte loop (a `sid!` literal has none: it is made at compile time); and
//! `validate` with a `#[param(pattern)]` against the same request without it. Ratios
//! are printed at the end: `cargo bench -p twill-tests --bench encode`.

mod baseline;
mod report;

use std::hint::black_box;

use criterion::{Criterion, criterion_group};
use percent_encoding::utf8_percent_encode;
use regex::Regex;
use twill_api::conversations::v1::UpdateServiceConfiguration;
use twill_api::declare::{Form, endpoint, wire_enum};
use twill_api::prefix::{IS, RL};
use twill_api::{Endpoint, Sid, Timestamp, sid};

use crate::baseline::{Pairs, SEGMENT, hand_update, hand_update_from_text, is_sid};
use crate::report::Side;

const SERVICE: Sid<IS> = sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const ROLE: Sid<RL> = sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const SERVICE_TEXT: &str = "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const ROLE_TEXT: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// Validates and encodes through the `Endpoint` impl, as `Client::send` does.
fn twill<E: Endpoint>(endpoint: &E) -> (String, String) {
    endpoint.validate().expect("valid");
    let mut path = String::new();
    endpoint.write_path(&mut path, twill_tests::ACCOUNT_SID);
    let mut form = Form::new();
    endpoint.write_params(&mut form);
    (path, form.into_string())
}

// -- UpdateServiceConfiguration -------------------------------------------------------

fn update() -> UpdateServiceConfiguration {
    UpdateServiceConfiguration {
        default_conversation_creator_role_sid: Some(ROLE),
        default_conversation_role_sid: Some(ROLE),
        default_chat_service_role_sid: Some(ROLE),
        reachability_enabled: Some(false),
        ..UpdateServiceConfiguration::new(SERVICE)
    }
}

/// The same update from SIDs given as text: each parsed (checked once), then validated
/// and encoded.
fn update_from_text(service: &str, role: &str) -> (String, String) {
    let role: Sid<RL> = role.parse().expect("a role SID");
    twill(&UpdateServiceConfiguration {
        default_conversation_creator_role_sid: Some(role),
        default_conversation_role_sid: Some(role),
        default_chat_service_role_sid: Some(role),
        reachability_enabled: Some(false),
        ..UpdateServiceConfiguration::new(service.parse().expect("a service SID"))
    })
}

// -- 20 fields ------------------------------------------------------------------------

wire_enum! {
    /// A sample enum.
    pub enum Color {
        Red = "red",
        Green = "green",
    }
}

/// A request of 20 fields of every kind.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Things", host = "conversations.twilio.com", response = ())]
struct TwentyFields {
    #[sid(prefix = "IS")]
    chat_service_sid: String,
    friendly_name: Option<String>,
    unique_name: Option<String>,
    attributes: Option<String>,
    author: Option<String>,
    #[sid(prefix = "RL")]
    role_sid: Option<String>,
    #[sid(prefix = "RL")]
    other_role_sid: Option<String>,
    #[sid(prefix = "RL")]
    third_role_sid: Option<String>,
    enabled: Option<bool>,
    muted: Option<bool>,
    visible: Option<bool>,
    #[param(min = 1, max = 100)]
    page_size: Option<u32>,
    index: Option<i64>,
    count: Option<u32>,
    date_created: Option<Timestamp>,
    date_updated: Option<Timestamp>,
    color: Option<Color>,
    shade: Option<Color>,
    #[param(rename = "Timers.Inactive")]
    timers_inactive: Option<String>,
    #[param(rename = "Timers.Closed")]
    timers_closed: Option<String>,
}

fn twenty() -> TwentyFields {
    let at: Timestamp = "2020-01-02T03:04:05Z".parse().unwrap();
    TwentyFields {
        chat_service_sid: SERVICE_TEXT.into(),
        friendly_name: Some("Home Repair Visit".into()),
        unique_name: Some("repair-42".into()),
        attributes: Some(r#"{"topic": "feedback"}"#.into()),
        author: Some("alice@example.com".into()),
        role_sid: Some(ROLE_TEXT.into()),
        other_role_sid: Some(ROLE_TEXT.into()),
        third_role_sid: Some(ROLE_TEXT.into()),
        enabled: Some(true),
        muted: Some(false),
        visible: Some(true),
        page_size: Some(50),
        index: Some(-3),
        count: Some(12345),
        date_created: Some(at),
        date_updated: Some(at),
        color: Some(Color::Red),
        shade: Some(Color::Green),
        timers_inactive: Some("PT1M".into()),
        timers_closed: Some("PT10M".into()),
    }
}

fn hand_twenty(r: &TwentyFields) -> (String, String) {
    assert!(is_sid(&r.chat_service_sid, "IS"));
    for role in [&r.role_sid, &r.other_role_sid, &r.third_role_sid]
        .into_iter()
        .flatten()
    {
        assert!(is_sid(role, "RL"));
    }
    if let Some(size) = r.page_size {
        assert!((1..=100).contains(&size));
    }
    let mut path = String::new();
    path.push_str("/v1/Services/");
    path.extend(utf8_percent_encode(&r.chat_service_sid, SEGMENT));
    path.push_str("/Things");
    let mut body = Pairs(String::new());
    let text = [
        ("FriendlyName", &r.friendly_name),
        ("UniqueName", &r.unique_name),
        ("Attributes", &r.attributes),
        ("Author", &r.author),
        ("RoleSid", &r.role_sid),
        ("OtherRoleSid", &r.other_role_sid),
        ("ThirdRoleSid", &r.third_role_sid),
    ];
    for (name, value) in text {
        if let Some(value) = value {
            body.add(name, value);
        }
    }
    for (name, value) in [
        ("Enabled", r.enabled),
        ("Muted", r.muted),
        ("Visible", r.visible),
    ] {
        if let Some(value) = value {
            body.add(name, if value { "true" } else { "false" });
        }
    }
    if let Some(value) = r.page_size {
        body.add("PageSize", &value.to_string());
    }
    if let Some(value) = r.index {
        body.add("Index", &value.to_string());
    }
    if let Some(value) = r.count {
        body.add("Count", &value.to_string());
    }
    for (name, value) in [
        ("DateCreated", r.date_created),
        ("DateUpdated", r.date_updated),
    ] {
        if let Some(value) = value {
            body.add(name, &value.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
        }
    }
    for (name, value) in [("Color", &r.color), ("Shade", &r.shade)] {
        if let Some(value) = value {
            body.add(name, value.as_str());
        }
    }
    for (name, value) in [
        ("Timers.Inactive", &r.timers_inactive),
        ("Timers.Closed", &r.timers_closed),
    ] {
        if let Some(value) = value {
            body.add(name, value);
        }
    }
    (path, body.0)
}

// -- a 10-element array ---------------------------------------------------------------

/// A request with a list parameter.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Roles", host = "conversations.twilio.com", response = ())]
struct TenPermissions {
    #[sid(prefix = "IS")]
    chat_service_sid: String,
    friendly_name: String,
    permission: Vec<String>,
}

fn ten() -> TenPermissions {
    TenPermissions {
        chat_service_sid: SERVICE_TEXT.into(),
        friendly_name: "moderator".into(),
        permission: [
            "sendMessage",
            "leaveConversation",
            "editOwnMessage",
            "deleteOwnMessage",
            "addParticipant",
            "removeParticipant",
            "editAnyMessage",
            "deleteAnyMessage",
            "editConversationName",
            "editConversationAttributes",
        ]
        .map(str::to_owned)
        .into(),
    }
}

fn hand_ten(r: &TenPermissions) -> (String, String) {
    assert!(is_sid(&r.chat_service_sid, "IS"));
    assert!(!r.permission.is_empty());
    let mut path = String::new();
    path.push_str("/v1/Services/");
    path.extend(utf8_percent_encode(&r.chat_service_sid, SEGMENT));
    path.push_str("/Roles");
    let mut body = Pairs(String::new());
    body.add("FriendlyName", &r.friendly_name);
    for permission in &r.permission {
        body.add("Permission", permission);
    }
    (path, body.0)
}

// -- a pattern -----------------------------------------------------------------------

/// An assistant's id, checked against the API description's pattern.
#[endpoint(GET, "/v1/Assistants/<Id>", host = "assistants.twilio.com", response = ())]
struct FetchAssistantChecked {
    #[param(pattern = "^aia_asst_.+$")]
    id: String,
}

/// The same request without the pattern.
#[endpoint(GET, "/v1/Assistants/<Id>", host = "assistants.twilio.com", response = ())]
struct FetchAssistantPlain {
    id: String,
}

const ASSISTANT_ID: &str = "aia_asst_0123456789abcdef";

// -- benchmarks -----------------------------------------------------------------------

/// Measured samples per benchmark (criterion's default).
const SAMPLES: usize = 100;

/// Benchmarks `twill` and `hand` as a pair (see `report`), under `group/name/...`.
fn pair<R1, R2>(
    c: &mut Criterion,
    name: &str,
    mut twill: impl FnMut() -> R1,
    mut hand: impl FnMut() -> R2,
    baseline: &str,
) {
    let mut group = c.benchmark_group(name);
    group.sample_size(SAMPLES);
    group.bench_function("twill", |b| {
        report::compare(b, name, Side::Candidate, &mut twill, &mut hand)
    });
    group.bench_function(baseline, |b| {
        report::compare(b, name, Side::Baseline, &mut twill, &mut hand)
    });
    group.finish();
}

fn encode(c: &mut Criterion) {
    let (update, twenty, ten) = (update(), twenty(), ten());
    // Same bytes, or the comparison means nothing.
    assert_eq!(twill(&update), hand_update(&update));
    assert_eq!(
        update_from_text(SERVICE_TEXT, ROLE_TEXT),
        hand_update_from_text(SERVICE_TEXT, ROLE_TEXT)
    );
    assert_eq!(twill(&twenty), hand_twenty(&twenty));
    assert_eq!(twill(&ten), hand_ten(&ten));
    pair(
        c,
        "encode/update_config",
        || twill(black_box(&update)),
        || hand_update(black_box(&update)),
        "hand",
    );
    pair(
        c,
        "encode/update_config_from_text",
        || update_from_text(black_box(SERVICE_TEXT), black_box(ROLE_TEXT)),
        || hand_update_from_text(black_box(SERVICE_TEXT), black_box(ROLE_TEXT)),
        "hand",
    );
    pair(
        c,
        "encode/twenty_fields",
        || twill(black_box(&twenty)),
        || hand_twenty(black_box(&twenty)),
        "hand",
    );
    pair(
        c,
        "encode/array_10",
        || twill(black_box(&ten)),
        || hand_ten(black_box(&ten)),
        "hand",
    );
}

fn sid_check(c: &mut Criterion) {
    let regex = Regex::new("^RL[0-9a-fA-F]{32}$").unwrap();
    let values = [ROLE_TEXT, "RL0123456789abcdefABCDEF0123456789"];
    for value in values {
        assert!(value.parse::<Sid<RL>>().is_ok() && regex.is_match(value) && is_sid(value, "RL"));
        assert!(twill_api::declare::sid::is_valid(value, "RL"));
    }
    // What a SID given as text costs at run time: `parse`, checked and copied. A `sid!`
    // literal costs nothing: it is made in a `const`.
    let twill = || black_box(ROLE_TEXT).parse::<Sid<RL>>().is_ok();
    pair(
        c,
        "sid/regex",
        twill,
        || regex.is_match(black_box(ROLE_TEXT)),
        "regex",
    );
    pair(
        c,
        "sid/byte_loop",
        twill,
        || is_sid(black_box(ROLE_TEXT), "RL"),
        "byte_loop",
    );
}

/// What `#[param(pattern)]` adds to `validate`: the regex, compiled on the first call.
fn pattern_check(c: &mut Criterion) {
    let checked = FetchAssistantChecked {
        id: ASSISTANT_ID.into(),
    };
    let plain = FetchAssistantPlain {
        id: ASSISTANT_ID.into(),
    };
    let mismatch = FetchAssistantChecked { id: "asst".into() };
    assert!(checked.validate().is_ok() && mismatch.validate().is_err());
    pair(
        c,
        "pattern/validate",
        || black_box(&checked).validate().is_ok(),
        || black_box(&plain).validate().is_ok(),
        "plain",
    );
}

criterion_group!(benches, encode, sid_check, pattern_check);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report::machine();
    report::time_ratio(
        "encode/update_config",
        SAMPLES,
        "validate+encode UpdateServiceConfiguration, twill / hand-written",
        Some(1.1),
    );
    report::time_ratio(
        "encode/update_config_from_text",
        SAMPLES,
        "parse 2 SIDs + validate+encode UpdateServiceConfiguration, twill / hand-written",
        Some(1.1),
    );
    report::time_ratio(
        "encode/twenty_fields",
        SAMPLES,
        "validate+encode 20 fields, twill / hand-written",
        Some(1.1),
    );
    report::time_ratio(
        "encode/array_10",
        SAMPLES,
        "validate+encode a 10-element array, twill / hand-written",
        Some(1.1),
    );
    report::time_ratio(
        "sid/regex",
        SAMPLES,
        "SID parse (Sid<RL>), twill / regex",
        None,
    );
    report::time_ratio(
        "sid/byte_loop",
        SAMPLES,
        "SID parse (Sid<RL>), twill / byte loop",
        None,
    );
    report::time_ratio(
        "pattern/validate",
        SAMPLES,
        "validate a path parameter with #[param(pattern)] / without",
        None,
    );
}
