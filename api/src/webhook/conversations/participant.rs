//! Participant events: `onParticipantAdd`, `onParticipantAdded`, `onParticipantUpdate`,
//! `onParticipantUpdated`, `onParticipantRemove` and `onParticipantRemoved`.
//!
//! The documentation: "A Conversation Participant has either the Identity (and
//! MessagingBinding ProjectedAddress for GroupMMS Participant) or MessagingBinding
//! ProxyAddress and Address attributes filled in": a chat participant has an
//! `identity`, an SMS or WhatsApp one a [`MessagingBinding`] with both addresses.

use serde_json::Value;

use super::MessagingBinding;
use super::fields::declare::event;
use crate::prefix::{CH, MB, RL};
use crate::{Sid, Timestamp};

event! {
    /// `onParticipantAdd` (pre-action): a participant is about to join a conversation. It
    /// has no SID yet.
    ParticipantAdd {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `Identity`: the identity of the chat user being added; `None` for an SMS or
        /// WhatsApp participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: the role the participant will have, if sent.
        role_sid: Option<Sid<RL>> = sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
    }

    /// `onParticipantAdded` (post-action): a participant joined a conversation.
    ParticipantAdded {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `ParticipantSid`: the participant.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `Identity`: the identity of the chat user; `None` for an SMS or WhatsApp
        /// participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
    }

    /// `onParticipantUpdate` (pre-action): a participant's configurable attributes are
    /// about to change (not fired for reachability).
    ParticipantUpdate {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `ParticipantSid`: the participant.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Identity`: the identity of the chat user; `None` for an SMS or WhatsApp
        /// participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
    }

    /// `onParticipantUpdated` (post-action): a participant's configurable attributes
    /// changed (not fired for reachability).
    ParticipantUpdated {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `ParticipantSid`: the participant.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Identity`: the identity of the chat user; `None` for an SMS or WhatsApp
        /// participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
        /// `LastReadMessageIndex`: the index of the last message the participant read;
        /// `None` when it has read none (or it is not sent).
        last_read_message_index: Option<u64> = integer("LastReadMessageIndex"),
    }

    /// `onParticipantRemove` (pre-action): a participant is about to be removed from a
    /// conversation.
    ParticipantRemove {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `ParticipantSid`: the participant.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Identity`: the identity of the chat user; `None` for an SMS or WhatsApp
        /// participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
    }

    /// `onParticipantRemoved` (post-action): a participant was removed from a
    /// conversation.
    ParticipantRemoved {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `ParticipantSid`: the participant.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `DateRemoved`: when it was removed.
        date_removed: Timestamp = required_timestamp("DateRemoved"),
        /// `Identity`: the identity of the chat user; `None` for an SMS or WhatsApp
        /// participant.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// The `MessagingBinding.*` parameters (with `Type`).
        messaging_binding: MessagingBinding = messaging_binding(),
    }
}
