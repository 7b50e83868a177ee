use twill_api::endpoint;

#[endpoint(POST, "/v1/Services", response = ())]
struct CreateService {
    #[param(rename = "")]
    friendly_name: Option<String>,
}

fn main() {}
