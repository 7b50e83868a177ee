use twill_api::declare::endpoint;

struct Color;

#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    #[header("X-Color")]
    color: Option<Color>,
}

fn main() {}
