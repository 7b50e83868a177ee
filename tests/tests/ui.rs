//! Compile-time behaviour of `#[endpoint]`: misuse is an error with a clear message on
//! the offending token (`ui/fail/<category>/<case>.rs`, each with its `.stderr`), and
//! correct use compiles and runs (`ui/pass`).
//!
//! The `.stderr` files hold rustc 1.95's rendering. To update them after a deliberate
//! change, run `TRYBUILD=overwrite cargo test -p twill-tests --test ui` and review the
//! diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
