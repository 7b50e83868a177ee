//! Property tests over every operation of every product of `twill-api` (each product's
//! `visit_endpoints`, through `twill_tests::products::all()`, each operation found in
//! its own product's spec): each parameter gets random values, built from its `PARAMS`
//! entry alone (and, for a declared JSON object, its schema in the spec), and an
//! independent model of twill's rules predicts what must happen:
//!
//! - the model refuses: `send` returns `Error::Validation` naming the parameter the
//!   model names (an empty or dot path segment, an empty required value, a text that
//!   does not match the parameter's `pattern`, an integer out of bounds, a control
//!   character in or an over-long header value, an over-long URL), and not one byte
//!   reaches the loopback server (no connection, no request); a text that is no SID of
//!   the kind (any alternative of `SM|MM`) is refused by its `Sid<P>` field before the
//!   request exists;
//! - the model accepts: `send` succeeds, exactly one request arrives, and it is exactly
//!   the predicted one: method (any of the five), as many path segments as the template
//!   with each literal one equal and each placeholder decoding to its input (the
//!   client's account for an account SID left out; a `SidOrName` as its text), the
//!   query pairs decoding to the inputs in field order, the body as predicted (form
//!   pairs in field order; or a JSON object whose members are the body parameters, a
//!   decimal number as a JSON number, a list even empty as an array, an absent one left
//!   out; JSON values compared as JSON), the URL as long as predicted, and exactly the
//!   expected headers (no injected one; `twill-host` the operation's host; the
//!   parameters' own, such as `If-Match` or the `bool` `X-Twilio-Webhook-Enabled`) with
//!   the expected values. The reply is the spec's example (or an instance of the
//!   response's schema), which twill must decode, paged or not.
//!
//! The model's text patterns are matched with the `regex` crate (twill uses
//! `regex-lite`), and values for them are mostly generated from the pattern itself.
//!
//! Everything runs against one [`CaptureServer`] and one client without retries.
//! Deterministic for a seed: `TWILL_PROPTEST_SEED` (decimal) replays a run, otherwise a
//! random seed is drawn; it is printed either way. Each operation has its own generator
//! from the seed and `<product>::<OperationId>`, so that it replays alone what it did in
//! a full run. A first argument that is not a flag runs only the operations whose
//! `<product>::<OperationId>` contains it (`api_v2010::`, `CreateMessage`). A failure
//! prints the operation, the seed, the replay command and the shrunk input (long strings
//! abbreviated; the exact JSON goes to a file whose path is printed). Each product
//! prints one line; the run ends with the totals and its run time.
//!
//! **Cases.** `TWILL_PROPTEST_CASES` sets the cases of every operation. Without it,
//! Conversations v1 (103 operations, the product the model was first written against
//! and most of twill's rules are exercised on) keeps [`CONVERSATIONS_CASES`] = 256 per
//! operation, and each of the other 1,344 operations gets [`DEFAULT_CASES`]: they are
//! declared by the same macro from the same kinds of parameters, so a few dozen random
//! cases per operation find what is particular to it (its parameters' kinds, patterns,
//! SID alternatives, JSON body, headers), while the rules themselves are hammered on
//! Conversations. With these (about 112,000 cases), a full run took 84–86 s in the dev
//! profile on a shared 2-core machine (seeds 2 and 3; Conversations 17 s of it), well
//! within CI's budget; `TWILL_PROPTEST_CASES=256` for every operation is about four
//! times that, for a local or nightly run.
//!
//! Run: `cargo test -p twill-tests --test properties [-- <product>::<OperationId>]`.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::time::{Duration, Instant};

use base64::Engine as _;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, Union};
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use serde_json::{Map, Value};
use tokio::runtime::Runtime;
use twill_api::RetryPolicy;
use twill_api::declare::{Location, Method, Param, ValueKind};
use twill_tests::capture_server::{CaptureServer, Captured};
use twill_tests::operations::{Operation, SendFailure};
use twill_tests::products;
use twill_tests::samples::{self, IDENTITY};
use twill_tests::spec::{self, success_status};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN};

/// The product tested most: its cases per operation unless `TWILL_PROPTEST_CASES` says
/// otherwise.
const CONVERSATIONS: &str = "conversations_v1";
const CONVERSATIONS_CASES: u32 = 256;
/// Cases per operation of every other product unless `TWILL_PROPTEST_CASES` says
/// otherwise.
const DEFAULT_CASES: u32 = 64;
/// Shrinking one failure stops after this many re-runs...
const MAX_SHRINK_ITERS: u32 = 2_000;
/// ...or after this long.
const MAX_SHRINK_TIME: Duration = Duration::from_secs(5);
/// Once failing operations have taken this long in all, the next failures are reported
/// as found, not shrunk, so that a run where everything fails still ends in about a
/// minute.
const SHRINK_BUDGET: Duration = Duration::from_secs(30);

