use twill_api::endpoint;

#[endpoint]
struct FetchService {
    sid: String,
}

fn main() {}
