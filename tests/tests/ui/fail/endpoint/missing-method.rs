use twill_api::declare::endpoint;

#[endpoint("/v1/Services/<Sid>", response = ())]
struct FetchService {
    sid: String,
}

fn main() {}
