use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct ListConversation {
    #[param(min = 1, min = 2)]
    page_size: Option<u32>,
}

fn main() {}
