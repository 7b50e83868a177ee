//! User events: `onUserUpdate`, `onUserAdded` and `onUserUpdated`.
//!
//! `ChatServiceSid`, which the documentation lists for each, is in
//! [`Common::chat_service_sid`](super::Common::chat_service_sid).

use serde_json::Value;

use super::fields::declare::event;
use crate::prefix::{RL, US};
use crate::{Sid, Timestamp};

event! {
    /// `onUserUpdate` (pre-action): a user is about to change.
    UserUpdate {
        /// `UserSid`: the user.
        user_sid: Sid<US> = required_sid("UserSid"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Identity`: its identity, if sent.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
    }

    /// `onUserAdded` (post-action, no pre-action): a user was created.
    UserAdded {
        /// `UserSid`: the user.
        user_sid: Sid<US> = required_sid("UserSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `Identity`: its identity, if sent.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
    }

    /// `onUserUpdated` (post-action): a user changed.
    UserUpdated {
        /// `UserSid`: the user.
        user_sid: Sid<US> = required_sid("UserSid"),
        /// `DateCreated`: when it was created.
        date_created: Timestamp = required_timestamp("DateCreated"),
        /// `DateUpdated`: when it was last changed.
        date_updated: Timestamp = required_timestamp("DateUpdated"),
        /// `Identity`: its identity, if sent.
        identity: Option<String> = text("Identity"),
        /// `RoleSid`: its role.
        role_sid: Sid<RL> = required_sid("RoleSid"),
        /// `Attributes`: its metadata, sent as stringified JSON; an empty object when not
        /// sent.
        attributes: Value = attributes("Attributes"),
        /// `FriendlyName`: its name, if set.
        friendly_name: Option<String> = text("FriendlyName"),
        /// `isOnline`: whether the user is connected to the service; `None` when not sent
        /// (the REST API's User has it only with reachability turned on).
        is_online: Option<bool> = boolean("isOnline"),
        /// `isNotifiable`: whether the user has a potentially valid push notification
        /// registration (APN or GCM); `None` when not sent.
        is_notifiable: Option<bool> = boolean("isNotifiable"),
    }
}
