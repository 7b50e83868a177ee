//! `wire_enum!`: Rust enums for the string enums of an API.

use std::fmt;

/// Declares an enum whose variants are wire values, plus `Unknown(`[`UnknownValue`]`)`
/// for values the API adds later, so decoding a response never fails on them.
///
/// `Unknown` holds only values that are not variants: [`UnknownValue`] cannot be made
/// from outside this crate, and `from_wire`, `FromStr` and decoding give the variant of
/// every documented value. So `==` between two values of the enum is `==` between their
/// wire values, and a `match` with one arm per variant plus `Unknown(_)` is exhaustive.
/// (The enum is not `#[non_exhaustive]`: `Unknown` is how it meets values documented
/// later. When a later release documents one, it becomes a variant, and a `match` that
/// names every variant has to handle it.)
///
/// ```
/// twill_runtime::wire_enum! {
///     /// The state of a conversation.
///     pub enum ConversationState {
///         Active = "active",
///         Closed = "closed",
///     }
/// }
///
/// assert_eq!(ConversationState::Active.as_str(), "active");
/// assert_eq!(ConversationState::from_wire("closed"), ConversationState::Closed);
/// let archived = ConversationState::from_wire("archived");
/// match &archived {
///     ConversationState::Active | ConversationState::Closed => unreachable!(),
///     ConversationState::Unknown(value) => assert_eq!(value.as_str(), "archived"),
/// }
/// assert_eq!(archived.as_str(), "archived");
/// assert_eq!(ConversationState::VALUES, ["active", "closed"]);
/// ```
///
/// It implements `Display`, `FromStr` (infallible), serde's `Serialize` and
/// `Deserialize` (as the wire string) and [`WireValue`](crate::WireValue), so the enum
/// can be an endpoint field.
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($variant:ident = $value:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $(
                #[doc = concat!("`", $value, "`")]
                $variant,
            )+
            /// A value not documented when this crate was built, kept as sent; never
            /// one of the values above.
            Unknown($crate::UnknownValue),
        }

        impl $name {
            /// Every documented value, in the API description's order.
            pub const VALUES: &'static [&'static str] = &[$($value),+];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)+
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// The variant for a wire value; an undocumented value gives `Unknown`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $($value => Self::$variant,)+
                    other => Self::Unknown($crate::__private::unknown_value(other)),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl $crate::WireValue for $name {
            const KIND: $crate::ValueKind = $crate::ValueKind::Enum;
            const VALUES: &'static [&'static str] = Self::VALUES;

            fn to_wire(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }

            fn is_empty_text(&self) -> bool {
                self.as_str().is_empty()
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                deserializer.deserialize_str($crate::__private::WireEnumVisitor(Self::from_wire))
            }
        }
    };
}

/// A wire value that no variant of a [`wire_enum!`] enum stands for: what its `Unknown`
/// variant holds.
///
/// Only the enum's `from_wire` (and `FromStr` and decoding, which call it) makes one, for
/// a value that is not one of the enum's, so that `Unknown` never stands for a value a
/// variant stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// The value, as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An [`UnknownValue`] of `value`; called by `from_wire` only after every documented
/// value failed to match.
#[doc(hidden)]
pub fn unknown_value(value: &str) -> UnknownValue {
    UnknownValue(value.into())
}

/// Deserializes a string through `from_wire`; used by [`wire_enum!`].
#[doc(hidden)]
pub struct WireEnumVisitor<T>(pub fn(&str) -> T);

impl<T> serde::de::Visitor<'_> for WireEnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok((self.0)(value))
    }
}
