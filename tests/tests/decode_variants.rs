//! Responses as Twilio really sends them decode, not only as the spec's examples show
//! them: no response fails because a property is missing or `null`, or because a scalar
//! arrives as the string form of its type.
//!
//! - `<OperationId>::variants`, for every operation with a response example: variants
//!   derived from each example, each decoded into the response type and re-encoded, and
//!   compared with what it must give: every property absent, then `null` (it comes back
//!   `null`); every integer and boolean property as its string form (the same typed
//!   value); a `null` entry in a `links` map (that entry gone, the others kept); for list
//!   responses the same on each item, plus a `meta` without `page`, `page_size` or its
//!   URLs (items and `next_page_url` intact), a missing or `null` `meta` (every field
//!   `null`) and a missing or `null` item list (empty). Values that are neither their
//!   type nor its string form (`"five"` for an integer, `5` for a date) must still fail.
//! - `fixture::*`: recorded-style bodies of `fixtures/responses/` through the client,
//!   against a loopback server, with their typed values asserted;
//! - `rejects::*`: a value of the wrong type is still an `Error::Decode` from the client.
//!
//! Prints one line per case, then how many variants were checked, by kind.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use futures_util::TryStreamExt;
use serde_json::{Map, Value, json};
use tokio::runtime::Runtime;
use twill_api::conversations::v1::{
    ConversationMessageReceiptDeliveryStatus, ConversationState, FetchConversation,
    FetchConversationMessage, FetchConversationMessageReceipt, FetchUser, FetchUserConversation,
    ListConversation, UserConversationNotificationLevel,
};
use twill_api::{Error, sid};
use twill_tests::operations::{self, Operation};
use twill_tests::raw_server::{RawServer, Reply};
use twill_tests::spec::{self, resolve, response_examples};
use twill_tests::{client, harness};

/// The kinds of variant, in the order the summary lists them.
const KINDS: [&str; 7] = ["absent", "null", "string", "links", "meta", "page", "wrong"];

type Counts = Rc<RefCell<BTreeMap<&'static str, usize>>>;

fn main() {
    let spec = spec::spec();
    let by_id = spec::operations_by_id(&spec);
    let counts: Counts = Rc::default();

    let mut cases: Vec<harness::Case> = Vec::new();
    let mut operations_with_examples = 0;
    for op in operations::all() {
        let operation = by_id
            .get(op.id)
            .unwrap_or_else(|| panic!("{} is not in the spec", op.id));
        let bodies = success_bodies(&spec, operation);
        if bodies.is_empty() {
            // No body, no example: nothing to vary. A body without an example would
            // escape this test: refuse it.
            if has_body(operation) {
                cases.push((
                    format!("{}::variants", op.id),
                    Box::new(|| Err("a response body, but no example of it".to_owned())),
                ));
            }
            continue;
        }
        operations_with_examples += 1;
        let counts = counts.clone();
        cases.push((
            format!("{}::variants", op.id),
            Box::new(move || variants_case(&op, &bodies, &counts)),
        ));
    }

    let runtime = Arc::new(Runtime::new().expect("a tokio runtime"));
    let async_cases: [(&str, AsyncCase); 8] = [
        ("fixture::message_index_null", || {
            Box::pin(message_index_null())
        }),
        ("fixture::receipt_error_code_null", || {
            Box::pin(receipt_error_code_null())
        }),
        ("fixture::page_meta_key_and_next_page_url_only", || {
            Box::pin(page_meta_key_and_next_page_url_only())
        }),
        ("fixture::user_string_booleans_and_null_link", || {
            Box::pin(user_string_booleans_and_null_link())
        }),
        ("fixture::user_conversation_string_integers", || {
            Box::pin(user_conversation_string_integers())
        }),
        ("rejects::date_created_number", || {
            Box::pin(rejects_date_created_number())
        }),
        ("rejects::index_not_a_number", || {
            Box::pin(rejects_index_not_a_number())
        }),
        ("rejects::an_item_of_a_page_by_its_path", || {
            Box::pin(rejects_an_item_of_a_page_by_its_path())
        }),
    ];
    for (name, case) in async_cases {
        let runtime = runtime.clone();
        cases.push((name.to_owned(), Box::new(move || runtime.block_on(case()))));
    }

    let failed = harness::run(cases);
    let counts = counts.borrow();
    let total: usize = counts.values().sum();
    let by_kind: Vec<String> = KINDS
        .iter()
        .map(|kind| format!("{kind} {}", counts.get(kind).copied().unwrap_or(0)))
        .collect();
    println!(
        "decode variants: {total} checked over {operations_with_examples} operations ({})",
        by_kind.join(", ")
    );
    std::process::exit(i32::from(failed > 0));
}

