use twill_api::endpoint;

#[endpoint(GET, "/v1/Services?PageSize=50", response = ())]
struct ListService {}

fn main() {}
