use twill_api::declare::endpoint;

#[derive(serde::Serialize)]
struct Color;

#[endpoint(POST, "/v1/Content", host = "content.twilio.com", response = (), json)]
struct CreateContent {
    color: Color,
}

fn main() {}
