//! Message events: `onMessageAdd`, `onMessageAdded`, `onMessageUpdate`,
//! `onMessageUpdated`, `onMessageRemove` and `onMessageRemoved`.
//!
//! `Body` is optional here though the tables do not say so: a message with media only
//! has none.

use serde_json::Value;

use super::Media;
use super::fields::declare::event;
use crate::prefix::{CH, IM, MB, MG};
use crate::{Sid, Timestamp};

event! {
    /// `onMessageAdd` (pre-action): a message is about to be posted to a conversation. It
    /// has no SID yet.
    ///
    /// Answer with a [`MessageModification`](super::MessageModification) to change its
    /// body, author or attributes, or [`PreActionResponse::Reject`](super::PreActionResponse::Reject).
    MessageAdd {
        /// `ConversationSid`: the conversation the message is being added to.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `Body`: the message's text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: the message's author: an identity, an address such as a phone number,
        /// or `system`.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }

    /// `onMessageAdded` (post-action): a message was posted to a conversation.
    MessageAdded {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `MessagingServiceSid`: the Messaging Service of the conversation; `None` when
        /// not sent.
        messaging_service_sid: Option<Sid<MG>> = sid("MessagingServiceSid"),
        /// `Index`: the message's place in the conversation's messages.
        index: u64 = required_integer("Index"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `Body`: its text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: its author: an identity, an address such as a phone number, or
        /// `system`.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }

    /// `onMessageUpdate` (pre-action): a message's body or attributes are about to
    /// change.
    ///
    /// Answer with a [`MessageModification`](super::MessageModification) to change its
    /// body, author or attributes, or [`PreActionResponse::Reject`](super::PreActionResponse::Reject).
    MessageUpdate {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `Index`: its place in the conversation's messages.
        index: u64 = required_integer("Index"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Body`: its text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: its author.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }

    /// `onMessageUpdated` (post-action): a message's body or attributes changed.
    MessageUpdated {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `Index`: its place in the conversation's messages.
        index: u64 = required_integer("Index"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Body`: its text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: its author.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }

    /// `onMessageRemove` (pre-action): a message is about to be deleted from a
    /// conversation.
    MessageRemove {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `Index`: its place in the conversation's messages.
        index: u64 = required_integer("Index"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Body`: its text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: its author.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }

    /// `onMessageRemoved` (post-action): a message was deleted from a conversation.
    MessageRemoved {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `Index`: its place in the conversation's messages.
        index: u64 = required_integer("Index"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `DateRemoved`: when it was removed.
        date_removed: Timestamp = required_timestamp("DateRemoved"),
        /// `Body`: its text, if any.
        body: Option<String> = text("Body"),
        /// `Author`: its author.
        author: String = required_text("Author"),
        /// `ParticipantSid`: the participant who wrote it, if its author is one.
        participant_sid: Option<Sid<MB>> = sid("ParticipantSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `Media`: its media (empty when none).
        media: Vec<Media> = media("Media"),
    }
}
