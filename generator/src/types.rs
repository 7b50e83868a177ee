//! Rust types for the spec's schemas: of request parameters (form, query, path,
//! header), of JSON body fields, and of response properties with the decoder that reads
//! what Twilio really sends.

use crate::emit::Gen;
use crate::enums::EnumUse;
use crate::json::Json;
use crate::naming::pascal;
use crate::plan::is_enum;
use crate::prefixes::{marker, sid_prefix};
use crate::spec::ref_name;

/// Where a value is: what its Rust type has to do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    /// A form, query, path or header parameter: a `WireValue`.
    Param,
    /// A field of a JSON body, or of a struct inside one: `Serialize` too.
    Json,
}

/// What an inline type made for a value is named after, and where it goes.
#[derive(Clone, Copy)]
pub struct Owner<'o> {
    /// The Rust name the value belongs to (an endpoint, a body schema, a struct).
    pub name: &'o str,
    /// The module the new type goes to.
    pub module: &'o str,
}

/// The response decoder of `crate::__private::lenient` for a property, if any.
pub type Lenient = Option<&'static str>;

impl Gen<'_> {
    /// The Rust type of one request value, without `Option`: `wire` names it (for types
    /// made for it, `<Owner><Wire>`).
    pub fn value_type(
        &mut self,
        schema: &Json,
        side: Side,
        owner: Owner<'_>,
        wire: &str,
    ) -> Result<String, String> {
        if let Some(name) = ref_name(schema) {
            if self.plan.enum_type(name).is_some() {
                return self.named_enum(name, owner.module);
            }
            let target = self
                .spec
                .schema(name)
                .ok_or_else(|| format!("no schema {name}"))?;
            let object = !target.at("properties").entries().is_empty();
            return match side {
                Side::Json if object => {
                    let preferred = pascal(&crate::naming::snake(name));
                    self.json_struct(&format!("json:{name}"), &preferred, target, owner.module)
                }
                // A named array or scalar: as if written in place, named after the schema.
                _ if !object && target.has("type") => {
                    let owner = Owner {
                        name: "",
                        module: owner.module,
                    };
                    self.value_type(target, side, owner, name)
                }
                _ => Ok("Value".to_owned()),
            };
        }
        Ok(match schema.at("type").as_str() {
            Some("array") => {
                let items = schema.at("items");
                if items.entries().is_empty() {
                    "Vec<Value>".to_owned()
                } else {
                    format!("Vec<{}>", self.value_type(items, side, owner, wire)?)
                }
            }
            Some("boolean") => "bool".to_owned(),
            Some("integer") => {
                let unsigned = schema.get("minimum").and_then(Json::as_f64).unwrap_or(-1.0) >= 0.0;
                if unsigned { "u32" } else { "i64" }.to_owned()
            }
            Some("number") => "Decimal".to_owned(),
            Some("string") => match (sid_pattern(schema), schema.at("format").as_str()) {
                (Some(prefix), _) => format!("Sid<{}>", marker(&prefix)),
                (_, Some("date-time")) => "Timestamp".to_owned(),
                (_, Some("date")) => "Date".to_owned(),
                (_, Some("http-method")) => "HttpMethod".to_owned(),
                _ if is_http_method(schema) => "HttpMethod".to_owned(),
                _ if is_enum(schema) => self.inline_enum(schema, owner, wire),
                _ => "String".to_owned(),
            },
            Some("object")
                if side == Side::Json && !schema.at("properties").entries().is_empty() =>
            {
                let name = format!("{}{}", owner.name, pascal(&crate::naming::snake(wire)));
                self.json_struct(&format!("inline:{name}"), &name, schema, owner.module)?
            }
            // Free-form objects and values of no stated type (JSON text in a form).
            Some("object") | None => "Value".to_owned(),
            Some(other) => return Err(format!("unsupported request type {other}")),
        })
    }

    /// The Rust type of one response property (always an `Option`: Twilio sends `null`,
    /// or nothing, for properties its spec declares non-nullable), and the lenient
    /// decoder of `crate::__private::lenient` that reads it, if any: `scalar` for
    /// integers, numbers and booleans (which may arrive as strings), `sid` for SIDs (an
    /// unusual one is `None`, not an error), `string_map` for a
    /// `uri-map` (which drops `null` entries), `timestamp` for date-times (ISO 8601 or
    /// RFC 2822), `date` for dates.
    pub fn property_type(
        &mut self,
        schema: &Json,
        module: &str,
    ) -> Result<(String, Lenient), String> {
        // OpenAPI 3.0 ignores `nullable` beside a `$ref`, and the spec's own examples
        // send `null` for such enums; wire enums take any string (`Unknown`).
        if ref_name(schema).is_some() {
            return Ok((
                format!("Option<{}>", self.element_type(schema, module)?),
                None,
            ));
        }
        let mut lenient = None;
        let rust = match schema.at("type").as_str() {
            None => "Value".to_owned(),
            Some("array") => match schema.get("items") {
                Some(items) if !items.entries().is_empty() => {
                    format!("Vec<{}>", self.element_type(items, module)?)
                }
                _ => "Vec<Value>".to_owned(),
            },
            Some("object") if schema.at("format").as_str() == Some("uri-map") => {
                lenient = Some("string_map");
                "BTreeMap<String, String>".to_owned()
            }
            Some("object") => "Value".to_owned(),
            Some(kind @ ("boolean" | "integer" | "number")) => {
                lenient = Some("scalar");
                match kind {
                    "boolean" => "bool",
                    "integer" => "i64",
                    _ => "f64",
                }
                .to_owned()
            }
            Some("string") => match (sid_pattern(schema), schema.at("format").as_str()) {
                (Some(prefix), _) => {
                    lenient = Some("sid");
                    format!("Sid<{}>", marker(&prefix))
                }
                (_, Some("date-time" | "date-time-rfc-2822")) => {
                    lenient = Some("timestamp");
                    "Timestamp".to_owned()
                }
                (_, Some("date")) => {
                    lenient = Some("date");
                    "Date".to_owned()
                }
                (_, Some("http-method")) => "HttpMethod".to_owned(),
                _ => "String".to_owned(),
            },
            Some(other) => return Err(format!("unsupported response type {other}")),
        };
        Ok((format!("Option<{rust}>"), lenient))
    }

    /// The Rust type of a referenced schema or an array's elements in a response,
    /// without `Option`: an enum, a resource, a struct made for a named object schema,
    /// `String`, or `Value` for anything else.
    fn element_type(&mut self, schema: &Json, module: &str) -> Result<String, String> {
        if let Some(name) = ref_name(schema) {
            if self.plan.enum_type(name).is_some() {
                return self.named_enum(name, module);
            }
            if let Some(resource) = self.plan.resource(name) {
                return Ok(resource.rust.clone());
            }
            let target = self
                .spec
                .schema(name)
                .ok_or_else(|| format!("no schema {name}"))?;
            if target.at("properties").entries().is_empty() {
                return Ok("Value".to_owned());
            }
            return self.response_struct(name, target, module);
        }
        Ok(
            match (schema.at("type").as_str(), schema.at("format").as_str()) {
                (Some("string"), Some("date-time" | "date-time-rfc-2822" | "date")) => {
                    "Value".to_owned()
                }
                (Some("string"), _) => "String".to_owned(),
                _ => "Value".to_owned(),
            },
        )
    }

    /// The type of a reference to the enum schema `schema_name`, recorded as used by
    /// `module`: its planned Rust type (a `Vec` of it when the schema is an array of enum
    /// values, as Messaging's `tollfree_verification_enum_use_case_categories`), or
    /// `HttpMethod` for the values `GET` and `POST`.
    fn named_enum(&mut self, schema_name: &str, module: &str) -> Result<String, String> {
        let schema = self
            .spec
            .schema(schema_name)
            .ok_or_else(|| format!("no schema {schema_name}"))?;
        let array = schema.at("type").as_str() == Some("array");
        let values_of = if array { schema.at("items") } else { schema };
        let values = enum_values(values_of);
        let rust = if is_http_method(values_of) {
            "HttpMethod".to_owned()
        } else {
            let planned = schema_name
                .split_once("_enum_")
                .map(|(prefix, _)| prefix)
                .filter(|prefix| self.plan.modules.iter().any(|m| m.name == *prefix))
                .map(str::to_owned);
            self.enum_use(EnumUse {
                key: format!("schema:{schema_name}"),
                base: self
                    .plan
                    .enum_type(schema_name)
                    .unwrap_or_default()
                    .to_owned(),
                values,
                description: schema.at("description").non_empty_str().map(str::to_owned),
                label: format!("`{schema_name}`"),
                planned,
                modules: vec![module.to_owned()],
            })
        };
        Ok(if array { format!("Vec<{rust}>") } else { rust })
    }

    /// The type of an inline string enum, recorded as used: named `<Owner><Wire>` before
    /// grouping; one with the same name and values is one use.
    fn inline_enum(&mut self, schema: &Json, owner: Owner<'_>, wire: &str) -> String {
        let values = enum_values(schema);
        let base = format!("{}{}", owner.name, pascal(&crate::naming::snake(wire)));
        let owner_name = if owner.name.is_empty() {
            wire
        } else {
            owner.name
        };
        self.enum_use(EnumUse {
            key: format!("inline:{base}:{}", values.join("|")),
            base,
            values,
            description: schema.at("description").non_empty_str().map(str::to_owned),
            label: format!("`{wire}` of `{owner_name}`"),
            planned: None,
            modules: vec![owner.module.to_owned()],
        })
    }

    /// Records a use of an enum; its planned Rust name (its name before grouping in the
    /// first pass, when nothing is planned yet).
    fn enum_use(&mut self, used: EnumUse) -> String {
        match self.enum_uses.iter_mut().find(|u| u.key == used.key) {
            Some(known) => {
                for module in used.modules.iter() {
                    if !known.modules.contains(module) {
                        known.modules.push(module.clone());
                    }
                }
            }
            None => self.enum_uses.push(used.clone()),
        }
        self.enums
            .rust_of(&used.key)
            .map(str::to_owned)
            .unwrap_or(used.base)
    }
}

