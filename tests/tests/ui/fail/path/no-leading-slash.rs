use twill_api::endpoint;

#[endpoint(GET, "v1/Services/<ChatServiceSid>/Configuration", response = ())]
struct FetchServiceConfiguration {
    chat_service_sid: String,
}

fn main() {}
