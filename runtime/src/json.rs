//! `application/json` request bodies: one object, keyed by wire name.

use serde::Serialize;

use crate::value::ParamValue;

/// The members of a JSON request body under construction, written in order.
///
/// An absent `Option` is left out rather than sent as `null`, as a form body leaves it
/// out; every other value, an empty list included, is sent as serde serializes it.
///
/// ```
/// use twill_runtime::JsonBody;
///
/// let mut body = JsonBody::new();
/// body.append_param("friendly_name", &Some("Owl"));
/// body.append_param("language", &None::<String>);
/// body.append_param("phone_numbers", &vec!["+15017122661"]);
/// assert_eq!(body.into_string(), r#"{"friendly_name":"Owl","phone_numbers":["+15017122661"]}"#);
/// ```
#[derive(Debug, Clone, Default)]
pub struct JsonBody {
    /// The members so far, without the enclosing braces.
    members: Vec<u8>,
}

impl JsonBody {
    /// An empty object.
    pub fn new() -> Self {
        JsonBody::default()
    }

    /// Appends the member `name`, unless `value` is an absent `Option`.
    ///
    /// # Panics
    ///
    /// If `value`'s `Serialize` implementation fails, which derived implementations and
    /// the types twill declares never do (a map with non-string keys would).
    pub fn append_param<T: Serialize + ParamValue + ?Sized>(&mut self, name: &str, value: &T) {
        self.__append_member(name, value, T::OPTIONAL && !value.is_present());
    }

    /// [`append_param`](Self::append_param) for generated code, which reads
    /// `maybe_absent` through `ParamValue` itself (`OPTIONAL && !is_present()`), so
    /// that an unsupported field type is one error, not one more from this bound.
    #[doc(hidden)]
    pub fn __append_member<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        maybe_absent: bool,
    ) {
        if maybe_absent && is_none(value) {
            return;
        }
        let start = self.members.len();
        if start > 0 {
            self.members.push(b',');
        }
        serde_json::to_writer(&mut self.members, name).expect("a string serializes");
        self.members.push(b':');
        serde_json::to_writer(&mut self.members, value).expect("request values serialize to JSON");
    }

    /// Whether no member was appended.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The object's text.
    pub fn into_string(self) -> String {
        let mut out = String::with_capacity(self.members.len() + 2);
        out.push('{');
        // Only `serde_json` wrote into `members`, and it writes UTF-8.
        out.push_str(std::str::from_utf8(&self.members).expect("serde_json writes UTF-8"));
        out.push('}');
        out
    }
}

/// Whether `value` serializes as `null`: `None`, as opposed to `Some(vec![])`, which
/// `is_present` also calls absent but which a JSON body sends as `[]`.
fn is_none<T: Serialize + ?Sized>(value: &T) -> bool {
    matches!(serde_json::to_value(value), Ok(serde_json::Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_in_order_absent_options_left_out() {
        let mut body = JsonBody::new();
        assert!(body.is_empty());
        body.append_param("a", "x\"y");
        body.append_param("b", &None::<u32>);
        body.append_param("c", &Some(vec![1, 2]));
        body.append_param("d", &Some(Vec::<u32>::new()));
        body.append_param("e", &false);
        body.append_param("f", &vec!["p".to_owned()]);
        assert!(!body.is_empty());
        let text = body.into_string();
        assert_eq!(text, r#"{"a":"x\"y","c":[1,2],"d":[],"e":false,"f":["p"]}"#);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["a"], "x\"y");
    }

    #[test]
    fn empty_object() {
        assert_eq!(JsonBody::new().into_string(), "{}");
    }

    #[test]
    fn names_are_escaped() {
        let mut body = JsonBody::new();
        body.append_param("we\"ird", &1u8);
        assert_eq!(body.into_string(), r#"{"we\"ird":1}"#);
    }
}
