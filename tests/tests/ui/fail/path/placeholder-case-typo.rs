use twill_api::declare::endpoint;

#[endpoint(GET, "/2010-04-01/Accounts/<accountSid>/Messages.json", host = "api.twilio.com", response = ())]
struct ListMessage {
    account_sid: String,
}

fn main() {}
