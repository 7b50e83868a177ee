use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Roles", host = "conversations.twilio.com", response = ())]
struct ListRole {
    #[sid(prefix = "RL")]
    page_size: u32,
}

fn main() {}
