//! Docs for the properties and parameters the spec leaves undescribed (the override
//! table of [`crate::doc_overrides`] aside, which wins over all of this).
//!
//! In order:
//!
//! 1. **Reuse**: the description the same name (compared as [`snake`] case, so
//!    `FriendlyName` matches `friendly_name`) has elsewhere in the same spec: among
//!    properties for a property, among parameters for a parameter (the other kind only
//!    when this one has none).
//!    The only distinct description, or the most common one when it is strictly the most
//!    common. Descriptions of a filter or of one operation (`Only return ...`, `... to
//!    delete`) are never reused, nor, for an object that is no resource, one that speaks
//!    of a resource. "The Service resource" becomes "the resource"; sentences on query
//!    parameters are dropped.
//! 2. **Well-known names** ([`WELL_KNOWN`]): Twilio's wording from its other specs, for
//!    names every product uses the same way.
//! 3. **From the name**: the words of the name and of its owner: `title` of `cardAction`
//!    is "The title of the card action." Nothing more is claimed.

use std::collections::BTreeMap;

use crate::json::Json;
use crate::naming::snake;
use crate::spec::Spec;

/// What a documented name belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A property of a resource (a schema named `api.v2010.account`, or an operation's
    /// inline response).
    Resource,
    /// A property of any other object schema (`cardAction`, `LookupBatchRequest`).
    Object,
    /// A request parameter (path, query, header, or form body).
    Param,
}

/// Names whose meaning is the same in every Twilio product: snake-case name, doc. The
/// wording is Twilio's own, from the specs that describe these names.
pub const WELL_KNOWN: &[(&str, &str)] = &[
    (
        "account_sid",
        "The SID of the [Account](https://www.twilio.com/docs/iam/api/account) that created the \
         resource.",
    ),
    (
        "carrier_name",
        "The name of the carrier of the phone number.",
    ),
    (
        "date_created",
        "The date and time in GMT when the resource was created.",
    ),
    (
        "date_updated",
        "The date and time in GMT when the resource was last updated.",
    ),
    (
        "error_code",
        "A unique error code for the error condition that is described in our [Error \
         Dictionary](https://www.twilio.com/docs/api/errors).",
    ),
    (
        "friendly_name",
        "The string that you assigned to describe the resource.",
    ),
    (
        "mobile_country_code",
        "The three-digit mobile country code (MCC) of the carrier; with the mobile network \
         code, it identifies a mobile network operator.",
    ),
    (
        "mobile_network_code",
        "The two- or three-digit mobile network code (MNC) of the carrier; with the mobile \
         country code, it identifies a mobile network operator.",
    ),
    (
        "phone_number",
        "The phone number in [E.164](https://www.twilio.com/docs/glossary/what-e164) format, \
         which consists of a + followed by the country code and subscriber number.",
    ),
    (
        "sid",
        "A 34 character string that uniquely identifies this resource.",
    ),
];

/// Names of the well-known table that only a resource (or a request on one) has: on
/// another object the same name may mean something else (a button's `url`).
const RESOURCE_ONLY: &[&str] = &[
    "account_sid",
    "date_created",
    "date_updated",
    "friendly_name",
    "sid",
];

/// Words that mark a description as a filter's or one operation's: not to be reused.
/// Nor is a description that does not start as a sentence does (`bucket name`): a note
/// too terse to carry over.
const NOT_REUSABLE: &[&str] = &[
    "only return",
    "only include",
    "to read",
    "to fetch",
    "to delete",
    "to update",
    "to include",
    "to lookup",
    "to create",
    "will create",
    "filter",
    "deprecated",
];

/// Every description of a spec, by snake-case name: what it belongs to, and the text.
pub struct Described {
    by_name: BTreeMap<String, Vec<(Kind, String)>>,
}

impl Described {
    /// The descriptions of every schema property (inline objects within included) and
    /// every operation parameter (form and JSON body properties included) of `spec`.
    pub fn new(spec: &Spec) -> Described {
        let mut out = Described {
            by_name: BTreeMap::new(),
        };
        for (name, schema) in spec.schemas() {
            let kind = if name.contains('.') {
                Kind::Resource
            } else {
                Kind::Object
            };
            out.add_properties(schema, kind);
        }
        for op in spec.operations() {
            let params = op.item.at("parameters").items().iter();
            for p in params.chain(op.op.at("parameters").items()) {
                let p = spec.resolve(p);
                if let Some(name) = p.at("name").as_str() {
                    out.add(name, Kind::Param, p);
                }
            }
            for (_, content) in op.op.at("requestBody").at("content").entries() {
                let schema = spec.resolve(content.at("schema"));
                for (name, property) in schema.at("properties").entries() {
                    out.add(name, Kind::Param, property);
                }
            }
        }
        out
    }

