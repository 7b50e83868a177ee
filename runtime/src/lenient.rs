//! Lenient decoding of response values, for what Twilio really sends rather than what
//! its API descriptions promise: `null` or nothing where a value is documented as always
//! present, integers and booleans as strings (`"5"`, `"true"`), `null` inside a map of
//! links, and `null` for a whole list or `meta` object.
//!
//! Generated response types name these functions in `#[serde(deserialize_with)]`; the
//! rule they implement is that no response fails to decode because a property is
//! missing or `null`, or because a scalar arrives as the string form of its type.
//! Date-times come in two formats, ISO 8601 (`2015-07-30T20:12:31Z`) or, in API v2010,
//! RFC 2822 (`Thu, 30 Jul 2015 20:12:31 +0000`), and [`timestamp`] reads both.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::fmt::rfc2822;
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

use crate::bounded::Bounded;
use crate::typed_sid::{Prefix, Sid};

/// The most characters of an unreadable date or date-time an error message shows.
const SHOWN: usize = 40;

/// A scalar that may arrive as itself or as its string form.
pub trait Scalar: Sized {
    /// What the value should be, for error messages: `an integer`, `a boolean`...
    const EXPECTING: &'static str;

    /// From a JSON integer.
    fn from_i64(value: i64) -> Option<Self>;
    /// From a JSON integer above `i64::MAX`.
    fn from_u64(value: u64) -> Option<Self>;
    /// From a JSON number with a fraction or an exponent.
    fn from_f64(value: f64) -> Option<Self>;
    /// From a JSON boolean.
    fn from_bool(value: bool) -> Option<Self>;
    /// From the string form of the value.
    fn parse(text: &str) -> Option<Self>;
}

macro_rules! integers {
    ($($ty:ty)*) => {$(
        impl Scalar for $ty {
            const EXPECTING: &'static str = "an integer, or its decimal string";

            fn from_i64(value: i64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }

            fn from_u64(value: u64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }

            fn from_f64(_: f64) -> Option<Self> {
                None
            }

            fn from_bool(_: bool) -> Option<Self> {
                None
            }

            fn parse(text: &str) -> Option<Self> {
                text.parse().ok()
            }
        }
    )*};
}

integers!(i32 i64 u32 u64);

impl Scalar for f64 {
    const EXPECTING: &'static str = "a number, or its decimal string";

    fn from_i64(value: i64) -> Option<Self> {
        // Exact up to 2^53, as JSON numbers are for every parser that reads them as
        // doubles; beyond, the nearest double, as serde_json itself would give.
        Some(value as f64)
    }

    fn from_u64(value: u64) -> Option<Self> {
        Some(value as f64)
    }

    fn from_f64(value: f64) -> Option<Self> {
        Some(value)
    }

    fn from_bool(_: bool) -> Option<Self> {
        None
    }

    fn parse(text: &str) -> Option<Self> {
        text.parse().ok().filter(|value: &f64| value.is_finite())
    }
}

impl Scalar for bool {
    const EXPECTING: &'static str = "a boolean, or \"true\" or \"false\"";

    fn from_i64(_: i64) -> Option<Self> {
        None
    }

    fn from_u64(_: u64) -> Option<Self> {
        None
    }

    fn from_f64(_: f64) -> Option<Self> {
        None
    }

    fn from_bool(value: bool) -> Option<Self> {
        Some(value)
    }

    fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("true") {
            Some(true)
        } else if text.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            None
        }
    }
}

/// An optional scalar: the value, its string form, `null` or `""` (both `None`).
///
/// Use with `#[serde(default, deserialize_with = "..")]`, so that a missing property is
/// `None` too.
pub fn scalar<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Scalar,
{
    deserializer.deserialize_any(ScalarVisitor(PhantomData))
}

struct ScalarVisitor<T>(PhantomData<T>);

impl<T: Scalar> ScalarVisitor<T> {
    fn check<E: de::Error>(&self, value: Option<T>, found: Unexpected<'_>) -> Result<Option<T>, E> {
        match value {
            Some(value) => Ok(Some(value)),
            None => Err(E::invalid_value(found, self)),
        }
    }
}

impl<'de, T: Scalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        self.check(T::from_bool(value), Unexpected::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        self.check(T::from_i64(value), Unexpected::Signed(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        self.check(T::from_u64(value), Unexpected::Unsigned(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        self.check(T::from_f64(value), Unexpected::Float(value))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        self.check(T::parse(trimmed), Unexpected::Str(text))
    }
}

