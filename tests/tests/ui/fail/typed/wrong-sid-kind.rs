//! A service's SID where a role's is expected: the types name both kinds.
use twill_api::conversations::v1::{FetchRole, UpdateServiceConfiguration};
use twill_api::sid;

fn main() {
    let service = sid!("IS0123456789abcdef0123456789abcdef");
    let _ = FetchRole::new(service);
    let _ = UpdateServiceConfiguration {
        default_chat_service_role_sid: Some(service),
        ..UpdateServiceConfiguration::new(service)
    };
}
