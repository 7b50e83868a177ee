use twill_api::endpoint;

#[endpoint(GET, "/v1/Services/<Sid>", respnse = ())]
struct FetchService {
    sid: String,
}

fn main() {}
