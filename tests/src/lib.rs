//! Shared helpers of twill's integration tests: the spec fixture, sample values, and a
//! client pointed at a loopback server.

use serde_json::Value;

/// The official Conversations v1 OpenAPI description (see `fixtures/README.md`).
pub const SPEC: &str = include_str!("../fixtures/twilio_conversations_v1.json");

/// An account SID for tests.
pub const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// An auth token for tests; asserting it never shows up in output is part of the tests.
pub const AUTH_TOKEN: &str = "test-auth-token-0123456789";

/// The parsed spec.
pub fn spec() -> Value {
    serde_json::from_str(SPEC).expect("the spec fixture is JSON")
}

/// The operation at `path` (OpenAPI form) and `method` (lowercase) in the spec.
pub fn operation(spec: &Value, path: &str, method: &str) -> Value {
    let operation = &spec["paths"][path][method];
    assert!(operation.is_object(), "no {method} {path} in the spec");
    operation.clone()
}

/// The first example of an operation's response with status `status`.
pub fn response_example(operation: &Value, status: &str) -> Value {
    let examples = operation["responses"][status]["content"]["application/json"]["examples"]
        .as_object()
        .expect("the response has examples");
    examples.values().next().expect("at least one example")["value"].clone()
}

/// The schema `name` (`conversations.v1.service.service_configuration`, say).
pub fn schema(spec: &Value, name: &str) -> Value {
    let schema = &spec["components"]["schemas"][name];
    assert!(schema.is_object(), "no schema {name}");
    schema.clone()
}

/// Decodes an `application/x-www-form-urlencoded` string into its pairs, in order.
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(encoded).expect("valid form encoding")
}
