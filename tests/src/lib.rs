//! Shared helpers of twill's tests: the spec fixture, every declared operation behind
//! one type-erased interface, sample values chosen from endpoint metadata, and a small
//! harness for tests that report one line per operation.

pub mod capture_server;
pub mod harness;
pub mod operations;
pub mod pattern_sample;
pub mod products;
pub mod raw_server;
pub mod samples;
pub mod shape;
pub mod spec;

pub use crate::spec::{SPEC, operation, pairs, response_example, schema, spec};

/// An account SID for tests.
pub const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// An auth token for tests; asserting it never shows up in output is part of the tests.
pub const AUTH_TOKEN: &str = "test-auth-token-0123456789";

/// A client for `base_url` (a loopback server) with the test credentials.
pub fn client(base_url: &str) -> twill_api::Client {
    client_builder(base_url)
        .build()
        .expect("a loopback base URL is valid")
}

/// A client builder for `base_url` with the test credentials, for tests that set more.
pub fn client_builder(base_url: &str) -> twill_api::ClientBuilder {
    twill_api::Client::builder()
        .credentials(twill_api::Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(base_url)
}
