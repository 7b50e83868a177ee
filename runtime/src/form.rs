//! `application/x-www-form-urlencoded` pairs, used for query strings and form bodies.

use crate::value::ParamValue;

/// Ordered `name=value` pairs under construction, encoded as
/// `application/x-www-form-urlencoded`.
///
/// A name may repeat: Twilio takes list parameters as one pair per element
/// (`Permission=a&Permission=b`).
///
/// ```
/// use twill_runtime::Form;
///
/// let mut form = Form::new();
/// form.append_param("ReachabilityEnabled", &Some(false));
/// form.append_param("Skipped", &None::<String>);
/// form.append_param("Permission", &vec!["a b", "c&d"]);
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

    /// Appends a parameter's pairs: none for `None`, one per element of a `Vec`.
    pub fn append_param<T: ParamValue + ?Sized>(&mut self, name: &str, value: &T) {
        value.for_each_value(|text| self.append(name, text));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(form: &Form) -> Vec<(String, String)> {
        serde_urlencoded::from_str(form.as_str()).unwrap()
    }

    #[test]
    fn scalars_options_and_lists() {
        let mut form = Form::new();
        form.append_param("Bool", &true);
        form.append_param("Int", &42u32);
        form.append_param("Neg", &-7i64);
        form.append_param("Missing", &None::<bool>);
        form.append_param("Some", &Some("x".to_owned()));
        form.append_param("List", &vec!["a".to_owned(), "b".to_owned()]);
        form.append_param("OptionalList", &Some(vec![1, 2]));
        form.append_param("Empty", &Vec::<String>::new());
        assert_eq!(
            pairs(&form),
            [
                ("Bool", "true"),
                ("Int", "42"),
                ("Neg", "-7"),
                ("Some", "x"),
                ("List", "a"),
                ("List", "b"),
                ("OptionalList", "1"),
                ("OptionalList", "2"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn reserved_characters_round_trip() {
        let tricky = "a&b=c+d %/?#é\n";
        let mut form = Form::new();
        form.append_param("Configuration.Filters", tricky);
        assert!(!form.as_str().contains(' '));
        assert_eq!(
            pairs(&form),
            [("Configuration.Filters".to_owned(), tricky.to_owned())]
        );
    }
}
