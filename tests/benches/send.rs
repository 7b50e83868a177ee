//! End to end on loopback: `send` of `UpdateServiceConfiguration` against raw `reqwest`
//! sending the identical request to the same keep-alive server, with 1 and 32
//! concurrent tasks, and the bytes allocated per send, counted by a global allocator.
//! Ratios are printed at the end: `cargo bench -p twill-tests --bench send`.

// The counting allocator below is the only unsafe code of the project: a
// `GlobalAlloc` impl cannot be written without it.
#![allow(unsafe_code)]

mod baseline;
mod report;
mod server;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use criterion::{Criterion, criterion_group};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use tokio::runtime::Runtime;
use twill_api::conversations::v1::{ServiceConfiguration, UpdateServiceConfiguration};
use twill_api::{Client, Credentials, RetryPolicy, sid};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN, response_example, spec};

use crate::baseline::hand_update;
use crate::report::Side;
use crate::server::BenchServer;

// -- counting allocator ---------------------------------------------------------------

/// Counts allocations made on threads that opt in, and hands everything to `System`.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// SAFETY: every call is forwarded to `System` unchanged; counting touches only atomics
// and a const-initialised thread-local, neither of which allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count(bytes: usize) {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// (allocations, bytes) made on this thread while `f` runs.
fn allocations_during(f: impl FnOnce()) -> (u64, u64) {
    let (a, b) = (
        ALLOCATIONS.load(Ordering::SeqCst),
        BYTES.load(Ordering::SeqCst),
    );
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    (
        ALLOCATIONS.load(Ordering::SeqCst) - a,
        BYTES.load(Ordering::SeqCst) - b,
    )
}

// -- the two clients ------------------------------------------------------------------

fn update() -> UpdateServiceConfiguration {
    UpdateServiceConfiguration {
        default_chat_service_role_sid: Some(sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
        reachability_enabled: Some(true),
        ..UpdateServiceConfiguration::new(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
    }
}

/// What a hand-written client holds: a reqwest client with the same timeouts, and the
/// headers computed once.
#[derive(Clone)]
struct Raw {
    http: reqwest::Client,
    base_url: Arc<str>,
    authorization: HeaderValue,
}

impl Raw {
    fn new(base_url: &str) -> Raw {
        let credentials = format!("{ACCOUNT_SID}:{AUTH_TOKEN}");
        let mut authorization = HeaderValue::try_from(format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(credentials)
        ))
        .unwrap();
        authorization.set_sensitive(true);
        Raw {
            http: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            base_url: base_url.into(),
            authorization,
        }
    }

    /// The same request as twill's, validated, encoded and decoded by hand.
    async fn send(&self, request: &UpdateServiceConfiguration) -> ServiceConfiguration {
        let (path, body) = hand_update(request);
        let response = self
            .http
            .post(format!("{}{path}", self.base_url))
            .header(AUTHORIZATION, self.authorization.clone())
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, "twill/0.1.0 (Rust)")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let bytes = response.bytes().await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }
}