    fn add(&mut self, name: &str, kind: Kind, value: &Json) {
        if let Some(text) = value.at("description").non_empty_str() {
            self.by_name
                .entry(snake(name))
                .or_default()
                .push((kind, text.trim().to_owned()));
        }
    }

    fn add_properties(&mut self, schema: &Json, kind: Kind) {
        for key in ["oneOf", "anyOf", "allOf"] {
            for alternative in schema.at(key).items() {
                self.add_properties(alternative, kind);
            }
        }
        if let Some(items) = schema.get("items") {
            self.add_properties(items, kind);
        }
        for (name, property) in schema.at("properties").entries() {
            self.add(name, kind, property);
            if !property.has("$ref") {
                self.add_properties(property, kind);
            }
        }
    }

    /// The description `name` has elsewhere in the spec, fit for a `kind` owner, if one
    /// stands out (see the module's doc).
    pub fn reuse(&self, name: &str, kind: Kind) -> Option<String> {
        let found = self.by_name.get(&snake(name))?;
        let fit = |text: &&String| {
            let lower = text.to_lowercase();
            text.starts_with(|c: char| c.is_uppercase() || c == '[')
                && !NOT_REUSABLE.iter().any(|w| lower.contains(w))
                && (kind != Kind::Object || !lower.contains("resource"))
        };
        let same = |k: Kind| (k == Kind::Param) == (kind == Kind::Param);
        let pick = |same_kind: bool| {
            let mut counts: Vec<(&String, usize)> = Vec::new();
            for (_, text) in found.iter().filter(|(k, _)| same(*k) == same_kind) {
                match counts.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((text, 1)),
                }
            }
            // Unfit descriptions still count: one that is more common but unfit makes
            // the choice unclear.
            counts.sort_by_key(|c| std::cmp::Reverse(c.1));
            match counts.as_slice() {
                [] => None,
                [(text, _)] => Some(*text).filter(fit),
                [(text, n), (_, m), ..] if n > m => Some(*text).filter(fit),
                _ => None,
            }
        };
        // The other kind only when this one has no description at all: a path
        // parameter `Field` described as `bucket name` in one place says nothing of a
        // `Field` property elsewhere.
        let has_same = found.iter().any(|(k, _)| same(*k));
        let text = if has_same { pick(true) } else { pick(false) }?;
        let text = drop_parameter_sentences(&generic_resource(text));
        (!text.is_empty()).then_some(text)
    }
}

