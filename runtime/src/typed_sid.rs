//! `Sid<P>`: a SID whose kind is in its type, so that a role's SID cannot go where a
//! service's is expected.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Deref;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use crate::sid::{self, LEN};
use crate::validation::ValidationError;
use crate::value::WireValue;

/// A kind of SID: the marker type of one two-letter prefix, such as `RL` for roles.
///
/// `twill_api::prefix` has a marker for every prefix of Twilio's API descriptions; an
/// SDK author can declare one for a prefix it lacks.
///
/// ```
/// use twill_runtime::{Prefix, Sid};
///
/// /// Roles: `RL` then 32 hex digits.
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub struct RL;
///
/// impl Prefix for RL {
///     const PREFIX: &'static str = "RL";
/// }
///
/// let role: Sid<RL> = "RL0123456789abcdef0123456789abcdef".parse()?;
/// assert_eq!(role.as_str(), "RL0123456789abcdef0123456789abcdef");
/// # Ok::<(), twill_runtime::ValidationError>(())
/// ```
pub trait Prefix: 'static {
    /// The two uppercase letters every SID of this kind starts with.
    const PREFIX: &'static str;
}

/// A SID of the kind `P`: `P::PREFIX`, then 32 hex digits, checked once, when it is
/// made.
///
/// It is `Copy` (34 bytes, inline: no allocation), `Send + Sync`, `Hash` and `Ord`,
/// dereferences to its text, displays and serializes as it, and deserializes from it
/// with the same check. [`FromStr`] and `TryFrom<String>` give the
/// [`ValidationError`] that a request's checks give for the same text.
pub struct Sid<P: Prefix> {
    text: [u8; LEN],
    kind: PhantomData<fn() -> P>,
}

impl<P: Prefix> Sid<P> {
    /// Checks `text` and makes a SID of it; the error names the field `Sid`.
    pub fn new(text: &str) -> Result<Self, ValidationError> {
        match sid::check(text, P::PREFIX) {
            Ok(()) => Ok(Sid::from_checked(text.as_bytes())),
            Err(kind) => Err(ValidationError::new("Sid", kind)),
        }
    }

    fn from_checked(bytes: &[u8]) -> Self {
        let mut text = [0; LEN];
        text.copy_from_slice(bytes);
        Sid {
            text,
            kind: PhantomData,
        }
    }

    /// The SID's text.
    pub fn as_str(&self) -> &str {
        // Checked to be ASCII when made.
        std::str::from_utf8(&self.text).expect("a SID is ASCII")
    }
}

impl<P: Prefix> Clone for Sid<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Prefix> Copy for Sid<P> {}

impl<P: Prefix> PartialEq for Sid<P> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<P: Prefix> Eq for Sid<P> {}

impl<P: Prefix> PartialOrd for Sid<P> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<P: Prefix> Ord for Sid<P> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl<P: Prefix> Hash for Sid<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<P: Prefix> Deref for Sid<P> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<P: Prefix> AsRef<str> for Sid<P> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<P: Prefix> fmt::Display for Sid<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<P: Prefix> fmt::Debug for Sid<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sid({:?})", self.as_str())
    }
}

impl<P: Prefix> FromStr for Sid<P> {
    type Err = ValidationError;

    fn from_str(text: &str) -> Result<Self, ValidationError> {
        Sid::new(text)
    }
}

impl<P: Prefix> TryFrom<&str> for Sid<P> {
    type Error = ValidationError;

    fn try_from(text: &str) -> Result<Self, ValidationError> {
        Sid::new(text)
    }
}

impl<P: Prefix> TryFrom<String> for Sid<P> {
    type Error = ValidationError;

    fn try_from(text: String) -> Result<Self, ValidationError> {
        Sid::new(&text)
    }
}

impl<P: Prefix> From<Sid<P>> for String {
    fn from(sid: Sid<P>) -> String {
        sid.as_str().to_owned()
    }
}

impl<P: Prefix> PartialEq<str> for Sid<P> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl<P: Prefix> PartialEq<&str> for Sid<P> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Sent as its text: a field typed `Sid<P>` was checked when the SID was made, so it
/// needs no `#[sid]` check.
impl<P: Prefix> WireValue for Sid<P> {
    fn to_wire(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.as_str())
    }
}

