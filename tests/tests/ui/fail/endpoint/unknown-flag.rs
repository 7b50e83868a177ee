use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Conversations", host = "conversations.twilio.com", response = (), pagniated)]
struct ListConversation {
    page_size: Option<u32>,
}

fn main() {}
