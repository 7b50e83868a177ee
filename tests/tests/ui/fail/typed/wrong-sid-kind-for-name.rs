//! A conversation is named by its `CH` SID or its unique name, not by a service's SID.
use twill_api::conversations::v1::FetchConversation;
use twill_api::sid;

fn main() {
    let _ = FetchConversation::new(sid!("IS0123456789abcdef0123456789abcdef"));
}
