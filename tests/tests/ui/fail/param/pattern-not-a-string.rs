use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Assistants", host = "assistants.twilio.com", response = ())]
struct ListAssistant {
    #[param(pattern = ^aia_asst_)]
    assistant_id: Option<String>,
}

fn main() {}
