use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct UpdateService {
    sid: String,
    #[param(rename = "Sid", body, query)]
    other_sid: Option<String>,
}

fn main() {}
