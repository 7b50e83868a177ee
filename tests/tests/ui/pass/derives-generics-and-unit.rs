//! Derives on either side of the attribute, borrowed fields, and a parameterless
//! endpoint.

use twill_api::declare::{Form, endpoint};
use twill_api::{Endpoint};

/// Derives above and below `#[endpoint]` both see the struct without helper attributes.
#[derive(Debug, Clone)]
#[endpoint(DELETE, "/v1/Services/<ChatServiceSid>/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
#[derive(PartialEq, Default)]
struct DeleteServiceRole<'a> {
    #[sid(prefix = "IS")]
    chat_service_sid: &'a str,
    #[sid(prefix = "RL")]
    sid: &'a str,
    #[sid(prefix = "RL")]
    also: Option<Vec<&'a str>>,
}

/// No parameters at all.
#[endpoint(GET, "/v1/Configuration", host = "conversations.twilio.com", response = serde_json::Value)]
struct FetchConfiguration;

fn main() {
    let delete = DeleteServiceRole {
        chat_service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        sid: "RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        also: Some(vec!["RLcccccccccccccccccccccccccccccccc"]),
    };
    assert_eq!(delete.clone(), delete);
    assert!(format!("{delete:?}").contains("RLbbbb"));
    delete.validate().unwrap();
    let mut path = String::new();
    delete.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(
        path,
        "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles/RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
    let mut form = Form::new();
    delete.write_params(&mut form);
    assert_eq!(form.as_str(), "Also=RLcccccccccccccccccccccccccccccccc");
    assert!(DeleteServiceRole::default().validate().is_err());

    let mut path = String::new();
    FetchConfiguration.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(path, "/v1/Configuration");
    FetchConfiguration.validate().unwrap();
}
