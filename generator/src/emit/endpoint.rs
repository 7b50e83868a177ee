//! The `#[endpoint]` struct of one operation.

use crate::doc::doc;
use crate::doc_fallback::Kind;
use crate::emit::{Gen, string_literal};
use crate::json::Json;
use crate::naming::{field_names, pascal, rename_type};
use crate::plan::{ListShape, list_shape};
use crate::prefixes::{marker, sid_prefix};
use crate::spec::{Operation, ref_name};
use crate::types::{Owner, Side};

/// An endpoint struct's source, and whether it is a list that pages (`paginated`).
pub struct Endpoint {
    /// The struct with its doc comment and attributes.
    pub text: String,
    /// Whether its response is a page.
    pub paginated: bool,
    /// Its response type.
    pub response: String,
    /// The inline response type to declare beside it, if any: `(list shape, schema)`.
    pub list: Option<ListShape>,
}

/// Where a parameter goes.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Path,
    Query,
    Form,
    Json,
    Header,
}

/// One parameter, read from the spec.
struct Param<'s> {
    wire: String,
    schema: &'s Json,
    required: bool,
    description: String,
    place: In,
}

/// Parameters that carry a credential, beyond names ending in `Password` or `Secret`:
/// each read against its description. `PrivateKey` and `ApiKey` (Conversations'
/// push credentials: an APN private key, a GCM API key) and `SnaClientToken` (Verify: a
/// token that proves the Silent Network Auth check, to be matched like a password).
pub const SECRET_NAMES: &[&str] = &["PrivateKey", "ApiKey", "SnaClientToken"];

/// Whether a parameter is a `Secret`: see [`SECRET_NAMES`]. Not `PageToken` (paging),
/// `CallToken` (identifies a call to forward), `Config.NotificationToken` (a device's
/// push address), `*Key` names that are names (`Key`, `IdempotencyKey`, `*Keywords`).
pub fn is_secret(wire: &str) -> bool {
    let last = wire.rsplit('.').next().unwrap_or(wire);
    last.ends_with("Password") || last.ends_with("Secret") || SECRET_NAMES.contains(&last)
}

