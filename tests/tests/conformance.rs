//! Every operation of the official spec against its declaration in twill-api: method,
//! path template, each parameter (wire name, location, required, SID prefix, list,
//! bounds, kind, enum values) and the response type's fields: their names, and that
//! every one is optional (a body that leaves it out or sends `null` decodes).
//!
//! Prints one line per mismatch, then `conformance: N/103 operations match the spec`
//! last; fails unless all match and nothing extra is declared.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use twill_api::{Location, PageMeta, Param, ValueKind};
use twill_tests::operations::{self, Operation};
use twill_tests::shape::{Shape, shape};
use twill_tests::spec::{self, resolve};

/// A parameter as compared: everything but the Rust field name.
#[derive(Debug, PartialEq)]
struct ParamFacts {
    location: &'static str,
    required: bool,
    sid_prefix: Option<String>,
    array: bool,
    min: Option<i64>,
    max: Option<i64>,
    kind: ValueKind,
    values: Vec<String>,
}

fn main() {
    let spec = spec::spec();
    let declared: BTreeMap<&str, Operation> = operations::all()
        .into_iter()
        .map(|op| (op.id, op))
        .collect();
    let spec_operations = spec::operations(&spec);

    let mut matching = 0;
    let mut problems = Vec::new();
    for (id, method, path, operation) in &spec_operations {
        let Some(op) = declared.get(id.as_str()) else {
            problems.push(format!("{id}: in the spec, not declared"));
            continue;
        };
        let before = problems.len();
        check_operation(&spec, op, method, path, operation, &mut problems);
        if problems.len() == before {
            matching += 1;
        }
    }
    let spec_ids: BTreeSet<&str> = spec_operations.iter().map(|(id, ..)| id.as_str()).collect();
    for id in declared.keys().filter(|id| !spec_ids.contains(*id)) {
        problems.push(format!("{id}: declared, not in the spec"));
    }

    for problem in &problems {
        println!("{problem}");
    }
    println!(
        "conformance: {matching}/{} operations match the spec",
        spec_operations.len()
    );
    if !problems.is_empty() {
        std::process::exit(1);
    }
}

fn check_operation(
    spec: &Value,
    op: &Operation,
    method: &str,
    path: &str,
    operation: &Value,
    problems: &mut Vec<String>,
) {
    let id = op.id;
    if op.method.as_str().to_lowercase() != method {
        problems.push(format!("{id}: method {} (spec: {method})", op.method));
    }
    if op.path != path {
        problems.push(format!("{id}: path {} (spec: {path})", op.path));
    }

    let expected = spec_params(spec, operation);
    let actual: BTreeMap<String, ParamFacts> = op
        .params
        .iter()
        .map(|param| (param.name.to_owned(), declared_facts(param)))
        .collect();
    if actual.len() != op.params.len() {
        problems.push(format!("{id}: a wire name is declared twice"));
    }
    for (name, facts) in &expected {
        match actual.get(name) {
            None => problems.push(format!("{id}: parameter {name} missing")),
            Some(declared) if declared != facts => problems.push(format!(
                "{id}: parameter {name} is {declared:?} (spec: {facts:?})"
            )),
            Some(_) => {}
        }
    }
    for name in actual.keys().filter(|name| !expected.contains_key(*name)) {
        problems.push(format!("{id}: parameter {name} is not in the spec"));
    }

    check_response(spec, op, operation, problems);
}

/// The operation's parameters as the spec states them.
fn spec_params(spec: &Value, operation: &Value) -> BTreeMap<String, ParamFacts> {
    let mut out = BTreeMap::new();
    for param in operation["parameters"].as_array().into_iter().flatten() {
        let location = match param["in"].as_str() {
            Some("path") => "path",
            Some("query") => "query",
            Some("header") => "header",
            other => panic!("unexpected parameter location {other:?}"),
        };
        let required = param["required"].as_bool().unwrap_or(false);
        let name = param["name"].as_str().expect("a parameter has a name");
        out.insert(
            name.to_owned(),
            schema_facts(spec, &param["schema"], location, required),
        );
    }
    let form = &operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"];
    let required: BTreeSet<&str> = form["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (name, property) in form["properties"].as_object().into_iter().flatten() {
        let facts = schema_facts(spec, property, "body", required.contains(name.as_str()));
        out.insert(name.clone(), facts);
    }
    out
}

