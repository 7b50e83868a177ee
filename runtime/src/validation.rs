//! Checks that run before any I/O, and the error they report.

use std::fmt;

use crate::bounded::Bounded;
use crate::sid::{self, ShownPrefix};
use crate::value::{Number, RangeParam};

/// A request parameter failed a check before anything was sent.
///
/// It names the parameter by its wire name (`DefaultChatServiceRoleSid`), the element
/// index for list parameters, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    field: &'static str,
    index: Option<usize>,
    kind: ValidationErrorKind,
}

impl ValidationError {
    /// An error about the parameter whose wire name is `field`.
    pub fn new(field: &'static str, kind: ValidationErrorKind) -> Self {
        ValidationError {
            field,
            index: None,
            kind,
        }
    }

    /// The same error, about element `index` of a list parameter.
    pub fn at_index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// The wire name of the parameter, such as `DefaultChatServiceRoleSid`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// For a list parameter, the index of the element that failed.
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    /// What is wrong with the value.
    pub fn kind(&self) -> &ValidationErrorKind {
        &self.kind
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            None => write!(f, "invalid `{}`: {}", self.field, self.kind),
            Some(i) => write!(f, "invalid `{}[{i}]`: {}", self.field, self.kind),
        }
    }
}

impl std::error::Error for ValidationError {}

/// What is wrong with a parameter value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValidationErrorKind {
    /// A SID is not 34 characters long.
    SidLength {
        /// The prefix the SID must start with, or its alternatives separated by `|`
        /// (`SM|MM`).
        prefix: &'static str,
        /// The length found, in characters.
        len: usize,
    },
    /// A SID does not start with the expected prefix.
    SidPrefix {
        /// The prefix the SID must start with, or its alternatives separated by `|`
        /// (`SM|MM`).
        prefix: &'static str,
        /// The first two characters found.
        found: String,
    },
    /// A SID has a character other than a hex digit after its prefix.
    SidNotHex {
        /// The prefix the SID must start with, or its alternatives separated by `|`
        /// (`SM|MM`).
        prefix: &'static str,
        /// Index, in characters, of the first character that is not a hex digit.
        index: usize,
    },
    /// A required parameter is empty: a list with no element, or empty text.
    MissingRequired,
    /// A string does not match the regular expression of the parameter
    /// (`#[param(pattern = "..")]`). The value is not repeated: the error says which
    /// parameter and which pattern.
    Pattern {
        /// The pattern as declared, such as `^aia_asst_.+$`.
        pattern: &'static str,
    },
    /// An integer is outside the bounds the API accepts.
    OutOfRange {
        /// The value found.
        value: i128,
        /// The smallest value accepted, if bounded below.
        min: Option<i64>,
        /// The largest value accepted, if bounded above.
        max: Option<i64>,
    },
    /// A decimal number is outside the bounds the API accepts.
    DecimalOutOfRange {
        /// The value found.
        value: crate::Decimal,
        /// The smallest value accepted, if bounded below.
        min: Option<i64>,
        /// The largest value accepted, if bounded above.
        max: Option<i64>,
    },
    /// A header value holds a control character (CR and LF among them), which could
    /// split or forge headers.
    HeaderControlCharacter,
    /// A path parameter is empty, which would change the path.
    EmptyPathSegment,
    /// A path parameter is `.` or `..`, which URL normalisation would treat as a
    /// relative path, whatever its encoding.
    DotPathSegment,
    /// The request's URL would be longer than [`MAX_URL_LEN`](crate::MAX_URL_LEN)
    /// bytes; the error names the parameter that adds most to it.
    UrlTooLong {
        /// The URL's length, in bytes, encoded.
        len: usize,
        /// The limit, in bytes.
        limit: usize,
        /// How many of those bytes this parameter adds, encoded: its path segment, or
        /// its `name=value` pairs in the query string with the `?` or `&` before each.
        part: usize,
    },
    /// A path parameter that defaults to the client's account (API v2010's
    /// `AccountSid`) is `None`, and the client's credentials have no account SID: OAuth
    /// client credentials given none (see
    /// [`Credentials::with_account_sid`](crate::Credentials::with_account_sid)).
    NoDefaultAccount,
    /// A header value is longer than
    /// [`MAX_HEADER_VALUE_LEN`](crate::MAX_HEADER_VALUE_LEN) bytes.
    HeaderTooLong {
        /// The value's length, in bytes.
        len: usize,
        /// The limit, in bytes.
        limit: usize,
    },
}

