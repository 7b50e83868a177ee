//! Twilio SIDs: a two-letter uppercase prefix naming the resource type, then 32 hex digits.
//!
//! ```
//! use twill_runtime::sid;
//!
//! assert!(sid::check("RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL").is_ok());
//! assert!(sid::check("RL0123", "RL").is_err());
//! ```

use crate::validation::ValidationErrorKind;

/// The length of every SID, in characters.
pub const LEN: usize = 34;

/// Checks that `value` is a SID with the given two-letter `prefix`: exactly 34
/// characters, the prefix, then 32 hex digits in either case.
///
/// The error says what is wrong: the length, the prefix found, or the index of the first
/// character that is not a hex digit.
pub fn check(value: &str, prefix: &'static str) -> Result<(), ValidationErrorKind> {
    debug_assert!(prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_uppercase()));
    let bytes = value.as_bytes();
    // The hot path is as short as a hand-written check (two byte comparisons, not a
    // `memcmp` of unknown length); the details are worked out only for an invalid value.
    if let (&[p0, p1], true) = (prefix.as_bytes(), bytes.len() == LEN)
        && bytes[0] == p0
        && bytes[1] == p1
        && bytes[2..].iter().all(u8::is_ascii_hexdigit)
    {
        return Ok(());
    }
    Err(explain(value, prefix))
}

/// Returns whether `value` is a SID with the given prefix (see [`check`]).
pub fn is_valid(value: &str, prefix: &'static str) -> bool {
    check(value, prefix).is_ok()
}

/// What is wrong with a value that failed [`check`].
#[cold]
#[inline(never)]
fn explain(value: &str, prefix: &'static str) -> ValidationErrorKind {
    let len = value.chars().count();
    if len != LEN {
        return ValidationErrorKind::SidLength { prefix, len };
    }
    if !value.starts_with(prefix) {
        return wrong_prefix(value, prefix);
    }
    // The prefix is ASCII, so the first non-hex character after it is found by chars.
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
}
