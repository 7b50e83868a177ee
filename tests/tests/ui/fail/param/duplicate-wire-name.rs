use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    friendly_name: Option<String>,
    #[param(rename = "FriendlyName")]
    name: Option<String>,
}

fn main() {}
