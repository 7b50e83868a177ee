//! Which module each operation, resource and enum goes to.
//!
//! An operation belongs to the resource it returns (a list: the resource of its items; a
//! delete: what the other operations of its path return); a module per resource, named
//! after the last segment of the resource's schema name (`conversations.v1.role` ->
//! `role`). An enum schema `<prefix>_enum_<name>` goes to the module `<prefix>` when
//! there is one, else to `other_enums`.

use crate::naming::pascal;
use crate::spec::{Operation, Spec, ref_name};
use crate::types::Types;

/// One module of generated code.
#[derive(Default)]
pub struct Module {
    /// Its name, `role`.
    pub name: String,
    /// The description of its shallowest path, and that path (`None` for `other_enums`).
    pub doc: Option<(usize, Option<String>, String)>,
    /// The enum schemas declared in it.
    pub enums: Vec<String>,
    /// The resource schemas declared in it, in order of first use.
    pub resources: Vec<String>,
}

/// Every module of a product, and where each resource went.
pub struct Plan {
    /// The modules in order of first use, `other_enums` last.
    pub modules: Vec<Module>,
    /// Resource schema name, its module and its Rust type.
    pub resources: Vec<(String, String, String)>,
}

impl Plan {
    /// Assigns every operation and enum schema of `spec` to a module.
    pub fn new(spec: &Spec, types: &Types, title: &str) -> Result<Plan, String> {
        let mut plan = Plan {
            modules: Vec::new(),
            resources: Vec::new(),
        };
        for op in spec.operations() {
            let resource = resource_of(op)?;
            let module = resource.rsplit('.').next().unwrap_or(&resource).to_owned();
            if plan.resource(&resource).is_none() {
                plan.resources
                    .push((resource.clone(), module.clone(), pascal(&module)));
            }
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
            if !m.resources.contains(&resource) {
                m.resources.push(resource);
            }
        }
        for (schema, _) in &types.enums {
            let prefix = schema.split("_enum_").next().unwrap_or(schema);
            let module = if plan.modules.iter().any(|m| m.name == prefix) {
                prefix
            } else {
                "other_enums"
            };
            plan.module(module).enums.push(schema.clone());
        }
        if let Some(m) = plan.modules.iter_mut().find(|m| m.name == "other_enums") {
            let text = format!(
                "Enum schemas of the spec that no {title} operation or resource uses, kept so \
                 that every `*_enum_*` schema has a Rust type."
            );
            m.doc = Some((0, None, text));
        }
        Ok(plan)
    }

    fn module(&mut self, name: &str) -> &mut Module {
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

    /// The module and Rust type of a resource schema.
    pub fn resource(&self, schema: &str) -> Option<(&str, &str)> {
        self.resources
            .iter()
            .find(|(name, _, _)| name == schema)
            .map(|(_, module, rust)| (module.as_str(), rust.as_str()))
    }
}

/// The resource schema an operation belongs to: what it returns, what its list returns
/// items of, or (deletes) what another operation of its path returns.
pub fn resource_of(op: Operation<'_>) -> Result<String, String> {
    let (_, schema) = op.success()?;
    if let Some(schema) = schema {
        if let Some(name) = ref_name(schema) {
            return Ok(name.to_owned());
        }
        let (_, items) = list_items(schema).ok_or_else(|| format!("{}: no item list", op.id()))?;
        return ref_name(items.at("items"))
            .map(str::to_owned)
            .ok_or_else(|| format!("{}: list items are no reference", op.id()));
    }
    for method in crate::spec::METHODS {
        if let Some(other) = op.item.get(method)
            && !std::ptr::eq(other, op.op)
        {
            return resource_of(Operation {
                method,
                op: other,
                ..op
            });
        }
    }
    Err(format!("no resource for {}", op.id()))
}

/// The item list of a list response: its key and schema (the first property but `meta`).
pub fn list_items(schema: &crate::json::Json) -> Option<(&str, &crate::json::Json)> {
    schema
        .at("properties")
        .entries()
        .iter()
        .find(|(key, _)| key != "meta")
        .map(|(key, value)| (key.as_str(), value))
}
