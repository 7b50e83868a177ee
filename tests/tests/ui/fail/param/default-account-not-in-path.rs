use twill_api::declare::endpoint;

#[endpoint(GET, "/2010-04-01/Accounts.json", host = "api.twilio.com", response = ())]
struct ListAccount {
    #[param(default_account)]
    account_sid: Option<String>,
}

fn main() {}