impl<P: Prefix> Serialize for Sid<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Deserializes from a string, checked as [`Sid::new`] checks it.
impl<'de, P: Prefix> Deserialize<'de> for Sid<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SidVisitor<P>(PhantomData<fn() -> P>);

        impl<P: Prefix> Visitor<'_> for SidVisitor<P> {
            type Value = Sid<P>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a SID: `{}` then 32 hex digits", P::PREFIX)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Sid<P>, E> {
                Sid::new(text).map_err(|err| E::custom(err.kind()))
            }
        }

        deserializer.deserialize_str(SidVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use super::*;
    use crate::validation::ValidationErrorKind;

    #[derive(Debug)]
    struct RL;

    impl Prefix for RL {
        const PREFIX: &'static str = "RL";
    }

    #[derive(Debug)]
    struct IS;

    impl Prefix for IS {
        const PREFIX: &'static str = "IS";
    }

    const ROLE: &str = "RL0123456789abcdef0123456789ABCDEF";

    #[test]
    fn parses_checks_and_reads_back() {
        let role: Sid<RL> = ROLE.parse().unwrap();
        assert_eq!(role.as_str(), ROLE);
        assert_eq!(&*role, ROLE);
        assert_eq!(role.to_string(), ROLE);
        assert_eq!(format!("{role:?}"), format!("Sid({ROLE:?})"));
        assert_eq!(role, ROLE);
        assert_eq!(String::from(role), ROLE);
        assert_eq!(Sid::<RL>::try_from(ROLE.to_owned()).unwrap(), role);
    }

    #[test]
    fn errors_are_the_request_checks() {
        for (text, expected) in [
            (
                "RL0123",
                ValidationErrorKind::SidLength {
                    prefix: "RL",
                    len: 6,
                },
            ),
            (
                "IS0123456789abcdef0123456789abcdef",
                ValidationErrorKind::SidPrefix {
                    prefix: "RL",
                    found: "IS".into(),
                },
            ),
        ] {
            let err = text.parse::<Sid<RL>>().unwrap_err();
            assert_eq!(err.kind(), &expected, "{text}");
            assert_eq!(err.field(), "Sid");
            assert_eq!(
                err.to_string(),
                format!("invalid `Sid`: {}", sid::check(text, "RL").unwrap_err())
            );
        }
        let err = Sid::<RL>::try_from("RL0123456789abcdef0123456789abcdeg".to_owned()).unwrap_err();
        assert!(
            matches!(err.kind(), ValidationErrorKind::SidNotHex { .. }),
            "{err}"
        );
    }

    #[test]
    fn copy_inline_send_sync_hash_ord() {
        fn assert_traits<T: Copy + Send + Sync + Hash + Ord + 'static>() {}
        assert_traits::<Sid<RL>>();
        assert_eq!(std::mem::size_of::<Sid<RL>>(), LEN);
        let a: Sid<RL> = ROLE.parse().unwrap();
        let b: Sid<RL> = "RL0000000000000000000000000000000a".parse().unwrap();
        assert!(b < a);
        assert_eq!(BTreeSet::from([a, b]).into_iter().next(), Some(b));
        assert!(HashSet::from([a, a, b]).len() == 2);
    }

    #[test]
    fn sent_as_its_text() {
        let role: Sid<RL> = ROLE.parse().unwrap();
        let mut form = crate::form::Form::new();
        form.append_param("RoleSid", &Some(vec![role, role]));
        assert_eq!(form.as_str(), format!("RoleSid={ROLE}&RoleSid={ROLE}"));
    }

    #[test]
    fn serde_as_checked_text() {
        let role: Sid<RL> = ROLE.parse().unwrap();
        assert_eq!(serde_json::to_string(&role).unwrap(), format!("{ROLE:?}"));
        let back: Sid<RL> = serde_json::from_str(&format!("{ROLE:?}")).unwrap();
        assert_eq!(back, role);
        let err = serde_json::from_str::<Sid<IS>>(&format!("{ROLE:?}")).unwrap_err();
        assert!(err.to_string().contains("starting with `IS`"), "{err}");
        assert!(serde_json::from_str::<Sid<RL>>("12").is_err());
    }
}
