use twill_api::endpoint;

#[endpoint(GET, "/v1/Roles/<Sid>", response = ())]
struct FetchRole {
    #[sid]
    sid: String,
}

fn main() {}
