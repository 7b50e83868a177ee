use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", response = ())]
fn fetch_service() {}

fn main() {}
