//! `Decimal`: a number parameter sent exactly as written, never through a float.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use crate::bounded::Bounded;
use crate::value::{ValueKind, WireValue};

/// The most characters of a rejected text a [`DecimalError`] shows.
const SHOWN: usize = 40;

/// A decimal number kept as its exact text, such as a message's `MaxPrice` of `0.0075`.
///
/// A float would send `0.1 + 0.2` as `0.30000000000000004`; a `Decimal` sends the digits
/// it was given. Its text is an optional `-`, digits, then optionally `.` and digits:
/// no `+`, no exponent, no blank.
///
/// ```
/// use twill_runtime::Decimal;
///
/// let price: Decimal = "0.0075".parse()?;
/// assert_eq!(price.as_str(), "0.0075");
/// assert_eq!(Decimal::from(-5).to_string(), "-5");
/// assert!("1e3".parse::<Decimal>().is_err());
/// # Ok::<(), twill_runtime::DecimalError>(())
/// ```
///
/// Equality compares the text: `1.0` and `1` are different `Decimal`s, as they are
/// different requests.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Decimal(Box<str>);

impl Decimal {
    /// The number's text, as it goes on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How the number compares with the integer `bound`, exactly (no floating point):
    /// for `#[param(min, max)]` on decimal fields.
    pub fn cmp_integer(&self, bound: i64) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let (negative, digits) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, &*self.0),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let has_fraction = fraction.bytes().any(|b| b != b'0');
        let whole = whole.trim_start_matches('0');
        // More than 19 digits is beyond any `i64` bound.
        if whole.len() > 19 {
            return if negative {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let magnitude: i128 = whole.parse().unwrap_or(0);
        let bound = i128::from(bound);
        if !negative || (magnitude == 0 && !has_fraction) {
            // magnitude + fraction, with 0 <= fraction < 1.
            match magnitude.cmp(&bound) {
                Ordering::Equal if has_fraction => Ordering::Greater,
                other => other,
            }
        } else {
            // -(magnitude + fraction).
            match (-magnitude).cmp(&bound) {
                Ordering::Equal if has_fraction => Ordering::Less,
                other => other,
            }
        }
    }
}

/// Whether `text` is `-?[0-9]+(\.[0-9]+)?`.
fn is_decimal(text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    }
}

impl FromStr for Decimal {
    type Err = DecimalError;

    /// Accepts `-?[0-9]+(\.[0-9]+)?`, such as `0.0075`, `-12` or `3.50`, kept as is.
    fn from_str(text: &str) -> Result<Self, DecimalError> {
        if is_decimal(text) {
            Ok(Decimal(text.into()))
        } else {
            Err(DecimalError {
                shown: Bounded::new(text, SHOWN).to_string(),
            })
        }
    }
}

macro_rules! from_integers {
    ($($ty:ty)*) => {$(
        impl From<$ty> for Decimal {
            fn from(value: $ty) -> Self {
                Decimal(value.to_string().into_boxed_str())
            }
        }
    )*};
}

from_integers!(i32 i64 u32 u64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({})", self.0)
    }
}

/// Sent as its text, exactly.
impl WireValue for Decimal {
    const KIND: ValueKind = ValueKind::Number;

    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }
}

/// Serialized as a JSON number with exactly its digits (`0.0075`, `0.10`,
/// `12345678901234567890.5`), what a JSON body's `number` property takes: its text is a
/// JSON number once leading zeros are dropped (`007` is `7`), and goes out as written,
/// not through a float. A serializer other than `serde_json`'s sees it as `serde_json`'s
/// raw value.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = serde_json::value::RawValue::from_string(self.json_text())
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl Decimal {
    /// The text as a JSON number: without the leading zeros JSON forbids.
    fn json_text(&self) -> String {
        let (sign, digits) = match self.0.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", &*self.0),
        };
        let trimmed = digits.trim_start_matches('0');
        let digits = if trimmed.is_empty() || trimmed.starts_with('.') {
            // `0`, `0.5`: one zero before the point stays.
            &digits[digits.len() - trimmed.len() - 1..]
        } else {
            trimmed
        };
        format!("{sign}{digits}")
    }
}

