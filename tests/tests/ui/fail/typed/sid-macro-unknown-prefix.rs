use twill_api::sid;

fn main() {
    let _ = sid!("ZZ0123456789abcdef0123456789abcdef");
}
