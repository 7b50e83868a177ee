//! The `#[endpoint]` struct of one operation.

use crate::doc::doc;
use crate::emit::Context;
use crate::json::Json;
use crate::naming::{ident, pascal, snake};
use crate::spec::{Operation, ref_name};

/// An endpoint struct's source, and whether it is a list (`paginated`).
pub struct Endpoint {
    /// The struct with its doc comment and attributes.
    pub text: String,
    /// Whether its response is a page.
    pub paginated: bool,
}

/// One field of a request struct.
struct Field {
    text: String,
    /// Whether `Default` can fill it: an `Option`, or a type with a `Default`.
    defaultable: bool,
    /// Whether its type implements `Eq` (no `f64` in it).
    eq: bool,
}

/// Where a parameter goes.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Path,
    Query,
    Body,
    Header,
}

/// The struct of one operation: path parameters in path order, then query, then body,
/// then header parameters.
pub fn endpoint_item(cx: &Context<'_>, op: Operation<'_>) -> Result<Endpoint, String> {
    let op_id = op.id();
    let (_, schema) = op.success()?;
    let params: Vec<&Json> = op
        .op
        .at("parameters")
        .items()
        .iter()
        .map(|p| cx.spec.resolve(p))
        .collect();
    let located = |place: &'static str| {
        params
            .iter()
            .copied()
            .filter(move |p| p.at("in").as_str() == Some(place))
    };
    let placeholders: Vec<&str> = op
        .path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    let mut path_params: Vec<&Json> = located("path").collect();
    path_params.sort_by_key(|p| {
        let name = p.at("name").as_str().unwrap_or_default();
        placeholders
            .iter()
            .position(|x| *x == name)
            .unwrap_or(usize::MAX)
    });

    let mut fields = Vec::new();
    for (p, place) in path_params
        .iter()
        .map(|p| (*p, In::Path))
        .chain(located("query").map(|p| (p, In::Query)))
    {
        fields.push(param_field(cx, p, place)?);
    }
    if let Some(body) = op.op.get("requestBody") {
        let [(content_type, content)] = body.at("content").entries() else {
            return Err(format!("{op_id}: more than one body type"));
        };
        if content_type != "application/x-www-form-urlencoded" {
            return Err(format!("{op_id}: body {content_type}"));
        }
        let schema = content.at("schema");
        let required: Vec<&str> = schema
            .at("required")
            .items()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        for (name, prop) in schema.at("properties").entries() {
            let description = prop.at("description").as_str().unwrap_or_default();
            fields.push(field(
                cx,
                name,
                prop,
                required.contains(&name.as_str()),
                description,
                In::Body,
            )?);
        }
    }
    for p in located("header") {
        fields.push(param_field(cx, p, In::Header)?);
    }
    let all_defaultable = fields.iter().all(|f| f.defaultable);

    let mut paginated = false;
    let response = match schema {
        None => "()".to_owned(),
        Some(schema) => match ref_name(schema) {
            Some(name) => cx
                .plan
                .resource(name)
                .map(|(_, rust)| rust.to_owned())
                .ok_or_else(|| format!("{op_id}: {name}"))?,
            None => {
                paginated = true;
                schema.at("title").as_str().unwrap_or_default().to_owned()
            }
        },
    };
    let path = op.path.replace('{', "<").replace('}', ">");
    let host = cx
        .spec
        .host(op.item)
        .ok_or_else(|| format!("{op_id}: no host in `servers`"))?;
    let mut args = format!(
        "{}, \"{path}\", host = \"{host}\", response = {response}",
        op.method.to_uppercase()
    );
    if paginated {
        args += ", paginated";
    }
    let mut derives = vec!["Debug", "Clone"];
    if all_defaultable {
        derives.push("Default");
    }
    derives.push("PartialEq");
    if fields.iter().all(|f| f.eq) {
        derives.push("Eq");
    }
    let text = [op.op.at("description"), op.op.at("summary")]
        .into_iter()
        .find_map(Json::non_empty_str)
        .unwrap_or(op_id);
    let mut out = doc(text, "");
    out += &format!("#[endpoint({args})]\n");
    out += &format!("#[derive({})]\n", derives.join(", "));
    // Requests deserialize only for tests, which build them from sample data.
    out += "#[cfg_attr(feature = \"testing\", derive(serde::Deserialize), \
            serde(deny_unknown_fields))]\n";
    out += &format!("pub struct {op_id} {{\n");
    for f in &fields {
        out += &f.text;
    }
    out += "}\n";
    Ok(Endpoint {
        text: out,
        paginated,
    })
}

fn param_field(cx: &Context<'_>, p: &Json, place: In) -> Result<Field, String> {
    let name = p.at("name").as_str().unwrap_or_default();
    let description = p.at("description").as_str().unwrap_or_default();
    field(
        cx,
        name,
        p.at("schema"),
        p.at("required").is_true(),
        description,
        place,
    )
}

fn field(
    cx: &Context<'_>,
    wire: &str,
    schema: &Json,
    required: bool,
    description: &str,
    place: In,
) -> Result<Field, String> {
    let mut rust = cx.types.value_type(schema)?;
    let defaultable = ["String", "Vec", "bool", "u32", "i64"]
        .iter()
        .any(|t| rust.starts_with(t))
        || !required;
    let eq = !rust.contains("f64");
    if !required {
        rust = format!("Option<{rust}>");
    }
    let name = snake(wire);
    let mut attrs = Vec::new();
    if place == In::Header {
        attrs.push(format!("#[header(\"{wire}\")]"));
    } else if pascal(&name) != wire {
        attrs.push(format!("#[param(rename = \"{wire}\")]"));
    }
    let pattern = schema
        .at("pattern")
        .non_empty_str()
        .or_else(|| schema.at("items").at("pattern").as_str());
    if let Some(pattern) = pattern {
        let prefix = sid_prefix(pattern).ok_or_else(|| format!("unexpected pattern {pattern}"))?;
        attrs.push(format!("#[sid(prefix = \"{prefix}\")]"));
    }
    let bounds: Vec<String> = [("min", "minimum"), ("max", "maximum")]
        .iter()
        .filter_map(|(k, key)| match schema.get(key) {
            Some(Json::Number(n)) => Some(format!("{k} = {n}")),
            _ => None,
        })
        .collect();
    if !bounds.is_empty() {
        attrs.push(format!("#[param({})]", bounds.join(", ")));
    }
    let text = if description.is_empty() {
        cx.fallback_doc(schema, wire)
    } else {
        description.to_owned()
    };
    let mut out = doc(&text, "    ");
    for attr in attrs {
        out += &format!("    {attr}\n");
    }
    out += &format!("    pub {}: {rust},\n", ident(&name));
    Ok(Field {
        text: out,
        defaultable,
        eq,
    })
}

/// The prefix of a SID pattern: `^RL[0-9a-fA-F]{32}$` -> `RL`.
pub fn sid_prefix(pattern: &str) -> Option<String> {
    let prefix = pattern
        .strip_prefix('^')?
        .strip_suffix("[0-9a-fA-F]{32}$")?;
    (prefix.len() == 2 && prefix.chars().all(|c| c.is_ascii_uppercase())).then(|| prefix.to_owned())
}
