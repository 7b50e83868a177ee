use twill_api::endpoint;

struct NotDeserializable;

#[endpoint(GET, "/v1/Services/<Sid>", response = NotDeserializable)]
struct FetchService {
    sid: String,
}

fn main() {}
