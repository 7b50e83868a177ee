//! Rust source text for the planned modules: [`Gen`] holds what every item needs, and
//! each file of this module adds the methods for one kind of item.

pub mod endpoint;
pub mod files;
pub mod json_struct;
pub mod resource;

use std::collections::BTreeSet;

use crate::doc_fallback::{Described, Kind, from_name, well_known};
use crate::enums::{EnumPlan, EnumUse};
use crate::json::Json;
use crate::plan::Plan;
use crate::spec::{Spec, ref_name};

/// Names of the crate that generated modules import, which no generated type may take.
const RESERVED: &[&str] = &[
    "BTreeMap",
    "Date",
    "Decimal",
    "Deserialize",
    "HttpMethod",
    "NextPage",
    "Option",
    "Page",
    "PageMeta",
    "Result",
    "Secret",
    "Serialize",
    "String",
    "Timestamp",
    "Value",
    "Vec",
];

/// The generator of one product: the spec, the plan, the Rust type names taken so far,
/// and the types generated on the way (inline enums, JSON body structs, response structs
/// of named schemas), to be added to the module that first needed them.
pub struct Gen<'a> {
    /// The spec.
    pub spec: &'a Spec,
    /// Modules, resources, enum schemas.
    pub plan: &'a Plan,
    /// The Rust enums (empty in the first pass, which records the uses).
    pub enums: &'a EnumPlan,
    /// The enums requests and responses use, in order of first use.
    pub enum_uses: Vec<EnumUse>,
    /// Every Rust type name given out.
    taken: BTreeSet<String>,
    /// Generated types by what they were made from (`schema:<name>` for a named schema,
    /// `json:<name>` for a named schema used in a JSON body, `enum:<name>` for an inline
    /// enum): their Rust name.
    made: Vec<(String, String)>,
    /// Items generated on the way: module and source text, in order.
    pub extras: Vec<(String, String)>,
    /// Named types that only some modules define: name and module.
    pub defined_in: Vec<(String, String)>,
    /// The spec's descriptions by name, for what it leaves undescribed.
    described: Described,
}

impl<'a> Gen<'a> {
    /// A generator for the planned product; resource and enum names are taken.
    pub fn new(spec: &'a Spec, plan: &'a Plan, enums: &'a EnumPlan) -> Gen<'a> {
        let mut taken: BTreeSet<String> = RESERVED.iter().map(|s| (*s).to_owned()).collect();
        // An operation's struct is named after it: no other type may be (Monitor v2's list
        // response titled `ListAlarms`).
        taken.extend(spec.operations().iter().map(|op| op.id().to_owned()));
        let mut defined_in = Vec::new();
        for r in &plan.resources {
            taken.insert(r.rust.clone());
            defined_in.push((r.rust.clone(), r.module.clone()));
        }
        for e in &enums.enums {
            taken.insert(e.rust.clone());
            defined_in.push((e.rust.clone(), e.home.clone()));
        }
        Gen {
            spec,
            plan,
            enums,
            enum_uses: Vec::new(),
            taken,
            made: Vec::new(),
            extras: Vec::new(),
            defined_in,
            described: Described::new(spec),
        }
    }

    /// Every Rust type name given out.
    pub fn taken(&self) -> &BTreeSet<String> {
        &self.taken
    }

    /// A Rust type name: `preferred` when free, else `preferred` + `suffix`, else that
    /// with `2`, `3`, ... after it. The first to ask keeps a name; generation order is
    /// the spec's order, so the outcome is the same on every run.
    pub fn claim(&mut self, preferred: &str, suffix: &str, module: &str) -> String {
        let candidates = [preferred.to_owned(), format!("{preferred}{suffix}")];
        let name = candidates
            .into_iter()
            .chain((2..).map(|n| format!("{preferred}{suffix}{n}")))
            .find(|name| !self.taken.contains(name))
            .unwrap_or_default();
        self.taken.insert(name.clone());
        self.defined_in.push((name.clone(), module.to_owned()));
        name
    }

    /// Whether a Rust type name is given out.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// The type already made from `key`, if any.
    pub fn made(&self, key: &str) -> Option<String> {
        self.made
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, rust)| rust.clone())
    }

    /// Records that `rust` was made from `key`.
    pub fn remember(&mut self, key: String, rust: String) {
        self.made.push((key, rust));
    }

    /// For what the spec leaves undescribed: an enum's values; else the description the
    /// name has elsewhere in the spec, a well-known name's, or one made of the words of
    /// `name` and of its `owner` (see [`crate::doc_fallback`]).
    pub fn fallback_doc(&self, schema: &Json, name: &str, owner: &str, kind: Kind) -> String {
        let target = schema.get("items").unwrap_or(schema);
        let resolved = ref_name(target).and_then(|r| self.spec.schema(r));
        let values = resolved
            .map(|s| s.at("enum"))
            .or_else(|| target.get("enum"));
        if let Some(values) = values.filter(|v| !v.items().is_empty()) {
            let values: Vec<String> = values
                .items()
                .iter()
                .map(|v| format!("`{}`", v.as_str().unwrap_or_default()))
                .collect();
            return format!("One of {}.", values.join(", "));
        }
        if let Some(text) = self.described.reuse(name, kind) {
            return text;
        }
        if let Some(text) = well_known(name, kind) {
            return text.to_owned();
        }
        let boolean = schema.at("type").as_str() == Some("boolean");
        from_name(name, owner, kind, boolean)
    }
}

/// A Rust string literal for `text`.
pub fn string_literal(text: &str) -> String {
    format!("{text:?}")
}
