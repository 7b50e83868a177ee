//! `#[param(pattern = "..")]` end to end, against a loopback server that keeps every
//! byte it reads: values that match are sent unchanged, in the path, the query, the body
//! and a header; a value that does not is a `ValidationErrorKind::Pattern` naming the
//! parameter and the pattern, and nothing reaches the server; `None` is not checked;
//! each element of a `Vec` is.

use twill_api::declare::endpoint;
use twill_api::{Client, Endpoint, Error, ValidationErrorKind};
use twill_tests::capture_server::{CaptureServer, Captured};

const ASSISTANT: &str = "^aia_asst_.+$";
const KNOWLEDGE: &str = "^aia_know_.+$";
const BUNDLES: &str = "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$";
const KEYWORD: &str = "^(STOP|START|HELP)\\.(ALL|ENGLISH|ZULU)$";
const BU: &str = "BU0123456789abcdef0123456789ABCDEF";

/// A pattern on a path placeholder, a form body string, an optional one, a list and a
/// header.
#[endpoint(POST, "/v1/Assistants/<Id>/Knowledge", host = "assistants.twilio.com", response = ())]
struct AttachKnowledge {
    #[param(pattern = "^aia_asst_.+$")]
    id: String,
    #[param(pattern = "^aia_know_.+$")]
    knowledge_id: String,
    #[param(pattern = "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$")]
    bundle_sids: Option<String>,
    #[param(pattern = "^[A-Z0-9]{6}$")]
    codes: Vec<String>,
    #[header("X-Keyword")]
    #[param(pattern = "^(STOP|START|HELP)\\.(ALL|ENGLISH|ZULU)$")]
    keyword: Option<String>,
}

/// A pattern on an optional list in a query string.
#[endpoint(GET, "/v1/Tools", host = "assistants.twilio.com", response = ())]
struct ListTool {
    #[param(pattern = "^aia_tool_.+$")]
    tool_ids: Option<Vec<String>>,
}

fn valid() -> AttachKnowledge {
    AttachKnowledge {
        id: "aia_asst_0a1b".to_owned(),
        knowledge_id: "aia_know_a b&c".to_owned(),
        bundle_sids: Some(format!("{BU},{BU}")),
        codes: vec!["ABC123".to_owned(), "ZZZ999".to_owned()],
        keyword: Some("STOP.ENGLISH".to_owned()),
    }
}

/// Sends `request` and returns what the server received: one request.
async fn sent<E: Endpoint<Response = ()>>(
    server: &CaptureServer,
    client: &Client,
    request: &E,
) -> Captured {
    let before = server.counts().requests;
    client.send(request).await.unwrap();
    let mut received = server.requests_since(before);
    assert_eq!(received.len(), 1, "{received:?}");
    received.remove(0)
}

