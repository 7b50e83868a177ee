use twill_api::endpoint;

#[endpoint(GET, response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
