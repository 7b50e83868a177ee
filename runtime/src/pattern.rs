//! `#[param(pattern = "..")]`: string parameters checked against the regular expression
//! of Twilio's API description before sending.

use std::sync::OnceLock;

use regex_lite::Regex;

use crate::validation::{ValidationError, ValidationErrorKind};

/// A pattern of a parameter, compiled on first use and then kept: generated code holds
/// one in a `static` per field, so that a request pays for matching only.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    /// A pattern not compiled yet. `#[endpoint]` checked at compile time that `source`
    /// compiles, with this crate's engine.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written, such as `^aia_asst_.+$`.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `text` matches. The pattern is anchored only as written: Twilio's carry
    /// `^` and `$`, and one without them would match any text that contains a match,
    /// as OpenAPI (JSON Schema) says.
    pub fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| {
                Regex::new(self.source)
                    .expect("#[endpoint] checks at compile time that each pattern compiles")
            })
            .is_match(text)
    }
}

/// Values a `#[param(pattern = "..")]` field may hold: a string, an optional one, or a
/// list.
#[diagnostic::on_unimplemented(
    message = "#[param(pattern)] applies to `String`, `Option<String>` or `Vec<String>` fields, not `{Self}`"
)]
pub trait PatternValue {
    /// Checks every string held against `pattern`, naming `field` in the error.
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError>;
}

impl PatternValue for str {
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError> {
        if pattern.is_match(self) {
            Ok(())
        } else {
            Err(ValidationError::new(
                field,
                ValidationErrorKind::Pattern {
                    pattern: pattern.source(),
                },
            ))
        }
    }
}

impl PatternValue for String {
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError> {
        self.as_str().check_pattern(pattern, field)
    }
}

impl<T: PatternValue + ?Sized> PatternValue for &T {
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError> {
        (**self).check_pattern(pattern, field)
    }
}

/// `None` is not sent, so not checked.
impl<T: PatternValue> PatternValue for Option<T> {
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError> {
        match self {
            Some(value) => value.check_pattern(pattern, field),
            None => Ok(()),
        }
    }
}

/// Each element is checked; the error names the first that fails.
impl<T: AsRef<str>> PatternValue for Vec<T> {
    fn check_pattern(&self, pattern: &Pattern, field: &'static str) -> Result<(), ValidationError> {
        for (i, value) in self.iter().enumerate() {
            value
                .as_ref()
                .check_pattern(pattern, field)
                .map_err(|e| e.at_index(i))?;
        }
        Ok(())
    }
}

/// Checks a `#[param(pattern = "..")]` field; called by generated code.
#[inline]
pub fn check_pattern<T: PatternValue + ?Sized>(
    value: &T,
    pattern: &Pattern,
    field: &'static str,
) -> Result<(), ValidationError> {
    value.check_pattern(pattern, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    static ASSISTANT: Pattern = Pattern::new("^aia_asst_.+$");
    static BUNDLES: Pattern = Pattern::new("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$");

    const BU: &str = "BU0123456789abcdef0123456789ABCDEF";

    #[test]
    fn anchored_as_written() {
        assert!(ASSISTANT.is_match("aia_asst_1"));
        for bad in ["aia_asst_", "xaia_asst_1", "aia_know_1", "aia_asst_1\n", ""] {
            assert!(!ASSISTANT.is_match(bad), "{bad:?}");
        }
        // Without anchors, a match anywhere in the text is enough.
        assert!(Pattern::new("[0-9]{3}").is_match("ab123cd"));
    }

    #[test]
    fn bundle_lists() {
        let twenty = [BU; 20].join(",");
        assert!(BUNDLES.is_match(BU));
        assert!(BUNDLES.is_match(&twenty));
        assert!(!BUNDLES.is_match(&format!("{twenty},{BU}")), "21 bundles");
        assert!(!BUNDLES.is_match(&format!("{BU},")));
        assert!(!BUNDLES.is_match(&format!("{BU} ,{BU}")));
    }

    #[test]
    fn errors_name_the_field_the_pattern_and_the_index() {
        let err = check_pattern("asst_1", &ASSISTANT, "AssistantId").unwrap_err();
        assert_eq!(
            err.kind(),
            &ValidationErrorKind::Pattern {
                pattern: "^aia_asst_.+$"
            }
        );
        assert_eq!(
            err.to_string(),
            "invalid `AssistantId`: expected a value matching the pattern `^aia_asst_.+$`"
        );
        assert_eq!(check_pattern(&None::<String>, &ASSISTANT, "X"), Ok(()));
        assert_eq!(
            check_pattern(&Some("aia_asst_1".to_owned()), &ASSISTANT, "X"),
            Ok(())
        );
        let list = vec!["aia_asst_1", "aia_asst_2", "nope", "also nope"];
        let err = check_pattern(&list, &ASSISTANT, "Ids").unwrap_err();
        assert_eq!(err.index(), Some(2));
        assert!(err.to_string().starts_with("invalid `Ids[2]`: "), "{err}");
        assert_eq!(
            check_pattern(&Some(vec!["aia_asst_1".to_owned()]), &ASSISTANT, "X"),
            Ok(())
        );
    }

    #[test]
    fn messages_never_show_the_value_and_cut_long_patterns() {
        let secret = "s3cr3t".repeat(1000);
        let err = check_pattern(&secret, &ASSISTANT, "AssistantId").unwrap_err();
        assert!(!err.to_string().contains("s3cr3t"), "{err}");
        let long: &'static str = Box::leak(format!("^({})$", ["ZULU"; 200].join("|")).into());
        let err = check_pattern("x", &Pattern::new(long), "Keyword").unwrap_err();
        assert!(err.to_string().len() < 300, "{err}");
        assert_eq!(
            err.kind(),
            &ValidationErrorKind::Pattern { pattern: long },
            "the kind keeps the whole pattern"
        );
    }
}
