//! Conversation events: `onConversationAdd`, `onConversationAdded`,
//! `onConversationUpdate`, `onConversationUpdated`, `onConversationRemove`,
//! `onConversationRemoved` and `onConversationStateUpdated`.
//!
//! `ChatServiceSid`, which the documentation lists for each, is in
//! [`Common::chat_service_sid`](super::Common::chat_service_sid).

use serde_json::Value;

use super::fields::declare::event;
use super::{Media, MessagingBinding};
use crate::conversations::v1::ConversationState;
use crate::declare::wire_enum;
use crate::prefix::{CH, MG};
use crate::{Sid, Timestamp};

event! {
    /// `onConversationAdd` (pre-action): a conversation is about to be created. It has no
    /// SID yet.
    ///
    /// Answer with a [`ConversationModification`](super::ConversationModification) to
    /// change its friendly name, or [`PreActionResponse::Reject`](super::PreActionResponse::Reject).
    ConversationAdd {
        /// `FriendlyName`: the conversation's name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: the conversation's unique name, if set. (The table does not mark
        /// it optional; a conversation need not have one.)
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: the conversation's metadata, sent as stringified JSON; an empty
        /// object when not sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service the conversation will use, if sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// The `MessagingBinding.*` parameters of the conversation's creator: none when it
        /// is created through the REST API without participants.
        messaging_binding: MessagingBinding = messaging_binding(),
        /// `MessageBody`: the message the conversation starts with, if any.
        message_body: Option<String> = text("MessageBody"),
        /// `Media`: the media of that message (empty when none).
        media: Vec<Media> = media("Media"),
        /// `State`: the state the conversation will have, if sent.
        state: Option<ConversationState> = wire("State"),
    }

    /// `onConversationAdded` (post-action): a conversation was created.
    ConversationAdded {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: its unique name, if set.
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service it uses; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// The `MessagingBinding.*` parameters of its creator: none when it was created
        /// through the REST API without participants.
        messaging_binding: MessagingBinding = messaging_binding(),
        /// `State`: its state.
        state: ConversationState = required_wire("State"),
    }

    /// `onConversationUpdate` (pre-action): a conversation is about to change.
    ///
    /// Answer with a [`ConversationModification`](super::ConversationModification) to
    /// change its friendly name, or [`PreActionResponse::Reject`](super::PreActionResponse::Reject).
    ConversationUpdate {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: its unique name, if set. (The table does not mark it optional; a
        /// conversation need not have one.)
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service it uses; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// `State`: its state.
        state: ConversationState = required_wire("State"),
    }

    /// `onConversationUpdated` (post-action): a conversation changed.
    ConversationUpdated {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: its unique name, if set.
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service it uses; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// `State`: its state.
        state: ConversationState = required_wire("State"),
    }

    /// `onConversationRemove` (pre-action): a conversation is about to be removed from
    /// its service.
    ConversationRemove {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: its unique name, if set. (The table does not mark it optional; a
        /// conversation need not have one.)
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service it uses; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// `State`: its state.
        state: ConversationState = required_wire("State"),
    }

    /// `onConversationRemoved` (post-action): a conversation was removed from its
    /// service.
    ConversationRemoved {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `DateRemoved`: when it was removed.
        date_removed: Timestamp = required_timestamp("DateRemoved"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `UniqueName`: its unique name, if set.
        unique_name: Option<String> = text("UniqueName"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `MessagingServiceSid`: the Messaging Service it used; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// `State`: its state.
        state: ConversationState = required_wire("State"),
    }

    /// `onConversationStateUpdated` (post-action, no pre-action): a conversation's state
    /// changed, for example from `active` to `inactive`.
    ConversationStateUpdated {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `StateUpdated`: when its state changed.
        state_updated: Timestamp = required_timestamp("StateUpdated"),
        /// `StateFrom`: the state before.
        state_from: ConversationState = required_wire("StateFrom"),
        /// `StateTo`: the state after.
        state_to: ConversationState = required_wire("StateTo"),
        /// `Reason`: what changed it; `None` when not sent.
        reason: Option<StateChangeReason> = wire("Reason"),
        /// `MessagingServiceSid`: the Messaging Service it uses; `None` when not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
    }
}

wire_enum! {
    /// What changed a conversation's state (`Reason` of `onConversationStateUpdated`),
    /// documented as `API`, `TIMER` or `EVENT`.
    pub enum StateChangeReason {
        Api = "API",
        Timer = "TIMER",
        Event = "EVENT",
    }
}
