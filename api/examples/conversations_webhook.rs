//! Serves a Conversations service's webhooks on loopback: checks each request's Twilio
//! signature, prints each verified event, and answers pre-action events (a message that
//! says "forbidden" is rejected, "darn" is masked).
//!
//! ```sh
//! cargo run -p twill-api --example conversations_webhook --features axum
//! ```
//!
//! It listens on `127.0.0.1:$PORT` (3000 unless set) and checks signatures against
//! `$PUBLIC_BASE_URL` (`http://127.0.0.1:$PORT` unless set): the URL Twilio calls, such
//! as a tunnel's `https://...` address, without the `/conversations` path that the
//! service's webhook target ends with. Signatures are checked with `$TWILIO_AUTH_TOKEN`.
//! Without it, the example uses a local token and first sends itself what Twilio would
//! send, signed the same way: an `onMessageAdd` it masks, one it rejects, an
//! `onMessageAdded`, and a tampered copy, which gets 403. It serves until stopped.

use std::error::Error as StdError;
use std::net::SocketAddr;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use twill_api::reqwest;
use twill_api::webhook::axum::{Verified, WebhookConfig, WebhookRejection};
use twill_api::webhook::conversations::{Event, MessageModification, PreActionResponse};
use twill_api::webhook::{RequestValidator, SIGNATURE_HEADER};

const LOCAL_AUTH_TOKEN: &str = "local-auth-token";

#[tokio::main]
async fn main() -> Result<(), Box<dyn StdError>> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| "PORT must be a port number")?,
        Err(_) => 3000,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    let public_base_url =
        std::env::var("PUBLIC_BASE_URL").unwrap_or_else(|_| format!("http://{addr}"));
    let auth_token = std::env::var("TWILIO_AUTH_TOKEN").ok();
    let local = auth_token.is_none();
    let validator = RequestValidator::new(auth_token.unwrap_or_else(|| LOCAL_AUTH_TOKEN.into()));
    let config = WebhookConfig::new(validator.clone(), public_base_url)?;
    println!(
        "Serving on http://{addr}/conversations; signatures are checked against {}/conversations",
        config.public_base_url()
    );

    let app = Router::new()
        .route("/conversations", post(conversations))
        .with_state(config.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    if local {
        println!("TWILIO_AUTH_TOKEN is not set: sending this server what Twilio would send");
        send_samples(addr, &config).await?;
        println!("Serving until stopped (Ctrl-C)");
    }
    server.await??;
    Ok(())
}

/// The webhook target: `Result<Verified<Event>, _>` lets the handler print a refused
/// request before answering it as the extractor would have.
async fn conversations(verified: Result<Verified<Event>, WebhookRejection>) -> Response {
    let event = match verified {
        Ok(Verified(event)) => event,
        Err(rejection) => {
            println!("  refused ({}): {rejection}", rejection.status());
            return rejection.into_response();
        }
    };
    println!("  verified {}", describe(&event));
    let answer = match &event {
        Event::MessageAdd(message) => match message.body.as_deref() {
            Some(body) if body.contains("forbidden") => PreActionResponse::Reject,
            Some(body) if body.contains("darn") => MessageModification::default()
                .body(body.replace("darn", "****"))
                .into(),
            _ => PreActionResponse::Accept,
        },
        // Other pre-action events are accepted as they are, and post-action events
        // need only a 200.
        _ => PreActionResponse::Accept,
    };
    match answer.body() {
        Some(body) => println!("  answer: {} {body}", answer.status()),
        None => println!("  answer: {}", answer.status()),
    }
    answer.into_response()
}

/// A line about an event.
fn describe(event: &Event) -> String {
    match event {
        Event::MessageAdd(message) => format!(
            "onMessageAdd in {} by {:?}: {:?}",
            message.conversation_sid, message.author, message.body
        ),
        Event::MessageAdded(message) => format!(
            "onMessageAdded {} (#{}) in {} by {:?} at {}: {:?}",
            message.message_sid,
            message.index,
            message.conversation_sid,
            message.author,
            message.date_created,
            message.body
        ),
        Event::Unknown(unknown) => format!(
            "{} (an event this crate does not know yet, {} parameters)",
            unknown.event_type(),
            unknown.params().len()
        ),
        other => format!("{other:?}"),
    }
}

/// Sends the server requests signed as Twilio signs them, and a tampered one.
async fn send_samples(addr: SocketAddr, config: &WebhookConfig) -> Result<(), Box<dyn StdError>> {
    let url = config.signed_url("/conversations");
    let target = format!("http://{addr}/conversations");
    let common = [
        ("AccountSid", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("ChatServiceSid", "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("ConversationSid", "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("Source", "SDK"),
        ("ClientIdentity", "alice"),
        ("Author", "alice"),
        ("Attributes", "{}"),
    ];
    let message_added = [
        ("MessageSid", "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("Index", "0"),
        ("DateCreated", "2026-11-28T10:00:00.000Z"),
        ("Body", "Hello, darn world"),
    ];
    let samples: [(&str, Vec<(&str, &str)>); 3] = [
        ("onMessageAdd", vec![("Body", "Hello, darn world")]),
        ("onMessageAdd", vec![("Body", "Something forbidden")]),
        ("onMessageAdded", message_added.to_vec()),
    ];
    let client = reqwest::Client::new();
    for (event_type, fields) in samples {
        let mut params = vec![("EventType", event_type)];
        params.extend(common);
        params.extend(fields);
        let signature = config.validator().sign(&url, &params);
        println!("POST {target} ({event_type}, signed)");
        send(&client, &target, &params, &signature).await?;
    }
    // The same onMessageAdded with its body changed after signing.
    let mut params = vec![("EventType", "onMessageAdded")];
    params.extend(common);
    params.extend(message_added);
    let signature = config.validator().sign(&url, &params);
    params.last_mut().expect("a body").1 = "Hello, world (changed on the way)";
    println!("POST {target} (onMessageAdded, tampered)");
    send(&client, &target, &params, &signature).await?;
    Ok(())
}

async fn send(
    client: &reqwest::Client,
    target: &str,
    params: &[(&str, &str)],
    signature: &str,
) -> Result<(), Box<dyn StdError>> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let response = client
        .post(target)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(SIGNATURE_HEADER, signature)
        .body(body)
        .send()
        .await?;
    println!("  -> {}", response.status());
    Ok(())
}