impl Gen<'_> {
    /// The struct of one operation: path parameters in path order, then query, then body,
    /// then header parameters.
    pub fn endpoint_item(&mut self, op: Operation<'_>, module: &str) -> Result<Endpoint, String> {
        let op_id = op.id();
        let params = params(self.spec, op)?;
        // A JSON body, even one without properties (Numbers v1's `CreateEligibility`
        // sends `{}`).
        let json = json_body(op);
        let body_owner = self.body_owner(op).unwrap_or_else(|| op_id.to_owned());

        // A body parameter named like a path parameter (API v2010's
        // `UpdateIncomingPhoneNumber` takes `AccountSid` in both: the account the number
        // moves to) is `body_<name>`, set apart with `#[param(body)]`.
        let in_path: Vec<&str> = params
            .iter()
            .filter(|p| p.place == In::Path)
            .map(|p| p.wire.as_str())
            .collect();
        let beside_path = |p: &Param<'_>| p.place != In::Path && in_path.contains(&p.wire.as_str());
        let naming: Vec<String> = params
            .iter()
            .map(|p| {
                if beside_path(p) {
                    format!("Body{}", p.wire)
                } else {
                    p.wire.clone()
                }
            })
            .collect();
        let names = rename_type(
            field_names(naming.iter().map(String::as_str)),
            op_id,
            module,
        );
        let mut fields = String::new();
        let mut required = Vec::new();
        let mut optional = Vec::new();
        let mut all_eq = true;
        for (p, name) in params.iter().zip(&names) {
            let owner = Owner {
                name: if p.place == In::Json {
                    &body_owner
                } else {
                    op_id
                },
                module,
            };
            let side = if p.place == In::Json {
                Side::Json
            } else {
                Side::Param
            };
            let pattern = p
                .schema
                .at("pattern")
                .non_empty_str()
                .or_else(|| p.schema.at("items").at("pattern").as_str());
            // A pattern that is no SID of one kind (`^aia_asst_.+$`, a SID of any kind,
            // a comma-separated list of SIDs): the value is text checked against it.
            let text_pattern = pattern.filter(|pattern| sid_prefix(pattern).is_none());
            let mut rust = if p.place == In::Header && self.is_boolean_enum(p.schema) {
                // `X-Twilio-Webhook-Enabled`: `true` or `false`, as a `bool` writes them.
                "bool".to_owned()
            } else {
                self.value_type(p.schema, side, owner, &p.wire)?
            };
            let account = p.place == In::Path && p.wire == "AccountSid";
            if account {
                rust = "Sid<AC>".to_owned();
            } else if rust == "String" && is_secret(&p.wire) {
                rust = "Secret".to_owned();
            } else if rust == "String"
                && p.place == In::Path
                && let Some(prefix) = self.sid_or_name(op, p)
            {
                rust = format!("SidOrName<{}>", marker(&prefix));
            }
            all_eq &= !rust.contains("f64");
            if p.required && !account {
                required.push((name.clone(), rust.clone()));
            } else {
                optional.push(name.clone());
                rust = format!("Option<{rust}>");
            }
            let mut attrs = Vec::new();
            match p.place {
                _ if beside_path(p) => {
                    attrs.push(format!("#[param(rename = \"{}\", body)]", p.wire));
                }
                In::Header => attrs.push(format!("#[header(\"{}\")]", p.wire)),
                In::Json => attrs.push(format!("#[param(rename = \"{}\")]", p.wire)),
                _ if pascal(name.trim_start_matches("r#")) != p.wire => {
                    attrs.push(format!("#[param(rename = \"{}\")]", p.wire));
                }
                _ => {}
            }
            if account {
                attrs.push("#[param(default_account)]".to_owned());
            }
            // A query parameter of a request with a body (OAuth v2's token request takes
            // `account_sid` in its query).
            if p.place == In::Query && matches!(op.method, "post" | "put" | "patch") {
                attrs.push("#[param(query)]".to_owned());
            }
            if let Some(pattern) = text_pattern {
                if !rust
                    .trim_start_matches("Option<")
                    .trim_start_matches("Vec<")
                    .starts_with("String")
                {
                    return Err(format!("{op_id}: pattern {pattern} on a {rust}"));
                }
                attrs.push(format!("#[param(pattern = {})]", string_literal(pattern)));
            }
            let bounds: Vec<String> = [("min", "minimum"), ("max", "maximum")]
                .iter()
                .filter_map(|(k, key)| match p.schema.get(key) {
                    Some(Json::Number(n)) => Some(format!("{k} = {n}")),
                    _ => None,
                })
                .collect();
            if !bounds.is_empty()
                && matches!(rust.trim_start_matches("Option<"), r if r.starts_with("u32") || r.starts_with("i64") || r.starts_with("Decimal"))
            {
                attrs.push(format!("#[param({})]", bounds.join(", ")));
            }
            let text = match crate::doc_overrides::doc_override(op_id, &p.wire) {
                Some(text) => text.to_owned(),
                None if p.description.is_empty() => {
                    self.fallback_doc(p.schema, &p.wire, op_id, Kind::Param)
                }
                None => p.description.clone(),
            };
            fields += &doc(&text, "    ");
            if account {
                fields += "    ///\n    /// `None`: the client's account.\n";
            }
            for attr in attrs {
                fields += &format!("    {attr}\n");
            }
            fields += &format!("    pub {name}: {rust},\n");
        }

        let (_, schema) = op.success()?;
        let mut list = None;
        let response = match schema {
            None => "()".to_owned(),
            Some(schema) => match ref_name(schema) {
                Some(name) => self
                    .plan
                    .resource(name)
                    .map(|r| r.rust.clone())
                    .ok_or_else(|| format!("{op_id}: {name}"))?,
                None if crate::plan::list_items(schema).is_none() => self
                    .plan
                    .resource(&format!("inline:{op_id}"))
                    .map(|r| r.rust.clone())
                    .ok_or_else(|| format!("{op_id}: inline response"))?,
                None => {
                    list = Some(list_shape(schema));
                    self.list_type_name(op_id, schema, module)
                }
            },
        };
        let paginated = matches!(list, Some(ListShape::Meta | ListShape::NextPageUri));
        let path = op.path.replace('{', "<").replace('}', ">");
        let host = self
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
        if json {
            args += ", json";
        }
        if op.success()?.0.starts_with('3') {
            args += ", answers_with_redirect";
        }
        // The organizations API's SCIM operations answer only in SCIM JSON.
        if let Some(accept) = scim_answer(op) {
            args += &format!(", accept = \"{accept}\"");
        }
        let mut derives = vec!["Debug", "Clone"];
        if required.is_empty() {
            derives.push("Default");
        }
        derives.push("PartialEq");
        if all_eq {
            derives.push("Eq");
        }
        let text = [op.op.at("description"), op.op.at("summary")]
            .into_iter()
            .find_map(Json::non_empty_str)
            .unwrap_or(op_id);
        let mut out = doc(text, "");
        let (status, _) = op.success()?;
        if status.starts_with('3') {
            out += &format!(
                "///\n/// Twilio answers with a redirect ({status}) whose body is the response: \
                 `send` decodes it (and follows no redirect).\n"
            );
        }
        out += &format!("#[endpoint({args})]\n");
        out += &format!("#[derive({})]\n", derives.join(", "));
        // Requests deserialize only for tests, which build them from sample data.
        out += "#[cfg_attr(feature = \"testing\", derive(serde::Deserialize), \
                serde(deny_unknown_fields))]\n";
        out += &format!("pub struct {op_id} {{\n{fields}}}\n");
        if !required.is_empty() {
            out += &constructor(op_id, &required, &optional);
        }
        Ok(Endpoint {
            text: out,
            paginated,
            response,
            list,
        })
    }
}

