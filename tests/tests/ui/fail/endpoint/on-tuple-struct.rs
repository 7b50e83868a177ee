use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", response = ())]
struct FetchService(String);

fn main() {}
