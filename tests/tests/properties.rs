//! Property tests over every operation of `twill-api` (collected through
//! `visit_endpoints`): each parameter gets random values, built from its `PARAMS` entry
//! alone, and an independent model of twill's rules predicts what must happen:
//!
//! - the model refuses: `send` returns `Error::Validation` naming the parameter the
//!   model names, and not one byte reaches the loopback server (no connection, no
//!   request);
//! - the model accepts: `send` succeeds, exactly one request arrives, and it is exactly
//!   the predicted one: method, as many path segments as the template with each literal
//!   one equal and each placeholder decoding to its input, the query or form pairs
//!   decoding to the inputs in field order, the URL as long as predicted, and exactly the
//!   expected headers (no injected one) with the expected values.
//!
//! Everything runs against one [`CaptureServer`] and one client without retries.
//! Deterministic for a seed: `TWILL_PROPTEST_SEED` (decimal) replays a run, otherwise a
//! random seed is drawn; it is printed either way. `TWILL_PROPTEST_CASES` sets the cases
//! per operation (default [`DEFAULT_CASES`]); a first argument that is not a flag runs
//! only the operations whose id contains it. A failure prints the operation, the seed,
//! the replay command and the shrunk input (long strings abbreviated; the exact JSON goes
//! to a file whose path is printed).
//!
//! Run: `cargo test -p twill-tests --test properties [-- OperationId]`.

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
use twill_tests::operations::{self, Operation, SendFailure};
use twill_tests::samples::{self, IDENTITY};
use twill_tests::spec::{self, response_examples, success_status};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN};

/// Cases per operation unless `TWILL_PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 256;
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
        "properties: seed {} ({} cases per operation); replay with TWILL_PROPTEST_SEED={}",
        settings.seed, settings.cases, settings.seed
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
    let spec = spec::spec();
    let spec_operations: HashMap<String, Value> = spec::operations(&spec)
        .into_iter()
        .map(|(id, _, _, operation)| (id, operation))
        .collect();

    let context = Context {
        runtime,
        client,
        base_url: server.uri(),
        authority: server.authority(),
        server,
        verdicts: RefCell::default(),
    };

    let started = Instant::now();
    let (mut ran, mut cases_run) = (0, 0u64);
    let mut failing_time = Duration::ZERO;
    let mut failures = Vec::new();
    for op in operations::all() {
        if settings
            .filter
            .as_ref()
            .is_some_and(|f| !op.id.contains(f.as_str()))
        {
            continue;
        }
        ran += 1;
        let spec_operation = spec_operations
            .get(op.id)
            .unwrap_or_else(|| panic!("{} is not in the spec", op.id));
        let status = success_status(spec_operation);
        let example = response_examples(spec_operation, &status)
            .into_iter()
            .next();
        context
            .server
            .set_reply(status.parse().expect("a numeric status"), example.as_ref());

        let strategy = case_strategy(&context, &op);
        let shrink_time = MAX_SHRINK_TIME.min(SHRINK_BUDGET.saturating_sub(failing_time));
        let config = Config {
            // An operation without parameters has one request to check.
            cases: if op.params.is_empty() {
                1
            } else {
                settings.cases
            },
            failure_persistence: None,
            // No shrinking at all once the budget is spent (a zero time means no limit).
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
        let mut runner = TestRunner::new_with_rng(config, operation_rng(settings.seed, op.id));
        let count = Cell::new(0u64);
        let op_started = Instant::now();
        let result = runner.run(&strategy, |inputs| {
            count.set(count.get() + 1);
            check_case(&context, &op, &inputs).map_err(TestCaseError::fail)
        });
        cases_run += count.get();
        match result {
            Ok(()) => println!(
                "test {}::properties ... ok ({} cases, {:.1?})",
                op.id,
                count.get(),
                op_started.elapsed()
            ),
            Err(TestError::Fail(reason, minimal)) => {
                println!("test {}::properties ... FAILED", op.id);
                let mut message = report(&settings, &op, &reason.to_string(), &minimal);
                if shrink_time < MAX_SHRINK_TIME {
                    message.push_str(&format!(
                        "\n(shrinking was cut short, to {shrink_time:.1?}, by the run's \
                         budget: replay this operation alone for a smaller case)"
                    ));
                }
                failures.push((op.id, message));
                failing_time += op_started.elapsed();
            }
            Err(TestError::Abort(reason)) => {
                println!("test {}::properties ... FAILED (aborted)", op.id);
                failures.push((op.id, format!("aborted: {reason}")));
                failing_time += op_started.elapsed();
            }
        }
    }
    for (id, message) in &failures {
        println!("\n---- {id}::properties ----\n{message}");
    }
    println!(
        "\n{} cases (shrinking included) in {:.1?}; {}",
        cases_run,
        started.elapsed(),
        context.verdicts()
    );
    println!(
        "test result: {}. {} passed; {} failed; seed {}",
        if failures.is_empty() { "ok" } else { "FAILED" },
        ran - failures.len(),
        failures.len(),
        settings.seed
    );
    std::process::exit(i32::from(!failures.is_empty()));
}