/// The parameters of an operation: path (in path order), query, body, header. A body
/// that is a reference is read through it; `Authorization` headers are left out (the
/// client's credentials are never a field).
fn params<'s>(spec: &'s crate::spec::Spec, op: Operation<'s>) -> Result<Vec<Param<'s>>, String> {
    let op_id = op.id();
    let all: Vec<&Json> = op
        .op
        .at("parameters")
        .items()
        .iter()
        .map(|p| spec.resolve(p))
        .collect();
    let placeholders: Vec<&str> = op
        .path
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    let param = |p: &'s Json, place: In| Param {
        wire: p.at("name").as_str().unwrap_or_default().to_owned(),
        schema: p.at("schema"),
        required: p.at("required").is_true(),
        description: p.at("description").as_str().unwrap_or_default().to_owned(),
        place,
    };
    let located = |place: &'static str| {
        all.iter()
            .copied()
            .filter(move |p| p.at("in").as_str() == Some(place))
    };
    let mut path: Vec<&Json> = located("path").collect();
    path.sort_by_key(|p| {
        let name = p.at("name").as_str().unwrap_or_default();
        placeholders
            .iter()
            .position(|x| *x == name)
            .unwrap_or(usize::MAX)
    });
    let mut out: Vec<Param<'s>> = path.into_iter().map(|p| param(p, In::Path)).collect();
    out.extend(located("query").map(|p| param(p, In::Query)));
    if let Some(body) = op.op.get("requestBody") {
        // One body type; of JSON and SCIM JSON (the organizations API takes either),
        // plain JSON.
        let (content_type, content) = match body.at("content").entries() {
            [only] => only,
            several => several
                .iter()
                .find(|(content_type, _)| content_type == "application/json")
                .ok_or_else(|| format!("{op_id}: more than one body type"))?,
        };
        let place = match content_type.as_str() {
            "application/x-www-form-urlencoded" => In::Form,
            "application/json" => In::Json,
            other => return Err(format!("{op_id}: body {other}")),
        };
        let schema = body_schema(spec, spec.resolve(content.at("schema")));
        let required: Vec<&str> = schema
            .at("required")
            .items()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        for (name, prop) in schema.at("properties").entries() {
            out.push(Param {
                wire: name.clone(),
                schema: prop,
                required: required.contains(&name.as_str()),
                description: prop
                    .at("description")
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                place,
            });
        }
    }
    out.extend(
        located("header")
            .filter(|p| {
                !p.at("name")
                    .as_str()
                    .unwrap_or_default()
                    .eq_ignore_ascii_case("authorization")
            })
            .map(|p| param(p, In::Header)),
    );
    Ok(out)
}

