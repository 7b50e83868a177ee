//! Fetches and updates a Conversations service configuration, then sends an SMS with API
//! v2010 and fetches it back by the SID the answer gave, on one client: each endpoint
//! goes to its own product's host.
//!
//! ```sh
//! cargo run -p twill-api --example quickstart
//! ```
//!
//! Without `TWILIO_ACCOUNT_SID`, it starts a local server on 127.0.0.1 that answers like
//! Twilio's configuration and message resources and sends the requests there (each
//! tagged with the `Twill-Host` of its product). With `TWILIO_ACCOUNT_SID`,
//! `TWILIO_AUTH_TOKEN` and `TWILIO_CHAT_SERVICE_SID` set, it calls Twilio itself; its
//! update writes back the settings it just read, so it changes nothing, and it sends an
//! SMS (then fetches it) only if `TWILIO_SMS_FROM` (a number of the account) and
//! `TWILIO_SMS_TO` are set too.

use std::error::Error as StdError;
use std::sync::Mutex;

use serde_json::{Value, json};
use twill_api::api::v2010::{CreateMessage, FetchMessage};
use twill_api::conversations::v1::{FetchServiceConfiguration, UpdateServiceConfiguration};
use twill_api::declare::Form;
use twill_api::prefix::{IS, RL};
use twill_api::{Client, Credentials, Endpoint, Sid, sid};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const LOCAL_ACCOUNT_SID: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const LOCAL_SERVICE_SID: Sid<IS> = sid!("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const ROLE_SID: Sid<RL> = sid!("RLbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

#[tokio::main]
async fn main() -> Result<(), Box<dyn StdError>> {
    // `server` lives to the end of `main`: dropping it stops it.
    let (client, service_sid, server) = if std::env::var_os("TWILIO_ACCOUNT_SID").is_some() {
        let service_sid: Sid<IS> = std::env::var("TWILIO_CHAT_SERVICE_SID")
            .map_err(|_| "set TWILIO_CHAT_SERVICE_SID to the IS... SID of a Conversations service")?
            .parse()?;
        let client = Client::from_env()?;
        println!(
            "Calling Twilio at {} as {}",
            client.base_url_for(FetchServiceConfiguration::HOST),
            client.account_sid()
        );
        (client, service_sid, None)
    } else {
        let server = local_server().await;
        let client = Client::builder()
            .credentials(Credentials::auth_token(
                LOCAL_ACCOUNT_SID,
                "local-auth-token",
            ))
            .base_url(server.uri())
            .build()?;
        println!(
            "TWILIO_ACCOUNT_SID is not set: calling a local server at {}",
            client.base_url_for(FetchServiceConfiguration::HOST)
        );
        (client, LOCAL_SERVICE_SID, Some(server))
    };

    let fetch = FetchServiceConfiguration::new(service_sid);
    show_request(&client, &fetch);
    let current = fetch.send(&client).await?;
    println!("<- {}\n", serde_json::to_string_pretty(&current)?);

    // Against Twilio, write back what was read (the role's SID goes from the answer into
    // the request as it is: typed `Sid<RL>` in both); locally, change something.
    let local = server.is_some();
    let update = UpdateServiceConfiguration {
        reachability_enabled: if local {
            Some(!current.reachability_enabled.unwrap_or(false))
        } else {
            current.reachability_enabled
        },
        default_chat_service_role_sid: if local {
            Some(ROLE_SID)
        } else {
            current.default_chat_service_role_sid
        },
        ..UpdateServiceConfiguration::new(service_sid)
    };
    show_request(&client, &update);
    let updated = update.send(&client).await?;
    println!("<- {}\n", serde_json::to_string_pretty(&updated)?);

    // A SID typed in at run time is checked once, when parsed: a request holds only
    // well-formed SIDs of the right kind.
    println!("-> \"RL-not-a-sid\" as a role SID");
    match "RL-not-a-sid".parse::<Sid<RL>>() {
        Err(err) => println!("<- refused before any request: {err}\n"),
        Ok(sid) => return Err(format!("expected a validation error, got {sid}").into()),
    }

    // The same client, another product: API v2010 at api.twilio.com, with the client's
    // account SID in the path.
    let sms = match (
        std::env::var("TWILIO_SMS_FROM"),
        std::env::var("TWILIO_SMS_TO"),
    ) {
        (Ok(from), Ok(to)) => Some((from, to)),
        _ if local => Some(("+15017122661".to_owned(), "+15558675310".to_owned())),
        _ => None,
    };
    let Some((from, to)) = sms else {
        println!("(no SMS sent: set TWILIO_SMS_FROM and TWILIO_SMS_TO to send one)");
        return Ok(());
    };
    let message = CreateMessage {
        from: Some(from),
        body: Some("Hello from twill".to_owned()),
        ..CreateMessage::new(to)
    };
    println!(
        "-> {}, at {}",
        CreateMessage::HOST,
        client.base_url_for(CreateMessage::HOST)
    );
    show_request(&client, &message);
    let sent = message.send(&client).await?;
    println!(
        "<- message {} is {:?}, created {}\n",
        sent.sid.as_deref().unwrap_or("?"),
        sent.status,
        sent.date_created
            .map_or_else(|| "?".to_owned(), |at| at.to_string())
    );
    // The answer's SID fetches the message: no parsing, no re-checking.
    let sid = sent.sid.ok_or("the answer has no message SID")?;
    let fetch = FetchMessage::new(sid);
    show_request(&client, &fetch);
    let fetched = fetch.send(&client).await?;
    println!("<- message {sid} is {:?}", fetched.status);
    Ok(())
}

/// Prints the method, path and parameters an endpoint sends.
fn show_request<E: Endpoint>(client: &Client, endpoint: &E) {
    let mut path = String::new();
    endpoint.write_path(&mut path, client.account_sid());
    let mut params = Form::new();
    endpoint.write_params(&mut params);
    println!("-> {} {path}", E::METHOD);
    if !params.is_empty() {
        println!("   {}", params.as_str());
    }
}

/// A loopback server that keeps one service configuration: GET returns it, POST
/// updates it from the form body, like Twilio's resource.
async fn local_server() -> MockServer {
    let server = MockServer::start().await;
    let base = format!("https://conversations.twilio.com/v1/Services/{LOCAL_SERVICE_SID}");
    let state = json!({
        "chat_service_sid": LOCAL_SERVICE_SID,
        "default_conversation_creator_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "default_conversation_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "default_chat_service_role_sid": "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "reachability_enabled": false,
        "url": format!("{base}/Configuration"),
        "links": {
            "notifications": format!("{base}/Configuration/Notifications"),
            "webhooks": format!("{base}/Configuration/Webhooks"),
        },
    });
    Mock::given(wiremock::matchers::path(format!(
        "/v1/Services/{LOCAL_SERVICE_SID}/Configuration"
    )))
    .and(wiremock::matchers::header(
        "twill-host",
        "conversations.twilio.com",
    ))
    .respond_with(ConfigurationResource(Mutex::new(state)))
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path(format!(
            "/2010-04-01/Accounts/{LOCAL_ACCOUNT_SID}/Messages.json"
        )))
        .and(wiremock::matchers::header("twill-host", "api.twilio.com"))
        .respond_with(MessageResource { created: true })
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path(format!(
            "/2010-04-01/Accounts/{LOCAL_ACCOUNT_SID}/Messages/{LOCAL_MESSAGE_SID}.json"
        )))
        .and(wiremock::matchers::header("twill-host", "api.twilio.com"))
        .respond_with(MessageResource { created: false })
        .mount(&server)
        .await;
    server
}

