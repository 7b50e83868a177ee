use twill_api::declare::endpoint;

#[endpoint(GET, "/2010-04-01/Accounts/<AccountSid>/Messages/<Sid>.json", host = "api.twilio.com", response = ())]
struct FetchMessage {
    account_sid: String,
    #[sid(prefix = "SM|mm")]
    sid: String,
}

fn main() {}