/// What a run is told by its environment.
struct Settings {
    seed: u64,
    cases: u32,
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
                .unwrap_or_else(|_| panic!("TWILL_PROPTEST_CASES={cases:?} is not a u32")),
            Err(_) => DEFAULT_CASES,
        };
        let filter = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
        Settings {
            seed,
            cases,
            filter,
        }
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
    /// A JSON value (object parameters): sent as its compact JSON text.
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
            Scalar::Text(text) => Value::String(text.clone()),
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
            Scalar::Text(text) => text.clone(),
            Scalar::Bool(value) => value.to_string(),
            Scalar::Int(value) => value.to_string(),
            Scalar::Time(time) => format!("{}Z", civil(time.utc)),
            Scalar::Json(value) => value.to_string(),
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
fn case_strategy(context: &Context, op: &Operation) -> Vec<BoxedStrategy<Input>> {
    op.params
        .iter()
        .map(|param| {
            let range =
                (param.kind == ValueKind::Integer).then(|| integer_range(context, op, param));
            param_strategy(param, range)
        })
        .collect()
}

fn param_strategy(param: &Param, range: Option<(i128, i128)>) -> BoxedStrategy<Input> {
    let scalar = scalar_strategy(param, range);
    let present = if param.array {
        vec(scalar, 0..=3).prop_map(Input::List).boxed()
    } else {
        scalar.prop_map(Input::One).boxed()
    };
    if param.required {
        present
    } else {
        // Absent first: shrinking tries leaving the parameter out.
        prop_oneof![1 => Just(Input::Absent), 3 => present].boxed()
    }
}

fn scalar_strategy(param: &Param, range: Option<(i128, i128)>) -> BoxedStrategy<Scalar> {
    if let Some(prefix) = param.sid_prefix {
        return sid(prefix).prop_map(Scalar::Text).boxed();
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
                Scalar::Text(match fraction {
                    Some(fraction) => format!("{sign}{whole}.{fraction:04}"),
                    None => format!("{sign}{whole}"),
                })
            })
            .boxed(),
        ValueKind::Json => vec((piece(), text()), 0..3)
            .prop_map(|pairs| {
                let object: serde_json::Map<String, Value> = pairs
                    .into_iter()
                    .map(|(key, value)| (key, Value::String(value)))
                    .collect();
                Scalar::Json(Value::Object(object))
            })
            .boxed(),
        other => panic!("no strategy for {other:?} parameters yet: add one here"),
    }
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

