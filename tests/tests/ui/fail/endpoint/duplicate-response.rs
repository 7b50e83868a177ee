use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = (), response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
