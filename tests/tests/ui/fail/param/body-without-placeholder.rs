use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct UpdateService {
    sid: String,
    #[param(body)]
    friendly_name: Option<String>,
}

fn main() {}
