//! Rust types for the spec's schemas: of request parameters, and of response
//! properties with the decoder that reads what Twilio really sends.

use crate::json::Json;
use crate::naming::pascal;
use crate::spec::ref_name;

/// The Rust names of the spec's named schemas that become Rust types.
pub struct Types {
    /// `*_enum_*` schemas and their Rust enum names, in document order.
    pub enums: Vec<(String, String)>,
}

impl Types {
    /// The enum schemas of `schemas` (every name with `_enum_` in it).
    pub fn new(schemas: &[(String, Json)]) -> Types {
        let enums = schemas
            .iter()
            .filter(|(name, _)| name.contains("_enum_"))
            .map(|(name, _)| (name.clone(), enum_name(name)))
            .collect();
        Types { enums }
    }

    /// The Rust enum for a schema name, if it is an enum schema.
    pub fn enum_type(&self, schema: &str) -> Option<&str> {
        self.enums
            .iter()
            .find(|(name, _)| name == schema)
            .map(|(_, rust)| rust.as_str())
    }

    fn referenced(&self, schema: &Json) -> Result<Option<String>, String> {
        match ref_name(schema) {
            Some(name) => match self.enum_type(name) {
                Some(rust) => Ok(Some(rust.to_owned())),
                None => Err(format!("reference to {name}, which is no enum")),
            },
            None => Ok(None),
        }
    }

    /// The Rust type of one request value, without `Option`.
    pub fn value_type(&self, schema: &Json) -> Result<String, String> {
        if let Some(rust) = self.referenced(schema)? {
            return Ok(rust);
        }
        Ok(match schema.at("type").as_str() {
            Some("array") => format!("Vec<{}>", self.value_type(schema.at("items"))?),
            Some("boolean") => "bool".to_owned(),
            Some("integer") => {
                let unsigned = schema.get("minimum").and_then(Json::as_f64).unwrap_or(-1.0) >= 0.0;
                if unsigned { "u32" } else { "i64" }.to_owned()
            }
            Some("string") if schema.at("format").as_str() == Some("date-time") => {
                "Timestamp".to_owned()
            }
            Some("string") => "String".to_owned(),
            _ => return Err(format!("unsupported request schema {schema:?}")),
        })
    }

    /// The Rust type of one response property (always an `Option`: Twilio sends `null`,
    /// or nothing, for properties its spec declares non-nullable), and the lenient
    /// decoder of `crate::__private::lenient` that reads it, if any: `scalar` for
    /// integers, numbers and booleans (which may arrive as strings), `string_map` for a
    /// `uri-map` (which drops `null` entries), `timestamp` for date-times (ISO 8601 or
    /// RFC 2822), `date` for dates.
    pub fn property_type(&self, schema: &Json) -> Result<(String, Option<&'static str>), String> {
        // OpenAPI 3.0 ignores `nullable` beside a `$ref`, and the spec's own examples
        // send `null` for such enums; wire enums take any string (`Unknown`).
        if let Some(rust) = self.referenced(schema)? {
            return Ok((format!("Option<{rust}>"), None));
        }
        let mut lenient = None;
        let rust = match schema.at("type").as_str() {
            None => "Value".to_owned(),
            Some("array") => match schema.get("items") {
                Some(items) if !items.entries().is_empty() => {
                    format!("Vec<{}>", self.element_type(items)?)
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
            Some("string") => match schema.at("format").as_str() {
                Some("date-time" | "date-time-rfc-2822") => {
                    lenient = Some("timestamp");
                    "Timestamp".to_owned()
                }
                Some("date") => {
                    lenient = Some("date");
                    "Date".to_owned()
                }
                _ => "String".to_owned(),
            },
            Some(other) => return Err(format!("unsupported response type {other}")),
        };
        Ok((format!("Option<{rust}>"), lenient))
    }

    /// The Rust type of an array's elements in a response, without `Option`.
    fn element_type(&self, schema: &Json) -> Result<String, String> {
        if let Some(rust) = self.referenced(schema)? {
            return Ok(rust);
        }
        match (schema.at("type").as_str(), schema.at("format").as_str()) {
            (Some("string"), format) if format != Some("date-time") => Ok("String".to_owned()),
            _ => Err(format!("unsupported array items {schema:?}")),
        }
    }
}

/// `conversation_enum_webhook_enabled_type` -> `ConversationWebhookEnabledType`.
pub fn enum_name(schema: &str) -> String {
    pascal(&schema.replace("_enum_", "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    fn types() -> Types {
        Types::new(json(r#"{"role_enum_role_type": {"type": "string", "enum": ["a"]}}"#).entries())
    }

    #[test]
    fn request_values() {
        let t = types();
        let of = |s: &str| t.value_type(&json(s)).unwrap();
        assert_eq!(of(r#"{"type": "integer", "minimum": 1}"#), "u32");
        assert_eq!(of(r#"{"type": "integer"}"#), "i64");
        assert_eq!(
            of(r#"{"type": "string", "format": "date-time"}"#),
            "Timestamp"
        );
        assert_eq!(
            of(r#"{"type": "array", "items": {"type": "string"}}"#),
            "Vec<String>"
        );
        assert_eq!(
            of(r##"{"$ref": "#/components/schemas/role_enum_role_type"}"##),
            "RoleRoleType"
        );
    }

    #[test]
    fn response_properties() {
        let t = types();
        let of = |s: &str| t.property_type(&json(s)).unwrap();
        assert_eq!(
            of(r#"{"type": "integer"}"#),
            ("Option<i64>".into(), Some("scalar"))
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
    }
}
