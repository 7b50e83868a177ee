use twill_api::{Sid, prefix::IS, sid};

const SERVICE: Sid<IS> = sid!(crate = "twill_api", "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

fn main() {}