fn main() {
    let settings = Settings::from_env();
    println!(
        "properties: seed {} ({}); replay with TWILL_PROPTEST_SEED={}",
        settings.seed,
        match settings.cases {
            Some(cases) => format!("{cases} cases per operation"),
            None => format!(
                "{CONVERSATIONS_CASES} cases per operation of {CONVERSATIONS}, \
                 {DEFAULT_CASES} of the others"
            ),
        },
        settings.seed
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let server = runtime.block_on(CaptureServer::start());
    let client = {
        let _guard = runtime.enter();
        twill_api::Client::builder()
            .credentials(twill_api::Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
            .base_url(server.uri())
            .retry(RetryPolicy::none())
            .timeout(Duration::from_secs(20))
            .build()
            .expect("a loopback client")
    };
    let context = Context {
        runtime,
        client,
        base_url: server.uri(),
        authority: server.authority(),
        server,
        verdicts: RefCell::default(),
        accept: Cell::new("application/json"),
    };

    let started = Instant::now();
    let (mut ran, mut cases_run) = (0, 0u64);
    let mut failing_time = Duration::ZERO;
    let mut failures = Vec::new();
    for product in products::all() {
        let short = product.stem.trim_start_matches("twilio_");
        let operations: Vec<Operation> = (product.operations)()
            .into_iter()
            .filter(|op| settings.selects(short, op.id))
            .collect();
        if operations.is_empty() {
            continue;
        }
        let spec = product.spec();
        let spec_operations = spec::operations_by_id(&spec);
        let cases = settings.cases.unwrap_or(if short == CONVERSATIONS {
            CONVERSATIONS_CASES
        } else {
            DEFAULT_CASES
        });
        let product_started = Instant::now();
        let (mut product_cases, failures_before) = (0u64, failures.len());
        for op in &operations {
            ran += 1;
            let name = format!("{short}::{}", op.id);
            let spec_operation = spec_operations
                .get(op.id)
                .unwrap_or_else(|| panic!("{} is not in {}", op.id, product.stem));
            let status = success_status(spec_operation);
            let example = spec::response_example_or_instance(&spec, spec_operation);
            context
                .server
                .set_reply(status.parse().expect("a numeric status"), example.as_ref());
            context.accept.set(spec::answer_media_type(
                &spec_operation["responses"][&status],
            ));

            let strategy = case_strategy(&context, &spec, spec_operation, op);
            let shrink_time = MAX_SHRINK_TIME.min(SHRINK_BUDGET.saturating_sub(failing_time));
            let config = Config {
                // An operation without parameters has one request to check.
                cases: if op.params.is_empty() { 1 } else { cases },
                failure_persistence: None,
                // No shrinking at all once the budget is spent (a zero time means no
                // limit).
                max_shrink_iters: if shrink_time.is_zero() {
                    0
                } else {
                    MAX_SHRINK_ITERS
                },
                max_shrink_time: u32::try_from(shrink_time.as_millis())
                    .unwrap_or(u32::MAX)
                    .max(1),
                ..Config::default()
            };
            let mut runner = TestRunner::new_with_rng(config, operation_rng(settings.seed, &name));
            let count = Cell::new(0u64);
            let op_started = Instant::now();
            let result = runner.run(&strategy, |inputs| {
                count.set(count.get() + 1);
                check_case(&context, op, &inputs).map_err(TestCaseError::fail)
            });
            cases_run += count.get();
            product_cases += count.get();
            match result {
                Ok(()) => {
                    if settings.filter.is_some() {
                        println!(
                            "test {name}::properties ... ok ({} cases, {:.1?})",
                            count.get(),
                            op_started.elapsed()
                        );
                    }
                }
                Err(TestError::Fail(reason, minimal)) => {
                    println!("test {name}::properties ... FAILED");
                    let mut message = report(&settings, &name, op, &reason.to_string(), &minimal);
                    if shrink_time < MAX_SHRINK_TIME {
                        message.push_str(&format!(
                            "\n(shrinking was cut short, to {shrink_time:.1?}, by the run's \
                             budget: replay this operation alone for a smaller case)"
                        ));
                    }
                    failures.push((name, message));
                    failing_time += op_started.elapsed();
                }
                Err(TestError::Abort(reason)) => {
                    println!("test {name}::properties ... FAILED (aborted)");
                    failures.push((name, format!("aborted: {reason}")));
                    failing_time += op_started.elapsed();
                }
            }
        }
        let failed = failures.len() - failures_before;
        println!(
            "product {short} ... {} ({} operations, {product_cases} cases, {:.1?})",
            if failed == 0 {
                "ok".to_owned()
            } else {
                format!("FAILED ({failed} operations)")
            },
            operations.len(),
            product_started.elapsed()
        );
    }
    for (name, message) in &failures {
        println!("\n---- {name}::properties ----\n{message}");
    }
    println!(
        "\n{} operations, {} cases (shrinking included) in {:.1?}; {}",
        ran,
        cases_run,
        started.elapsed(),
        context.verdicts()
    );
    println!(
        "test result: {}. {} passed; {} failed; seed {}; run time {:.1?}",
        if failures.is_empty() { "ok" } else { "FAILED" },
        ran - failures.len(),
        failures.len(),
        settings.seed,
        started.elapsed()
    );
    std::process::exit(i32::from(!failures.is_empty()));
}

/// What a run is told by its environment.
struct Settings {
    seed: u64,
    /// `TWILL_PROPTEST_CASES`, for every operation; otherwise the defaults.
    cases: Option<u32>,
    filter: Option<String>,
}

impl Settings {
    fn from_env() -> Settings {
        let seed = match std::env::var("TWILL_PROPTEST_SEED") {
            Ok(seed) => seed
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("TWILL_PROPTEST_SEED={seed:?} is not a u64")),
            Err(_) => std::collections::hash_map::RandomState::new()
                .hash_one((std::time::SystemTime::now(), std::process::id())),
        };
        let cases = match std::env::var("TWILL_PROPTEST_CASES") {
            Ok(cases) => cases
                .trim()
                .parse()
                .map(Some)
                .unwrap_or_else(|_| panic!("TWILL_PROPTEST_CASES={cases:?} is not a u32")),
            Err(_) => None,
        };
        let filter = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
        Settings {
            seed,
            cases,
            filter,
        }
    }

    /// Whether the filter (if any) selects the operation: it is part of
    /// `<product>::<OperationId>`, as in `conversations_v1::CreateService` or
    /// `api_v2010::`.
    fn selects(&self, product: &str, id: &str) -> bool {
        self.filter
            .as_ref()
            .is_none_or(|filter| format!("{product}::{id}").contains(filter.as_str()))
    }
}

/// The generator of one operation's cases: its own, from the run's seed and the
/// operation id, so an operation replays alone the cases it had in a full run.
fn operation_rng(seed: u64, id: &str) -> TestRng {
    // FNV-1a of the id, then SplitMix64 to fill XorShift's 16-byte seed (XorShift rather
    // than ChaCha: in a debug build ChaCha took a sixth of the run).
    let mut state = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    }) ^ seed;
    let mut bytes = [0u8; 16];
    for chunk in bytes.chunks_mut(8) {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    TestRng::from_seed(RngAlgorithm::XorShift, &bytes)
}

/// What every case shares: one runtime, one server, one client.
struct Context {
    runtime: Runtime,
    server: CaptureServer,
    client: twill_api::Client,
    base_url: String,
    authority: String,
    /// How many cases the model predicted sent, and refused by each rule.
    verdicts: RefCell<(u64, BTreeMap<Rule, u64>)>,
    /// The `Accept` the current operation asks for: what its spec answers in.
    accept: Cell<&'static str>,
}

impl Context {
    fn tally(&self, verdict: &Verdict) {
        let mut verdicts = self.verdicts.borrow_mut();
        match verdict {
            Verdict::Send(_) => verdicts.0 += 1,
            Verdict::Refuse(refusal) => *verdicts.1.entry(refusal.rule).or_default() += 1,
        }
    }

    /// `N sent, M refused (sid: a, ...)`.
    fn verdicts(&self) -> String {
        let verdicts = self.verdicts.borrow();
        let refused: u64 = verdicts.1.values().sum();
        let rules: Vec<String> = verdicts
            .1
            .iter()
            .map(|(rule, n)| format!("{rule:?} {n}"))
            .collect();
        format!(
            "the model predicted {} sent and {refused} refused ({})",
            verdicts.0,
            rules.join(", ")
        )
    }
}

// ---------------------------------------------------------------------------------
// Inputs and their generators
// ---------------------------------------------------------------------------------

/// The generated value of one parameter.
#[derive(Debug, Clone)]
enum Input {
    /// An optional parameter left out.
    Absent,
    /// A single value.
    One(Scalar),
    /// A list.
    List(Vec<Scalar>),
}

/// One value.
#[derive(Debug, Clone)]
enum Scalar {
    /// Strings, SIDs and enum values (an undocumented one becomes `Unknown`, sent as is).
    Text(String),
    Bool(bool),
    /// Within the range of the field's Rust type.
    Int(i128),
    Time(Time),
    /// A decimal number's text (a `Decimal`): sent as is, and as a JSON number in a JSON
    /// body.
    Number(String),
    /// A JSON value (object parameters): sent as its compact JSON text, and as itself in
    /// a JSON body.
    Json(Value),
}

/// A date-time given in some offset, maybe with a fraction of a second: twill must send
/// it as UTC whole seconds.
#[derive(Debug, Clone, Copy)]
struct Time {
    /// The instant, whole seconds since the Unix epoch, UTC.
    utc: i64,
    /// A fraction of a second written in the input (dropped on the wire).
    nanos: u32,
    /// The offset the input is written in.
    offset_minutes: i32,
    /// Whether a zero offset is written `Z` rather than `+00:00`.
    zulu: bool,
}

/// 0001-01-02T00:00:00Z and 9999-12-30T23:59:59Z: a day inside jiff's and RFC 3339's
/// range, so any offset of up to ±14 hours stays inside too.
const FIRST_SECOND: i64 = -62_135_596_800 + 86_400;
const LAST_SECOND: i64 = 253_402_300_799 - 86_400;

impl Scalar {
    /// How the input JSON holds it.
    fn json(&self) -> Value {
        match self {
            Scalar::Text(text) | Scalar::Number(text) => Value::String(text.clone()),
            Scalar::Bool(value) => Value::Bool(*value),
            Scalar::Int(value) => match u64::try_from(*value) {
                Ok(value) => Value::from(value),
                Err(_) => Value::from(i64::try_from(*value).expect("generated within i64")),
            },
            Scalar::Time(time) => {
                let local = time.utc + i64::from(time.offset_minutes) * 60;
                let mut text = civil(local);
                if time.nanos > 0 {
                    text.push_str(&format!(".{:09}", time.nanos));
                }
                if time.offset_minutes == 0 && time.zulu {
                    text.push('Z');
                } else {
                    let sign = if time.offset_minutes < 0 { '-' } else { '+' };
                    let minutes = time.offset_minutes.unsigned_abs();
                    text.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
                }
                Value::String(text)
            }
            Scalar::Json(value) => value.clone(),
        }
    }

