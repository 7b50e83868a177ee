//! The wire enums of a product: one Rust type per set of values.
//!
//! A first pass over the product records every enum a request or a response uses
//! ([`EnumUse`]); an enum schema nothing uses gets no type. [`EnumPlan::new`] then
//! groups the uses by their set of wire values (in any order) and names each group:
//!
//! - an enum alone keeps its name, less a repeated word (`RoleRoleType` -> `RoleType`);
//! - enums with the same values are one type in the module `enums`, named after the
//!   words their names end with when there are two or more of them
//!   (`IncomingPhoneNumberEmergencyStatus`, `DependentPhoneNumberEmergencyStatus` ->
//!   `EmergencyStatus`), else after the shortest of them (`ConversationState` for the
//!   states of `ConversationState` and `ServiceConversationState`), or as
//!   [`SHARED_NAMES`] says first;
//! - a name taken by another type of the product, or that is the name of an enum of
//!   another group, is passed over for the next candidate; `Enum`, then `Enum2`... is
//!   appended when none is left.
//!
//! Named values of exactly `GET` and `POST` are the crate's `HttpMethod`, and are no
//! use here.

use std::collections::BTreeSet;

use crate::naming::{pascal, snake};

/// The module of the enums shared by several schemas, or by modules behind different
/// features.
pub const SHARED_MODULE: &str = "enums";

/// Names of shared enums whose schemas' names end with no common words, or with one
/// too vague: the Rust name of one of its enums, and the name of the shared type.
pub const SHARED_NAMES: &[(&str, &str)] = &[
    // WebAuthn's requirement levels, of `residentKey` and `userVerification`.
    (
        "CreateNewPasskeysFactorConfigDiscoverableCredentials",
        "PasskeysRequirement",
    ),
    // API v2010's media streams of a call: `Stream`, `Siprec` and
    // `RealtimeTranscription` share their states and tracks.
    ("StreamStatus", "StreamStatus"),
    ("StreamTrack", "StreamTrack"),
    ("StreamUpdateStatus", "StreamUpdateStatus"),
    // WebAuthn's `PublicKeyCredentialType`: only `public-key` so far.
    ("ApprovePasskeysChallengeType", "PublicKeyCredentialType"),
];

/// One enum a request or a response of the product uses.
#[derive(Clone, Debug)]
pub struct EnumUse {
    /// What it is made from: `schema:<name>` or `inline:<name>:<values>`.
    pub key: String,
    /// Its Rust name before grouping: the plan's name of a schema, `<Owner><Wire>` of
    /// an inline enum.
    pub base: String,
    /// Its wire values, in the spec's order.
    pub values: Vec<String>,
    /// The spec's description, if any.
    pub description: Option<String>,
    /// How the docs name it: `` `conversation_enum_state` `` for a schema, ``the inline
    /// enum of `CreateRole`'s `Type` `` for an inline one.
    pub label: String,
    /// The module the plan puts it in (`<prefix>` of a `<prefix>_enum_*` schema, when
    /// there is such a module), if any.
    pub planned: Option<String>,
    /// The modules that use it, in order of first use.
    pub modules: Vec<String>,
}

/// One Rust enum of the product.
#[derive(Clone, Debug)]
pub struct PlannedEnum {
    /// Its Rust name.
    pub rust: String,
    /// Its module.
    pub home: String,
    /// Its wire values: those of the first use.
    pub values: Vec<String>,
    /// Its doc comment.
    pub doc: String,
    /// The keys of the uses it stands for.
    pub keys: Vec<String>,
}

/// Every Rust enum of a product, in order of first use.
#[derive(Default, Debug)]
pub struct EnumPlan {
    /// The enums.
    pub enums: Vec<PlannedEnum>,
}

impl EnumPlan {
    /// Groups and names `uses`; `taken` are the product's other type names, and
    /// `family` gives the feature a module is behind.
    pub fn new(
        uses: &[EnumUse],
        taken: &BTreeSet<String>,
        family: impl Fn(&str) -> Option<&'static str>,
    ) -> EnumPlan {
        let mut groups: Vec<Vec<&EnumUse>> = Vec::new();
        for u in uses {
            let set = value_set(&u.values);
            match groups.iter_mut().find(|g| value_set(&g[0].values) == set) {
                Some(group) => group.push(u),
                None => groups.push(vec![u]),
            }
        }
        let mut assigned: BTreeSet<String> = BTreeSet::new();
        let mut enums = Vec::new();
        for group in &groups {
            let members: BTreeSet<&str> = group.iter().map(|u| u.key.as_str()).collect();
            // The names of other groups' enums, as they were and less repeated words.
            let others: BTreeSet<String> = uses
                .iter()
                .filter(|u| !members.contains(u.key.as_str()))
                .flat_map(|u| [u.base.clone(), destutter(&u.base)])
                .collect();
            let candidates = if group.len() == 1 {
                vec![destutter(&group[0].base), group[0].base.clone()]
            } else {
                shared_candidates(group)
            };
            let free = |name: &String| {
                !taken.contains(name) && !assigned.contains(name) && !others.contains(name)
            };
            let rust = candidates
                .iter()
                .find(|name| free(name))
                .cloned()
                .unwrap_or_else(|| {
                    let base = format!("{}Enum", candidates[0]);
                    std::iter::once(base.clone())
                        .chain((2..).map(|n| format!("{base}{n}")))
                        .find(|name| free(name))
                        .unwrap_or(base)
                });
            assigned.insert(rust.clone());
            let modules: Vec<&str> = group
                .iter()
                .flat_map(|u| u.modules.iter().map(String::as_str))
                .collect();
            let families: BTreeSet<Option<&str>> = modules.iter().map(|m| family(m)).collect();
            let home = if group.len() > 1 || families.len() > 1 {
                SHARED_MODULE.to_owned()
            } else {
                group[0]
                    .planned
                    .clone()
                    .unwrap_or_else(|| modules[0].to_owned())
            };
            enums.push(PlannedEnum {
                rust,
                home,
                values: group[0].values.clone(),
                doc: doc_of(group),
                keys: group.iter().map(|u| u.key.clone()).collect(),
            });
        }
        EnumPlan { enums }
    }

