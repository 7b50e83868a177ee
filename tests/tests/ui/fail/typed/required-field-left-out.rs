//! `CreateRole`'s `permission` is required: a struct literal without it does not compile.
use twill_api::conversations::v1::{CreateRole, RoleType};

fn main() {
    let _ = CreateRole {
        friendly_name: "moderator".into(),
        role_type: RoleType::Service,
    };
}
