//! `twill_api::webhook::conversations`: every documented event read from a realistic
//! form body, field by field; unknown events; typed errors; pre-action answers.
//!
//! The parameter names and tables are those of Twilio's "Conversations Webhooks" page
//! (https://www.twilio.com/docs/conversations/conversations-webhooks, sections "Webhook
//! Bodies by Event Type", "Pre-action Webhooks Request Parameters" and "Post Action
//! Webhooks request parameters"). The page shows no request body, so the bodies here
//! are built from those names with `serde_urlencoded`, as Twilio sends them
//! (`application/x-www-form-urlencoded`). The answers are compared with the page's own
//! examples ("Modifiable Fields").

use serde_json::{Value, json};
use twill_api::Timestamp;
use twill_api::conversations::v1::{ConversationMessageReceiptDeliveryStatus, ConversationState};
use twill_api::webhook::conversations::{
    BindingType, ConversationModification, Event, EventError, EventErrorKind, Media,
    MessageModification, MessagingBinding, Modification, PreActionResponse, Source,
    StateChangeReason,
};
use twill_api::{ValidationErrorKind, prefix};

/// A SID of the given prefix: the prefix, then 32 hex digits, ending in `tail`.
fn sid(prefix: &str, tail: char) -> String {
    format!("{prefix}0123456789abcdef0123456789abcde{tail}")
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a test timestamp")
}

const CREATED: &str = "2024-05-06T07:08:09.123Z";
const UPDATED: &str = "2024-05-06T08:00:00Z";
const REMOVED: &str = "2024-05-07T10:11:12.500Z";

/// A request's parameters, built up in order.
#[derive(Clone)]
struct Form(Vec<(String, String)>);

impl Form {
    /// `EventType` and the parameters every request has.
    fn new(event_type: &str) -> Form {
        Form(Vec::new())
            .with("EventType", event_type)
            .with("AccountSid", &sid("AC", '1'))
            .with("Source", "SDK")
            .with("ClientIdentity", "alice@example.com")
    }

    fn with(mut self, name: &str, value: &str) -> Form {
        self.0.push((name.to_owned(), value.to_owned()));
        self
    }

    fn without(mut self, name: &str) -> Form {
        self.0.retain(|(key, _)| key != name);
        self
    }

    fn set(self, name: &str, value: &str) -> Form {
        self.without(name).with(name, value)
    }

    /// The urlencoded body.
    fn body(&self) -> String {
        serde_urlencoded::to_string(&self.0).expect("a form of strings")
    }

    fn parse(&self) -> Result<Event, EventError> {
        Event::from_form(self.body().as_bytes())
    }

    fn event(&self) -> Event {
        let event = self.parse().expect("a valid event");
        // The same pairs, already decoded, give the same event.
        assert_eq!(Event::from_pairs(&self.0).expect("a valid event"), event);
        event
    }

    fn error(&self) -> EventError {
        self.parse().expect_err("an invalid event")
    }
}

fn attributes() -> Value {
    json!({"topic": "billing", "vip": true, "nested": {"n": [1, 2]}})
}

fn media_json() -> String {
    json!([
        {
            "Sid": sid("ME", '1'),
            "Filename": "receipt.pdf",
            "ContentType": "application/pdf",
            "Size": 48213,
            "Category": "media",
        },
        {
            "Sid": sid("ME", '2'),
            "ContentType": "image/png",
            "Size": 1024,
        },
    ])
    .to_string()
}

/// The media of [`media_json`].
fn check_media(media: &[Media]) {
    assert_eq!(media.len(), 2);
    assert_eq!(media[0].sid.as_str(), sid("ME", '1'));
    assert_eq!(media[0].content_type, "application/pdf");
    assert_eq!(media[0].filename.as_deref(), Some("receipt.pdf"));
    assert_eq!(media[0].size, 48213);
    assert_eq!(media[0].category.as_deref(), Some("media"));
    assert_eq!(media[1].sid.as_str(), sid("ME", '2'));
    assert_eq!(media[1].content_type, "image/png");
    assert_eq!(media[1].filename, None);
    assert_eq!(media[1].size, 1024);
    assert_eq!(media[1].category, None);
}

/// The parameters of a message event's table, without `EventType`-specific ones.
fn message_form(event_type: &str) -> Form {
    Form::new(event_type)
        .with("ConversationSid", &sid("CH", '1'))
        .with("Body", "Ahoy! Is my order on its way?")
        .with("Author", "+15555550100")
        .with("ParticipantSid", &sid("MB", '1'))
        .with("Attributes", &attributes().to_string())
        .with("Media", &media_json())
}

fn existing_message_form(event_type: &str) -> Form {
    message_form(event_type)
        .with("MessageSid", &sid("IM", '1'))
        .with("Index", "42")
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
}

