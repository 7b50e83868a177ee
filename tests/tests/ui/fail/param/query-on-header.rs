use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    #[header("X-Twilio-Webhook-Enabled")]
    #[param(query)]
    webhook: Option<bool>,
}

fn main() {}
