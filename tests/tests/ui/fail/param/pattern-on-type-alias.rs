use twill_api::declare::endpoint;

type AssistantId = String;

#[endpoint(GET, "/v1/Assistants/<Id>", host = "assistants.twilio.com", response = ())]
struct FetchAssistant {
    #[param(pattern = "^aia_asst_.+$")]
    id: AssistantId,
}

fn main() {}
