use twill_api::declare::endpoint;

#[endpoint(POST, "/v2/token", host = "oauth.twilio.com", response = ())]
struct CreateToken {
    #[param(rename = "account_sid", query)]
    #[param(query)]
    account_sid: Option<String>,
}

fn main() {}
