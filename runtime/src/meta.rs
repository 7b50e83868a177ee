//! Endpoint metadata: what each parameter is, for tests, tools and documentation.

use crate::value::ValueKind;

/// Where a parameter goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// A `<Placeholder>` in the path.
    Path,
    /// The query string: every non-path parameter of a `GET` or `DELETE`, and those
    /// declared `#[param(query)]` of a request with a body.
    Query,
    /// The form body (`POST`, `PUT`, `PATCH`).
    Body,
    /// A request header.
    Header,
}

impl Location {
    /// The name OpenAPI uses: `path`, `query`, `body` or `header`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Body => "body",
            Location::Header => "header",
        }
    }
}

/// One parameter of an endpoint, as declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param {
    /// The wire name: `DefaultChatServiceRoleSid`, `Configuration.Filters`,
    /// `X-Twilio-Webhook-Enabled`.
    pub name: &'static str,
    /// The Rust field that holds it.
    pub field: &'static str,
    /// Where it goes.
    pub location: Location,
    /// Whether it is always sent: its field is not an `Option`, or it defaults to the
    /// client's account.
    pub required: bool,
    /// For SIDs, the two-letter prefix checked before sending, or alternatives
    /// separated by `|` (`"SM|MM"`: a message or an MMS).
    pub sid_prefix: Option<&'static str>,
    /// For strings declared with `#[param(pattern = "..")]`, the regular expression
    /// each value is checked to match before sending, as Twilio's API description
    /// writes it (`^aia_asst_.+$`): anchored only by its own `^` and `$`.
    pub pattern: Option<&'static str>,
    /// Whether it is a list, sent as one pair per element.
    pub array: bool,
    /// The smallest value accepted, checked before sending.
    pub min: Option<i64>,
    /// The largest value accepted, checked before sending.
    pub max: Option<i64>,
    /// The kind of each value.
    pub kind: ValueKind,
    /// For enums, every documented value.
    pub values: &'static [&'static str],
    /// Whether it is a path parameter that takes the client's account SID when left
    /// `None` (`#[param(default_account)]`); such a parameter is `required`, since it
    /// is always in the request.
    pub defaults_to_account: bool,
}

impl Param {
    /// Builds a `Param`; for code that `#[endpoint]` generates.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        field: &'static str,
        location: Location,
        required: bool,
        sid_prefix: Option<&'static str>,
        pattern: Option<&'static str>,
        array: bool,
        min: Option<i64>,
        max: Option<i64>,
        kind: ValueKind,
        values: &'static [&'static str],
        defaults_to_account: bool,
    ) -> Param {
        Param {
            name,
            field,
            location,
            required,
            sid_prefix,
            pattern,
            array,
            min,
            max,
            kind,
            values,
            defaults_to_account,
        }
    }
}
