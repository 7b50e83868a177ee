//! `cargo run -p twill-generator [-- spec.json...]`: see the library's docs.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let specs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    match twill_generator::run(specs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("twill-generator: {err}");
            ExitCode::FAILURE
        }
    }
}
