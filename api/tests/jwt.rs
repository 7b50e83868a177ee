//! `twill_api::jwt`: access tokens, checked against Twilio's helper libraries.
//!
//! Three kinds of checks:
//! - whole tokens minted by the official Node.js library (the layout `jwt` follows) for
//!   fixed inputs at a fixed time, compared byte for byte, and one minted by the Python
//!   library, compared claim by claim;
//! - the cases of the official test suites (twilio-python, twilio-node), as JSON values;
//! - our own: the time to live, errors, and that no secret is ever shown.
//!
//! Every token minted here has its HS256 signature checked by `ring`, apart from the
//! code under test.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::hmac;
use serde_json::{Value, json};
use twill_api::jwt::{
    AccessToken, AccessTokenError, ChatGrant, Grant, OutgoingApplication, SyncGrant, VideoGrant,
    VoiceGrant,
};
use twill_api::{Timestamp, sid};

const ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
/// The API key SID of twilio-node's spec.
const KEY_SID: &str = "SKb5aed9ca12bf5890f37930e63cad6d38";
/// The secret twilio-node's spec uses in its header test.
const SECRET: &str = "aTBl1PhJnykIjWll4TOiXKtD1ugxiz6f";
/// 2023-11-14T22:13:20Z.
const T0: i64 = 1_700_000_000;

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(second).unwrap()
}

fn token(secret: &str, identity: &str) -> AccessToken {
    AccessToken::new(
        sid!("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        sid!("SKb5aed9ca12bf5890f37930e63cad6d38"),
        secret,
        identity,
    )
}

/// The header and claims of `jwt`, after checking its HS256 signature with `secret`.
fn decode(jwt: &str, secret: &str) -> (Value, Value) {
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3, "{jwt}");
    let signing_input = &jwt[..parts[0].len() + 1 + parts[1].len()];
    let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    hmac::verify(&key, signing_input.as_bytes(), &signature).expect("a valid HS256 signature");
    let json = |part: &str| serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap();
    (json(parts[0]), json(parts[1]))
}

/// The claims of `jwt`, minted at `T0` and signed with `SECRET`, after checking the
/// claims every access token has.
fn claims_at_t0(token: &AccessToken) -> Value {
    let (header, claims) = decode(&token.to_jwt_at(at(T0)).unwrap(), SECRET);
    assert_eq!(header["cty"], "twilio-fpa;v=1");
    assert_eq!(claims["jti"], format!("{KEY_SID}-{T0}"));
    assert_eq!(claims["iss"], KEY_SID);
    assert_eq!(claims["sub"], ACCOUNT_SID);
    assert_eq!(claims["iat"], T0);
    claims
}

// ---------------------------------------------------------------------------------------
// Whole tokens of the official libraries.
//
// Minted with twilio 5.13.1 from npm (jsonwebtoken 9.0.3), Node.js 20, by this script
// (`npm install twilio@5.13.1 && node gen.js`):
//
//   Date.now = () => 1700000000 * 1000;
//   const AT = require("twilio").jwt.AccessToken;
//   const AC = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", SK = "SKb5aed9ca12bf5890f37930e63cad6d38";
//   function mint(secret, opts, grants) {
//     const t = new AT(AC, SK, secret, opts);
//     for (const g of grants || []) t.addGrant(g);
//     return t.toJwt();
//   }
//   identity_only: mint("secret", { identity: "ID@example.com" })
//   region: mint("aTBl1PhJnykIjWll4TOiXKtD1ugxiz6f", { identity: "foo", region: "us1" })
//   nbf_ttl: mint("secret", { identity: "ID@example.com", nbf: 1699999940, ttl: 100 })
//   all_grants: mint("aTBl1PhJnykIjWll4TOiXKtD1ugxiz6f", { identity: "alice", region: "ie1", ttl: 86400 }, [
//     new AT.ChatGrant({ serviceSid: "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", endpointId: "alice:chat:web",
//       deploymentRoleSid: "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", pushCredentialSid: "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }),
//     new AT.VoiceGrant({ incomingAllow: true, outgoingApplicationSid: "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
//       outgoingApplicationParams: { from: "+15005550006", lang: "fr" },
//       pushCredentialSid: "CRbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", endpointId: "alice-phone" }),
//     new AT.VideoGrant({ room: "daily-standup" }),
//     new AT.SyncGrant({ serviceSid: "ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", endpointId: "alice:sync" }) ])
//   empty_grants: mint("secret", { identity: "bob" },
//     [new AT.VideoGrant(), new AT.ChatGrant(), new AT.VoiceGrant({ incomingAllow: false })])
//   escaped_identity: mint("secret", { identity: "al\"ice\\ /é😀\u0001\n\u007f" },
//     [new AT.VideoGrant({ room: "RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })])
// ---------------------------------------------------------------------------------------