/// A map of strings (a resource's `links`), where a `null` value means the entry is
/// absent; `null` for the whole map is `None`.
pub fn string_map<'de, D>(deserializer: D) -> Result<Option<BTreeMap<String, String>>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(StringMapVisitor)
}

/// Builds the map once, skipping `null` values as they come.
struct StringMapVisitor;

impl<'de> Visitor<'de> for StringMapVisitor {
    type Value = Option<BTreeMap<String, String>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of strings")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut entries: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some((key, value)) = entries.next_entry::<String, Option<String>>()? {
            if let Some(value) = value {
                map.insert(key, value);
            }
        }
        Ok(Some(map))
    }
}

/// An optional date-time: ISO 8601 as [`Timestamp`] parses it (`2015-07-30T20:12:31Z`,
/// with `Z` or an offset) or RFC 2822 (`Thu, 30 Jul 2015 20:12:31 +0000`); `null` or
/// `""` is `None`.
///
/// Use with `#[serde(default, deserialize_with = "..")]`, so that a missing property is
/// `None` too. Any other text is an error that shows it, cut to 40 characters.
pub fn timestamp<'de, D>(deserializer: D) -> Result<Option<Timestamp>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(TextVisitor {
        expecting: "an ISO 8601 or RFC 2822 date-time",
        parse: parse_timestamp,
    })
}

/// An optional date, such as `2020-01-02`; `null` or `""` is `None`.
///
/// Use with `#[serde(default, deserialize_with = "..")]`, so that a missing property is
/// `None` too. Any other text is an error that shows it, cut to 40 characters.
pub fn date<'de, D>(deserializer: D) -> Result<Option<Date>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(TextVisitor {
        expecting: "a date such as 2020-01-02",
        parse: |text| text.parse().ok(),
    })
}

fn parse_timestamp(text: &str) -> Option<Timestamp> {
    // Twilio writes the weekday itself, but a wrong one should not lose the date.
    static RFC_2822: rfc2822::DateTimeParser = rfc2822::DateTimeParser::new().relaxed_weekday(true);
    text.parse()
        .ok()
        .or_else(|| RFC_2822.parse_timestamp(text).ok())
}

/// An optional value read from a string by `parse`.
struct TextVisitor<T> {
    /// What the string should be, for error messages.
    expecting: &'static str,
    parse: fn(&str) -> Option<T>,
}

impl<'de, T> Visitor<'de> for TextVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        match (self.parse)(trimmed) {
            Some(value) => Ok(Some(value)),
            None => Err(E::custom(format_args!(
                "expected {}, found `{}`",
                self.expecting,
                Bounded::new(text, SHOWN)
            ))),
        }
    }
}

/// An optional SID of kind `P`, as Twilio sent it: `None` for `null`, `""` or a missing
/// property; a SID of the kind as such; and, so that a response never fails to decode
/// because one SID looks unusual, any other text of up to 34 bytes kept as it is (the
/// API descriptions' own examples have `"VT12445353"`). Longer text, or a value that is
/// not a string, is `None`.
///
/// With the `tracing` feature an unusual value is reported by a `WARN` event, with the
/// expected prefix and the value cut to 40 characters.
///
/// Use with `#[serde(default, deserialize_with = "..")]`, so that a missing property is
/// `None` too.
pub fn sid<'de, D, P>(deserializer: D) -> Result<Option<Sid<P>>, D::Error>
where
    D: Deserializer<'de>,
    P: Prefix,
{
    deserializer.deserialize_any(SidVisitor(PhantomData))
}

struct SidVisitor<P>(PhantomData<fn() -> P>);

impl<P: Prefix> SidVisitor<P> {
    /// Reports a value that is no SID of the kind, and gives what it is read as.
    fn unusual<E>(value: impl fmt::Display, read: Option<Sid<P>>) -> Result<Option<Sid<P>>, E> {
        #[cfg(feature = "tracing")]
        tracing::warn!(
            expected = P::PREFIX,
            value = %Bounded::new(&value.to_string(), SHOWN),
            kept = read.is_some(),
            "a SID property holds no SID of its kind"
        );
        #[cfg(not(feature = "tracing"))]
        let _ = value;
        Ok(read)
    }
}