impl fmt::Display for ValidationErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidationErrorKind::SidLength { prefix, len } => write!(
                f,
                "expected a SID of {} characters ({} then 32 hex digits), got {len} characters",
                sid::LEN,
                ShownPrefix(prefix)
            ),
            ValidationErrorKind::SidPrefix { prefix, found } => write!(
                f,
                "expected a SID starting with {}, found `{}`",
                ShownPrefix(prefix),
                found.escape_debug()
            ),
            ValidationErrorKind::SidNotHex { prefix, index } => write!(
                f,
                "expected a SID of {} then 32 hex digits, found a non-hex character at index {index}",
                ShownPrefix(prefix)
            ),
            ValidationErrorKind::MissingRequired => {
                f.write_str("a required parameter cannot be empty: it needs text, or a list of at least one value")
            }
            // A long pattern (a list of alternatives) is cut: the kind keeps it whole.
            ValidationErrorKind::Pattern { pattern } => write!(
                f,
                "expected a value matching the pattern `{}`",
                Bounded::new(pattern, SHOWN_PATTERN)
            ),
            ValidationErrorKind::OutOfRange { value, min, max } => match (min, max) {
                (Some(min), Some(max)) => write!(f, "expected {min} to {max}, got {value}"),
                (Some(min), None) => write!(f, "expected at least {min}, got {value}"),
                (None, Some(max)) => write!(f, "expected at most {max}, got {value}"),
                (None, None) => write!(f, "unexpected value {value}"),
            },
            // A decimal's text is as long as its caller made it: cut.
            ValidationErrorKind::DecimalOutOfRange { value, min, max } => {
                let value = Bounded::new(value.as_str(), SHOWN_DECIMAL);
                match (min, max) {
                    (Some(min), Some(max)) => write!(f, "expected {min} to {max}, got {value}"),
                    (Some(min), None) => write!(f, "expected at least {min}, got {value}"),
                    (None, Some(max)) => write!(f, "expected at most {max}, got {value}"),
                    (None, None) => write!(f, "unexpected value {value}"),
                }
            }
            ValidationErrorKind::HeaderControlCharacter => {
                f.write_str("a header value cannot hold control characters such as CR or LF")
            }
            ValidationErrorKind::EmptyPathSegment => {
                f.write_str("a path parameter cannot be empty")
            }
            ValidationErrorKind::DotPathSegment => {
                f.write_str("a path parameter cannot be `.` or `..`")
            }
            ValidationErrorKind::NoDefaultAccount => f.write_str(
                "no account SID given, and the client's OAuth credentials have none to \
                 default to: set it on the request, or use Credentials::with_account_sid",
            ),
            ValidationErrorKind::UrlTooLong { len, limit, part } => write!(
                f,
                "the request URL would be {len} bytes, over the {limit}-byte limit; \
                 this parameter makes up {part} bytes of it"
            ),
            ValidationErrorKind::HeaderTooLong { len, limit } => write!(
                f,
                "a header value of {len} bytes is over the {limit}-byte limit"
            ),
        }
    }
}

/// The most characters of a pattern that a message shows.
const SHOWN_PATTERN: usize = 100;

/// How much of an out-of-range decimal number a message shows.
const SHOWN_DECIMAL: usize = 40;

/// Values a `#[sid(prefix = "..")]` field may hold: a string, an optional one, or a list.
#[diagnostic::on_unimplemented(
    message = "#[sid] applies to `String`, `Option<String>` or `Vec<String>` fields, not `{Self}`"
)]
pub trait SidValue {
    /// Checks every SID held, naming `field` in the error.
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError>;
}

impl SidValue for str {
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError> {
        sid::check(self, prefix).map_err(|kind| ValidationError::new(field, kind))
    }
}

