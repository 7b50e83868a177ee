//! Docs written here instead of the spec's: where its text is wrong (a typo), filler
//! (`The X-Twilio-Webhook-Enabled HTTP request header`), or missing.
//!
//! Each entry is keyed by what the doc is on: a response property by its schema's name
//! (`conversations.v1.conversation`) and wire name (`bindings`); a request parameter by
//! its operation (`UpdateServiceNotification`) and wire name (`LogEnabled`); `*` stands
//! for every schema or operation.

/// A conversation's `bindings`, which the spec declares with no type and no description.
const BINDINGS: &str = "The conversation's bindings, as a JSON object (the spec's examples send \
                        `{}`); the API description says nothing of what it holds.";

/// `(schema or operation, wire name, doc)`.
pub const DOC_OVERRIDES: &[(&str, &str, &str)] = &[
    (
        "*",
        "X-Twilio-Webhook-Enabled",
        "Whether this request calls the service's webhooks: Twilio calls them for changes made \
         through the REST API only when this header is `true`. `Some(true)` sends `true`; `None` \
         sends no header, and no webhook is called.",
    ),
    // The spec's "Weather the notification logging is enabled."
    (
        "UpdateServiceNotification",
        "LogEnabled",
        "Whether notification logging is enabled.",
    ),
    (
        "conversations.v1.service.service_configuration.service_notification",
        "log_enabled",
        "Whether notification logging is enabled.",
    ),
    // Undescribed in the spec.
    ("conversations.v1.conversation", "bindings", BINDINGS),
    (
        "conversations.v1.conversation_with_participants",
        "bindings",
        BINDINGS,
    ),
    (
        "conversations.v1.service.service_conversation",
        "bindings",
        BINDINGS,
    ),
    (
        "conversations.v1.service.service_conversation_with_participants",
        "bindings",
        BINDINGS,
    ),
    (
        "conversations.v1.user",
        "links",
        "Absolute URLs of the user's related resources: `user_conversations`, the \
         conversations the user takes part in.",
    ),
    (
        "conversations.v1.service.service_user",
        "links",
        "Absolute URLs of the user's related resources: `user_conversations`, the \
         conversations the user takes part in.",
    ),
    (
        "conversations.v1.user.user_conversation",
        "url",
        "An absolute API resource URL for this user conversation.",
    ),
    (
        "conversations.v1.service.service_user.service_user_conversation",
        "url",
        "An absolute API resource URL for this user conversation.",
    ),
];

/// The doc written here for `name` of `owner` (a schema or an operation), if any.
pub fn doc_override(owner: &str, name: &str) -> Option<&'static str> {
    DOC_OVERRIDES
        .iter()
        .find(|(o, n, _)| (*o == owner || *o == "*") && *n == name)
        .map(|(_, _, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(doc_override("CreateConversation", "X-Twilio-Webhook-Enabled").is_some());
        assert_eq!(
            doc_override("UpdateServiceNotification", "LogEnabled"),
            Some("Whether notification logging is enabled.")
        );
        assert_eq!(doc_override("CreateConversation", "FriendlyName"), None);
    }
}
