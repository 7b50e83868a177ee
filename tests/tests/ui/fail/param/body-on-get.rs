use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    sid: String,
    #[param(rename = "Sid", body)]
    other_sid: Option<String>,
}

fn main() {}
