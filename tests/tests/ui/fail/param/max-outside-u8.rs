use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct ListConversation {
    #[param(min = 1, max = 1000)]
    page_size: Option<u8>,
}

fn main() {}
