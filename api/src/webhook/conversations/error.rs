//! Why a webhook's parameters do not make an event.

use std::error::Error;
use std::fmt;

use crate::ValidationErrorKind;

/// A Conversations webhook request whose parameters do not make the event its
/// `EventType` names: a documented parameter is missing, or its value is not of its type.
///
/// It names the parameter by its wire name (`ConversationSid`, `Media`) and says what is
/// wrong, without repeating the value (at most the two characters a wrong SID starts
/// with), so that it can be logged and answered as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventError {
    field: &'static str,
    kind: EventErrorKind,
}

impl EventError {
    pub(crate) fn new(field: &'static str, kind: EventErrorKind) -> Self {
        EventError { field, kind }
    }

    /// The wire name of the parameter, such as `ConversationSid`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &EventErrorKind {
        &self.kind
    }
}

/// What is wrong with a webhook parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventErrorKind {
    /// A parameter the event needs is absent or empty.
    Missing,
    /// A SID has the wrong length, prefix or characters.
    Sid(ValidationErrorKind),
    /// A date-time is not in ISO 8601 form with an offset, such as
    /// `2020-01-02T03:04:05.678Z`.
    Timestamp,
    /// An integer is not a non-negative decimal number that fits its type.
    Integer,
    /// A boolean is not `true` or `false`.
    Boolean,
    /// A JSON parameter (`Attributes`, `Media`) is not valid JSON.
    Json {
        /// The line of the first error, from 1.
        line: usize,
        /// The column of the first error, from 1.
        column: usize,
    },
    /// The `Media` JSON is not an array of media objects, or element `index` of it is
    /// not a valid one.
    Media {
        /// The element at fault, or `None` when the JSON is not an array.
        index: Option<usize>,
        /// What is wrong with it, such as ``"`Sid` is missing"``.
        problem: &'static str,
    },
    /// A SID in element `index` of the `Media` JSON is not a media SID (`ME`).
    MediaSid {
        /// The element at fault.
        index: usize,
        /// What is wrong with its SID.
        kind: ValidationErrorKind,
    },
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "webhook parameter `{}`: {}", self.field, self.kind)
    }
}

impl fmt::Display for EventErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventErrorKind::Missing => f.write_str("missing or empty"),
            EventErrorKind::Sid(kind) => kind.fmt(f),
            EventErrorKind::Timestamp => {
                f.write_str("expected an ISO 8601 date-time such as 2020-01-02T03:04:05Z")
            }
            EventErrorKind::Integer => f.write_str("expected a non-negative integer"),
            EventErrorKind::Boolean => f.write_str("expected `true` or `false`"),
            EventErrorKind::Json { line, column } => {
                write!(f, "invalid JSON at line {line}, column {column}")
            }
            EventErrorKind::Media {
                index: None,
                problem,
            } => write!(f, "{problem}"),
            EventErrorKind::Media {
                index: Some(index),
                problem,
            } => write!(f, "media object {index}: {problem}"),
            EventErrorKind::MediaSid { index, kind } => {
                write!(f, "media object {index}: `Sid`: {kind}")
            }
        }
    }
}

impl Error for EventError {}
