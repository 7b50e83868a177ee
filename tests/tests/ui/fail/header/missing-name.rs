use twill_api::endpoint;

#[endpoint(POST, "/v1/Conversations", response = ())]
struct CreateConversation {
    #[header]
    webhook_enabled: Option<String>,
}

fn main() {}
