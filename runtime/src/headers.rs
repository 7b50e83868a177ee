//! Request headers an endpoint sets, such as `X-Twilio-Webhook-Enabled`.

use crate::value::ParamValue;

/// Header pairs under construction, in order.
#[derive(Debug, Clone, Default)]
pub struct Headers {
    list: Vec<(&'static str, String)>,
}

impl Headers {
    /// No headers.
    pub fn new() -> Self {
        Headers::default()
    }

    /// Appends a parameter's values under `name` (none for `None`).
    pub fn append_param<T: ParamValue + ?Sized>(&mut self, name: &'static str, value: &T) {
        value.for_each_value(|text| self.append(name, text));
    }

    /// Appends one value under `name`.
    pub fn append(&mut self, name: &'static str, value: &str) {
        self.list.push((name, value.to_owned()));
    }

    /// Whether no header was appended.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.list
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
    }
}
