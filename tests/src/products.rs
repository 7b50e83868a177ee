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
    /// The parsed spec.
    pub fn spec(&self) -> Value {
        serde_json::from_str(self.spec).expect("the spec fixture is JSON")
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

/// Every product declared, in the order of their spec files' names.
pub fn all() -> Vec<Product> {
    vec![
        product!("twilio_api_v2010", api::v2010),
        product!("twilio_content_v1", content::v1),
        product!("twilio_conversations_v1", conversations::v1),
        product!("twilio_lookups_v2", lookups::v2),
        product!("twilio_messaging_v1", messaging::v1),
        product!("twilio_sync_v1", sync::v1),
        product!("twilio_verify_v2", verify::v2),
    ]
}
