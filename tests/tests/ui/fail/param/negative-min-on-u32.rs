use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct ListConversation {
    #[param(min = -1)]
    page_size: Vec<u32>,
}

fn main() {}
