use twill_api::declare::endpoint;

#[endpoint(get, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
