//! Every operation of the official spec against its declaration in twill-api: method,
//! path template, each parameter (wire name, location, required, SID prefix, list,
//! bounds, kind, enum values) and the response type's fields.
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
        (Some((_, items)), Some(item)) => {
            let item_schema = resolve(spec, &items["items"]);
            compare_fields(id, "item", &item_schema, item, problems);
            compare_fields(
                id,
                "meta",
                &properties["meta"],
                &shape::<PageMeta>(),
                problems,
            );
        }
        (None, None) => {}
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
