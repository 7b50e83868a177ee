//! Response types: resources, structs for the named schemas inside them, pages, and
//! wire enums.

use crate::doc::{doc, markdown};
use crate::doc_fallback::{Kind, from_name};
use crate::emit::{Gen, string_literal};
use crate::enums::PlannedEnum;
use crate::json::Json;
use crate::naming::{field_names, rename_type, variants};
use crate::plan::{ListShape, list_items};
use crate::spec::ref_name;

const OR_DEFAULT: &str =
    "#[serde(default, deserialize_with = \"crate::__private::lenient::or_default\")]";

/// The `wire_enum!` of a planned enum.
pub fn enum_item(planned: &PlannedEnum) -> String {
    let values: Vec<&str> = planned.values.iter().map(String::as_str).collect();
    wire_enum_text(&planned.rust, &planned.doc, &values)
}

/// A `wire_enum!` named `name` of `values`, with `description` as its doc comment.
pub fn wire_enum_text(name: &str, description: &str, values: &[&str]) -> String {
    let variants: String = variants(values)
        .iter()
        .zip(values)
        .map(|(variant, value)| format!("        {variant} = {},\n", string_literal(value)))
        .collect();
    format!(
        "wire_enum! {{\n{}    pub enum {name} {{\n{variants}    }}\n}}\n",
        doc(description, "    ")
    )
}

