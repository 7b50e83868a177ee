//! What the generator knows of each product beyond its spec: its name in prose and the
//! Cargo features its modules are behind.

/// One product and version, such as Conversations v1.
pub struct Product {
    /// The module of the product, `conversations`.
    pub name: String,
    /// The module of the version, `v1`.
    pub version: String,
    /// How docs name it, `Conversations v1`.
    pub title: String,
    /// Resource families behind Cargo features of their own: feature and modules.
    pub families: Vec<(&'static str, &'static [&'static str])>,
}

/// The specs of `tests/fixtures/` twill declares, which `cargo run -p twill-generator`
/// generates by default: all 55 of them.
pub const DECLARED: &[&str] = &[
    "twilio_accounts_v1",
    "twilio_api_v2010",
    "twilio_assistants_v1",
    "twilio_bulkexports_v1",
    "twilio_chat_v1",
    "twilio_chat_v2",
    "twilio_chat_v3",
    "twilio_content_v1",
    "twilio_content_v2",
    "twilio_conversations_v1",
    "twilio_events_v1",
    "twilio_flex_v1",
    "twilio_flex_v2",
    "twilio_frontline_v1",
    "twilio_iam_organizations",
    "twilio_iam_scim",
    "twilio_iam_v1",
    "twilio_insights_v1",
    "twilio_insights_v2",
    "twilio_intelligence_v2",
    "twilio_ip_messaging_v1",
    "twilio_ip_messaging_v2",
    "twilio_knowledge_v1",
    "twilio_lookups_v1",
    "twilio_lookups_v2",
    "twilio_marketplace_v1",
    "twilio_messaging_v1",
    "twilio_messaging_v2",
    "twilio_messaging_v3",
    "twilio_monitor_v1",
    "twilio_monitor_v2",
    "twilio_notify_v1",
    "twilio_numbers_v1",
    "twilio_numbers_v2",
    "twilio_numbers_v3",
    "twilio_oauth_v1",
    "twilio_oauth_v2",
    "twilio_preview",
    "twilio_pricing_v1",
    "twilio_pricing_v2",
    "twilio_proxy_v1",
    "twilio_routes_v2",
    "twilio_serverless_v1",
    "twilio_studio_v1",
    "twilio_studio_v2",
    "twilio_supersim_v1",
    "twilio_sync_v1",
    "twilio_taskrouter_v1",
    "twilio_trunking_v1",
    "twilio_trusthub_v1",
    "twilio_verify_v2",
    "twilio_verify_v3",
    "twilio_video_v1",
    "twilio_voice_v1",
    "twilio_wireless_v1",
];

/// Conversations v1's resource families, one Cargo feature each, so that a user who
/// needs one family builds only its modules.
const CONVERSATIONS_V1_FAMILIES: &[(&str, &[&str])] = &[
    (
        "configuration",
        &[
            "configuration",
            "configuration_address",
            "configuration_webhook",
        ],
    ),
    (
        "conversations",
        &[
            "conversation",
            "conversation_message",
            "conversation_message_receipt",
            "conversation_participant",
            "conversation_scoped_webhook",
            "conversation_with_participants",
            "participant_conversation",
        ],
    ),
    ("credentials", &["credential"]),
    ("roles", &["role"]),
    ("users", &["user", "user_conversation"]),
    (
        "services",
        &[
            "service",
            "service_binding",
            "service_configuration",
            "service_notification",
            "service_webhook_configuration",
        ],
    ),
    (
        "service-conversations",
        &[
            "service_conversation",
            "service_conversation_message",
            "service_conversation_message_receipt",
            "service_conversation_participant",
            "service_conversation_scoped_webhook",
            "service_conversation_with_participants",
            "service_participant_conversation",
        ],
    ),
    ("service-roles", &["service_role"]),
    (
        "service-users",
        &["service_user", "service_user_conversation"],
    ),
];

impl Product {
    /// The product `name` at `version`, as [`crate::naming::product_of`] reads them from
    /// a spec's file name.
    pub fn new(name: &str, version: &str) -> Product {
        let title = match name {
            "api" => "API".to_owned(),
            "bulkexports" => "Bulk Exports".to_owned(),
            "iam" => "IAM".to_owned(),
            "ip_messaging" => "IP Messaging".to_owned(),
            "oauth" => "OAuth".to_owned(),
            "supersim" => "Super SIM".to_owned(),
            "taskrouter" => "TaskRouter".to_owned(),
            "trusthub" => "Trust Hub".to_owned(),
            _ => name
                .split('_')
                .map(|word| {
                    let mut chars = word.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_uppercase())
                        .into_iter()
                        .chain(chars)
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" "),
        };
        let families = match (name, version) {
            ("conversations", "v1") => CONVERSATIONS_V1_FAMILIES.to_vec(),
            _ => Vec::new(),
        };
        Product {
            name: name.to_owned(),
            version: version.to_owned(),
            // `IAM organizations`, `Preview`: the name of a file without a version.
            title: format!("{title} {}", version_title(version))
                .trim_end()
                .to_owned(),
            families,
        }
    }

    /// The feature a module is behind, if the product has resource families.
    pub fn family(&self, module: &str) -> Result<Option<&'static str>, String> {
        if self.families.is_empty() || module == crate::enums::SHARED_MODULE {
            return Ok(None);
        }
        self.families
            .iter()
            .find(|(_, modules)| modules.contains(&module))
            .map(|(name, _)| Some(*name))
            .ok_or_else(|| format!("module {module} is in no family: add it to product.rs"))
    }

    /// `#[cfg(feature = "..")]` and a newline for a module behind a family, else nothing.
    pub fn cfg(&self, module: &str) -> Result<String, String> {
        Ok(self
            .family(module)?
            .map(|name| format!("#[cfg(feature = \"{name}\")]\n"))
            .unwrap_or_default())
    }
}

/// How docs name a version: `v1` as it is, the name of a file without a version in
/// words (`organizations` -> `Organizations`, `scim` -> `SCIM`).
fn version_title(version: &str) -> String {
    match version {
        "scim" => "SCIM".to_owned(),
        _ if version.starts_with('v') => version.to_owned(),
        _ => {
            let mut chars = version.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect()
        }
    }
}