// -- variants of the spec's examples ---------------------------------------------------

/// How a response property decodes, from its schema.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Integer,
    Number,
    Boolean,
    /// A `uri-map` object: `links`.
    Links,
    DateTime,
    /// Strings, enums, arrays and untyped values: only absence and `null` apply.
    Other,
}

/// A resource's properties, in the spec's order.
type Properties = Vec<(String, Kind)>;

/// What a response body holds.
#[derive(Debug, Clone)]
enum Body {
    Resource(Properties),
    /// A list response: items under `key`, beside a `meta`.
    Page {
        key: String,
        item: Properties,
    },
}

/// Every example of every success status of an operation, with the body it shows.
fn success_bodies(spec: &Value, operation: &Value) -> Vec<(String, Body, Value)> {
    let mut out = Vec::new();
    for (status, response) in operation["responses"].as_object().expect("responses") {
        let schema = &spec::json_content(response)["schema"];
        if !status.starts_with('2') || schema.is_null() {
            continue;
        }
        let body = body_of(spec, schema);
        let named = spec::json_content(response)["examples"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(name, _)| name.clone());
        for (name, example) in named.zip(response_examples(operation, status)) {
            out.push((format!("{status} {name}"), body.clone(), example));
        }
    }
    out
}

fn has_body(operation: &Value) -> bool {
    operation["responses"]
        .as_object()
        .expect("responses")
        .iter()
        .any(|(status, response)| {
            status.starts_with('2') && !spec::json_content(response)["schema"].is_null()
        })
}

fn body_of(spec: &Value, schema: &Value) -> Body {
    let inline = schema["$ref"].is_null();
    let schema = resolve(spec, schema);
    let properties = schema["properties"].as_object().expect("object schemas");
    if inline {
        let (key, list) = properties
            .iter()
            .find(|(name, _)| *name != "meta")
            .expect("a list beside meta");
        Body::Page {
            key: key.clone(),
            item: properties_of(&resolve(spec, &list["items"])),
        }
    } else {
        Body::Resource(properties_of(&schema))
    }
}

fn properties_of(schema: &Value) -> Properties {
    schema["properties"]
        .as_object()
        .expect("object schemas")
        .iter()
        .map(|(name, property)| {
            let kind = match (property["type"].as_str(), property["format"].as_str()) {
                (Some("integer"), _) => Kind::Integer,
                (Some("number"), _) => Kind::Number,
                (Some("boolean"), _) => Kind::Boolean,
                (Some("object"), Some("uri-map")) => Kind::Links,
                (Some("string"), Some("date-time")) => Kind::DateTime,
                _ => Kind::Other,
            };
            (name.clone(), kind)
        })
        .collect()
}

/// One variant: a body, and what it must decode to, or `None` if it must fail.
struct Variant {
    kind: &'static str,
    what: String,
    body: Value,
    expected: Option<Value>,
}