/// The validation error of `request`, after checking that no byte reached the server.
async fn refused<E: Endpoint<Response = ()>>(
    server: &CaptureServer,
    client: &Client,
    request: &E,
) -> twill_api::ValidationError {
    let before = server.counts();
    let err = client.send(request).await.unwrap_err();
    assert_eq!(server.counts(), before, "nothing may reach the server");
    match err {
        Error::Validation(validation) => validation,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn metadata_names_each_pattern() {
    let patterns: Vec<_> = AttachKnowledge::PARAMS.iter().map(|p| p.pattern).collect();
    assert_eq!(
        patterns,
        [
            Some(ASSISTANT),
            Some(KNOWLEDGE),
            Some(BUNDLES),
            Some("^[A-Z0-9]{6}$"),
            Some(KEYWORD),
        ]
    );
    assert_eq!(ListTool::PARAMS[0].pattern, Some("^aia_tool_.+$"));
}

#[tokio::test]
async fn matching_values_are_sent_unchanged() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let request = sent(&server, &client, &valid()).await;
    assert_eq!(request.target, "/v1/Assistants/aia_asst_0a1b/Knowledge");
    let body: Vec<(String, String)> = form_urlencoded::parse(&request.body).into_owned().collect();
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(
        body,
        [
            pair("KnowledgeId", "aia_know_a b&c"),
            pair("BundleSids", &format!("{BU},{BU}")),
            pair("Codes", "ABC123"),
            pair("Codes", "ZZZ999"),
        ]
    );
    assert_eq!(request.header_values("x-keyword"), [b"STOP.ENGLISH"]);

    // `None` is not checked, and not sent.
    let without = AttachKnowledge {
        bundle_sids: None,
        keyword: None,
        ..valid()
    };
    let request = sent(&server, &client, &without).await;
    assert!(request.header_values("x-keyword").is_empty());
    assert_eq!(
        sent(&server, &client, &ListTool { tool_ids: None })
            .await
            .target,
        "/v1/Tools"
    );
    let tools = ListTool {
        tool_ids: Some(vec!["aia_tool_1".to_owned(), "aia_tool_2".to_owned()]),
    };
    assert_eq!(
        sent(&server, &client, &tools).await.target,
        "/v1/Tools?ToolIds=aia_tool_1&ToolIds=aia_tool_2"
    );
}

#[tokio::test]
async fn a_value_that_does_not_match_is_refused_before_sending() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let cases: [(AttachKnowledge, &str, &str); 5] = [
        (
            AttachKnowledge {
                id: "asst_0a1b".to_owned(),
                ..valid()
            },
            "Id",
            ASSISTANT,
        ),
        (
            // Anchored: a match inside the text is not enough.
            AttachKnowledge {
                knowledge_id: "x-aia_know_1".to_owned(),
                ..valid()
            },
            "KnowledgeId",
            KNOWLEDGE,
        ),
        (
            // 21 bundles, one more than the pattern allows.
            AttachKnowledge {
                bundle_sids: Some([BU; 21].join(",")),
                ..valid()
            },
            "BundleSids",
            BUNDLES,
        ),
        (
            AttachKnowledge {
                keyword: Some("STOP.KLINGON".to_owned()),
                ..valid()
            },
            "X-Keyword",
            KEYWORD,
        ),
        (
            // The path segment would be a valid one: the pattern refuses it.
            AttachKnowledge {
                id: "aia_asst_".to_owned(),
                ..valid()
            },
            "Id",
            ASSISTANT,
        ),
    ];
    for (request, field, pattern) in cases {
        let err = refused(&server, &client, &request).await;
        assert_eq!(err.field(), field);
        assert_eq!(err.index(), None);
        assert_eq!(err.kind(), &ValidationErrorKind::Pattern { pattern });
        assert_eq!(
            err.to_string(),
            format!("invalid `{field}`: expected a value matching the pattern `{pattern}`")
        );
    }
    assert_eq!(server.counts().connections, 0);
}

#[tokio::test]
async fn each_element_of_a_list_is_checked() {
    let server = CaptureServer::start().await;
    let client = twill_tests::client(&server.uri());
    let request = AttachKnowledge {
        codes: vec!["ABC123".to_owned(), "ABC12".to_owned(), "abc123".to_owned()],
        ..valid()
    };
    let err = refused(&server, &client, &request).await;
    assert_eq!((err.field(), err.index()), ("Codes", Some(1)));
    assert_eq!(
        err.to_string(),
        "invalid `Codes[1]`: expected a value matching the pattern `^[A-Z0-9]{6}$`"
    );

    let tools = ListTool {
        tool_ids: Some(vec!["aia_tool_1".to_owned(), "tool_2".to_owned()]),
    };
    let err = refused(&server, &client, &tools).await;
    assert_eq!((err.field(), err.index()), ("ToolIds", Some(1)));
    assert_eq!(server.counts().connections, 0);
}

#[test]
fn messages_show_the_pattern_never_the_value() {
    let long = format!("aia_asst_{}", "secret ".repeat(10_000));
    let request = AttachKnowledge {
        knowledge_id: long,
        ..valid()
    };
    let err = request.validate().unwrap_err();
    assert_eq!(err.field(), "KnowledgeId");
    let shown = err.to_string();
    assert!(!shown.contains("secret"), "{shown}");
    assert!(shown.len() < 120, "{shown}");
}