const NODE_IDENTITY_ONLY: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJJREBleGFtcGxlLmNvbSJ9LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiaXNzIjoiU0tiNWFlZDljYTEyYmY1ODkwZjM3OTMwZTYzY2FkNmQzOCIsInN1YiI6IkFDYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifQ.EIw5IH2wfK9heQFCLKNb5is1Uej_bjd4FGUcUD1IP-M";
const NODE_REGION: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIiwidHdyIjoidXMxIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJmb28ifSwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDM2MDAsImlzcyI6IlNLYjVhZWQ5Y2ExMmJmNTg5MGYzNzkzMGU2M2NhZDZkMzgiLCJzdWIiOiJBQ2FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhIn0.tYcNQD6v47PaOaKVqy1QYOEVuO89uY2jlhfM8Db7LYI";
const NODE_NBF_TTL: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJJREBleGFtcGxlLmNvbSJ9LCJuYmYiOjE2OTk5OTk5NDAsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAwMTAwLCJpc3MiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4Iiwic3ViIjoiQUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYSJ9.vVhpA9yyIu9bRzWo5yyQ-m-V-X_W_4GRRO6hV-L9Nhk";
const NODE_ALL_GRANTS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIiwidHdyIjoiaWUxIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJhbGljZSIsImNoYXQiOnsic2VydmljZV9zaWQiOiJJU2FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhIiwiZW5kcG9pbnRfaWQiOiJhbGljZTpjaGF0OndlYiIsImRlcGxveW1lbnRfcm9sZV9zaWQiOiJSTGFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhIiwicHVzaF9jcmVkZW50aWFsX3NpZCI6IkNSYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifSwidm9pY2UiOnsiaW5jb21pbmciOnsiYWxsb3ciOnRydWV9LCJvdXRnb2luZyI6eyJhcHBsaWNhdGlvbl9zaWQiOiJBUGFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhIiwicGFyYW1zIjp7ImZyb20iOiIrMTUwMDU1NTAwMDYiLCJsYW5nIjoiZnIifX0sInB1c2hfY3JlZGVudGlhbF9zaWQiOiJDUmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiIiwiZW5kcG9pbnRfaWQiOiJhbGljZS1waG9uZSJ9LCJ2aWRlbyI6eyJyb29tIjoiZGFpbHktc3RhbmR1cCJ9LCJkYXRhX3N5bmMiOnsic2VydmljZV9zaWQiOiJJU2JiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiIiwiZW5kcG9pbnRfaWQiOiJhbGljZTpzeW5jIn19LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDA4NjQwMCwiaXNzIjoiU0tiNWFlZDljYTEyYmY1ODkwZjM3OTMwZTYzY2FkNmQzOCIsInN1YiI6IkFDYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifQ.JRLpqeh9IBdNYcJVbbGWxjCxdJoktAN6at_qTPVIpR4";
const NODE_EMPTY_GRANTS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJib2IiLCJ2aWRlbyI6e30sImNoYXQiOnt9LCJ2b2ljZSI6e319LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiaXNzIjoiU0tiNWFlZDljYTEyYmY1ODkwZjM3OTMwZTYzY2FkNmQzOCIsInN1YiI6IkFDYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifQ.h-R4IH3nPw229TEfPpElRC3jyaiMqKug53EfYIONZ_0";
const NODE_ESCAPED_IDENTITY: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJhbFwiaWNlXFwgL8Op8J-YgFx1MDAwMVxufyIsInZpZGVvIjp7InJvb20iOiJSTWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhIn19LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiaXNzIjoiU0tiNWFlZDljYTEyYmY1ODkwZjM3OTMwZTYzY2FkNmQzOCIsInN1YiI6IkFDYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifQ.APnD6A9tV9BKscuFIjkQuJY40NVaUzBSKz6_qTYJZPo";

