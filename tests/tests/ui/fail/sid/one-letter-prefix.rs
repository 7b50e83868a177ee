use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    #[sid(prefix = "R")]
    sid: String,
}

fn main() {}
