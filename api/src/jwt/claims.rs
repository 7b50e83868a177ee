//! The token's JOSE header and claims as JSON, in the layout of Twilio's Node.js helper
//! library (`twilio` on npm, which signs with `jsonwebtoken`): the same members in the
//! same order, so that the same inputs give the same bytes and so the same signature.
//!
//! Header: `alg`, `typ`, `cty`, then `twr` when a region is set. Claims: `jti`,
//! `grants` (`identity` first, then each grant in the order it was added), `nbf` when
//! set, `iat`, `exp`, `iss`, `sub`. A grant leaves out its unset fields and its empty
//! texts, as every official library does.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::grants::{ChatGrant, Grant, SyncGrant, VideoGrant, VoiceGrant};

/// The content type Twilio reads access tokens by: "Twilio First-Party Auth", version 1.
const CONTENT_TYPE: &str = "twilio-fpa;v=1";

/// The JOSE header.
#[derive(Serialize)]
pub(super) struct Header<'a> {
    alg: &'static str,
    typ: &'static str,
    cty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    twr: Option<&'a str>,
}

impl<'a> Header<'a> {
    /// The header of an HS256 access token, with Twilio's home region `twr` when set.
    pub(super) fn new(region: Option<&'a str>) -> Self {
        Header {
            alg: "HS256",
            typ: "JWT",
            cty: CONTENT_TYPE,
            twr: region,
        }
    }
}

/// The claims.
#[derive(Serialize)]
pub(super) struct Claims<'a> {
    /// `<API key SID>-<iat>`, as the official libraries make it.
    pub(super) jti: String,
    pub(super) grants: Grants<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) nbf: Option<i64>,
    pub(super) iat: i64,
    pub(super) exp: i64,
    /// The API key SID.
    pub(super) iss: &'a str,
    /// The account SID.
    pub(super) sub: &'a str,
}

/// The `grants` claim: the identity, then each grant under its key.
pub(super) struct Grants<'a> {
    pub(super) identity: &'a str,
    pub(super) grants: &'a [Grant],
}

impl Serialize for Grants<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1 + self.grants.len()))?;
        map.serialize_entry("identity", self.identity)?;
        for grant in self.grants {
            match grant {
                Grant::Chat(chat) => map.serialize_entry(grant.key(), &ChatPayload::new(chat))?,
                Grant::Voice(voice) => {
                    map.serialize_entry(grant.key(), &VoicePayload::new(voice))?
                }
                Grant::Video(video) => {
                    map.serialize_entry(grant.key(), &VideoPayload::new(video))?
                }
                Grant::Sync(sync) => map.serialize_entry(grant.key(), &SyncPayload::new(sync))?,
            }
        }
        map.end()
    }
}

/// A text field as the official libraries send it: left out when unset or empty.
fn text(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.is_empty())
}

#[derive(Serialize)]
struct ChatPayload<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    service_sid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deployment_role_sid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    push_credential_sid: Option<&'a str>,
}

impl<'a> ChatPayload<'a> {
    fn new(grant: &'a ChatGrant) -> Self {
        ChatPayload {
            service_sid: grant.service_sid.as_ref().map(|sid| sid.as_str()),
            endpoint_id: text(&grant.endpoint_id),
            deployment_role_sid: grant.deployment_role_sid.as_ref().map(|sid| sid.as_str()),
            push_credential_sid: grant.push_credential_sid.as_ref().map(|sid| sid.as_str()),
        }
    }
}

#[derive(Serialize)]
struct VoicePayload<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    incoming: Option<Incoming>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outgoing: Option<Outgoing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    push_credential_sid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint_id: Option<&'a str>,
}

/// `incoming`, present only as `{"allow": true}`.
#[derive(Serialize)]
struct Incoming {
    allow: bool,
}

#[derive(Serialize)]
struct Outgoing<'a> {
    application_sid: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<&'a BTreeMap<String, String>>,
}

impl<'a> VoicePayload<'a> {
    fn new(grant: &'a VoiceGrant) -> Self {
        VoicePayload {
            incoming: grant.incoming_allow.then_some(Incoming { allow: true }),
            outgoing: grant.outgoing.as_ref().map(|outgoing| Outgoing {
                application_sid: outgoing.application_sid.as_str(),
                params: Some(&outgoing.params).filter(|params| !params.is_empty()),
            }),
            push_credential_sid: grant.push_credential_sid.as_ref().map(|sid| sid.as_str()),
            endpoint_id: text(&grant.endpoint_id),
        }
    }
}

#[derive(Serialize)]
struct VideoPayload<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a str>,
}

impl<'a> VideoPayload<'a> {
    fn new(grant: &'a VideoGrant) -> Self {
        VideoPayload {
            room: text(&grant.room),
        }
    }
}

#[derive(Serialize)]
struct SyncPayload<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    service_sid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint_id: Option<&'a str>,
}

impl<'a> SyncPayload<'a> {
    fn new(grant: &'a SyncGrant) -> Self {
        SyncPayload {
            service_sid: grant.service_sid.as_ref().map(|sid| sid.as_str()),
            endpoint_id: text(&grant.endpoint_id),
        }
    }
}
