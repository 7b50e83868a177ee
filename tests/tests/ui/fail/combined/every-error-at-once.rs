use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<ChatServiceSid>/Roles/<RoleSid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    #[sid(prefix = "is")]
    chat_service_sid: String,
    #[sid(prefix = "RL")]
    role_sid: Option<String>,
    #[sid(prefix = "RL")]
    page_size: u32,
}

fn main() {}
