//! Every kind of field, encoded the way Twilio expects.

use twill_api::declare::{Form, Method, endpoint};
use twill_api::{Endpoint};

/// A list request: query parameters, a rename, a repeated key.
#[endpoint(GET, "/v1/Services/<ChatServiceSid>/Users", host = "conversations.twilio.com", response = serde_json::Value)]
struct ListServiceUser {
    #[sid(prefix = "IS")]
    chat_service_sid: String,
    page_size: Option<u32>,
    #[param(rename = "Configuration.Filters")]
    filters: Vec<String>,
    #[sid(prefix = "RL")]
    role_sid: Vec<String>,
    r#type: Option<String>,
    skipped: Option<bool>,
}

/// A form body, with a path placeholder in the middle of a segment.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>.json", host = "conversations.twilio.com", response = ())]
struct UpdateService {
    chat_service_sid: String,
    reachability_enabled: bool,
}

fn encode<E: Endpoint>(endpoint: &E) -> (String, String) {
    endpoint.validate().unwrap();
    let mut path = String::new();
    endpoint.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let mut form = Form::new();
    endpoint.write_params(&mut form);
    (path, form.into_string())
}

fn main() {
    let list = ListServiceUser {
        chat_service_sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        page_size: Some(50),
        filters: vec!["a".into(), "b c".into()],
        role_sid: vec!["RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into()],
        r#type: Some("chat".into()),
        skipped: None,
    };
    assert_eq!(ListServiceUser::METHOD, Method::Get);
    assert_eq!(ListServiceUser::PATH_TEMPLATE, "/v1/Services/{ChatServiceSid}/Users");
    assert_eq!(
        encode(&list),
        (
            "/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Users".to_owned(),
            "PageSize=50&Configuration.Filters=a&Configuration.Filters=b+c\
             &RoleSid=RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Type=chat"
                .to_owned()
        )
    );
    let bad_list = ListServiceUser {
        role_sid: vec!["RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(), "RL1".into()],
        ..list
    };
    let err = bad_list.validate().unwrap_err();
    assert_eq!((err.field(), err.index()), ("RoleSid", Some(1)));

    let update = UpdateService {
        chat_service_sid: "my service".into(),
        reachability_enabled: true,
    };
    assert_eq!(UpdateService::METHOD, Method::Post);
    assert_eq!(
        encode(&update),
        (
            "/v1/Services/my%20service.json".to_owned(),
            "ReachabilityEnabled=true".to_owned()
        )
    );
}
