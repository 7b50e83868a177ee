use twill_api::declare::endpoint;

// An alias hides the `Vec` from the macro; the runtime's trait bound still refuses it.
type Sids = Vec<String>;

#[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com", response = ())]
struct FetchService {
    sid: Sids,
}

fn main() {}
