//! Field values and how they go on the wire: one text per value, `None` as nothing, a
//! `Vec` as one text per element.

use std::borrow::Cow;

/// What kind of value a parameter holds, as an OpenAPI description would say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueKind {
    /// Free text.
    String,
    /// `true` or `false`.
    Boolean,
    /// Decimal digits.
    Integer,
    /// An ISO 8601 UTC date-time, such as `2020-01-02T03:04:05Z`.
    DateTime,
    /// A calendar date without a time, such as `2020-01-02` ([`Date`](crate::Date)).
    Date,
    /// A decimal number sent exactly as written, such as `0.0075`
    /// ([`Decimal`](crate::Decimal)); not an integer.
    Number,
    /// A JSON value: compact JSON text in a form or query string, the value itself in a
    /// JSON body ([`serde_json::Value`], types under [`wire_json!`](crate::wire_json!)).
    Json,
    /// One of a fixed set of strings.
    Enum,
}

/// One value as Twilio expects it on the wire: text for strings, `true`/`false` for
/// booleans, decimal digits for integers, `2020-01-02T03:04:05Z` for date-times,
/// `2020-01-02` for dates, a [`Decimal`](crate::Decimal)'s own text for numbers and
/// compact JSON text for JSON values.
///
/// Implement it for your own types to use them as endpoint fields;
/// [`wire_enum!`](crate::wire_enum!) does it for enums and
/// [`wire_json!`](crate::wire_json!) for serde types.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a request parameter",
    label = "implement `WireValue` for it, or use a `String`, `bool`, integer or `Timestamp`"
)]
pub trait WireValue {
    /// The kind of value, for endpoint metadata.
    const KIND: ValueKind = ValueKind::String;
    /// For an enum, every value it can take; empty otherwise.
    const VALUES: &'static [&'static str] = &[];
    /// For a SID type ([`Sid<P>`](crate::Sid)), the prefix its values were checked to
    /// have, for endpoint metadata; `None` otherwise.
    const SID_PREFIX: Option<&'static str> = None;

    /// The text sent on the wire.
    fn to_wire(&self) -> Cow<'_, str>;

    /// Whether the value is empty text, which a required parameter refuses. Only text
    /// can be empty: the default says `false`.
    fn is_empty_text(&self) -> bool {
        false
    }
}

impl WireValue for str {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn is_empty_text(&self) -> bool {
        self.is_empty()
    }
}

impl WireValue for String {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn is_empty_text(&self) -> bool {
        self.is_empty()
    }
}

impl WireValue for Cow<'_, str> {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }

    fn is_empty_text(&self) -> bool {
        self.is_empty()
    }
}

impl WireValue for bool {
    const KIND: ValueKind = ValueKind::Boolean;

    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl<T: WireValue + ?Sized> WireValue for &T {
    const KIND: ValueKind = T::KIND;
    const VALUES: &'static [&'static str] = T::VALUES;
    const SID_PREFIX: Option<&'static str> = T::SID_PREFIX;

    fn to_wire(&self) -> Cow<'_, str> {
        (**self).to_wire()
    }

    fn is_empty_text(&self) -> bool {
        (**self).is_empty_text()
    }
}

/// Sent as `2020-01-02T03:04:05Z`: UTC, whole seconds.
impl WireValue for jiff::Timestamp {
    const KIND: ValueKind = ValueKind::DateTime;

    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Owned(self.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
    }
}

/// Sent as `2020-01-02`.
impl WireValue for jiff::civil::Date {
    const KIND: ValueKind = ValueKind::Date;

    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

/// Sent as compact JSON text: `{"a":1}`, `[1,2]`, and a JSON string with its quotes
/// (`"text"`), as the API's `object` parameters expect.
impl WireValue for serde_json::Value {
    const KIND: ValueKind = ValueKind::Json;

    fn to_wire(&self) -> Cow<'_, str> {
        // `Display` is `serde_json::to_string`, which cannot fail for a `Value`: its map
        // keys are strings.
        Cow::Owned(self.to_string())
    }
}