impl Gen<'_> {
    /// The response struct of a planned resource: every property an `Option`.
    pub fn resource_item(&mut self, key: &str, module: &str) -> Result<String, String> {
        let resource = self
            .plan
            .resource(key)
            .ok_or_else(|| format!("{key}: no resource"))?;
        let name = resource.rust.clone();
        let (schema, fallback) = match key.strip_prefix("inline:") {
            Some(op_id) => {
                let op = self
                    .spec
                    .operations()
                    .into_iter()
                    .find(|op| op.id() == op_id);
                let Some(schema) = op.and_then(|op| op.success().ok()?.1) else {
                    // An operation with nothing to return and no resource above it.
                    return Ok(String::new());
                };
                match list_items(schema) {
                    // A list of inline objects: the resource is its items.
                    Some((_, items)) => (
                        items.at("items"),
                        format!("One of the items [`{op_id}`] lists."),
                    ),
                    None => (schema, format!("What [`{op_id}`] returns.")),
                }
            }
            None => {
                let schema = self
                    .spec
                    .schema(key)
                    .ok_or_else(|| format!("no schema {key}"))?;
                (schema, format!("A {name} resource (`{key}` in the spec)."))
            }
        };
        self.struct_text(key, &name, schema, &fallback, module)
    }

    /// A response struct for a named object schema that is no resource (a property's
    /// type), made once, in the module that first needs it.
    pub fn response_struct(
        &mut self,
        schema_name: &str,
        schema: &Json,
        module: &str,
    ) -> Result<String, String> {
        let key = format!("schema:{schema_name}");
        if let Some(rust) = self.made(&key) {
            return Ok(rust);
        }
        let preferred = crate::naming::pascal(&crate::naming::snake(schema_name));
        let rust = self.claim(&preferred, "Data", module);
        self.remember(key, rust.clone());
        let fallback = format!("`{schema_name}` in the spec.");
        let text = self.struct_text(schema_name, &rust, schema, &fallback, module)?;
        self.extras.push((module.to_owned(), text));
        Ok(rust)
    }

    /// A response struct made from `key` (a schema's name, or an operation's), every
    /// property an `Option`, read leniently.
    fn struct_text(
        &mut self,
        key: &str,
        name: &str,
        schema: &Json,
        fallback: &str,
        module: &str,
    ) -> Result<String, String> {
        // The spec's prose is escaped for rustdoc; the fallback is written for it.
        let mut out = match schema.at("description").non_empty_str() {
            Some(text) => doc(text, ""),
            None => markdown(fallback, ""),
        };
        let properties = self.properties(schema);
        let properties = properties.as_slice();
        let kind = if key.contains('.') || key.starts_with("inline:") {
            Kind::Resource
        } else {
            Kind::Object
        };
        // A list's page is named after its operation: its words, without the verb.
        let is_operation = self.spec.operations().iter().any(|op| op.id() == key);
        let owner = if is_operation {
            format!("inline:{key}")
        } else {
            key.to_owned()
        };
        let mut types = Vec::new();
        for (_, property) in properties {
            types.push(self.property_type(property, module)?);
        }
        let mut note =
            "Every property is an `Option`: `None` when the response leaves it out or sends `null`.".to_owned();
        let mut scalars: Vec<&str> = types
            .iter()
            .filter(|(_, lenient)| *lenient == Some("scalar"))
            .map(|(rust, _)| rust.as_str())
            .collect();
        scalars.sort_unstable();
        scalars.dedup();
        if !scalars.is_empty() {
            let kind = |rust: &str| match rust {
                "Option<bool>" => ("booleans", "`\"true\"`"),
                "Option<f64>" => ("numbers", "`\"0.5\"`"),
                _ => ("integers", "`\"5\"`"),
            };
            let names: Vec<&str> = scalars.iter().map(|r| kind(r).0).collect();
            let examples: Vec<&str> = scalars.iter().map(|r| kind(r).1).collect();
            note += &format!(
                " Its {} may also arrive as strings ({}).",
                names.join(" and "),
                examples.join(", ")
            );
        }
        if types
            .iter()
            .any(|(_, lenient)| *lenient == Some("string_map"))
        {
            note += " A `null` entry of `links` is left out.";
        }
        if types.iter().any(|(_, lenient)| *lenient == Some("sid")) {
            note += " A SID property holds what Twilio sent, even text that does not look like a \
                     SID of its kind (up to 34 bytes; `\"\"` is `None`).";
        }
        note += " To build one (in a test, say), start from `Default::default()` and set its \
                 fields.";
        out += "///\n";
        out += &markdown(&note, "");
        out += "#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]\n#[non_exhaustive]\n";
        out += &format!("pub struct {name} {{\n");
        let names = rename_type(
            field_names(properties.iter().map(|(wire, _)| wire.as_str())),
            name,
            name,
        );
        for (((prop, property), (rust, lenient)), field) in
            properties.iter().zip(&types).zip(&names)
        {
            let text = match (
                crate::doc_overrides::doc_override(key, prop),
                property.at("description").non_empty_str(),
            ) {
                (Some(text), _) => text.to_owned(),
                (None, Some(text)) => text.to_owned(),
                (None, None) => self.fallback_doc(property, prop, &owner, kind),
            };
            out += &doc(&text, "    ");
            if property.has("type") && !property.at("nullable").is_true() {
                // `index`, `error_code`: Twilio sends `null` for them all the same.
                out += "    ///\n";
                out += &markdown(
                    "The API description declares it never `null`; it is `None` all the same when a \
                     response sends `null` or leaves it out.",
                    "    ",
                );
            }
            let mut serde = Vec::new();
            if field.trim_start_matches("r#") != prop {
                serde.push(format!("rename = {}", string_literal(prop)));
            }
            if let Some(lenient) = lenient {
                serde.push(format!(
                    "default, deserialize_with = \"crate::__private::lenient::{lenient}\""
                ));
            }
            if !serde.is_empty() {
                out += &format!("    #[serde({})]\n", serde.join(", "));
            }
            out += &format!("    pub {field}: {rust},\n");
        }
        out += "}\n";
        Ok(out)
    }

    /// The properties of an object schema; for `oneOf` or `anyOf` alternatives, the
    /// properties of them all, each once, in order (every property of a response is an
    /// `Option`, so one struct decodes every alternative).
    fn properties(&self, schema: &Json) -> Vec<(String, Json)> {
        let alternatives = [schema.at("oneOf"), schema.at("anyOf")];
        let alternatives: Vec<&Json> = alternatives.iter().flat_map(|a| a.items()).collect();
        if alternatives.is_empty() {
            return schema.at("properties").entries().to_vec();
        }
        let mut out: Vec<(String, Json)> = Vec::new();
        for alternative in alternatives {
            for (name, property) in self.properties(self.spec.resolve(alternative)) {
                if !out.iter().any(|(taken, _)| *taken == name) {
                    out.push((name, property));
                }
            }
        }
        out
    }

    /// The name of a list response's type: its title, or `<OperationId>Response` when
    /// another type has that name.
    pub fn list_type_name(&mut self, op_id: &str, schema: &Json, module: &str) -> String {
        let fallback = format!("{op_id}Response");
        let title = schema
            .at("title")
            .non_empty_str()
            .unwrap_or(&fallback)
            .to_owned();
        let preferred = if self.is_taken(&title) {
            fallback
        } else {
            title
        };
        self.claim(&preferred, "", module)
    }

    /// The type of a list response: a page implementing `Page` (`meta` or `next_page_uri`
    /// shape), or a plain struct.
    pub fn list_item(
        &mut self,
        op_id: &str,
        name: &str,
        schema: &Json,
        shape: ListShape,
        module: &str,
    ) -> Result<String, String> {
        if shape == ListShape::Plain {
            let fallback = format!("What [`{op_id}`] returns.");
            return self.struct_text(op_id, name, schema, &fallback, module);
        }
        let (key, items) = list_items(schema).ok_or_else(|| format!("{op_id}: no item list"))?;
        let item_type = ref_name(items.at("items"))
            .map_or_else(
                || self.plan.resource(&format!("inline:{op_id}")),
                |r| self.plan.resource(r),
            )
            .map(|r| r.rust.clone())
            .ok_or_else(|| format!("{op_id}: items of no resource"))?;
        let key_field = field_names([key]).remove(0);
        let mut out = format!("/// A page of [`{item_type}`]s, as [`{op_id}`] returns it.\n");
        out += "///\n/// To build one (in a test, say), start from `Default::default()` and set its \
                fields.\n";
        out += "#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]\n#[non_exhaustive]\n";
        out += &format!("pub struct {name} {{\n");
        let items_doc = format!(
            "The [`{item_type}`]s of this page; empty when the response leaves the list out or sends `null`."
        );
        let next_page = match shape {
            ListShape::Meta => {
                out += &markdown(&items_doc, "    ");
                out += &format!("    {OR_DEFAULT}\n    pub {key_field}: Vec<{item_type}>,\n");
                out += &markdown(
                    "Where this page is, and where the next one is; every field `None` when the response \
                     leaves `meta` out or sends `null`.",
                    "    ",
                );
                out += &format!("    {OR_DEFAULT}\n    pub meta: PageMeta,\n");
                "self.meta.next_page()"
            }
            _ => {
                for (prop, property) in schema.at("properties").entries() {
                    if prop == key {
                        out += &markdown(&items_doc, "    ");
                        out +=
                            &format!("    {OR_DEFAULT}\n    pub {key_field}: Vec<{item_type}>,\n");
                        continue;
                    }
                    let (rust, lenient) = match property.at("type").as_str() {
                        Some("integer") => ("Option<i64>", Some("scalar")),
                        _ => ("Option<String>", None),
                    };
                    out += &markdown(&page_field_doc(prop), "    ");
                    if let Some(lenient) = lenient {
                        out += &format!(
                            "    #[serde(default, deserialize_with = \"crate::__private::lenient::{lenient}\")]\n"
                        );
                    }
                    out += &format!(
                        "    pub {}: {rust},\n",
                        field_names([prop.as_str()]).remove(0)
                    );
                }
                "NextPage::url(self.next_page_uri.as_deref())"
            }
        };
        out += "}\n\n";
        out += &format!("impl Page for {name} {{\n    type Item = {item_type};\n\n");
        out +=
            &format!("    fn next_page(&self) -> NextPage<'_> {{\n        {next_page}\n    }}\n\n");
        out += &format!(
            "    fn into_items(self) -> Vec<{item_type}> {{\n        self.{key_field}\n    }}\n}}\n"
        );
        Ok(out)
    }
}

/// Docs of API v2010's paging fields.
fn page_field_doc(prop: &str) -> String {
    match prop {
        "first_page_uri" => "The first page's URI, relative to the host.".to_owned(),
        "next_page_uri" => {
            "The next page's URI, relative to the host; `None` on the last page.".to_owned()
        }
        "previous_page_uri" => {
            "The previous page's URI, relative to the host; `None` on the first.".to_owned()
        }
        "uri" => "This page's URI, relative to the host.".to_owned(),
        "page" => "This page's number, from 0.".to_owned(),
        "page_size" => "How many items a page holds at most.".to_owned(),
        "start" => "The position of this page's first item in the whole list, from 0.".to_owned(),
        "end" => "The position of this page's last item in the whole list.".to_owned(),
        other => from_name(other, "page", Kind::Object, false),
    }
}
