//! One product: plan its modules, emit every item, and write the files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::emit::Gen;
use crate::emit::files::{header, mod_file, module_file};
use crate::emit::resource::enum_item;
use crate::enums::EnumPlan;
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
    let plan = Plan::new(&spec)?;
    // The first pass records the enums requests and responses use; the second names
    // them as the enum plan says and writes them.
    let none = EnumPlan::default();
    let first = Items::new(&spec, &plan, &none)?;
    let mut taken = first.generator.taken().clone();
    taken.extend(spec.operations().iter().map(|op| op.id().to_owned()));
    let family = |module: &str| product.family(module).ok().flatten();
    let enums = EnumPlan::new(&first.generator.enum_uses, &taken, family);
    let Items {
        generator: g,
        mut items,
        mut docs,
        visits,
    } = Items::new(&spec, &plan, &enums)?;
    let index_of = |docs: &[(String, ModuleDoc)], module: &str| {
        docs.iter().position(|(name, _)| name == module)
    };
    let mut enum_items: Vec<Vec<String>> = vec![Vec::new(); docs.len()];
    for planned in &enums.enums {
        let i = match index_of(&docs, &planned.home) {
            Some(i) => i,
            None => {
                let text = format!(
                    "The enums of {} that several resources share: one type per set of \
                     values, whatever the spec names it.",
                    product.title
                );
                docs.push((planned.home.clone(), (0, None, text)));
                items.push(Vec::new());
                enum_items.push(Vec::new());
                docs.len() - 1
            }
        };
        enum_items[i].push(enum_item(planned));
    }
    for (module_items, enum_items) in items.iter_mut().zip(enum_items) {
        module_items.splice(0..0, enum_items);
    }
    let defined_in = g.defined_in;

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
            module_file(&header, name, doc, module_items, &defined_in, markers),
        )?;
    }
    write("mod.rs", mod_file(&header, product, &docs, &visits)?)?;
    let host = spec.host(&crate::json::Json::Null).unwrap_or_default();
    Ok(Generated {
        files,
        operations: visits.len(),
        modules: docs.len(),
        host,
    })
}

/// The items of every planned module but enums, in the plan's module order: per
/// operation its endpoint and list type, then resources, then types made on the way.
struct Items<'a> {
    /// The generator, with the enum uses it recorded.
    generator: Gen<'a>,
    /// The items of each module of `docs`.
    items: Vec<Vec<String>>,
    /// The modules and their descriptions.
    docs: Vec<(String, ModuleDoc)>,
    /// `visit_endpoints`: whether a list pages, and the endpoint's path.
    visits: Vec<(bool, String)>,
}

impl<'a> Items<'a> {
    fn new(spec: &'a Spec, plan: &'a Plan, enums: &'a EnumPlan) -> Result<Items<'a>, String> {
        let mut g = Gen::new(spec, plan, enums);
        let mut items: Vec<Vec<String>> = vec![Vec::new(); plan.modules.len()];
        let index_of = |module: &str| {
            plan.modules
                .iter()
                .position(|m| m.name == module)
                .unwrap_or_default()
        };
        let mut visits = Vec::new();
        for op in spec.operations() {
            let resource = resource_in(spec, op)?;
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
        for (module, text) in std::mem::take(&mut g.extras) {
            items[index_of(&module)].push(text);
        }
        let docs = plan
            .modules
            .iter()
            .map(|m| {
                m.doc
                    .clone()
                    .map(|doc| (m.name.clone(), doc))
                    .ok_or_else(|| format!("module {} has no description", m.name))
            })
            .collect::<Result<_, _>>()?;
        Ok(Items {
            generator: g,
            items,
            docs,
            visits,
        })
    }
}
