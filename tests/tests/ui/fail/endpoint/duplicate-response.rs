use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", response = (), response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
