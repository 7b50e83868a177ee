//! `wire_json!`: serde types as JSON parameters.

use std::borrow::Cow;

/// Makes serde types endpoint fields of kind [`Json`](crate::ValueKind::Json): the
/// nested objects of JSON bodies, such as a Content API template's `types`.
///
/// For each type named, it implements [`WireValue`](crate::WireValue) with the compact
/// JSON text of the value (`serde_json::to_string`) as wire text: what a form or a query
/// string carries. In a JSON body the value itself is sent, through its `Serialize`.
///
/// ```
/// use serde::Serialize;
/// use twill_runtime::{ValueKind, WireValue};
///
/// #[derive(Serialize)]
/// pub struct Types {
///     #[serde(rename = "twilio/text")]
///     pub text: Option<Text>,
/// }
///
/// #[derive(Serialize)]
/// pub struct Text {
///     pub body: String,
/// }
///
/// twill_runtime::wire_json!(Types, Text);
///
/// let types = Types { text: Some(Text { body: "Hi {{1}}".into() }) };
/// assert_eq!(types.to_wire(), r#"{"twilio/text":{"body":"Hi {{1}}"}}"#);
/// assert_eq!(<Text as WireValue>::KIND, ValueKind::Json);
/// ```
///
/// # Panics
///
/// `to_wire` panics if the value cannot be written as JSON: only a `Serialize` impl that
/// returns an error, or a map whose keys are neither strings nor numbers, can do that.
/// A derived `Serialize` over strings, numbers, booleans, options, lists, string-keyed
/// maps and such structs (what the generator emits) never fails. A panic was chosen over
/// sending some other text (`{}`) because that would be a request other than the one
/// built, and a silently emptied object could change a resource the caller meant to keep.
#[macro_export]
macro_rules! wire_json {
    ($($ty:ty),+ $(,)?) => {$(
        #[automatically_derived]
        impl $crate::WireValue for $ty {
            const KIND: $crate::ValueKind = $crate::ValueKind::Json;

            fn to_wire(&self) -> ::std::borrow::Cow<'_, str> {
                $crate::__private::json_wire_text(self)
            }
        }
    )+};
}

/// The wire text of a [`wire_json!`] type: its compact JSON.
///
/// One function for every type, so that the macro expands to a call and the message of
/// a failure is written once.
#[doc(hidden)]
pub fn json_wire_text<T: serde::Serialize + ?Sized>(value: &T) -> Cow<'static, str> {
    match serde_json::to_string(value) {
        Ok(text) => Cow::Owned(text),
        Err(error) => panic!(
            "a `wire_json!` value of type `{}` cannot be written as JSON: {error}",
            std::any::type_name::<T>()
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use crate::{ParamValue, ValueKind, WireValue};

    #[derive(Serialize)]
    struct Card {
        title: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        subtitle: Option<String>,
        actions: Vec<Action>,
    }

    #[derive(Serialize)]
    struct Action {
        r#type: &'static str,
        id: u32,
    }

    #[derive(Serialize)]
    struct TupleKeys(BTreeMap<(u8, u8), u8>);

    crate::wire_json!(Card, Action,);
    crate::wire_json!(TupleKeys);

    #[test]
    fn compact_json_of_kind_json() {
        let card = Card {
            title: "Hi".into(),
            subtitle: None,
            actions: vec![Action {
                r#type: "QUICK_REPLY",
                id: 1,
            }],
        };
        assert_eq!(
            card.to_wire(),
            r#"{"title":"Hi","actions":[{"type":"QUICK_REPLY","id":1}]}"#
        );
        assert_eq!(<Option<Vec<Card>> as ParamValue>::KIND, ValueKind::Json);
        assert_eq!(<Action as WireValue>::VALUES, &[] as &[&str]);
    }

    #[test]
    #[should_panic(expected = "cannot be written as JSON: key must be a string")]
    fn an_unwritable_value_panics() {
        let keys = TupleKeys(BTreeMap::from([((1, 2), 3)]));
        let _ = keys.to_wire();
    }
}
