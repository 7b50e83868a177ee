//! Rust names for the spec's names: fields, types, enum variants, modules, products.

/// Words Rust reserves: a field named like one is written `r#type`.
pub const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is an error): such a field gets a
/// trailing underscore instead.
const NOT_RAW: &[&str] = &["crate", "self", "super"];

/// `default_chat_service_role_sid` -> `DefaultChatServiceRoleSid`, as the macro derives a
/// field's wire name: each `_`-separated word with its first letter upper-cased.
pub fn pascal(snake: &str) -> String {
    snake.split('_').map(capitalize).collect()
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `DefaultChatServiceRoleSid`, `Configuration.Filters`, `X-Twilio-Webhook-Enabled` ->
/// `default_chat_service_role_sid`, `configuration_filters`, `x_twilio_webhook_enabled`:
/// words split at every character that is not an ASCII letter or digit, and before an
/// upper-case letter that follows a lower-case letter or digit, or that ends a run of
/// capitals before a lower-case letter (`clientDataJSON` -> `client_data_json`,
/// `SIPDomain` -> `sip_domain`).
pub fn snake(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let chars: Vec<char> = part.chars().collect();
            let mut out = String::new();
            for (i, &c) in chars.iter().enumerate() {
                // A new word at a capital after a lower-case letter or digit, or at the
                // last capital of a run followed by a lower-case letter (`JSONBody`).
                let prev = i.checked_sub(1).map(|j| chars[j]);
                let next = chars.get(i + 1);
                let starts_word = c.is_ascii_uppercase()
                    && prev.is_some_and(|p| {
                        !p.is_ascii_uppercase() || next.is_some_and(|n| n.is_ascii_lowercase())
                    });
                if starts_word {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// The Rust field names for wire names, in order: [`snake`] of each, with `_before` for
/// a trailing `<` and `_after` for a trailing `>` (API v2010's range filters
/// `StartTime<`, `StartTime>` beside `StartTime`), and `_2`, `_3`... for any name still
/// taken, in the order the spec lists them; keywords as [`ident`] writes them.
pub fn field_names<'a>(wires: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for wire in wires {
        let mut name = snake(wire);
        if wire.ends_with('<') {
            name.push_str("_before");
        } else if wire.ends_with('>') {
            name.push_str("_after");
        }
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert_str(0, "field_");
        }
        let base = name.clone();
        let mut n = 2;
        while out.iter().any(|taken| *taken == ident(&name)) {
            name = format!("{base}_{n}");
            n += 1;
        }
        out.push(ident(&name));
    }
    out
}

/// Fields named `type` whose resource's noun says too little: the Rust type (struct or
/// endpoint) that has one, and the field's name.
pub const TYPE_FIELDS: &[(&str, &str)] = &[
    // Lookups: the line type of a phone number (`mobile`, `landline`...).
    ("LineTypeIntelligenceInfo", "line_type"),
    // Verify: the WebAuthn credential type (`public-key`).
    ("UpdatePasskeysFactor", "credential_type"),
    ("UpdateChallengePasskeys", "credential_type"),
];

/// [`field_names`] with a field `r#type` named after what it is the type of:
/// [`TYPE_FIELDS`] for `owner` (the struct or endpoint), else `<noun>_type`, the noun
/// being the last word of `noun_of` (`service_role` or `ServiceRole` -> `role_type`),
/// unless another field has that name.
pub fn rename_type(mut names: Vec<String>, owner: &str, noun_of: &str) -> Vec<String> {
    let Some(at) = names.iter().position(|n| n == "r#type") else {
        return names;
    };
    let snake_noun = snake(noun_of);
    let noun = snake_noun.rsplit('_').next().unwrap_or_default();
    let name = TYPE_FIELDS
        .iter()
        .find(|(o, _)| *o == owner)
        .map(|(_, field)| (*field).to_owned())
        .unwrap_or_else(|| format!("{noun}_type"));
    if !noun.is_empty() && !names.contains(&name) {
        names[at] = name;
    }
    names
}

/// A field name as Rust accepts it: `type` -> `r#type`, `self` -> `self_`.
pub fn ident(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if RUST_KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// An enum variant for a wire value: `in-progress` -> `InProgress`, `SDK` -> `Sdk`,
/// `GET` -> `Get` (a word in capitals is read as one word). Empty when the value has no
/// letter or digit; see [`variants`] for the full rule.
pub fn variant(value: &str) -> String {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let all_caps = word.chars().any(|c| c.is_ascii_uppercase())
                && !word.chars().any(|c| c.is_ascii_lowercase());
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest: String = if all_caps {
                chars.map(|c| c.to_ascii_lowercase()).collect()
            } else {
                chars.collect()
            };
            first.into_iter().chain(rest.chars()).collect::<String>()
        })
        .collect()
}

