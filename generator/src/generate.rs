//! One product: plan its modules, emit every item, and write the files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::emit::Gen;
use crate::emit::files::{header, mod_file, module_file};
use crate::plan::{ModuleDoc, Plan, resource_in};
use crate::product::Product;
use crate::spec::Spec;

/// What was generated for one spec.
pub struct Generated {
    /// The files written, for rustfmt.
    pub files: Vec<PathBuf>,
    /// Operations declared.
    pub operations: usize,
    /// Modules written (`mod.rs` aside).
    pub modules: usize,
    /// The spec's host.
    pub host: String,
}

/// Generates `out_dir` (`api/src/<product>/<version>/`) from the spec at `spec_path`,
/// named `spec_label` in the files' headers, naming the SID kinds `markers` of
/// `crate::prefix`; replaces every `.rs` file there.
pub fn generate(
    product: &Product,
    spec_path: &Path,
    spec_label: &str,
    out_dir: &Path,
    markers: &[String],
) -> Result<Generated, String> {
    let spec = Spec::load(spec_path)?;
    let plan = Plan::new(&spec, &product.title)?;
    let mut g = Gen::new(&spec, &plan);

    // Items per module, in the plan's module order: enums, then per operation its
    // endpoint and list type, then resources, then types made on the way.
    let mut items: Vec<Vec<String>> = Vec::new();
    for m in &plan.modules {
        items.push(
            m.enums
                .iter()
                .map(|e| g.enum_item(e))
                .collect::<Result<_, _>>()?,
        );
    }
    let index_of = |module: &str| {
        plan.modules
            .iter()
            .position(|m| m.name == module)
            .unwrap_or_default()
    };
    let mut visits = Vec::new();
    for op in spec.operations() {
        let resource = resource_in(&spec, op)?;
        let module = plan
            .resource(&resource)
            .map(|r| r.module.clone())
            .ok_or_else(|| format!("{resource}: unplanned"))?;
        let endpoint = g.endpoint_item(op, &module)?;
        items[index_of(&module)].push(endpoint.text);
        visits.push((endpoint.paginated, format!("{module}::{}", op.id())));
        if let (Some(shape), (_, Some(schema))) = (endpoint.list, op.success()?) {
            let name = endpoint.response;
            let text = g.list_item(op.id(), &name, schema, shape, &module)?;
            items[index_of(&module)].push(text);
        }
    }
    for (i, m) in plan.modules.iter().enumerate() {
        for resource in &m.resources {
            let text = g.resource_item(resource, &m.name)?;
            items[i].push(text);
        }
    }
    // Named enum schemas no operation or resource used: in `other_enums`, made if
    // need be, so that every enum schema has a Rust type.
    let mut docs: Vec<(String, ModuleDoc)> = Vec::new();
    for m in &plan.modules {
        let doc = m
            .doc
            .clone()
            .ok_or_else(|| format!("module {} has no description", m.name))?;
        docs.push((m.name.clone(), doc));
    }
    for (schema, _) in &plan.enums {
        if schema.contains("_enum_") || g.made(&format!("enum-schema:{schema}")).is_some() {
            continue;
        }
        let i = match docs.iter().position(|(name, _)| name == "other_enums") {
            Some(i) => i,
            None => {
                let text = format!(
                    "Enum schemas of the spec that no {} operation or resource uses, kept so that \
                     every enum schema has a Rust type.",
                    product.title
                );
                docs.push(("other_enums".to_owned(), (0, None, text)));
                items.push(Vec::new());
                items.len() - 1
            }
        };
        items[i].push(g.enum_item(schema)?);
    }
    for (module, text) in std::mem::take(&mut g.extras) {
        items[index_of(&module)].push(text);
    }

    let header = header(spec_label);
    fs::create_dir_all(out_dir).map_err(|err| format!("{}: {err}", out_dir.display()))?;
    for entry in fs::read_dir(out_dir).map_err(|err| format!("{}: {err}", out_dir.display()))? {
        let path = entry.map_err(|err| err.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            fs::remove_file(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        }
    }
    let mut files = Vec::new();
    let mut write = |name: &str, text: String| -> Result<(), String> {
        let path = out_dir.join(name);
        fs::write(&path, text).map_err(|err| format!("{}: {err}", path.display()))?;
        files.push(path);
        Ok(())
    };
    for ((name, doc), module_items) in docs.iter().zip(&items) {
        write(
            &format!("{name}.rs"),
            module_file(&header, name, doc, module_items, &g.defined_in, markers),
        )?;
    }
    let names: Vec<String> = docs.iter().map(|(name, _)| name.clone()).collect();
    write("mod.rs", mod_file(&header, product, &names, &visits)?)?;
    let host = spec.host(&crate::json::Json::Null).unwrap_or_default();
    Ok(Generated {
        files,
        operations: visits.len(),
        modules: docs.len(),
        host,
    })
}
