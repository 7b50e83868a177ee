use twill_api::declare::endpoint;

struct Color;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    sid: Color,
}

fn main() {}