    /// What twill must send for it.
    fn wire(&self) -> String {
        match self {
            Scalar::Text(text) | Scalar::Number(text) => text.clone(),
            Scalar::Bool(value) => value.to_string(),
            Scalar::Int(value) => value.to_string(),
            Scalar::Time(time) => format!("{}Z", civil(time.utc)),
            Scalar::Json(value) => value.to_string(),
        }
    }

    /// What twill must send for it as a member of a JSON body: text, booleans and
    /// integers as themselves, a date-time as its wire text, a decimal number as a JSON
    /// number, an object as itself.
    fn body_json(&self) -> Value {
        match self {
            Scalar::Text(text) => Value::String(text.clone()),
            Scalar::Bool(value) => Value::Bool(*value),
            Scalar::Int(_) => self.json(),
            Scalar::Time(_) => Value::String(self.wire()),
            Scalar::Number(text) => Value::Number(
                text.parse()
                    .unwrap_or_else(|_| panic!("a generated number is JSON: {text}")),
            ),
            Scalar::Json(value) => value.clone(),
        }
    }
}

impl Input {
    fn scalars(&self) -> &[Scalar] {
        match self {
            Input::Absent => &[],
            Input::One(scalar) => std::slice::from_ref(scalar),
            Input::List(scalars) => scalars,
        }
    }

    /// What twill must send for it, one text per value.
    fn wire(&self) -> Vec<String> {
        self.scalars().iter().map(Scalar::wire).collect()
    }
}

/// `YYYY-MM-DDTHH:MM:SS` for seconds since the epoch (years 1 to 9999), by Howard
/// Hinnant's `civil_from_days`.
fn civil(seconds: i64) -> String {
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        second_of_day / 3_600,
        second_of_day % 3_600 / 60,
        second_of_day % 60
    )
}

/// The JSON object the request is built from, keyed by field name.
fn input_json(op: &Operation, inputs: &[Input]) -> Value {
    let mut object = Map::new();
    for (param, input) in op.params.iter().zip(inputs) {
        let value = match input {
            Input::Absent => continue,
            Input::One(scalar) => scalar.json(),
            Input::List(scalars) => Value::Array(scalars.iter().map(Scalar::json).collect()),
        };
        object.insert(param.field.to_owned(), value);
    }
    Value::Object(object)
}

/// One input per parameter, in `PARAMS` order.
fn case_strategy(
    context: &Context,
    spec: &Value,
    spec_operation: &Value,
    op: &Operation,
) -> Vec<BoxedStrategy<Input>> {
    op.params
        .iter()
        .map(|param| {
            let range = (param.kind == ValueKind::Integer)
                .then(|| integer_range(context, spec, spec_operation, op, param));
            let json = (param.kind == ValueKind::Json)
                .then(|| json_strategy(spec, spec_operation, op, param));
            param_strategy(param, range, json)
        })
        .collect()
}

fn param_strategy(
    param: &Param,
    range: Option<(i128, i128)>,
    json: Option<BoxedStrategy<Value>>,
) -> BoxedStrategy<Input> {
    let scalar = scalar_strategy(param, range, json);
    let present = if param.array {
        vec(scalar, 0..=3).prop_map(Input::List).boxed()
    } else {
        scalar.prop_map(Input::One).boxed()
    };
    // An account SID left out takes the client's.
    if param.required && !param.defaults_to_account {
        present
    } else {
        // Absent first: shrinking tries leaving the parameter out.
        prop_oneof![1 => Just(Input::Absent), 3 => present].boxed()
    }
}

fn scalar_strategy(
    param: &Param,
    range: Option<(i128, i128)>,
    json: Option<BoxedStrategy<Value>>,
) -> BoxedStrategy<Scalar> {
    if let Some(prefix) = param.sid_prefix {
        return sid(prefix).prop_map(Scalar::Text).boxed();
    }
    if let Some(pattern) = param.pattern {
        return matching(pattern).prop_map(Scalar::Text).boxed();
    }
    match param.kind {
        ValueKind::String => text().prop_map(Scalar::Text).boxed(),
        // Header parameters are enums; text is what tests their rules.
        ValueKind::Enum if param.location == Location::Header => prop_oneof![
            1 => select(param.values).prop_map(str::to_owned),
            1 => text(),
        ]
        .prop_map(Scalar::Text)
        .boxed(),
        ValueKind::Enum => prop_oneof![
            3 => select(param.values).prop_map(str::to_owned),
            1 => text(),
        ]
        .prop_map(Scalar::Text)
        .boxed(),
        ValueKind::Boolean => any::<bool>().prop_map(Scalar::Bool).boxed(),
        ValueKind::Integer => {
            let (low, high) = range.expect("integer parameters have a probed range");
            integer(low, high, param.min, param.max)
                .prop_map(Scalar::Int)
                .boxed()
        }
        ValueKind::DateTime => time().prop_map(Scalar::Time).boxed(),
        ValueKind::Date => (1i32..=9999, 1u8..=12, 1u8..=28)
            .prop_map(|(y, m, d)| Scalar::Text(format!("{y:04}-{m:02}-{d:02}")))
            .boxed(),
        ValueKind::Number => (
            any::<bool>(),
            0u64..=1_000_000,
            proptest::option::of(0u32..=9999),
        )
            .prop_map(|(negative, whole, fraction)| {
                let sign = if negative { "-" } else { "" };
                Scalar::Number(match fraction {
                    Some(fraction) => format!("{sign}{whole}.{fraction:04}"),
                    None => format!("{sign}{whole}"),
                })
            })
            .boxed(),
        ValueKind::Json => json
            .expect("JSON parameters have a strategy from their schema")
            .prop_map(Scalar::Json)
            .boxed(),
        other => panic!("no strategy for {other:?} parameters yet: add one here"),
    }
}

/// Values of a JSON parameter (of each element, for a list). A free-form object (no
/// `properties` in the spec: a `serde_json::Value` field) gets any object of strings; an
/// object the spec declares (a struct of the generated code) gets the spec's instance
/// of it with its plain strings and booleans varied, lists of zero to two elements, and
/// any of an enum's values, since a struct takes only the members it declares.
fn json_strategy(
    spec: &Value,
    spec_operation: &Value,
    op: &Operation,
    param: &Param,
) -> BoxedStrategy<Value> {
    let schema = spec::param_schema(spec, spec_operation, param.name, param.location.as_str())
        .map(|schema| spec::resolve(spec, &schema))
        .unwrap_or_else(|| panic!("{}: `{}` is not in the spec", op.id, param.name));
    let element = if param.array {
        spec::resolve(spec, &schema["items"])
    } else {
        schema
    };
    if declares_members(&element) {
        schema_value(spec, &element, 0)
    } else {
        vec((piece(), text()), 0..3)
            .prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(key, value)| (key, Value::String(value)))
                        .collect(),
                )
            })
            .boxed()
    }
}

/// Whether a (resolved) schema is an object with declared properties, or a choice of
/// schemas: what the generator makes a type of.
fn declares_members(schema: &Value) -> bool {
    schema["properties"]
        .as_object()
        .is_some_and(|properties| !properties.is_empty())
        || ["oneOf", "anyOf", "allOf"]
            .iter()
            .any(|key| schema[*key].is_array())
}