/// The variants of a whole enum, in order, each unique and a valid identifier:
///
/// - [`variant`] of the value; a value with no letter or digit is named after its
///   characters (`+` `Plus`, `-` `Minus`, `*` `Star`, ...; `Empty` for `""`);
/// - a leading `+` or `-` before a digit is a sign: `+1` is `Plus1`, `-1` `Minus1`;
/// - a name that starts with a digit gets a `V` in front (`1` -> `V1`);
/// - `Unknown` is taken by `wire_enum!` (the catch-all), and `Self` is a keyword: such a
///   value is `UnknownValue`, `SelfValue`;
/// - when two values give one name, the second and later get `2`, `3`, ... appended in
///   the order the spec lists them.
pub fn variants(values: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let mut name = variant(value);
        if let Some(sign @ ('+' | '-')) = value.chars().next()
            && value[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            name = format!("{}{name}", symbol_name(sign));
        }
        if name.is_empty() {
            name = if value.is_empty() {
                "Empty".to_owned()
            } else {
                value.chars().map(symbol_name).collect()
            };
        }
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert(0, 'V');
        }
        if name == "Unknown" || name == "Self" {
            name.push_str("Value");
        }
        let base = name.clone();
        let mut n = 2;
        while out.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        out.push(name);
    }
    out
}

fn symbol_name(c: char) -> &'static str {
    match c {
        '+' => "Plus",
        '-' => "Minus",
        '*' => "Star",
        '.' => "Dot",
        '/' => "Slash",
        '_' => "Underscore",
        ' ' => "Space",
        '#' => "Hash",
        '@' => "At",
        _ => "Symbol",
    }
}

/// The product and version of a spec file: `twilio_api_v2010.json` -> `("api", "v2010")`,
/// `twilio_conversations_v1.json` -> `("conversations", "v1")`: the stem without
/// `twilio_`, split at its last `_v<digits>`. The three files without a version name
/// split at their last `_` (`twilio_iam_organizations` -> `("iam", "organizations")`,
/// the organizations API beside IAM v1), or are a product alone (`twilio_preview` ->
/// `("preview", "")`, whose operations are at `twill_api::preview`).
pub fn product_of(file_stem: &str) -> Option<(String, String)> {
    let rest = file_stem.strip_prefix("twilio_")?;
    let valid = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    if !valid(rest) {
        return None;
    }
    if let Some(at) = rest.rfind("_v") {
        let (product, version) = (&rest[..at], &rest[at + 1..]);
        let digits = &version[1..];
        if !product.is_empty() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            return Some((product.to_owned(), version.to_owned()));
        }
    }
    Some(match rest.rsplit_once('_') {
        Some((product, version)) if !product.is_empty() && !version.is_empty() => {
            (product.to_owned(), version.to_owned())
        }
        _ => (rest.to_owned(), String::new()),
    })
}

/// The Cargo feature of a product: its spec file's stem without `twilio_`, `-` for `_`
/// (`("api", "v2010")` -> `api-v2010`, `("preview", "")` -> `preview`).
pub fn feature_of(product: &str, version: &str) -> String {
    let product = product.replace('_', "-");
    if version.is_empty() {
        product
    } else {
        format!("{product}-{version}")
    }
}

