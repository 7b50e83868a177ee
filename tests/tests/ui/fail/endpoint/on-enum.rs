use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", response = ())]
enum FetchService {
    Sid(String),
}

fn main() {}
