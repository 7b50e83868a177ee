//! Endpoints declared with `#[endpoint(..)]` in a crate that has the
//! API crate only under the name `twilio`: that this compiles proves the generated code
//! names nothing but the path given (`::twill_api` does not resolve here). The tests in
//! `tests/` send them to a server on loopback.
#![deny(unused_qualifications, unused_imports)]

use serde::Deserialize;
use twilio::declare::endpoint;
use twilio::prefix::IS;
use twilio::{Sid, sid};

/// The service every example uses.
pub const SERVICE: Sid<IS> = sid!(crate = ::twilio, "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// A service, as the server answers it.
#[derive(Debug, Deserialize, PartialEq)]
pub struct Service {
    /// The service's SID.
    pub sid: Sid<IS>,
    /// Its name.
    pub friendly_name: Option<String>,
}

/// Fetch a service: a path placeholder checked by `#[sid]`, and a query parameter.
#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = Service, crate = ::twilio)]
pub struct FetchService {
    /// The service's SID.
    #[sid(prefix = "IS")]
    pub sid: String,
    /// A query parameter.
    pub page_size: Option<u32>,
}

/// Update a service: a typed SID in the path, a form body, a header, bounds.
#[endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = Service, crate = twilio)]
pub struct UpdateService {
    /// The service's SID.
    pub sid: Sid<IS>,
    /// Its new name.
    pub friendly_name: Option<String>,
    /// A bounded integer.
    #[param(min = 1, max = 10)]
    pub priority: Option<u32>,
    /// A header.
    #[header("X-Twilio-Webhook-Enabled")]
    pub webhook_enabled: Option<bool>,
}

/// A list, through the API's own page type: `paginated` under a renamed crate.
#[endpoint(GET, "/v1/Services", host = "conversations.twilio.com", response = twilio::conversations::v1::ListServiceResponse, paginated, crate = ::twilio)]
pub struct ListService {
    /// A query parameter.
    pub page_size: Option<u32>,
}