fn twill_client(base_url: &str) -> Client {
    Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(base_url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

/// Runs `requests` sends spread over `tasks` concurrent tasks, with either client.
async fn run(tasks: usize, requests: u64, twill: Option<&Client>, raw: &Raw) {
    let per_task = requests.div_ceil(tasks as u64);
    let mut handles = Vec::with_capacity(tasks);
    for task in 0..tasks as u64 {
        let n = per_task.min(requests.saturating_sub(task * per_task));
        let (twill, raw) = (twill.cloned(), raw.clone());
        handles.push(tokio::spawn(async move {
            let request = update();
            for _ in 0..n {
                match &twill {
                    Some(client) => {
                        black_box(request.send(client).await.unwrap());
                    }
                    None => {
                        black_box(raw.send(&request).await);
                    }
                }
            }
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
}

// -- benchmarks -----------------------------------------------------------------------

/// Measured samples per benchmark.
const SAMPLES: usize = 30;

struct Setup {
    _server: BenchServer,
    twill: Client,
    raw: Raw,
}

/// A keep-alive server on its own runtime threads, answering with the spec's example.
fn setup(server_runtime: &Runtime) -> Setup {
    let spec = spec::spec();
    let example = response_example(
        &spec::operation(&spec, "/v1/Services/{ChatServiceSid}/Configuration", "post"),
        "200",
    );
    let server = server_runtime.block_on(BenchServer::start(&example.to_string()));
    let base_url = server.uri();
    Setup {
        twill: twill_client(&base_url),
        raw: Raw::new(&base_url),
        _server: server,
    }
}

fn send(c: &mut Criterion) {
    for tasks in [1, 32] {
        // A fresh server per group, so that nothing of one group's run carries over.
        let server_runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let setup = setup(&server_runtime);
        let client_runtime = if tasks == 1 {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
        } else {
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .unwrap()
        };
        let name = format!("send/{tasks}_tasks");
        let mut group = c.benchmark_group(&name);
        group
            .sample_size(SAMPLES)
            .measurement_time(Duration::from_secs(10));
        for side in [Side::Candidate, Side::Baseline] {
            let id = if side == Side::Candidate {
                "twill"
            } else {
                "reqwest"
            };
            group.bench_function(id, |b| {
                b.iter_custom(|iterations| {
                    // Alternate the clients in blocks, as `report::compare` does.
                    let blocks = 4;
                    let block = iterations.div_ceil(blocks).max(1);
                    let (mut twill, mut raw, mut done) = (Duration::ZERO, Duration::ZERO, 0);
                    let mut twill_first = true;
                    while done < iterations {
                        let n = block.min(iterations - done);
                        // Which goes first alternates too, so that neither always
                        // follows the other.
                        for twill_turn in [twill_first, !twill_first] {
                            let start = Instant::now();
                            if twill_turn {
                                client_runtime.block_on(run(
                                    tasks,
                                    n,
                                    Some(&setup.twill),
                                    &setup.raw,
                                ));
                                twill += start.elapsed();
                            } else {
                                client_runtime.block_on(run(tasks, n, None, &setup.raw));
                                raw += start.elapsed();
                            }
                        }
                        twill_first = !twill_first;
                        done += n;
                    }
                    report::record(&name, side, twill, raw, iterations);
                    if side == Side::Candidate { twill } else { raw }
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, send);

/// Bytes and allocations per send, counted on a single-threaded client runtime (the
/// server's threads are not counted).
fn memory() {
    let server_runtime = Runtime::new().unwrap();
    let setup = setup(&server_runtime);
    let client_runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    const SENDS: u64 = 2000;
    // Warm up: connection established, pools and buffers sized.
    client_runtime.block_on(run(1, 100, Some(&setup.twill), &setup.raw));
    client_runtime.block_on(run(1, 100, None, &setup.raw));
    let (twill_allocations, twill_bytes) = allocations_during(|| {
        client_runtime.block_on(run(1, SENDS, Some(&setup.twill), &setup.raw))
    });
    let (raw_allocations, raw_bytes) =
        allocations_during(|| client_runtime.block_on(run(1, SENDS, None, &setup.raw)));
    let per = |n: u64| n as f64 / SENDS as f64;
    println!(
        "memory per send: twill {:.0} bytes in {:.1} allocations; raw reqwest {:.0} bytes in {:.1} allocations; bytes ratio {:.3}",
        per(twill_bytes),
        per(twill_allocations),
        per(raw_bytes),
        per(raw_allocations),
        twill_bytes as f64 / raw_bytes as f64
    );
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report::machine();
    report::throughput_ratio(
        "send/1_tasks",
        SAMPLES,
        "send with 1 task, twill / raw reqwest",
        0.95,
    );
    report::throughput_ratio(
        "send/32_tasks",
        SAMPLES,
        "send with 32 tasks, twill / raw reqwest",
        0.95,
    );
    memory();
}
