//! `SidOrName<P>`: a path value that names a resource by its SID or by a name of its
//! own, as Conversations' `ConversationSid` (a SID or the `unique_name`) and `UserSid`
//! (a SID or the `identity`) do.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::de::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};

use crate::typed_sid::{Prefix, Sid};
use crate::value::WireValue;

/// A resource named by its SID of kind `P`, or by its unique name (its `unique_name`,
/// a user's `identity`, a participant's label...): what the API accepts wherever a
/// path parameter says "the `sid` or the `unique_name`".
///
/// A [`Sid<P>`] converts into it with `From`/`Into`, and so does any text: text that is
/// a SID of kind `P` is taken as one ([`as_sid`](SidOrName::as_sid) gives it back), any
/// other is a name. Either way it is sent as its text, percent-encoded as one path
/// segment; an empty name, `.` or `..` is refused before sending.
///
/// ```
/// use twill_runtime::{Prefix, Sid, SidOrName};
/// # #[derive(Debug)] pub enum CH {}
/// # impl Prefix for CH { const PREFIX: &'static str = "CH"; }
///
/// let sid: Sid<CH> = "CH0123456789abcdef0123456789abcdef".parse()?;
/// let by_sid = SidOrName::from(sid);
/// let by_name = SidOrName::<CH>::from("support-42");
/// assert_eq!(by_sid.as_sid(), Some(sid));
/// assert_eq!(by_name.as_sid(), None);
/// assert_eq!(by_name.as_str(), "support-42");
/// assert_eq!(SidOrName::<CH>::from(sid.as_str()), by_sid);
/// # Ok::<(), twill_runtime::ValidationError>(())
/// ```
pub struct SidOrName<P: Prefix> {
    repr: Repr<P>,
}

enum Repr<P: Prefix> {
    Sid(Sid<P>),
    Name(String),
}

impl<P: Prefix> SidOrName<P> {
    /// The text sent: the SID's, or the name.
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Sid(sid) => sid.as_str(),
            Repr::Name(name) => name,
        }
    }

    /// The SID, when it is one.
    pub fn as_sid(&self) -> Option<Sid<P>> {
        match &self.repr {
            Repr::Sid(sid) => Some(*sid),
            Repr::Name(_) => None,
        }
    }

    fn name(name: String) -> Self {
        SidOrName {
            repr: Repr::Name(name),
        }
    }
}

impl<P: Prefix> From<Sid<P>> for SidOrName<P> {
    fn from(sid: Sid<P>) -> Self {
        SidOrName {
            repr: Repr::Sid(sid),
        }
    }
}

impl<P: Prefix> From<&str> for SidOrName<P> {
    fn from(text: &str) -> Self {
        Sid::new(text).map_or_else(|_| SidOrName::name(text.to_owned()), SidOrName::from)
    }
}

impl<P: Prefix> From<&String> for SidOrName<P> {
    fn from(text: &String) -> Self {
        SidOrName::from(text.as_str())
    }
}

impl<P: Prefix> From<String> for SidOrName<P> {
    fn from(text: String) -> Self {
        Sid::new(&text).map_or_else(|_| SidOrName::name(text), SidOrName::from)
    }
}

impl<P: Prefix> Clone for SidOrName<P> {
    fn clone(&self) -> Self {
        let repr = match &self.repr {
            Repr::Sid(sid) => Repr::Sid(*sid),
            Repr::Name(name) => Repr::Name(name.clone()),
        };
        SidOrName { repr }
    }
}

/// Equal when the texts are: a text that is a SID is always held as one.
impl<P: Prefix> PartialEq for SidOrName<P> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<P: Prefix> Eq for SidOrName<P> {}

impl<P: Prefix> PartialOrd for SidOrName<P> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<P: Prefix> Ord for SidOrName<P> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl<P: Prefix> Hash for SidOrName<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<P: Prefix> Deref for SidOrName<P> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl<P: Prefix> AsRef<str> for SidOrName<P> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl<P: Prefix> fmt::Display for SidOrName<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<P: Prefix> fmt::Debug for SidOrName<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Sid(sid) => fmt::Debug::fmt(sid, f),
            Repr::Name(name) => write!(f, "Name({name:?})"),
        }
    }
}

/// Sent as its text.
impl<P: Prefix> WireValue for SidOrName<P> {
    fn to_wire(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self.as_str())
    }

    fn is_empty_text(&self) -> bool {
        self.as_str().is_empty()
    }
}

impl<P: Prefix> Serialize for SidOrName<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// From any string, as `From<String>` takes it.
impl<'de, P: Prefix> Deserialize<'de> for SidOrName<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SidOrName::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    enum CH {}

    impl Prefix for CH {
        const PREFIX: &'static str = "CH";
    }

    const CONVERSATION: &str = "CH0123456789abcdef0123456789abcdef";

    #[test]
    fn sids_are_sids_and_the_rest_names() {
        let sid: Sid<CH> = CONVERSATION.parse().unwrap();
        for value in [
            SidOrName::<CH>::from(sid),
            SidOrName::from(CONVERSATION),
            SidOrName::from(CONVERSATION.to_owned()),
            SidOrName::from(&CONVERSATION.to_owned()),
        ] {
            assert_eq!(value.as_sid(), Some(sid));
            assert_eq!(value.as_str(), CONVERSATION);
            assert_eq!(format!("{value:?}"), format!("Sid({CONVERSATION:?})"));
        }
        // A SID of another kind, or almost a SID, is a name: the API may have one so.
        for name in [
            "IS0123456789abcdef0123456789abcdef",
            "CH0123",
            "support-42",
            "",
        ] {
            let value = SidOrName::<CH>::from(name);
            assert_eq!(value.as_sid(), None, "{name}");
            assert_eq!(value.to_string(), name);
            assert_eq!(format!("{value:?}"), format!("Name({name:?})"));
            assert_eq!(value.is_empty_text(), name.is_empty());
        }
    }

    #[test]
    fn compares_hashes_and_serializes_as_text() {
        use std::collections::HashSet;
        let a = SidOrName::<CH>::from("a");
        let b = SidOrName::<CH>::from(CONVERSATION);
        assert!(b < a && a.clone() == a);
        assert_eq!(HashSet::from([a.clone(), a.clone(), b.clone()]).len(), 2);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"a\"");
        let back: SidOrName<CH> = serde_json::from_str(&format!("{CONVERSATION:?}")).unwrap();
        assert_eq!(back, b);
        assert_eq!(back.as_sid(), b.as_sid());
        let mut form = crate::form::Form::new();
        form.append_param("ConversationSid", &b);
        assert_eq!(form.as_str(), format!("ConversationSid={CONVERSATION}"));
    }
}
