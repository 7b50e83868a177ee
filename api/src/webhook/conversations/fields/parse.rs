//! Reading typed values out of a webhook's `(name, value)` pairs, with errors that name
//! the parameter.
//!
//! The rules, for what Twilio really sends: a parameter given twice counts by its first
//! value (every pair stays in [`Common::params`](super::super::Common::params)); an empty
//! value is the same as no value, so an optional parameter sent as `Name=` is `None`
//! and a required one is [`Missing`](EventErrorKind::Missing).

use std::convert::Infallible;
use std::str::FromStr;

use serde_json::Value;

use super::binding::MessagingBinding;
use super::media::{Media, parse_media};
use crate::webhook::conversations::{EventError, EventErrorKind};
use crate::webhook::first_value;
use crate::{Prefix, Sid, Timestamp};

/// A webhook's parameters, as sent.
#[derive(Clone, Copy)]
pub(crate) struct Params<'a> {
    pairs: &'a [(String, String)],
}

impl<'a> Params<'a> {
    pub(crate) fn new(pairs: &'a [(String, String)]) -> Self {
        Params { pairs }
    }

    /// The first value of `name`, unless it is empty.
    pub(crate) fn get(&self, name: &str) -> Option<&'a str> {
        first_value(self.pairs, name).filter(|value| !value.is_empty())
    }

    pub(crate) fn required(&self, name: &'static str) -> Result<&'a str, EventError> {
        self.get(name)
            .ok_or_else(|| EventError::new(name, EventErrorKind::Missing))
    }

    /// Optional text, as sent.
    pub(crate) fn text(&self, name: &str) -> Result<Option<String>, EventError> {
        Ok(self.get(name).map(str::to_owned))
    }

    pub(crate) fn required_text(&self, name: &'static str) -> Result<String, EventError> {
        self.required(name).map(str::to_owned)
    }

    pub(crate) fn sid<P: Prefix>(&self, name: &'static str) -> Result<Option<Sid<P>>, EventError> {
        self.get(name).map(|text| sid(name, text)).transpose()
    }

    pub(crate) fn required_sid<P: Prefix>(&self, name: &'static str) -> Result<Sid<P>, EventError> {
        sid(name, self.required(name)?)
    }

    pub(crate) fn required_timestamp(&self, name: &'static str) -> Result<Timestamp, EventError> {
        timestamp(name, self.required(name)?)
    }

    /// An optional non-negative integer.
    pub(crate) fn integer<T: FromStr>(&self, name: &'static str) -> Result<Option<T>, EventError> {
        self.get(name).map(|text| integer(name, text)).transpose()
    }

    pub(crate) fn required_integer<T: FromStr>(&self, name: &'static str) -> Result<T, EventError> {
        integer(name, self.required(name)?)
    }

    /// An optional boolean: `true` or `false`, in any case.
    pub(crate) fn boolean(&self, name: &'static str) -> Result<Option<bool>, EventError> {
        self.get(name)
            .map(|text| match text.trim() {
                t if t.eq_ignore_ascii_case("true") => Ok(true),
                t if t.eq_ignore_ascii_case("false") => Ok(false),
                _ => Err(EventError::new(name, EventErrorKind::Boolean)),
            })
            .transpose()
    }

    /// A string enum: any non-empty value is one (an undocumented one is its `Unknown`).
    pub(crate) fn wire<E: FromStr<Err = Infallible>>(
        &self,
        name: &'static str,
    ) -> Result<Option<E>, EventError> {
        Ok(self.get(name).map(wire))
    }

    pub(crate) fn required_wire<E: FromStr<Err = Infallible>>(
        &self,
        name: &'static str,
    ) -> Result<E, EventError> {
        self.required(name).map(wire)
    }

    /// Metadata as stringified JSON: an object when absent or empty, as Twilio reports
    /// unset attributes (`{}`).
    pub(crate) fn attributes(&self, name: &'static str) -> Result<Value, EventError> {
        match self.get(name) {
            None => Ok(Value::Object(serde_json::Map::new())),
            Some(text) => json(name, text),
        }
    }

    /// The media of a message: none when absent, empty or `null`.
    pub(crate) fn media(&self, name: &'static str) -> Result<Vec<Media>, EventError> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(text) => parse_media(name, json(name, text)?),
        }
    }

    /// The `MessagingBinding.*` parameters.
    pub(crate) fn messaging_binding(&self) -> Result<MessagingBinding, EventError> {
        MessagingBinding::from_params(*self)
    }
}

fn wire<E: FromStr<Err = Infallible>>(text: &str) -> E {
    match text.parse() {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

fn sid<P: Prefix>(name: &'static str, text: &str) -> Result<Sid<P>, EventError> {
    Sid::new(text).map_err(|error| EventError::new(name, EventErrorKind::Sid(error.kind().clone())))
}

fn timestamp(name: &'static str, text: &str) -> Result<Timestamp, EventError> {
    text.trim()
        .parse()
        .map_err(|_| EventError::new(name, EventErrorKind::Timestamp))
}

fn integer<T: FromStr>(name: &'static str, text: &str) -> Result<T, EventError> {
    let text = text.trim();
    // `FromStr` for integers takes a leading `+`, and for signed ones a `-`: only digits
    // are a Twilio integer here.
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EventError::new(name, EventErrorKind::Integer));
    }
    text.parse()
        .map_err(|_| EventError::new(name, EventErrorKind::Integer))
}

fn json(name: &'static str, text: &str) -> Result<Value, EventError> {
    serde_json::from_str(text).map_err(|error| {
        EventError::new(
            name,
            EventErrorKind::Json {
                line: error.line(),
                column: error.column(),
            },
        )
    })
}
