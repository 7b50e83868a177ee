//! The kinds of SID: every prefix the API descriptions give a SID pattern, read from
//! every spec of `tests/fixtures/`, and the files made of them: the runtime's marker
//! types (`runtime/src/prefix.rs`, re-exported as `twill_api::prefix`) and the list
//! `sid!` checks literals against (`macros/src/prefixes.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::doc::{inner, markdown};
use crate::json::Json;
use crate::spec::Spec;

/// The SID prefix of a pattern: `^RL[0-9a-fA-F]{32}$` -> `RL`,
/// `^(SM|MM)[0-9a-fA-F]{32}$` -> `SM|MM`. The organizations API writes its patterns
/// without anchors and with lowercase digits only (`OR[0-9a-f]{32}`): a SID all the
/// same, which `Sid` accepts in both cases as Twilio does.
pub fn sid_prefix(pattern: &str) -> Option<String> {
    let rest = pattern.strip_prefix('^').unwrap_or(pattern);
    let rest = rest.strip_suffix('$').unwrap_or(rest);
    let prefix = ["[0-9a-fA-F]{32}", "[0-9A-Fa-f]{32}", "[0-9a-f]{32}"]
        .iter()
        .find_map(|digits| rest.strip_suffix(digits))?;
    let prefix = prefix
        .strip_prefix('(')
        .and_then(|p| p.strip_suffix(')'))
        .unwrap_or(prefix);
    let ok = prefix
        .split('|')
        .all(|alt| alt.len() == 2 && alt.chars().all(|c| c.is_ascii_uppercase()));
    ok.then(|| prefix.to_owned())
}

/// The Rust name of a prefix's marker: `RL` -> `RL`, `SM|MM` -> `SmOrMm`.
pub fn marker(prefix: &str) -> String {
    if !prefix.contains('|') {
        return prefix.to_owned();
    }
    prefix
        .split('|')
        .map(|alt| {
            let mut chars = alt.chars();
            chars.next().into_iter().collect::<String>() + &chars.as_str().to_ascii_lowercase()
        })
        .collect::<Vec<_>>()
        .join("Or")
}

/// What the specs say of one prefix.
#[derive(Default)]
struct Uses {
    /// Schemas whose `sid` has the prefix: `conversations.v1.role`.
    resources: BTreeSet<String>,
    /// Other properties and parameters with the prefix's pattern: `role_sid`.
    names: BTreeSet<String>,
}

/// Every prefix of the specs, single or alternatives, with what uses it.
pub struct Prefixes {
    uses: BTreeMap<String, Uses>,
}

impl Prefixes {
    /// Reads every `twilio_*.json` of `dir`.
    pub fn scan(dir: &Path) -> Result<Prefixes, String> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|err| format!("{}: {err}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.extension().is_some_and(|ext| ext == "json")
                    && path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("twilio_"))
            })
            .collect();
        paths.sort();
        let mut uses: BTreeMap<String, Uses> = BTreeMap::new();
        for path in &paths {
            let spec = Spec::load(path)?;
            for (name, schema) in spec.schemas() {
                if let Some(prefix) = schema.at("properties").at("sid").at("pattern").as_str()
                    && let Some(prefix) = sid_prefix(prefix)
                {
                    uses.entry(prefix)
                        .or_default()
                        .resources
                        .insert(name.clone());
                }
            }
            walk(&spec.raw, None, &mut |name, pattern| {
                if let Some(prefix) = sid_prefix(pattern) {
                    let entry = uses.entry(prefix).or_default();
                    if let Some(name) = name.filter(|n| *n != "sid") {
                        entry.names.insert(name.to_owned());
                    }
                }
            });
        }
        // Every alternative is a kind of its own too.
        let alternatives: Vec<String> = uses
            .keys()
            .filter(|p| p.contains('|'))
            .flat_map(|p| p.split('|').map(str::to_owned))
            .collect();
        for alt in alternatives {
            uses.entry(alt).or_default();
        }
        Ok(Prefixes { uses })
    }

    /// The single prefixes, sorted.
    pub fn singles(&self) -> impl Iterator<Item = &str> {
        self.uses
            .keys()
            .filter(|p| !p.contains('|'))
            .map(String::as_str)
    }

    /// The names of every marker: single prefixes and alternatives.
    pub fn markers(&self) -> Vec<String> {
        self.uses.keys().map(|p| marker(p)).collect()
    }

    /// `runtime/src/prefix.rs`.
    pub fn runtime_file(&self, header: &str) -> String {
        let mut out = format!("{header}\n");
        out += &inner(&format!(
            "The kinds of SID: one marker type per prefix of Twilio's API descriptions ({} of \
             them), for [`Sid<P>`](crate::Sid), and one per set of alternatives a parameter \
             accepts (`SmOrMm`: a message, SMS or MMS), into which a SID of each alternative \
             converts.\n\nEach marker's doc names the resources whose SIDs have its prefix, as \
             the descriptions name their schemas, or else the properties that hold such SIDs.",
            self.singles().count()
        ));
        out += "\nuse crate::typed_sid::{Prefix, Sid};\n";
        for (prefix, uses) in &self.uses {
            let name = marker(prefix);
            let text = if prefix.contains('|') {
                let shown: Vec<String> = prefix.split('|').map(|p| format!("`{p}`")).collect();
                format!(
                    "A SID starting with {}: what {} accept.",
                    shown.join(" or "),
                    listed(&uses.names, "parameters and properties")
                )
            } else if !uses.resources.is_empty() {
                format!(
                    "`{prefix}`: the SID of {}.",
                    listed(&uses.resources, "resources")
                )
            } else if !uses.names.is_empty() {
                format!(
                    "`{prefix}`: the SIDs held by {}.",
                    listed(&uses.names, "properties")
                )
            } else {
                format!("`{prefix}`: one of the alternatives of another kind.")
            };
            out += "\n";
            out += &markdown(&text, "");
            out += "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n";
            out += &format!("pub enum {name} {{}}\n\n");
            out += &format!(
                "impl Prefix for {name} {{\n    const PREFIX: &'static str = \"{prefix}\";\n}}\n"
            );
            if prefix.contains('|') {
                for alt in prefix.split('|') {
                    out += &format!(
                        "\n/// A SID starting with `{alt}` is one of the alternatives of `{name}`.\n\
                         #[diagnostic::do_not_recommend]\n\
                         impl From<Sid<{alt}>> for Sid<{name}> {{\n    \
                         fn from(sid: Sid<{alt}>) -> Self {{\n        sid.retype()\n    }}\n}}\n"
                    );
                }
            }
        }
        out
    }

    /// `macros/src/prefixes.rs`.
    pub fn macros_file(&self, header: &str) -> String {
        let listed: Vec<String> = self.singles().map(|p| format!("\"{p}\"")).collect();
        format!(
            "{header}\n{}\n/// The prefixes, sorted.\npub(crate) const PREFIXES: &[&str] = &[{}];\n",
            inner(
                "Every SID prefix of Twilio's API descriptions, sorted: what `sid!` accepts, as \
                 `twill_api::prefix` has a marker for each."
            ),
            listed.join(", ")
        )
    }
}

