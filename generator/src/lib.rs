//! Writes twill-api's endpoint declarations from Twilio's OpenAPI descriptions.
//!
//! ```sh
//! cargo run -p twill-generator                          # every spec in tests/fixtures/
//! cargo run -p twill-generator -- path/to/twilio_x_v1.json   # one spec (or several)
//! ```
//!
//! Each spec `twilio_<product>_<version>.json` becomes `api/src/<product>/<version>/`:
//! a module per resource, with the `#[endpoint]` struct of every operation, the response
//! types and the wire enums, and a `mod.rs` with `visit_endpoints`. Its `.rs` files are
//! replaced, then formatted with `rustfmt --edition 2024`. The output is committed and
//! never edited by hand.

pub mod doc;
pub mod emit;
pub mod generate;
pub mod json;
pub mod naming;
pub mod plan;
pub mod product;
pub mod spec;
pub mod types;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::product::Product;

/// Generates the product of each spec in `specs`, or of every spec in `tests/fixtures/`
/// when `specs` is empty, and formats what it wrote.
pub fn run(mut specs: Vec<PathBuf>) -> Result<(), String> {
    let root = workspace_root();
    if specs.is_empty() {
        specs = fixture_specs(&root)?;
    }
    let mut features = Vec::new();
    for spec in &specs {
        let stem = spec
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let (name, version) = naming::product_of(stem).ok_or_else(|| {
            format!(
                "{}: expected a file named twilio_<product>_v<N>.json",
                spec.display()
            )
        })?;
        let product = Product::new(&name, &version);
        let out_dir = root.join("api").join("src").join(&name).join(&version);
        let label = label(&root, spec);
        let mut generated = generate::generate(&product, spec, &label, &out_dir)?;
        // The product's own `mod.rs`, written once: it may hold prose of its own.
        let product_mod = root.join("api").join("src").join(&name).join("mod.rs");
        if !product_mod.exists() {
            let text = format!(
                "//! Twilio {}, served from `https://{}`.\n\npub mod {version};\n",
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

/// Every `twilio_*_v*.json` of `tests/fixtures/`, sorted by name.
fn fixture_specs(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join("tests").join("fixtures");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|err| format!("{}: {err}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "json")
                && path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(naming::product_of)
                    .is_some()
        })
        .collect();
    specs.sort();
    Ok(specs)
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
