//! `json`: body parameters sent as one JSON object keyed by wire name; path parameters,
//! headers and the query are unchanged.

use twill_api::declare::{BodyFormat, Form, Headers, JsonBody, Location, ValueKind, endpoint, wire_json};
use twill_api::{Endpoint};

/// A nested object of the body.
#[derive(serde::Serialize)]
struct Types {
    #[serde(rename = "twilio/text")]
    text: Option<Text>,
}

/// The text of a template.
#[derive(serde::Serialize)]
struct Text {
    body: String,
}

wire_json!(Types, Text);

/// Create a template.
#[endpoint(POST, "/v1/Services/<ServiceSid>/Content", host = "content.twilio.com", response = (), json)]
struct CreateContent {
    #[sid(prefix = "IS")]
    service_sid: String,
    #[param(rename = "friendly_name")]
    friendly_name: Option<String>,
    #[param(rename = "language")]
    language: Option<String>,
    #[param(rename = "variables")]
    variables: Option<serde_json::Value>,
    #[param(rename = "types")]
    types: Types,
    #[param(rename = "tags", min = 1, max = 9)]
    tags: Vec<u8>,
    #[header("X-Twilio-Webhook-Enabled")]
    webhook_enabled: Option<String>,
}

/// A JSON endpoint without body parameters sends `{}`.
#[endpoint(PUT, "/v1/Services/<Sid>", host = "content.twilio.com", response = (), json)]
struct Touch {
    sid: String,
}

/// Without `json`, the body stays a form.
#[endpoint(POST, "/v1/Services", host = "content.twilio.com", response = ())]
struct CreateService {
    friendly_name: String,
}

fn main() {
    assert_eq!(CreateContent::BODY, BodyFormat::Json);
    assert_eq!(CreateService::BODY, BodyFormat::Form);
    let params: Vec<_> = CreateContent::PARAMS.iter().map(|p| (p.name, p.location, p.kind)).collect();
    assert_eq!(
        params,
        [
            ("ServiceSid", Location::Path, ValueKind::String),
            ("friendly_name", Location::Body, ValueKind::String),
            ("language", Location::Body, ValueKind::String),
            ("variables", Location::Body, ValueKind::Json),
            ("types", Location::Body, ValueKind::Json),
            ("tags", Location::Body, ValueKind::Integer),
            ("X-Twilio-Webhook-Enabled", Location::Header, ValueKind::String),
        ]
    );

    let create = CreateContent {
        service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        friendly_name: Some("owl".into()),
        language: None,
        variables: Some(serde_json::json!({"1": "name"})),
        types: Types { text: Some(Text { body: "Hi {{1}}".into() }) },
        tags: vec![1, 2],
        webhook_enabled: Some("false".into()),
    };
    create.validate().unwrap();
    let mut path = String::new();
    create.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(path, "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Content");
    let mut form = Form::new();
    create.write_params(&mut form);
    assert_eq!(form.as_str(), "", "JSON body fields are not form parameters");
    let mut body = JsonBody::new();
    create.write_json(&mut body);
    assert_eq!(
        body.into_string(),
        r#"{"friendly_name":"owl","variables":{"1":"name"},"types":{"twilio/text":{"body":"Hi {{1}}"}},"tags":[1,2]}"#
    );
    let mut headers = Headers::new();
    create.write_headers(&mut headers);
    assert_eq!(headers.iter().collect::<Vec<_>>(), [("X-Twilio-Webhook-Enabled", "false")]);
    let out_of_range = CreateContent { tags: vec![10], ..create };
    assert_eq!(out_of_range.validate().unwrap_err().field(), "tags");

    let mut body = JsonBody::new();
    Touch { sid: "x".into() }.write_json(&mut body);
    assert_eq!(body.into_string(), "{}");

    let mut body = JsonBody::new();
    CreateService { friendly_name: "x".into() }.write_json(&mut body);
    assert!(body.is_empty(), "a form endpoint writes no JSON");
}
