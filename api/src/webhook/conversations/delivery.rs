//! The delivery event: `onDeliveryUpdated`.

use super::fields::declare::event;
use crate::conversations::v1::ConversationMessageReceiptDeliveryStatus;
use crate::prefix::{CH, DY, IM, MB};
use crate::{Sid, Timestamp};

event! {
    /// `onDeliveryUpdated` (post-action, no pre-action): the delivery status of a message
    /// to a non-chat participant changed. Event Streams does not carry this event.
    ///
    /// `AccountSid` and `ChatServiceSid`, which the documentation lists for it, are in
    /// [`Common`](super::Common).
    DeliveryUpdated {
        /// `ConversationSid`: the conversation.
        conversation_sid: Sid<CH> = required_sid("ConversationSid"),
        /// `MessageSid`: the message.
        message_sid: Sid<IM> = required_sid("MessageSid"),
        /// `DeliveryReceiptSid`: the delivery receipt.
        delivery_receipt_sid: Sid<DY> = required_sid("DeliveryReceiptSid"),
        /// `ChannelMessageSid`: the message on its channel, such as `SM…` for SMS or `WA…`
        /// for WhatsApp (its prefix depends on the channel, so it is text); `None` when
        /// not sent.
        channel_message_sid: Option<String> = text("ChannelMessageSid"),
        /// `ParticipantSid`: the participant the message is delivered to.
        participant_sid: Sid<MB> = required_sid("ParticipantSid"),
        /// `Status`: the delivery status, documented as one of `read`, `failed`,
        /// `delivered`, `undelivered`, `sent`.
        status: ConversationMessageReceiptDeliveryStatus = required_wire("Status"),
        /// `ErrorCode`: Twilio's error code for a failed delivery; `None` when not sent.
        error_code: Option<u32> = integer("ErrorCode"),
        /// `DateCreated`: when the receipt was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when the receipt was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
    }
}
