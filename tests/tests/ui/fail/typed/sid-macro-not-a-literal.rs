use twill_api::sid;

const TEXT: &str = "RL0123456789abcdef0123456789abcdef";

fn main() {
    let _ = sid!(TEXT);
}
