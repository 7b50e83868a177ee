use twill_api::endpoint;

#[endpoint(POST, "/v1/Services", response = ())]
struct CreateService {
    #[param(name = "Friendly")]
    friendly_name: Option<String>,
}

fn main() {}
