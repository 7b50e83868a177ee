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

/// Every paired sample, in the order measured.
static PAIRS: Mutex<Vec<Pair>> = Mutex::new(Vec::new());

/// One sample of a comparison: both routines ran `iterations` times.
struct Pair {
    comparison: String,
    /// Which side's benchmark criterion was running: its last samples are its
    /// measurement, earlier ones its warm-up.
    side: Side,
    candidate: Duration,
    baseline: Duration,
    iterations: u64,
}

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
        record(comparison, side, a, b, iterations);
        match side {
            Side::Candidate => a,
            Side::Baseline => b,
        }
    });
}

/// Records a paired sample: by `compare`, or by a benchmark that times its own
/// alternation (such as the end-to-end one) while criterion runs `side`.
pub(crate) fn record(
    comparison: &str,
    side: Side,
    candidate: Duration,
    baseline: Duration,
    iterations: u64,
) {
    PAIRS.lock().unwrap().push(Pair {
        comparison: comparison.to_owned(),
        side,
        candidate,
        baseline,
        iterations,
    });
}

/// A comparison's measured samples: the last `samples` of each side's benchmark
/// (warm-up excluded).
struct Measured {
    /// Candidate nanoseconds per iteration, over all measured samples.
    candidate: f64,
    /// Baseline nanoseconds per iteration, over all measured samples.
    baseline: f64,
    /// Each sample's candidate time / baseline time, sorted: their spread is the
    /// noise of the overall ratio.
    ratios: Vec<f64>,
}

impl Measured {
    /// The 10th and 90th percentiles of `f` applied to the samples' time ratios.
    fn spread(&self, f: impl Fn(f64) -> f64) -> String {
        let at = |q: f64| f(self.ratios[((self.ratios.len() - 1) as f64 * q).round() as usize]);
        let (low, high) = (at(0.1), at(0.9));
        format!(
            "samples' 10th-90th percentile {:.3}-{:.3}",
            low.min(high),
            low.max(high)
        )
    }
}

/// The measured samples of `comparison`; `None` if a filter left it out.
fn measured(comparison: &str, samples: usize) -> Option<Measured> {
    let pairs = PAIRS.lock().unwrap();
    let measured: Vec<&Pair> = [Side::Candidate, Side::Baseline]
        .into_iter()
        .flat_map(|side| {
            let mine: Vec<&Pair> = pairs
                .iter()
                .filter(|p| p.comparison == comparison && p.side == side)
                .collect();
            mine[mine.len().saturating_sub(samples)..].to_vec()
        })
        .collect();
    if measured.is_empty() {
        println!("ratio {comparison}: not run");
        return None;
    }
    let iterations: u64 = measured.iter().map(|p| p.iterations).sum();
    let a: Duration = measured.iter().map(|p| p.candidate).sum();
    let b: Duration = measured.iter().map(|p| p.baseline).sum();
    let per = |d: Duration| d.as_nanos() as f64 / iterations.max(1) as f64;
    let mut ratios: Vec<f64> = measured
        .iter()
        .map(|p| p.candidate.as_secs_f64() / p.baseline.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    Some(Measured {
        candidate: per(a),
        baseline: per(b),
        ratios,
    })
}

/// Prints candidate time / baseline time over the last `samples` samples of each side,
/// and whether it is at most `target`.
pub(crate) fn time_ratio(comparison: &str, samples: usize, what: &str, target: Option<f64>) {
    let Some(m) = measured(comparison, samples) else {
        return;
    };
    let (a, b) = (m.candidate, m.baseline);
    let ratio = a / b;
    let verdict = match target {
        Some(t) if ratio <= t => format!(" (target <= {t}: met)"),
        Some(t) => format!(" (target <= {t}: MISSED)"),
        None => String::new(),
    };
    let spread = m.spread(|r| r);
    println!("ratio {what}: {a:.1} ns / {b:.1} ns = {ratio:.3}{verdict}; {spread}");
}

/// Prints candidate throughput / baseline throughput over the last `samples` samples of
/// each side, and whether it is at least `target`.
pub(crate) fn throughput_ratio(comparison: &str, samples: usize, what: &str, target: f64) {
    let Some(m) = measured(comparison, samples) else {
        return;
    };
    let (a, b) = (1e9 / m.candidate, 1e9 / m.baseline);
    let ratio = a / b;
    let verdict = if ratio >= target { "met" } else { "MISSED" };
    let spread = m.spread(|r| 1.0 / r);
    println!(
        "ratio {what}: {a:.0} req/s / {b:.0} req/s = {ratio:.3} (target >= {target}: {verdict}); {spread}"
    );
}

/// Prints the machine's core count, for the record.
pub(crate) fn machine() {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!("machine: {cores} cores");
}
