use twill_api::declare::endpoint;

struct Color;

// A required field: validated as required, listed in `PARAMS` and encoded, yet one error.
#[endpoint(POST, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct CreateService {
    color: Color,
}

fn main() {}
