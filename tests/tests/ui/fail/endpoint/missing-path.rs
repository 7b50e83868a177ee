use twill_api::declare::endpoint;

#[endpoint(GET, host = "conversations.twilio.com", response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
