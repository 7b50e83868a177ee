use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<ServiceSid><Sid>", host = "conversations.twilio.com", response = ())]
struct FetchRole {
    service_sid: String,
    sid: String,
}

fn main() {}
