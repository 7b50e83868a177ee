//! `Event`: a Conversations webhook request, told apart by its `EventType`.

use super::fields::parse::Params;
use super::{
    Common, ConversationAdd, ConversationAdded, ConversationRemove, ConversationRemoved,
    ConversationStateUpdated, ConversationUpdate, ConversationUpdated, DeliveryUpdated, EventError,
    EventErrorKind, MessageAdd, MessageAdded, MessageRemove, MessageRemoved, MessageUpdate,
    MessageUpdated, ParticipantAdd, ParticipantAdded, ParticipantRemove, ParticipantRemoved,
    ParticipantUpdate, ParticipantUpdated, UserAdded, UserUpdate, UserUpdated,
};
use crate::webhook::first_value;

/// A Conversations webhook request: one variant for each event of the documentation's
/// table of "Webhook Action Triggers", and [`Unknown`](Event::Unknown) for any other
/// `EventType`, which Twilio may add.
///
/// Pre-action events (`onMessageAdd`...) are sent before the action is published, and
/// Twilio waits for the answer, a [`PreActionResponse`](super::PreActionResponse);
/// post-action events (`onMessageAdded`...) after. See the
/// [module docs](super) for an example.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// `onMessageAdd` (pre-action).
    MessageAdd(MessageAdd),
    /// `onMessageAdded` (post-action).
    MessageAdded(MessageAdded),
    /// `onMessageUpdate` (pre-action).
    MessageUpdate(MessageUpdate),
    /// `onMessageUpdated` (post-action).
    MessageUpdated(MessageUpdated),
    /// `onMessageRemove` (pre-action).
    MessageRemove(MessageRemove),
    /// `onMessageRemoved` (post-action).
    MessageRemoved(MessageRemoved),
    /// `onConversationAdd` (pre-action).
    ConversationAdd(ConversationAdd),
    /// `onConversationAdded` (post-action).
    ConversationAdded(ConversationAdded),
    /// `onConversationUpdate` (pre-action).
    ConversationUpdate(ConversationUpdate),
    /// `onConversationUpdated` (post-action).
    ConversationUpdated(ConversationUpdated),
    /// `onConversationRemove` (pre-action).
    ConversationRemove(ConversationRemove),
    /// `onConversationRemoved` (post-action).
    ConversationRemoved(ConversationRemoved),
    /// `onConversationStateUpdated` (post-action).
    ConversationStateUpdated(ConversationStateUpdated),
    /// `onParticipantAdd` (pre-action).
    ParticipantAdd(ParticipantAdd),
    /// `onParticipantAdded` (post-action).
    ParticipantAdded(ParticipantAdded),
    /// `onParticipantUpdate` (pre-action).
    ParticipantUpdate(ParticipantUpdate),
    /// `onParticipantUpdated` (post-action).
    ParticipantUpdated(ParticipantUpdated),
    /// `onParticipantRemove` (pre-action).
    ParticipantRemove(ParticipantRemove),
    /// `onParticipantRemoved` (post-action).
    ParticipantRemoved(ParticipantRemoved),
    /// `onDeliveryUpdated` (post-action).
    DeliveryUpdated(DeliveryUpdated),
    /// `onUserAdded` (post-action).
    UserAdded(UserAdded),
    /// `onUserUpdate` (pre-action).
    UserUpdate(UserUpdate),
    /// `onUserUpdated` (post-action).
    UserUpdated(UserUpdated),
    /// An `EventType` this crate does not know, with every parameter as sent.
    Unknown(UnknownEvent),
}

/// A webhook request whose `EventType` is none of the documented ones.
///
/// Nothing of it is checked beyond having an `EventType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEvent {
    event_type: String,
    params: Vec<(String, String)>,
}

impl UnknownEvent {
    /// The `EventType`, as sent.
    pub fn event_type(&self) -> &str {
        &self.event_type
    }

    /// Every `(name, value)` pair of the request, in order, repeated names included.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    /// The first value of the parameter `name`, as sent (possibly empty).
    pub fn param(&self, name: &str) -> Option<&str> {
        first_value(&self.params, name)
    }
}

