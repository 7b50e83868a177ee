//! `#[sid(prefix = "SM|MM")]`: a SID with any of the prefixes passes.

use twill_api::declare::{endpoint};
use twill_api::{Endpoint, ValidationErrorKind};

/// Fetch a message or an MMS.
#[endpoint(GET, "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json", host = "api.twilio.com", response = ())]
struct FetchMessage {
    #[sid(prefix = "AC")]
    #[param(default_account)]
    account_sid: Option<String>,
    #[sid(prefix = "SM|MM")]
    sid: String,
    #[sid(prefix = "SM|MM|IM")]
    others: Vec<String>,
}

fn main() {
    assert_eq!(FetchMessage::PARAMS[1].sid_prefix, Some("SM|MM"));
    assert_eq!(FetchMessage::PARAMS[2].sid_prefix, Some("SM|MM|IM"));
    let mut fetch = FetchMessage {
        account_sid: None,
        sid: "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        others: vec!["IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into()],
    };
    fetch.validate().unwrap();
    fetch.sid = "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into();
    fetch.validate().unwrap();
    fetch.sid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into();
    let err = fetch.validate().unwrap_err();
    assert_eq!(err.field(), "Sid");
    assert!(matches!(err.kind(), ValidationErrorKind::SidPrefix { prefix: "SM|MM", .. }));
    assert_eq!(err.to_string(), "invalid `Sid`: expected a SID starting with `SM` or `MM`, found `AC`");
}
