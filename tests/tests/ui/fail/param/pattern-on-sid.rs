use twill_api::declare::endpoint;

use twill_api::Sid;
use twill_api::prefix::IS;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    #[param(pattern = "^IS[0-9a-fA-F]{32}$")]
    sid: Sid<IS>,
}

fn main() {}
