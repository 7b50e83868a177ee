use twill_api::declare::endpoint;

#[endpoint]
struct FetchService {
    sid: String,
}

fn main() {}
