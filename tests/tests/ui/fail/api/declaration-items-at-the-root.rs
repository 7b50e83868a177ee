// What declarations are made of is in `twill_api::declare`, not at the root.
use twill_api::{Form, Page, Param, endpoint};

fn main() {}
