//! `application/x-www-form-urlencoded` pairs, used for query strings and form bodies.

use std::borrow::Cow;

/// Ordered `name=value` pairs under construction, encoded as
/// `application/x-www-form-urlencoded`.
///
/// A name may repeat: Twilio takes list parameters as one pair per element
/// (`Permission=a&Permission=b`).
///
/// ```
/// use twill_runtime::{Form, ParamValue};
///
/// let mut form = Form::new();
/// Some(false).append_to("ReachabilityEnabled", &mut form);
/// None::<String>.append_to("Skipped", &mut form);
/// vec!["a b", "c&d"].append_to("Permission", &mut form);
/// assert_eq!(form.as_str(), "ReachabilityEnabled=false&Permission=a+b&Permission=c%26d");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Form {
    encoded: String,
}

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Form::default()
    }

    /// Appends one pair.
    pub fn append(&mut self, name: &str, value: &str) {
        if !self.encoded.is_empty() {
            self.encoded.push('&');
        }
        self.encoded
            .extend(form_urlencoded::byte_serialize(name.as_bytes()));
        self.encoded.push('=');
        self.encoded
            .extend(form_urlencoded::byte_serialize(value.as_bytes()));
    }

    /// Whether no pair was appended.
    pub fn is_empty(&self) -> bool {
        self.encoded.is_empty()
    }

    /// The encoded pairs so far.
    pub fn as_str(&self) -> &str {
        &self.encoded
    }

    /// The encoded pairs.
    pub fn into_string(self) -> String {
        self.encoded
    }
}

/// One value as Twilio expects it on the wire: text for strings, `true`/`false` for
/// booleans, decimal digits for integers.
///
/// Implement it for your own types (an enum of wire values, say) to use them as
/// endpoint fields.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a request parameter",
    label = "implement `WireValue` for it, or use a `String`, `bool` or integer"
)]
pub trait WireValue {
    /// The text sent on the wire.
    fn to_wire(&self) -> Cow<'_, str>;
}

impl WireValue for str {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl WireValue for String {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl WireValue for Cow<'_, str> {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl WireValue for bool {
    fn to_wire(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl<T: WireValue + ?Sized> WireValue for &T {
    fn to_wire(&self) -> Cow<'_, str> {
        (**self).to_wire()
    }
}

macro_rules! wire_integers {
    ($($ty:ty)*) => {$(
        impl WireValue for $ty {
            fn to_wire(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}

wire_integers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

/// A field sent as query or form parameters: a single [`WireValue`] gives one pair,
/// `Option::None` none, and a `Vec` one pair per element, in order.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a request parameter",
    label = "use a `WireValue` type (`String`, `bool`, integers...), an `Option` or a `Vec` of one"
)]
pub trait ParamValue {
    /// Appends this value's pairs under `name`.
    fn append_to(&self, name: &str, form: &mut Form);
}

impl<T: WireValue + ?Sized> ParamValue for T {
    fn append_to(&self, name: &str, form: &mut Form) {
        form.append(name, &self.to_wire());
    }
}

impl<T: ParamValue> ParamValue for Option<T> {
    fn append_to(&self, name: &str, form: &mut Form) {
        if let Some(value) = self {
            value.append_to(name, form);
        }
    }
}

impl<T: WireValue> ParamValue for Vec<T> {
    fn append_to(&self, name: &str, form: &mut Form) {
        for value in self {
            form.append(name, &value.to_wire());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(form: &Form) -> Vec<(String, String)> {
        serde_urlencoded::from_str(form.as_str()).unwrap()
    }

    #[test]
    fn scalars_options_and_lists() {
        let mut form = Form::new();
        true.append_to("Bool", &mut form);
        42u32.append_to("Int", &mut form);
        (-7i64).append_to("Neg", &mut form);
        None::<bool>.append_to("Missing", &mut form);
        Some("x".to_owned()).append_to("Some", &mut form);
        vec!["a".to_owned(), "b".to_owned()].append_to("List", &mut form);
        Vec::<String>::new().append_to("Empty", &mut form);
        assert_eq!(
            pairs(&form),
            [
                ("Bool", "true"),
                ("Int", "42"),
                ("Neg", "-7"),
                ("Some", "x"),
                ("List", "a"),
                ("List", "b"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn reserved_characters_round_trip() {
        let tricky = "a&b=c+d %/?#é\n";
        let mut form = Form::new();
        tricky.append_to("Configuration.Filters", &mut form);
        assert!(!form.as_str().contains(' '));
        assert_eq!(
            pairs(&form),
            [("Configuration.Filters".to_owned(), tricky.to_owned())]
        );
    }
}