/// Values of a declared schema, around [`spec::instance`]: every property present (an
/// optional one the struct would send as `null` or leave out otherwise), plain strings
/// (no format, enum or pattern, which may be typed) any short text, booleans either,
/// enums any of their values, lists of zero to two elements; numbers, typed strings and
/// choices (`oneOf`) as the instance has them.
fn schema_value(spec: &Value, schema: &Value, depth: usize) -> BoxedStrategy<Value> {
    let schema = spec::resolve(spec, schema);
    let fixed = || Just(spec::instance(spec, &schema)).boxed();
    if depth > 8 || declares_choice(&schema) {
        return fixed();
    }
    if let Some(values) = schema["enum"].as_array().filter(|v| !v.is_empty()) {
        return select(values.clone()).boxed();
    }
    match schema["type"].as_str() {
        Some("object") | None => {
            let Some(properties) = schema["properties"].as_object() else {
                return fixed();
            };
            let keys: Vec<String> = properties.keys().cloned().collect();
            let values: Vec<BoxedStrategy<Value>> = properties
                .values()
                .map(|property| schema_value(spec, property, depth + 1))
                .collect();
            values
                .prop_map(move |values| Value::Object(keys.iter().cloned().zip(values).collect()))
                .boxed()
        }
        Some("array") => {
            let items = &schema["items"];
            if items.as_object().is_none_or(|items| items.is_empty()) {
                return fixed();
            }
            vec(schema_value(spec, items, depth + 1), 0..=2)
                .prop_map(Value::Array)
                .boxed()
        }
        Some("boolean") => any::<bool>().prop_map(Value::Bool).boxed(),
        Some("string") if schema["format"].is_null() && schema["pattern"].is_null() => {
            vec(piece(), 0..4)
                .prop_map(|pieces| Value::String(pieces.concat()))
                .boxed()
        }
        _ => fixed(),
    }
}

fn declares_choice(schema: &Value) -> bool {
    ["oneOf", "anyOf", "allOf"]
        .iter()
        .any(|key| schema[*key].is_array())
}

/// Text for a parameter with a pattern: mostly matching it (generated from the pattern
/// without its anchors, which proptest's generator does not take), sometimes any text.
fn matching(pattern: &'static str) -> BoxedStrategy<String> {
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let body = body.strip_suffix('$').unwrap_or(body);
    let generated = proptest::string::string_regex(body)
        .unwrap_or_else(|e| panic!("proptest cannot generate from the pattern {pattern:?}: {e}"));
    prop_oneof![3 => generated, 1 => text()].boxed()
}

/// Free text: mostly short mixes of awkward pieces, sometimes exactly a path's special
/// values, sometimes 2,000 to 12,000 bytes, sometimes just around the 8,000-byte limits.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        8 => vec(piece(), 0..6).prop_map(|pieces| pieces.concat()),
        1 => select(&["", ".", "..", "...", " ", "\t"][..]).prop_map(str::to_owned),
        1 => (vec(piece(), 1..4), 2_000usize..=12_000)
            .prop_map(|(pieces, len)| repeat_to(&pieces, len)),
        1 => prop_oneof![
            // 1 byte each, in a URL and in a header.
            (7_850usize..=8_050).prop_map(|n| "a".repeat(n)),
            // 2 bytes each, 6 once percent-encoded in a URL.
            (1_300usize..=1_350).prop_map(|n| "é".repeat(n)),
            // 1 byte each, 3 once percent-encoded.
            (2_600usize..=2_700).prop_map(|n| "/".repeat(n)),
        ],
    ]
    .boxed()
}

/// `pieces` repeated until at least `len` bytes.
fn repeat_to(pieces: &[String], len: usize) -> String {
    let mut out = String::new();
    for piece in pieces.iter().cycle() {
        if out.len() >= len {
            break;
        }
        out.push_str(piece);
    }
    out
}

fn piece() -> BoxedStrategy<String> {
    const PUNCTUATION: &[&str] = &[
        ".", "..", "/", "%2F", "%2f", "%2E", "%", "%25", "%zz", "?", "#", "&", "=", "+", " ", ";",
        ":", "@", "~", "*", "'", "\"", "\\", "-", "_", "<", ">", "[", "]", "{", "}", "|", "^", "`",
        "!", "$", "(", ")", ",", "a=b&c=d", "../..", "?x=1#y",
    ];
    const CONTROL: &[&str] = &[
        "\r",
        "\n",
        "\r\n",
        "\0",
        "\t",
        "\x0b",
        "\x0c",
        "\x1b",
        "\x7f",
        "\u{85}",
        "\u{9f}",
        "\r\nX-Injected: 1",
        "\nHost: evil",
        "\r\n\r\nGET / HTTP/1.1",
    ];
    const UNICODE: &[&str] = &[
        "é", "€", "😀", "ß", "İ", "\u{a0}", "\u{2028}", "\u{200b}", "\u{feff}", "\u{3000}",
        "\u{fffd}", "e\u{301}", "𝔘",
    ];
    prop_oneof![
        6 => "[a-zA-Z0-9]{1,4}",
        3 => select(PUNCTUATION).prop_map(str::to_owned),
        2 => select(CONTROL).prop_map(str::to_owned),
        1 => (0u8..0x20).prop_map(|b| char::from(b).to_string()),
        2 => select(UNICODE).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
    .boxed()
}

/// Mostly valid SIDs (either hex case, of any of the prefix's alternatives, as in
/// `SM|MM`), so that many cases pass validation; sometimes the wrong prefix, length or
/// digits, or any text.
fn sid(prefix: &'static str) -> BoxedStrategy<String> {
    const HEX: &str = "[0-9a-fA-F]{32}";
    let alternatives: Vec<&'static str> = prefix.split('|').collect();
    let kind = || select(alternatives.clone());
    prop_oneof![
        8 => (kind(), HEX).prop_map(|(prefix, hex)| format!("{prefix}{hex}")),
        1 => ("[A-Za-z]{2}", HEX).prop_map(|(other, hex)| format!("{other}{hex}")),
        1 => (kind(), "[0-9a-fA-F]{0,40}").prop_map(|(prefix, hex)| format!("{prefix}{hex}")),
        1 => (kind(), "[0-9a-fA-F]{31}", "[^0-9a-fA-F]", 0usize..=31).prop_map(
            |(prefix, hex, bad, at)| {
                let mut value = format!("{prefix}{hex}");
                value.insert_str(2 + at, &bad);
                value
            }
        ),
        1 => text(),
    ]
    .boxed()
}

/// An integer the field's Rust type holds (`low..=high`): mostly within the declared
/// bounds, sometimes on or just past one, sometimes anything.
fn integer(low: i128, high: i128, min: Option<i64>, max: Option<i64>) -> BoxedStrategy<i128> {
    let (min, max) = (min.map(i128::from), max.map(i128::from));
    let inside = (min.unwrap_or(low).max(low), max.unwrap_or(high).min(high));
    let mut edges: Vec<i128> = [low, high, -1, 0, 1]
        .into_iter()
        .chain(min.into_iter().flat_map(|m| [m - 1, m, m + 1]))
        .chain(max.into_iter().flat_map(|m| [m - 1, m, m + 1]))
        .filter(|v| (low..=high).contains(v))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    let mut options = Vec::new();
    if inside.0 <= inside.1 {
        options.push((4, (inside.0..=inside.1).boxed()));
    }
    options.push((1, select(edges).boxed()));
    options.push((1, (low..=high).boxed()));
    Union::new_weighted(options).boxed()
}

fn time() -> BoxedStrategy<Time> {
    (
        FIRST_SECOND..=LAST_SECOND,
        prop_oneof![3 => Just(0u32), 1 => 1u32..1_000_000_000],
        prop_oneof![3 => Just(0i32), 1 => -14 * 60..=14 * 60i32],
        any::<bool>(),
    )
        .prop_map(|(utc, nanos, offset_minutes, zulu)| Time {
            utc,
            nanos,
            offset_minutes,
            zulu,
        })
        .boxed()
}

/// The range of the Rust integer type behind an integer parameter, found by building
/// requests with values at each type's edges (sent, if built, to a closed port).
fn integer_range(
    context: &Context,
    spec: &Value,
    spec_operation: &Value,
    op: &Operation,
    param: &Param,
) -> (i128, i128) {
    const CANDIDATES: [i128; 24] = [
        i64::MIN as i128,
        i32::MIN as i128 - 1,
        i32::MIN as i128,
        i16::MIN as i128 - 1,
        i16::MIN as i128,
        -129,
        -128,
        -1,
        0,
        127,
        128,
        255,
        256,
        i16::MAX as i128,
        i16::MAX as i128 + 1,
        u16::MAX as i128,
        u16::MAX as i128 + 1,
        i32::MAX as i128,
        i32::MAX as i128 + 1,
        u32::MAX as i128,
        u32::MAX as i128 + 1,
        i64::MAX as i128,
        i64::MAX as i128 + 1,
        u64::MAX as i128,
    ];
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        format!("http://{}", listener.local_addr().expect("local address"))
    };
    let client = {
        let _guard = context.runtime.enter();
        twill_api::Client::builder()
            .credentials(twill_api::Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
            .base_url(closed)
            .retry(RetryPolicy::none())
            .build()
            .expect("a loopback client")
    };
    let json = spec::json_samples(spec, spec_operation);
    let (base, _) = samples::request_with(op.params, IDENTITY, false, &json);
    let builds: Vec<i128> = CANDIDATES
        .into_iter()
        .filter(|&candidate| {
            let value = Scalar::Int(candidate).json();
            let mut request = base.clone();
            request[param.field] = if param.array {
                Value::Array(vec![value])
            } else {
                value
            };
            let outcome = context.runtime.block_on((op.send)(client.clone(), request));
            !matches!(outcome, Err(SendFailure::Build(_)))
        })
        .collect();
    match (builds.first(), builds.last()) {
        (Some(&low), Some(&high)) => (low, high),
        _ => panic!("{}: no integer builds `{}`", op.id, param.field),
    }
}

// ---------------------------------------------------------------------------------
// The model: what twill must do with the inputs
// ---------------------------------------------------------------------------------

/// The longest URL twill sends (base URL, path, `?` and query string, as sent): the
/// model's own copy of `twill_api::MAX_URL_LEN`, so that it stays independent.
const MAX_URL_LEN: usize = 8_000;
/// The longest header value twill sends: the model's own copy of
/// `twill_api::MAX_HEADER_VALUE_LEN`.
const MAX_HEADER_VALUE_LEN: usize = 8_000;

// The documented limits are the model's: a change to either must be made in both.
const _: () = assert!(MAX_URL_LEN == twill_api::MAX_URL_LEN);
const _: () = assert!(MAX_HEADER_VALUE_LEN == twill_api::MAX_HEADER_VALUE_LEN);

/// The rules twill checks before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rule {
    /// A path parameter is empty, `.` or `..`.
    PathSegment,
    /// A required list is empty, or a required text.
    Required,
    /// A SID has the wrong prefix, length or digits: its typed field (`Sid<P>`) refuses
    /// the text when the request is made, before validation.
    Sid,
    /// A text does not match the parameter's pattern (`Param::pattern`).
    Pattern,
    /// An integer is out of its bounds.
    Range,
    /// A header value holds a control character other than tab.
    HeaderControl,
    /// A header value is over [`MAX_HEADER_VALUE_LEN`].
    HeaderLength,
    /// The URL is over [`MAX_URL_LEN`].
    UrlLength,
}