impl<'de, P: Prefix> Visitor<'de> for SidVisitor<P> {
    type Value = Option<Sid<P>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a SID starting with {}", P::PREFIX)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        if text.is_empty() {
            return Ok(None);
        }
        match Sid::from_response(text) {
            Some((sid, true)) => Ok(Some(sid)),
            Some((sid, false)) => Self::unusual(text, Some(sid)),
            None => Self::unusual(text, None),
        }
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Self::unusual(value, None)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Self::unusual(value, None)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Self::unusual(value, None)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Self::unusual(value, None)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Self::unusual("a list", None)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Self::unusual("an object", None)
    }
}

/// A value whose `null` means its default: a page's list of items, or its `meta`.
///
/// Use with `#[serde(default, deserialize_with = "..")]`, so that a missing property is
/// the default too.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sample {
        #[serde(default, deserialize_with = "scalar")]
        count: Option<i64>,
        #[serde(default, deserialize_with = "scalar")]
        size: Option<u32>,
        #[serde(default, deserialize_with = "scalar")]
        flag: Option<bool>,
        #[serde(default, deserialize_with = "scalar")]
        price: Option<f64>,
        #[serde(default, deserialize_with = "string_map")]
        links: Option<BTreeMap<String, String>>,
        #[serde(default, deserialize_with = "or_default")]
        items: Vec<u8>,
    }

    fn decode(json: &str) -> Result<Sample, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[derive(Debug)]
    enum RL {}

    impl Prefix for RL {
        const PREFIX: &'static str = "RL";
    }

    #[derive(Debug, Deserialize)]
    struct WithSid {
        #[serde(default, deserialize_with = "sid")]
        role_sid: Option<Sid<RL>>,
        #[serde(default)]
        after: Option<u8>,
    }

    #[test]
    fn sids_decode_as_sent_and_never_fail() {
        const ROLE: &str = "RL0123456789abcdef0123456789abcdef";
        let read = |json: &str| serde_json::from_str::<WithSid>(json).unwrap();
        // A SID, or unusual text of up to 34 bytes, is kept as it is.
        for kept in [
            ROLE,
            "IS0123456789abcdef0123456789abcdef",
            "VT12445353",
            "RL0123",
        ] {
            let decoded = read(&format!(r#"{{"role_sid":"{kept}","after":7}}"#));
            assert_eq!(decoded.role_sid.map(String::from).as_deref(), Some(kept));
            assert_eq!(decoded.after, Some(7));
        }
        for unusual in [
            r#""RL0123456789abcdef0123456789abcdef0123""#,
            r#""""#,
            "null",
            "42",
            "true",
            r#"["RL0123456789abcdef0123456789abcdef"]"#,
            r#"{"sid":"RL0123456789abcdef0123456789abcdef"}"#,
        ] {
            // The value is read as `None`, and the properties after it still decode.
            let decoded = read(&format!(r#"{{"role_sid":{unusual},"after":7}}"#));
            assert!(decoded.role_sid.is_none(), "{unusual}");
            assert_eq!(decoded.after, Some(7), "{unusual}");
        }
        assert!(read("{}").role_sid.is_none());
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Dated {
        #[serde(default, deserialize_with = "timestamp")]
        at: Option<Timestamp>,
        #[serde(default, deserialize_with = "date")]
        on: Option<Date>,
    }

    fn dated(json: &str) -> Result<Dated, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn floats_as_numbers_or_strings() {
        assert_eq!(decode(r#"{"price": 0.0075}"#).unwrap().price, Some(0.0075));
        assert_eq!(
            decode(r#"{"price": "0.0075"}"#).unwrap().price,
            Some(0.0075)
        );
        assert_eq!(
            decode(r#"{"price": "-0.0075"}"#).unwrap().price,
            Some(-0.0075)
        );
        assert_eq!(decode(r#"{"price": -1}"#).unwrap().price, Some(-1.0));
    }

    #[test]
    fn timestamps_in_iso_8601_and_rfc_2822() {
        let at = |json: &str| dated(json).unwrap().at.map(|at| at.to_string());
        let utc = Some("2015-07-30T20:12:31Z".to_owned());
        assert_eq!(at(r#"{"at": "2015-07-30T20:12:31Z"}"#), utc);
        assert_eq!(at(r#"{"at": "2015-07-30T22:12:31+02:00"}"#), utc);
        assert_eq!(at(r#"{"at": "Thu, 30 Jul 2015 20:12:31 +0000"}"#), utc);
        assert_eq!(at(r#"{"at": "Thu, 30 Jul 2015 13:12:31 -0700"}"#), utc);
        // A wrong weekday does not lose the date.
        assert_eq!(at(r#"{"at": "Mon, 30 Jul 2015 20:12:31 +0000"}"#), utc);
        assert_eq!(
            at(r#"{"at": "2015-07-30T20:12:31.250Z"}"#).as_deref(),
            Some("2015-07-30T20:12:31.25Z")
        );
        for none in [
            r#"{}"#,
            r#"{"at": null}"#,
            r#"{"at": ""}"#,
            r#"{"at": " "}"#,
        ] {
            assert_eq!(at(none), None, "{none}");
        }
    }

    #[test]
    fn dates() {
        let on = |json: &str| dated(json).unwrap().on;
        assert_eq!(
            on(r#"{"on": "2020-01-02"}"#),
            Some(jiff::civil::date(2020, 1, 2))
        );
        for none in [r#"{}"#, r#"{"on": null}"#, r#"{"on": ""}"#] {
            assert_eq!(on(none), None, "{none}");
        }
    }

    #[test]
    fn unreadable_dates_are_bounded_errors() {
        let err = dated(r#"{"at": "yesterday"}"#).unwrap_err().to_string();
        assert!(
            err.starts_with("expected an ISO 8601 or RFC 2822 date-time, found `yesterday`"),
            "{err}"
        );
        let err = dated(r#"{"on": "2020-13-01"}"#).unwrap_err().to_string();
        assert!(
            err.starts_with("expected a date such as 2020-01-02, found `2020-13-01`"),
            "{err}"
        );
        let long = format!(r#"{{"at": "{}\n"}}"#, "x".repeat(10_000));
        let err = dated(&long).unwrap_err().to_string();
        assert!(err.len() < 200, "{err}");
        assert!(err.contains(&format!("`{}…`", "x".repeat(40))), "{err}");
        let err = dated(r#"{"at": "a\u001b"}"#).unwrap_err().to_string();
        assert!(err.contains(r"`a\u{1b}`"), "{err}");
        let err = dated(r#"{"at": 1438287151}"#).unwrap_err().to_string();
        assert!(err.contains("an ISO 8601 or RFC 2822 date-time"), "{err}");
    }

    #[test]
    fn values_their_strings_null_and_absence() {
        let typed = decode(
            r#"{"count": -5, "size": 7, "flag": true, "price": 0.5, "links": {"a": "u"}, "items": [1]}"#,
        )
        .unwrap();
        let strings = decode(
            r#"{"count": "-5", "size": " 7 ", "flag": "TRUE", "price": "0.5", "links": {"a": "u", "b": null}, "items": [1]}"#,
        )
        .unwrap();
        assert_eq!(typed, strings);
        assert_eq!(typed.count, Some(-5));
        assert_eq!(typed.links.as_ref().unwrap().len(), 1);

        let empty = Sample {
            count: None,
            size: None,
            flag: None,
            price: None,
            links: None,
            items: Vec::new(),
        };
        assert_eq!(decode("{}").unwrap(), empty);
        let nulls = r#"{"count": null, "size": null, "flag": null, "price": null, "links": null, "items": null}"#;
        assert_eq!(decode(nulls).unwrap(), empty);
        let blanks = r#"{"count": "", "size": " ", "flag": "", "price": ""}"#;
        assert_eq!(decode(blanks).unwrap(), empty);
        assert_eq!(decode(r#"{"price": 3}"#).unwrap().price, Some(3.0));
    }

    #[test]
    fn other_values_are_still_errors() {
        for (json, expected) in [
            (r#"{"count": "five"}"#, "an integer"),
            (r#"{"count": 1.5}"#, "an integer"),
            (r#"{"count": true}"#, "an integer"),
            (r#"{"size": -1}"#, "an integer"),
            (r#"{"size": 4294967296}"#, "an integer"),
            (r#"{"flag": "yes"}"#, "a boolean"),
            (r#"{"flag": 1}"#, "a boolean"),
            (r#"{"price": "NaN"}"#, "a number"),
            (r#"{"price": []}"#, "a number"),
            (r#"{"links": {"a": 1}}"#, "string"),
        ] {
            let err = decode(json).unwrap_err().to_string();
            assert!(err.contains(expected), "{json}: {err}");
        }
    }
}