/// Deserialized from a string, checked as [`FromStr`] does, or from a JSON number.
///
/// serde hands a number over as an integer or an `f64`, not as its text: an integer
/// keeps its digits, and an `f64` becomes the shortest text that reads back as the same
/// `f64`. That is the number as written for the numbers prices and rates are made of
/// (`0.0075`, `-12.5`), but not always: `1.10` gives `1.1`, `1e3` gives `1000`, and a
/// number of more than 15 significant digits may change. Send a string to keep every
/// digit.
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, or its string such as \"0.0075\"")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        // `Display` for `f64` never writes an exponent; JSON has no NaN or infinity,
        // but another format might, and those are refused here.
        value
            .to_string()
            .parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Float(value), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        text.parse().map_err(E::custom)
    }
}

/// A text that is not a [`Decimal`]. Its message shows at most 40 characters of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalError {
    /// The rejected text, bounded and with control characters escaped.
    shown: String,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid decimal number `{}`: expected digits, optionally after `-` and with a `.` fraction, such as `0.0075`",
            self.shown
        )
    }
}

impl std::error::Error for DecimalError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_with_integer_bounds_exactly() {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let cases = [
            ("0", 0, Equal),
            ("0.0", 0, Equal),
            ("-0", 0, Equal),
            ("-0.000", 0, Equal),
            ("0.5", 0, Greater),
            ("0.5", 1, Less),
            ("1", 1, Equal),
            ("1.000", 1, Equal),
            ("1.0001", 1, Greater),
            ("0.9999", 1, Less),
            ("007", 7, Equal),
            ("-0.5", 0, Less),
            ("-0.5", -1, Greater),
            ("-1", -1, Equal),
            ("-1.5", -1, Less),
            ("-2", -1, Less),
            ("12345678901234567890123", i64::MAX, Greater),
            ("-12345678901234567890123", i64::MIN, Less),
            ("9223372036854775807", i64::MAX, Equal),
            ("9223372036854775807.1", i64::MAX, Greater),
        ];
        for (text, bound, expected) in cases {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(value.cmp_integer(bound), expected, "{text} against {bound}");
        }
    }

    #[test]
    fn bounds_decimal_fields() {
        use crate::ValidationErrorKind;
        use crate::validation::check_range;
        let score = |text: &str| Some(text.parse::<Decimal>().unwrap());
        assert!(check_range(&score("0.75"), Some(0), Some(1), "Score").is_ok());
        assert!(check_range(&score("1.0"), Some(0), Some(1), "Score").is_ok());
        assert!(check_range(&None::<Decimal>, Some(0), Some(1), "Score").is_ok());
        let err = check_range(&score("1.5"), Some(0), Some(1), "Score").unwrap_err();
        assert_eq!(err.to_string(), "invalid `Score`: expected 0 to 1, got 1.5");
        assert!(matches!(
            err.kind(),
            ValidationErrorKind::DecimalOutOfRange { .. }
        ));
        let list: Vec<Decimal> = vec!["0.1".parse().unwrap(), "-0.1".parse().unwrap()];
        let err = check_range(&list, Some(0), None, "Scores").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `Scores[1]`: expected at least 0, got -0.1"
        );
        // A long number is cut in the message.
        let long = score(&"9".repeat(5_000));
        let message = check_range(&long, None, Some(1), "Score")
            .unwrap_err()
            .to_string();
        assert!(message.len() < 200, "{message}");
    }

    #[test]
    fn accepts_only_plain_decimals() {
        for good in [
            "0",
            "0.0075",
            "-12",
            "3.50",
            "007",
            "-0.0",
            "12345678901234567890.1",
        ] {
            assert_eq!(good.parse::<Decimal>().unwrap().as_str(), good);
        }
        for bad in [
            "", "-", ".5", "5.", "+1", "1e3", "1E3", " 1", "1 ", "1.2.3", "--1", "0x10", "١",
            "NaN", "inf", "1,5",
        ] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn errors_are_bounded() {
        let err = "1e3".parse::<Decimal>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid decimal number `1e3`: expected digits, optionally after `-` and with a `.` fraction, such as `0.0075`"
        );
        let long = "9".repeat(10_000) + "x";
        let message = long.parse::<Decimal>().unwrap_err().to_string();
        assert!(message.len() < 200, "{message}");
        assert!(
            message.contains(&format!("`{}…`", "9".repeat(40))),
            "{message}"
        );
        let message = "1\n\u{1b}".parse::<Decimal>().unwrap_err().to_string();
        assert!(message.contains(r"`1\n\u{1b}`"), "{message}");
    }

    #[test]
    fn integers_text_display_and_debug() {
        assert_eq!(Decimal::from(-7i32).as_str(), "-7");
        assert_eq!(Decimal::from(i64::MIN).as_str(), "-9223372036854775808");
        assert_eq!(Decimal::from(7u32).as_str(), "7");
        assert_eq!(Decimal::from(u64::MAX).as_str(), "18446744073709551615");
        let price: Decimal = "0.0075".parse().unwrap();
        assert_eq!(price.to_string(), "0.0075");
        assert_eq!(format!("{price:?}"), "Decimal(0.0075)");
        assert_eq!(price.to_wire(), "0.0075");
        assert_eq!(
            <Option<Decimal> as crate::ParamValue>::KIND,
            ValueKind::Number
        );
        assert_ne!(Decimal::from(1), "1.0".parse().unwrap());
    }

    #[test]
    fn serde_as_number_when_exact_from_string_or_number() {
        let json = |text: &str| serde_json::to_string(&text.parse::<Decimal>().unwrap()).unwrap();
        assert_eq!(json("0.0075"), "0.0075");
        assert_eq!(json("-12"), "-12");
        assert_eq!(json("1.5"), "1.5");
        // Digits a float would not keep go out all the same, as a number.
        assert_eq!(json("0.10"), "0.10");
        assert_eq!(json("0.5950"), "0.5950");
        assert_eq!(json("007"), "7");
        assert_eq!(json("-007.50"), "-7.50");
        assert_eq!(json("000"), "0");
        assert_eq!(json("-0.0"), "-0.0");
        assert_eq!(json("12345678901234567890.5"), "12345678901234567890.5");
        assert_eq!(json("99999999999999999999"), "99999999999999999999");
        // Inside a JSON body and a JSON value alike.
        let mut body = crate::JsonBody::new();
        body.append_param("Score", &Some("0.0160".parse::<Decimal>().unwrap()));
        assert_eq!(body.into_string(), r#"{"Score":0.0160}"#);
        let text = |json: &str| serde_json::from_str::<Decimal>(json).map(|d| d.to_string());
        assert_eq!(text(r#""0.0075""#).unwrap(), "0.0075");
        assert_eq!(text(r#""3.50""#).unwrap(), "3.50");
        assert_eq!(text("0.0075").unwrap(), "0.0075");
        assert_eq!(text("-12").unwrap(), "-12");
        assert_eq!(
            text("18446744073709551615").unwrap(),
            "18446744073709551615"
        );
        assert_eq!(text("1e3").unwrap(), "1000");
        assert_eq!(text("2.5e-3").unwrap(), "0.0025");
        assert_eq!(text("0.1").unwrap(), "0.1");
        let err = text(r#""1e3""#).unwrap_err().to_string();
        assert!(err.contains("invalid decimal number `1e3`"), "{err}");
        let err = text("true").unwrap_err().to_string();
        assert!(err.contains("a decimal number"), "{err}");
        assert!(text("null").is_err());
    }
}
