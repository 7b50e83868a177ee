use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct CreateConversation {
    #[header("X-Twilio-Webhook-Enabled")]
    webhook_enabled: Vec<String>,
}

fn main() {}
