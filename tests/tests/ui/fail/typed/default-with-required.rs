//! A request with required parameters has no `Default`: `new(..)` takes them.
use twill_api::conversations::v1::CreateUser;

fn main() {
    let _ = CreateUser {
        friendly_name: Some("Alice".into()),
        ..Default::default()
    };
}