const LOCAL_MESSAGE_SID: &str = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// Answers a new message as Twilio does (`201 Created`, queued), and a fetched one as
/// sent, with API v2010's RFC 2822 dates.
struct MessageResource {
    created: bool,
}

impl Respond for MessageResource {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&request.body).unwrap_or_default();
        let form = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let sid = LOCAL_MESSAGE_SID;
        let (status, state) = match self.created {
            true => (201, "queued"),
            false => (200, "sent"),
        };
        ResponseTemplate::new(status).set_body_json(json!({
            "account_sid": LOCAL_ACCOUNT_SID,
            "sid": sid,
            "to": form("To"),
            "from": form("From"),
            "body": form("Body"),
            "status": state,
            "direction": "outbound-api",
            "num_segments": "1",
            "price": null,
            "date_created": "Sat, 28 Nov 2026 10:00:00 +0000",
            "date_sent": null,
            "uri": format!("/2010-04-01/Accounts/{LOCAL_ACCOUNT_SID}/Messages/{sid}.json"),
        }))
    }
}

struct ConfigurationResource(Mutex<Value>);

impl Respond for ConfigurationResource {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        if !request.headers.contains_key("authorization") {
            return ResponseTemplate::new(401).set_body_json(json!({
                "code": 20003,
                "message": "Authenticate",
                "more_info": "https://www.twilio.com/docs/errors/20003",
                "status": 401,
            }));
        }
        let mut state = self.0.lock().unwrap();
        if request.method.as_str() == "POST" {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&request.body).unwrap_or_default();
            for (name, value) in pairs {
                let (key, value) = match name.as_str() {
                    "ReachabilityEnabled" => ("reachability_enabled", json!(value == "true")),
                    "DefaultChatServiceRoleSid" => ("default_chat_service_role_sid", json!(value)),
                    "DefaultConversationRoleSid" => ("default_conversation_role_sid", json!(value)),
                    "DefaultConversationCreatorRoleSid" => {
                        ("default_conversation_creator_role_sid", json!(value))
                    }
                    _ => continue,
                };
                state[key] = value;
            }
        }
        ResponseTemplate::new(200).set_body_json(&*state)
    }
}
