use twill_api::prefix::RL;
use twill_api::declare::{endpoint};
use twill_api::{Sid};

#[endpoint(GET, "/v1/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    #[sid(prefix = "RL")]
    sid: Sid<RL>,
}

fn main() {}
