use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct CreateConversation {
    #[header("Content-Length")]
    length: Option<u64>,
}

fn main() {}
