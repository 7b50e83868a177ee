//! The grants an access token carries.
//!
//! Each grant is a plain struct: start from `default()` (or `new()`), then set its
//! public fields or chain its `with_*` methods. An unset field, and an empty text, is
//! left out of the token, as Twilio's helper libraries leave it out.

use std::collections::BTreeMap;

use crate::Sid;
use crate::prefix::{AP, CR, IS, RL};

/// A permission an [`AccessToken`](super::AccessToken) carries, under its key in the
/// token's `grants` claim.
///
/// Made with `From` of each grant (so [`with_grant`](super::AccessToken::with_grant)
/// takes a [`ChatGrant`] as it is). A token holds at most one grant of each kind: adding
/// a second one replaces the first, in its place, as the official libraries do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Grant {
    /// Conversations and Chat, under `chat`.
    Chat(ChatGrant),
    /// Programmable Voice, under `voice`.
    Voice(VoiceGrant),
    /// Programmable Video, under `video`.
    Video(VideoGrant),
    /// Sync, under `data_sync`.
    Sync(SyncGrant),
}

impl Grant {
    /// The key the grant has in the token's `grants` claim: `chat`, `voice`, `video` or
    /// `data_sync`.
    pub fn key(&self) -> &'static str {
        match self {
            Grant::Chat(_) => "chat",
            Grant::Voice(_) => "voice",
            Grant::Video(_) => "video",
            Grant::Sync(_) => "data_sync",
        }
    }
}

impl From<ChatGrant> for Grant {
    fn from(grant: ChatGrant) -> Self {
        Grant::Chat(grant)
    }
}

impl From<VoiceGrant> for Grant {
    fn from(grant: VoiceGrant) -> Self {
        Grant::Voice(grant)
    }
}

impl From<VideoGrant> for Grant {
    fn from(grant: VideoGrant) -> Self {
        Grant::Video(grant)
    }
}

impl From<SyncGrant> for Grant {
    fn from(grant: SyncGrant) -> Self {
        Grant::Sync(grant)
    }
}

/// Access to Conversations (and Programmable Chat): the `chat` grant.
///
/// ```
/// use twill_api::jwt::ChatGrant;
/// use twill_api::sid;
///
/// let grant = ChatGrant::new()
///     .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
///     .with_push_credential_sid(sid!("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
/// assert_eq!(grant.endpoint_id, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChatGrant {
    /// The Conversations service the user may use (`service_sid`).
    pub service_sid: Option<Sid<IS>>,
    /// An id of the user's device or session, to tell one endpoint from another
    /// (`endpoint_id`).
    pub endpoint_id: Option<String>,
    /// The role given to the user in the service (`deployment_role_sid`).
    pub deployment_role_sid: Option<Sid<RL>>,
    /// The credential the service sends push notifications with (`push_credential_sid`).
    pub push_credential_sid: Option<Sid<CR>>,
}

impl ChatGrant {
    /// A grant with no field set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`service_sid`](Self::service_sid).
    pub fn with_service_sid(mut self, service_sid: Sid<IS>) -> Self {
        self.service_sid = Some(service_sid);
        self
    }

    /// Sets [`endpoint_id`](Self::endpoint_id).
    pub fn with_endpoint_id(mut self, endpoint_id: impl Into<String>) -> Self {
        self.endpoint_id = Some(endpoint_id.into());
        self
    }

    /// Sets [`deployment_role_sid`](Self::deployment_role_sid).
    pub fn with_deployment_role_sid(mut self, role_sid: Sid<RL>) -> Self {
        self.deployment_role_sid = Some(role_sid);
        self
    }

    /// Sets [`push_credential_sid`](Self::push_credential_sid).
    pub fn with_push_credential_sid(mut self, credential_sid: Sid<CR>) -> Self {
        self.push_credential_sid = Some(credential_sid);
        self
    }
}