/// Mostly valid SIDs (either hex case), so that many cases pass validation; sometimes
/// the wrong prefix, length or digits, or any text.
fn sid(prefix: &'static str) -> BoxedStrategy<String> {
    const HEX: &str = "[0-9a-fA-F]{32}";
    prop_oneof![
        8 => HEX.prop_map(move |hex| format!("{prefix}{hex}")),
        1 => ("[A-Za-z]{2}", HEX).prop_map(|(other, hex)| format!("{other}{hex}")),
        1 => "[0-9a-fA-F]{0,40}".prop_map(move |hex| format!("{prefix}{hex}")),
        1 => ("[0-9a-fA-F]{31}", "[^0-9a-fA-F]", 0usize..=31).prop_map(move |(hex, bad, at)| {
            let mut value = format!("{prefix}{hex}");
            value.insert_str(2 + at, &bad);
            value
        }),
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
fn integer_range(context: &Context, op: &Operation, param: &Param) -> (i128, i128) {
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
    let (base, _) = samples::request(op.params, IDENTITY, false);
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

/// `prefix`, then 32 ASCII hex digits in either case: 34 bytes.
fn is_sid(value: &str, prefix: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 34
        && bytes.starts_with(prefix.as_bytes())
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
    /// The query (GET, DELETE) or form (POST, PUT, PATCH) pairs, in field order.
    pairs: Vec<(String, String)>,
    /// The endpoint's headers: lowercase name, value.
    headers: Vec<(String, String)>,
    /// The whole URL's length, as the model encodes it.
    url_len: usize,
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

fn predict(base_url: &str, op: &Operation, inputs: &[Input]) -> Verdict {
    let mut segments = Vec::new();
    let mut url = UrlModel {
        len: base_url.len(),
        contributions: Vec::new(),
    };
    for part in op.path.split('/').skip(1) {
        url.len += 1;
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(placeholder) => {
                let (param, input) = op
                    .params
                    .iter()
                    .zip(inputs)
                    .find(|(p, _)| p.location == Location::Path && p.name == placeholder)
                    .unwrap_or_else(|| panic!("{}: no path parameter `{placeholder}`", op.id));
                let value = input.wire().into_iter().next().unwrap_or_default();
                let encoded = segment_encoded_len(&value);
                url.len += encoded;
                url.contributions.push((param.name, encoded));
                segments.push(Segment::Value(param.name, value));
            }
            None => {
                url.len += part.len();
                segments.push(Segment::Literal(part));
            }
        }
    }

    let mut pairs = Vec::new();
    let mut headers = Vec::new();
    let in_query = !op.method.has_form_body();
    for (param, input) in op.params.iter().zip(inputs) {
        match param.location {
            Location::Path => {}
            Location::Query | Location::Body => {
                let mut contribution = 0;
                for text in input.wire() {
                    if in_query {
                        // `?` or `&`, then `name=value`.
                        contribution +=
                            1 + form_encoded_len(param.name) + 1 + form_encoded_len(&text);
                    }
                    pairs.push((param.name.to_owned(), text));
                }
                if in_query && contribution > 0 {
                    url.contributions.push((param.name, contribution));
                    url.len += contribution;
                }
            }
            Location::Header => {
                for text in input.wire() {
                    headers.push((param.name.to_ascii_lowercase(), text));
                }
            }
            other => panic!("the model does not know {other:?} parameters yet"),
        }
    }

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
            pairs,
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

    // Query or form pairs.
    let in_query = !expected.method.has_form_body();
    let (pairs_text, other) = if in_query {
        (query.unwrap_or(""), "body")
    } else {
        (
            std::str::from_utf8(&request.body).unwrap_or("\u{fffd}"),
            "query",
        )
    };
    if in_query && !request.body.is_empty() {
        problems.push(format!(
            "a {}-byte body on a {}",
            request.body.len(),
            request.method
        ));
    }
    if !in_query && query.is_some() {
        problems.push(format!("a query string on a {}", request.method));
    }
    if in_query && query == Some("") {
        problems.push("an empty query string after `?`".into());
    }
    match form_decode(pairs_text) {
        Ok(pairs) if pairs == expected.pairs => {}
        Ok(pairs) => problems.push(format!(
            "{} pairs {} instead of {}",
            if in_query { "query" } else { "form" },
            abbreviate(&format!("{pairs:?}")),
            abbreviate(&format!("{:?}", expected.pairs))
        )),
        Err(why) => problems.push(format!(
            "{} {}: {why} (nothing expected in the {other})",
            if in_query { "query" } else { "form body" },
            abbreviate(pairs_text)
        )),
    }

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
        ("accept".into(), "application/json".into()),
        (
            "user-agent".into(),
            format!("twill/{} (Rust)", env!("CARGO_PKG_VERSION")),
        ),
        // Sent to a base URL of the test's: the product's host.
        ("twill-host".into(), op.host.to_owned()),
    ];
    if !in_query {
        expected_headers.push((
            "content-type".into(),
            "application/x-www-form-urlencoded".into(),
        ));
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
fn report(settings: &Settings, op: &Operation, reason: &str, minimal: &[Input]) -> String {
    let json = input_json(op, minimal);
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("properties-{}-{}.json", op.id, settings.seed));
    let saved = match std::fs::write(
        &file,
        serde_json::to_string_pretty(&json).unwrap_or_default(),
    ) {
        Ok(()) => format!("exact minimal input: {}", file.display()),
        Err(e) => format!("exact minimal input not saved ({e}): {json}"),
    };
    format!(
        "operation: {} ({} {})\nseed: {}\nreplay: TWILL_PROPTEST_SEED={} cargo test -p twill-tests --test properties -- {}\n{}\nminimal input: {}\n{saved}",
        op.id,
        op.method,
        op.path,
        settings.seed,
        settings.seed,
        op.id,
        reason,
        serde_json::to_string_pretty(&readable(&json)).unwrap_or_default(),
    )
}