fn variants_case(
    op: &Operation,
    bodies: &[(String, Body, Value)],
    counts: &Counts,
) -> Result<(), String> {
    let mut failures = Vec::new();
    for (name, body, example) in bodies {
        let baseline = (op.decode)(example.clone())
            .map_err(|e| format!("example {name} does not decode: {e}"))?;
        let mut variants = Vec::new();
        match body {
            Body::Resource(properties) => {
                property_variants(example, &baseline, "", properties, &mut variants)?;
            }
            Body::Page { key, item } => {
                let items = example[key.as_str()].as_array().map_or(0, Vec::len);
                for i in 0..items {
                    let at = format!("/{key}/{i}");
                    property_variants(example, &baseline, &at, item, &mut variants)?;
                }
                page_variants(example, &baseline, key, &mut variants)?;
            }
        }
        for variant in variants {
            if let Err(message) = check(op, &variant) {
                failures.push(format!("example {name}, {}: {message}", variant.what));
            }
            *counts.borrow_mut().entry(variant.kind).or_default() += 1;
        }
    }
    if failures.is_empty() {
        return Ok(());
    }
    let shown = failures.len().min(10);
    Err(format!(
        "{} variants failed; the first {shown}:\n{}",
        failures.len(),
        failures[..shown].join("\n")
    ))
}

fn check(op: &Operation, variant: &Variant) -> Result<(), String> {
    match ((op.decode)(variant.body.clone()), &variant.expected) {
        (Ok(got), Some(expected)) => match difference(expected, &got, "") {
            None => Ok(()),
            Some(difference) => Err(difference),
        },
        (Err(err), Some(_)) => Err(format!("does not decode: {err}")),
        (Ok(got), None) => Err(format!(
            "decodes (to {}), but must fail",
            snippet(&got.to_string())
        )),
        (Err(_), None) => Ok(()),
    }
}

/// The first place where `got` differs from `expected`, if any.
fn difference(expected: &Value, got: &Value, at: &str) -> Option<String> {
    match (expected, got) {
        (Value::Object(expected), Value::Object(got)) => {
            let keys: std::collections::BTreeSet<&String> =
                expected.keys().chain(got.keys()).collect();
            keys.into_iter().find_map(|key| {
                let (e, g) = (expected.get(key), got.get(key));
                match (e, g) {
                    (Some(e), Some(g)) => difference(e, g, &format!("{at}/{key}")),
                    _ => Some(format!("{at}/{key}: expected {e:?}, got {g:?}")),
                }
            })
        }
        (Value::Array(expected), Value::Array(got)) if expected.len() == got.len() => expected
            .iter()
            .zip(got)
            .enumerate()
            .find_map(|(i, (e, g))| difference(e, g, &format!("{at}/{i}"))),
        _ if expected == got => None,
        _ => Some(format!(
            "{}: expected {}, got {}",
            if at.is_empty() { "/" } else { at },
            snippet(&expected.to_string()),
            snippet(&got.to_string())
        )),
    }
}

