//! Service Configuration: service-level settings applicable to the Conversation API
//! (`/v1/Services/{ChatServiceSid}/Configuration`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::endpoint;

/// Fetch the configuration of a conversation service.
#[endpoint(GET, "/v1/Services/<ChatServiceSid>/Configuration", response = ServiceConfiguration)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchServiceConfiguration {
    /// The SID of the Service configuration resource to fetch.
    #[sid(prefix = "IS")]
    pub chat_service_sid: String,
}

/// Update configuration settings of a conversation service.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Configuration", response = ServiceConfiguration)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateServiceConfiguration {
    /// The SID of the Service configuration resource to update.
    #[sid(prefix = "IS")]
    pub chat_service_sid: String,
    /// The conversation-level role assigned to a conversation creator when they join a
    /// new conversation. See [Conversation
    /// Role](https://www.twilio.com/docs/conversations/api/role-resource) for more info
    /// about roles.
    #[sid(prefix = "RL")]
    pub default_conversation_creator_role_sid: Option<String>,
    /// The conversation-level role assigned to users when they are added to a
    /// conversation. See [Conversation
    /// Role](https://www.twilio.com/docs/conversations/api/role-resource) for more info
    /// about roles.
    #[sid(prefix = "RL")]
    pub default_conversation_role_sid: Option<String>,
    /// The service-level role assigned to users when they are added to the service. See
    /// [Conversation Role](https://www.twilio.com/docs/conversations/api/role-resource)
    /// for more info about roles.
    #[sid(prefix = "RL")]
    pub default_chat_service_role_sid: Option<String>,
    /// Whether the [Reachability
    /// Indicator](https://www.twilio.com/docs/conversations/reachability) is enabled for
    /// this Conversations Service. The default is `false`.
    pub reachability_enabled: Option<bool>,
}

/// A Service Configuration resource: service-level settings applicable to the
/// Conversation API.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct ServiceConfiguration {
    /// The unique string that we created to identify the Service configuration resource.
    pub chat_service_sid: Option<String>,
    /// The conversation-level role assigned to a conversation creator when they join a
    /// new conversation. See [Conversation
    /// Role](https://www.twilio.com/docs/conversations/api/role-resource) for more info
    /// about roles.
    pub default_conversation_creator_role_sid: Option<String>,
    /// The conversation-level role assigned to users when they are added to a
    /// conversation. See [Conversation
    /// Role](https://www.twilio.com/docs/conversations/api/role-resource) for more info
    /// about roles.
    pub default_conversation_role_sid: Option<String>,
    /// The service-level role assigned to users when they are added to the service. See
    /// [Conversation Role](https://www.twilio.com/docs/conversations/api/role-resource)
    /// for more info about roles.
    pub default_chat_service_role_sid: Option<String>,
    /// An absolute API resource URL for this service configuration.
    pub url: Option<String>,
    /// Contains an absolute API resource URL to access the push notifications
    /// configuration of this service.
    pub links: Option<BTreeMap<String, String>>,
    /// Whether the [Reachability
    /// Indicator](https://www.twilio.com/docs/conversations/reachability) is enabled for
    /// this Conversations Service. The default is `false`.
    pub reachability_enabled: Option<bool>,
}
