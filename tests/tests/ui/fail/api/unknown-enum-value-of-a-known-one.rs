// `Unknown` holds only values no variant stands for: users cannot build one.
use twill_api::conversations::v1::ConversationState;

fn main() {
    let _ = ConversationState::Unknown("active".into());
}