/// A refusal: the wire name twill must name, the rule, and why in words.
struct Refusal {
    name: &'static str,
    rule: Rule,
    why: String,
}

/// **Which refusal twill reports when several rules fail.** Every assumption about
/// precedence lives here, to adjust in one place if the runtime decides otherwise:
///
/// 1. the per-parameter rules ([`parameter_refusal`]) run parameter by parameter in
///    `PARAMS` (field) order, and the first parameter that breaks any of them is named
///    (which of its rules failed is not asserted);
/// 2. the URL length is checked only after every per-parameter rule passed;
/// 3. a URL that is too long names the parameter whose encoded contribution to it is
///    largest (see [`UrlModel`]), the first in field order among equals;
/// 4. a header value's length is a per-parameter rule, on the value as given (before
///    the optional whitespace around it is stripped).
fn refusal_in_assumed_order(
    parameters: impl IntoIterator<Item = Option<Refusal>>,
    url: &UrlModel,
) -> Option<Refusal> {
    if let Some(first) = parameters.into_iter().flatten().next() {
        return Some(first);
    }
    if url.len > MAX_URL_LEN {
        let mut largest: Option<(&'static str, usize)> = None;
        for &(name, len) in &url.contributions {
            if largest.is_none_or(|(_, most)| len > most) {
                largest = Some((name, len));
            }
        }
        let (name, len) = largest.expect("a URL over the limit has a parameter in it");
        return Some(Refusal {
            name,
            rule: Rule::UrlLength,
            why: format!(
                "the URL would be {} bytes, over {MAX_URL_LEN}, and `{name}` contributes the most, {len} bytes",
                url.len
            ),
        });
    }
    None
}

/// Why `param` must be refused on its own, if it must.
fn parameter_refusal(param: &Param, input: &Input) -> Option<(Rule, String)> {
    let texts = input.wire();
    if param.location == Location::Path {
        match texts.first().map(String::as_str) {
            Some("") => return Some((Rule::PathSegment, "an empty path segment".into())),
            Some(dots @ ("." | "..")) => {
                return Some((Rule::PathSegment, format!("the path segment `{dots}`")));
            }
            _ => {}
        }
    }
    if param.required && param.array && texts.is_empty() {
        return Some((Rule::Required, "a required list without elements".into()));
    }
    let text_kind = matches!(param.kind, ValueKind::String | ValueKind::Enum);
    if param.required && !param.array && text_kind && texts == [""] {
        return Some((Rule::Required, "a required text left empty".into()));
    }
    if let Some(pattern) = param.pattern
        && let Some(text) = texts.iter().find(|text| !matches_pattern(pattern, text))
    {
        return Some((
            Rule::Pattern,
            format!("{} does not match `{pattern}`", abbreviate(text)),
        ));
    }
    for scalar in input.scalars() {
        if let Scalar::Int(value) = *scalar {
            let low = param.min.is_some_and(|min| value < i128::from(min));
            let high = param.max.is_some_and(|max| value > i128::from(max));
            if low || high {
                return Some((
                    Rule::Range,
                    format!("{value} is outside {:?}..={:?}", param.min, param.max),
                ));
            }
        }
        // A decimal number (Assistants v1's feedback `score`, 0 to 1): the strategy's
        // numbers (at most a million, four decimals) compare exactly as `f64`s with
        // integer bounds.
        if let Scalar::Number(text) = scalar
            && let Ok(value) = text.parse::<f64>()
        {
            #[allow(clippy::cast_precision_loss)]
            let low = param.min.is_some_and(|min| value < min as f64);
            #[allow(clippy::cast_precision_loss)]
            let high = param.max.is_some_and(|max| value > max as f64);
            if low || high {
                return Some((
                    Rule::Range,
                    format!("{text} is outside {:?}..={:?}", param.min, param.max),
                ));
            }
        }
    }
    if param.location == Location::Header {
        for text in &texts {
            if text.chars().any(|c| c.is_control() && c != '\t') {
                return Some((
                    Rule::HeaderControl,
                    format!("a control character in {}", abbreviate(text)),
                ));
            }
            if text.len() > MAX_HEADER_VALUE_LEN {
                return Some((
                    Rule::HeaderLength,
                    format!(
                        "a header value of {} bytes, over {MAX_HEADER_VALUE_LEN}",
                        text.len()
                    ),
                ));
            }
        }
    }
    None
}

/// Whether `text` matches `pattern` as a regular expression, anchored only as written
/// (the `regex` crate, not the engine twill matches with), each pattern compiled once.
fn matches_pattern(pattern: &'static str, text: &str) -> bool {
    thread_local! {
        static COMPILED: RefCell<HashMap<&'static str, regex::Regex>> = RefCell::default();
    }
    COMPILED.with_borrow_mut(|compiled| {
        compiled
            .entry(pattern)
            .or_insert_with(|| {
                regex::Regex::new(pattern)
                    .unwrap_or_else(|e| panic!("the pattern {pattern:?} does not compile: {e}"))
            })
            .is_match(text)
    })
}

/// Why the request cannot even be made: a SID parameter's text is no SID of its kind,
/// which its `Sid<P>` field refuses (every SID parameter of twill-api is typed so).
fn sid_refusal(param: &Param, input: &Input) -> Option<(Rule, String)> {
    let prefix = param.sid_prefix?;
    let texts = input.wire();
    let (i, bad) = texts.iter().enumerate().find(|(_, t)| !is_sid(t, prefix))?;
    Some((
        Rule::Sid,
        format!("value {i} is not a `{prefix}` SID: {}", abbreviate(bad)),
    ))
}

/// `prefix` (or one of its alternatives separated by `|`: `SM|MM`), then 32 ASCII hex
/// digits in either case: 34 bytes.
fn is_sid(value: &str, prefix: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 34
        && prefix
            .split('|')
            .any(|alternative| bytes.starts_with(alternative.as_bytes()))
        && bytes[2..].iter().all(u8::is_ascii_hexdigit)
}

/// What the model says twill does.
enum Verdict {
    /// Refuses with `Error::Validation` naming the parameter; nothing is sent.
    Refuse(Refusal),
    /// Sends exactly this.
    Send(Expected),
}

/// The request twill must send.
struct Expected {
    method: Method,
    /// The path's segments (after the leading `/`): literal text or a value.
    segments: Vec<Segment>,
    /// The query string's pairs, in field order.
    query: Vec<Pair>,
    /// The body.
    body: Body,
    /// The endpoint's headers: lowercase name, value.
    headers: Vec<(String, String)>,
    /// The whole URL's length, as the model encodes it.
    url_len: usize,
}

/// One `name=value` pair of a query string or form body.
#[derive(Debug)]
struct Pair {
    name: &'static str,
    value: String,
    /// Whether the value is a JSON text, compared as JSON (a declared object's members
    /// go in the order of its struct, not the input's).
    json: bool,
}

/// What a request's body must be.
enum Body {
    /// None: `GET` and `DELETE`.
    None,
    /// `application/x-www-form-urlencoded` pairs, in field order.
    Form(Vec<Pair>),
    /// An `application/json` object (members in any order).
    Json(Map<String, Value>),
}

enum Segment {
    Literal(&'static str),
    Value(&'static str, String),
}

/// The URL the model encodes, and what each parameter contributes to it: a path
/// parameter its encoded segment; a query parameter its `name=value` pairs with the
/// separator before each (`&`, or the `?` before the query string's first pair), as
/// `runtime/src/limits.rs` documents it: what the URL would lose without the parameter.
struct UrlModel {
    len: usize,
    contributions: Vec<(&'static str, usize)>,
}

/// Where twill puts a parameter that is neither in the path nor a header: a query
/// parameter in the query string whatever the method (OAuth v2's token request has one
/// beside its form); a body parameter in the JSON body of a JSON operation, else in the
/// form body.
enum Destination {
    Query,
    Form,
    Json,
}

fn destination(op: &Operation, location: Location) -> Destination {
    match (op.method.has_form_body(), op.json_body, location) {
        (_, _, Location::Query) => Destination::Query,
        (true, true, Location::Body) => Destination::Json,
        (true, false, Location::Body) => Destination::Form,
        (false, _, Location::Body) => panic!(
            "{}: a body parameter on a {}: the model does not know where it goes",
            op.id, op.method
        ),
        (_, _, other) => panic!("{}: no destination for a {other:?} parameter", op.id),
    }
}

fn predict(base_url: &str, op: &Operation, inputs: &[Input]) -> Verdict {
    let mut segments = Vec::new();
    let mut url = UrlModel {
        len: base_url.len(),
        contributions: Vec::new(),
    };
    for part in op.path.split('/').skip(1) {
        url.len += 1;
        // A placeholder is a segment of its own (`{ServiceSid}`) or has literal text
        // around it (API v2010's `{Sid}.json`).
        let placeholder = part.split_once('{').and_then(|(before, rest)| {
            let (name, after) = rest.split_once('}')?;
            Some((before, name, after))
        });
        match placeholder {
            Some((before, placeholder, after)) => {
                let (param, input) = op
                    .params
                    .iter()
                    .zip(inputs)
                    .find(|(p, _)| p.location == Location::Path && p.name == placeholder)
                    .unwrap_or_else(|| panic!("{}: no path parameter `{placeholder}`", op.id));
                let value = match input {
                    // An account SID left out is the client's.
                    Input::Absent if param.defaults_to_account => ACCOUNT_SID.to_owned(),
                    _ => input.wire().into_iter().next().unwrap_or_default(),
                };
                // The parameter's contribution is its whole encoded segment.
                let encoded = before.len() + segment_encoded_len(&value) + after.len();
                url.len += encoded;
                url.contributions.push((param.name, encoded));
                segments.push(Segment::Value(
                    param.name,
                    format!("{before}{value}{after}"),
                ));
            }
            None => {
                url.len += part.len();
                segments.push(Segment::Literal(part));
            }
        }
    }

    let (mut query, mut form, mut json) = (Vec::new(), Vec::new(), Map::new());
    let mut headers = Vec::new();
    for (param, input) in op.params.iter().zip(inputs) {
        let is_json = param.kind == ValueKind::Json;
        match param.location {
            Location::Path => {}
            Location::Header => {
                for text in input.wire() {
                    headers.push((param.name.to_ascii_lowercase(), text));
                }
            }
            location => match destination(op, location) {
                Destination::Query => {
                    let mut contribution = 0;
                    for value in input.wire() {
                        // `?` or `&`, then `name=value`.
                        contribution +=
                            1 + form_encoded_len(param.name) + 1 + form_encoded_len(&value);
                        query.push(Pair {
                            name: param.name,
                            value,
                            json: is_json,
                        });
                    }
                    if contribution > 0 {
                        url.contributions.push((param.name, contribution));
                        url.len += contribution;
                    }
                }
                Destination::Form => form.extend(input.wire().into_iter().map(|value| Pair {
                    name: param.name,
                    value,
                    json: is_json,
                })),
                Destination::Json => {
                    // An absent `Option` is left out; a list, even empty, is an array.
                    let member = match input {
                        Input::Absent => continue,
                        Input::One(scalar) => scalar.body_json(),
                        Input::List(scalars) => {
                            Value::Array(scalars.iter().map(Scalar::body_json).collect())
                        }
                    };
                    json.insert(param.name.to_owned(), member);
                }
            },
        }
    }
    let body = if !op.method.has_form_body() {
        Body::None
    } else if op.json_body {
        Body::Json(json)
    } else {
        Body::Form(form)
    };

    // A bad SID stops the request from being made at all, whatever else is wrong.
    let unbuildable = op.params.iter().zip(inputs).find_map(|(param, input)| {
        sid_refusal(param, input).map(|(rule, why)| Refusal {
            name: param.name,
            rule,
            why,
        })
    });
    if let Some(refused) = unbuildable {
        return Verdict::Refuse(refused);
    }
    let per_parameter = op.params.iter().zip(inputs).map(|(param, input)| {
        parameter_refusal(param, input).map(|(rule, why)| Refusal {
            name: param.name,
            rule,
            why,
        })
    });
    match refusal_in_assumed_order(per_parameter, &url) {
        Some(refused) => Verdict::Refuse(refused),
        None => Verdict::Send(Expected {
            method: op.method,
            segments,
            query,
            body,
            headers,
            url_len: url.len,
        }),
    }
}

/// The length of `value` percent-encoded as a path segment the way twill promises
/// (RFC 3986 unreserved characters as is, every other byte `%XX`).
fn segment_encoded_len(value: &str) -> usize {
    value
        .bytes()
        .map(|b| match b {
            b'-' | b'.' | b'_' | b'~' => 1,
            _ if b.is_ascii_alphanumeric() => 1,
            _ => 3,
        })
        .sum()
}

/// The length of `value` in `application/x-www-form-urlencoded`, as the WHATWG URL
/// standard serializes it: space as `+`, `*-._` and alphanumerics as is, every other
/// byte `%XX`.
fn form_encoded_len(value: &str) -> usize {
    value
        .bytes()
        .map(|b| match b {
            b' ' | b'*' | b'-' | b'.' | b'_' => 1,
            _ if b.is_ascii_alphanumeric() => 1,
            _ => 3,
        })
        .sum()
}

// ---------------------------------------------------------------------------------
// One case: send, then compare with the model
// ---------------------------------------------------------------------------------

fn check_case(context: &Context, op: &Operation, inputs: &[Input]) -> Result<(), String> {
    let request = input_json(op, inputs);
    let verdict = predict(&context.base_url, op, inputs);
    let before = context.server.counts();
    let outcome = context
        .runtime
        .block_on((op.send)(context.client.clone(), request));
    let after = context.server.counts();
    let arrived = context.server.requests_since(before.requests);

    if let Verdict::Refuse(Refusal {
        name,
        rule: Rule::Sid,
        why,
    }) = &verdict
    {
        // The typed field refuses the text, so the request is never made.
        context.tally(&verdict);
        return match &outcome {
            Err(SendFailure::Build(error)) if error.to_string().contains("SID") => {
                if after == before {
                    Ok(())
                } else {
                    Err(format!(
                        "the request for `{name}` was never made, yet the server saw something"
                    ))
                }
            }
            _ => Err(format!(
                "the model expects `{name}` refused when the request is made ({why}), but twill {}",
                describe(&outcome, arrived.len())
            )),
        };
    }
    if let Err(SendFailure::Build(error)) = &outcome {
        return Err(format!(
            "test bug: the input does not build the request: {error}"
        ));
    }
    context.tally(&verdict);
    match verdict {
        Verdict::Refuse(Refusal { name, why, .. }) => {
            let refused = matches!(
                &outcome,
                Err(SendFailure::Send(twill_api::Error::Validation(e))) if e.field() == name
            );
            if !refused {
                return Err(format!(
                    "the model refuses naming `{name}` ({why}), but twill {}",
                    describe(&outcome, arrived.len())
                ));
            }
            if after != before {
                return Err(format!(
                    "twill refused naming `{name}` as predicted ({why}), yet the server saw \
                     something: before {before:?}, after {after:?}"
                ));
            }
            Ok(())
        }
        Verdict::Send(expected) => {
            if outcome.is_err() {
                return Err(format!(
                    "the model expects the request sent, but twill {}",
                    describe(&outcome, arrived.len())
                ));
            }
            let [request] = arrived.as_slice() else {
                return Err(format!(
                    "twill succeeded, and {} requests arrived instead of 1",
                    arrived.len()
                ));
            };
            let problems = compare(context, op, &expected, request);
            if problems.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "the request differs from the model's:\n  - {}\n  request target: {}",
                    problems.join("\n  - "),
                    abbreviate(&request.target)
                ))
            }
        }
    }
}

/// What twill did, in words.
fn describe(outcome: &Result<Value, SendFailure>, arrived: usize) -> String {
    let what = match outcome {
        Ok(_) => "sent the request and succeeded".to_owned(),
        Err(SendFailure::Send(twill_api::Error::Validation(e))) => format!(
            "refused with Error::Validation naming `{}`: {}",
            e.field(),
            abbreviate(&e.to_string())
        ),
        Err(SendFailure::Send(e)) => format!("failed: {}", abbreviate(&e.to_string())),
        Err(SendFailure::Build(e)) => format!("could not build the request: {e}"),
    };
    format!("{what} ({arrived} request(s) reached the server)")
}

/// Every difference between the request that arrived and the model's.
fn compare(
    context: &Context,
    op: &Operation,
    expected: &Expected,
    request: &Captured,
) -> Vec<String> {
    let mut problems: Vec<String> = request
        .malformed
        .iter()
        .map(|m| format!("malformed HTTP: {m}"))
        .collect();
    if request.method != expected.method.as_str() {
        problems.push(format!(
            "method {} instead of {}",
            request.method, expected.method
        ));
    }
    if request.version != "HTTP/1.1" {
        problems.push(format!("version {}", request.version));
    }

    // The URL, split as a server splits it.
    let (path, query) = match request.target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (request.target.as_str(), None),
    };
    if request.target.contains('#') {
        problems.push("a `#` in the request target".into());
    }
    let url_len = context.base_url.len() + request.target.len();
    if url_len != expected.url_len {
        problems.push(format!(
            "the URL is {url_len} bytes, the model encodes it in {}: the model's encoding \
             (unreserved characters as is in path segments, WHATWG form encoding in the \
             query) no longer matches twill's",
            expected.url_len
        ));
    }
    match path.strip_prefix('/') {
        None => problems.push(format!("path {} does not start with `/`", abbreviate(path))),
        Some(path) => {
            let sent: Vec<&str> = path.split('/').collect();
            if sent.len() != expected.segments.len() {
                problems.push(format!(
                    "{} path segments instead of the template's {}",
                    sent.len(),
                    expected.segments.len()
                ));
            }
            for (sent, segment) in sent.iter().zip(&expected.segments) {
                match segment {
                    Segment::Literal(literal) => {
                        if sent != literal {
                            problems.push(format!(
                                "path segment {} instead of `{literal}`",
                                abbreviate(sent)
                            ));
                        }
                    }
                    Segment::Value(name, value) => match percent_decode_segment(sent) {
                        Ok(decoded) if decoded == *value => {}
                        Ok(decoded) => problems.push(format!(
                            "`{name}` decodes to {} instead of {}",
                            abbreviate(&decoded),
                            abbreviate(value)
                        )),
                        Err(why) => {
                            problems.push(format!("`{name}` segment {}: {why}", abbreviate(sent)))
                        }
                    },
                }
            }
        }
    }

    // The query string, then the body.
    if query == Some("") {
        problems.push("an empty query string after `?`".into());
    }
    match form_decode(query.unwrap_or("")) {
        Ok(pairs) => same_pairs(&pairs, &expected.query, "query", &mut problems),
        Err(why) => problems.push(format!("query {}: {why}", abbreviate(query.unwrap_or("")))),
    }
    let body_text = std::str::from_utf8(&request.body);
    let content_type = match &expected.body {
        Body::None => {
            if !request.body.is_empty() {
                problems.push(format!(
                    "a {}-byte body on a {}",
                    request.body.len(),
                    request.method
                ));
            }
            None
        }
        Body::Form(pairs) => {
            match body_text.map_err(|e| e.to_string()).and_then(form_decode) {
                Ok(sent) => same_pairs(&sent, pairs, "form", &mut problems),
                Err(why) => problems.push(format!(
                    "form body {}: {why}",
                    abbreviate(&String::from_utf8_lossy(&request.body))
                )),
            }
            Some("application/x-www-form-urlencoded")
        }
        Body::Json(members) => {
            match serde_json::from_slice::<Value>(&request.body) {
                Ok(Value::Object(sent)) => {
                    let expected = Value::Object(members.clone());
                    let sent = Value::Object(sent);
                    if let Some(difference) = json_difference(&sent, &expected, "body") {
                        problems.push(format!("JSON {difference}"));
                    }
                }
                Ok(other) => problems.push(format!(
                    "a JSON body that is no object: {}",
                    abbreviate(&other.to_string())
                )),
                Err(why) => problems.push(format!(
                    "the body {} is not JSON: {why}",
                    abbreviate(&String::from_utf8_lossy(&request.body))
                )),
            }
            Some("application/json")
        }
    };

    // Headers: exactly the expected names, each once, with the expected values.
    let mut expected_headers: Vec<(String, String)> = vec![
        ("host".into(), context.authority.clone()),
        (
            "authorization".into(),
            format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD
                    .encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"))
            ),
        ),
        ("accept".into(), context.accept.get().into()),
        (
            "user-agent".into(),
            format!("twill/{} (Rust)", env!("CARGO_PKG_VERSION")),
        ),
        // Sent to a base URL of the test's: the product's host.
        ("twill-host".into(), op.host.to_owned()),
    ];
    if let Some(content_type) = content_type {
        expected_headers.push(("content-type".into(), content_type.into()));
        expected_headers.push(("content-length".into(), request.body.len().to_string()));
    }
    for (name, value) in &expected.headers {
        // RFC 9110 §5.5: the spaces and tabs around a value are not part of it.
        expected_headers.push((name.clone(), value.trim_matches([' ', '\t']).to_owned()));
    }
    let mut sent_names: Vec<&str> = request.headers.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected_names: Vec<&str> = expected_headers.iter().map(|(n, _)| n.as_str()).collect();
    sent_names.sort_unstable();
    expected_names.sort_unstable();
    if sent_names != expected_names {
        problems.push(format!(
            "header names {sent_names:?} instead of {expected_names:?}"
        ));
    }
    for (name, value) in &expected_headers {
        let sent = request.header_values(name);
        if sent.len() == 1 && sent[0] != value.as_bytes() {
            problems.push(format!(
                "header `{name}` is {} instead of {}",
                abbreviate(&String::from_utf8_lossy(sent[0])),
                abbreviate(value)
            ));
        }
    }
    problems
}