/// The module path of a product in twill-api: `("api", "v2010")` -> `api::v2010`,
/// `("preview", "")` -> `preview`.
pub fn module_path_of(product: &str, version: &str) -> String {
    if version.is_empty() {
        product.to_owned()
    } else {
        format!("{product}::{version}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_and_snake_round_trip_wire_names() {
        assert_eq!(
            snake("DefaultChatServiceRoleSid"),
            "default_chat_service_role_sid"
        );
        assert_eq!(
            pascal("default_chat_service_role_sid"),
            "DefaultChatServiceRoleSid"
        );
        assert_eq!(snake("Configuration.Filters"), "configuration_filters");
        assert_eq!(
            snake("X-Twilio-Webhook-Enabled"),
            "x_twilio_webhook_enabled"
        );
        assert_eq!(snake("Timers.Inactive"), "timers_inactive");
        assert_eq!(snake("StartTime>"), "start_time");
        assert_eq!(snake("friendly_name"), "friendly_name");
        assert_eq!(snake("clientDataJSON"), "client_data_json");
        assert_eq!(snake("SIPDomainSid"), "sip_domain_sid");
        assert_eq!(snake("Parameter1.Name"), "parameter1_name");
        assert_eq!(snake("rawId"), "raw_id");
        assert_eq!(pascal(&snake("Timers.Inactive")), "TimersInactive");
    }

    #[test]
    fn field_names_are_unique() {
        assert_eq!(
            field_names([
                "StartTime",
                "StartTime<",
                "StartTime>",
                "Type",
                "type",
                "Parameter1.Name"
            ]),
            [
                "start_time",
                "start_time_before",
                "start_time_after",
                "r#type",
                "type_2",
                "parameter1_name"
            ]
        );
    }

    #[test]
    fn keywords_become_raw_identifiers() {
        assert_eq!(ident("type"), "r#type");
        assert_eq!(ident("in"), "r#in");
        assert_eq!(ident("self"), "self_");
        assert_eq!(ident("from"), "from");
        assert_eq!(ident("class"), "class");
    }

    #[test]
    fn variants_of_wire_values() {
        assert_eq!(variant("in-progress"), "InProgress");
        assert_eq!(variant("SDK"), "Sdk");
        assert_eq!(variant("GET"), "Get");
        assert_eq!(variant("camelCase"), "CamelCase");
        assert_eq!(variant("no_answer"), "NoAnswer");
        assert_eq!(
            variants(&["+1", "-1", "1", "+", "", "unknown", "a-b", "a_b", "A B"]),
            [
                "Plus1",
                "Minus1",
                "V1",
                "Plus",
                "Empty",
                "UnknownValue",
                "AB",
                "AB2",
                "AB3"
            ]
        );
    }

    #[test]
    fn products_from_file_names() {
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(product_of("twilio_api_v2010"), pair("api", "v2010"));
        assert_eq!(
            product_of("twilio_conversations_v1"),
            pair("conversations", "v1")
        );
        assert_eq!(
            product_of("twilio_ip_messaging_v2"),
            pair("ip_messaging", "v2")
        );
        assert_eq!(
            product_of("twilio_iam_organizations"),
            pair("iam", "organizations")
        );
        assert_eq!(product_of("twilio_preview"), pair("preview", ""));
        assert_eq!(product_of("twilio_"), None);
        assert_eq!(product_of("api_v2010"), None);
        assert_eq!(feature_of("ip_messaging", "v2"), "ip-messaging-v2");
        assert_eq!(feature_of("iam", "organizations"), "iam-organizations");
        assert_eq!(feature_of("preview", ""), "preview");
        assert_eq!(module_path_of("api", "v2010"), "api::v2010");
        assert_eq!(module_path_of("preview", ""), "preview");
    }
}
