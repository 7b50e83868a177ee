//! Rust source text for the planned modules: one function per kind of item.

pub mod endpoint;
pub mod files;
pub mod resource;

use crate::json::Json;
use crate::spec::{Spec, ref_name};

/// What a generated item needs to know of its product: the spec, the Rust types of its
/// schemas and where each resource went.
pub struct Context<'a> {
    /// The spec.
    pub spec: &'a Spec,
    /// Rust names of the spec's schemas.
    pub types: &'a crate::types::Types,
    /// Modules and resources.
    pub plan: &'a crate::plan::Plan,
}

impl Context<'_> {
    /// For what the spec leaves undescribed: an enum's values, or a plain note.
    pub fn fallback_doc(&self, schema: &Json, name: &str) -> String {
        let target = schema.get("items").unwrap_or(schema);
        if let Some(values) = ref_name(target)
            .and_then(|r| self.spec.schema(r))
            .map(|s| s.at("enum"))
        {
            let values: Vec<String> = values
                .items()
                .iter()
                .map(|v| format!("`{}`", v.as_str().unwrap_or_default()))
                .collect();
            return format!("One of {}.", values.join(", "));
        }
        format!("`{name}`: the API description does not describe it.")
    }
}

/// A Rust string literal for `text`.
pub fn string_literal(text: &str) -> String {
    format!("{text:?}")
}
