//! Hand-written baselines: what a careful programmer writes with no framework, producing
//! the same bytes as twill.

// Each benchmark binary uses part of this module.
#![allow(dead_code)]

use form_urlencoded::byte_serialize;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use twill_api::conversations::v1::UpdateServiceConfiguration;

/// The same set twill encodes path segments with: all but RFC 3986 unreserved.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A hand-written SID check: length, prefix, hex digits.
pub(crate) fn is_sid(value: &str, prefix: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 34
        && bytes.starts_with(prefix.as_bytes())
        && bytes[2..].iter().all(u8::is_ascii_hexdigit)
}

/// Hand-written form pairs.
pub(crate) struct Pairs(pub(crate) String);

impl Pairs {
    pub(crate) fn add(&mut self, name: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.extend(byte_serialize(name.as_bytes()));
        self.0.push('=');
        self.0.extend(byte_serialize(value.as_bytes()));
    }
}

/// `UpdateServiceConfiguration` encoded by hand: (path, form body). Its SIDs are typed,
/// checked when made, so a hand-written encoder has nothing to check either.
pub(crate) fn hand_update(request: &UpdateServiceConfiguration) -> (String, String) {
    let roles = [
        (
            "DefaultConversationCreatorRoleSid",
            &request.default_conversation_creator_role_sid,
        ),
        (
            "DefaultConversationRoleSid",
            &request.default_conversation_role_sid,
        ),
        (
            "DefaultChatServiceRoleSid",
            &request.default_chat_service_role_sid,
        ),
    ];
    let mut path = String::new();
    path.push_str("/v1/Services/");
    path.extend(utf8_percent_encode(&request.chat_service_sid, SEGMENT));
    path.push_str("/Configuration");
    let mut body = Pairs(String::new());
    for (name, role) in roles {
        if let Some(role) = role {
            body.add(name, role);
        }
    }
    if let Some(enabled) = request.reachability_enabled {
        body.add(
            "ReachabilityEnabled",
            if enabled { "true" } else { "false" },
        );
    }
    (path, body.0)
}

/// The same update from SIDs given as text (read from a config file, say), checked and
/// encoded by hand: (path, form body).
pub(crate) fn hand_update_from_text(service: &str, role: &str) -> (String, String) {
    assert!(is_sid(service, "IS"));
    assert!(is_sid(role, "RL"));
    let mut path = String::new();
    path.push_str("/v1/Services/");
    path.extend(utf8_percent_encode(service, SEGMENT));
    path.push_str("/Configuration");
    let mut body = Pairs(String::new());
    for name in [
        "DefaultConversationCreatorRoleSid",
        "DefaultConversationRoleSid",
        "DefaultChatServiceRoleSid",
    ] {
        body.add(name, role);
    }
    body.add("ReachabilityEnabled", "false");
    (path, body.0)
}