/// The media type an operation answers in when it is not `application/json`:
/// `application/scim+json` for the organizations API's users.
fn scim_answer(op: Operation<'_>) -> Option<&'static str> {
    let responses = op.op.at("responses").entries();
    let (_, success) = responses
        .iter()
        .find(|(status, _)| status.starts_with('2'))?;
    let content = success.at("content");
    (!content.has("application/json") && content.has("application/scim+json"))
        .then_some("application/scim+json")
}

/// Whether an operation's request body is JSON.
fn json_body(op: Operation<'_>) -> bool {
    let content = op.op.at("requestBody").at("content");
    content.has("application/json") && !content.has("application/x-www-form-urlencoded")
}

/// A request body's schema; for one of several alternatives (`oneOf`, Messaging v3's
/// typing indicator for WhatsApp or Apple), one object with the properties of them all,
/// required when every alternative requires them, an enum property taking the values of
/// every alternative (`channel`: `WHATSAPP` or `APPLE`). Made once per operation by a
/// program that ends: leaked, to live as long as the spec it comes from.
fn body_schema<'s>(spec: &'s crate::spec::Spec, schema: &'s Json) -> &'s Json {
    let alternatives = schema.at("oneOf").items();
    if alternatives.is_empty() {
        return schema;
    }
    let alternatives: Vec<&Json> = alternatives.iter().map(|a| spec.resolve(a)).collect();
    let mut properties: Vec<(String, Json)> = Vec::new();
    for alternative in &alternatives {
        for (name, property) in alternative.at("properties").entries() {
            match properties.iter_mut().find(|(n, _)| n == name) {
                None => properties.push((name.clone(), property.clone())),
                Some((_, Json::Object(merged))) => {
                    let values = property.at("enum").items();
                    let mut all_values = Vec::new();
                    if let Some((_, Json::Array(all))) =
                        merged.iter_mut().find(|(key, _)| key == "enum")
                    {
                        for value in values {
                            if !all.contains(value) {
                                all.push(value.clone());
                            }
                        }
                        all_values = all
                            .iter()
                            .filter_map(Json::as_str)
                            .map(str::to_owned)
                            .collect();
                    }
                    // Each alternative's description names its own value ("Must be
                    // \"WHATSAPP\"."): the merged one names them all.
                    if let Some((_, Json::String(description))) =
                        merged.iter_mut().find(|(key, _)| key == "description")
                        && all_values.len() > 1
                    {
                        let first = description.split(". ").next().unwrap_or_default();
                        let first = first.trim_end_matches('.');
                        let listed: Vec<String> =
                            all_values.iter().map(|v| format!("`{v}`")).collect();
                        *description = format!("{first}: {}.", listed.join(" or "));
                    }
                }
                Some(_) => {}
            }
        }
    }
    let required: Vec<Json> = alternatives[0]
        .at("required")
        .items()
        .iter()
        .filter(|name| {
            alternatives
                .iter()
                .all(|a| a.at("required").items().contains(name))
        })
        .cloned()
        .collect();
    let mut merged = vec![
        ("type".to_owned(), Json::String("object".to_owned())),
        ("properties".to_owned(), Json::Object(properties)),
        ("required".to_owned(), Json::Array(required)),
    ];
    if let Some(description) = schema.get("description") {
        merged.push(("description".to_owned(), description.clone()));
    }
    Box::leak(Box::new(Json::Object(merged)))
}

impl Gen<'_> {
    /// Whether a schema (or the schema it refers to) is an enum of exactly the values
    /// `true` and `false`.
    fn is_boolean_enum(&self, schema: &Json) -> bool {
        let schema = ref_name(schema)
            .and_then(|name| self.spec.schema(name))
            .unwrap_or(schema);
        let mut values = crate::types::enum_values(schema);
        values.sort_unstable();
        values == ["false", "true"]
    }

    /// What types made for a JSON body are named after: the body schema's title or name
    /// without a `Request` suffix (`OverridesRequest` -> `Overrides`), if it has one.
    fn body_owner(&self, op: Operation<'_>) -> Option<String> {
        let schema = op
            .op
            .at("requestBody")
            .at("content")
            .entries()
            .first()
            .map(|(_, c)| c.at("schema"))?;
        let name = ref_name(schema)
            .map(str::to_owned)
            .or_else(|| schema.at("title").as_str().map(str::to_owned))?;
        let name = pascal(&crate::naming::snake(&name));
        Some(
            name.strip_suffix("Request")
                .filter(|n| !n.is_empty())
                .unwrap_or(&name)
                .to_owned(),
        )
    }
}

/// The `new` of a request with required parameters: one argument per required
/// parameter, in the struct's order (the spec's), every optional one `None`.
fn constructor(op_id: &str, required: &[(String, String)], optional: &[String]) -> String {
    let mut args = Vec::new();
    let mut fields = Vec::new();
    for (name, rust) in required {
        let (ty, value) = match rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
            Some(element) if converts(element) => (
                format!("impl IntoIterator<Item = impl Into<{element}>>"),
                format!("{name}.into_iter().map(Into::into).collect()"),
            ),
            Some(element) => (
                format!("impl IntoIterator<Item = {element}>"),
                format!("{name}.into_iter().collect()"),
            ),
            None if converts(rust) => (format!("impl Into<{rust}>"), format!("{name}.into()")),
            None => (rust.clone(), name.clone()),
        };
        args.push(format!("{name}: {ty}"));
        fields.push(if value == *name {
            name.clone()
        } else {
            format!("{name}: {value}")
        });
    }
    fields.extend(optional.iter().map(|name| format!("{name}: None")));
    let allow = if args.len() > 7 {
        "    #[allow(clippy::too_many_arguments)]\n"
    } else {
        ""
    };
    let doc = format!(
        "The request with its required parameters; every optional one is `None`, to be set \
         with `{op_id} {{ field: Some(..), ..{op_id}::new(..) }}`."
    );
    format!(
        "\nimpl {op_id} {{\n{}{allow}    pub fn new({}) -> Self {{\n        {op_id} {{ {} }}\n    }}\n}}\n",
        crate::doc::markdown(&doc, "    "),
        args.join(", "),
        fields.join(", ")
    )
}

