//! A declaration with a mistake still gives a struct with `send` and an `Endpoint`
//! impl, so its uses report nothing more than the mistake itself.

use twill_api::declare::{endpoint};
use twill_api::{Client, Endpoint};

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = serde_json::Value)]
struct FetchService {
    #[sid(prefix = "is")]
    sid: String,
}

#[allow(dead_code)]
async fn fetch(client: &Client) -> Result<serde_json::Value, twill_api::Error> {
    assert_eq!(FetchService::HOST, "conversations.twilio.com");
    FetchService { sid: "IS".into() }.send(client).await
}

fn main() {}