/// The string values of an enum schema, in order.
pub fn enum_values(schema: &Json) -> Vec<String> {
    schema
        .at("enum")
        .items()
        .iter()
        .filter_map(Json::as_str)
        .map(str::to_owned)
        .collect()
}

/// The SID prefix of a string schema's `pattern`, if it is a SID pattern.
pub fn sid_pattern(schema: &Json) -> Option<String> {
    schema.at("pattern").as_str().and_then(sid_prefix)
}

/// A string enum of exactly `GET` and `POST`: an HTTP method.
fn is_http_method(schema: &Json) -> bool {
    let values: Vec<&str> = schema
        .at("enum")
        .items()
        .iter()
        .filter_map(Json::as_str)
        .collect();
    values == ["GET", "POST"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::spec::Spec;

    fn spec() -> Spec {
        let text = r##"{
            "servers": [{"url": "https://example.twilio.com"}],
            "paths": {},
            "components": {"schemas": {
                "role_enum_role_type": {"type": "string", "enum": ["a"]},
                "Types": {"type": "object", "properties": {"x": {"type": "string"}}}
            }}
        }"##;
        Spec {
            raw: Json::parse(text).unwrap(),
        }
    }

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    const OWNER: Owner<'static> = Owner {
        name: "CreateThing",
        module: "thing",
    };

    #[test]
    fn request_values() {
        let spec = spec();
        let plan = Plan::new(&spec).unwrap();
        let none = crate::enums::EnumPlan::default();
        let mut g = Gen::new(&spec, &plan, &none);
        let mut of = |s: &str| g.value_type(&json(s), Side::Param, OWNER, "Field").unwrap();
        assert_eq!(of(r#"{"type": "integer", "minimum": 1}"#), "u32");
        assert_eq!(of(r#"{"type": "integer"}"#), "i64");
        assert_eq!(of(r#"{"type": "number"}"#), "Decimal");
        assert_eq!(
            of(r#"{"type": "string", "format": "date-time"}"#),
            "Timestamp"
        );
        assert_eq!(of(r#"{"type": "string", "format": "date"}"#), "Date");
        assert_eq!(
            of(r#"{"type": "string", "format": "http-method"}"#),
            "HttpMethod"
        );
        assert_eq!(
            of(r#"{"type": "string", "enum": ["GET", "POST"]}"#),
            "HttpMethod"
        );
        assert_eq!(
            of(r#"{"type": "array", "items": {"type": "string"}}"#),
            "Vec<String>"
        );
        assert_eq!(of(r#"{"type": "array", "items": {}}"#), "Vec<Value>");
        assert_eq!(of(r#"{"description": "JSON text"}"#), "Value");
        assert_eq!(of(r#"{"type": "object"}"#), "Value");
        assert_eq!(
            of(r##"{"$ref": "#/components/schemas/role_enum_role_type"}"##),
            "RoleRoleType"
        );
        assert_eq!(
            of(r#"{"type": "string", "enum": ["true", "false"]}"#),
            "CreateThingField"
        );
        // The same inline enum again is the same type.
        assert_eq!(
            of(r#"{"type": "string", "enum": ["true", "false"]}"#),
            "CreateThingField"
        );
    }

    #[test]
    fn json_values() {
        let spec = spec();
        let plan = Plan::new(&spec).unwrap();
        let none = crate::enums::EnumPlan::default();
        let mut g = Gen::new(&spec, &plan, &none);
        let mut of = |s: &str, wire: &str| g.value_type(&json(s), Side::Json, OWNER, wire).unwrap();
        assert_eq!(
            of(r##"{"$ref": "#/components/schemas/Types"}"##, "types"),
            "Types"
        );
        assert_eq!(
            of(
                r#"{"type": "object", "properties": {"a": {"type": "string"}}}"#,
                "config"
            ),
            "CreateThingConfig"
        );
        assert_eq!(
            of(
                r#"{"type": "object", "additionalProperties": {"type": "string"}}"#,
                "vars"
            ),
            "Value"
        );
        assert_eq!(g.extras.len(), 2);
        assert!(g.extras[0].1.contains("wire_json!(Types);"));
    }

    #[test]
    fn response_properties() {
        let spec = spec();
        let plan = Plan::new(&spec).unwrap();
        let none = crate::enums::EnumPlan::default();
        let mut g = Gen::new(&spec, &plan, &none);
        let mut of = |s: &str| g.property_type(&json(s), "thing").unwrap();
        assert_eq!(
            of(r#"{"type": "integer"}"#),
            ("Option<i64>".into(), Some("scalar"))
        );
        assert_eq!(
            of(r#"{"type": "number"}"#),
            ("Option<f64>".into(), Some("scalar"))
        );
        assert_eq!(
            of(r#"{"type": "object", "format": "uri-map"}"#).1,
            Some("string_map")
        );
        assert_eq!(
            of(r#"{"type": "array", "items": {}}"#).0,
            "Option<Vec<Value>>"
        );
        assert_eq!(of(r#"{"type": "object"}"#).0, "Option<Value>");
        assert_eq!(of(r#"{"nullable": true}"#).0, "Option<Value>");
        let timestamp = ("Option<Timestamp>".to_owned(), Some("timestamp"));
        assert_eq!(
            of(r#"{"type": "string", "format": "date-time"}"#),
            timestamp
        );
        assert_eq!(
            of(r#"{"type": "string", "format": "date-time-rfc-2822"}"#),
            timestamp
        );
        assert_eq!(
            of(r#"{"type": "string", "format": "date"}"#),
            ("Option<Date>".into(), Some("date"))
        );
        assert_eq!(
            of(r##"{"$ref": "#/components/schemas/Types"}"##).0,
            "Option<Types>"
        );
    }
}
