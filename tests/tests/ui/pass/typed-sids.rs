//! Typed SIDs in declarations: a `Sid<P>` field needs no `#[sid]`, its `Param` names its
//! prefix, and it is sent as its text; `SidOrName` takes a SID or a name; `sid!` makes
//! constants; the generated requests take them in `new(..)`.

use twill_api::api::v2010::FetchMessage;
use twill_api::conversations::v1::{FetchConversation, FetchRole, Role};
use twill_api::prefix::{CH, IS, MM, RL, SM, SmOrMm};
use twill_api::declare::{Form, ValueKind, endpoint};
use twill_api::{Endpoint, Sid, SidOrName, sid};

const SERVICE: Sid<IS> = sid!("IS0123456789abcdef0123456789abcdef");
const ROLE: Sid<RL> = sid!("RL0123456789ABCDEF0123456789abcdef");

/// A role of a service, declared with typed SIDs.
#[endpoint(POST, "/v1/Services/<ChatServiceSid>/Roles/<Sid>", host = "conversations.twilio.com", response = ())]
struct UpdateServiceRole {
    chat_service_sid: Sid<IS>,
    sid: SidOrName<RL>,
    other_role_sid: Option<Sid<RL>>,
    role_sids: Vec<Sid<RL>>,
}

fn main() {
    let params = UpdateServiceRole::PARAMS;
    assert_eq!(params[0].sid_prefix, Some("IS"));
    assert_eq!(params[1].sid_prefix, None);
    assert_eq!(params[2].sid_prefix, Some("RL"));
    assert_eq!(params[3].sid_prefix, Some("RL"));
    assert!(params[3].array && params[3].kind == ValueKind::String);

    let update = UpdateServiceRole {
        chat_service_sid: SERVICE,
        sid: "moderators".into(),
        other_role_sid: Some(ROLE),
        role_sids: vec![ROLE, ROLE],
    };
    update.validate().unwrap();
    let mut path = String::new();
    update.write_path(&mut path, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(path, format!("/v1/Services/{SERVICE}/Roles/moderators"));
    let mut form = Form::new();
    update.write_params(&mut form);
    assert_eq!(
        form.as_str(),
        format!("OtherRoleSid={ROLE}&RoleSids={ROLE}&RoleSids={ROLE}")
    );

    // An empty name is refused before sending, as any empty path value is.
    let empty = UpdateServiceRole {
        sid: "".into(),
        ..update
    };
    assert_eq!(empty.validate().unwrap_err().field(), "Sid");

    // A SID read from a response goes into the next request as it is.
    let role: Role = serde_json::from_value(serde_json::json!({ "sid": ROLE })).unwrap();
    let fetch = FetchRole::new(role.sid.unwrap());
    assert_eq!(fetch.sid, ROLE);

    // A conversation by SID or by unique name; the SID converts.
    let conversation: Sid<CH> = sid!("CH0123456789abcdef0123456789abcdef");
    assert_eq!(
        FetchConversation::new(conversation).sid.as_sid(),
        Some(conversation)
    );
    assert_eq!(FetchConversation::new("support-42").sid.as_str(), "support-42");

    // An SMS's or an MMS's SID is a message's.
    let sms: Sid<SM> = sid!("SM0123456789abcdef0123456789abcdef");
    let mms: Sid<MM> = sid!("MM0123456789abcdef0123456789abcdef");
    let messages: [Sid<SmOrMm>; 2] = [sms.into(), mms.into()];
    assert_eq!(FetchMessage::new(sms).sid, messages[0]);
    assert_eq!(messages[1].as_str(), mms.as_str());
}
