//! The contract between a declared endpoint and the client that sends it.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::form::Form;
use crate::headers::Headers;
use crate::json::JsonBody;
use crate::meta::Param;
use crate::validation::ValidationError;

/// An HTTP method an endpoint can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`: parameters go in the query string.
    Get,
    /// `POST`: parameters go in a form body.
    Post,
    /// `PUT`: parameters go in a form body.
    Put,
    /// `PATCH`: parameters go in a form body.
    Patch,
    /// `DELETE`: parameters go in the query string.
    Delete,
}

impl Method {
    /// The method's name, such as `"GET"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether parameters are sent as an `application/x-www-form-urlencoded` body
    /// (`POST`, `PUT`, `PATCH`) rather than as a query string (`GET`, `DELETE`).
    pub const fn has_form_body(self) -> bool {
        matches!(self, Method::Post | Method::Put | Method::Patch)
    }

    pub(crate) fn to_http(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an endpoint's body parameters are encoded (`POST`, `PUT` and `PATCH` only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`, one pair per value: most of Twilio's API.
    Form,
    /// `application/json`: one object keyed by wire name (`#[endpoint(.., json)]`).
    Json,
}

/// A request that a [`Client`](crate::Client) can send.
///
/// `#[endpoint]` implements it; implementing it by hand is possible but rarely needed.
/// The client calls [`validate`](Endpoint::validate) first and sends nothing if it
/// fails, then builds the URL from [`HOST`](Endpoint::HOST) and
/// [`write_path`](Endpoint::write_path), the query string or form body from
/// [`write_params`](Endpoint::write_params), more of the query string from
/// [`write_query`](Endpoint::write_query), a JSON body from
/// [`write_json`](Endpoint::write_json) and the headers from
/// [`write_headers`](Endpoint::write_headers).
pub trait Endpoint {
    /// The type a successful response body decodes into.
    type Response: DeserializeOwned;

    /// The operation's name in the API description, such as `CreateConversation`.
    const OPERATION_ID: &'static str;

    /// The HTTP method.
    const METHOD: Method;

    /// The host of the endpoint's product, such as `api.twilio.com`, before the
    /// client's region and edge rewrite it.
    const HOST: &'static str;

    /// The path template, with placeholders in OpenAPI form:
    /// `/v1/Services/{ChatServiceSid}/Configuration`.
    const PATH_TEMPLATE: &'static str;

    /// Every parameter, in field order.
    const PARAMS: &'static [Param];

    /// How body parameters are encoded: [`BodyFormat::Form`] unless declared otherwise.
    const BODY: BodyFormat = BodyFormat::Form;

    /// Whether the endpoint answers with a redirect (`3xx`) whose body is its response,
    /// as two of Twilio's do (`307` with `{"redirect_to": ".."}`): such an answer then
    /// decodes into [`Response`](Self::Response) instead of being an
    /// [`Error::Redirect`](crate::Error::Redirect). Either way, no redirect is followed.
    const ANSWERS_WITH_REDIRECT: bool = false;

    /// The media type asked for in `Accept`: `application/json` unless declared
    /// otherwise (`#[endpoint(.., accept = "application/scim+json")]`: the organizations
    /// API's SCIM operations answer in nothing else). A valid header value.
    const ACCEPT: &'static str = "application/json";

    /// Checks every parameter (SID formats, bounds, path segments, header values)
    /// before anything is sent.
    fn validate(&self) -> Result<(), ValidationError>;

    /// Appends the path, with every placeholder's value percent-encoded as one segment.
    /// `account_sid` is the client's account, which a path parameter declared
    /// `#[param(default_account)]` takes when it is `None`.
    fn write_path(&self, path: &mut String, account_sid: &str);

    /// Appends the query parameters (`GET`, `DELETE`) or the form body's.
    fn write_params(&self, form: &mut Form);

    /// Appends query parameters that go in the URL whatever the method, after those of
    /// [`write_params`](Self::write_params) (if they are the query's): a `POST` with a
    /// body can take some in its query string too (`#[param(query)]`); none by default.
    fn write_query(&self, query: &mut Form) {
        let _ = query;
    }

    /// Appends the JSON body's members, for endpoints whose [`BODY`](Self::BODY) is
    /// [`BodyFormat::Json`]; none by default.
    fn write_json(&self, body: &mut JsonBody) {
        let _ = body;
    }

    /// Appends the headers the endpoint sets; none by default.
    fn write_headers(&self, headers: &mut Headers) {
        let _ = headers;
    }
}
