use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct UpdateService {
    #[param(query)]
    sid: String,
    friendly_name: Option<String>,
}

fn main() {}
