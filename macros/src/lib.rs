//! The `#[endpoint]` attribute and the `sid!` macro of twill. Use them through
//! `twill-api`, which re-exports them together with the runtime the generated code calls.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod path;
mod prefixes;
mod sid_literal;
mod ty;

use proc_macro::TokenStream;

/// Declares a REST endpoint as a struct whose fields are its parameters.
///
/// (`twill-api`'s crate documentation has this example compiled and run.)
///
/// ```text
/// use twill_api::declare::endpoint;
///
/// /// Update configuration settings of a conversation service.
/// #[endpoint(POST, "/v1/Services/<ChatServiceSid>/Configuration", host = "conversations.twilio.com", response = ServiceConfiguration)]
/// pub struct UpdateServiceConfiguration {
///     #[sid(prefix = "IS")]
///     pub chat_service_sid: String,
///     #[sid(prefix = "RL")]
///     pub default_chat_service_role_sid: Option<String>,
///     pub reachability_enabled: Option<bool>,
/// }
/// ```
///
/// # Arguments
///
/// - The HTTP method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
/// - The path, starting with `/`, without an empty segment or a trailing `/`. A `<Name>`
///   placeholder is replaced by the value of the field whose wire name is `Name`,
///   percent-encoded as one segment. That field is required (not an `Option`, unless
///   `#[param(default_account)]`), each placeholder appears once, and a segment holds at
///   most one (`<ChatServiceSid>.json` is fine, `<ServiceSid><Sid>` is not).
/// - `host = "conversations.twilio.com"`: the product's host, a lowercase host name
///   without scheme, port or path. The client rewrites it for its region and edge.
/// - `response = Type`: what a success body decodes into (any `DeserializeOwned`; `()`
///   for an empty body). A type, not a string.
/// - `paginated` (optional): the response is a page of a list (it implements
///   `twill_api::declare::Page`), and a `stream` method is generated.
/// - `json` (optional, `POST`, `PUT` and `PATCH` only): the body parameters are sent as
///   one `application/json` object keyed by wire name instead of a form. Their types must
///   implement `serde::Serialize` as well; `None` is left out, a `Vec` is a JSON array,
///   and `wire_json!` types and `serde_json::Value` are sent as nested JSON.
/// - `answers_with_redirect` (optional): the endpoint answers with a `3xx` whose body is
///   its response (two of Twilio's do: `307` with `{"redirect_to": ".."}`), which then
///   decodes instead of being an `Error::Redirect`. No redirect is followed either way.
/// - `accept = "media/type"` (optional): the media type the request asks for in
///   `Accept`, when the endpoint answers in another than `application/json` (the
///   organizations API's SCIM users answer in `application/scim+json` only). The answer
///   is decoded as JSON all the same.
/// - `crate = path` (optional): the crate through which generated code names twill's
///   runtime, written as a path, not a string: `crate = ::twill_runtime` in a crate that
///   depends on `twill-runtime` and `twill-macros` but not `twill-api`, or
///   `crate = ::twilio` when `twill-api` is a dependency renamed
///   `twilio = { package = "twill-api", .. }`. The crate must re-export twill-runtime's
///   hidden `__private` module, as both of those do. Without it, generated code names
///   `::twill_api`. Every item the macro generates, stand-ins after an error included,
///   goes through this one path.
///
/// ```text
/// use twill_macros::endpoint;
///
/// #[endpoint(GET, "/v1/Services/<Sid>", host = "conversations.twilio.com",
///            response = serde_json::Value, crate = ::twill_runtime)]
/// pub struct FetchService {
///     pub sid: twill_runtime::Sid<twill_runtime::prefix::IS>,
/// }
/// ```
///
/// ```text
/// #[endpoint(POST, "/v1/Content", host = "content.twilio.com", response = Content, json)]
/// pub struct CreateContent {
///     #[param(rename = "friendly_name")]
///     pub friendly_name: Option<String>,
///     #[param(rename = "types")]
///     pub types: Types,
/// }
/// ```
///
/// # Fields
///
/// Each field is one parameter, required unless it is an `Option` (a required `Vec`
/// must not be empty, nor a required text). Its wire name is the field name in PascalCase
/// (`default_chat_service_role_sid` is sent as `DefaultChatServiceRoleSid`), or what
/// `#[param(rename = "Configuration.Filters")]` says: ASCII letters, digits, `.`, `_`,
/// `-`, `<` and `>`, as in Twilio's API descriptions. Fields not in the path are sent as
/// a query string for `GET` and `DELETE`, and as an `application/x-www-form-urlencoded`
/// body for `POST`, `PUT` and `PATCH` (or JSON, see `json`): `None` is left out, `bool`
/// is `true`/`false`, and a `Vec` sends one pair per element, in order.
///
/// `#[param(query)]` sends a field of a `POST`, `PUT` or `PATCH` in the query string
/// instead of the body (form or JSON), as OAuth v2's `POST /v2/token` takes
/// `account_sid`: encoded exactly as a `GET`'s query string, in field order, with `rename`,
/// bounds, `pattern`, `Option` and `Vec` as for any parameter; its `Param` says
/// `Location::Query`. It takes no value, and is an error on a `GET` or `DELETE` (where it
/// would change nothing), on a path placeholder's field, on a `#[header]` and beside
/// `#[param(body)]`. `#[param(body)]` is the reverse: on a request with a body, a body
/// parameter whose wire name a path placeholder also has.
///
/// Checked before anything is sent:
///
/// - a field typed `twill_api::Sid<P>` (or an `Option` or `Vec` of it) was checked when
///   each SID was made: it needs no attribute, and its `Param` names the prefix;
/// - `#[sid(prefix = "RL")]` on a field written as `String`, `Option<String>` or
///   `Vec<String>` (the macro reads the type as written, so not through an alias): each
///   value is the prefix then 32 hex digits. `#[sid(prefix = "SM|MM")]` accepts any of
///   the alternatives, each two uppercase letters. It is an error on a `Sid` field;
/// - `#[param(min = 1, max = 100)]` on an integer field: each value is within bounds,
///   which must fit the integer type written;
/// - `#[param(pattern = "^aia_asst_.+$")]` on a field written as `String`,
///   `Option<String>` or `Vec<String>` (a path placeholder's or a `#[header]`'s too):
///   each value matches the regular expression, as Twilio's API description gives it.
///   It is anchored only as written (`^` and `$`), and must compile with `regex-lite`'s
///   syntax, which the runtime matches with: a pattern that does not is a compile error
///   on the string. `None` is not checked, each element of a `Vec` is. A value that does
///   not match is a `ValidationErrorKind::Pattern` naming the parameter and the pattern,
///   never the value; the `Param` has the pattern in `pattern`;
/// - `#[header("X-Twilio-Webhook-Enabled")]` sends the field as that header instead, and
///   refuses values with control characters such as CR and LF. A header holds one value,
///   so the field is not a `Vec`. Headers the client or HTTP sets are refused, ignoring
///   case: `Authorization`, `Proxy-Authorization`, `Host`, `Twill-Host`,
///   `Content-Length`, `Content-Type`, `Transfer-Encoding`, `Accept`, `User-Agent`,
///   `Connection`, `Keep-Alive`, `Te`, `Trailer`, `Upgrade` and `Expect`.
///
/// `#[param(default_account)]` on an `Option` field that fills a path placeholder (API
/// v2010's `<AccountSid>`): `None` sends the client's own account SID; a value is
/// checked and sent like any path parameter. Its `Param` says `required: true` (it is
/// always in the request) and `defaults_to_account: true`.
///
/// ```text
/// #[endpoint(POST, "/2010-04-01/Accounts/<AccountSid>/Messages.json",
///            host = "api.twilio.com", response = Message)]
/// pub struct CreateMessage {
///     #[sid(prefix = "AC")]
///     #[param(default_account)]
///     pub account_sid: Option<String>,
///     pub to: String,
/// }
/// ```
///
/// # Generated items
///
/// An implementation of `twill_api::Endpoint` (operation id, method, host, path
/// template, parameter metadata, body format, validation, encoding, response type),
/// `async fn send(&self, client: &Client) -> Result<Response, Error>`, and for
/// `paginated` endpoints `fn stream(&self, client: &Client)`, a lazy stream over every
/// item of every page.
///
/// A mistake in the declaration is a compile error on the offending token, every one
/// at once. The struct is still emitted (with `send`, and an `Endpoint` impl when the
/// arguments could be read), so that code using it reports nothing more.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::endpoint(args.into(), item.into()).into()
}

/// A SID literal, checked at compile time: `sid!("RL0123456789abcdef0123456789abcdef")`
/// is a `twill_api::Sid<twill_api::prefix::RL>`, made without a run-time check.
///
/// The literal is two uppercase letters that some kind of SID has (`twill_api::prefix`
/// has a marker for each), then 32 hex digits in either case; anything else is a
/// compile error on the literal, saying what is wrong.
///
/// ```text
/// use twill_api::{Sid, prefix::RL, sid};
///
/// const ADMIN: Sid<RL> = sid!("RL0123456789abcdef0123456789abcdef");
/// ```
///
/// It names `::twill_api` as `#[endpoint]` does. Where that crate is not a dependency,
/// or is renamed, give the path first, as `#[endpoint(.., crate = ..)]` takes it:
///
/// ```text
/// use twill_runtime::{Sid, prefix::RL};
///
/// const ADMIN: Sid<RL> = twill_macros::sid!(crate = ::twill_runtime, "RL0123456789abcdef0123456789abcdef");
/// ```
#[proc_macro]
pub fn sid(input: TokenStream) -> TokenStream {
    sid_literal::expand(input.into()).into()
}