impl SidValue for String {
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError> {
        self.as_str().check_sids(prefix, field)
    }
}

impl<T: SidValue + ?Sized> SidValue for &T {
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError> {
        (**self).check_sids(prefix, field)
    }
}

impl<T: SidValue> SidValue for Option<T> {
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError> {
        match self {
            Some(value) => value.check_sids(prefix, field),
            None => Ok(()),
        }
    }
}

impl<T: AsRef<str>> SidValue for Vec<T> {
    fn check_sids(&self, prefix: &'static str, field: &'static str) -> Result<(), ValidationError> {
        for (i, value) in self.iter().enumerate() {
            value
                .as_ref()
                .check_sids(prefix, field)
                .map_err(|e| e.at_index(i))?;
        }
        Ok(())
    }
}

/// Checks a `#[sid]` field; called by generated code. `prefix` may list alternatives
/// separated by `|` (`SM|MM`): a SID with any of them passes.
#[inline]
pub fn check_sid<T: SidValue + ?Sized>(
    value: &T,
    prefix: &'static str,
    field: &'static str,
) -> Result<(), ValidationError> {
    value.check_sids(prefix, field)
}

/// Checks a path parameter: it must not be empty, `.` or `..`, which would change the
/// path even when percent-encoded.
pub fn check_path_segment(value: &str, field: &'static str) -> Result<(), ValidationError> {
    let kind = match value {
        "" => ValidationErrorKind::EmptyPathSegment,
        "." | ".." => ValidationErrorKind::DotPathSegment,
        _ => return Ok(()),
    };
    Err(ValidationError::new(field, kind))
}

/// Checks that a required parameter is sent: `missing` is whether its value is an
/// empty `Vec` or empty text, read by generated code as
/// `!<T as ParamValue>::OPTIONAL && <T as ParamValue>::is_missing(..)` (the one way it
/// names the field's type, so that an unsupported type is one error).
#[inline]
pub fn check_required(missing: bool, field: &'static str) -> Result<(), ValidationError> {
    if !missing {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            ValidationErrorKind::MissingRequired,
        ))
    }
}

/// Checks every number (integer or decimal) a field holds against `min` and `max`.
pub fn check_range<T: RangeParam + ?Sized>(
    value: &T,
    min: Option<i64>,
    max: Option<i64>,
    field: &'static str,
) -> Result<(), ValidationError> {
    use std::cmp::Ordering;
    let mut result = Ok(());
    value.for_each_number(|index, number| {
        let (low, high) = match number {
            Number::Integer(value) => (
                min.is_some_and(|min| value < i128::from(min)),
                max.is_some_and(|max| value > i128::from(max)),
            ),
            Number::Decimal(value) => (
                min.is_some_and(|min| value.cmp_integer(min) == Ordering::Less),
                max.is_some_and(|max| value.cmp_integer(max) == Ordering::Greater),
            ),
        };
        if (low || high) && result.is_ok() {
            let kind = match number {
                Number::Integer(value) => ValidationErrorKind::OutOfRange { value, min, max },
                Number::Decimal(value) => ValidationErrorKind::DecimalOutOfRange {
                    value: value.clone(),
                    min,
                    max,
                },
            };
            let error = ValidationError::new(field, kind);
            result = Err(match index {
                Some(i) => error.at_index(i),
                None => error,
            });
        }
    });
    result
}

