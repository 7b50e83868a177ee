//! `#[param(pattern = "..")]` on a path, a body, an optional, a list and a header field:
//! the metadata names each pattern and `validate` checks each value.

use twill_api::declare::endpoint;
use twill_api::{Endpoint, ValidationErrorKind};

/// Attach knowledge to an assistant.
#[endpoint(POST, "/v1/Assistants/<Id>/Knowledge", host = "assistants.twilio.com", response = ())]
struct AttachKnowledge {
    #[param(pattern = "^aia_asst_.+$")]
    id: String,
    #[param(pattern = "^aia_know_.+$")]
    knowledge_id: Option<String>,
    #[param(pattern = "^[A-Z0-9]{6}$")]
    codes: Vec<&'static str>,
    #[header("X-Keyword")]
    #[param(pattern = "^(STOP|START|HELP)\\.(ALL|ZULU)$")]
    keyword: Option<String>,
}

fn main() {
    assert_eq!(AttachKnowledge::PARAMS[0].pattern, Some("^aia_asst_.+$"));
    assert_eq!(AttachKnowledge::PARAMS[3].pattern, Some("^(STOP|START|HELP)\\.(ALL|ZULU)$"));
    let mut attach = AttachKnowledge {
        id: "aia_asst_1".into(),
        knowledge_id: None,
        codes: vec!["ABC123"],
        keyword: Some("HELP.ZULU".into()),
    };
    attach.validate().unwrap();
    attach.codes.push("abc");
    let err = attach.validate().unwrap_err();
    assert_eq!((err.field(), err.index()), ("Codes", Some(1)));
    assert_eq!(err.kind(), &ValidationErrorKind::Pattern { pattern: "^[A-Z0-9]{6}$" });
}