/// Whether the decoded pairs are the expected ones, in order: names equal, values equal
/// as text, or as JSON for JSON values.
fn same_pairs(
    sent: &[(String, String)],
    expected: &[Pair],
    what: &str,
    problems: &mut Vec<String>,
) {
    let same = sent.len() == expected.len()
        && sent.iter().zip(expected).all(|((name, value), pair)| {
            name == pair.name
                && (*value == pair.value
                    || pair.json
                        && matches!(
                            (serde_json::from_str::<Value>(value), serde_json::from_str::<Value>(&pair.value)),
                            (Ok(a), Ok(b)) if same_json(&a, &b)
                        ))
        });
    if !same {
        let expected: Vec<(&str, &str)> = expected
            .iter()
            .map(|pair| (pair.name, pair.value.as_str()))
            .collect();
        problems.push(format!(
            "{what} pairs {} instead of {}",
            abbreviate(&format!("{sent:?}")),
            abbreviate(&format!("{expected:?}"))
        ));
    }
}

/// The first place where `sent` and `expected` differ (by [`same_json`]), in words.
fn json_difference(sent: &Value, expected: &Value, at: &str) -> Option<String> {
    match (sent, expected) {
        (Value::Object(sent), Value::Object(expected)) => {
            if let Some(key) = sent.keys().find(|key| !expected.contains_key(*key)) {
                return Some(format!("{at}.{key} sent but not expected"));
            }
            expected
                .iter()
                .find_map(|(key, value)| match sent.get(key) {
                    None => Some(format!("{at}.{key} expected but not sent")),
                    Some(sent) => json_difference(sent, value, &format!("{at}.{key}")),
                })
        }
        (Value::Array(sent), Value::Array(expected)) if sent.len() == expected.len() => sent
            .iter()
            .zip(expected)
            .enumerate()
            .find_map(|(i, (sent, expected))| {
                json_difference(sent, expected, &format!("{at}[{i}]"))
            }),
        _ if same_json(sent, expected) => None,
        _ => Some(format!(
            "{at} is {} instead of {}",
            abbreviate(&sent.to_string()),
            abbreviate(&expected.to_string())
        )),
    }
}

