//! Text does not become a `Sid` without a check: `sid!` for a literal, `parse` at run time.
use twill_api::conversations::v1::FetchRole;

fn main() {
    let _ = FetchRole::new("RL0123456789abcdef0123456789abcdef".into());
}
