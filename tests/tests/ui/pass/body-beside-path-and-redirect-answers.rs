//! `#[param(body)]`: a body parameter whose wire name a path placeholder has too (API
//! v2010's `UpdateIncomingPhoneNumber` moves a number to the body's `AccountSid`); and
//! `answers_with_redirect`, for an endpoint whose answer is a `3xx` with a body.

use twill_api::declare::{Form, Location, endpoint};
use twill_api::{Endpoint};

const OWN: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const NEW: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

/// Update an incoming phone number, or move it to another account.
#[endpoint(
    POST,
    "/2010-04-01/Accounts/<AccountSid>/IncomingPhoneNumbers/<Sid>.json",
    host = "api.twilio.com",
    response = ()
)]
struct UpdateIncomingPhoneNumber {
    #[sid(prefix = "AC")]
    #[param(default_account)]
    account_sid: Option<String>,
    #[sid(prefix = "PN")]
    sid: String,
    #[param(rename = "AccountSid", body)]
    #[sid(prefix = "AC")]
    body_account_sid: Option<String>,
}

/// Fetch the day's deactivated numbers: a `307` whose body names the file.
#[endpoint(GET, "/v1/Deactivations", host = "messaging.twilio.com", response = (), answers_with_redirect)]
struct FetchDeactivation {}

/// Not declared so: a `3xx` is an error.
#[endpoint(GET, "/v1/Services", host = "messaging.twilio.com", response = ())]
struct ListService {}

fn main() {
    let params: Vec<_> = UpdateIncomingPhoneNumber::PARAMS
        .iter()
        .map(|p| (p.name, p.field, p.location))
        .collect();
    assert_eq!(
        params,
        [
            ("AccountSid", "account_sid", Location::Path),
            ("Sid", "sid", Location::Path),
            ("AccountSid", "body_account_sid", Location::Body),
        ]
    );
    let update = UpdateIncomingPhoneNumber {
        account_sid: None,
        sid: "PN0123456789abcdef0123456789abcdef".into(),
        body_account_sid: Some(NEW.into()),
    };
    update.validate().unwrap();
    let mut path = String::new();
    update.write_path(&mut path, OWN);
    assert_eq!(
        path,
        format!("/2010-04-01/Accounts/{OWN}/IncomingPhoneNumbers/PN0123456789abcdef0123456789abcdef.json")
    );
    let mut form = Form::new();
    update.write_params(&mut form);
    assert_eq!(form.as_str(), format!("AccountSid={NEW}"));
    let wrong = UpdateIncomingPhoneNumber { body_account_sid: Some("PN1".into()), ..update };
    assert_eq!(wrong.validate().unwrap_err().field(), "AccountSid");

    const { assert!(FetchDeactivation::ANSWERS_WITH_REDIRECT) };
    const { assert!(!ListService::ANSWERS_WITH_REDIRECT) };
}
