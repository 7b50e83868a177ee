use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services", host = "conversations.twilio.com", response = (), crate = 5)]
struct ListService {}

fn main() {}