    /// The Rust name of the enum made from `key`, if planned.
    pub fn rust_of(&self, key: &str) -> Option<&str> {
        self.enums
            .iter()
            .find(|e| e.keys.iter().any(|k| k == key))
            .map(|e| e.rust.as_str())
    }
}

/// The values as a set, to compare enums whatever their order.
fn value_set(values: &[String]) -> BTreeSet<&str> {
    values.iter().map(String::as_str).collect()
}

/// The words of a Rust type name: `ServiceRoleRoleType` -> `service`, `role`, `role`,
/// `type`.
fn words(name: &str) -> Vec<String> {
    snake(name).split('_').map(str::to_owned).collect()
}

/// A type name less a word repeated right after itself: `RoleRoleType` -> `RoleType`,
/// `NewFactorFactorTypes` -> `NewFactorTypes`; a name with no such word as it is.
pub fn destutter(name: &str) -> String {
    let words = words(name);
    if !words.windows(2).any(|pair| pair[0] == pair[1]) {
        return name.to_owned();
    }
    let mut kept: Vec<String> = Vec::new();
    for word in words {
        if kept.last() != Some(&word) {
            kept.push(word);
        }
    }
    pascal(&kept.join("_"))
}

/// The names a shared enum may take, best first: [`SHARED_NAMES`]; the words all its
/// enums' names end with, when they are two or more; its enums' own names, shortest
/// first (the first used among equals).
fn shared_candidates(group: &[&EnumUse]) -> Vec<String> {
    let mut out = Vec::new();
    let names: Vec<String> = group.iter().map(|u| destutter(&u.base)).collect();
    if let Some((_, name)) = SHARED_NAMES
        .iter()
        .find(|(member, _)| names.iter().any(|n| n == member))
    {
        out.push((*name).to_owned());
    }
    let all: Vec<Vec<String>> = names.iter().map(|n| words(n)).collect();
    let mut common: Vec<String> = Vec::new();
    for i in 1.. {
        let Some(word) = all[0].len().checked_sub(i).map(|at| all[0][at].clone()) else {
            break;
        };
        if all.iter().all(|w| w.len() >= i && w[w.len() - i] == word) {
            common.insert(0, word);
        } else {
            break;
        }
    }
    if common.len() >= 2 {
        // Cut from the first name, to keep its spelling (`Sms` stays `Sms`).
        out.push(pascal(&common.join("_")));
    }
    let mut by_length: Vec<&String> = names.iter().collect();
    by_length.sort_by_key(|n| n.len());
    out.extend(by_length.into_iter().cloned());
    out
}

/// The doc comment of an enum: the description of its first use that has one (else
/// its values), and for a shared one, which enums of the spec it stands for.
fn doc_of(group: &[&EnumUse]) -> String {
    let values: Vec<String> = group[0].values.iter().map(|v| format!("`{v}`")).collect();
    let mut text = match group.iter().find_map(|u| u.description.clone()) {
        Some(text) => text,
        None if group.len() == 1 => {
            format!(
                "The {} of the spec: one of {}.",
                group[0].label,
                values.join(", ")
            )
        }
        None => format!("One of {}.", values.join(", ")),
    };
    if group.len() > 1 {
        let labels: Vec<&str> = group.iter().map(|u| u.label.as_str()).collect();
        text += &format!(
            "\n\nOne type for the enums of the spec with these values: {}.",
            join_and(&labels)
        );
    }
    text
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(key: &str, base: &str, values: &[&str], module: &str) -> EnumUse {
        EnumUse {
            key: key.to_owned(),
            base: base.to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            description: None,
            label: format!("`{key}`"),
            planned: None,
            modules: vec![module.to_owned()],
        }
    }

    #[test]
    fn names() {
        assert_eq!(destutter("RoleRoleType"), "RoleType");
        assert_eq!(destutter("NewFactorFactorTypes"), "NewFactorTypes");
        assert_eq!(destutter("CallStatus"), "CallStatus");
        let uses = [
            used("a", "ConversationState", &["active", "closed", "x"], "a"),
            used(
                "b",
                "ServiceConversationState",
                &["closed", "active", "x"],
                "b",
            ),
            used("c", "UserConversationState", &["active", "closed"], "c"),
            used(
                "d",
                "ServiceUserConversationState",
                &["active", "closed"],
                "d",
            ),
            used("e", "RoleRoleType", &["r"], "e"),
            used("f", "CallEmergencyStatus", &["on"], "f"),
            used("g", "NumberEmergencyStatus", &["on"], "g"),
        ];
        let plan = EnumPlan::new(&uses, &BTreeSet::new(), |_| None);
        let names: Vec<(&str, &str)> = plan
            .enums
            .iter()
            .map(|e| (e.rust.as_str(), e.home.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("ConversationState", "enums"),
                ("UserConversationState", "enums"),
                ("RoleType", "e"),
                ("EmergencyStatus", "enums"),
            ]
        );
        assert_eq!(plan.enums[0].values, ["active", "closed", "x"]);
        assert!(plan.enums[0].doc.ends_with("values: `a` and `b`."));
        assert_eq!(plan.rust_of("d"), Some("UserConversationState"));
    }
}
