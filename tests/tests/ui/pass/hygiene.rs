//! Generated code names everything by absolute path: it compiles with no `use` of twill
//! in scope, under lints against needless qualification, with common names shadowed.
#![deny(unused_qualifications, unused_imports, missing_docs, unreachable_pub)]

/// Fetch a service.
#[twill_api::declare::endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
pub struct FetchService {
    /// The service SID.
    #[sid(prefix = "IS")]
    pub sid: ::std::string::String,
    /// How many to return.
    pub page_size: ::core::option::Option<u32>,
    /// A code, checked against a pattern.
    #[param(pattern = "^[A-Z0-9]{6}$")]
    pub code: ::core::option::Option<::std::string::String>,
}

/// Update a service.
#[twill_api::declare::endpoint(POST, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
pub(crate) struct UpdateService {
    #[sid(prefix = "IS")]
    pub(crate) sid: ::std::string::String,
}

// Names generated code must not pick up from the caller's scope.
#[allow(dead_code)]
struct Result;
#[allow(dead_code)]
struct Option;
#[allow(dead_code)]
struct String;
#[allow(dead_code)]
struct Ok;
#[allow(dead_code)]
struct Form;
#[allow(dead_code)]
struct Client;
#[allow(dead_code)]
struct Pattern;
#[allow(dead_code)]
struct OnceLock;
#[allow(dead_code)]
struct Error;
#[allow(dead_code)]
trait Endpoint {}
#[allow(dead_code)]
mod core {}
#[allow(dead_code)]
mod std {}
#[allow(dead_code)]
mod twill_runtime {}

fn main() {
    let fetch = FetchService {
        sid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        page_size: ::core::option::Option::Some(5),
        code: ::core::option::Option::Some("ABC123".into()),
    };
    ::twill_api::Endpoint::validate(&fetch).unwrap();
    let update = UpdateService { sid: "IS".into() };
    assert!(::twill_api::Endpoint::validate(&update).is_err());
}