fn schema_facts(
    spec: &Value,
    schema: &Value,
    location: &'static str,
    required: bool,
) -> ParamFacts {
    let array = schema["type"] == "array";
    let element = resolve(spec, if array { &schema["items"] } else { schema });
    let sid_prefix = element["pattern"].as_str().map(|pattern| {
        let prefix = pattern
            .strip_prefix('^')
            .and_then(|p| p.strip_suffix("[0-9a-fA-F]{32}$"))
            .unwrap_or_else(|| panic!("unexpected pattern {pattern}"));
        prefix.to_owned()
    });
    let values: Vec<String> = element["enum"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().expect("string enums").to_owned())
        .collect();
    let kind = match (element["type"].as_str(), element["format"].as_str()) {
        _ if !values.is_empty() => ValueKind::Enum,
        (Some("boolean"), _) => ValueKind::Boolean,
        (Some("integer"), _) => ValueKind::Integer,
        (Some("string"), Some("date-time")) => ValueKind::DateTime,
        (Some("string"), _) => ValueKind::String,
        other => panic!("unexpected parameter schema {other:?}"),
    };
    ParamFacts {
        location,
        required,
        sid_prefix,
        array,
        min: schema["minimum"].as_i64(),
        max: schema["maximum"].as_i64(),
        kind,
        values,
    }
}

fn declared_facts(param: &Param) -> ParamFacts {
    ParamFacts {
        location: match param.location {
            Location::Path => "path",
            Location::Query => "query",
            Location::Body => "body",
            Location::Header => "header",
        },
        required: param.required,
        sid_prefix: param.sid_prefix.map(str::to_owned),
        array: param.array,
        min: param.min,
        max: param.max,
        kind: param.kind,
        values: param.values.iter().map(|v| (*v).to_owned()).collect(),
    }
}

/// The response type has exactly the schema's properties; a list's item type and its
/// `meta` have exactly theirs; an operation without a body returns `()`.
fn check_response(spec: &Value, op: &Operation, operation: &Value, problems: &mut Vec<String>) {
    let id = op.id;
    let status = spec::success_status(operation);
    let schema = &operation["responses"][&status]["content"]["application/json"]["schema"];
    if schema.is_null() {
        if op.response != Shape::Unit {
            problems.push(format!(
                "{id}: {status} has no body, but the response type is {:?}",
                op.response
            ));
        }
        return;
    }
    // A list response is an inline schema: an array of items beside a `meta` object.
    let inline = schema["$ref"].is_null();
    let schema = resolve(spec, schema);
    compare_fields(id, "response", &schema, &op.response, problems);
    let properties = schema["properties"].as_object().expect("object schemas");
    let list = properties
        .iter()
        .find(|(name, property)| inline && *name != "meta" && property["type"] == "array");
    match (list, &op.item) {
        (Some((key, items)), Some(item)) => {
            let item_schema = resolve(spec, &items["items"]);
            compare_fields(id, "item", &item_schema, item, problems);
            let meta = shape::<PageMeta>();
            compare_fields(id, "meta", &properties["meta"], &meta, problems);

            // A page's containers are never `None`: a missing or `null` list is empty,
            // a missing or `null` meta has every field `None`.
            let meta_fields = fields(&meta);
            let empty_meta: Value = meta_fields.iter().map(|f| (*f, Value::Null)).collect();
            let empty = BTreeMap::from([
                (key.as_str(), Value::Array(Vec::new())),
                ("meta", empty_meta),
            ]);
            let page = Level {
                what: "response",
                fields: fields(&op.response),
                wrap: &|body| body,
                at: &|decoded| Some(decoded.clone()),
            };
            check_optional(op, &page, &empty, problems);
            let wrap_item = |body| serde_json::json!({ key.as_str(): [body] });
            let at_item = |decoded: &Value| decoded.get(key.as_str())?.get(0).cloned();
            let items = Level {
                what: "item",
                fields: fields(item),
                wrap: &wrap_item,
                at: &at_item,
            };
            check_optional(op, &items, &BTreeMap::new(), problems);
            let meta = Level {
                what: "meta",
                fields: meta_fields,
                wrap: &|body| serde_json::json!({ "meta": body }),
                at: &|decoded| decoded.get("meta").cloned(),
            };
            check_optional(op, &meta, &BTreeMap::new(), problems);
        }
        (None, None) => {
            let resource = Level {
                what: "response",
                fields: fields(&op.response),
                wrap: &|body| body,
                at: &|decoded| Some(decoded.clone()),
            };
            check_optional(op, &resource, &BTreeMap::new(), problems);
        }
        (Some(_), None) => problems.push(format!(
            "{id}: a list in the spec, not declared `paginated`"
        )),
        (None, Some(_)) => problems.push(format!(
            "{id}: declared `paginated`, not a list in the spec"
        )),
    }
}

