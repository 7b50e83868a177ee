//! One product: plan its modules, emit every item, and write the files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::emit::Context;
use crate::emit::endpoint::endpoint_item;
use crate::emit::files::{header, mod_file, module_file};
use crate::emit::resource::{enum_item, page_item, resource_item};
use crate::plan::{Plan, resource_of};
use crate::product::Product;
use crate::spec::{Spec, ref_name};
use crate::types::Types;

/// What was generated for one spec.
pub struct Generated {
    /// The files written, for rustfmt.
    pub files: Vec<PathBuf>,
    /// Operations declared.
    pub operations: usize,
    /// Modules written (`mod.rs` aside).
    pub modules: usize,
}

/// Generates `out_dir` (`api/src/<product>/<version>/`) from the spec at `spec_path`,
/// named `spec_label` in the files' headers; replaces every `.rs` file there.
pub fn generate(
    product: &Product,
    spec_path: &Path,
    spec_label: &str,
    out_dir: &Path,
) -> Result<Generated, String> {
    let spec = Spec::load(spec_path)?;
    let types = Types::new(spec.schemas());
    let plan = Plan::new(&spec, &types, &product.title)?;
    let cx = Context {
        spec: &spec,
        types: &types,
        plan: &plan,
    };

    // Items per module, in the plan's module order.
    let mut items: Vec<Vec<String>> = plan
        .modules
        .iter()
        .map(|m| {
            m.enums
                .iter()
                .map(|e| enum_item(&cx, e))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<_, _>>()?;
    let mut visits = Vec::new();
    for op in spec.operations() {
        let resource = resource_of(op)?;
        let (module, _) = plan
            .resource(&resource)
            .ok_or_else(|| format!("{resource}: unplanned"))?;
        let index = plan
            .modules
            .iter()
            .position(|m| m.name == module)
            .unwrap_or_default();
        let endpoint = endpoint_item(&cx, op)?;
        items[index].push(endpoint.text);
        visits.push((endpoint.paginated, format!("{module}::{}", op.id())));
        if let (_, Some(schema)) = op.success()?
            && ref_name(schema).is_none()
        {
            items[index].push(page_item(&cx, op.id(), schema)?);
        }
    }
    for (m, module_items) in plan.modules.iter().zip(&mut items) {
        for resource in &m.resources {
            module_items.push(resource_item(&cx, resource)?);
        }
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
    for (m, module_items) in plan.modules.iter().zip(&items) {
        let doc = m
            .doc
            .as_ref()
            .ok_or_else(|| format!("module {} has no description", m.name))?;
        write(
            &format!("{}.rs", m.name),
            module_file(&header, doc, module_items),
        )?;
    }
    let names: Vec<String> = plan.modules.iter().map(|m| m.name.clone()).collect();
    write("mod.rs", mod_file(&header, product, &names, &visits)?)?;
    Ok(Generated {
        files,
        operations: visits.len(),
        modules: plan.modules.len(),
    })
}
