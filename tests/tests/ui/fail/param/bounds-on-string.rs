use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct ListConversation {
    #[param(min = 1, max = 100)]
    page_token: Option<String>,
}

fn main() {}
