use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    #[header("X-Service-Sid")]
    sid: String,
}

fn main() {}