fn snippet(text: &str) -> String {
    match text.char_indices().nth(200) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// `value` with the object at JSON pointer `at` changed by `change`.
fn edit(value: &Value, at: &str, change: impl FnOnce(&mut Map<String, Value>)) -> Value {
    let mut value = value.clone();
    let object = value
        .pointer_mut(at)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {at:?}"));
    change(object);
    value
}

/// The typed value of a scalar property when the example has none.
fn sample(kind: Kind) -> Value {
    match kind {
        Kind::Integer => json!(7),
        Kind::Number => json!(0.5),
        Kind::Boolean => json!(true),
        _ => unreachable!("only scalars have samples"),
    }
}

/// A string that is not the string form of a value of `kind`.
fn not_a(kind: Kind) -> Value {
    match kind {
        Kind::Integer => json!("five"),
        Kind::Number => json!("lots"),
        Kind::Boolean => json!("maybe"),
        _ => unreachable!("only scalars"),
    }
}

/// Variants of the object at `at` (the response, or one item of a list), each with
/// what the decoded, re-encoded body must be: `baseline`, the example's, changed.
fn property_variants(
    example: &Value,
    baseline: &Value,
    at: &str,
    properties: &Properties,
    out: &mut Vec<Variant>,
) -> Result<(), String> {
    let object = example
        .pointer(at)
        .and_then(Value::as_object)
        .ok_or_else(|| format!("no object at {at:?} in the example"))?;
    let null = |name: &str| {
        let name = name.to_owned();
        move |o: &mut Map<String, Value>| {
            o.insert(name, Value::Null);
        }
    };
    for (name, kind) in properties {
        let path = format!("{at}/{name}");
        if object.contains_key(name) {
            out.push(Variant {
                kind: "absent",
                what: format!("{path} absent"),
                body: edit(example, at, |o| {
                    o.remove(name);
                }),
                expected: Some(edit(baseline, at, null(name))),
            });
        }
        out.push(Variant {
            kind: "null",
            what: format!("{path} null"),
            body: edit(example, at, null(name)),
            expected: Some(edit(baseline, at, null(name))),
        });
        let set = |value: Value| {
            let name = name.clone();
            move |o: &mut Map<String, Value>| {
                o.insert(name, value);
            }
        };
        match kind {
            Kind::Integer | Kind::Number | Kind::Boolean => {
                let typed = match object.get(name) {
                    Some(value) if !value.is_null() => value.clone(),
                    _ => sample(*kind),
                };
                let text = Value::String(typed.to_string());
                out.push(Variant {
                    kind: "string",
                    what: format!("{path} as {text}"),
                    body: edit(example, at, set(text.clone())),
                    expected: Some(edit(baseline, at, set(typed.clone()))),
                });
                let wrong = not_a(*kind);
                out.push(Variant {
                    kind: "wrong",
                    what: format!("{path} as {wrong}"),
                    body: edit(example, at, set(wrong)),
                    expected: None,
                });
            }
            Kind::DateTime => out.push(Variant {
                kind: "wrong",
                what: format!("{path} as 5"),
                body: edit(example, at, set(json!(5))),
                expected: None,
            }),
            Kind::Links => link_variants(example, baseline, &path, object.get(name), out),
            Kind::Other => {}
        }
    }
    Ok(())
}

/// A `null` entry in a links map is left out, the others kept.
fn link_variants(
    example: &Value,
    baseline: &Value,
    path: &str,
    links: Option<&Value>,
    out: &mut Vec<Variant>,
) {
    match links {
        Some(Value::Object(links)) if !links.is_empty() => {
            out.push(Variant {
                kind: "links",
                what: format!("{path} with an extra null entry"),
                body: edit(example, path, |o| {
                    o.insert("unannounced".into(), Value::Null);
                }),
                expected: Some(baseline.clone()),
            });
            for key in links.keys() {
                out.push(Variant {
                    kind: "links",
                    what: format!("{path}/{key} null"),
                    body: edit(example, path, |o| {
                        o.insert(key.clone(), Value::Null);
                    }),
                    expected: Some(edit(baseline, path, |o| {
                        o.remove(key);
                    })),
                });
            }
        }
        _ => {
            // The example has no links to null: give it some.
            let (parent, name) = path.rsplit_once('/').expect("a property path");
            let kept = "https://conversations.twilio.com/v1/Kept";
            let name = name.to_owned();
            let with = |value: Value| {
                let name = name.clone();
                move |o: &mut Map<String, Value>| {
                    o.insert(name, value);
                }
            };
            out.push(Variant {
                kind: "links",
                what: format!("{path} with a kept and a null entry"),
                body: edit(
                    example,
                    parent,
                    with(json!({"kept": kept, "unannounced": null})),
                ),
                expected: Some(edit(baseline, parent, with(json!({"kept": kept})))),
            });
        }
    }
}

/// Variants of a list response's containers: its item list and its `meta`.
fn page_variants(
    example: &Value,
    baseline: &Value,
    key: &str,
    out: &mut Vec<Variant>,
) -> Result<(), String> {
    let meta = baseline["meta"]
        .as_object()
        .ok_or("the decoded example has no meta object")?;
    let empty_meta: Value = meta.keys().map(|k| (k.clone(), Value::Null)).collect();
    let set = |name: &str, value: Value| {
        let name = name.to_owned();
        move |o: &mut Map<String, Value>| {
            o.insert(name, value);
        }
    };
    let remove = |name: &str| {
        let name = name.to_owned();
        move |o: &mut Map<String, Value>| {
            o.remove(&name);
        }
    };

    let empty_list = edit(baseline, "", set(key, json!([])));
    let no_meta = edit(baseline, "", set("meta", empty_meta.clone()));
    for (what, body, expected) in [
        ("list absent", edit(example, "", remove(key)), &empty_list),
        (
            "list null",
            edit(example, "", set(key, Value::Null)),
            &empty_list,
        ),
        ("meta absent", edit(example, "", remove("meta")), &no_meta),
        (
            "meta null",
            edit(example, "", set("meta", Value::Null)),
            &no_meta,
        ),
    ] {
        out.push(Variant {
            kind: "page",
            what: what.to_owned(),
            body,
            expected: Some(expected.clone()),
        });
    }
    out.push(Variant {
        kind: "page",
        what: "an empty object".to_owned(),
        body: json!({}),
        expected: Some(json!({ key: [], "meta": empty_meta })),
    });

    // Every example is a last page: give it a next one, so that keeping
    // `next_page_url` means something.
    let next = "https://conversations.twilio.com/v1/Next?PageSize=50&Page=1&PageToken=PTnext";
    let example = edit(example, "/meta", set("next_page_url", json!(next)));
    let baseline = edit(baseline, "/meta", set("next_page_url", json!(next)));
    let optional = [
        "page",
        "page_size",
        "first_page_url",
        "previous_page_url",
        "url",
    ];
    for field in optional {
        out.push(Variant {
            kind: "meta",
            what: format!("meta without {field}"),
            body: edit(&example, "/meta", remove(field)),
            expected: Some(edit(&baseline, "/meta", set(field, Value::Null))),
        });
        out.push(Variant {
            kind: "meta",
            what: format!("meta.{field} null"),
            body: edit(&example, "/meta", set(field, Value::Null)),
            expected: Some(edit(&baseline, "/meta", set(field, Value::Null))),
        });
    }
    out.push(Variant {
        kind: "meta",
        what: "meta with only key and next_page_url".to_owned(),
        body: edit(&example, "/meta", |o| {
            o.retain(|k, _| !optional.contains(&k.as_str()))
        }),
        expected: Some(edit(&baseline, "/meta", |o| {
            for field in optional {
                o.insert(field.to_owned(), Value::Null);
            }
        })),
    });
    for field in ["page", "page_size"] {
        let typed = example["meta"][field].clone();
        if !typed.is_number() {
            return Err(format!("meta.{field} is {typed} in the example"));
        }
        let text = Value::String(typed.to_string());
        out.push(Variant {
            kind: "string",
            what: format!("meta.{field} as {text}"),
            body: edit(&example, "/meta", set(field, text)),
            expected: Some(baseline.clone()),
        });
        out.push(Variant {
            kind: "wrong",
            what: format!("meta.{field} as \"five\""),
            body: edit(&example, "/meta", set(field, json!("five"))),
            expected: None,
        });
    }
    Ok(())
}

// -- recorded-style bodies through the client --------------------------------------------

type BoxedCheck = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>;

/// A case run on the tokio runtime.
type AsyncCase = fn() -> BoxedCheck;

const MESSAGE_INDEX_NULL: &str = include_str!("../fixtures/responses/message_index_null.json");
const RECEIPT_ERROR_CODE_NULL: &str =
    include_str!("../fixtures/responses/receipt_error_code_null.json");
const CONVERSATIONS_PAGE: &str =
    include_str!("../fixtures/responses/conversations_page_meta_key_next.json");
const USER_STRING_SCALARS: &str = include_str!("../fixtures/responses/user_string_scalars.json");
const USER_CONVERSATION_STRING_INTEGERS: &str =
    include_str!("../fixtures/responses/user_conversation_string_integers.json");

const CONVERSATION: &str = "CH0123456789abcdef0123456789abcdef";
const MESSAGE: &str = "IM0123456789abcdef0123456789abcdef";
const USER: &str = "US0123456789abcdef0123456789abcdef";

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixtures are JSON")
}