/// Calls `$body` with the payload of whichever documented variant `$event` is, bound to
/// `$payload`, or evaluates `$unknown` for `Unknown`.
macro_rules! each_variant {
    ($event:expr, $payload:ident => $body:expr, $unknown:ident => $other:expr) => {
        match $event {
            Event::MessageAdd($payload) => $body,
            Event::MessageAdded($payload) => $body,
            Event::MessageUpdate($payload) => $body,
            Event::MessageUpdated($payload) => $body,
            Event::MessageRemove($payload) => $body,
            Event::MessageRemoved($payload) => $body,
            Event::ConversationAdd($payload) => $body,
            Event::ConversationAdded($payload) => $body,
            Event::ConversationUpdate($payload) => $body,
            Event::ConversationUpdated($payload) => $body,
            Event::ConversationRemove($payload) => $body,
            Event::ConversationRemoved($payload) => $body,
            Event::ConversationStateUpdated($payload) => $body,
            Event::ParticipantAdd($payload) => $body,
            Event::ParticipantAdded($payload) => $body,
            Event::ParticipantUpdate($payload) => $body,
            Event::ParticipantUpdated($payload) => $body,
            Event::ParticipantRemove($payload) => $body,
            Event::ParticipantRemoved($payload) => $body,
            Event::DeliveryUpdated($payload) => $body,
            Event::UserAdded($payload) => $body,
            Event::UserUpdate($payload) => $body,
            Event::UserUpdated($payload) => $body,
            Event::Unknown($unknown) => $other,
        }
    };
}

impl Event {
    /// Reads an `application/x-www-form-urlencoded` request body, as Twilio sends
    /// Conversations webhooks.
    ///
    /// Percent-escapes and `+` are decoded; bytes that are not UTF-8 become U+FFFD. Verify
    /// the request's signature before trusting what this returns.
    ///
    /// # Errors
    ///
    /// When `EventType` is missing or empty, or the event it names lacks a parameter it
    /// needs or has one of the wrong type; the error names the parameter.
    pub fn from_form(body: &[u8]) -> Result<Event, EventError> {
        Event::from_owned_pairs(form_urlencoded::parse(body).into_owned().collect())
    }

    /// Reads a request's `(name, value)` pairs, already decoded: a query string's (for a
    /// webhook configured with `GET`) or a form's a framework parsed.
    ///
    /// # Errors
    ///
    /// As [`from_form`](Event::from_form).
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> Result<Event, EventError> {
        Event::from_owned_pairs(
            pairs
                .iter()
                .map(|(name, value)| (name.as_ref().to_owned(), value.as_ref().to_owned()))
                .collect(),
        )
    }

    fn from_owned_pairs(pairs: Vec<(String, String)>) -> Result<Event, EventError> {
        let params = Params::new(&pairs);
        let event_type = params
            .get("EventType")
            .ok_or_else(|| EventError::new("EventType", EventErrorKind::Missing))?;
        macro_rules! parse {
            ($variant:ident) => {
                Event::$variant($variant::from_params(params, Common::from_params(&pairs)?)?)
            };
        }
        Ok(match event_type {
            "onMessageAdd" => parse!(MessageAdd),
            "onMessageAdded" => parse!(MessageAdded),
            "onMessageUpdate" => parse!(MessageUpdate),
            "onMessageUpdated" => parse!(MessageUpdated),
            "onMessageRemove" => parse!(MessageRemove),
            "onMessageRemoved" => parse!(MessageRemoved),
            "onConversationAdd" => parse!(ConversationAdd),
            "onConversationAdded" => parse!(ConversationAdded),
            "onConversationUpdate" => parse!(ConversationUpdate),
            "onConversationUpdated" => parse!(ConversationUpdated),
            "onConversationRemove" => parse!(ConversationRemove),
            "onConversationRemoved" => parse!(ConversationRemoved),
            "onConversationStateUpdated" => parse!(ConversationStateUpdated),
            "onParticipantAdd" => parse!(ParticipantAdd),
            "onParticipantAdded" => parse!(ParticipantAdded),
            "onParticipantUpdate" => parse!(ParticipantUpdate),
            "onParticipantUpdated" => parse!(ParticipantUpdated),
            "onParticipantRemove" => parse!(ParticipantRemove),
            "onParticipantRemoved" => parse!(ParticipantRemoved),
            "onDeliveryUpdated" => parse!(DeliveryUpdated),
            "onUserAdded" => parse!(UserAdded),
            "onUserUpdate" => parse!(UserUpdate),
            "onUserUpdated" => parse!(UserUpdated),
            other => Event::Unknown(UnknownEvent {
                event_type: other.to_owned(),
                params: pairs,
            }),
        })
    }

