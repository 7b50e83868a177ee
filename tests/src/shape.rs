//! The field names a type's `Deserialize` expects, read without a value: serde's derive
//! hands them to `deserialize_struct`.

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// What a type deserializes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A struct with these fields (serialized names).
    Struct(Vec<&'static str>),
    /// `()`: no body.
    Unit,
    /// Anything else.
    Other,
}

/// The shape of `T`.
pub fn shape<T: for<'de> Deserialize<'de>>() -> Shape {
    let mut shape = Shape::Other;
    // The probe always fails after recording what it saw; that is its purpose.
    let _ = T::deserialize(Probe(&mut shape));
    shape
}

struct Probe<'a>(&'a mut Shape);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Shape::Struct(fields.to_vec());
        Err(de::Error::custom("probe"))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        *self.0 = Shape::Unit;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        a: u8,
        #[serde(rename = "type")]
        kind: String,
    }

    #[test]
    fn reads_field_names() {
        assert_eq!(shape::<Sample>(), Shape::Struct(vec!["a", "type"]));
        assert_eq!(shape::<()>(), Shape::Unit);
        assert_eq!(shape::<u8>(), Shape::Other);
    }
}
