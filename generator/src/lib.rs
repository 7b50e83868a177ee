//! Writes twill-api's endpoint declarations from Twilio's OpenAPI descriptions.
//!
//! ```sh
//! cargo run -p twill-generator                          # every declared product
//! cargo run -p twill-generator -- path/to/twilio_x_v1.json   # one spec (or several)
//! ```
//!
//! The declared products are [`product::DECLARED`], read from `tests/fixtures/`. Every
//! run also writes the SID kinds of all the specs there ([`prefixes`]):
//! `runtime/src/prefix.rs` and `macros/src/prefixes.rs`.
//!
//! Each spec `twilio_<product>_<version>.json` becomes `api/src/<product>/<version>/`:
//! a module per resource, with the `#[endpoint]` struct of every operation, the response
//! types and the wire enums, and a `mod.rs` with `visit_endpoints`. Its `.rs` files are
//! replaced, then formatted with `rustfmt --edition 2024`. The output is committed and
//! never edited by hand.

pub mod doc;
pub mod doc_fallback;
pub mod doc_overrides;
pub mod emit;
pub mod enums;
pub mod generate;
pub mod json;
pub mod naming;
pub mod plan;
pub mod prefixes;
pub mod product;
pub mod spec;
pub mod types;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::product::Product;

/// Generates the product of each spec in `specs`, or of every declared spec of
/// `tests/fixtures/` when `specs` is empty, and the SID kinds of every spec there, and
/// formats what it wrote.
pub fn run(mut specs: Vec<PathBuf>) -> Result<(), String> {
    let root = workspace_root();
    let fixtures = root.join("tests").join("fixtures");
    if specs.is_empty() {
        specs = product::DECLARED
            .iter()
            .map(|stem| fixtures.join(format!("{stem}.json")))
            .collect();
    }
    let prefixes = prefixes::Prefixes::scan(&fixtures)?;
    let header = emit::files::header("the specs of tests/fixtures/");
    let written = [
        (
            root.join("runtime").join("src").join("prefix.rs"),
            prefixes.runtime_file(&header),
        ),
        (
            root.join("macros").join("src").join("prefixes.rs"),
            prefixes.macros_file(&header),
        ),
    ];
    for (path, text) in &written {
        std::fs::write(path, text).map_err(|err| format!("{}: {err}", path.display()))?;
    }
    rustfmt(&written.map(|(path, _)| path))?;
    let markers = prefixes.markers();
    eprintln!(
        "SID kinds: {} prefixes, {} markers with alternatives",
        prefixes.singles().count(),
        markers.len()
    );
    let mut features = Vec::new();
    // Each product's versions among `specs`, for the product's `mod.rs`.
    let mut versions: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for spec in &specs {
        let stem = spec
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if let Some((name, version)) = naming::product_of(stem) {
            versions.entry(name).or_default().push(version);
        }
    }
    for spec in &specs {
        let stem = spec
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let (name, version) = naming::product_of(stem).ok_or_else(|| {
            format!(
                "{}: expected a file named twilio_<product>[_<version>].json",
                spec.display()
            )
        })?;
        let product = Product::new(&name, &version);
        let out_dir = root.join("api").join("src").join(&name).join(&version);
        let label = label(&root, spec);
        let mut generated = generate::generate(&product, spec, &label, &out_dir, &markers)?;
        // The product's own `mod.rs`, written once: it may hold prose of its own.
        let product_mod = root.join("api").join("src").join(&name).join("mod.rs");
        // (A product without versions, Preview, has only its generated `mod.rs`.)
        if !version.is_empty() && !product_mod.exists() {
            // One module per version, each behind its feature.
            let modules: String = versions
                .get(&name)
                .into_iter()
                .flatten()
                .map(|version| {
                    format!(
                        "#[cfg(feature = \"{}\")]\npub mod {version};\n",
                        naming::feature_of(&name, version)
                    )
                })
                .collect();
            let text = format!(
                "//! Twilio {}, served from `https://{}`.\n\n{modules}",
                product.title.trim_end_matches(&format!(" {version}")),
                generated.host
            );
            std::fs::write(&product_mod, text)
                .map_err(|err| format!("{}: {err}", product_mod.display()))?;
            generated.files.push(product_mod);
        }
        rustfmt(&generated.files)?;
        features.push(feature_line(&product));
        eprintln!(
            "{}: {} operations in {} modules, in {}",
            product.title,
            generated.operations,
            generated.modules,
            out_dir.strip_prefix(&root).unwrap_or(&out_dir).display()
        );
    }
    eprintln!("\nThe features of api/Cargo.toml for these products:");
    for line in features {
        println!("{line}");
    }
    Ok(())
}

/// The Cargo feature of a product, as a line of `[features]`: the resource families of
/// a product that has them are sub-features it turns on.
fn feature_line(product: &Product) -> String {
    let families: Vec<String> = product
        .families
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    format!(
        "{} = [{}]",
        naming::feature_of(&product.name, &product.version),
        families.join(", ")
    )
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// How the headers name a spec: relative to the workspace when inside it, else its file
/// name.
fn label(root: &Path, spec: &Path) -> String {
    let absolute = spec.canonicalize().unwrap_or_else(|_| spec.to_path_buf());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match absolute.strip_prefix(&root) {
        Ok(relative) => relative.display().to_string(),
        Err(_) => spec
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

fn rustfmt(files: &[PathBuf]) -> Result<(), String> {
    let status = Command::new("rustfmt")
        .args(["--edition", "2024"])
        .args(files)
        .status()
        .map_err(|err| format!("could not run rustfmt: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("rustfmt failed ({status})"))
    }
}