fn all_grants() -> AccessToken {
    token(SECRET, "alice")
        .with_region("ie1")
        .with_ttl(Duration::from_secs(86400))
        .with_grant(
            ChatGrant::new()
                .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
                .with_endpoint_id("alice:chat:web")
                .with_deployment_role_sid(sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
                .with_push_credential_sid(sid!("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
        )
        .with_grant(
            VoiceGrant::new()
                .with_incoming_allow(true)
                .with_outgoing(
                    OutgoingApplication::new(sid!("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
                        .with_param("from", "+15005550006")
                        .with_param("lang", "fr"),
                )
                .with_push_credential_sid(sid!("CRbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
                .with_endpoint_id("alice-phone"),
        )
        .with_grant(VideoGrant::new().with_room("daily-standup"))
        .with_grant(
            SyncGrant::new()
                .with_service_sid(sid!("ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
                .with_endpoint_id("alice:sync"),
        )
}

#[test]
fn the_node_librarys_tokens_byte_for_byte() {
    let cases = [
        (
            "identity_only",
            token("secret", "ID@example.com"),
            NODE_IDENTITY_ONLY,
        ),
        (
            "region",
            token(SECRET, "foo").with_region("us1"),
            NODE_REGION,
        ),
        (
            "nbf_ttl",
            token("secret", "ID@example.com")
                .with_nbf(at(1_699_999_940))
                .with_ttl(Duration::from_secs(100)),
            NODE_NBF_TTL,
        ),
        ("all_grants", all_grants(), NODE_ALL_GRANTS),
        (
            "empty_grants",
            token("secret", "bob")
                .with_grant(VideoGrant::new())
                .with_grant(ChatGrant::new())
                .with_grant(VoiceGrant::new().with_incoming_allow(false)),
            NODE_EMPTY_GRANTS,
        ),
        (
            "escaped_identity",
            token("secret", "al\"ice\\ /é😀\u{1}\n\u{7f}")
                .with_grant(VideoGrant::new().with_room("RMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")),
            NODE_ESCAPED_IDENTITY,
        ),
    ];
    for (name, token, expected) in cases {
        assert_eq!(token.to_jwt_at(at(T0)).unwrap(), expected, "{name}");
    }
}

#[test]
fn the_node_tokens_decode_to_the_documented_layout() {
    let (header, claims) = decode(NODE_ALL_GRANTS, SECRET);
    assert_eq!(
        header,
        json!({"alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1", "twr": "ie1"})
    );
    assert_eq!(
        claims,
        json!({
            "jti": format!("{KEY_SID}-{T0}"),
            "grants": {
                "identity": "alice",
                "chat": {
                    "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "endpoint_id": "alice:chat:web",
                    "deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "push_credential_sid": "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                },
                "voice": {
                    "incoming": {"allow": true},
                    "outgoing": {
                        "application_sid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                        "params": {"from": "+15005550006", "lang": "fr"},
                    },
                    "push_credential_sid": "CRbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                    "endpoint_id": "alice-phone",
                },
                "video": {"room": "daily-standup"},
                "data_sync": {
                    "service_sid": "ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                    "endpoint_id": "alice:sync",
                },
            },
            "iat": T0,
            "exp": T0 + 86400,
            "iss": KEY_SID,
            "sub": ACCOUNT_SID,
        })
    );
}

// Minted with twilio 9.13.0 from PyPI (PyJWT 2.15.1), Python 3.11, by this script: the
// same inputs as `all_grants` above.
//
//   import time; time.time = lambda: 1700000000.0
//   from twilio.jwt.access_token import AccessToken
//   from twilio.jwt.access_token.grants import ChatGrant, VoiceGrant, VideoGrant, SyncGrant
//   t = AccessToken("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SKb5aed9ca12bf5890f37930e63cad6d38",
//                   "aTBl1PhJnykIjWll4TOiXKtD1ugxiz6f", identity="alice", region="ie1", ttl=86400)
//   t.add_grant(ChatGrant(service_sid="ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", endpoint_id="alice:chat:web",
//       deployment_role_sid="RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", push_credential_sid="CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
//   t.add_grant(VoiceGrant(incoming_allow=True, outgoing_application_sid="APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
//       outgoing_application_params={"from": "+15005550006", "lang": "fr"},
//       push_credential_sid="CRbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", endpoint_id="alice-phone"))
//   t.add_grant(VideoGrant(room="daily-standup"))
//   t.add_grant(SyncGrant(service_sid="ISbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", endpoint_id="alice:sync"))
//   print(t.to_jwt())
const PYTHON_ALL_GRANTS: &str = "eyJhbGciOiJIUzI1NiIsImN0eSI6InR3aWxpby1mcGE7dj0xIiwidHdyIjoiaWUxIiwidHlwIjoiSldUIn0.eyJqdGkiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4LTE3MDAwMDAwMDAiLCJncmFudHMiOnsiY2hhdCI6eyJzZXJ2aWNlX3NpZCI6IklTYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEiLCJlbmRwb2ludF9pZCI6ImFsaWNlOmNoYXQ6d2ViIiwiZGVwbG95bWVudF9yb2xlX3NpZCI6IlJMYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEiLCJwdXNoX2NyZWRlbnRpYWxfc2lkIjoiQ1JhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYSJ9LCJ2b2ljZSI6eyJpbmNvbWluZyI6eyJhbGxvdyI6dHJ1ZX0sIm91dGdvaW5nIjp7ImFwcGxpY2F0aW9uX3NpZCI6IkFQYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEiLCJwYXJhbXMiOnsiZnJvbSI6IisxNTAwNTU1MDAwNiIsImxhbmciOiJmciJ9fSwicHVzaF9jcmVkZW50aWFsX3NpZCI6IkNSYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmIiLCJlbmRwb2ludF9pZCI6ImFsaWNlLXBob25lIn0sInZpZGVvIjp7InJvb20iOiJkYWlseS1zdGFuZHVwIn0sImRhdGFfc3luYyI6eyJzZXJ2aWNlX3NpZCI6IklTYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmIiLCJlbmRwb2ludF9pZCI6ImFsaWNlOnN5bmMifSwiaWRlbnRpdHkiOiJhbGljZSJ9LCJpc3MiOiJTS2I1YWVkOWNhMTJiZjU4OTBmMzc5MzBlNjNjYWQ2ZDM4IiwiZXhwIjoxNzAwMDg2NDAwLCJuYmYiOjE3MDAwMDAwMDAsInN1YiI6IkFDYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWEifQ.xVZ9RUqfU_9ulpAPTAnwFxs_2n2GogZYfd50k0-7gDs";

/// The Python library orders members differently, has no `iat` and sets `nbf` to the
/// issue time by default: with that `nbf`, the same JSON values less our `iat`.
#[test]
fn the_python_librarys_token_as_json_values() {
    let (their_header, their_claims) = decode(PYTHON_ALL_GRANTS, SECRET);
    let ours = all_grants().with_nbf(at(T0)).to_jwt_at(at(T0)).unwrap();
    let (our_header, mut our_claims) = decode(&ours, SECRET);
    assert_eq!(our_header, their_header);
    assert_eq!(
        our_claims.as_object_mut().unwrap().remove("iat"),
        Some(json!(T0))
    );
    assert_eq!(our_claims, their_claims);
}

// ---------------------------------------------------------------------------------------
// The cases of twilio-python's tests/unit/jwt/test_access_token.py, at commit
// 306691e793f417b6974640d1ef88785e9de03b2a. Its SIDs are short ("AC123", "IS123"); a
// typed `Sid` takes only full ones, so each is the full SID of the same prefix
// (`ISaaa...`), and the voice grant's application "CP123" is an `AP` SID. Its tokens have
// no identity, which `jwt` requires: `grants` has an `identity` more here.
// ---------------------------------------------------------------------------------------

#[test]
fn python_test_identity() {
    let claims = claims_at_t0(&token(SECRET, "test@twilio.com"));
    assert_eq!(claims["grants"], json!({"identity": "test@twilio.com"}));
}

#[test]
fn python_test_region_and_empty_region() {
    let (header, _) = decode(
        &token(SECRET, "x")
            .with_region("foo")
            .to_jwt_at(at(T0))
            .unwrap(),
        SECRET,
    );
    assert_eq!(header["twr"], "foo");
    let (header, _) = decode(&token(SECRET, "x").to_jwt_at(at(T0)).unwrap(), SECRET);
    assert!(header.get("twr").is_none());
}

#[test]
fn python_test_nbf() {
    let claims = claims_at_t0(&token(SECRET, "x").with_nbf(at(T0)));
    assert_eq!(claims["nbf"], T0);
}

#[test]
fn python_test_headers() {
    let (header, _) = decode(&token(SECRET, "x").to_jwt_at(at(T0)).unwrap(), SECRET);
    assert_eq!(header["cty"], "twilio-fpa;v=1");
}

#[test]
fn python_test_conversations_grant() {
    let grant = VoiceGrant::new().with_outgoing(OutgoingApplication::new(sid!(
        "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    )));
    let claims = claims_at_t0(&token(SECRET, "x").with_grant(grant));
    assert_eq!(
        claims["grants"]["voice"],
        json!({"outgoing": {"application_sid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}})
    );
}

#[test]
fn python_test_video_grant() {
    let claims = claims_at_t0(&token(SECRET, "x").with_grant(VideoGrant::new().with_room("RM123")));
    assert_eq!(claims["grants"]["video"], json!({"room": "RM123"}));
}

#[test]
fn python_test_chat_grant() {
    let grant = ChatGrant::new()
        .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_push_credential_sid(sid!("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    let claims = claims_at_t0(&token(SECRET, "x").with_grant(grant));
    assert_eq!(
        claims["grants"]["chat"],
        json!({
            "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "push_credential_sid": "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        })
    );
}

#[test]
fn python_test_sync_grant() {
    let grant = SyncGrant::new()
        .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_endpoint_id("blahblahendpoint");
    let claims = claims_at_t0(&token(SECRET, "bender").with_grant(grant));
    assert_eq!(
        claims["grants"],
        json!({
            "identity": "bender",
            "data_sync": {
                "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "endpoint_id": "blahblahendpoint",
            },
        })
    );
}

#[test]
fn python_test_grants() {
    let claims = claims_at_t0(
        &token(SECRET, "x")
            .with_grant(VideoGrant::new())
            .with_grant(ChatGrant::new()),
    );
    assert_eq!(
        claims["grants"],
        json!({"identity": "x", "video": {}, "chat": {}})
    );
}

#[test]
fn python_test_programmable_voice_grant() {
    let grant = VoiceGrant::new().with_outgoing(
        OutgoingApplication::new(sid!("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
            .with_param("foo", "bar"),
    );
    let claims = claims_at_t0(&token(SECRET, "x").with_grant(grant));
    assert_eq!(
        claims["grants"]["voice"],
        json!({"outgoing": {"application_sid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "params": {"foo": "bar"}}})
    );
}

#[test]
fn python_test_programmable_voice_grant_incoming() {
    let claims =
        claims_at_t0(&token(SECRET, "x").with_grant(VoiceGrant::new().with_incoming_allow(true)));
    assert_eq!(
        claims["grants"]["voice"],
        json!({"incoming": {"allow": true}})
    );
}

// ---------------------------------------------------------------------------------------
// The cases of twilio-node's spec/unit/jwt/AccessToken.spec.js, at commit
// 45d3d65a4ea87652f4c7973af0e0998f3af31322. Its chat service "SRaaa..." is an `IS` SID
// here (Conversations services are `IS`), and its voice application "AP123" a full `AP`
// SID. Its HS384/HS512 cases have no counterpart: Twilio's client SDKs take HS256.
// ---------------------------------------------------------------------------------------

fn node_token() -> AccessToken {
    token(SECRET, "ID@example.com")
}

#[test]
fn node_should_generate_the_correct_headers() {
    let jwt = token(SECRET, "foo").to_jwt_at(at(T0)).unwrap();
    let (header, _) = decode(&jwt, SECRET);
    assert_eq!(
        header,
        json!({"cty": "twilio-fpa;v=1", "typ": "JWT", "alg": "HS256"})
    );
}

#[test]
fn node_should_add_twr_header_only_when_a_region_is_provided() {
    let (header, _) = decode(
        &node_token().with_region("foo").to_jwt_at(at(T0)).unwrap(),
        SECRET,
    );
    assert_eq!(header["twr"], "foo");
    let (header, _) = decode(
        &node_token().with_region("").to_jwt_at(at(T0)).unwrap(),
        SECRET,
    );
    assert!(header.get("twr").is_none());
}

#[test]
fn node_should_create_a_token_without_any_grants() {
    let claims = claims_at_t0(&node_token());
    assert!(claims["jti"].as_str().unwrap().starts_with(KEY_SID));
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        3600
    );
    assert_eq!(claims["grants"], json!({"identity": "ID@example.com"}));
    assert!(claims.get("nbf").is_none());
}

#[test]
fn node_should_accept_nbf() {
    let claims = claims_at_t0(&node_token().with_nbf(at(T0)));
    assert_eq!(claims["nbf"], T0);
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        3600
    );
    assert_eq!(claims["grants"], json!({"identity": "ID@example.com"}));
}

#[test]
fn node_should_accept_user_defined_ttl() {
    let claims = claims_at_t0(&node_token().with_ttl(Duration::from_secs(100)));
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        100
    );
}

fn node_chat_grant() -> ChatGrant {
    ChatGrant::new()
        .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_endpoint_id("endpointId")
        .with_push_credential_sid(sid!("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_deployment_role_sid(sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
}

fn node_chat_payload() -> Value {
    json!({
        "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "endpoint_id": "endpointId",
        "push_credential_sid": "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    })
}

#[test]
fn node_should_create_token_with_chat_grant() {
    let claims = claims_at_t0(&node_token().with_grant(node_chat_grant()));
    assert_eq!(
        claims["grants"],
        json!({"identity": "ID@example.com", "chat": node_chat_payload()})
    );
}

#[test]
fn node_should_create_token_with_video_grant() {
    let claims = claims_at_t0(&node_token().with_grant(VideoGrant::new().with_room("room")));
    assert_eq!(
        claims["grants"],
        json!({"identity": "ID@example.com", "video": {"room": "room"}})
    );
}

fn node_sync_grant() -> SyncGrant {
    SyncGrant::new()
        .with_service_sid(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_endpoint_id("endpointId")
}

#[test]
fn node_should_create_token_with_sync_grant() {
    let claims = claims_at_t0(&node_token().with_grant(node_sync_grant()));
    assert_eq!(
        claims["grants"],
        json!({
            "identity": "ID@example.com",
            "data_sync": {
                "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "endpoint_id": "endpointId",
            },
        })
    );
}

#[test]
fn node_should_create_token_with_multiple_grants() {
    let token = node_token()
        .with_grant(node_chat_grant())
        .with_grant(node_sync_grant())
        .with_grant(VideoGrant::new().with_room("CPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    let claims = claims_at_t0(&token);
    assert_eq!(
        claims["grants"],
        json!({
            "identity": "ID@example.com",
            "chat": node_chat_payload(),
            "data_sync": {
                "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "endpoint_id": "endpointId",
            },
            "video": {"room": "CPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
        })
    );
}

/// The `grants` claim of a token with `grant` alone, less the identity: the spec's
/// `toPayload()`.
fn payload(grant: impl Into<Grant>) -> Value {
    let grant = grant.into();
    let key = grant.key();
    claims_at_t0(&node_token().with_grant(grant))["grants"][key].clone()
}

#[test]
fn node_chat_grant_should_only_populate_set_properties() {
    let mut grant = ChatGrant::new();
    assert_eq!(payload(grant.clone()), json!({}));
    grant.deployment_role_sid = Some(sid!("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_eq!(
        payload(grant.clone()),
        json!({"deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    );
    grant.service_sid = Some(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_eq!(
        payload(grant.clone()),
        json!({
            "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        })
    );
    grant.endpoint_id = Some("endpointId".into());
    assert_eq!(
        payload(grant.clone()),
        json!({
            "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "endpoint_id": "endpointId",
        })
    );
    grant.endpoint_id = None;
    grant.push_credential_sid = Some(sid!("CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_eq!(
        payload(grant.clone()),
        json!({
            "service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "deployment_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "push_credential_sid": "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        })
    );
    grant.endpoint_id = Some("endpointId".into());
    assert_eq!(payload(grant), node_chat_payload());
}

#[test]
fn node_voice_grant_should_generate_a_grant() {
    let grant = VoiceGrant::new()
        .with_outgoing(
            OutgoingApplication::new(sid!("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
                .with_param("foo", "bar"),
        )
        .with_endpoint_id("id");
    assert_eq!(
        payload(grant),
        json!({
            "outgoing": {
                "application_sid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "params": {"foo": "bar"},
            },
            "endpoint_id": "id",
        })
    );
}

#[test]
fn node_voice_grant_sets_incoming_allow_only_when_true() {
    assert_eq!(
        payload(VoiceGrant::new().with_incoming_allow(true)),
        json!({"incoming": {"allow": true}})
    );
    assert_eq!(
        payload(VoiceGrant::new().with_incoming_allow(false)),
        json!({})
    );
}

#[test]
fn node_video_grant_should_only_populate_set_properties() {
    let mut grant = VideoGrant::new();
    assert_eq!(payload(grant.clone()), json!({}));
    grant.room = Some("CPsid".into());
    assert_eq!(payload(grant), json!({"room": "CPsid"}));
}

#[test]
fn node_sync_grant_should_only_populate_set_properties() {
    let mut grant = SyncGrant::new();
    assert_eq!(payload(grant.clone()), json!({}));
    grant.service_sid = Some(sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_eq!(
        payload(grant.clone()),
        json!({"service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    );
    grant.endpoint_id = Some("endpointId".into());
    assert_eq!(
        payload(grant.clone()),
        json!({"service_sid": "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "endpoint_id": "endpointId"})
    );
    grant.service_sid = None;
    assert_eq!(payload(grant), json!({"endpoint_id": "endpointId"}));
}

// ---------------------------------------------------------------------------------------
// Ours.
// ---------------------------------------------------------------------------------------

#[test]
fn empty_texts_and_params_are_left_out_as_unset() {
    let voice = VoiceGrant::new()
        .with_outgoing(OutgoingApplication::new(sid!(
            "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        )))
        .with_endpoint_id("");
    assert_eq!(
        payload(voice),
        json!({"outgoing": {"application_sid": "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}})
    );
    assert_eq!(payload(ChatGrant::new().with_endpoint_id("")), json!({}));
    assert_eq!(payload(SyncGrant::new().with_endpoint_id("")), json!({}));
    assert_eq!(payload(VideoGrant::new().with_room("")), json!({}));
}

#[test]
fn params_serialize_in_key_order() {
    let outgoing = OutgoingApplication::new(sid!("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .with_param("zeta", "1")
        .with_param("alpha", "2")
        .with_param("alpha", "3");
    let jwt = node_token()
        .with_grant(VoiceGrant::new().with_outgoing(outgoing))
        .to_jwt_at(at(T0))
        .unwrap();
    let claims = URL_SAFE_NO_PAD
        .decode(jwt.split('.').nth(1).unwrap())
        .unwrap();
    let claims = String::from_utf8(claims).unwrap();
    assert!(
        claims.contains(r#""params":{"alpha":"3","zeta":"1"}"#),
        "{claims}"
    );
}

#[test]
fn a_grant_of_a_kind_already_added_replaces_it_in_place() {
    let mut token = node_token()
        .with_grant(VideoGrant::new().with_room("first"))
        .with_grant(ChatGrant::new());
    token.add_grant(VideoGrant::new().with_room("second"));
    assert_eq!(
        token.grants(),
        [
            Grant::Video(VideoGrant::new().with_room("second")),
            Grant::Chat(ChatGrant::new()),
        ]
    );
    let jwt = token.to_jwt_at(at(T0)).unwrap();
    let claims = String::from_utf8(
        URL_SAFE_NO_PAD
            .decode(jwt.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert!(
        claims.contains(
            r#""grants":{"identity":"ID@example.com","video":{"room":"second"},"chat":{}}"#
        ),
        "{claims}"
    );
}

#[test]
fn grant_keys() {
    assert_eq!(Grant::from(ChatGrant::new()).key(), "chat");
    assert_eq!(Grant::from(VoiceGrant::new()).key(), "voice");
    assert_eq!(Grant::from(VideoGrant::new()).key(), "video");
    assert_eq!(Grant::from(SyncGrant::new()).key(), "data_sync");
}

#[test]
fn exp_is_iat_plus_ttl_and_jti_is_the_key_sid_and_iat() {
    let claims = claims_at_t0(&node_token());
    assert_eq!(claims["exp"], T0 + 3600);
    assert_eq!(
        claims["jti"],
        "SKb5aed9ca12bf5890f37930e63cad6d38-1700000000"
    );
}

#[test]
fn times_are_whole_seconds_rounded_down() {
    let issued = Timestamp::new(T0, 999_999_999).unwrap();
    let not_before = Timestamp::new(T0 - 10, 500_000_000).unwrap();
    let jwt = node_token()
        .with_nbf(not_before)
        .with_ttl(Duration::from_millis(60_900))
        .to_jwt_at(issued)
        .unwrap();
    let (_, claims) = decode(&jwt, SECRET);
    assert_eq!(claims["iat"], T0);
    assert_eq!(claims["nbf"], T0 - 10);
    assert_eq!(claims["exp"], T0 + 60);
    // Before the epoch, down is away from zero, as `Math.floor` rounds.
    let jwt = node_token()
        .to_jwt_at(Timestamp::new(-1, -500_000_000).unwrap())
        .unwrap();
    let (_, claims) = decode(&jwt, SECRET);
    assert_eq!(claims["iat"], -2);
    assert_eq!(claims["jti"], format!("{KEY_SID}--2"));
}

#[test]
fn to_jwt_issues_the_token_now() {
    let before = Timestamp::now().as_second();
    let jwt = node_token().to_jwt().unwrap();
    let after = Timestamp::now().as_second();
    let (_, claims) = decode(&jwt, SECRET);
    let iat = claims["iat"].as_i64().unwrap();
    assert!(
        (before..=after).contains(&iat),
        "{before} <= {iat} <= {after}"
    );
    assert_eq!(claims["exp"], iat + 3600);
}

#[test]
fn the_ttl_is_at_most_24_hours() {
    assert_eq!(AccessToken::MAX_TTL, Duration::from_secs(86_400));
    let claims = claims_at_t0(&node_token().with_ttl(AccessToken::MAX_TTL));
    assert_eq!(claims["exp"], T0 + 86_400);

    for ttl in [
        AccessToken::MAX_TTL + Duration::from_nanos(1),
        Duration::from_secs(86_401),
        Duration::MAX,
    ] {
        let err = node_token().with_ttl(ttl).to_jwt_at(at(T0)).unwrap_err();
        assert_eq!(err, AccessTokenError::TtlTooLong { ttl });
        assert!(
            err.to_string().contains("above the limit of 86400 s"),
            "{err}"
        );
    }
}

#[test]
fn the_ttl_is_at_least_one_second() {
    for ttl in [Duration::ZERO, Duration::from_millis(999)] {
        let err = node_token().with_ttl(ttl).to_jwt_at(at(T0)).unwrap_err();
        assert_eq!(err, AccessTokenError::TtlTooShort);
    }
    let claims = claims_at_t0(&node_token().with_ttl(Duration::from_secs(1)));
    assert_eq!(claims["exp"], T0 + 1);
}

#[test]
fn an_empty_identity_or_secret_is_an_error() {
    assert_eq!(
        token(SECRET, "").to_jwt_at(at(T0)).unwrap_err(),
        AccessTokenError::EmptyIdentity
    );
    assert_eq!(
        token("", "alice").to_jwt_at(at(T0)).unwrap_err(),
        AccessTokenError::EmptySecret
    );
}

#[test]
fn the_secret_is_never_shown() {
    let secret = "s3cr3t-4PI-k3y-v4lu3-nobody-may-see";
    let token = token(secret, "alice")
        .with_region("ie1")
        .with_nbf(at(T0))
        .with_grant(ChatGrant::new().with_endpoint_id("e"))
        .with_grant(VoiceGrant::new().with_incoming_allow(true));
    let debug = format!("{token:?}");
    assert!(!debug.contains(secret), "{debug}");
    assert!(debug.contains("[redacted]"), "{debug}");
    assert!(debug.contains("alice"), "{debug}");

    let errors = [
        token
            .clone()
            .with_ttl(Duration::MAX)
            .to_jwt_at(at(T0))
            .unwrap_err(),
        token
            .clone()
            .with_ttl(Duration::ZERO)
            .to_jwt_at(at(T0))
            .unwrap_err(),
        AccessToken::new(token.account_sid(), token.api_key_sid(), secret, "")
            .to_jwt_at(at(T0))
            .unwrap_err(),
        AccessTokenError::EmptySecret,
    ];
    for err in errors {
        for shown in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
            assert!(!shown.contains(secret), "{shown}");
            assert!(shown.len() < 120, "{shown}");
        }
    }
    // The token holds no secret either: a JWT is signed, not encrypted.
    let jwt = token.to_jwt_at(at(T0)).unwrap();
    let (header, claims) = decode(&jwt, secret);
    assert!(!header.to_string().contains(secret));
    assert!(!claims.to_string().contains(secret));
}

#[test]
fn a_wrong_secret_does_not_verify() {
    let jwt = node_token().to_jwt_at(at(T0)).unwrap();
    let (signing_input, signature) = jwt.rsplit_once('.').unwrap();
    let key = hmac::Key::new(hmac::HMAC_SHA256, b"not the secret");
    let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
    assert!(hmac::verify(&key, signing_input.as_bytes(), &signature).is_err());
}

#[test]
fn accessors_return_what_was_set() {
    let token = node_token()
        .with_ttl(Duration::from_secs(60))
        .with_nbf(at(T0))
        .with_region("au1")
        .with_grant(VideoGrant::new());
    assert_eq!(token.account_sid().as_str(), ACCOUNT_SID);
    assert_eq!(token.api_key_sid().as_str(), KEY_SID);
    assert_eq!(token.identity(), "ID@example.com");
    assert_eq!(token.ttl(), Duration::from_secs(60));
    assert_eq!(token.nbf(), Some(at(T0)));
    assert_eq!(token.region(), Some("au1"));
    assert_eq!(token.grants(), [Grant::Video(VideoGrant::new())]);
    assert_eq!(node_token().ttl(), AccessToken::DEFAULT_TTL);
    assert_eq!(node_token().with_region("").region(), None);
}