/// Access to Programmable Voice: the `voice` grant.
///
/// ```
/// use twill_api::jwt::{OutgoingApplication, VoiceGrant};
/// use twill_api::sid;
///
/// let grant = VoiceGrant::new()
///     .with_incoming_allow(true)
///     .with_outgoing(
///         OutgoingApplication::new(sid!("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
///             .with_param("lang", "fr"),
///     );
/// assert_eq!(grant.outgoing.unwrap().params["lang"], "fr");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VoiceGrant {
    /// Whether the user may receive calls to its identity (`incoming.allow`, present
    /// only when `true`).
    pub incoming_allow: bool,
    /// The TwiML application that places the user's outgoing calls (`outgoing`).
    pub outgoing: Option<OutgoingApplication>,
    /// The credential incoming-call notifications are pushed with
    /// (`push_credential_sid`).
    pub push_credential_sid: Option<Sid<CR>>,
    /// An id of the user's device, to ring one device of an identity (`endpoint_id`).
    pub endpoint_id: Option<String>,
}

impl VoiceGrant {
    /// A grant with no field set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`incoming_allow`](Self::incoming_allow).
    pub fn with_incoming_allow(mut self, allow: bool) -> Self {
        self.incoming_allow = allow;
        self
    }

    /// Sets [`outgoing`](Self::outgoing).
    pub fn with_outgoing(mut self, outgoing: OutgoingApplication) -> Self {
        self.outgoing = Some(outgoing);
        self
    }

    /// Sets [`push_credential_sid`](Self::push_credential_sid).
    pub fn with_push_credential_sid(mut self, credential_sid: Sid<CR>) -> Self {
        self.push_credential_sid = Some(credential_sid);
        self
    }

    /// Sets [`endpoint_id`](Self::endpoint_id).
    pub fn with_endpoint_id(mut self, endpoint_id: impl Into<String>) -> Self {
        self.endpoint_id = Some(endpoint_id.into());
        self
    }
}

/// The TwiML application of a [`VoiceGrant`]'s outgoing calls, and the parameters it
/// is sent (`outgoing.application_sid` and `outgoing.params`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OutgoingApplication {
    /// The application (`application_sid`).
    pub application_sid: Sid<AP>,
    /// Parameters Twilio passes to the application's voice URL with each outgoing call
    /// (`params`, in key order; left out when empty).
    pub params: BTreeMap<String, String>,
}

impl OutgoingApplication {
    /// The application, without parameters.
    pub fn new(application_sid: Sid<AP>) -> Self {
        Self {
            application_sid,
            params: BTreeMap::new(),
        }
    }

    /// Adds a parameter, replacing one of the same name.
    pub fn with_param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.insert(name.into(), value.into());
        self
    }
}

/// Access to Programmable Video: the `video` grant.
///
/// ```
/// use twill_api::jwt::VideoGrant;
///
/// let grant = VideoGrant::new().with_room("daily-standup");
/// assert_eq!(grant.room.as_deref(), Some("daily-standup"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VideoGrant {
    /// The one room the user may join, by name or SID (`room`); any room when unset.
    pub room: Option<String>,
}

impl VideoGrant {
    /// A grant to join any room.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`room`](Self::room).
    pub fn with_room(mut self, room: impl Into<String>) -> Self {
        self.room = Some(room.into());
        self
    }
}

/// Access to Sync: the `data_sync` grant.
///
/// ```
/// use twill_api::jwt::SyncGrant;
/// use twill_api::sid;
///
/// let grant = SyncGrant::new().with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
/// assert!(grant.endpoint_id.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyncGrant {
    /// The Sync service the user may use (`service_sid`).
    pub service_sid: Option<Sid<IS>>,
    /// An id of the user's device or session (`endpoint_id`).
    pub endpoint_id: Option<String>,
}

impl SyncGrant {
    /// A grant with no field set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`service_sid`](Self::service_sid).
    pub fn with_service_sid(mut self, service_sid: Sid<IS>) -> Self {
        self.service_sid = Some(service_sid);
        self
    }

    /// Sets [`endpoint_id`](Self::endpoint_id).
    pub fn with_endpoint_id(mut self, endpoint_id: impl Into<String>) -> Self {
        self.endpoint_id = Some(endpoint_id.into());
        self
    }
}
