use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Conversations", host = "conversations.twilio.com", response = ())]
struct CreateConversation {
    #[header("X-Twilio-Webhook-Enabled")]
    #[param(rename = "WebhookEnabled")]
    webhook_enabled: Option<String>,
}

fn main() {}