/// A server answering every request with `body`, status 200.
async fn serving(body: Value) -> RawServer {
    RawServer::start(move |_| Reply::json(200, &body)).await
}

fn fetch_message() -> FetchConversationMessage {
    FetchConversationMessage {
        conversation_sid: CONVERSATION.into(),
        sid: MESSAGE.parse().expect("a message SID"),
    }
}

fn timestamp(text: &str) -> twill_api::Timestamp {
    text.parse().expect("a timestamp")
}

async fn message_index_null() -> Result<(), String> {
    let server = serving(fixture(MESSAGE_INDEX_NULL)).await;
    let message = fetch_message()
        .send(&client(&server.uri()))
        .await
        .map_err(|e| e.to_string())?;
    assert_eq!(message.index, None);
    assert_eq!(message.sid.as_deref(), Some(MESSAGE));
    assert_eq!(message.author.as_deref(), Some("system"));
    assert_eq!(
        message.body.as_deref(),
        Some("Your technician is on the way.")
    );
    assert_eq!(
        message.date_created,
        Some(timestamp("2024-05-02T14:03:11Z"))
    );
    assert_eq!(message.delivery, None);
    assert_eq!(message.media, None);
    let links = message.links.expect("links");
    assert_eq!(
        links.keys().collect::<Vec<_>>(),
        ["channel_metadata", "delivery_receipts"]
    );
    Ok(())
}