/// Whether a constructor takes the type as `impl Into<..>`: text, and the SID types
/// other values convert into (`SidOrName<P>`, and `Sid` of alternatives, whose markers
/// are named `SmOrMm`, never two capitals). A single-kind `Sid<P>` is taken as is, so
/// that a SID of another kind is a type mismatch naming both.
fn converts(rust: &str) -> bool {
    matches!(rust, "String" | "Secret")
        || rust.starts_with("SidOrName<")
        || (rust.starts_with("Sid<") && rust.contains("Or"))
}

impl Gen<'_> {
    /// The prefix of a path parameter named `*Sid` that the spec does not restrict to
    /// SIDs (no `pattern`): it takes a SID or a name ("the `sid` or the `unique_name`",
    /// a participant's `identity`, a label, `Twilio.CURRENT`). The prefix is the pattern
    /// of the same-named property, else of `sid`, in the response of the operation on
    /// the resource the parameter names (the path cut after it); `None` when none is
    /// found, and the parameter stays a `String`.
    fn sid_or_name(&self, op: Operation<'_>, p: &Param<'_>) -> Option<String> {
        if !p.wire.ends_with("Sid") {
            return None;
        }
        let placeholder = format!("{{{}}}", p.wire);
        let at = op.path.find(&placeholder)? + placeholder.len();
        let instance = blank_placeholders(&op.path[..at]);
        let own = crate::naming::snake(&p.wire);
        self.spec
            .operations()
            .into_iter()
            .filter(|other| blank_placeholders(other.path.trim_end_matches(".json")) == instance)
            .find_map(|other| {
                let schema = other.success().ok()?.1?;
                let schema = match ref_name(schema) {
                    Some(name) => self.spec.schema(name)?,
                    None => schema,
                };
                let properties = schema.at("properties");
                [own.as_str(), "sid"].into_iter().find_map(|key| {
                    properties
                        .at(key)
                        .at("pattern")
                        .as_str()
                        .and_then(sid_prefix)
                })
            })
    }
}

/// A path with every `{Placeholder}` emptied to `{}`, to compare paths by shape.
fn blank_placeholders(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push(c);
            }
            '}' => {
                inside = false;
                out.push(c);
            }
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_blanked() {
        assert_eq!(
            blank_placeholders("/v1/Conversations/{ConversationSid}/Messages/{Sid}"),
            "/v1/Conversations/{}/Messages/{}"
        );
    }

    #[test]
    fn constructors() {
        let text = constructor(
            "CreateRole",
            &[
                ("friendly_name".into(), "String".into()),
                ("r#type".into(), "RoleType".into()),
                ("permission".into(), "Vec<String>".into()),
                ("service_sid".into(), "Sid<IS>".into()),
            ],
            &["page".into()],
        );
        assert!(text.contains(
            "pub fn new(friendly_name: impl Into<String>, r#type: RoleType, permission: \
             impl IntoIterator<Item = impl Into<String>>, service_sid: Sid<IS>) -> Self"
        ));
        assert!(text.contains(
            "CreateRole { friendly_name: friendly_name.into(), r#type, permission: \
             permission.into_iter().map(Into::into).collect(), service_sid, page: None }"
        ));
        assert!(converts("SidOrName<CH>") && converts("Sid<SmOrMm>") && !converts("Sid<CH>"));
    }

    #[test]
    fn secrets() {
        assert!(is_secret("SipAuthPassword"));
        assert!(is_secret("Password"));
        assert!(is_secret("Binding.Secret"));
        assert!(is_secret("SnaClientToken"));
        assert!(!is_secret("PageToken"));
        assert!(!is_secret("CallToken"));
        assert!(!is_secret("Config.NotificationToken"));
        assert!(!is_secret("EnableSnaClientToken"));
    }
}
