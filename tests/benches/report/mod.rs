//! Ratios between a benchmark and its baseline, measured in the same run and in the
//! same samples: within each criterion sample, the two routines run in alternating
//! blocks, so that the machine's drift (frequency, neighbours) falls on both alike.
//! Criterion reports each routine's own time; the ratios are printed at the end.

// Each benchmark binary uses part of this module.
#![allow(dead_code)]

use std::hint::black_box;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::Bencher;

/// Every paired sample: (comparison, time of the candidate, time of the baseline,
/// iterations of each).
static PAIRS: Mutex<Vec<(String, Duration, Duration, u64)>> = Mutex::new(Vec::new());

/// Criterion's default sample size: a benchmark's last samples are its measurement,
/// earlier ones its warm-up.
const MEASURED: usize = 100;

/// Blocks per sample: the routines alternate this many times.
const BLOCKS: u64 = 16;

/// Which routine of a comparison criterion is told about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Candidate,
    Baseline,
}

/// Benchmarks one side of `comparison`, running `candidate` and `baseline` the same
/// number of times in alternating blocks and recording both.
pub(crate) fn compare<R1, R2>(
    bencher: &mut Bencher<'_>,
    comparison: &str,
    side: Side,
    mut candidate: impl FnMut() -> R1,
    mut baseline: impl FnMut() -> R2,
) {
    bencher.iter_custom(|iterations| {
        let block = iterations.div_ceil(BLOCKS);
        let (mut a, mut b, mut done) = (Duration::ZERO, Duration::ZERO, 0);
        while done < iterations {
            let n = block.min(iterations - done);
            let start = Instant::now();
            for _ in 0..n {
                black_box(candidate());
            }
            a += start.elapsed();
            let start = Instant::now();
            for _ in 0..n {
                black_box(baseline());
            }
            b += start.elapsed();
            done += n;
        }
        PAIRS
            .lock()
            .unwrap()
            .push((comparison.to_owned(), a, b, iterations));
        match side {
            Side::Candidate => a,
            Side::Baseline => b,
        }
    });
}

/// Records a paired sample measured elsewhere (by a benchmark that times its own
/// alternation, such as the end-to-end one).
pub(crate) fn record(comparison: &str, candidate: Duration, baseline: Duration, iterations: u64) {
    PAIRS
        .lock()
        .unwrap()
        .push((comparison.to_owned(), candidate, baseline, iterations));
}

/// (candidate, baseline) nanoseconds per iteration over the measured samples of both
/// sides' benchmarks; `None` if a filter left the comparison out.
fn per_iteration(comparison: &str) -> Option<(f64, f64)> {
    let pairs = PAIRS.lock().unwrap();
    let mine: Vec<_> = pairs.iter().filter(|(c, ..)| c == comparison).collect();
    if mine.is_empty() {
        println!("ratio {comparison}: not run");
        return None;
    }
    let measured = &mine[mine.len().saturating_sub(2 * MEASURED)..];
    let iterations: u64 = measured.iter().map(|(.., n)| n).sum();
    let a: Duration = measured.iter().map(|(_, a, ..)| *a).sum();
    let b: Duration = measured.iter().map(|(_, _, b, _)| *b).sum();
    let per = |d: Duration| d.as_nanos() as f64 / iterations.max(1) as f64;
    Some((per(a), per(b)))
}

/// Prints candidate time / baseline time, and whether it is at most `target`.
pub(crate) fn time_ratio(comparison: &str, what: &str, target: Option<f64>) {
    let Some((a, b)) = per_iteration(comparison) else {
        return;
    };
    let ratio = a / b;
    let verdict = match target {
        Some(t) if ratio <= t => format!(" (target <= {t}: met)"),
        Some(t) => format!(" (target <= {t}: MISSED)"),
        None => String::new(),
    };
    println!("ratio {what}: {a:.1} ns / {b:.1} ns = {ratio:.3}{verdict}");
}

/// Prints candidate throughput / baseline throughput, and whether it is at least
/// `target`.
pub(crate) fn throughput_ratio(comparison: &str, what: &str, target: f64) {
    let Some((a, b)) = per_iteration(comparison) else {
        return;
    };
    let (a, b) = (1e9 / a, 1e9 / b);
    let ratio = a / b;
    let verdict = if ratio >= target { "met" } else { "MISSED" };
    println!(
        "ratio {what}: {a:.0} req/s / {b:.0} req/s = {ratio:.3} (target >= {target}: {verdict})"
    );
}

/// Prints the machine's core count, for the record.
pub(crate) fn machine() {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!("machine: {cores} cores");
}
