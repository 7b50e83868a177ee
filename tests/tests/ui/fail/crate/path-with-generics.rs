use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services", host = "conversations.twilio.com", response = (), crate = twill_api::<u8>)]
struct ListService {}

fn main() {}
