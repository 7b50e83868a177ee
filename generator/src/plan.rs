//! Which module each operation and resource goes to, and the Rust names of resources
//! and enum schemas (before [`crate::enums`] groups them).
//!
//! An operation belongs to the resource it returns (a list: the resource of its items; a
//! delete: what the other operations of its path return; an inline object: a resource of
//! its own, `<OperationId>Response`). A module per resource, named after the resource's
//! schema (see [`module_name`]). An enum schema `<prefix>_enum_<name>` that only one
//! module uses goes to the module `<prefix>` when there is one, else to the module that
//! uses it.

use crate::json::Json;
use crate::naming::{RUST_KEYWORDS, pascal, snake};
use crate::spec::{Operation, Spec, ref_name};

/// A module's description: the depth of the path it came from, that path (`None` for
/// the shared `enums`) and the text.
pub type ModuleDoc = (usize, Option<String>, String);

/// One module of generated code.
#[derive(Default)]
pub struct Module {
    /// Its name, `role`.
    pub name: String,
    /// The description of its shallowest path, and that path.
    pub doc: Option<ModuleDoc>,
    /// The resources declared in it (schema names, or `inline:<OperationId>`), in order
    /// of first use.
    pub resources: Vec<String>,
}

/// A resource: a schema (or an operation's inline response) with a module of its own.
pub struct Resource {
    /// The schema name, or `inline:<OperationId>`.
    pub key: String,
    /// Its module.
    pub module: String,
    /// Its Rust type.
    pub rust: String,
}

/// Every module of a product, and where each resource and enum went.
pub struct Plan {
    /// The modules in order of first use.
    pub modules: Vec<Module>,
    /// Every resource, in order of first use.
    pub resources: Vec<Resource>,
    /// Enum schemas (named `*_enum_*`, or any string schema with `enum`) and their Rust
    /// names, in document order.
    pub enums: Vec<(String, String)>,
}

impl Plan {
    /// Assigns every operation and `*_enum_*` schema of `spec` to a module.
    pub fn new(spec: &Spec) -> Result<Plan, String> {
        let enums = spec
            .schemas()
            .iter()
            .filter(|(name, schema)| name.contains("_enum_") || is_enum(schema))
            .map(|(name, _)| (name.clone(), enum_name(name)))
            .collect();
        let mut plan = Plan {
            modules: Vec::new(),
            resources: Vec::new(),
            enums,
        };
        for op in spec.operations() {
            let key = resource_in(spec, op)?;
            if plan.resource(&key).is_none() {
                // `x-instance` (what a fetch returns) shares the module of `x` (a list's
                // items), as `XInstance` beside `X`.
                let base = base_key(&key);
                let module = match plan.resources.iter().find(|r| {
                    base_key(&r.key) == base
                        || (key.starts_with("inline:")
                            && r.key.starts_with("inline:")
                            && module_name(&r.key) == module_name(&key))
                }) {
                    Some(sibling) => sibling.module.clone(),
                    None => plan.unique_module(&key),
                };
                // A variant of a schema the spec also has (`x-instance` or `x_response`
                // beside `x`) is `XInstance` or `XResponse` beside `X`.
                let sibling = base != key && spec.schema(base).is_some();
                let rust = match key.strip_prefix("inline:") {
                    // The items of a list of inline objects are named after the module.
                    Some(_)
                        if crate::plan::list_items(op.success()?.1.unwrap_or(&Json::Null))
                            .is_some() =>
                    {
                        pascal(&module)
                    }
                    Some(op_id) => format!("{op_id}Response"),
                    None if sibling && key.ends_with("-instance") => {
                        format!("{}Instance", pascal(&module))
                    }
                    None if sibling => format!("{}Response", pascal(&module)),
                    None => pascal(&module),
                };
                // Not the name of an operation's struct (Numbers v2's
                // `CreateShortCodeApplicationResponse` is no `CreateShortCodeApplication`).
                let rust = if spec.operations().iter().any(|op| op.id() == rust) {
                    format!("{rust}Response")
                } else {
                    rust
                };
                plan.resources.push(Resource {
                    key: key.clone(),
                    module,
                    rust,
                });
            }
            let module = plan
                .resource(&key)
                .map(|r| r.module.clone())
                .unwrap_or_default();
            let depth = op.path.matches('/').count();
            let description = op
                .item
                .at("description")
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let m = plan.module(&module);
            if m.doc.as_ref().is_none_or(|(d, _, _)| depth < *d) {
                m.doc = Some((depth, Some(op.path.to_owned()), description));
            }
            if !m.resources.contains(&key) {
                m.resources.push(key);
            }
        }
        // An enum named like a resource (`call_enum_event` and `call_event`) or like an
        // enum before it takes an `Enum` suffix (then `2`, `3`...).
        let mut taken: Vec<String> = plan.resources.iter().map(|r| r.rust.clone()).collect();
        for (_, rust) in &mut plan.enums {
            if taken.contains(rust) {
                let base = format!("{rust}Enum");
                *rust = std::iter::once(base.clone())
                    .chain((2..).map(|n| format!("{base}{n}")))
                    .find(|name| !taken.contains(name))
                    .unwrap_or(base);
            }
            taken.push(rust.clone());
        }
        Ok(plan)
    }

