use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services", host = "conversations.twilio.com", response = (), crate = "twill_runtime")]
struct ListService {}

fn main() {}