/// Checks that no header value holds a control character other than tab. `for_each`
/// calls its argument with each value: generated code passes
/// `|f| <T as ParamValue>::for_each_value(&self.field, f)`.
pub fn check_header(
    for_each: impl FnOnce(&mut dyn FnMut(&str)),
    field: &'static str,
) -> Result<(), ValidationError> {
    let mut result = Ok(());
    for_each(&mut |text| {
        if text.chars().any(|c| c.is_control() && c != '\t') {
            result = Err(ValidationError::new(
                field,
                ValidationErrorKind::HeaderControlCharacter,
            ));
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ParamValue;

    const RL: &str = "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    #[test]
    fn messages_name_the_wire_field_and_the_problem() {
        let err = check_sid("RL12", "RL", "DefaultChatServiceRoleSid").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `DefaultChatServiceRoleSid`: expected a SID of 34 characters (`RL` then 32 hex digits), got 4 characters"
        );
        let err = check_sid("ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "RL", "X").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `X`: expected a SID starting with `RL`, found `IS`"
        );
    }

    #[test]
    fn messages_name_every_alternative() {
        let err = check_sid("SM12", "SM|MM", "MessageSid").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `MessageSid`: expected a SID of 34 characters (`SM` or `MM` then 32 hex digits), got 4 characters"
        );
        let err = check_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SM|MM", "X").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `X`: expected a SID starting with `SM` or `MM`, found `AC`"
        );
        let err = check_sid("MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-", "SM|MM", "X").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `X`: expected a SID of `SM` or `MM` then 32 hex digits, found a non-hex character at index 33"
        );
        let sids = vec![
            "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_owned(),
            "MMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_owned(),
        ];
        assert_eq!(check_sid(&Some(sids), "SM|MM", "X"), Ok(()));
    }

    #[test]
    fn options_and_lists() {
        assert_eq!(check_sid(&None::<String>, "RL", "X"), Ok(()));
        assert_eq!(check_sid(&Some(RL.to_owned()), "RL", "X"), Ok(()));
        let err =
            check_sid(&vec![RL.to_owned(), "nope".to_owned()], "RL", "Permission").unwrap_err();
        assert_eq!(err.field(), "Permission");
        assert_eq!(err.index(), Some(1));
        assert!(
            err.to_string().starts_with("invalid `Permission[1]`: "),
            "{err}"
        );
    }

    /// `check_required` as generated code calls it.
    fn required<T: ParamValue + ?Sized>(
        value: &T,
        field: &'static str,
    ) -> Result<(), ValidationError> {
        check_required(!T::OPTIONAL && value.is_missing(), field)
    }

    /// `check_header` as generated code calls it.
    fn header<T: ParamValue + ?Sized>(
        value: &T,
        field: &'static str,
    ) -> Result<(), ValidationError> {
        check_header(|f| value.for_each_value(f), field)
    }

    #[test]
    fn required_lists() {
        assert!(required(&vec!["a"], "Permission").is_ok());
        assert!(required(&None::<Vec<String>>, "Filters").is_ok());
        assert_eq!(
            required(&Vec::<String>::new(), "Permission"),
            Err(ValidationError::new(
                "Permission",
                ValidationErrorKind::MissingRequired
            ))
        );
    }

    #[test]
    fn ranges() {
        assert!(check_range(&Some(50u32), Some(1), Some(100), "PageSize").is_ok());
        assert!(check_range(&None::<u32>, Some(1), Some(100), "PageSize").is_ok());
        let err = check_range(&1000u32, Some(1), Some(100), "PageSize").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `PageSize`: expected 1 to 100, got 1000"
        );
        let err = check_range(&Some(0i64), Some(1), None, "PageSize").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `PageSize`: expected at least 1, got 0"
        );
        let err = check_range(&vec![5u8, 9], None, Some(6), "X").unwrap_err();
        assert_eq!(err.index(), Some(1));
    }

    #[test]
    fn headers() {
        assert!(header(&Some("true"), "X-Twilio-Webhook-Enabled").is_ok());
        assert!(header(&"a\tb", "X").is_ok());
        for bad in ["a\r\nX-Injected: 1", "a\n", "a\r", "a\0"] {
            assert_eq!(
                header(&Some(bad), "X").unwrap_err().kind(),
                &ValidationErrorKind::HeaderControlCharacter
            );
        }
    }

    #[test]
    fn path_segments() {
        assert!(check_path_segment("alice@example.com", "Sid").is_ok());
        assert!(check_path_segment("a/b", "Sid").is_ok());
        for bad in ["", ".", ".."] {
            let err = check_path_segment(bad, "Sid").unwrap_err();
            assert_eq!(err.field(), "Sid");
        }
        assert!(check_path_segment("...", "Sid").is_ok());
    }
}