    /// The `EventType`, as on the wire: `onMessageAdd`, `onDeliveryUpdated`...
    pub fn event_type(&self) -> &str {
        match self {
            Event::MessageAdd(_) => "onMessageAdd",
            Event::MessageAdded(_) => "onMessageAdded",
            Event::MessageUpdate(_) => "onMessageUpdate",
            Event::MessageUpdated(_) => "onMessageUpdated",
            Event::MessageRemove(_) => "onMessageRemove",
            Event::MessageRemoved(_) => "onMessageRemoved",
            Event::ConversationAdd(_) => "onConversationAdd",
            Event::ConversationAdded(_) => "onConversationAdded",
            Event::ConversationUpdate(_) => "onConversationUpdate",
            Event::ConversationUpdated(_) => "onConversationUpdated",
            Event::ConversationRemove(_) => "onConversationRemove",
            Event::ConversationRemoved(_) => "onConversationRemoved",
            Event::ConversationStateUpdated(_) => "onConversationStateUpdated",
            Event::ParticipantAdd(_) => "onParticipantAdd",
            Event::ParticipantAdded(_) => "onParticipantAdded",
            Event::ParticipantUpdate(_) => "onParticipantUpdate",
            Event::ParticipantUpdated(_) => "onParticipantUpdated",
            Event::ParticipantRemove(_) => "onParticipantRemove",
            Event::ParticipantRemoved(_) => "onParticipantRemoved",
            Event::DeliveryUpdated(_) => "onDeliveryUpdated",
            Event::UserAdded(_) => "onUserAdded",
            Event::UserUpdate(_) => "onUserUpdate",
            Event::UserUpdated(_) => "onUserUpdated",
            Event::Unknown(unknown) => unknown.event_type(),
        }
    }

    /// Whether Twilio waits for this event's answer before publishing the action: the
    /// documented pre-action events (`onMessageAdd`, `onMessageUpdate`,
    /// `onMessageRemove`, `onConversationAdd`, `onConversationUpdate`,
    /// `onConversationRemove`, `onParticipantAdd`, `onParticipantUpdate`,
    /// `onParticipantRemove`, `onUserUpdate`).
    ///
    /// `false` for [`Unknown`](Event::Unknown): an event this crate does not know is not
    /// taken for one whose answer matters. (Answering it with
    /// [`PreActionResponse::Accept`](super::PreActionResponse::Accept), an empty
    /// `200 OK`, lets a pre-action proceed unmodified all the same.)
    pub fn is_pre_action(&self) -> bool {
        matches!(
            self,
            Event::MessageAdd(_)
                | Event::MessageUpdate(_)
                | Event::MessageRemove(_)
                | Event::ConversationAdd(_)
                | Event::ConversationUpdate(_)
                | Event::ConversationRemove(_)
                | Event::ParticipantAdd(_)
                | Event::ParticipantUpdate(_)
                | Event::ParticipantRemove(_)
                | Event::UserUpdate(_)
        )
    }

    /// The parameters every documented event has (`AccountSid`, `Source`...); `None` for
    /// [`Unknown`](Event::Unknown).
    pub fn common(&self) -> Option<&Common> {
        each_variant!(self, event => Some(&event.common), _unknown => None)
    }

    /// Every `(name, value)` pair of the request, in order, repeated names included.
    pub fn params(&self) -> &[(String, String)] {
        each_variant!(self, event => event.common.params(), unknown => unknown.params())
    }

    /// The first value of the parameter `name`, as sent (possibly empty): for parameters
    /// the event's type has no field for.
    pub fn param(&self, name: &str) -> Option<&str> {
        first_value(self.params(), name)
    }
}