async fn receipt_error_code_null() -> Result<(), String> {
    let server = serving(fixture(RECEIPT_ERROR_CODE_NULL)).await;
    let receipt = FetchConversationMessageReceipt {
        conversation_sid: CONVERSATION.into(),
        message_sid: MESSAGE.parse().expect("a message SID"),
        sid: sid!("DY0123456789abcdef0123456789abcdef"),
    }
    .send(&client(&server.uri()))
    .await
    .map_err(|e| e.to_string())?;
    assert_eq!(receipt.error_code, None);
    assert_eq!(
        receipt.status,
        Some(ConversationMessageReceiptDeliveryStatus::Delivered)
    );
    assert_eq!(
        receipt.channel_message_sid.as_deref(),
        Some("SM0123456789abcdef0123456789abcdef")
    );
    assert_eq!(
        receipt.date_updated,
        Some(timestamp("2024-05-02T14:03:15Z"))
    );
    Ok(())
}

async fn page_meta_key_and_next_page_url_only() -> Result<(), String> {
    let page = fixture(CONVERSATIONS_PAGE);
    let recorded_next = page["meta"]["next_page_url"]
        .as_str()
        .expect("the fixture has a next page")
        .to_owned();

    // One page, as recorded.
    let server = serving(page.clone()).await;
    let response = ListConversation::default()
        .send(&client(&server.uri()))
        .await
        .map_err(|e| e.to_string())?;
    let sids: Vec<_> = response
        .conversations
        .iter()
        .map(|c| c.sid.as_deref())
        .collect();
    assert_eq!(
        sids,
        [
            Some(CONVERSATION),
            Some("CHfedcba9876543210fedcba9876543210")
        ]
    );
    assert_eq!(response.conversations[1].friendly_name, None);
    assert_eq!(
        response.conversations[1].state,
        Some(ConversationState::Inactive)
    );
    assert_eq!(
        response.meta.next_page_url.as_deref(),
        Some(recorded_next.as_str())
    );
    assert_eq!(response.meta.key.as_deref(), Some("conversations"));
    assert_eq!((response.meta.page, response.meta.page_size), (None, None));
    assert_eq!(response.meta.url, None);

    // A stream follows that `next_page_url` (here, on the loopback server) to a last
    // page whose meta has only its key.
    let server = RawServer::start(move |request| {
        if request.index == 0 {
            let host = request.header("host").expect("a Host header");
            let next = recorded_next.replace(
                "https://conversations.twilio.com",
                &format!("http://{host}"),
            );
            let mut first = page.clone();
            first["meta"]["next_page_url"] = json!(next);
            Reply::json(200, &first)
        } else {
            let mut last = page["conversations"][0].clone();
            last["sid"] = json!("CH00000000000000000000000000000003");
            Reply::json(
                200,
                &json!({"conversations": [last], "meta": {"key": "conversations"}}),
            )
        }
    })
    .await;
    let client = client(&server.uri());
    let list = ListConversation::default();
    let all: Vec<_> = client
        .stream(&list)
        .try_collect()
        .await
        .map_err(|e: Error| e.to_string())?;
    let sids: Vec<_> = all
        .iter()
        .map(|c| c.sid.map(String::from).unwrap_or_default())
        .collect();
    assert_eq!(
        sids,
        [
            CONVERSATION,
            "CHfedcba9876543210fedcba9876543210",
            "CH00000000000000000000000000000003"
        ]
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(
        requests[1]
            .target
            .contains("PageToken=PTCHfedcba9876543210fedcba9876543210"),
        "{}",
        requests[1].target
    );
    Ok(())
}

async fn user_string_booleans_and_null_link() -> Result<(), String> {
    let server = serving(fixture(USER_STRING_SCALARS)).await;
    let user = FetchUser { sid: USER.into() }
        .send(&client(&server.uri()))
        .await
        .map_err(|e| e.to_string())?;
    assert_eq!(user.is_online, Some(true));
    assert_eq!(user.is_notifiable, Some(false));
    assert_eq!(user.identity.as_deref(), Some("technician-17"));
    let links = user.links.expect("links");
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        links["user_conversations"],
        format!("https://conversations.twilio.com/v1/Users/{USER}/Conversations")
    );
    Ok(())
}

