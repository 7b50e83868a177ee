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

/// A kind of SID: the marker type of one two-letter prefix, such as `RL` for roles, or of
/// alternatives, such as `SM|MM` for a message (an SMS or an MMS).
///
/// [`prefix`](crate::prefix) has a marker for every prefix of Twilio's API descriptions;
/// an SDK author can declare one for a prefix it lacks.
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
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a kind of SID",
    label = "use a marker of `twill_api::prefix`, such as `Sid<prefix::RL>`"
)]
pub trait Prefix: 'static {
    /// The two uppercase letters every SID of this kind starts with, or alternatives
    /// separated by `|` (`SM|MM`).
    const PREFIX: &'static str;
}

/// A SID of the kind `P`: `P::PREFIX`, then 32 hex digits, checked once, when it is
/// made.
///
/// It is `Copy` (35 bytes, inline: no allocation), `Send + Sync`, `Hash` and `Ord`,
/// dereferences to its text, displays and serializes as it, and deserializes from it
/// with the same check. [`FromStr`] and `TryFrom<String>` give the
/// [`ValidationError`] that a request's checks give for the same text.
///
/// A SID read from a response is taken as Twilio sent it: a response's SID property
/// whose text does not look like a SID of its kind (the API descriptions' own examples
/// have `"VT12445353"` for a brand vetting) is kept as it is, when it is at most 34
/// bytes, so that it can go back to Twilio in the next request. Only a SID you make is
/// checked. The README's "Typed SIDs" says more.
pub struct Sid<P: Prefix> {
    /// How many bytes of `text` are the SID's: 34, except for a response's unusual one.
    len: u8,
    text: [u8; LEN],
    kind: PhantomData<fn() -> P>,
}

impl<P: Prefix> Sid<P> {
    /// Checks `text` and makes a SID of it; the error names the field `Sid`.
    pub fn new(text: &str) -> Result<Self, ValidationError> {
        match sid::check(text, P::PREFIX) {
            Ok(()) => Ok(Sid::from_text(text)),
            Err(kind) => Err(ValidationError::new("Sid", kind)),
        }
    }

    /// A SID from a literal that `sid!` checked at compile time; not public API.
    ///
    /// # Panics
    ///
    /// If `text` is not 34 bytes long, which `sid!` rules out. In a `const`, as `sid!`
    /// uses it, that is a compile error.
    #[doc(hidden)]
    pub const fn __from_checked_literal(text: &str) -> Self {
        let bytes = text.as_bytes();
        assert!(bytes.len() == LEN, "a SID is 34 characters long");
        let mut out = [0; LEN];
        let mut i = 0;
        while i < LEN {
            out[i] = bytes[i];
            i += 1;
        }
        Sid {
            len: LEN as u8,
            text: out,
            kind: PhantomData,
        }
    }

    /// Re-types a SID whose text is known to suit `P` (see `prefix`'s conversions).
    pub(crate) fn retype<Q: Prefix>(self) -> Sid<Q> {
        Sid {
            len: self.len,
            text: self.text,
            kind: PhantomData,
        }
    }

    /// A SID of a response, as Twilio sent it: checked text as [`Sid::new`] makes it,
    /// and any other text of 1 to 34 bytes as it is (with `false`, for a warning).
    /// `None` for empty or longer text.
    pub(crate) fn from_response(text: &str) -> Option<(Self, bool)> {
        if let Ok(sid) = Sid::new(text) {
            return Some((sid, true));
        }
        (1..=LEN)
            .contains(&text.len())
            .then(|| (Sid::from_text(text), false))
    }

    /// From a whole `&str` of at most 34 bytes, which `as_str` relies on.
    fn from_text(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut out = [0; LEN];
        out[..bytes.len()].copy_from_slice(bytes);
        Sid {
            len: bytes.len() as u8,
            text: out,
            kind: PhantomData,
        }
    }

    /// The SID's text.
    #[inline]
    #[allow(unsafe_code)]
    pub fn as_str(&self) -> &str {
        let bytes = &self.text[..usize::from(self.len)];
        // SAFETY: every `Sid` is made from a whole `&str` (`__from_checked_literal`, or
        // `from_text` through `new` and `from_response`) or copied from another `Sid`
        // (`retype`, `Clone`), so `text[..len]` is always valid UTF-8. Checking it again
        // on every read cost a third of the time of a request made from SIDs given as
        // text (`cargo bench -p twill-tests --bench encode`).
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        unsafe { std::str::from_utf8_unchecked(bytes) }
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
        self.len == other.len && self.text == other.text
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
        self.as_str().cmp(other.as_str())
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
    const SID_PREFIX: Option<&'static str> = Some(P::PREFIX);

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
        assert_eq!(std::mem::size_of::<Sid<RL>>(), LEN + 1);
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
    fn responses_keep_unusual_text() {
        let (sid, usual) = Sid::<RL>::from_response(ROLE).unwrap();
        assert!(usual);
        assert_eq!(sid, ROLE.parse::<Sid<RL>>().unwrap());
        for unusual in ["VT12445353", "IS0123456789abcdef0123456789abcdef", "é"] {
            let (sid, usual) = Sid::<RL>::from_response(unusual).unwrap();
            assert!(!usual, "{unusual}");
            assert_eq!(sid.as_str(), unusual);
            assert_eq!(sid, sid.clone());
            assert_ne!(sid, ROLE.parse::<Sid<RL>>().unwrap());
        }
        let short = Sid::<RL>::from_response("RL").unwrap().0;
        let long = Sid::<RL>::from_response("RLa").unwrap().0;
        assert!(short < long && short.as_str() == "RL");
        assert!(Sid::<RL>::from_response("").is_none());
        assert!(Sid::<RL>::from_response(&"a".repeat(35)).is_none());
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
