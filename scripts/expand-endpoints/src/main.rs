//! `expand-endpoints SRC DST`: copies the Rust sources under SRC to DST with every
//! `#[endpoint(..)]` item replaced by what the macro expands it to, and `endpoint`
//! dropped from imports. Prints how long the expansions took.
//!
//! twill-macros' own modules are compiled in as a library (the `#[path]` modules
//! below), so the expansion is exactly the macro's.

#[path = "../../../macros/src/ast.rs"]
mod ast;
#[path = "../../../macros/src/attr.rs"]
mod attr;
#[path = "../../../macros/src/case.rs"]
mod case;
#[path = "../../../macros/src/check.rs"]
mod check;
#[path = "../../../macros/src/ctxt.rs"]
mod ctxt;
#[path = "../../../macros/src/expand.rs"]
mod expand;
#[path = "../../../macros/src/fallback.rs"]
mod fallback;
#[path = "../../../macros/src/path.rs"]
mod path;
#[path = "../../../macros/src/ty.rs"]
mod ty;

use std::path::Path;
use std::time::{Duration, Instant};

use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{Item, UseTree};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, src, dst] = args.as_slice() else {
        eprintln!("usage: expand-endpoints SRC DST");
        std::process::exit(2);
    };
    let (mut count, mut spent) = (0, Duration::ZERO);
    copy(Path::new(src), Path::new(dst), &mut count, &mut spent);
    println!(
        "expanded {count} endpoints in {:.1} ms ({:.1} µs each, fastest of {REPEAT} runs each)",
        spent.as_secs_f64() * 1e3,
        spent.as_secs_f64() * 1e6 / f64::from(count.max(1))
    );
}

fn copy(src: &Path, dst: &Path, count: &mut u32, spent: &mut Duration) {
    std::fs::create_dir_all(dst).expect("create the destination");
    for entry in std::fs::read_dir(src).expect("read the source") {
        let entry = entry.expect("a directory entry");
        let (from, to) = (entry.path(), dst.join(entry.file_name()));
        if from.is_dir() {
            copy(&from, &to, count, spent);
        } else if from.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&from).expect("read a source file");
            std::fs::write(&to, rewrite(&text, count, spent)).expect("write a source file");
        } else {
            std::fs::copy(&from, &to).expect("copy a file");
        }
    }
}

/// How many times each declaration is expanded to time it.
const REPEAT: usize = 5;

/// The file with each `#[endpoint]` item expanded.
fn rewrite(text: &str, count: &mut u32, spent: &mut Duration) -> String {
    let mut file = syn::parse_file(text).expect("the sources parse");
    let mut items = Vec::new();
    for item in std::mem::take(&mut file.items) {
        let Item::Struct(mut strukt) = item else {
            items.push(item);
            continue;
        };
        let Some(at) = strukt
            .attrs
            .iter()
            .position(|a| a.path().is_ident("endpoint"))
        else {
            items.push(Item::Struct(strukt));
            continue;
        };
        let attribute = strukt.attrs.remove(at);
        let args = match attribute.meta {
            syn::Meta::List(list) => list.tokens,
            _ => panic!("#[endpoint] without arguments"),
        };
        let input = strukt.to_token_stream();
        // The fastest of a few runs, so that one preempted run does not count.
        let (expanded, fastest) = (0..REPEAT)
            .map(|_| {
                let (args, input) = (args.clone(), input.clone());
                let start = Instant::now();
                let expanded = expand::endpoint(args, input);
                (expanded, start.elapsed())
            })
            .min_by_key(|(_, time)| *time)
            .expect("at least one run");
        *spent += fastest;
        *count += 1;
        let expanded: syn::File = syn::parse2(expanded).expect("the expansion parses");
        items.extend(expanded.items);
    }
    file.items = items;
    DropEndpointImport.visit_file_mut(&mut file);
    file.into_token_stream().to_string()
}

/// Removes `endpoint` from `use` lists, and `use`s of `twill_macros` (at the top of a
/// file or in an inline module, such as `twill_api::declare`).
struct DropEndpointImport;

/// Whether an item stays: not a `use` of `twill_macros` or of a lone `endpoint`.
fn keeps(item: &Item) -> bool {
    match item {
        Item::Use(u) => match &u.tree {
            UseTree::Path(p) if p.ident == "twill_macros" => false,
            tree => !imports_only_endpoint(tree),
        },
        _ => true,
    }
}

/// Whether a `use` tree imports `endpoint` alone (`crate::declare::endpoint`).
fn imports_only_endpoint(tree: &UseTree) -> bool {
    match tree {
        UseTree::Path(p) => imports_only_endpoint(&p.tree),
        UseTree::Name(n) => n.ident == "endpoint",
        _ => false,
    }
}

impl VisitMut for DropEndpointImport {
    fn visit_file_mut(&mut self, file: &mut syn::File) {
        file.items.retain(keeps);
        syn::visit_mut::visit_file_mut(self, file);
    }

    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        if let Some((_, items)) = &mut module.content {
            items.retain(keeps);
        }
        syn::visit_mut::visit_item_mod_mut(self, module);
    }

    fn visit_use_tree_mut(&mut self, tree: &mut UseTree) {
        if let UseTree::Group(group) = tree {
            group.items = std::mem::take(&mut group.items)
                .into_iter()
                .filter(|t| !matches!(t, UseTree::Name(n) if n.ident == "endpoint"))
                .collect();
        }
        syn::visit_mut::visit_use_tree_mut(self, tree);
    }
}
