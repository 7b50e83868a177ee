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

/// The JSON content of a response: `application/json`, or the SCIM JSON of the
/// organizations API (`application/scim+json`).
pub fn json_content(response: &Value) -> &Value {
    let content = &response["content"];
    if content["application/json"].is_null() {
        &content["application/scim+json"]
    } else {
        &content["application/json"]
    }
}

/// The media type a response is in, which a request for it must accept: JSON, or SCIM
/// JSON where the spec answers in nothing else (the organizations API's users).
pub fn answer_media_type(response: &Value) -> &'static str {
    let content = &response["content"];
    if content["application/json"].is_null() && !content["application/scim+json"].is_null() {
        "application/scim+json"
    } else {
        "application/json"
    }
}

/// Every example of an operation's response with status `status`.
pub fn response_examples(operation: &Value, status: &str) -> Vec<Value> {
    json_content(&operation["responses"][status])["examples"]
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

/// Every operation of the spec by its id.
pub fn operations_by_id(spec: &Value) -> std::collections::HashMap<String, Value> {
    operations(spec)
        .into_iter()
        .map(|(id, _, _, operation)| (id, operation))
        .collect()
}

/// The host every operation of the spec is on (each file has one), from its `servers`.
pub fn host(spec: &Value) -> String {
    let url = spec["servers"][0]["url"]
        .as_str()
        .or_else(|| {
            spec["paths"]
                .as_object()?
                .values()
                .find_map(|item| item["servers"][0]["url"].as_str())
        })
        .expect("a server URL");
    url.trim_start_matches("https://")
        .trim_end_matches('/')
        .to_owned()
}

/// Decodes an `application/x-www-form-urlencoded` string into its pairs, in order.
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(encoded).expect("valid form encoding")
}

/// A value of `schema` with every property it declares, for the parameters and
/// responses whose spec has no example: objects with all their properties, arrays of one
/// element, an enum's first value, a string fit for its format or SID pattern, the
/// smallest integer allowed, the first alternative of a `oneOf` or `anyOf`.
pub fn instance(spec: &Value, schema: &Value) -> Value {
    instance_at(spec, schema, 0)
}

fn instance_at(spec: &Value, schema: &Value, depth: usize) -> Value {
    let schema = resolve(spec, schema);
    // Recursive schemas end somewhere.
    if depth > 8 {
        return Value::Null;
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = schema[key].as_array().and_then(|all| all.first()) {
            return instance_at(spec, first, depth + 1);
        }
    }
    if let Some(first) = schema["enum"].as_array().and_then(|values| values.first()) {
        return first.clone();
    }
    match schema["type"].as_str() {
        Some("object") | None => {
            let mut object = serde_json::Map::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                object.insert(name.clone(), instance_at(spec, property, depth + 1));
            }
            Value::Object(object)
        }
        Some("array") => {
            let items = &schema["items"];
            let item = if items.as_object().is_some_and(|items| !items.is_empty()) {
                instance_at(spec, items, depth + 1)
            } else {
                Value::Object(serde_json::Map::new())
            };
            Value::Array(vec![item])
        }
        Some("integer") => Value::from(schema["minimum"].as_i64().unwrap_or(1).max(1)),
        Some("number") => serde_json::json!(1.5),
        Some("boolean") => Value::Bool(true),
        Some("string") => {
            // A value of the pattern: a SID of its kind, `aia_plcy_sample`...
            if let Some(pattern) = schema["pattern"].as_str() {
                return Value::String(crate::pattern_sample::generate(pattern, 0));
            }
            Value::String(
                match schema["format"].as_str() {
                    Some("date-time") => "2020-01-02T03:04:05Z",
                    Some("date-time-rfc-2822") => "Thu, 02 Jan 2020 03:04:05 +0000",
                    Some("date") => "2020-01-02",
                    Some("uri") => "https://example.com/resource",
                    Some("email") => "alice@example.com",
                    _ => "text",
                }
                .to_owned(),
            )
        }
        Some(_) => Value::Null,
    }
}

/// The schema of an operation's parameter `name` in `location` (`path`, `query`,
/// `header` or `body`, a form or JSON body's property), if the spec has it.
pub fn param_schema(spec: &Value, operation: &Value, name: &str, location: &str) -> Option<Value> {
    if location == "body" {
        let content = &operation["requestBody"]["content"];
        return ["application/x-www-form-urlencoded", "application/json"]
            .iter()
            .find_map(|media| {
                let body = resolve(spec, &content[*media]["schema"]);
                body["properties"].get(name).cloned()
            });
    }
    operation["parameters"]
        .as_array()?
        .iter()
        .map(|param| resolve(spec, param))
        .find(|param| param["name"] == name && param["in"] == location)
        .map(|param| param["schema"].clone())
}

/// JSON samples for an operation's parameters, for [`crate::samples::request_with`]:
/// an [`instance`] of each parameter's schema (of its elements, for a list); for text,
/// only where the schema's format asks for more than any text (an email address).
pub fn json_samples<'a>(
    spec: &'a Value,
    operation: &'a Value,
) -> impl Fn(&twill_api::declare::Param) -> Option<Value> + 'a {
    move |param| {
        let schema = resolve(
            spec,
            &param_schema(spec, operation, param.name, param.location.as_str())?,
        );
        let element = if param.array {
            schema["items"].clone()
        } else {
            schema
        };
        // Text the generic samples cannot stand for: an email address (Numbers v1's
        // `statusNotificationEmail`).
        if param.kind == twill_api::declare::ValueKind::String
            && element["format"].as_str() != Some("email")
        {
            return None;
        }
        Some(instance(spec, &element))
    }
}

/// The example of an operation's success response, or, when the spec gives none, an
/// [`instance`] of its schema; `None` for a response without a body.
pub fn response_example_or_instance(spec: &Value, operation: &Value) -> Option<Value> {
    let status = success_status(operation);
    if let Some(example) = response_examples(operation, &status).into_iter().next() {
        return Some(example);
    }
    let schema = &json_content(&operation["responses"][&status])["schema"];
    (!schema.is_null()).then(|| instance(spec, schema))
}