#[test]
fn on_message_add() {
    let event = message_form("onMessageAdd").event();
    assert_eq!(event.event_type(), "onMessageAdd");
    assert!(event.is_pre_action());
    let Event::MessageAdd(message) = event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    assert_eq!(message.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(
        message.body.as_deref(),
        Some("Ahoy! Is my order on its way?")
    );
    assert_eq!(message.author, "+15555550100");
    assert_eq!(
        message.participant_sid.map(|s| s.to_string()),
        Some(sid("MB", '1'))
    );
    assert_eq!(message.attributes, attributes());
    check_media(&message.media);
}

#[test]
fn on_message_added() {
    let form = message_form("onMessageAdded")
        .with("MessageSid", &sid("IM", '1'))
        .with("MessagingServiceSid", &sid("MG", '1'))
        .with("Index", "0")
        .with("DateCreated", CREATED);
    let event = form.event();
    assert!(!event.is_pre_action());
    let Event::MessageAdded(message) = event else {
        panic!("expected MessageAdded, got {event:?}");
    };
    assert_eq!(message.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(message.message_sid.as_str(), sid("IM", '1'));
    assert_eq!(
        message.messaging_service_sid.map(|s| s.to_string()),
        Some(sid("MG", '1'))
    );
    assert_eq!(message.index, 0);
    assert_eq!(message.date_created, at(CREATED));
    assert_eq!(
        message.body.as_deref(),
        Some("Ahoy! Is my order on its way?")
    );
    assert_eq!(message.author, "+15555550100");
    assert_eq!(
        message.participant_sid.map(|s| s.to_string()),
        Some(sid("MB", '1'))
    );
    assert_eq!(message.attributes, attributes());
    check_media(&message.media);
}

#[test]
fn on_message_update_and_updated_and_remove() {
    for event_type in ["onMessageUpdate", "onMessageUpdated", "onMessageRemove"] {
        let event = existing_message_form(event_type).event();
        assert_eq!(event.event_type(), event_type);
        assert_eq!(event.is_pre_action(), event_type != "onMessageUpdated");
        let (
            conversation,
            message,
            index,
            created,
            updated,
            body,
            author,
            participant,
            attrs,
            media,
        ) = match &event {
            Event::MessageUpdate(m) => (
                &m.conversation_sid,
                &m.message_sid,
                m.index,
                m.date_created,
                m.date_updated,
                &m.body,
                &m.author,
                &m.participant_sid,
                &m.attributes,
                &m.media,
            ),
            Event::MessageUpdated(m) => (
                &m.conversation_sid,
                &m.message_sid,
                m.index,
                m.date_created,
                m.date_updated,
                &m.body,
                &m.author,
                &m.participant_sid,
                &m.attributes,
                &m.media,
            ),
            Event::MessageRemove(m) => (
                &m.conversation_sid,
                &m.message_sid,
                m.index,
                m.date_created,
                m.date_updated,
                &m.body,
                &m.author,
                &m.participant_sid,
                &m.attributes,
                &m.media,
            ),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(conversation.as_str(), sid("CH", '1'));
        assert_eq!(message.as_str(), sid("IM", '1'));
        assert_eq!(index, 42);
        assert_eq!(created, at(CREATED));
        assert_eq!(updated, at(UPDATED));
        assert_eq!(body.as_deref(), Some("Ahoy! Is my order on its way?"));
        assert_eq!(author, "+15555550100");
        assert_eq!(participant.map(|s| s.to_string()), Some(sid("MB", '1')));
        assert_eq!(*attrs, attributes());
        check_media(media);
    }
}

#[test]
fn on_message_removed() {
    let event = existing_message_form("onMessageRemoved")
        .with("DateRemoved", REMOVED)
        .event();
    let Event::MessageRemoved(message) = event else {
        panic!("expected MessageRemoved, got {event:?}");
    };
    assert_eq!(message.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(message.message_sid.as_str(), sid("IM", '1'));
    assert_eq!(message.index, 42);
    assert_eq!(message.date_created, at(CREATED));
    assert_eq!(message.date_updated, at(UPDATED));
    assert_eq!(message.date_removed, at(REMOVED));
    assert_eq!(
        message.body.as_deref(),
        Some("Ahoy! Is my order on its way?")
    );
    assert_eq!(message.author, "+15555550100");
    assert_eq!(
        message.participant_sid.map(|s| s.to_string()),
        Some(sid("MB", '1'))
    );
    assert_eq!(message.attributes, attributes());
    check_media(&message.media);
}

#[test]
fn a_media_only_system_message_has_no_body_participant_or_attributes() {
    // `Body` and `Attributes` empty, `ParticipantSid` and `Media` absent: what a system
    // message with no text looks like.
    let event = Form::new("onMessageAdd")
        .with("ConversationSid", &sid("CH", '1'))
        .with("Author", "system")
        .with("Body", "")
        .with("Attributes", "")
        .event();
    let Event::MessageAdd(message) = event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    assert_eq!(message.body, None);
    assert_eq!(message.author, "system");
    assert_eq!(message.participant_sid, None);
    assert_eq!(message.attributes, json!({}));
    assert!(message.media.is_empty());
}

/// The parameters of a conversation event's table about the conversation itself.
fn conversation_form(event_type: &str) -> Form {
    Form::new(event_type)
        .with("FriendlyName", "Order #1234")
        .with("UniqueName", "order-1234")
        .with("Attributes", &attributes().to_string())
        .with("ChatServiceSid", &sid("IS", '1'))
        .with("MessagingServiceSid", &sid("MG", '1'))
        .with("State", "active")
}

fn creator_binding(form: Form) -> Form {
    form.with("MessagingBinding.ProxyAddress", "+15555550199")
        .with("MessagingBinding.Address", "+15555550100")
        .with("MessagingBinding.ProjectedAddress", "+15555550198")
        .with("MessagingBinding.AuthorAddress", "+15555550101")
}

fn check_creator_binding(binding: &MessagingBinding) {
    assert_eq!(binding.proxy_address.as_deref(), Some("+15555550199"));
    assert_eq!(binding.address.as_deref(), Some("+15555550100"));
    assert_eq!(binding.projected_address.as_deref(), Some("+15555550198"));
    assert_eq!(binding.author_address.as_deref(), Some("+15555550101"));
    assert_eq!(binding.binding_type, None);
    assert!(!binding.is_empty());
}

#[test]
fn on_conversation_add() {
    let form = creator_binding(conversation_form("onConversationAdd"))
        .with("MessageBody", "Hi, I need help")
        .with("Media", &media_json());
    let event = form.event();
    assert!(event.is_pre_action());
    let common = event.common().expect("a documented event").clone();
    assert_eq!(
        common.chat_service_sid.map(|s| s.to_string()),
        Some(sid("IS", '1'))
    );
    let Event::ConversationAdd(conversation) = event else {
        panic!("expected ConversationAdd, got {event:?}");
    };
    assert_eq!(conversation.friendly_name.as_deref(), Some("Order #1234"));
    assert_eq!(conversation.unique_name.as_deref(), Some("order-1234"));
    assert_eq!(conversation.attributes, attributes());
    assert_eq!(
        conversation.messaging_service_sid.map(|s| s.to_string()),
        Some(sid("MG", '1'))
    );
    check_creator_binding(&conversation.messaging_binding);
    assert_eq!(
        conversation.message_body.as_deref(),
        Some("Hi, I need help")
    );
    check_media(&conversation.media);
    assert_eq!(conversation.state, Some(ConversationState::Active));
}

#[test]
fn on_conversation_add_from_the_rest_api_has_no_binding() {
    let event = Form::new("onConversationAdd").with("Source", "API").event();
    let Event::ConversationAdd(conversation) = event else {
        panic!("expected ConversationAdd, got {event:?}");
    };
    assert!(conversation.messaging_binding.is_empty());
    assert_eq!(conversation.friendly_name, None);
    assert_eq!(conversation.unique_name, None);
    assert_eq!(conversation.attributes, json!({}));
    assert!(conversation.media.is_empty());
    assert_eq!(conversation.state, None);
}

#[test]
fn on_conversation_added() {
    let form = creator_binding(conversation_form("onConversationAdded"))
        .with("ConversationSid", &sid("CH", '2'))
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED);
    let event = form.event();
    assert!(!event.is_pre_action());
    let Event::ConversationAdded(conversation) = event else {
        panic!("expected ConversationAdded, got {event:?}");
    };
    assert_eq!(conversation.conversation_sid.as_str(), sid("CH", '2'));
    assert_eq!(conversation.date_created, at(CREATED));
    assert_eq!(conversation.date_updated, at(UPDATED));
    assert_eq!(conversation.friendly_name.as_deref(), Some("Order #1234"));
    assert_eq!(conversation.unique_name.as_deref(), Some("order-1234"));
    assert_eq!(conversation.attributes, attributes());
    assert_eq!(
        conversation.messaging_service_sid.map(|s| s.to_string()),
        Some(sid("MG", '1'))
    );
    check_creator_binding(&conversation.messaging_binding);
    assert_eq!(conversation.state, ConversationState::Active);
}

#[test]
fn on_conversation_update_updated_and_remove() {
    for event_type in [
        "onConversationUpdate",
        "onConversationUpdated",
        "onConversationRemove",
    ] {
        let event = conversation_form(event_type)
            .with("ConversationSid", &sid("CH", '3'))
            .with("DateCreated", CREATED)
            .with("DateUpdated", UPDATED)
            .set("State", "inactive")
            .event();
        assert_eq!(event.event_type(), event_type);
        assert_eq!(event.is_pre_action(), event_type != "onConversationUpdated");
        let (conversation, created, updated, name, unique, attrs, service, state) = match &event {
            Event::ConversationUpdate(c) => (
                &c.conversation_sid,
                c.date_created,
                c.date_updated,
                &c.friendly_name,
                &c.unique_name,
                &c.attributes,
                &c.messaging_service_sid,
                &c.state,
            ),
            Event::ConversationUpdated(c) => (
                &c.conversation_sid,
                c.date_created,
                c.date_updated,
                &c.friendly_name,
                &c.unique_name,
                &c.attributes,
                &c.messaging_service_sid,
                &c.state,
            ),
            Event::ConversationRemove(c) => (
                &c.conversation_sid,
                c.date_created,
                c.date_updated,
                &c.friendly_name,
                &c.unique_name,
                &c.attributes,
                &c.messaging_service_sid,
                &c.state,
            ),
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(conversation.as_str(), sid("CH", '3'));
        assert_eq!(created, at(CREATED));
        assert_eq!(updated, at(UPDATED));
        assert_eq!(name.as_deref(), Some("Order #1234"));
        assert_eq!(unique.as_deref(), Some("order-1234"));
        assert_eq!(*attrs, attributes());
        assert_eq!(service.map(|s| s.to_string()), Some(sid("MG", '1')));
        assert_eq!(*state, ConversationState::Inactive);
        let common = event.common().expect("a documented event");
        assert_eq!(
            common.chat_service_sid.map(|s| s.to_string()),
            Some(sid("IS", '1'))
        );
    }
}

#[test]
fn on_conversation_removed() {
    let event = conversation_form("onConversationRemoved")
        .with("ConversationSid", &sid("CH", '4'))
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .with("DateRemoved", REMOVED)
        .set("State", "closed")
        .event();
    let Event::ConversationRemoved(conversation) = event else {
        panic!("expected ConversationRemoved, got {event:?}");
    };
    assert_eq!(conversation.conversation_sid.as_str(), sid("CH", '4'));
    assert_eq!(conversation.date_created, at(CREATED));
    assert_eq!(conversation.date_updated, at(UPDATED));
    assert_eq!(conversation.date_removed, at(REMOVED));
    assert_eq!(conversation.friendly_name.as_deref(), Some("Order #1234"));
    assert_eq!(conversation.unique_name.as_deref(), Some("order-1234"));
    assert_eq!(conversation.attributes, attributes());
    assert_eq!(
        conversation.messaging_service_sid.map(|s| s.to_string()),
        Some(sid("MG", '1'))
    );
    assert_eq!(conversation.state, ConversationState::Closed);
}

#[test]
fn on_conversation_state_updated() {
    let event = Form::new("onConversationStateUpdated")
        .set("Source", "API")
        .with("ChatServiceSid", &sid("IS", '1'))
        .with("StateUpdated", CREATED)
        .with("StateFrom", "active")
        .with("StateTo", "inactive")
        .with("ConversationSid", &sid("CH", '5'))
        .with("Reason", "TIMER")
        .with("MessagingServiceSid", &sid("MG", '1'))
        .event();
    assert!(!event.is_pre_action());
    assert_eq!(
        event.common().expect("a documented event").source,
        Some(Source::Api)
    );
    let Event::ConversationStateUpdated(state) = event else {
        panic!("expected ConversationStateUpdated, got {event:?}");
    };
    assert_eq!(state.conversation_sid.as_str(), sid("CH", '5'));
    assert_eq!(state.state_updated, at(CREATED));
    assert_eq!(state.state_from, ConversationState::Active);
    assert_eq!(state.state_to, ConversationState::Inactive);
    assert_eq!(state.reason, Some(StateChangeReason::Timer));
    assert_eq!(
        state.messaging_service_sid.map(|s| s.to_string()),
        Some(sid("MG", '1'))
    );
}

/// The parameters of a participant event's table, for an SMS participant.
fn participant_form(event_type: &str) -> Form {
    Form::new(event_type)
        .with("ConversationSid", &sid("CH", '1'))
        .with("RoleSid", &sid("RL", '1'))
        .with("Attributes", &attributes().to_string())
        .with("MessagingBinding.ProxyAddress", "+15555550199")
        .with("MessagingBinding.Address", "+15555550100")
        .with("MessagingBinding.Type", "SMS")
}

fn check_participant_binding(binding: &MessagingBinding) {
    assert_eq!(binding.proxy_address.as_deref(), Some("+15555550199"));
    assert_eq!(binding.address.as_deref(), Some("+15555550100"));
    assert_eq!(binding.projected_address, None);
    assert_eq!(binding.author_address, None);
    assert_eq!(binding.binding_type, Some(BindingType::Sms));
}

#[test]
fn on_participant_add() {
    let event = participant_form("onParticipantAdd").event();
    assert!(event.is_pre_action());
    let Event::ParticipantAdd(participant) = event else {
        panic!("expected ParticipantAdd, got {event:?}");
    };
    assert_eq!(participant.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(participant.identity, None);
    assert_eq!(
        participant.role_sid.map(|s| s.to_string()),
        Some(sid("RL", '1'))
    );
    assert_eq!(participant.attributes, attributes());
    check_participant_binding(&participant.messaging_binding);
}

#[test]
fn on_participant_add_for_a_chat_user() {
    let event = Form::new("onParticipantAdd")
        .with("ConversationSid", &sid("CH", '1'))
        .with("Identity", "bob")
        .with("MessagingBinding.ProjectedAddress", "+15555550198")
        .with("MessagingBinding.Type", "CHAT")
        .event();
    let Event::ParticipantAdd(participant) = event else {
        panic!("expected ParticipantAdd, got {event:?}");
    };
    assert_eq!(participant.identity.as_deref(), Some("bob"));
    assert_eq!(participant.role_sid, None);
    let binding = &participant.messaging_binding;
    assert_eq!(binding.address, None);
    assert_eq!(binding.proxy_address, None);
    assert_eq!(binding.projected_address.as_deref(), Some("+15555550198"));
    assert_eq!(binding.binding_type, Some(BindingType::Chat));
}

#[test]
fn on_participant_added() {
    let event = participant_form("onParticipantAdded")
        .with("ParticipantSid", &sid("MB", '2'))
        .with("DateCreated", CREATED)
        .set("MessagingBinding.Type", "WHATSAPP")
        .event();
    let Event::ParticipantAdded(participant) = event else {
        panic!("expected ParticipantAdded, got {event:?}");
    };
    assert_eq!(participant.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(participant.participant_sid.as_str(), sid("MB", '2'));
    assert_eq!(participant.date_created, at(CREATED));
    assert_eq!(participant.identity, None);
    assert_eq!(participant.role_sid.as_str(), sid("RL", '1'));
    assert_eq!(participant.attributes, attributes());
    assert_eq!(
        participant.messaging_binding.binding_type,
        Some(BindingType::WhatsApp)
    );
}

#[test]
fn on_participant_update_and_remove() {
    for event_type in ["onParticipantUpdate", "onParticipantRemove"] {
        let event = participant_form(event_type)
            .with("ParticipantSid", &sid("MB", '3'))
            .with("DateCreated", CREATED)
            .with("DateUpdated", UPDATED)
            .event();
        assert!(event.is_pre_action());
        let (conversation, participant, created, updated, identity, role, attrs, binding) =
            match &event {
                Event::ParticipantUpdate(p) => (
                    &p.conversation_sid,
                    &p.participant_sid,
                    p.date_created,
                    p.date_updated,
                    &p.identity,
                    &p.role_sid,
                    &p.attributes,
                    &p.messaging_binding,
                ),
                Event::ParticipantRemove(p) => (
                    &p.conversation_sid,
                    &p.participant_sid,
                    p.date_created,
                    p.date_updated,
                    &p.identity,
                    &p.role_sid,
                    &p.attributes,
                    &p.messaging_binding,
                ),
                other => panic!("unexpected {other:?}"),
            };
        assert_eq!(conversation.as_str(), sid("CH", '1'));
        assert_eq!(participant.as_str(), sid("MB", '3'));
        assert_eq!(created, at(CREATED));
        assert_eq!(updated, at(UPDATED));
        assert_eq!(*identity, None);
        assert_eq!(role.as_str(), sid("RL", '1'));
        assert_eq!(*attrs, attributes());
        check_participant_binding(binding);
    }
}

#[test]
fn on_participant_updated() {
    let event = participant_form("onParticipantUpdated")
        .with("ParticipantSid", &sid("MB", '4'))
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .with("LastReadMessageIndex", "17")
        .event();
    assert!(!event.is_pre_action());
    let Event::ParticipantUpdated(participant) = event else {
        panic!("expected ParticipantUpdated, got {event:?}");
    };
    assert_eq!(participant.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(participant.participant_sid.as_str(), sid("MB", '4'));
    assert_eq!(participant.date_created, at(CREATED));
    assert_eq!(participant.date_updated, at(UPDATED));
    assert_eq!(participant.identity, None);
    assert_eq!(participant.role_sid.as_str(), sid("RL", '1'));
    assert_eq!(participant.attributes, attributes());
    check_participant_binding(&participant.messaging_binding);
    assert_eq!(participant.last_read_message_index, Some(17));
}

#[test]
fn on_participant_removed() {
    let event = participant_form("onParticipantRemoved")
        .with("ParticipantSid", &sid("MB", '5'))
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .with("DateRemoved", REMOVED)
        .event();
    let Event::ParticipantRemoved(participant) = event else {
        panic!("expected ParticipantRemoved, got {event:?}");
    };
    assert_eq!(participant.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(participant.participant_sid.as_str(), sid("MB", '5'));
    assert_eq!(participant.date_created, at(CREATED));
    assert_eq!(participant.date_updated, at(UPDATED));
    assert_eq!(participant.date_removed, at(REMOVED));
    assert_eq!(participant.identity, None);
    assert_eq!(participant.role_sid.as_str(), sid("RL", '1'));
    assert_eq!(participant.attributes, attributes());
    check_participant_binding(&participant.messaging_binding);
}

#[test]
fn on_delivery_updated() {
    let event = Form::new("onDeliveryUpdated")
        .set("Source", "API")
        .without("ClientIdentity")
        .with("ConversationSid", &sid("CH", '1'))
        .with("ChatServiceSid", &sid("IS", '1'))
        .with("MessageSid", &sid("IM", '1'))
        .with("DeliveryReceiptSid", &sid("DY", '1'))
        .with("ChannelMessageSid", &sid("SM", '1'))
        .with("ParticipantSid", &sid("MB", '1'))
        .with("Status", "undelivered")
        .with("ErrorCode", "30006")
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .event();
    assert!(!event.is_pre_action());
    let common = event.common().expect("a documented event").clone();
    assert_eq!(common.account_sid.as_str(), sid("AC", '1'));
    assert_eq!(
        common.chat_service_sid.map(|s| s.to_string()),
        Some(sid("IS", '1'))
    );
    assert_eq!(common.client_identity, None);
    let Event::DeliveryUpdated(delivery) = event else {
        panic!("expected DeliveryUpdated, got {event:?}");
    };
    assert_eq!(delivery.conversation_sid.as_str(), sid("CH", '1'));
    assert_eq!(delivery.message_sid.as_str(), sid("IM", '1'));
    assert_eq!(delivery.delivery_receipt_sid.as_str(), sid("DY", '1'));
    assert_eq!(delivery.channel_message_sid, Some(sid("SM", '1')));
    assert_eq!(delivery.participant_sid.as_str(), sid("MB", '1'));
    assert_eq!(
        delivery.status,
        ConversationMessageReceiptDeliveryStatus::Undelivered
    );
    assert_eq!(delivery.error_code, Some(30006));
    assert_eq!(delivery.date_created, at(CREATED));
    assert_eq!(delivery.date_updated, at(UPDATED));
}

fn user_form(event_type: &str) -> Form {
    Form::new(event_type)
        .with("ChatServiceSid", &sid("IS", '1'))
        .with("UserSid", &sid("US", '1'))
        .with("Identity", "alice@example.com")
        .with("RoleSid", &sid("RL", '2'))
        .with("Attributes", &attributes().to_string())
        .with("FriendlyName", "Alice")
}

#[test]
fn on_user_update() {
    let event = user_form("onUserUpdate")
        .with("DateUpdated", UPDATED)
        .event();
    assert!(event.is_pre_action());
    let Event::UserUpdate(user) = event else {
        panic!("expected UserUpdate, got {event:?}");
    };
    assert_eq!(
        user.common.chat_service_sid.map(|s| s.to_string()),
        Some(sid("IS", '1'))
    );
    assert_eq!(user.user_sid.as_str(), sid("US", '1'));
    assert_eq!(user.date_updated, at(UPDATED));
    assert_eq!(user.identity.as_deref(), Some("alice@example.com"));
    assert_eq!(user.role_sid.as_str(), sid("RL", '2'));
    assert_eq!(user.attributes, attributes());
    assert_eq!(user.friendly_name.as_deref(), Some("Alice"));
}

#[test]
fn on_user_added() {
    let event = user_form("onUserAdded")
        .with("DateCreated", CREATED)
        .event();
    assert!(!event.is_pre_action());
    let Event::UserAdded(user) = event else {
        panic!("expected UserAdded, got {event:?}");
    };
    assert_eq!(user.user_sid.as_str(), sid("US", '1'));
    assert_eq!(user.date_created, at(CREATED));
    assert_eq!(user.identity.as_deref(), Some("alice@example.com"));
    assert_eq!(user.role_sid.as_str(), sid("RL", '2'));
    assert_eq!(user.attributes, attributes());
    assert_eq!(user.friendly_name.as_deref(), Some("Alice"));
}

#[test]
fn on_user_updated() {
    let event = user_form("onUserUpdated")
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .with("isOnline", "true")
        .with("isNotifiable", "False")
        .event();
    assert!(!event.is_pre_action());
    let Event::UserUpdated(user) = event else {
        panic!("expected UserUpdated, got {event:?}");
    };
    assert_eq!(user.user_sid.as_str(), sid("US", '1'));
    assert_eq!(user.date_created, at(CREATED));
    assert_eq!(user.date_updated, at(UPDATED));
    assert_eq!(user.identity.as_deref(), Some("alice@example.com"));
    assert_eq!(user.role_sid.as_str(), sid("RL", '2'));
    assert_eq!(user.attributes, attributes());
    assert_eq!(user.friendly_name.as_deref(), Some("Alice"));
    assert_eq!(user.is_online, Some(true));
    assert_eq!(user.is_notifiable, Some(false));
}

#[test]
fn every_documented_event_type_round_trips_and_only_pre_actions_say_so() {
    // The page's table of "Webhook Action Triggers": 10 pre-action, 13 post-action.
    let pre = [
        "onMessageAdd",
        "onMessageRemove",
        "onMessageUpdate",
        "onConversationAdd",
        "onConversationRemove",
        "onConversationUpdate",
        "onParticipantAdd",
        "onParticipantRemove",
        "onParticipantUpdate",
        "onUserUpdate",
    ];
    let post = [
        "onMessageAdded",
        "onMessageRemoved",
        "onMessageUpdated",
        "onConversationAdded",
        "onConversationRemoved",
        "onConversationUpdated",
        "onParticipantAdded",
        "onParticipantRemoved",
        "onParticipantUpdated",
        "onConversationStateUpdated",
        "onDeliveryUpdated",
        "onUserAdded",
        "onUserUpdated",
    ];
    // One form with every parameter any event needs: each event takes what it has.
    let everything = existing_message_form("")
        .with("DateRemoved", REMOVED)
        .with("ParticipantSid", &sid("MB", '1'))
        .with("MessagingServiceSid", &sid("MG", '1'))
        .with("State", "active")
        .with("StateUpdated", CREATED)
        .with("StateFrom", "active")
        .with("StateTo", "closed")
        .with("RoleSid", &sid("RL", '1'))
        .with("UserSid", &sid("US", '1'))
        .with("DeliveryReceiptSid", &sid("DY", '1'))
        .with("Status", "read");
    for event_type in pre.iter().chain(&post) {
        let event = everything.clone().set("EventType", event_type).event();
        assert_eq!(event.event_type(), *event_type);
        assert_eq!(
            event.is_pre_action(),
            pre.contains(event_type),
            "{event_type}"
        );
        assert!(!matches!(event, Event::Unknown(_)), "{event_type}");
        assert!(event.common().is_some());
    }
}

#[test]
fn common_parameters() {
    let event = message_form("onMessageAdd")
        .with("ChatServiceSid", &sid("IS", '1'))
        .with("RetryCount", "2")
        .with("WebhookSid", &sid("WH", '1'))
        .with("WebhookType", "webhook")
        .event();
    let common = event.common().expect("a documented event");
    assert_eq!(common.account_sid.as_str(), sid("AC", '1'));
    assert_eq!(common.source, Some(Source::Sdk));
    assert_eq!(common.client_identity.as_deref(), Some("alice@example.com"));
    assert_eq!(
        common.chat_service_sid.map(|s| s.to_string()),
        Some(sid("IS", '1'))
    );
    assert_eq!(common.retry_count, Some(2));
    assert_eq!(
        common.webhook_sid.map(|s| s.to_string()),
        Some(sid("WH", '1'))
    );
    // A parameter no struct has a field for is there as sent.
    assert_eq!(event.param("WebhookType"), Some("webhook"));
    assert_eq!(common.param("WebhookType"), Some("webhook"));
    assert_eq!(event.params().len(), 14);
    assert_eq!(
        event.params()[0],
        ("EventType".to_owned(), "onMessageAdd".to_owned())
    );
}

#[test]
fn an_undocumented_source_is_kept() {
    let event = message_form("onMessageAdd")
        .set("Source", "WHATSAPP")
        .event();
    let source = event.common().and_then(|c| c.source.clone());
    match source {
        Some(Source::Unknown(value)) => assert_eq!(value.as_str(), "WHATSAPP"),
        other => panic!("expected an unknown source, got {other:?}"),
    }
    let event = message_form("onMessageAdd").without("Source").event();
    assert_eq!(event.common().and_then(|c| c.source.clone()), None);
}

#[test]
fn undocumented_enum_values_are_kept() {
    let event = Form::new("onDeliveryUpdated")
        .with("ConversationSid", &sid("CH", '1'))
        .with("MessageSid", &sid("IM", '1'))
        .with("DeliveryReceiptSid", &sid("DY", '1'))
        .with("ParticipantSid", &sid("MB", '1'))
        .with("Status", "queued")
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .event();
    let Event::DeliveryUpdated(delivery) = event else {
        panic!("expected DeliveryUpdated, got {event:?}");
    };
    assert_eq!(delivery.status.as_str(), "queued");
    assert!(matches!(
        delivery.status,
        ConversationMessageReceiptDeliveryStatus::Unknown(_)
    ));
    assert_eq!(delivery.channel_message_sid, None);
    assert_eq!(delivery.error_code, None);
}

#[test]
fn an_unknown_event_type_keeps_every_pair() {
    let form = Form::new("onMessageReacted")
        .with("ConversationSid", "not even a SID")
        .with("Reaction", "👍")
        .with("Reaction", "🎉");
    let event = form.event();
    assert_eq!(event.event_type(), "onMessageReacted");
    assert!(!event.is_pre_action());
    assert!(event.common().is_none());
    let Event::Unknown(unknown) = &event else {
        panic!("expected Unknown, got {event:?}");
    };
    assert_eq!(unknown.event_type(), "onMessageReacted");
    assert_eq!(unknown.params(), form.0.as_slice());
    assert_eq!(unknown.param("Reaction"), Some("👍"));
    assert_eq!(unknown.param("AccountSid"), Some(sid("AC", '1').as_str()));
    assert_eq!(unknown.param("Missing"), None);
    assert_eq!(event.params(), form.0.as_slice());
}

#[test]
fn form_bodies_are_percent_decoded() {
    let body = format!(
        "EventType=onMessageAdd&AccountSid={}&ConversationSid={}&Author=%2B15555550100\
         &Body=caf%C3%A9+%26+cr%C3%A8me%3D%25",
        sid("AC", '1'),
        sid("CH", '1')
    );
    let event = Event::from_form(body.as_bytes()).expect("a valid event");
    let Event::MessageAdd(message) = event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    assert_eq!(message.author, "+15555550100");
    assert_eq!(message.body.as_deref(), Some("café & crème=%"));
}

#[test]
fn a_repeated_parameter_counts_by_its_first_value() {
    let event = message_form("onMessageAdd")
        .with("Author", "mallory")
        .with("MessagingBinding.Address", "+15555550100")
        .with("MessagingBinding.Address", "+15555550101")
        .event();
    let Event::MessageAdd(message) = &event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    assert_eq!(message.author, "+15555550100");
    let authors: Vec<_> = event
        .params()
        .iter()
        .filter(|(name, _)| name == "Author")
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(authors, ["+15555550100", "mallory"]);
}

#[test]
fn media_in_other_spellings_and_null() {
    let media = json!([
        {"MediaSid": sid("ME", '1'), "Filename": null, "ContentType": "image/jpeg", "Size": "2048"},
        {"sid": sid("ME", '2'), "filename": "a.txt", "content_type": "text/plain", "size": 3, "extra": 1},
    ]);
    let event = message_form("onMessageAdd")
        .set("Media", &media.to_string())
        .event();
    let Event::MessageAdd(message) = event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    assert_eq!(message.media.len(), 2);
    assert_eq!(message.media[0].sid.as_str(), sid("ME", '1'));
    assert_eq!(message.media[0].filename, None);
    assert_eq!(message.media[0].content_type, "image/jpeg");
    assert_eq!(message.media[0].size, 2048);
    assert_eq!(message.media[1].sid.as_str(), sid("ME", '2'));
    assert_eq!(message.media[1].filename.as_deref(), Some("a.txt"));
    assert_eq!(message.media[1].content_type, "text/plain");
    assert_eq!(message.media[1].size, 3);

    for none in ["null", "[]", ""] {
        let event = message_form("onMessageAdd").set("Media", none).event();
        let Event::MessageAdd(message) = event else {
            panic!("expected MessageAdd, got {event:?}");
        };
        assert!(message.media.is_empty(), "{none:?}");
    }
}

#[test]
fn a_missing_event_type_is_an_error() {
    let error = Form::new("").parse().expect_err("no EventType");
    assert_eq!(error.field(), "EventType");
    assert_eq!(error.kind(), &EventErrorKind::Missing);
    let error = Event::from_form(b"").expect_err("no parameters");
    assert_eq!(error.field(), "EventType");
    assert_eq!(
        error.to_string(),
        "webhook parameter `EventType`: missing or empty"
    );
}

#[test]
fn a_missing_required_parameter_is_named() {
    let cases = [
        (
            message_form("onMessageAdd").without("ConversationSid"),
            "ConversationSid",
        ),
        (message_form("onMessageAdd").set("Author", ""), "Author"),
        (
            message_form("onMessageAdd").without("AccountSid"),
            "AccountSid",
        ),
        (
            existing_message_form("onMessageUpdated").without("Index"),
            "Index",
        ),
        (
            existing_message_form("onMessageUpdated").without("DateUpdated"),
            "DateUpdated",
        ),
        (existing_message_form("onMessageRemoved"), "DateRemoved"),
        (
            Form::new("onConversationStateUpdated")
                .with("ConversationSid", &sid("CH", '1'))
                .with("StateUpdated", CREATED)
                .with("StateFrom", "active"),
            "StateTo",
        ),
    ];
    for (form, field) in cases {
        let error = form.error();
        assert_eq!(error.field(), field);
        assert_eq!(error.kind(), &EventErrorKind::Missing, "{field}");
        assert_eq!(
            error.to_string(),
            format!("webhook parameter `{field}`: missing or empty")
        );
    }
}

#[test]
fn a_bad_sid_is_named_without_its_value() {
    let error = message_form("onMessageAdd")
        .set("ConversationSid", &sid("MB", '1'))
        .error();
    assert_eq!(error.field(), "ConversationSid");
    assert_eq!(
        error.kind(),
        &EventErrorKind::Sid(ValidationErrorKind::SidPrefix {
            prefix: "CH",
            found: "MB".to_owned()
        })
    );
    assert_eq!(
        error.to_string(),
        "webhook parameter `ConversationSid`: expected a SID starting with `CH`, found `MB`"
    );

    let error = message_form("onMessageAdd")
        .set("ParticipantSid", "MB123")
        .error();
    assert_eq!(error.field(), "ParticipantSid");
    assert_eq!(
        error.kind(),
        &EventErrorKind::Sid(ValidationErrorKind::SidLength {
            prefix: "MB",
            len: 5
        })
    );

    let error = Form::new("onUserAdded")
        .with("UserSid", &sid("US", 'z'))
        .error();
    assert_eq!(error.field(), "UserSid");
    assert!(matches!(
        error.kind(),
        EventErrorKind::Sid(ValidationErrorKind::SidNotHex {
            prefix: "US",
            index: 33
        })
    ));
}

#[test]
fn a_bad_timestamp_is_named_without_its_value() {
    for bad in [
        "yesterday",
        "2024-05-06",
        "2024-05-06T07:08:09",
        "1715000000",
    ] {
        let error = existing_message_form("onMessageUpdated")
            .set("DateCreated", bad)
            .error();
        assert_eq!(error.field(), "DateCreated");
        assert_eq!(error.kind(), &EventErrorKind::Timestamp);
        assert!(!error.to_string().contains(bad), "{error}");
    }
    // An offset other than `Z` is fine.
    let event = existing_message_form("onMessageUpdated")
        .set("DateCreated", "2024-05-06T09:08:09.123+02:00")
        .event();
    let Event::MessageUpdated(message) = event else {
        panic!("expected MessageUpdated, got {event:?}");
    };
    assert_eq!(message.date_created, at(CREATED));
}

#[test]
fn bad_json_is_named_with_its_place() {
    let error = message_form("onMessageAdd")
        .set("Attributes", "{\"topic\": billing}")
        .error();
    assert_eq!(error.field(), "Attributes");
    assert_eq!(
        error.kind(),
        &EventErrorKind::Json {
            line: 1,
            column: 11
        }
    );
    assert_eq!(
        error.to_string(),
        "webhook parameter `Attributes`: invalid JSON at line 1, column 11"
    );

    let error = message_form("onMessageAdd").set("Media", "[{").error();
    assert_eq!(error.field(), "Media");
    assert!(matches!(error.kind(), EventErrorKind::Json { .. }));
}

#[test]
fn bad_media_is_named_with_its_element() {
    let cases = [
        (
            json!({"Sid": sid("ME", '1')}),
            None,
            "expected a JSON array of media objects",
        ),
        (json!(["ME"]), Some(0), "expected a JSON object"),
        (
            json!([{"ContentType": "image/png", "Size": 1}]),
            Some(0),
            "`Sid` is missing",
        ),
        (
            json!([{"Sid": sid("ME", '1'), "ContentType": "a/b", "Size": 1},
                   {"Sid": sid("ME", '2'), "Size": 1}]),
            Some(1),
            "`ContentType` is missing",
        ),
        (
            json!([{"Sid": sid("ME", '1'), "ContentType": "image/png"}]),
            Some(0),
            "`Size` is missing",
        ),
        (
            json!([{"Sid": sid("ME", '1'), "ContentType": "image/png", "Size": -1}]),
            Some(0),
            "`Size` is not a non-negative integer",
        ),
        (
            json!([{"Sid": sid("ME", '1'), "ContentType": "image/png", "Size": "1e3"}]),
            Some(0),
            "`Size` is not a non-negative integer",
        ),
        (
            json!([{"Sid": 7, "ContentType": "image/png", "Size": 1}]),
            Some(0),
            "`Sid` is not a string",
        ),
    ];
    for (media, index, problem) in cases {
        let error = message_form("onMessageAdd")
            .set("Media", &media.to_string())
            .error();
        assert_eq!(error.field(), "Media");
        assert_eq!(
            error.kind(),
            &EventErrorKind::Media { index, problem },
            "{media}"
        );
    }

    let error = message_form("onMessageAdd")
        .set(
            "Media",
            &json!([{"Sid": sid("IM", '1'), "ContentType": "image/png", "Size": 1}]).to_string(),
        )
        .error();
    assert_eq!(
        error.to_string(),
        "webhook parameter `Media`: media object 0: `Sid`: expected a SID starting with `ME`, found `IM`"
    );
}

#[test]
fn bad_integers_and_booleans_are_named() {
    for bad in ["-1", "+1", "1.5", "x", "99999999999999999999999"] {
        let error = existing_message_form("onMessageUpdated")
            .set("Index", bad)
            .error();
        assert_eq!(error.field(), "Index");
        assert_eq!(error.kind(), &EventErrorKind::Integer, "{bad}");
    }
    let error = Form::new("onDeliveryUpdated")
        .with("ConversationSid", &sid("CH", '1'))
        .with("MessageSid", &sid("IM", '1'))
        .with("DeliveryReceiptSid", &sid("DY", '1'))
        .with("ParticipantSid", &sid("MB", '1'))
        .with("Status", "failed")
        .with("ErrorCode", "5000000000")
        .error();
    assert_eq!(error.field(), "ErrorCode");
    assert_eq!(error.kind(), &EventErrorKind::Integer);

    let error = user_form("onUserUpdated")
        .with("DateCreated", CREATED)
        .with("DateUpdated", UPDATED)
        .with("isOnline", "yes")
        .error();
    assert_eq!(error.field(), "isOnline");
    assert_eq!(error.kind(), &EventErrorKind::Boolean);
    assert_eq!(
        error.to_string(),
        "webhook parameter `isOnline`: expected `true` or `false`"
    );
}

#[test]
fn errors_are_short_and_do_not_echo_values() {
    let huge = "x".repeat(100_000);
    let forms = [
        message_form("onMessageAdd").set("ConversationSid", &huge),
        message_form("onMessageAdd").set("Attributes", &huge),
        message_form("onMessageAdd").set("Media", &huge),
        existing_message_form("onMessageUpdated").set("Index", &huge),
        existing_message_form("onMessageUpdated").set("DateCreated", &huge),
    ];
    for form in forms {
        let error = form.error();
        let shown = error.to_string();
        assert!(shown.len() < 200, "{shown}");
        assert!(!shown.contains("xxx"), "{shown}");
        assert!(!format!("{error:?}").contains("xxx"));
        // It is a standard error.
        let error: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
        assert!(error.source().is_none());
    }
}

#[test]
fn sids_have_their_kind() {
    // The SID types say their prefix: a conversation's SID is not a participant's.
    let event = message_form("onMessageAdd").event();
    let Event::MessageAdd(message) = event else {
        panic!("expected MessageAdd, got {event:?}");
    };
    let _: twill_api::Sid<prefix::CH> = message.conversation_sid;
    let _: Option<twill_api::Sid<prefix::MB>> = message.participant_sid;
    let _: twill_api::Sid<prefix::ME> = message.media[0].sid;
    assert_eq!(message.common.account_sid.as_str(), sid("AC", '1'));
}

/// The page's example answer to `onMessageAdd` or `onMessageUpdate` ("Modifiable
/// Fields", "Message Actions"): `attributes` is a string of JSON.
const DOC_MESSAGE_ANSWER: &str = r#"{
    "body": "modified message text",
    "author": "modified author name",
    "attributes": "{\"key\" : \"value\"}"
}"#;

/// The page's example answer to `onConversationAdd` or `onConversationUpdate`
/// ("Modifiable Fields", "Conversation Actions").
const DOC_CONVERSATION_ANSWER: &str = r#"{
    "friendly_name": "friendly name of conversation"
}"#;

/// A JSON object whose `attributes` string is replaced by the JSON it holds, so that
/// answers compare whatever the spacing inside that string.
fn with_parsed_attributes(text: &str) -> Value {
    let mut value: Value = serde_json::from_str(text).expect("JSON");
    if let Some(attributes) = value.get_mut("attributes") {
        let inner = attributes.as_str().expect("attributes as a string of JSON");
        *attributes = serde_json::from_str(inner).expect("JSON in attributes");
    }
    value
}

#[test]
fn a_message_modification_is_the_documented_json() {
    let response: PreActionResponse = MessageModification::default()
        .body("modified message text")
        .author("modified author name")
        .attributes(json!({"key": "value"}))
        .into();
    assert_eq!(response.status(), 200);
    let body = response.body().expect("a JSON body");
    assert_eq!(
        with_parsed_attributes(&body),
        with_parsed_attributes(DOC_MESSAGE_ANSWER)
    );
    assert_eq!(
        body,
        r#"{"body":"modified message text","author":"modified author name","attributes":"{\"key\":\"value\"}"}"#
    );
    let PreActionResponse::Modify(Modification::Message(modification)) = &response else {
        panic!("expected a message modification, got {response:?}");
    };
    assert_eq!(modification.body.as_deref(), Some("modified message text"));
}

#[test]
fn a_conversation_modification_is_the_documented_json() {
    let response = PreActionResponse::from(
        ConversationModification::default().friendly_name("friendly name of conversation"),
    );
    assert_eq!(response.status(), 200);
    let body = response.body().expect("a JSON body");
    assert_eq!(
        serde_json::from_str::<Value>(&body).expect("JSON"),
        serde_json::from_str::<Value>(DOC_CONVERSATION_ANSWER).expect("JSON")
    );
}

#[test]
fn unset_fields_are_left_out() {
    // "All values are optional, and missing fields will be left unmodified."
    let response: PreActionResponse = MessageModification::default().author("bot").into();
    assert_eq!(response.body().as_deref(), Some(r#"{"author":"bot"}"#));
    let response: PreActionResponse = MessageModification::default().into();
    assert_eq!(response.body().as_deref(), Some("{}"));
    let response: PreActionResponse = ConversationModification::default().into();
    assert_eq!(response.body().as_deref(), Some("{}"));
}

#[test]
fn accept_and_reject() {
    // "HTTP 200 OK | {} (or no content) | Conversations will publish the change
    // unmodified"; "HTTP 40x (any error condition) | ... | Conversations will reject the
    // change".
    assert_eq!(PreActionResponse::Accept.status(), 200);
    assert_eq!(PreActionResponse::Accept.body(), None);
    let reject = PreActionResponse::Reject.status();
    assert!((400..500).contains(&reject), "{reject}");
    assert_eq!(PreActionResponse::Reject.body(), None);
}
