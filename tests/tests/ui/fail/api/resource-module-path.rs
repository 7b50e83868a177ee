// Every generated item has one path: the version's module, not its resource's.
use twill_api::conversations::v1::conversation::CreateConversation;

fn main() {}
