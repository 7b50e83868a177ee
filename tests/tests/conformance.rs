//! Every operation of each official spec against its declaration in twill-api: host,
//! method, path template, body format, each parameter (wire name, location, required,
//! SID prefix, list, bounds, kind, enum values as a set (a `true`/`false` header is a
//! `bool`), the client's account as a default) and
//! the response type's fields: their names, and that every one is optional (a body that
//! leaves it out or sends `null` decodes).
//!
//! For each product: one line per mismatch, then `conformance <spec file stem>: N/N
//! operations match the spec`; then `conformance: N/N operations match the spec` for all
//! of them, last. Fails unless all match and nothing extra is declared.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use twill_api::PageMeta;
use twill_api::declare::{Param, ValueKind};
use twill_tests::operations::Operation;
use twill_tests::products;
use twill_tests::shape::{Shape, shape};
use twill_tests::spec::{self, resolve};

/// A parameter as compared: everything but the Rust field name.
#[derive(Debug, PartialEq)]
struct ParamFacts {
    location: &'static str,
    required: bool,
    sid_prefix: Option<String>,
    /// A pattern that is no SID of one kind, checked as a regular expression.
    pattern: Option<String>,
    array: bool,
    min: Option<i64>,
    max: Option<i64>,
    kind: ValueKind,
    values: Vec<String>,
    defaults_to_account: bool,
}

fn main() {
    let mut total = 0;
    let mut total_matching = 0;
    let mut failed = false;
    for product in products::all() {
        let spec = product.spec();
        let (matching, count, problems) = check_product(&spec, (product.operations)());
        for problem in &problems {
            println!("{}: {problem}", product.stem);
        }
        println!(
            "conformance {}: {matching}/{count} operations match the spec",
            product.stem
        );
        total += count;
        total_matching += matching;
        failed |= !problems.is_empty();
    }
    println!("conformance: {total_matching}/{total} operations match the spec");
    if failed {
        std::process::exit(1);
    }
}

/// Checks one product: how many of its spec's operations match, out of how many, and
/// every problem found (an operation missing or extra is one).
fn check_product(spec: &Value, declared: Vec<Operation>) -> (usize, usize, Vec<String>) {
    let declared: BTreeMap<&str, Operation> = declared.into_iter().map(|op| (op.id, op)).collect();
    let spec_operations = spec::operations(spec);
    let host = spec::host(spec);
    let mut matching = 0;
    let mut problems = Vec::new();
    for (id, method, path, operation) in &spec_operations {
        let Some(op) = declared.get(id.as_str()) else {
            problems.push(format!("{id}: in the spec, not declared"));
            continue;
        };
        let before = problems.len();
        if op.host != host {
            problems.push(format!("{id}: host {} (spec: {host})", op.host));
        }
        check_operation(spec, op, method, path, operation, &mut problems);
        if problems.len() == before {
            matching += 1;
        }
    }
    let spec_ids: BTreeSet<&str> = spec_operations.iter().map(|(id, ..)| id.as_str()).collect();
    for id in declared.keys().filter(|id| !spec_ids.contains(*id)) {
        problems.push(format!("{id}: declared, not in the spec"));
    }
    (matching, spec_operations.len(), problems)
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
    let json_body = !operation["requestBody"]["content"]["application/json"].is_null();
    if op.json_body != json_body {
        problems.push(format!(
            "{id}: JSON body {} (spec: {json_body})",
            op.json_body
        ));
    }

    // Keyed by wire name and location: API v2010's `UpdateIncomingPhoneNumber` has an
    // `AccountSid` in its path and another in its body.
    let expected = spec_params(spec, operation);
    let actual: BTreeMap<(String, &str), ParamFacts> = op
        .params
        .iter()
        .map(|param| {
            let facts = declared_facts(param);
            ((param.name.to_owned(), facts.location), facts)
        })
        .collect();
    if actual.len() != op.params.len() {
        problems.push(format!("{id}: a wire name is declared twice in one place"));
    }
    for ((name, location), facts) in &expected {
        match actual.get(&(name.clone(), *location)) {
            None => problems.push(format!("{id}: {location} parameter {name} missing")),
            Some(declared) if declared != facts => problems.push(format!(
                "{id}: parameter {name} is {declared:?} (spec: {facts:?})"
            )),
            Some(_) => {}
        }
    }
    for (name, location) in actual.keys().filter(|key| !expected.contains_key(*key)) {
        problems.push(format!(
            "{id}: {location} parameter {name} is not in the spec"
        ));
    }

    check_response(spec, op, operation, problems);
}

