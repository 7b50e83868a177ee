//! `Media`: the media a message carries, from the stringified JSON array Twilio sends.

use serde_json::{Map, Value};

use crate::Sid;
use crate::prefix::ME;
use crate::webhook::conversations::{EventError, EventErrorKind};

/// One media file attached to a message: an element of the `Media` parameter, which the
/// webhooks documentation calls a "stringified JSON array of attached media objects".
///
/// The page does not list the keys of a media object. They are read as `Sid`,
/// `ContentType`, `Filename`, `Size` and `Category`, or as the same object is spelled
/// elsewhere: `MediaSid` in Event Streams' Conversations events, `sid`, `content_type`,
/// `filename`, `size` in the REST API's Message resource. A size may be a number or its
/// decimal string. Other keys are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Media {
    /// The SID of the media (`ME…`), for fetching it from Twilio's Media Content Service.
    pub sid: Sid<ME>,
    /// The media's MIME type, such as `image/png`.
    pub content_type: String,
    /// The file name it was sent with, if any.
    pub filename: Option<String>,
    /// Its size in bytes.
    pub size: u64,
    /// What the media is to the message (Twilio writes `media`), if sent.
    pub category: Option<String>,
}

/// Reads the `Media` parameter's JSON: an array of media objects, or `null` for none.
pub(crate) fn parse_media(field: &'static str, json: Value) -> Result<Vec<Media>, EventError> {
    let elements = match json {
        Value::Null => return Ok(Vec::new()),
        Value::Array(elements) => elements,
        _ => {
            return Err(EventError::new(
                field,
                EventErrorKind::Media {
                    index: None,
                    problem: "expected a JSON array of media objects",
                },
            ));
        }
    };
    elements
        .iter()
        .enumerate()
        .map(|(index, element)| media(index, element).map_err(|kind| EventError::new(field, kind)))
        .collect()
}

fn media(index: usize, element: &Value) -> Result<Media, EventErrorKind> {
    let problem = |problem| EventErrorKind::Media {
        index: Some(index),
        problem,
    };
    let Value::Object(object) = element else {
        return Err(problem("expected a JSON object"));
    };
    let sid = match text(object, &["Sid", "MediaSid", "sid"]) {
        Some(Ok(sid)) => Sid::new(sid).map_err(|error| EventErrorKind::MediaSid {
            index,
            kind: error.kind().clone(),
        })?,
        Some(Err(())) => return Err(problem("`Sid` is not a string")),
        None => return Err(problem("`Sid` is missing")),
    };
    let content_type = match text(object, &["ContentType", "content_type"]) {
        Some(Ok(content_type)) => content_type.to_owned(),
        Some(Err(())) => return Err(problem("`ContentType` is not a string")),
        None => return Err(problem("`ContentType` is missing")),
    };
    let filename = match text(object, &["Filename", "filename"]) {
        Some(Ok(filename)) => Some(filename.to_owned()),
        Some(Err(())) => return Err(problem("`Filename` is not a string")),
        None => None,
    };
    let category = match text(object, &["Category", "category"]) {
        Some(Ok(category)) => Some(category.to_owned()),
        Some(Err(())) => return Err(problem("`Category` is not a string")),
        None => None,
    };
    let size = match lookup(object, &["Size", "size"]) {
        Some(Value::Number(number)) => number.as_u64(),
        Some(Value::String(text)) if is_digits(text) => text.parse().ok(),
        None => return Err(problem("`Size` is missing")),
        Some(_) => None,
    }
    .ok_or_else(|| problem("`Size` is not a non-negative integer"))?;
    Ok(Media {
        sid,
        content_type,
        filename,
        size,
        category,
    })
}

/// The first of `keys` present and not `null`.
fn lookup<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .filter_map(|key| object.get(*key))
        .find(|value| !value.is_null())
}

/// The first of `keys` present, not `null` and not empty, as text; `Err` when it is not
/// a string.
fn text<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<Result<&'a str, ()>> {
    match lookup(object, keys)? {
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(Ok(text)),
        _ => Some(Err(())),
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}
