use twill_api::sid;

fn main() {
    let _ = sid!("RL0123456789abcdef0123456789abcdeg");
}
