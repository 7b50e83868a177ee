//! A minimal test runner for `harness = false` tests that report one line per case,
//! like libtest: `test NAME ... ok` or `FAILED`, the failures' messages, and a summary.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// One named case: `Err(message)` or a panic is a failure.
pub type Case = (String, Box<dyn FnOnce() -> Result<(), String>>);

/// Runs `cases`, honouring a name filter given as the first non-flag argument, and
/// returns how many failed.
pub fn run(cases: Vec<Case>) -> usize {
    let filter = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, case) in cases {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        ran += 1;
        let outcome = match catch_unwind(AssertUnwindSafe(case)) {
            Ok(outcome) => outcome,
            Err(panic) => Err(panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "panicked".to_owned())),
        };
        match outcome {
            Ok(()) => println!("test {name} ... ok"),
            Err(message) => {
                println!("test {name} ... FAILED");
                failures.push((name, message));
            }
        }
    }
    for (name, message) in &failures {
        println!("\n---- {name} ----\n{message}");
    }
    println!(
        "\ntest result: {}. {} passed; {} failed",
        if failures.is_empty() { "ok" } else { "FAILED" },
        ran - failures.len(),
        failures.len()
    );
    failures.len()
}
