//! Twilio SIDs: a two-letter uppercase prefix naming the resource type, then 32 hex digits.
//!
//! Where a parameter takes SIDs of several types (a message is `SM` or `MM`), the prefix
//! lists the alternatives separated by `|`: `"SM|MM"`.
//!
//! ```
//! use twill_runtime::sid;
//!
//! assert!(sid::check("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL").is_ok());
//! assert!(sid::check("RL0123", "RL").is_err());
//! assert!(sid::is_valid("MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SM|MM"));
//! ```

use std::fmt;

use crate::validation::ValidationErrorKind;

/// The length of every SID, in characters.
pub const LEN: usize = 34;

/// Checks that `value` is a SID with the given two-letter `prefix` (or one of the
/// alternatives it lists, separated by `|`, as in `"SM|MM"`): exactly 34 characters,
/// the prefix, then 32 hex digits in either case.
///
/// The error says what is wrong: the length, the prefix found, or the index of the first
/// character that is not a hex digit.
pub fn check(value: &str, prefix: &'static str) -> Result<(), ValidationErrorKind> {
    debug_assert!(
        is_prefix_list(prefix),
        "a SID prefix is two uppercase letters, or alternatives separated by `|`: {prefix:?}"
    );
    let bytes = value.as_bytes();
    // The hot path is as short as a hand-written check (two byte comparisons, not a
    // `memcmp` of unknown length); the details are worked out only for an invalid value.
    if bytes.len() == LEN
        && has_prefix(bytes, prefix)
        && bytes[2..].iter().all(u8::is_ascii_hexdigit)
    {
        return Ok(());
    }
    Err(explain(value, prefix))
}

/// Returns whether `value` is a SID with the given prefix, or one of its alternatives
/// (see [`check`]).
pub fn is_valid(value: &str, prefix: &'static str) -> bool {
    check(value, prefix).is_ok()
}

/// Whether `bytes` (at least two of them) start with `prefix` or one of its alternatives.
#[inline]
fn has_prefix(bytes: &[u8], prefix: &str) -> bool {
    match *prefix.as_bytes() {
        [p0, p1] => bytes[0] == p0 && bytes[1] == p1,
        _ => alternatives(prefix).any(|alt| alt.len() == 2 && bytes.starts_with(alt.as_bytes())),
    }
}

/// The alternatives of a prefix: `SM|MM` gives `SM` and `MM`.
fn alternatives(prefix: &str) -> impl Iterator<Item = &str> {
    prefix.split('|')
}

