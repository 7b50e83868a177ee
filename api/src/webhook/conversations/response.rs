//! `PreActionResponse`: the answer to a pre-action webhook.

use serde::{Serialize, Serializer};
use serde_json::Value;

/// The answer to a pre-action webhook (`onMessageAdd`, `onConversationUpdate`...), as
/// the documentation's "Using Pre-Action Webhooks to Modify or Reject Changes" describes
/// it:
///
/// | answer | HTTP | Twilio |
/// |---|---|---|
/// | [`Accept`](PreActionResponse::Accept) | `200 OK`, no content | "will publish the change unmodified" |
/// | [`Modify`](PreActionResponse::Modify) | `200 OK`, a JSON object of the modified fields | "will publish the change with modifications as given in the response. All values are optional, and missing fields will be left unmodified" |
/// | [`Reject`](PreActionResponse::Reject) | `403 Forbidden` (the page: "HTTP 40x (any error condition)", and 50x alike) | "will reject the change and no publication will be made" |
///
/// No answer within 5 seconds publishes the change unmodified, late. A modified value that
/// fails Twilio's validation is an error for the SDK or REST client that made the change.
/// Post-action events need only a `200 OK`: [`Accept`](PreActionResponse::Accept).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PreActionResponse {
    /// Publish the change as it is.
    Accept,
    /// Publish the change with these fields changed.
    Modify(Modification),
    /// Do not publish the change.
    Reject,
}

/// The fields a pre-action answer may change, by event: the documentation's "Modifiable
/// Fields".
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Modification {
    /// For `onMessageAdd` and `onMessageUpdate`.
    Message(MessageModification),
    /// For `onConversationAdd` and `onConversationUpdate`.
    Conversation(ConversationModification),
}

/// The fields of a message a pre-action answer to `onMessageAdd` or `onMessageUpdate` may
/// change: `body`, `author` and `attributes`. A field left `None` is not sent, and stays
/// as it was.
///
/// It serializes to the documented JSON, `attributes` as a string of JSON:
///
/// ```
/// use serde_json::json;
/// use twill_api::webhook::conversations::MessageModification;
///
/// let modification = MessageModification::default()
///     .body("modified message text")
///     .author("modified author name")
///     .attributes(json!({"key": "value"}));
/// assert_eq!(
///     serde_json::to_value(&modification)?,
///     json!({
///         "body": "modified message text",
///         "author": "modified author name",
///         "attributes": "{\"key\":\"value\"}",
///     })
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MessageModification {
    /// The message's new text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The message's new author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The message's new attributes, sent as a string of JSON.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "json_string"
    )]
    pub attributes: Option<Value>,
}

impl MessageModification {
    /// Sets the message's new text.
    #[must_use]
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = Some(body.into());
        self
    }

    /// Sets the message's new author.
    #[must_use]
    pub fn author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }

    /// Sets the message's new attributes.
    #[must_use]
    pub fn attributes(mut self, attributes: Value) -> Self {
        self.attributes = Some(attributes);
        self
    }
}

/// The field of a conversation a pre-action answer to `onConversationAdd` or
/// `onConversationUpdate` may change: `friendly_name`. Left `None`, it is not sent, and
/// stays as it was.
///
/// ```
/// use serde_json::json;
/// use twill_api::webhook::conversations::ConversationModification;
///
/// let modification = ConversationModification::default()
///     .friendly_name("friendly name of conversation");
/// assert_eq!(
///     serde_json::to_value(&modification)?,
///     json!({"friendly_name": "friendly name of conversation"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConversationModification {
    /// The conversation's new friendly name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
}

impl ConversationModification {
    /// Sets the conversation's new friendly name.
    #[must_use]
    pub fn friendly_name(mut self, friendly_name: impl Into<String>) -> Self {
        self.friendly_name = Some(friendly_name.into());
        self
    }
}

impl PreActionResponse {
    /// The HTTP status to answer with: `200` to accept or modify, `403` to reject.
    pub fn status(&self) -> u16 {
        match self {
            PreActionResponse::Accept | PreActionResponse::Modify(_) => 200,
            PreActionResponse::Reject => 403,
        }
    }

    /// The JSON body to answer with, as `application/json`: the modified fields for
    /// [`Modify`](PreActionResponse::Modify), no body otherwise.
    pub fn body(&self) -> Option<String> {
        let PreActionResponse::Modify(modification) = self else {
            return None;
        };
        // Neither type can fail to serialize: text, and a JSON value written as text.
        match modification {
            Modification::Message(message) => serde_json::to_string(message).ok(),
            Modification::Conversation(conversation) => serde_json::to_string(conversation).ok(),
        }
    }
}

impl From<MessageModification> for PreActionResponse {
    fn from(modification: MessageModification) -> Self {
        PreActionResponse::Modify(Modification::Message(modification))
    }
}

impl From<ConversationModification> for PreActionResponse {
    fn from(modification: ConversationModification) -> Self {
        PreActionResponse::Modify(Modification::Conversation(modification))
    }
}

/// Writes `Some(value)` as its compact JSON text, in a JSON string.
fn json_string<S: Serializer>(value: &Option<Value>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.serialize_str(&value.to_string()),
        None => serializer.serialize_none(),
    }
}