    /// The module of a resource key: [`module_name`], with the parent segment in front
    /// when another resource took the name first (`service_phone_number`), and `_2`,
    /// `_3`... after that.
    fn unique_module(&self, key: &str) -> String {
        let taken = |name: &str| {
            name == crate::enums::SHARED_MODULE || self.resources.iter().any(|r| r.module == name)
        };
        let base = module_name(key);
        if !taken(&base) {
            return base;
        }
        let segments: Vec<&str> = key.split('.').collect();
        if segments.len() >= 2 {
            let parent = module_name(segments[segments.len() - 2]);
            let with_parent = format!("{parent}_{base}");
            if !taken(&with_parent) {
                return with_parent;
            }
        }
        (2..)
            .map(|n| format!("{base}_{n}"))
            .find(|name| !taken(name))
            .unwrap_or(base)
    }

    pub(crate) fn module(&mut self, name: &str) -> &mut Module {
        let index = match self.modules.iter().position(|m| m.name == name) {
            Some(index) => index,
            None => {
                self.modules.push(Module {
                    name: name.to_owned(),
                    ..Module::default()
                });
                self.modules.len() - 1
            }
        };
        &mut self.modules[index]
    }

    /// A resource by key.
    pub fn resource(&self, key: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.key == key)
    }

    /// The Rust name of an enum schema.
    pub fn enum_type(&self, schema: &str) -> Option<&str> {
        self.enums
            .iter()
            .find(|(name, _)| name == schema)
            .map(|(_, rust)| rust.as_str())
    }
}

/// A resource key without the `-instance` or (for a dotted name) `_response` suffix
/// that marks a variant of another schema.
fn base_key(key: &str) -> &str {
    if let Some(base) = key.strip_suffix("-instance") {
        base
    } else if key.contains('.') {
        key.strip_suffix("_response").unwrap_or(key)
    } else {
        key
    }
}

/// Whether a schema is a string enum.
pub fn is_enum(schema: &Json) -> bool {
    !schema.at("enum").items().is_empty()
        && schema.at("type").as_str().is_none_or(|t| t == "string")
}

/// `conversation_enum_webhook_enabled_type` -> `ConversationWebhookEnabledType`;
/// `callToActionActionType` -> `CallToActionActionType`.
pub fn enum_name(schema: &str) -> String {
    if schema.contains("_enum_") {
        pascal(&schema.replace("_enum_", "_"))
    } else {
        pascal(&snake(schema))
    }
}

