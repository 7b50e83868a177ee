use twill_api::declare::endpoint;

type Sid = String;

#[endpoint(GET, "/v1/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    #[sid(prefix = "RL")]
    sid: Sid,
}

fn main() {}
