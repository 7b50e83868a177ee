//! Metadata constants, headers, integer bounds, required lists and `paginated`.

use twill_api::declare::{Headers, Location, Page, ValueKind, endpoint, wire_enum};
use twill_api::{Endpoint, PageMeta, Timestamp, ValidationErrorKind};

wire_enum! {
    /// Whether webhooks fire for this request.
    pub enum WebhookEnabledType {
        True = "true",
        False = "false",
    }
}

/// A page of roles.
#[derive(serde::Deserialize)]
struct RolePage {
    roles: Vec<String>,
    meta: PageMeta,
}

impl Page for RolePage {
    type Item = String;

    fn next_page(&self) -> twill_api::declare::NextPage<'_> {
        self.meta.next_page()
    }

    fn into_items(self) -> Vec<String> {
        self.roles
    }
}

/// Create a role.
#[derive(Clone)]
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Roles", host = "conversations.twilio.com", response = ())]
struct CreateServiceRole {
    #[sid(prefix = "IS")]
    chat_service_sid: String,
    friendly_name: String,
    permission: Vec<String>,
    #[param(min = -5, max = 5)]
    offset: Option<i32>,
    date_created: Option<Timestamp>,
    #[header("X-Twilio-Webhook-Enabled")]
    x_twilio_webhook_enabled: Option<WebhookEnabledType>,
}

/// List roles.
#[endpoint(GET, "/v1/Roles", host = "conversations.twilio.com", response = RolePage, paginated)]
struct ListRole {
    #[param(min = 1, max = 50)]
    page_size: Option<u32>,
}

fn main() {
    assert_eq!(CreateServiceRole::OPERATION_ID, "CreateServiceRole");
    let params: Vec<_> = CreateServiceRole::PARAMS
        .iter()
        .map(|p| (p.name, p.field, p.location, p.required, p.sid_prefix, p.array, p.min, p.max, p.kind))
        .collect();
    assert_eq!(
        params,
        [
            ("ChatServiceSid", "chat_service_sid", Location::Path, true, Some("IS"), false, None, None, ValueKind::String),
            ("FriendlyName", "friendly_name", Location::Body, true, None, false, None, None, ValueKind::String),
            ("Permission", "permission", Location::Body, true, None, true, None, None, ValueKind::String),
            ("Offset", "offset", Location::Body, false, None, false, Some(-5), Some(5), ValueKind::Integer),
            ("DateCreated", "date_created", Location::Body, false, None, false, None, None, ValueKind::DateTime),
            ("X-Twilio-Webhook-Enabled", "x_twilio_webhook_enabled", Location::Header, false, None, false, None, None, ValueKind::Enum),
        ]
    );
    assert_eq!(CreateServiceRole::PARAMS[5].values, ["true", "false"]);
    assert_eq!(ListRole::PARAMS[0].location, Location::Query);

    let create = CreateServiceRole {
        chat_service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        friendly_name: "reader".into(),
        permission: vec!["sendMessage".into()],
        offset: Some(-5),
        date_created: Some("2020-01-02T03:04:05Z".parse().unwrap()),
        x_twilio_webhook_enabled: Some(WebhookEnabledType::True),
    };
    create.validate().unwrap();
    let mut headers = Headers::new();
    create.write_headers(&mut headers);
    assert_eq!(headers.iter().collect::<Vec<_>>(), [("X-Twilio-Webhook-Enabled", "true")]);

    let out_of_range = CreateServiceRole { offset: Some(6), ..create.clone() };
    assert!(matches!(
        out_of_range.validate().unwrap_err().kind(),
        ValidationErrorKind::OutOfRange { value: 6, min: Some(-5), max: Some(5) }
    ));
    let no_permission = CreateServiceRole { permission: vec![], ..create.clone() };
    assert_eq!(
        no_permission.validate().unwrap_err().kind(),
        &ValidationErrorKind::MissingRequired
    );
    let injected = CreateServiceRole {
        x_twilio_webhook_enabled: Some(WebhookEnabledType::from_wire("true\r\nX-Evil: 1")),
        ..create.clone()
    };
    assert_eq!(
        injected.validate().unwrap_err().kind(),
        &ValidationErrorKind::HeaderControlCharacter
    );
}