/// The operation's parameters as the spec states them: path, query and header
/// parameters, and the properties of a form or JSON body.
fn spec_params(spec: &Value, operation: &Value) -> BTreeMap<(String, &'static str), ParamFacts> {
    let mut out = BTreeMap::new();
    for param in operation["parameters"].as_array().into_iter().flatten() {
        let param = resolve(spec, param);
        let location = match param["in"].as_str() {
            Some("path") => "path",
            Some("query") => "query",
            Some("header") => "header",
            other => panic!("unexpected parameter location {other:?}"),
        };
        let name = param["name"].as_str().expect("a parameter has a name");
        // The client sends `Authorization` from its credentials (Basic, or an OAuth bearer
        // token for the organizations API); the specs also list it as an optional header
        // of Flex v1's Insights operations and of the organizations API, which twill
        // does not take per request.
        if location == "header" && name.eq_ignore_ascii_case("authorization") {
            continue;
        }
        // Path parameters are always required.
        let required = location == "path" || param["required"].as_bool().unwrap_or(false);
        let mut facts = schema_facts(spec, &param["schema"], location, required);
        facts.defaults_to_account = location == "path" && name == "AccountSid";
        out.insert((name.to_owned(), location), facts);
    }
    let content = &operation["requestBody"]["content"];
    for media in ["application/x-www-form-urlencoded", "application/json"] {
        let body = body_alternatives(spec, &resolve(spec, &content[media]["schema"]));
        let required: BTreeSet<&str> = body["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for (name, property) in body["properties"].as_object().into_iter().flatten() {
            let facts = schema_facts(spec, property, "body", required.contains(name.as_str()));
            out.insert((name.clone(), "body"), facts);
        }
    }
    out
}

/// A request body of several alternatives (`oneOf`: Messaging v3's typing indicator,
/// for WhatsApp or Apple) as one object: every alternative's properties, required when
/// all of them require it, an enum taking the values of all.
fn body_alternatives(spec: &Value, schema: &Value) -> Value {
    let Some(alternatives) = schema["oneOf"].as_array() else {
        return schema.clone();
    };
    let alternatives: Vec<Value> = alternatives.iter().map(|a| resolve(spec, a)).collect();
    let mut properties = serde_json::Map::new();
    for alternative in &alternatives {
        for (name, property) in alternative["properties"].as_object().into_iter().flatten() {
            let merged = properties.entry(name.clone()).or_insert(property.clone());
            if let (Some(all), Some(values)) = (
                merged["enum"].as_array().cloned(),
                property["enum"].as_array(),
            ) {
                let mut all = all;
                all.extend(
                    values
                        .iter()
                        .filter(|v| !all.contains(v))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                merged["enum"] = Value::Array(all);
            }
        }
    }
    let required: Vec<Value> = alternatives[0]["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|name| {
            alternatives
                .iter()
                .all(|a| a["required"].as_array().is_some_and(|r| r.contains(name)))
        })
        .cloned()
        .collect();
    serde_json::json!({ "type": "object", "properties": properties, "required": required })
}

fn schema_facts(
    spec: &Value,
    schema: &Value,
    location: &'static str,
    required: bool,
) -> ParamFacts {
    let schema = resolve(spec, schema);
    let array = schema["type"] == "array";
    let element = resolve(spec, if array { &schema["items"] } else { &schema });
    let pattern = element["pattern"].as_str();
    let sid_prefix = pattern.and_then(sid_prefix);
    let pattern = pattern.filter(|_| sid_prefix.is_none()).map(str::to_owned);
    // Compared as sets: enums with the same values are one type, in the order of the
    // first schema that has them.
    let mut values: Vec<String> = element["enum"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().expect("string enums").to_owned())
        .collect();
    values.sort_unstable();
    // A header of `true` or `false` (`X-Twilio-Webhook-Enabled`) is a `bool`, whose
    // wire values are exactly those.
    let boolean_header = location == "header" && values == ["false", "true"];
    if boolean_header {
        values.clear();
    }
    let kind = match (element["type"].as_str(), element["format"].as_str()) {
        _ if boolean_header => ValueKind::Boolean,
        _ if !values.is_empty() => ValueKind::Enum,
        (Some("boolean"), _) => ValueKind::Boolean,
        (Some("integer"), _) => ValueKind::Integer,
        (Some("number"), _) => ValueKind::Number,
        (Some("string"), Some("date-time")) => ValueKind::DateTime,
        (Some("string"), Some("date")) => ValueKind::Date,
        (Some("string"), _) => ValueKind::String,
        // An object, or `items: {}`: any JSON value.
        (Some("object") | None, _) => ValueKind::Json,
        other => panic!("unexpected parameter schema {other:?}"),
    };
    ParamFacts {
        location,
        required,
        sid_prefix,
        pattern,
        array,
        min: schema["minimum"].as_i64(),
        max: schema["maximum"].as_i64(),
        kind,
        values,
        defaults_to_account: false,
    }
}

/// The SID prefix a pattern names: `^RL[0-9a-fA-F]{32}$` gives `RL`,
/// `^(SM|MM)[0-9a-fA-F]{32}$` gives `SM|MM`, and the organizations API's unanchored
/// `OR[0-9a-f]{32}` gives `OR`; a pattern of anything else (`^aia_asst_.+$`, a SID of any
/// kind `^[a-zA-Z]{2}[0-9a-fA-F]{32}$`) gives none.
fn sid_prefix(pattern: &str) -> Option<String> {
    let pattern = pattern.strip_prefix('^').unwrap_or(pattern);
    let pattern = pattern.strip_suffix('$').unwrap_or(pattern);
    let prefix = ["[0-9a-fA-F]{32}", "[0-9A-Fa-f]{32}", "[0-9a-f]{32}"]
        .iter()
        .find_map(|hex| pattern.strip_suffix(hex))?;
    let prefix = prefix
        .strip_prefix('(')
        .and_then(|p| p.strip_suffix(')'))
        .unwrap_or(prefix);
    prefix
        .split('|')
        .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| prefix.to_owned())
}