async fn user_conversation_string_integers() -> Result<(), String> {
    let server = serving(fixture(USER_CONVERSATION_STRING_INTEGERS)).await;
    let conversation = FetchUserConversation {
        user_sid: USER.into(),
        conversation_sid: CONVERSATION.into(),
    }
    .send(&client(&server.uri()))
    .await
    .map_err(|e| e.to_string())?;
    assert_eq!(conversation.unread_messages_count, Some(5));
    assert_eq!(conversation.last_read_message_index, Some(12));
    assert_eq!(
        conversation.notification_level,
        Some(UserConversationNotificationLevel::Default)
    );
    assert_eq!(conversation.unique_name, None);
    let links = conversation.links.expect("links");
    assert_eq!(links.keys().collect::<Vec<_>>(), ["participant"]);
    Ok(())
}

/// Sends with a client of a server answering `body`: the outcome must be an
/// `Error::Decode` naming the JSON `path` of the offending value, in its field and in
/// its message.
async fn decode_error<F>(body: Value, path: &str, send: impl FnOnce(twill_api::Client) -> F)
where
    F: std::future::Future<Output = Result<(), Error>>,
{
    let server = serving(body).await;
    match send(client(&server.uri())).await {
        Err(Error::Decode(err)) => {
            assert_eq!(err.path, path);
            let shown = err.to_string();
            assert!(shown.ends_with(&format!(" at `{path}`")), "{shown}");
            assert!(std::error::Error::source(&err).is_some());
        }
        Err(other) => panic!("expected a decode error, got {other:?}"),
        Ok(()) => panic!("decoded, but must fail"),
    }
}

async fn rejects_date_created_number() -> Result<(), String> {
    let operation = spec::operation(&spec::spec(), "/v1/Conversations/{Sid}", "get");
    let mut body = spec::response_example(&operation, "200");
    body["date_created"] = json!(5);
    decode_error(body, "date_created", |client| async move {
        FetchConversation {
            sid: CONVERSATION.into(),
        }
        .send(&client)
        .await
        .map(drop)
    })
    .await;
    Ok(())
}

async fn rejects_index_not_a_number() -> Result<(), String> {
    let mut body = fixture(MESSAGE_INDEX_NULL);
    body["index"] = json!("five");
    decode_error(body, "index", |client| async move {
        fetch_message().send(&client).await.map(drop)
    })
    .await;
    Ok(())
}

async fn rejects_an_item_of_a_page_by_its_path() -> Result<(), String> {
    let operation = spec::operation(&spec::spec(), "/v1/Conversations/{Sid}", "get");
    let item = spec::response_example(&operation, "200");
    let mut bad = item.clone();
    bad["date_created"] = json!("yesterday");
    let body = json!({
        "conversations": [item.clone(), item.clone(), item, bad],
        "meta": {"key": "conversations"},
    });
    decode_error(body, "conversations[3].date_created", |client| async move {
        ListConversation::default().send(&client).await.map(drop)
    })
    .await;
    Ok(())
}
