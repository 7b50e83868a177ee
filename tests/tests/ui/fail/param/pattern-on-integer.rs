use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Assistants", host = "assistants.twilio.com", response = ())]
struct ListAssistant {
    #[param(pattern = "^[0-9]{2}$")]
    page_size: Option<u32>,
}

fn main() {}