/// JSON equality with numbers compared by value (`1.50` and `1.5`, `-0` and `0`).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => {
            if a.is_f64() || b.is_f64() {
                a.as_f64() == b.as_f64()
            } else {
                a.as_i64() == b.as_i64() && a.as_u64() == b.as_u64()
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, a)| b.get(key).is_some_and(|b| same_json(a, b)))
        }
        _ => a == b,
    }
}

/// Decodes a path segment: every byte must be a `pchar` (RFC 3986 §3.3), `%` only in
/// `%XX`, and the bytes UTF-8. Written apart from twill's encoder and `percent-encoding`.
fn percent_decode_segment(segment: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let mut rest = segment.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'%' => bytes.push(hex_pair(rest.next(), rest.next())?),
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+'
            | b',' | b';' | b'=' | b':' | b'@' => bytes.push(byte),
            _ if byte.is_ascii_alphanumeric() => bytes.push(byte),
            _ => return Err(format!("the byte {byte:#04x} is not allowed in a segment")),
        }
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 once decoded: {e}"))
}

/// Decodes `application/x-www-form-urlencoded` pairs strictly: `name=value` joined by
/// `&`, `+` for space, `%` only in `%XX`, UTF-8. Written apart from twill's encoder and
/// `form_urlencoded`.
fn form_decode(text: &str) -> Result<Vec<(String, String)>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split('&')
        .map(|pair| {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("the pair {} has no `=`", abbreviate(pair)))?;
            Ok((form_decode_one(name)?, form_decode_one(value)?))
        })
        .collect()
}

