//! The `#[endpoint]` attribute of twill. Use it through `twill-api`, which re-exports it
//! together with the runtime the generated code calls.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod path;
mod ty;

use proc_macro::TokenStream;

/// Declares a REST endpoint as a struct whose fields are its parameters.
///
/// (`twill-api`'s crate documentation has this example compiled and run.)
///
/// ```text
/// use twill_api::endpoint;
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
/// - The path, starting with `/`. A `<Name>` placeholder is replaced by the value of the
///   field whose wire name is `Name`, percent-encoded as one segment. That field is
///   required (not an `Option`), and each placeholder appears once.
/// - `response = Type`: what a success body decodes into (any `DeserializeOwned`; `()`
///   for an empty body).
/// - `paginated` (optional): the response is a page of a list (it implements
///   `twill_api::Page`), and a `stream` method is generated.
///
/// # Fields
///
/// Each field is one parameter, required unless it is an `Option` (a required `Vec`
/// must not be empty). Its wire name is the field name in PascalCase
/// (`default_chat_service_role_sid` is sent as `DefaultChatServiceRoleSid`), or what
/// `#[param(rename = "Configuration.Filters")]` says. Fields not in the path are sent as
/// a query string for `GET` and `DELETE`, and as an `application/x-www-form-urlencoded`
/// body for `POST`, `PUT` and `PATCH`: `None` is left out, `bool` is `true`/`false`, and a
/// `Vec` sends one pair per element, in order.
///
/// Checked before anything is sent:
///
/// - `#[sid(prefix = "RL")]` on a `String`, `Option<String>` or `Vec<String>` field: each
///   value is the prefix then 32 hex digits;
/// - `#[param(min = 1, max = 100)]` on an integer field: each value is within bounds;
/// - `#[header("X-Twilio-Webhook-Enabled")]` sends the field as that header instead, and
///   refuses values with control characters such as CR and LF.
///
/// # Generated items
///
/// An implementation of `twill_api::Endpoint` (operation id, method, path template,
/// parameter metadata, validation, encoding, response type), `async fn send(&self,
/// client: &Client) -> Result<Response, Error>`, and for `paginated` endpoints
/// `fn stream(&self, client: &Client, limit: Option<usize>)` over every item of every page.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::endpoint(args.into(), item.into()).into()
}
