//! The README's Rust snippets compile against the crates as they are: each ```` ```rust ````
//! block is written to a file and built with trybuild. A block that declares an endpoint
//! is a module of its own; any other is the body of an async function that has a
//! `client: Client` and an `update: UpdateServiceConfiguration` at hand, and may use `?`.

use std::path::{Path, PathBuf};

/// What a statement snippet runs inside.
const BODY_WRAPPER: &str = "\
#![allow(unused)]

async fn snippet(
    client: twill_api::Client,
    update: twill_api::conversations::v1::UpdateServiceConfiguration,
) -> Result<(), Box<dyn std::error::Error>> {
    {SNIPPET}
    Ok(())
}

fn main() {}
";

/// The contents of the README's ```` ```rust ```` blocks, in order.
fn rust_blocks(readme: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in readme.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```rust") => current = Some(String::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "the README ends inside a code block");
    blocks
}

/// A compilable program for a snippet.
fn program(snippet: &str) -> String {
    if snippet.contains("#[endpoint") {
        format!("#![allow(unused)]\n\n{snippet}\nfn main() {{}}\n")
    } else {
        BODY_WRAPPER.replace("{SNIPPET}", snippet)
    }
}

#[test]
fn readme_snippets_compile() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("read README.md");
    let blocks = rust_blocks(&readme);
    assert!(
        blocks.len() >= 4,
        "expected the README's Rust snippets, found {}",
        blocks.len()
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("readme-snippets");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the snippets directory");
    let cases = trybuild::TestCases::new();
    for (i, block) in blocks.iter().enumerate() {
        let file = dir.join(format!("readme_snippet_{}.rs", i + 1));
        std::fs::write(&file, program(block)).expect("write a snippet");
        cases.pass(file);
    }
}

#[test]
fn blocks_are_found_whole() {
    let readme = "text\n```rust\nlet a = 1;\n\nlet b = 2;\n```\n```sh\nls\n```\n```rust\nx\n```\n";
    assert_eq!(rust_blocks(readme), ["let a = 1;\n\nlet b = 2;\n", "x\n"]);
}
