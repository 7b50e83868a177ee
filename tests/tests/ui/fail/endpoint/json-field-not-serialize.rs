use twill_api::declare::endpoint;

/// A wire value that serde cannot serialize, so it cannot be in a JSON body.
struct Color;

impl twill_api::declare::WireValue for Color {
    const KIND: twill_api::declare::ValueKind = twill_api::declare::ValueKind::String;

    fn to_wire(&self) -> std::borrow::Cow<'_, str> {
        "red".into()
    }
}

#[endpoint(POST, "/v1/Content", host = "content.twilio.com", response = (), json)]
struct CreateContent {
    friendly_name: Option<String>,
    color: Color,
}

fn main() {}