/// The well-known doc of `name`, if it has one fit for a `kind` owner.
pub fn well_known(name: &str, kind: Kind) -> Option<&'static str> {
    let name = snake(name);
    if kind == Kind::Object && RESOURCE_ONLY.contains(&name.as_str()) {
        return None;
    }
    WELL_KNOWN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A doc made of the words of `name` and of its `owner` (a schema's name, or an
/// operation's id for a parameter): "The title of the card action." A boolean is a
/// flag; a name that is no identifier (`twilio/text`) is quoted.
pub fn from_name(name: &str, owner: &str, kind: Kind, boolean: bool) -> String {
    let owner = owner_words(owner, kind);
    if owner == "types" && name.contains('/') {
        // Content's `types`: one entry per content type.
        return format!("The content of type `{name}`.");
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return format!("The `{name}` of the {owner}.");
    }
    let snake_name = snake(name);
    let bare = if boolean {
        snake_name.strip_prefix("is_").unwrap_or(&snake_name)
    } else {
        &snake_name
    };
    let words = words(bare);
    if !boolean && snake_name.starts_with("is_") {
        // Not a boolean in the spec: what it holds is unsaid.
        return format!("The `{name}` value of the {owner}.");
    }
    if boolean {
        format!("The {words} flag of the {owner}.")
    } else {
        format!("The {words} of the {owner}.")
    }
}

/// The owner in words: the last segment of a resource's schema name, a schema's name,
/// or an operation's id without its verb (`FetchSigningKey` -> `signing key`; also for
/// what is named after an operation, `inline:<operationId>`).
fn owner_words(owner: &str, kind: Kind) -> String {
    let after_op = kind == Kind::Param || owner.starts_with("inline:");
    let owner = owner.rsplit(':').next().unwrap_or(owner);
    let owner = owner.rsplit('.').next().unwrap_or(owner);
    let mut name = snake(owner);
    if after_op {
        for verb in ["create_", "update_", "fetch_", "list_", "delete_"] {
            if let Some(rest) = name.strip_prefix(verb) {
                name = rest.to_owned();
                break;
            }
        }
    }
    words(&name)
}

/// A snake-case name in words, lower case but for acronyms (`media_url` ->
/// `media URL`).
fn words(snake_name: &str) -> String {
    snake_name
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "id" | "sid" | "url" | "uri" | "sms" | "mms" | "api" | "sim" | "json" | "mcc"
            | "mnc" | "dns" => w.to_uppercase(),
            _ => w.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "the Service resource", "the Content resource" -> "the resource": a description
/// reused for another resource must not name the one it was written for.
fn generic_resource(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for word in words {
        if word.starts_with("resource") {
            // Drop the capitalised words between `the` and `resource`.
            let mut i = out.len();
            while i > 0 && out[i - 1].starts_with(|c: char| c.is_ascii_uppercase()) {
                i -= 1;
            }
            if i < out.len() && i > 0 && out[i - 1].eq_ignore_ascii_case("the") {
                out.truncate(i);
            }
        }
        out.push(word);
    }
    out.join(" ")
}

/// The description without its sentences on query parameters: reused for a property
/// of a JSON body, they would be wrong.
fn drop_parameter_sentences(text: &str) -> String {
    let sentences: Vec<&str> = text
        .split_inclusive(". ")
        .filter(|s| !s.to_lowercase().contains("query parameter"))
        .collect();
    sentences.concat().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_words() {
        assert_eq!(
            from_name("title", "cardAction", Kind::Object, false),
            "The title of the card action."
        );
        assert_eq!(
            from_name(
                "media_url",
                "content.v1.content.whatsappFlows",
                Kind::Object,
                false
            ),
            "The media URL of the whatsapp flows."
        );
        assert_eq!(
            from_name("is_valid", "LookupBatchResponse", Kind::Object, true),
            "The valid flag of the lookup batch response."
        );
        assert_eq!(
            from_name(
                "Field",
                "FetchLookupPhoneNumberOverrides",
                Kind::Param,
                false
            ),
            "The field of the lookup phone number overrides."
        );
        assert_eq!(
            from_name(
                "is_number_reassigned",
                "ReassignedNumberInfo",
                Kind::Object,
                false
            ),
            "The `is_number_reassigned` value of the reassigned number info."
        );
        assert_eq!(
            from_name(
                "countries",
                "inline:ListAvailablePhoneNumberCountry",
                Kind::Resource,
                false
            ),
            "The countries of the available phone number country."
        );
        assert_eq!(
            from_name("twilio/text", "types", Kind::Object, false),
            "The content of type `twilio/text`."
        );
    }

    #[test]
    fn rewrites_for_context() {
        assert_eq!(
            generic_resource("The SID of the Account that created the Service resource."),
            "The SID of the Account that created the resource."
        );
        assert_eq!(
            generic_resource("A string that identifies the resource."),
            "A string that identifies the resource."
        );
        assert_eq!(
            drop_parameter_sentences(
                "User’s city. This query parameter is only used for identity_match requests."
            ),
            "User’s city."
        );
    }

    #[test]
    fn reuses_the_one_that_stands_out() {
        let spec = Json::parse(
            r#"{"components": {"schemas": {
                "x.v1.a": {"properties": {
                    "sid": {"description": "A 34 character string that uniquely identifies this resource."},
                    "url": {"description": "The absolute URL of the resource."}}},
                "x.v1.b": {"properties": {
                    "sid": {"description": "A 34 character string that uniquely identifies this resource."},
                    "status": {"description": "The status of the calls to read."}}},
                "x.v1.c": {"properties": {
                    "sid": {"description": "The unique string that we created to identify the C resource."}}}
            }}, "paths": {}}"#,
        )
        .unwrap_or(Json::Null);
        let described = Described::new(&Spec { raw: spec });
        assert_eq!(
            described.reuse("Sid", Kind::Param).as_deref(),
            Some("A 34 character string that uniquely identifies this resource.")
        );
        assert_eq!(described.reuse("status", Kind::Resource), None);
        assert_eq!(described.reuse("url", Kind::Object), None);
        assert_eq!(well_known("url", Kind::Object), None);
        assert_eq!(well_known("Sid", Kind::Object), None);
        assert!(well_known("error_code", Kind::Object).is_some());
    }
}