fn declared_facts(param: &Param) -> ParamFacts {
    ParamFacts {
        location: param.location.as_str(),
        required: param.required,
        sid_prefix: param.sid_prefix.map(str::to_owned),
        pattern: param.pattern.map(str::to_owned),
        array: param.array,
        min: param.min,
        max: param.max,
        kind: param.kind,
        values: {
            let mut values: Vec<String> = param.values.iter().map(|v| (*v).to_owned()).collect();
            values.sort_unstable();
            values
        },
        defaults_to_account: param.defaults_to_account,
    }
}

/// The response type has exactly the schema's properties; a list's item type (and its
/// `meta`, if it has one) have exactly theirs; an operation without a body returns `()`.
///
/// A list is an inline schema with an array of items beside its paging: a `meta` object
/// with `next_page_url`, or API v2010's top-level `next_page_uri`. Every property is optional except a page's
/// containers, which are never `None`: a missing or `null` list is empty, a missing or
/// `null` meta has every field `None`.
fn check_response(spec: &Value, op: &Operation, operation: &Value, problems: &mut Vec<String>) {
    let id = op.id;
    let status = spec::success_status(operation);
    let schema = &spec::json_content(&operation["responses"][&status])["schema"];
    if schema.is_null() {
        if op.response != Shape::Unit {
            problems.push(format!(
                "{id}: {status} has no body, but the response type is {:?}",
                op.response
            ));
        }
        return;
    }
    let inline = schema["$ref"].is_null();
    let schema = union_of_alternatives(spec, &resolve(spec, schema));
    compare_fields(id, "response", &schema, &op.response, problems);
    let properties = schema["properties"].as_object().expect("object schemas");
    // A `meta` without `next_page_url` (Numbers v1's token paging) does not page.
    let paged = inline
        && (properties
            .get("meta")
            .is_some_and(|meta| meta["properties"]["next_page_url"].is_object())
            || properties.contains_key("next_page_uri"));
    let list = properties
        .iter()
        .find(|(name, property)| paged && *name != "meta" && property["type"] == "array");
    match (list, &op.item) {
        (Some((key, items)), Some(item)) => {
            let item_schema = union_of_alternatives(spec, &resolve(spec, &items["items"]));
            compare_fields(id, "item", &item_schema, item, problems);
            let mut empty = BTreeMap::from([(key.as_str(), Value::Array(Vec::new()))]);
            let meta_fields = if properties.contains_key("meta") {
                let meta = shape::<PageMeta>();
                compare_fields(
                    id,
                    "meta",
                    &resolve(spec, &properties["meta"]),
                    &meta,
                    problems,
                );
                let meta_fields = fields(&meta);
                let empty_meta: Value = meta_fields.iter().map(|f| (*f, Value::Null)).collect();
                empty.insert("meta", empty_meta);
                Some(meta_fields)
            } else {
                None
            };
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
            if let Some(meta_fields) = meta_fields {
                let meta = Level {
                    what: "meta",
                    fields: meta_fields,
                    wrap: &|body| serde_json::json!({ "meta": body }),
                    at: &|decoded| decoded.get("meta").cloned(),
                };
                check_optional(op, &meta, &BTreeMap::new(), problems);
            }
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

/// A `oneOf` schema as one object with every alternative's properties, which is how
/// twill declares it (every property is optional anyway); any other schema as it is.
fn union_of_alternatives(spec: &Value, schema: &Value) -> Value {
    let Some(alternatives) = schema["oneOf"].as_array() else {
        return schema.clone();
    };
    let mut properties = serde_json::Map::new();
    for alternative in alternatives {
        let alternative = resolve(spec, alternative);
        for (name, property) in alternative["properties"].as_object().into_iter().flatten() {
            properties.entry(name.clone()).or_insert(property.clone());
        }
    }
    serde_json::json!({ "type": "object", "properties": properties })
}

/// A type declared for an object schema has exactly its properties; one declared for a
/// schema without properties (a string, a free-form object) is not a struct.
fn compare_fields(id: &str, what: &str, schema: &Value, shape: &Shape, problems: &mut Vec<String>) {
    let Some(properties) = schema["properties"].as_object() else {
        if let Shape::Struct(fields) = shape {
            problems.push(format!(
                "{id}: the {what} type is a struct of {fields:?}, for a schema without properties"
            ));
        }
        return;
    };
    let Shape::Struct(fields) = shape else {
        problems.push(format!("{id}: the {what} type is {shape:?}, not a struct"));
        return;
    };
    let expected: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
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
