use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Chat Services/<ChatServiceSid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    chat_service_sid: String,
}

fn main() {}
