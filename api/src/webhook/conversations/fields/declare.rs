//! `event!`: an event's type declared as its parameter table, one line a parameter.

/// Declares an event's struct, with a `common: Common` field first, and its
/// `from_params`, which reads each field with the `Params` method named after `=`:
///
/// ```text
/// event! {
///     /// `onMessageAdd` (pre-action): ...
///     MessageAdd {
///         /// `ConversationSid`: ...
///         conversation_sid: Sid<CH> = required_sid("ConversationSid"),
///     }
/// }
/// ```
macro_rules! event {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty = $read:ident($($arg:expr)?)
            ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name {
            /// The parameters of every event (`AccountSid`, `Source`...), and every
            /// parameter as sent.
            pub common: $crate::webhook::conversations::Common,
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl $name {
            pub(crate) fn from_params(
                params: $crate::webhook::conversations::fields::parse::Params<'_>,
                common: $crate::webhook::conversations::Common,
            ) -> ::core::result::Result<Self, $crate::webhook::conversations::EventError> {
                ::core::result::Result::Ok($name {
                    common,
                    $($field: params.$read($($arg)?)?,)*
                })
            }
        }
    )*};
}

pub(crate) use event;
