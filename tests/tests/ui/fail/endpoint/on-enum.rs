use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
enum FetchService {
    Sid(String),
}

fn main() {}
