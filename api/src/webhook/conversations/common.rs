//! `Common`: what every Conversations webhook request carries besides its event's own
//! parameters.

use super::EventError;
use super::fields::parse::Params;
use crate::Sid;
use crate::declare::wire_enum;
use crate::prefix::{AC, IS, WH};
use crate::webhook::first_value;

/// The parameters of every event, and every parameter as sent.
///
/// The documentation: "In addition to the event-specific parameters, each request also
/// contains the following parameters": `AccountSid`, `EventType` (see
/// [`Event::event_type`](super::Event::event_type)), `Source` and `ClientIdentity`. The
/// other fields here are parameters the page documents for some events only, or not at
/// all, read wherever Twilio sends them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Common {
    /// `AccountSid`: the account the conversation belongs to.
    pub account_sid: Sid<AC>,
    /// `Source`: what the action came from, documented as `SDK` or `API`. Other values
    /// are kept in [`Source::Unknown`]; `None` when it is not sent.
    pub source: Option<Source>,
    /// `ClientIdentity`: the identity of the user who performed the action, for actions
    /// from the client SDKs only.
    pub client_identity: Option<String>,
    /// `ChatServiceSid`: the Conversation Service. Documented for the conversation,
    /// `onConversationStateUpdated`, `onDeliveryUpdated` and user events; `None` when not
    /// sent.
    pub chat_service_sid: Option<Sid<IS>>,
    /// `RetryCount`: how many times Twilio has retried this request. Not in the page's
    /// parameter tables; `None` when not sent.
    pub retry_count: Option<u32>,
    /// `WebhookSid`: the conversation-scoped webhook (`WH…`) this request is for. Not in
    /// the page's parameter tables; `None` when not sent (service and global webhooks).
    pub webhook_sid: Option<Sid<WH>>,
    params: Vec<(String, String)>,
}

wire_enum! {
    /// What an action came from (`Source`): documented as `SDK` (a client SDK) or `API`
    /// (the REST API).
    pub enum Source {
        Sdk = "SDK",
        Api = "API",
    }
}

impl Common {
    pub(crate) fn from_params(pairs: &[(String, String)]) -> Result<Self, EventError> {
        let params = Params::new(pairs);
        Ok(Common {
            account_sid: params.required_sid("AccountSid")?,
            source: params.wire("Source")?,
            client_identity: params.text("ClientIdentity")?,
            chat_service_sid: params.sid("ChatServiceSid")?,
            retry_count: params.integer("RetryCount")?,
            webhook_sid: params.sid("WebhookSid")?,
            params: pairs.to_vec(),
        })
    }

    /// Every `(name, value)` pair of the request, in order, repeated names included:
    /// for parameters Twilio sends that the event's type does not have a field for.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    /// The first value of the parameter `name`, as sent (possibly empty).
    pub fn param(&self, name: &str) -> Option<&str> {
        first_value(&self.params, name)
    }
}
