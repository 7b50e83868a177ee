//! The products twill-api declares, each with its spec fixture and its operations.

use serde_json::Value;

use crate::operations::{self, Operation};

/// One product: a spec file and the module declared from it.
pub struct Product {
    /// The spec file's stem, such as `twilio_api_v2010`.
    pub stem: &'static str,
    /// The spec fixture's text.
    pub spec: &'static str,
    /// Its declared operations, in declaration order.
    pub operations: fn() -> Vec<Operation>,
}

impl Product {
    /// The parsed spec, with every example given by reference
    /// (`{"$ref": "#/components/examples/whatsapp_fetch"}`, Messaging v2) replaced by the
    /// example it names, so that an operation's examples can be read from the operation
    /// alone.
    pub fn spec(&self) -> Value {
        let mut spec: Value = serde_json::from_str(self.spec).expect("the spec fixture is JSON");
        let components = spec["components"]["examples"].clone();
        inline_examples(&mut spec["paths"], &components);
        spec
    }
}

/// Replaces each `$ref` to `#/components/examples/<name>` under `value` with that example.
fn inline_examples(value: &mut Value, examples: &Value) {
    match value {
        Value::Object(object) => {
            let named = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/examples/"))
                .map(|name| examples[name].clone());
            match named {
                Some(example) => {
                    assert!(!example.is_null(), "an example reference names no example");
                    *value = example;
                }
                None => object
                    .values_mut()
                    .for_each(|v| inline_examples(v, examples)),
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inline_examples(v, examples)),
        _ => {}
    }
}

macro_rules! product {
    ($stem:literal, $($module:ident)::+) => {
        Product {
            stem: $stem,
            spec: include_str!(concat!("../fixtures/", $stem, ".json")),
            operations: || operations::collect(twill_api::$($module)::+::visit_endpoints),
        }
    };
}

/// Every product declared: all 55 spec files, in the order of their names (two of
/// them, `twilio_iam_scim` and `twilio_verify_v3`, describe no operation).
pub fn all() -> Vec<Product> {
    vec![
        product!("twilio_accounts_v1", accounts::v1),
        product!("twilio_api_v2010", api::v2010),
        product!("twilio_assistants_v1", assistants::v1),
        product!("twilio_bulkexports_v1", bulkexports::v1),
        product!("twilio_chat_v1", chat::v1),
        product!("twilio_chat_v2", chat::v2),
        product!("twilio_chat_v3", chat::v3),
        product!("twilio_content_v1", content::v1),
        product!("twilio_content_v2", content::v2),
        product!("twilio_conversations_v1", conversations::v1),
        product!("twilio_events_v1", events::v1),
        product!("twilio_flex_v1", flex::v1),
        product!("twilio_flex_v2", flex::v2),
        product!("twilio_frontline_v1", frontline::v1),
        product!("twilio_iam_organizations", iam::organizations),
        product!("twilio_iam_scim", iam::scim),
        product!("twilio_iam_v1", iam::v1),
        product!("twilio_insights_v1", insights::v1),
        product!("twilio_insights_v2", insights::v2),
        product!("twilio_intelligence_v2", intelligence::v2),
        product!("twilio_ip_messaging_v1", ip_messaging::v1),
        product!("twilio_ip_messaging_v2", ip_messaging::v2),
        product!("twilio_knowledge_v1", knowledge::v1),
        product!("twilio_lookups_v1", lookups::v1),
        product!("twilio_lookups_v2", lookups::v2),
        product!("twilio_marketplace_v1", marketplace::v1),
        product!("twilio_messaging_v1", messaging::v1),
        product!("twilio_messaging_v2", messaging::v2),
        product!("twilio_messaging_v3", messaging::v3),
        product!("twilio_monitor_v1", monitor::v1),
        product!("twilio_monitor_v2", monitor::v2),
        product!("twilio_notify_v1", notify::v1),
        product!("twilio_numbers_v1", numbers::v1),
        product!("twilio_numbers_v2", numbers::v2),
        product!("twilio_numbers_v3", numbers::v3),
        product!("twilio_oauth_v1", oauth::v1),
        product!("twilio_oauth_v2", oauth::v2),
        product!("twilio_preview", preview),
        product!("twilio_pricing_v1", pricing::v1),
        product!("twilio_pricing_v2", pricing::v2),
        product!("twilio_proxy_v1", proxy::v1),
        product!("twilio_routes_v2", routes::v2),
        product!("twilio_serverless_v1", serverless::v1),
        product!("twilio_studio_v1", studio::v1),
        product!("twilio_studio_v2", studio::v2),
        product!("twilio_supersim_v1", supersim::v1),
        product!("twilio_sync_v1", sync::v1),
        product!("twilio_taskrouter_v1", taskrouter::v1),
        product!("twilio_trunking_v1", trunking::v1),
        product!("twilio_trusthub_v1", trusthub::v1),
        product!("twilio_verify_v2", verify::v2),
        product!("twilio_verify_v3", verify::v3),
        product!("twilio_video_v1", video::v1),
        product!("twilio_voice_v1", voice::v1),
        product!("twilio_wireless_v1", wireless::v1),
    ]
}
