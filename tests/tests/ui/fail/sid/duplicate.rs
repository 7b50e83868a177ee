use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    #[sid(prefix = "RL")]
    #[sid(prefix = "IS")]
    sid: String,
}

fn main() {}
