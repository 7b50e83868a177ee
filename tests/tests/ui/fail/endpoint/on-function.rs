use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
fn fetch_service() {}

fn main() {}
