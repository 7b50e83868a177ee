use twill_api::endpoint;

#[endpoint(FETCH, "/v1/Services/<Sid>", response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
