//! Conversations' webhooks, typed: the events Twilio sends, and the answers to pre-action
//! ones.
//!
//! Twilio Conversations calls a service's pre-action and post-action webhooks with an
//! `application/x-www-form-urlencoded` body whose `EventType` names the event
//! ([Conversations Webhooks](https://www.twilio.com/docs/conversations/conversations-webhooks)).
//! [`Event::from_form`] reads such a body into an [`Event`]: one variant per documented
//! event, each a struct with a typed field per parameter of the event's table (SIDs as
//! [`Sid`](crate::Sid), dates as [`Timestamp`](crate::Timestamp), stringified JSON as
//! [`serde_json::Value`], media as [`Media`]), and [`Event::Unknown`] for an `EventType`
//! Twilio adds later.
//!
//! Pre-action events (`onMessageAdd`, `onConversationUpdate`...) come before the action
//! is published, and Twilio waits up to 5 seconds for the answer: a
//! [`PreActionResponse`] accepts, modifies (as [`MessageModification`] or
//! [`ConversationModification`] say) or rejects the action.
//!
//! ```
//! use serde_json::json;
//! use twill_api::webhook::conversations::{Event, MessageModification, PreActionResponse};
//!
//! // The body of an `onMessageAdd` request (verify its signature first).
//! let body = "EventType=onMessageAdd\
//!     &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
//!     &ConversationSid=CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
//!     &Source=SDK&ClientIdentity=alice&Author=alice\
//!     &Body=Hello+darn+world&Attributes=%7B%22priority%22%3A1%7D";
//!
//! let event = Event::from_form(body.as_bytes())?;
//! assert!(event.is_pre_action());
//! let response = match &event {
//!     Event::MessageAdd(message) => {
//!         assert_eq!(message.conversation_sid.as_str(), "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
//!         assert_eq!(message.attributes["priority"], 1);
//!         match message.body.as_deref() {
//!             Some(text) if text.contains("forbidden") => PreActionResponse::Reject,
//!             Some(text) => MessageModification::default()
//!                 .body(text.replace("darn", "****"))
//!                 .into(),
//!             None => PreActionResponse::Accept,
//!         }
//!     }
//!     // Post-action events, and events added later, need only a `200 OK`.
//!     _ => PreActionResponse::Accept,
//! };
//!
//! assert_eq!(response.status(), 200);
//! assert_eq!(response.body().as_deref(), Some(r#"{"body":"Hello **** world"}"#));
//! # Ok::<(), twill_api::webhook::conversations::EventError>(())
//! ```
//!
//! # How values are read
//!
//! Twilio's requests are read as they really come, which the parameter tables do not
//! always say:
//!
//! - A parameter the documentation marks optional is an `Option`, and so are some it does
//!   not, which Twilio may leave out: a conversation's `UniqueName`, a media-only
//!   message's `Body`, a new participant's `RoleSid`. An empty value (`Name=`) is the
//!   same as none.
//! - `Attributes` is stringified JSON; when it is not sent it reads as `{}`, as Twilio
//!   writes unset attributes. Invalid JSON is an error.
//! - Dates are ISO 8601 with an offset (`2020-01-02T03:04:05.678Z`).
//! - String enums ([`Source`], [`BindingType`], conversation states, delivery statuses)
//!   keep a value not documented yet in their `Unknown` variant.
//! - A parameter sent twice counts by its first value; all of them, and parameters the
//!   event's struct has no field for, are in [`Event::params`].
//!
//! A request that does not parse is an [`EventError`] naming the parameter. Answering a
//! pre-action webhook with an error status rejects the action: when a pre-action event
//! fails to parse, an empty `200 OK` lets the action through instead.

mod common;
mod conversation;
mod delivery;
mod error;
mod event;
mod fields;
mod message;
mod participant;
mod response;
mod user;

pub use self::common::{Common, Source};
pub use self::conversation::{
    ConversationAdd, ConversationAdded, ConversationRemove, ConversationRemoved,
    ConversationStateUpdated, ConversationUpdate, ConversationUpdated, StateChangeReason,
};
pub use self::delivery::DeliveryUpdated;
pub use self::error::{EventError, EventErrorKind};
pub use self::event::{Event, UnknownEvent};
pub use self::fields::{BindingType, Media, MessagingBinding};
pub use self::message::{
    MessageAdd, MessageAdded, MessageRemove, MessageRemoved, MessageUpdate, MessageUpdated,
};
pub use self::participant::{
    ParticipantAdd, ParticipantAdded, ParticipantRemove, ParticipantRemoved, ParticipantUpdate,
    ParticipantUpdated,
};
pub use self::response::{
    ConversationModification, MessageModification, Modification, PreActionResponse,
};
pub use self::user::{UserAdded, UserUpdate, UserUpdated};
