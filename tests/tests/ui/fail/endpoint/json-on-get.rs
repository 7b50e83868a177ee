use twill_api::declare::endpoint;

#[endpoint(GET, "/v1/Content", host = "content.twilio.com", response = (), json)]
struct ListContent {
    page_size: Option<u32>,
}

fn main() {}
