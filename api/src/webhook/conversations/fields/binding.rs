//! `MessagingBinding`: the `MessagingBinding.*` parameters of conversation and
//! participant events.

use super::parse::Params;
use crate::declare::wire_enum;
use crate::webhook::conversations::EventError;

/// The `MessagingBinding.*` parameters: the addresses through which a non-chat
/// participant (SMS, WhatsApp, Group MMS) talks to a conversation.
///
/// The documentation: "A Conversation Participant has either the Identity (and
/// MessagingBinding ProjectedAddress for GroupMMS Participant) or MessagingBinding
/// ProxyAddress and Address attributes filled in." So every field is optional. Conversation
/// events (`onConversationAdd`, `onConversationAdded`) carry the creator's binding
/// (`AuthorAddress` among it, for Group MMS), and have none when the conversation was
/// created through the REST API without participants; participant events carry the
/// participant's (`Type` among it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MessagingBinding {
    /// `MessagingBinding.Address`: the participant's (or creator's) own address, such as
    /// `+15555550100` or `whatsapp:+15555550100`. When Group MMS auto-creates a
    /// conversation, the documentation says it is "shown as a list of Addresses": it is
    /// kept as sent (a repeated parameter's other values are in
    /// [`Common::params`](crate::webhook::conversations::Common::params)).
    pub address: Option<String>,
    /// `MessagingBinding.ProxyAddress`: the Twilio number (or WhatsApp sender) the
    /// participant talks to.
    pub proxy_address: Option<String>,
    /// `MessagingBinding.ProjectedAddress`: the Twilio number used in Group MMS, the
    /// address a chat participant is shown with.
    pub projected_address: Option<String>,
    /// `MessagingBinding.AuthorAddress`: the message author's number when Group MMS
    /// auto-creates a conversation (conversation events only).
    pub author_address: Option<String>,
    /// `MessagingBinding.Type`: the participant's channel (participant events only).
    pub binding_type: Option<BindingType>,
}

wire_enum! {
    /// The channel of a participant (`MessagingBinding.Type`), documented as one of
    /// `SMS`, `CHAT`, `WHATSAPP`.
    pub enum BindingType {
        Sms = "SMS",
        Chat = "CHAT",
        WhatsApp = "WHATSAPP",
    }
}

impl MessagingBinding {
    pub(crate) fn from_params(params: Params<'_>) -> Result<Self, EventError> {
        Ok(MessagingBinding {
            address: params.text("MessagingBinding.Address")?,
            proxy_address: params.text("MessagingBinding.ProxyAddress")?,
            projected_address: params.text("MessagingBinding.ProjectedAddress")?,
            author_address: params.text("MessagingBinding.AuthorAddress")?,
            binding_type: params.wire("MessagingBinding.Type")?,
        })
    }

    /// Whether no `MessagingBinding.*` parameter was sent.
    pub fn is_empty(&self) -> bool {
        *self == MessagingBinding::default()
    }
}
