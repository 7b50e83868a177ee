//! Structs for the objects inside JSON request bodies, marked with `wire_json!` so they
//! can be endpoint fields.

use crate::doc::doc;
use crate::doc_fallback::Kind;
use crate::emit::{Gen, string_literal};
use crate::json::Json;
use crate::naming::{field_names, rename_type};
use crate::types::{Owner, Side};

impl Gen<'_> {
    /// The struct for an object schema of a JSON body (made once per `key`): every
    /// property a field, `Option` unless required, left out of the JSON when `None`.
    pub fn json_struct(
        &mut self,
        key: &str,
        preferred: &str,
        schema: &Json,
        module: &str,
    ) -> Result<String, String> {
        if let Some(rust) = self.made(key) {
            return Ok(rust);
        }
        let name = self.claim(preferred, "Body", module);
        self.remember(key.to_owned(), name.clone());
        let properties = schema.at("properties").entries();
        let required: Vec<&str> = schema
            .at("required")
            .items()
            .iter()
            .filter_map(Json::as_str)
            .collect();
        let names = rename_type(
            field_names(properties.iter().map(|(wire, _)| wire.as_str())),
            &name,
            &name,
        );
        let mut fields = String::new();
        let mut all_defaultable = true;
        for ((wire, property), field) in properties.iter().zip(&names) {
            let owner = Owner {
                name: &name,
                module,
            };
            let mut rust = self.value_type(property, Side::Json, owner, wire)?;
            let required = required.contains(&wire.as_str());
            all_defaultable &= !required
                || ["String", "Vec", "bool", "u32", "i64", "Value"]
                    .iter()
                    .any(|t| rust.starts_with(t));
            let text = match property.at("description").non_empty_str() {
                Some(text) => text.to_owned(),
                None => self.fallback_doc(property, wire, key, Kind::Object),
            };
            fields += &doc(&text, "    ");
            let mut serde = Vec::new();
            if field.trim_start_matches("r#") != wire {
                serde.push(format!("rename = {}", string_literal(wire)));
            }
            if !required {
                rust = format!("Option<{rust}>");
                serde.push("default, skip_serializing_if = \"Option::is_none\"".to_owned());
            }
            if !serde.is_empty() {
                fields += &format!("    #[serde({})]\n", serde.join(", "));
            }
            fields += &format!("    pub {field}: {rust},\n");
        }
        let fallback = format!(
            "The `{}` object of a JSON request body.",
            key.split(':').next_back().unwrap_or(key)
        );
        let mut out = doc(
            schema
                .at("description")
                .non_empty_str()
                .unwrap_or(&fallback),
            "",
        );
        let default = if all_defaultable { "Default, " } else { "" };
        out +=
            &format!("#[derive(Debug, Clone, {default}PartialEq, Eq, Deserialize, Serialize)]\n");
        out += &format!("pub struct {name} {{\n{fields}}}\n\nwire_json!({name});\n");
        self.extras.push((module.to_owned(), out));
        Ok(name)
    }
}
