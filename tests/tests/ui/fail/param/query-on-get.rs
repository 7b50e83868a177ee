use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Services", host = "conversations.twilio.com", response = ())]
struct ListService {
    #[param(query, min = 1, max = 1000)]
    page_size: Option<u32>,
}

fn main() {}