fn form_decode_one(text: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'%' => bytes.push(hex_pair(rest.next(), rest.next())?),
            b'+' => bytes.push(b' '),
            b'&' | b'=' | b'#' => return Err(format!("a raw `{}`", char::from(byte))),
            _ if byte.is_ascii_graphic() => bytes.push(byte),
            _ => return Err(format!("the byte {byte:#04x} unencoded")),
        }
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 once decoded: {e}"))
}

fn hex_pair(high: Option<u8>, low: Option<u8>) -> Result<u8, String> {
    let digit = |d: Option<u8>| {
        d.and_then(|d| char::from(d).to_digit(16))
            .ok_or_else(|| "`%` not followed by two hex digits".to_owned())
    };
    Ok(u8::try_from(digit(high)? * 16 + digit(low)?).expect("two hex digits make a byte"))
}

// ---------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------

/// A value for a message: debug-quoted, long ones cut with their length.
fn abbreviate(text: &str) -> String {
    const KEEP: usize = 60;
    if text.chars().count() <= KEEP {
        return format!("{text:?}");
    }
    let head: String = text.chars().take(KEEP).collect();
    format!("{head:?}… ({} bytes in all)", text.len())
}

/// The input as JSON with every long string cut, for reading.
fn readable(value: &Value) -> Value {
    match value {
        Value::String(text) if text.chars().count() > 60 => {
            let head: String = text.chars().take(24).collect();
            Value::String(format!("{head}…[{} bytes]", text.len()))
        }
        Value::Array(items) => Value::Array(items.iter().map(readable).collect()),
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(k, v)| (k.clone(), readable(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The failure message: operation, seed, replay command, reason, minimal input.
fn report(
    settings: &Settings,
    name: &str,
    op: &Operation,
    reason: &str,
    minimal: &[Input],
) -> String {
    let json = input_json(op, minimal);
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "properties-{}-{}.json",
        name.replace("::", "-"),
        settings.seed
    ));
    let saved = match std::fs::write(
        &file,
        serde_json::to_string_pretty(&json).unwrap_or_default(),
    ) {
        Ok(()) => format!("exact minimal input: {}", file.display()),
        Err(e) => format!("exact minimal input not saved ({e}): {json}"),
    };
    format!(
        "operation: {} ({} {}{}{})\nseed: {}\nreplay: TWILL_PROPTEST_SEED={} cargo test -p twill-tests --test properties -- {}\n{}\nminimal input: {}\n{saved}",
        name,
        op.method,
        op.host,
        op.path,
        if op.json_body { ", JSON body" } else { "" },
        settings.seed,
        settings.seed,
        name,
        reason,
        serde_json::to_string_pretty(&readable(&json)).unwrap_or_default(),
    )
}