macro_rules! wire_integers {
    ($($ty:ty)*) => {$(
        impl WireValue for $ty {
            const KIND: ValueKind = ValueKind::Integer;

            fn to_wire(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }

        impl Integer for $ty {
            fn to_i128(&self) -> i128 {
                i128::try_from(*self).unwrap_or(i128::MAX)
            }
        }
    )*};
}

wire_integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A field's value: a single [`WireValue`], an `Option` of one (sent only when `Some`),
/// a `Vec` of them (one value per element, in order), or an `Option` of a `Vec`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a request parameter",
    label = "use a `WireValue` type (`String`, `bool`, integers, `Timestamp`...), an `Option` or a `Vec` of one"
)]
pub trait ParamValue {
    /// Whether the parameter may be left out (`Option`).
    const OPTIONAL: bool = false;
    /// Whether the parameter is a list (`Vec`).
    const ARRAY: bool = false;
    /// The kind of each value.
    const KIND: ValueKind;
    /// For enums, every value each element can take.
    const VALUES: &'static [&'static str];
    /// For SID types, the prefix each value was checked to have.
    const SID_PREFIX: Option<&'static str> = None;

    /// Calls `f` with the wire text of each value, in order.
    fn for_each_value(&self, f: impl FnMut(&str));

    /// Whether anything would be sent: `false` for `None` and for an empty `Vec`.
    fn is_present(&self) -> bool {
        true
    }

    /// Whether a required parameter holding this would be refused as missing: an empty
    /// `Vec`, or empty text. `false` unless overridden.
    fn is_missing(&self) -> bool {
        false
    }
}

impl<T: WireValue + ?Sized> ParamValue for T {
    const KIND: ValueKind = T::KIND;
    const VALUES: &'static [&'static str] = T::VALUES;
    const SID_PREFIX: Option<&'static str> = T::SID_PREFIX;

    fn for_each_value(&self, mut f: impl FnMut(&str)) {
        f(&self.to_wire());
    }

    fn is_missing(&self) -> bool {
        self.is_empty_text()
    }
}

impl<T: ParamValue> ParamValue for Option<T> {
    const OPTIONAL: bool = true;
    const ARRAY: bool = T::ARRAY;
    const KIND: ValueKind = T::KIND;
    const VALUES: &'static [&'static str] = T::VALUES;
    const SID_PREFIX: Option<&'static str> = T::SID_PREFIX;

    fn for_each_value(&self, f: impl FnMut(&str)) {
        if let Some(value) = self {
            value.for_each_value(f);
        }
    }

    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(T::is_present)
    }
}

impl<T: WireValue> ParamValue for Vec<T> {
    const ARRAY: bool = true;
    const KIND: ValueKind = T::KIND;
    const VALUES: &'static [&'static str] = T::VALUES;
    const SID_PREFIX: Option<&'static str> = T::SID_PREFIX;

    fn for_each_value(&self, mut f: impl FnMut(&str)) {
        for value in self {
            f(&value.to_wire());
        }
    }

    fn is_present(&self) -> bool {
        !self.is_empty()
    }

    fn is_missing(&self) -> bool {
        self.is_empty()
    }
}

/// Integer fields, for `#[param(min = .., max = ..)]` checks.
#[diagnostic::on_unimplemented(
    message = "#[param(min, max)] applies to integer fields, not `{Self}`"
)]
pub trait Integer {
    /// The value, widened.
    fn to_i128(&self) -> i128;
}

/// Integer fields that may be absent or lists, for range checks.
#[diagnostic::on_unimplemented(
    message = "#[param(min, max)] applies to integer fields, not `{Self}`"
)]
pub trait IntegerParam {
    /// Calls `f` with each integer held, with its index for lists.
    fn for_each_integer(&self, f: impl FnMut(Option<usize>, i128));
}

impl<T: Integer> IntegerParam for T {
    fn for_each_integer(&self, mut f: impl FnMut(Option<usize>, i128)) {
        f(None, self.to_i128());
    }
}

impl<T: IntegerParam> IntegerParam for Option<T> {
    fn for_each_integer(&self, f: impl FnMut(Option<usize>, i128)) {
        if let Some(value) = self {
            value.for_each_integer(f);
        }
    }
}

impl<T: Integer> IntegerParam for Vec<T> {
    fn for_each_integer(&self, mut f: impl FnMut(Option<usize>, i128)) {
        for (i, value) in self.iter().enumerate() {
            f(Some(i), value.to_i128());
        }
    }
}

/// One number a bounded field holds: an integer, or a [`Decimal`](crate::Decimal) (Twilio's
/// `number` parameters, such as Assistants v1's feedback `score` from 0 to 1).
#[derive(Debug, Clone, Copy)]
pub enum Number<'a> {
    /// An integer, widened.
    Integer(i128),
    /// A decimal number, exactly as it goes on the wire.
    Decimal(&'a crate::Decimal),
}

