use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/", host = "conversations.twilio.com", response = ())]
struct ListService {}

fn main() {}
