use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    friendly_naïve: Option<String>,
}

fn main() {}
