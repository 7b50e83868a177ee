use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Roles", host = "conversations.twilio.com", response = ())]
struct ListRole {
    #[header("Host")]
    host: Option<String>,
}

fn main() {}
