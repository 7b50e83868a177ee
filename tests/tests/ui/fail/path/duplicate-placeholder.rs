use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    sid: String,
}

fn main() {}
