use twill_api::endpoint;

#[derive(serde::Serialize)]
struct Color;

#[endpoint(POST, "/v1/Content", host = "content.twilio.com", response = (), json)]
struct CreateContent {
    color: Color,
}

fn main() {}
