//! The Conversations v1 OpenAPI description, as a test fixture.

use serde_json::Value;

/// The official Conversations v1 OpenAPI description (see `fixtures/README.md`), which
/// most tests use; `crate::products` has every product's.
pub const SPEC: &str = include_str!("../fixtures/twilio_conversations_v1.json");

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
    response_examples(operation, status)
        .into_iter()
        .next()
        .expect("at least one example")
}

/// Every example of an operation's response with status `status`.
pub fn response_examples(operation: &Value, status: &str) -> Vec<Value> {
    operation["responses"][status]["content"]["application/json"]["examples"]
        .as_object()
        .map(|examples| examples.values().map(|e| e["value"].clone()).collect())
        .unwrap_or_default()
}

/// The success status of an operation (`200`, `201` or `204`; `307` for the two
/// operations whose answer is a redirect with a body).
pub fn success_status(operation: &Value) -> String {
    let responses = operation["responses"].as_object().expect("responses");
    ['2', '3']
        .iter()
        .find_map(|class| responses.keys().find(|status| status.starts_with(*class)))
        .expect("every operation has a success response")
        .clone()
}

/// The schema `name` (`conversations.v1.service.service_configuration`, say).
pub fn schema(spec: &Value, name: &str) -> Value {
    let schema = &spec["components"]["schemas"][name];
    assert!(schema.is_object(), "no schema {name}");
    schema.clone()
}

/// Follows a `$ref` (`#/components/schemas/..`, `#/components/parameters/..`) to what
/// it names; returns anything else as it is.
pub fn resolve(spec: &Value, schema: &Value) -> Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let pointer = reference
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("a local $ref: {reference}"));
            let target = spec
                .pointer(pointer)
                .unwrap_or_else(|| panic!("no {reference} in the spec"));
            resolve(spec, target)
        }
        None => schema.clone(),
    }
}

/// Every operation of the spec: `(operation id, method, path, operation)`.
pub fn operations(spec: &Value) -> Vec<(String, String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if let Some(operation) = item.get(method) {
                let id = operation["operationId"].as_str().expect("operationId");
                out.push((
                    id.to_owned(),
                    method.to_owned(),
                    path.clone(),
                    operation.clone(),
                ));
            }
        }
    }
    out
}

/// Decodes an `application/x-www-form-urlencoded` string into its pairs, in order.
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(encoded).expect("valid form encoding")
}
