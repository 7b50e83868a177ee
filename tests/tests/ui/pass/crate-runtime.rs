//! `#[endpoint(.., crate = ::twill_runtime)]` and `sid!(crate = ::twill_runtime, ..)`:
//! generated code names the runtime directly, for a crate that does not depend on the
//! API crate.
#![deny(unused_qualifications, unused_imports)]

use twill_macros::{endpoint, sid};
use twill_runtime::{Endpoint, Form, Sid, prefix::IS};

/// Update a service.
#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = (), crate = ::twill_runtime)]
pub struct UpdateService {
    pub sid: Sid<IS>,
    #[param(min = 1, max = 10)]
    pub limit: Option<u32>,
    #[header("X-Twilio-Webhook-Enabled")]
    pub webhook: Option<bool>,
}

/// A list, for `paginated` and `json`.
#[endpoint(POST, "/v1/Things", host = "things.twilio.com", response = (), json, crate = twill_runtime)]
pub struct CreateThing {
    #[sid(prefix = "IS|RL")]
    pub owner_sid: String,
}

const SERVICE: Sid<IS> = sid!(crate = ::twill_runtime, "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

fn main() {
    let update = UpdateService {
        sid: SERVICE,
        limit: Some(3),
        webhook: Some(false),
    };
    update.validate().unwrap();
    let mut form = Form::new();
    update.write_params(&mut form);
    assert_eq!(form.as_str(), "Limit=3");
    assert_eq!(UpdateService::PARAMS.len(), 3);
    let create = CreateThing {
        owner_sid: "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    };
    create.validate().unwrap();
}
