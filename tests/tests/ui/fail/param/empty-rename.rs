use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    #[param(rename = "")]
    friendly_name: Option<String>,
}

fn main() {}