/// The module of a resource schema: the last `.`-separated segment of its name, less a
/// `-instance` suffix (`api.v2010.account.call.call_notification-instance` ->
/// `call_notification`, `api.v2010.account.message` -> `message`); a name without dots
/// in snake case; either less a `_response` suffix (`RateLimitResponse` ->
/// `rate_limit`, `messaging.v1.service.us_app_to_person_response` ->
/// `us_app_to_person`); an
/// inline response of an operation: the operation's name less its verb
/// (`UpdatePasskeysFactor` -> `passkeys_factor`). Keywords get a `_` after them.
pub fn module_name(key: &str) -> String {
    let name = if let Some(op_id) = key.strip_prefix("inline:") {
        let verbs = ["Create", "Fetch", "Update", "Delete", "List"];
        let rest = verbs
            .iter()
            .find_map(|v| op_id.strip_prefix(v))
            .unwrap_or(op_id);
        snake(rest)
    } else if key.contains('.') {
        let last = key.rsplit('.').next().unwrap_or(key);
        let name = snake(last.strip_suffix("-instance").unwrap_or(last));
        name.strip_suffix("_response")
            .map(str::to_owned)
            .unwrap_or(name)
    } else {
        let name = snake(key);
        name.strip_suffix("_response")
            .map(str::to_owned)
            .unwrap_or(name)
    };
    if RUST_KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The resource an operation belongs to: what it returns, what its list returns items
/// of, `inline:<OperationId>` for an inline object, or (deletes) what another operation
/// of its path returns.
pub fn resource_of(op: Operation<'_>) -> Result<String, String> {
    if let Some(resource) = returned_resource(op)? {
        return Ok(resource);
    }
    // Nothing returned (a `204`): the resource another operation on the path returns.
    // Only one step: two operations with nothing to return must not ask each other.
    for method in crate::spec::METHODS {
        if let Some(other) = op.item.get(method)
            && !std::ptr::eq(other, op.op)
            && let Ok(Some(resource)) = returned_resource(Operation {
                method,
                op: other,
                ..op
            })
        {
            return Ok(resource);
        }
    }
    Err(format!("no resource for {}", op.id()))
}

/// The resource `op` returns itself, if it returns a body.
fn returned_resource(op: Operation<'_>) -> Result<Option<String>, String> {
    let (_, schema) = op.success()?;
    Ok(match schema {
        None => None,
        Some(schema) => Some(resource_of_schema(op, schema)?),
    })
}

/// The resource a response schema names: its reference, or its list items'.
fn resource_of_schema(op: Operation<'_>, schema: &crate::json::Json) -> Result<String, String> {
    if let Some(name) = ref_name(schema) {
        return Ok(name.to_owned());
    }
    // A list of inline objects (Knowledge v1's `ListKnowledge`) is, like an inline
    // response, a resource of the operation's own: its items.
    Ok(
        match list_items(schema).and_then(|(_, items)| ref_name(items.at("items"))) {
            Some(name) => name.to_owned(),
            None => format!("inline:{}", op.id()),
        },
    )
}

/// [`resource_of`], and for an operation alone on its path with nothing to return, the
/// resource of the nearest path above it that has one: the path less its last segment,
/// then less the one before... (`.../Subscriptions/{Sid}.json` -> `.../Subscriptions.json`
/// for `DeleteUserDefinedMessageSubscription`, `/v2/Alarms/{Sid}/status` ->
/// `/v2/Alarms/{Sid}` for Monitor v2's `UpdateAlarmStatus`). When no path above has one
/// (Voice v1's `DeleteArchivedCall`), the operation has a module of its own and no
/// response type: `inline:<OperationId>`.
pub fn resource_in(spec: &Spec, op: Operation<'_>) -> Result<String, String> {
    resource_of(op).or_else(|_| {
        let suffix = if op.path.ends_with(".json") {
            ".json"
        } else {
            ""
        };
        let mut path = op.path.strip_suffix(suffix).unwrap_or(op.path);
        let operations = spec.operations();
        while let Some((parent, _)) = path.rsplit_once('/') {
            path = parent;
            let above = format!("{parent}{suffix}");
            if let Some(Ok(resource)) = operations
                .iter()
                .filter(|other| other.path == above)
                .map(|other| resource_of(*other))
                .find(Result::is_ok)
            {
                return Ok(resource);
            }
        }
        Ok(format!("inline:{}", op.id()))
    })
}

/// The item list of a list response: its key and schema. The first property but
/// `meta`, when there is a `meta`; else the first array of references.
pub fn list_items(schema: &Json) -> Option<(&str, &Json)> {
    let properties = schema.at("properties").entries();
    let found = if schema.at("properties").has("meta") {
        properties.iter().find(|(key, _)| key != "meta")
    } else {
        properties.iter().find(|(_, p)| {
            p.at("type").as_str() == Some("array") && ref_name(p.at("items")).is_some()
        })
    };
    found.map(|(key, value)| (key.as_str(), value))
}

/// How a list response says where the next page is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ListShape {
    /// A `meta` object with `next_page_url` (most products).
    Meta,
    /// Top-level `next_page_uri`, relative to the host (API v2010).
    NextPageUri,
    /// Neither: one answer, not paginated.
    Plain,
}

/// The shape of a list response.
pub fn list_shape(schema: &Json) -> ListShape {
    let properties = schema.at("properties");
    // A `meta` without `next_page_url` (Numbers v1's `ListPortInRequests` pages with a
    // `next_token` the caller sends back as `Token`) is a plain field.
    if properties.at("meta").at("properties").has("next_page_url") {
        ListShape::Meta
    } else if properties.has("next_page_uri") {
        ListShape::NextPageUri
    } else {
        ListShape::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(module_name("conversations.v1.role"), "role");
        assert_eq!(module_name("api.v2010.account.message"), "message");
        assert_eq!(
            module_name("api.v2010.account.incoming_phone_number"),
            "incoming_phone_number"
        );
        assert_eq!(
            module_name("api.v2010.account.notification-instance"),
            "notification"
        );
        assert_eq!(module_name("RateLimitResponse"), "rate_limit");
        assert_eq!(
            module_name("inline:UpdatePasskeysFactor"),
            "passkeys_factor"
        );
        assert_eq!(enum_name("call_enum_status"), "CallStatus");
        assert_eq!(
            enum_name("callToActionActionType"),
            "CallToActionActionType"
        );
    }
}
