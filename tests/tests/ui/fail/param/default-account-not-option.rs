use twill_api::declare::endpoint;

#[endpoint(GET, "/2010-04-01/Accounts/<AccountSid>/Messages.json", host = "api.twilio.com", response = ())]
struct ListMessage {
    #[param(default_account)]
    account_sid: String,
}

fn main() {}
