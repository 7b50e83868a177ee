//! `#[param(default_account)]`: an `Option` path parameter that takes the client's
//! account SID when `None`.

use twill_api::declare::{Form, Location, endpoint};
use twill_api::{Endpoint, ValidationErrorKind};

const OWN: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const SUB: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

/// Send a message.
#[derive(Default)]
#[endpoint(POST, "/2010-04-01/Accounts/<AccountSid>/Messages.json", host = "api.twilio.com", response = ())]
struct CreateMessage {
    #[sid(prefix = "AC")]
    #[param(default_account)]
    account_sid: Option<String>,
    to: String,
}

/// Without a SID check, any text but empty, `.` and `..` is a segment.
#[endpoint(GET, "/v1/Accounts/<AccountSid>", host = "accounts.twilio.com", response = ())]
struct FetchAccount {
    #[param(default_account)]
    account_sid: Option<String>,
}

fn path<E: Endpoint>(endpoint: &E) -> String {
    let mut path = String::new();
    endpoint.write_path(&mut path, OWN);
    path
}

fn main() {
    let params: Vec<_> = CreateMessage::PARAMS
        .iter()
        .map(|p| (p.name, p.location, p.required, p.defaults_to_account, p.sid_prefix))
        .collect();
    assert_eq!(
        params,
        [
            ("AccountSid", Location::Path, true, true, Some("AC")),
            ("To", Location::Body, true, false, None),
        ]
    );

    let own = CreateMessage { to: "+15017122661".into(), ..CreateMessage::default() };
    own.validate().unwrap();
    assert_eq!(path(&own), format!("/2010-04-01/Accounts/{OWN}/Messages.json"));
    let mut form = Form::new();
    own.write_params(&mut form);
    assert_eq!(form.as_str(), "To=%2B15017122661");

    let sub = CreateMessage { account_sid: Some(SUB.into()), ..own };
    sub.validate().unwrap();
    assert_eq!(path(&sub), format!("/2010-04-01/Accounts/{SUB}/Messages.json"));

    let bad = CreateMessage { account_sid: Some("AC12".into()), ..sub };
    assert!(matches!(bad.validate().unwrap_err().kind(), ValidationErrorKind::SidLength { .. }));

    let dots = FetchAccount { account_sid: Some("..".into()) };
    assert_eq!(dots.validate().unwrap_err().kind(), &ValidationErrorKind::DotPathSegment);
    let slash = FetchAccount { account_sid: Some("a/b".into()) };
    slash.validate().unwrap();
    assert_eq!(path(&slash), "/v1/Accounts/a%2Fb");
    let none = FetchAccount { account_sid: None };
    none.validate().unwrap();
    assert_eq!(path(&none), format!("/v1/Accounts/{OWN}"));
}
