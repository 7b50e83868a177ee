//! Response types: resources, pages of them, and wire enums.

use crate::doc::{doc, markdown};
use crate::emit::{Context, string_literal};
use crate::naming::{ident, variants};
use crate::plan::list_items;
use crate::spec::ref_name;

/// A `wire_enum!` for an enum schema.
pub fn enum_item(cx: &Context<'_>, schema_name: &str) -> Result<String, String> {
    let schema = cx
        .spec
        .schema(schema_name)
        .ok_or_else(|| format!("no schema {schema_name}"))?;
    let name = cx
        .types
        .enum_type(schema_name)
        .ok_or_else(|| format!("{schema_name}: no enum"))?;
    let values: Vec<&str> = schema
        .at("enum")
        .items()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let variants: String = variants(&values)
        .iter()
        .zip(&values)
        .map(|(variant, value)| format!("        {variant} = {},\n", string_literal(value)))
        .collect();
    let text = match schema.at("description").non_empty_str() {
        Some(text) => text.to_owned(),
        None => {
            let listed: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            format!(
                "The `{schema_name}` enum of the spec: one of {}.",
                listed.join(", ")
            )
        }
    };
    Ok(format!(
        "wire_enum! {{\n{}    pub enum {name} {{\n{variants}    }}\n}}\n",
        doc(&text, "    ")
    ))
}

/// The response struct of a resource schema: every property an `Option`.
pub fn resource_item(cx: &Context<'_>, schema_name: &str) -> Result<String, String> {
    let schema = cx
        .spec
        .schema(schema_name)
        .ok_or_else(|| format!("no schema {schema_name}"))?;
    let (_, name) = cx
        .plan
        .resource(schema_name)
        .ok_or_else(|| format!("{schema_name}: no resource"))?;
    let mut out = doc(
        schema
            .at("description")
            .non_empty_str()
            .unwrap_or(&format!("A {name} resource (`{schema_name}` in the spec).")),
        "",
    );
    let properties = schema.at("properties").entries();
    let mut types = Vec::new();
    for (_, property) in properties {
        types.push(cx.types.property_type(property)?);
    }
    let mut note =
        "Every property is an `Option`: `None` when the response leaves it out or sends `null`."
            .to_owned();
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
    out += "///\n";
    out += &markdown(&note, "");
    out += "#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]\n#[non_exhaustive]\n";
    out += &format!("pub struct {name} {{\n");
    for ((prop, property), (rust, lenient)) in properties.iter().zip(&types) {
        let text = match property.at("description").non_empty_str() {
            Some(text) => text.to_owned(),
            None => cx.fallback_doc(property, prop),
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
        if let Some(lenient) = lenient {
            out += &format!(
                "    #[serde(default, deserialize_with = \"crate::__private::lenient::{lenient}\")]\n"
            );
        }
        out += &format!("    pub {}: {rust},\n", ident(prop));
    }
    out += "}\n";
    Ok(out)
}

/// A page type for a list response, implementing `Page`.
pub fn page_item(
    cx: &Context<'_>,
    op_id: &str,
    schema: &crate::json::Json,
) -> Result<String, String> {
    let title = schema
        .at("title")
        .as_str()
        .ok_or_else(|| format!("{op_id}: list without title"))?;
    let (key, items) = list_items(schema).ok_or_else(|| format!("{op_id}: no item list"))?;
    let item_type = ref_name(items.at("items"))
        .and_then(|r| cx.plan.resource(r))
        .map(|(_, rust)| rust)
        .ok_or_else(|| format!("{op_id}: items of no resource"))?;
    let or_default =
        "#[serde(default, deserialize_with = \"crate::__private::lenient::or_default\")]";
    let key = ident(key);
    let mut out = format!("/// A page of [`{item_type}`]s, as [`{op_id}`] returns it.\n");
    out += "#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]\n#[non_exhaustive]\n";
    out += &format!("pub struct {title} {{\n");
    out += &markdown(
        &format!(
            "The [`{item_type}`]s of this page; empty when the response leaves the list out or \
             sends `null`."
        ),
        "    ",
    );
    out += &format!("    {or_default}\n    pub {key}: Vec<{item_type}>,\n");
    out += &markdown(
        "Where this page is, and where the next one is; every field `None` when the response \
         leaves `meta` out or sends `null`.",
        "    ",
    );
    out += &format!("    {or_default}\n    pub meta: PageMeta,\n}}\n\n");
    out += &format!("impl Page for {title} {{\n    type Item = {item_type};\n\n");
    out += "    fn next_page(&self) -> NextPage<'_> {\n        self.meta.next_page()\n    }\n\n";
    out += &format!(
        "    fn into_items(self) -> Vec<{item_type}> {{\n        self.{key}\n    }}\n}}\n"
    );
    Ok(out)
}
