use twill_api::declare::endpoint;

struct NotDeserializable;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = NotDeserializable)]
struct FetchService {
    sid: String,
}

fn main() {}
