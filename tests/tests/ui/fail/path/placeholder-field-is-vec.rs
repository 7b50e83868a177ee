use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", response = ())]
struct FetchService {
    sid: Vec<String>,
}

fn main() {}
