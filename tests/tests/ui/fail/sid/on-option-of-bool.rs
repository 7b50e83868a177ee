use twill_api::declare::endpoint;

#[endpoint(POST, "/v1/Roles", host = "conversations.twilio.com", response = ())]
struct CreateRole {
    #[sid(prefix = "RL")]
    enabled: Option<bool>,
}

fn main() {}