/// Whether `prefix` is two uppercase ASCII letters, or such pairs separated by `|`.
fn is_prefix_list(prefix: &str) -> bool {
    alternatives(prefix).all(|alt| alt.len() == 2 && alt.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A prefix as messages show it: `` `RL` ``, `` `SM` or `MM` ``, `` `A`, `B` or `C` ``.
pub(crate) struct ShownPrefix(pub(crate) &'static str);

impl fmt::Display for ShownPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = alternatives(self.0).count();
        for (i, alt) in alternatives(self.0).enumerate() {
            match i {
                0 => {}
                _ if i + 1 == count => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "`{alt}`")?;
        }
        Ok(())
    }
}

/// What is wrong with a value that failed [`check`].
#[cold]
#[inline(never)]
fn explain(value: &str, prefix: &'static str) -> ValidationErrorKind {
    let len = value.chars().count();
    if len != LEN {
        return ValidationErrorKind::SidLength { prefix, len };
    }
    if !alternatives(prefix).any(|alt| value.starts_with(alt)) {
        return wrong_prefix(value, prefix);
    }
    // Every prefix is two ASCII characters, so the first non-hex character after it is
    // found by chars.
    let index = value
        .chars()
        .skip(2)
        .position(|c| !c.is_ascii_hexdigit())
        .map_or(2, |i| i + 2);
    ValidationErrorKind::SidNotHex { prefix, index }
}

fn wrong_prefix(value: &str, prefix: &'static str) -> ValidationErrorKind {
    ValidationErrorKind::SidPrefix {
        prefix,
        found: value.chars().take(2).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    #[test]
    fn accepts_both_hex_cases() {
        assert_eq!(check(VALID, "RL"), Ok(()));
        assert_eq!(check("RL0123456789abcdefABCDEF0123456789", "RL"), Ok(()));
        assert!(is_valid("IS00000000000000000000000000000000", "IS"));
    }

    #[test]
    fn reports_length_in_characters() {
        assert_eq!(
            check("RLaaaa", "RL"),
            Err(ValidationErrorKind::SidLength {
                prefix: "RL",
                len: 6
            })
        );
        assert_eq!(
            check(&format!("{VALID}a"), "RL"),
            Err(ValidationErrorKind::SidLength {
                prefix: "RL",
                len: 35
            })
        );
        assert_eq!(
            check("", "RL"),
            Err(ValidationErrorKind::SidLength {
                prefix: "RL",
                len: 0
            })
        );
    }

    #[test]
    fn reports_the_prefix_found() {
        assert_eq!(
            check("rlaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL"),
            Err(ValidationErrorKind::SidPrefix {
                prefix: "RL",
                found: "rl".into()
            })
        );
        assert_eq!(
            check("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL"),
            Err(ValidationErrorKind::SidPrefix {
                prefix: "RL",
                found: "IS".into()
            })
        );
    }

    #[test]
    fn reports_the_first_non_hex_index() {
        assert_eq!(
            check("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaag", "RL"),
            Err(ValidationErrorKind::SidNotHex {
                prefix: "RL",
                index: 33
            })
        );
        assert_eq!(
            check("RL aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL"),
            Err(ValidationErrorKind::SidNotHex {
                prefix: "RL",
                index: 2
            })
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        // 34 characters, 35 bytes: the length is right, the 'é' is not a hex digit.
        let value = "RLaaaaaaaaaaéaaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(value.chars().count(), 34);
        assert_eq!(
            check(value, "RL"),
            Err(ValidationErrorKind::SidNotHex {
                prefix: "RL",
                index: 12
            })
        );
        // 34 bytes but 33 characters.
        let value = "RLaaaaaaaaaaéaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(value.len(), 34);
        assert_eq!(
            check(value, "RL"),
            Err(ValidationErrorKind::SidLength {
                prefix: "RL",
                len: 33
            })
        );
        assert_eq!(
            check("éLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL"),
            Err(ValidationErrorKind::SidPrefix {
                prefix: "RL",
                found: "éL".into()
            })
        );
    }

    #[test]
    fn accepts_any_alternative() {
        for value in [
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(check(value, "SM|MM"), Ok(()), "{value}");
            assert!(is_valid(value, "MM|SM"));
        }
        assert!(is_valid("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "AC|SM|CA"));
        assert_eq!(
            check("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SM|MM"),
            Err(ValidationErrorKind::SidPrefix {
                prefix: "SM|MM",
                found: "AC".into()
            })
        );
        // Not the text between the alternatives.
        assert!(!is_valid("M|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SM|MM"));
        assert_eq!(
            check("MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz", "SM|MM"),
            Err(ValidationErrorKind::SidNotHex {
                prefix: "SM|MM",
                index: 33
            })
        );
        assert_eq!(
            check("SM12", "SM|MM"),
            Err(ValidationErrorKind::SidLength {
                prefix: "SM|MM",
                len: 4
            })
        );
    }

    #[test]
    fn prefix_lists() {
        assert!(is_prefix_list("RL") && is_prefix_list("SM|MM") && is_prefix_list("AC|SM|CA"));
        assert!(!is_prefix_list("A1|B2"));
        assert!(!is_prefix_list("") && !is_prefix_list("SM|") && !is_prefix_list("sm"));
        assert!(!is_prefix_list("SMS") && !is_prefix_list("SM||MM"));
        let shown = |prefix| ShownPrefix(prefix).to_string();
        assert_eq!(shown("RL"), "`RL`");
        assert_eq!(shown("SM|MM"), "`SM` or `MM`");
        assert_eq!(shown("AC|SM|CA"), "`AC`, `SM` or `CA`");
    }
}
