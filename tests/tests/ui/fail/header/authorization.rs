use twill_api::declare::endpoint;

// Matched ignoring case, as HTTP does.
#[endpoint(GET, "/v1/Roles", host = "preview-iam.twilio.com", response = ())]
struct ListRole {
    #[header("authorization")]
    authorization: String,
}

fn main() {}
