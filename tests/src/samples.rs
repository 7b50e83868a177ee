//! Valid sample values for any parameter, chosen from its metadata alone: the pattern,
//! the SID prefix, the bounds, the enum values, the kind.

use serde_json::{Map, Value, json};
use twill_api::declare::{Location, Param, ValueKind};

/// Sample values for path parameters that are not SIDs (a SID, unique name or
/// identity): one that exercises percent-encoding, for loopback tests.
pub const IDENTITY: &str = "alice@example.com/a b?c#d";

/// The sample for one parameter: its JSON form (to build the request from) and the
/// texts it must go on the wire as, in order.
#[derive(Debug, Clone)]
pub struct Sample {
    /// The field's value as JSON.
    pub json: Value,
    /// What each value is sent as.
    pub wire: Vec<String>,
}

/// Values for JSON-valued parameters (objects, `items: {}`) and for text of a format
/// (an email address), which metadata alone cannot choose: given a parameter, a value of
/// (each element of) its schema, if known. Without one, a JSON sample is `{}` and text
/// the generic sample.
pub type JsonSamples<'a> = &'a dyn Fn(&Param) -> Option<Value>;

/// A sample for `param`; `identity` is used for path parameters that are not SIDs.
pub fn sample(param: &Param, identity: &str) -> Sample {
    sample_with(param, identity, &|_| None)
}

/// [`sample`], with JSON values from `json`.
pub fn sample_with(param: &Param, identity: &str, json: JsonSamples<'_>) -> Sample {
    let one = |i: usize| match (param.kind, json(param)) {
        (ValueKind::Json | ValueKind::String, Some(value)) => value,
        _ => one_value(param, identity, i),
    };
    if param.array {
        let values = if param.kind == ValueKind::Enum {
            param.values.iter().take(2).map(|v| json!(v)).collect()
        } else {
            vec![one(1), one(2)]
        };
        let wire = values.iter().map(wire_text).collect();
        Sample {
            json: Value::Array(values),
            wire,
        }
    } else {
        let value = one(0);
        Sample {
            wire: vec![wire_text(&value)],
            json: value,
        }
    }
}

fn one_value(param: &Param, identity: &str, i: usize) -> Value {
    if let Some(pattern) = param.pattern {
        return json!(crate::pattern_sample::generate(pattern, i));
    }
    if let Some(prefix) = param.sid_prefix {
        // Of prefix alternatives (`SM|MM`), the first.
        let prefix = prefix.split('|').next().unwrap_or(prefix);
        return json!(format!("{prefix}0123456789abcdef0123456789abcde{i:x}"));
    }
    match param.kind {
        ValueKind::Enum => json!(param.values.first().expect("an enum has values")),
        ValueKind::Boolean => json!(true),
        ValueKind::DateTime => json!("2020-01-02T03:04:05Z"),
        ValueKind::Date => json!("2020-01-02"),
        ValueKind::Number => json!("0.0075"),
        // Valid for `serde_json::Value` and for the declared JSON objects, whose
        // properties are all optional.
        ValueKind::Json => json!({}),
        ValueKind::Integer => json!(match (param.min, param.max) {
            (Some(min), Some(max)) => (min + max) / 2,
            (Some(min), None) => min + 1,
            (None, Some(max)) => max - 1,
            (None, None) => 7,
        }),
        ValueKind::String if param.location == Location::Path => json!(identity),
        // A valid `uri` too, since some string parameters are URLs; `&`, `=` and `?`
        // exercise the form encoding.
        ValueKind::String => json!(format!("https://example.com/{}-{i}?q=a&b=c", param.field)),
        other => panic!("no sample for {other:?} parameters yet: add one here"),
    }
}

fn wire_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Samples for every parameter (`all`) or the required ones only, as a JSON object
/// keyed by field name, plus each parameter's sample. A parameter that defaults to the
/// client's account is left out of the required ones: [`expected_path`] then expects
/// [`ACCOUNT_SID`](crate::ACCOUNT_SID), the test clients' account.
pub fn request(params: &[Param], identity: &str, all: bool) -> (Value, Vec<(Param, Sample)>) {
    request_with(params, identity, all, &|_| None)
}