/// Up to three names of `set`, and how many more: `` `a`, `b`, `c` and 4 more resources ``.
fn listed(set: &BTreeSet<String>, what: &str) -> String {
    const SHOWN: usize = 3;
    let shown: Vec<String> = set.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    let rest = set.len().saturating_sub(SHOWN);
    match (shown.len(), rest) {
        (0, _) => format!("no {what}"),
        (1, _) => shown[0].clone(),
        (_, 0) => {
            let (last, first) = shown.split_last().expect("two or more");
            format!("{} and {last}", first.join(", "))
        }
        _ => format!("{} and {rest} more {what}", shown.join(", ")),
    }
}

/// Calls `f` with every `pattern` of `value`, and the name of the property or parameter
/// it belongs to when known.
fn walk<'a>(value: &'a Json, name: Option<&'a str>, f: &mut impl FnMut(Option<&'a str>, &'a str)) {
    match value {
        Json::Object(entries) => {
            // A parameter names itself; a property is named by its key.
            let own = value.at("name").as_str().or(name);
            for (key, child) in entries {
                match (key.as_str(), child) {
                    ("pattern", Json::String(pattern)) => f(own, pattern),
                    ("schema" | "items", _) => walk(child, own, f),
                    _ => walk(child, Some(key), f),
                }
            }
        }
        Json::Array(items) => items.iter().for_each(|item| walk(item, name, f)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sid_prefixes() {
        assert_eq!(sid_prefix("^RL[0-9a-fA-F]{32}$").as_deref(), Some("RL"));
        assert_eq!(
            sid_prefix("^(SM|MM)[0-9a-fA-F]{32}$").as_deref(),
            Some("SM|MM")
        );
        assert_eq!(sid_prefix("OR[0-9a-f]{32}").as_deref(), Some("OR"));
        assert_eq!(sid_prefix("^US[0-9A-Fa-f]{32}$").as_deref(), Some("US"));
        assert_eq!(sid_prefix("^[a-z]+$"), None);
        assert_eq!(sid_prefix("^rl[0-9a-fA-F]{32}$"), None);
        assert_eq!(sid_prefix("^[a-zA-Z]{2}[0-9a-fA-F]{32}$"), None);
        assert_eq!(sid_prefix("^OQ[a-zA-Z0-9]{32}$"), None);
    }

    #[test]
    fn markers() {
        assert_eq!(marker("RL"), "RL");
        assert_eq!(marker("SM|MM"), "SmOrMm");
    }

    #[test]
    fn lists() {
        let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
        assert_eq!(listed(&set(&["a"]), "x"), "`a`");
        assert_eq!(listed(&set(&["a", "b"]), "x"), "`a` and `b`");
        assert_eq!(listed(&set(&["a", "b", "c"]), "x"), "`a`, `b` and `c`");
        assert_eq!(
            listed(&set(&["a", "b", "c", "d"]), "x"),
            "`a`, `b`, `c` and 1 more x"
        );
    }
}
