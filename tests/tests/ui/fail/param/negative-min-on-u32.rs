use twill_api::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct ListConversation {
    #[param(min = -1)]
    page_size: Vec<u32>,
}

fn main() {}