fn compare_fields(id: &str, what: &str, schema: &Value, shape: &Shape, problems: &mut Vec<String>) {
    let Shape::Struct(fields) = shape else {
        problems.push(format!("{id}: the {what} type is {shape:?}, not a struct"));
        return;
    };
    let expected: BTreeSet<&str> = schema["properties"]
        .as_object()
        .expect("object schemas")
        .keys()
        .map(String::as_str)
        .collect();
    let actual: BTreeSet<&str> = fields.iter().copied().collect();
    for missing in expected.difference(&actual) {
        problems.push(format!("{id}: the {what} type has no field `{missing}`"));
    }
    for extra in actual.difference(&expected) {
        problems.push(format!(
            "{id}: the {what} type's field `{extra}` is not in the spec"
        ));
    }
}

/// The serialized field names of a struct shape (none for another shape, which
/// `compare_fields` reports).
fn fields(shape: &Shape) -> Vec<&'static str> {
    match shape {
        Shape::Struct(fields) => fields.clone(),
        _ => Vec::new(),
    }
}

/// One level of a response body whose fields must all be optional: the response itself,
/// a list's item, or a list's `meta`.
struct Level<'a> {
    what: &'static str,
    fields: Vec<&'static str>,
    /// Puts an object for this level into a response body.
    wrap: &'a dyn Fn(Value) -> Value,
    /// Finds this level in the decoded, re-encoded body.
    at: &'a dyn Fn(&Value) -> Option<Value>,
}

/// Every field of `level` is optional: an object without any field, and one with each
/// field `null` in turn, decode, and every field comes back `null` (or as `empty` says:
/// a page's list `[]`, its meta an object of `null`s).
fn check_optional(
    op: &Operation,
    level: &Level<'_>,
    empty: &BTreeMap<&str, Value>,
    problems: &mut Vec<String>,
) {
    let id = op.id;
    let what = level.what;
    let bodies = std::iter::once(serde_json::Map::new()).chain(
        level
            .fields
            .iter()
            .map(|field| serde_json::Map::from_iter([((*field).to_owned(), Value::Null)])),
    );
    for body in bodies {
        let body = Value::Object(body);
        let decoded = match (op.decode)((level.wrap)(body.clone())) {
            Ok(decoded) => decoded,
            // Without any field, the error names the first one required: enough.
            Err(err) if body.as_object().is_some_and(serde_json::Map::is_empty) => {
                problems.push(format!("{id}: the {what} {body} does not decode: {err}"));
                return;
            }
            Err(err) => {
                problems.push(format!("{id}: the {what} {body} does not decode: {err}"));
                continue;
            }
        };
        let Some(found) = (level.at)(&decoded) else {
            problems.push(format!("{id}: the {what} {body} decodes to {decoded}"));
            continue;
        };
        for field in &level.fields {
            let expected = empty.get(field).unwrap_or(&Value::Null);
            let got = found.get(*field).unwrap_or(&Value::Null);
            if got != expected {
                problems.push(format!(
                    "{id}: the {what} {body} decodes `{field}` to {got}, not {expected}"
                ));
            }
        }
    }
}