/// [`request`], with JSON values from `json`.
pub fn request_with(
    params: &[Param],
    identity: &str,
    all: bool,
    json: JsonSamples<'_>,
) -> (Value, Vec<(Param, Sample)>) {
    let mut object = Map::new();
    let mut chosen = Vec::new();
    for param in params {
        if all || (param.required && !param.defaults_to_account) {
            let sample = sample_with(param, identity, json);
            object.insert(param.field.to_owned(), sample.json.clone());
            chosen.push((*param, sample));
        }
    }
    (Value::Object(object), chosen)
}

/// RFC 3986 unreserved characters stay, every other byte becomes `%XX`: an encoder
/// written apart from twill's, to check it.
pub fn encode_segment(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The path an endpoint must request, from its template and path samples; an
/// `{AccountSid}` without a sample is the test clients' account.
pub fn expected_path(template: &str, chosen: &[(Param, Sample)]) -> String {
    let mut path = template.to_owned();
    for (param, sample) in chosen {
        if param.location == Location::Path {
            let placeholder = format!("{{{}}}", param.name);
            path = path.replace(&placeholder, &encode_segment(&sample.wire[0]));
        }
    }
    path.replace("{AccountSid}", crate::ACCOUNT_SID)
}

/// The JSON body an endpoint must send: each body parameter's value under its wire name;
/// a number (a `Decimal`, whose sample is its text) as a JSON number.
pub fn expected_json(chosen: &[(Param, Sample)]) -> Value {
    let members: Map<String, Value> = chosen
        .iter()
        .filter(|(param, _)| param.location == Location::Body)
        .map(|(param, sample)| {
            let value = match (&sample.json, param.kind) {
                (Value::String(text), ValueKind::Number) => {
                    Value::Number(text.parse().expect("a number sample is a JSON number"))
                }
                (value, _) => value.clone(),
            };
            (param.name.to_owned(), value)
        })
        .collect();
    Value::Object(members)
}

/// The pairs an endpoint must send in `location`, in field order.
pub fn expected_pairs(chosen: &[(Param, Sample)], location: Location) -> Vec<(String, String)> {
    chosen
        .iter()
        .filter(|(param, _)| param.location == location)
        .flat_map(|(param, sample)| {
            sample
                .wire
                .iter()
                .map(|text| (param.name.to_owned(), text.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use twill_api::Endpoint;
    use twill_api::declare::endpoint;

    use super::*;

    /// Parameters with patterns, in each place and shape a pattern may be.
    #[endpoint(POST, "/v1/Assistants/<AssistantId>", host = "assistants.twilio.com", response = ())]
    struct UpdateAssistant {
        #[param(pattern = "^aia_asst_.+$")]
        assistant_id: String,
        #[param(pattern = "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$")]
        bundles: Option<String>,
        #[param(pattern = "^[A-Z0-9]{6}$")]
        codes: Vec<String>,
        #[header("X-Keyword")]
        #[param(pattern = "^(STOP|START|HELP)\\.(ALL|ZULU)$")]
        keyword: Option<String>,
    }

    #[test]
    fn samples_match_the_pattern_and_pass_validation() {
        let (json, chosen) = request(UpdateAssistant::PARAMS, IDENTITY, true);
        assert_eq!(chosen.len(), 4);
        for (param, sample) in &chosen {
            let regex = regex::Regex::new(param.pattern.unwrap()).unwrap();
            for text in &sample.wire {
                assert!(regex.is_match(text), "{}: {text:?}", param.name);
            }
        }
        assert_eq!(chosen[0].1.wire, ["aia_asst_sample"]);
        assert_eq!(chosen[2].1.wire.len(), 2);
        // The runtime agrees: the request the samples make is valid.
        let request = UpdateAssistant {
            assistant_id: serde_json::from_value(json["assistant_id"].clone()).unwrap(),
            bundles: serde_json::from_value(json["bundles"].clone()).unwrap(),
            codes: serde_json::from_value(json["codes"].clone()).unwrap(),
            keyword: serde_json::from_value(json["keyword"].clone()).unwrap(),
        };
        assert_eq!(request.validate(), Ok(()));
    }
}