/// Fields `#[param(min = .., max = ..)]` bounds: integers ([`IntegerParam`]) and
/// [`Decimal`](crate::Decimal)s, alone, optional or in lists.
#[diagnostic::on_unimplemented(
    message = "#[param(min, max)] applies to integer and decimal fields, not `{Self}`"
)]
pub trait RangeParam {
    /// Calls `f` with each number held, with its index for lists.
    fn for_each_number(&self, f: impl FnMut(Option<usize>, Number<'_>));
}

impl<T: IntegerParam + ?Sized> RangeParam for T {
    fn for_each_number(&self, mut f: impl FnMut(Option<usize>, Number<'_>)) {
        self.for_each_integer(|index, value| f(index, Number::Integer(value)));
    }
}

impl RangeParam for crate::Decimal {
    fn for_each_number(&self, mut f: impl FnMut(Option<usize>, Number<'_>)) {
        f(None, Number::Decimal(self));
    }
}

impl RangeParam for Option<crate::Decimal> {
    fn for_each_number(&self, mut f: impl FnMut(Option<usize>, Number<'_>)) {
        if let Some(value) = self {
            f(None, Number::Decimal(value));
        }
    }
}

impl RangeParam for Vec<crate::Decimal> {
    fn for_each_number(&self, mut f: impl FnMut(Option<usize>, Number<'_>)) {
        for (i, value) in self.iter().enumerate() {
            f(Some(i), Number::Decimal(value));
        }
    }
}

impl RangeParam for Option<Vec<crate::Decimal>> {
    fn for_each_number(&self, f: impl FnMut(Option<usize>, Number<'_>)) {
        if let Some(values) = self {
            values.for_each_number(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<T: ParamValue + ?Sized>(value: &T) -> Vec<String> {
        let mut out = Vec::new();
        value.for_each_value(|text| out.push(text.to_owned()));
        out
    }

    #[test]
    fn kinds_and_shapes() {
        fn shape<T: ParamValue>() -> (bool, bool, ValueKind) {
            (T::OPTIONAL, T::ARRAY, T::KIND)
        }
        assert_eq!(
            shape::<Option<Vec<u32>>>(),
            (true, true, ValueKind::Integer)
        );
        assert_eq!(shape::<Vec<bool>>(), (false, true, ValueKind::Boolean));
        assert_eq!(shape::<String>(), (false, false, ValueKind::String));
        assert_eq!(
            shape::<Option<jiff::Timestamp>>(),
            (true, false, ValueKind::DateTime)
        );
    }

    #[test]
    fn presence() {
        assert!(!None::<String>.is_present());
        assert!(!Vec::<String>::new().is_present());
        assert!(!Some(Vec::<String>::new()).is_present());
        assert!(Some(false).is_present());
        assert!(String::new().is_present());
    }

    #[test]
    fn date_times_are_utc_whole_seconds() {
        let at: jiff::Timestamp = "2020-01-02T03:04:05.678+02:00".parse().unwrap();
        assert_eq!(texts(&at), ["2020-01-02T01:04:05Z"]);
    }

    #[test]
    fn dates_are_year_month_day() {
        let date = jiff::civil::date(2020, 1, 2);
        assert_eq!(texts(&date), ["2020-01-02"]);
        assert_eq!(<jiff::civil::Date as WireValue>::KIND, ValueKind::Date);
        assert_eq!(texts(&Some(jiff::civil::date(999, 12, 31))), ["0999-12-31"]);
    }

    #[test]
    fn json_values_are_compact_text() {
        let value = serde_json::json!({"a": [1, 2], "b": {"c": null}});
        assert_eq!(texts(&value), [r#"{"a":[1,2],"b":{"c":null}}"#]);
        assert_eq!(texts(&serde_json::json!("x")), [r#""x""#]);
        assert_eq!(
            <Option<serde_json::Value> as ParamValue>::KIND,
            ValueKind::Json
        );
    }

    #[test]
    fn integers_widen() {
        let mut seen = Vec::new();
        Some(vec![1u64, u64::MAX]).for_each_integer(|i, v| seen.push((i, v)));
        assert_eq!(seen, [(Some(0), 1), (Some(1), i128::from(u64::MAX))]);
    }
}
