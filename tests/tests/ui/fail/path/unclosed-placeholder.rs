use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services/<ChatServiceSid/Configuration", host = "conversations.twilio.com", response = ())]
struct FetchServiceConfiguration {
    chat_service_sid: String,
}

fn main() {}
