use twill_api::Sid;

fn main() {
    let _ = "RL0123456789abcdef0123456789abcdef".parse::<Sid<String>>();
}
