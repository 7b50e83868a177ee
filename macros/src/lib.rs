//! The `#[endpoint]` attribute of twill. Use it through `twill-api`, which re-exports it
//! together with the runtime the generated code calls.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
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
/// #[endpoint(POST, "/v1/Services/<ChatServiceSid>/Configuration", response = ServiceConfiguration)]
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
/// - `response = Type`: what a success body decodes into (any `DeserializeOwned`).
///
/// # Fields
///
/// Each field is one parameter. Its wire name is the field name in PascalCase
/// (`default_chat_service_role_sid` is sent as `DefaultChatServiceRoleSid`), or what
/// `#[param(rename = "Configuration.Filters")]` says. Fields not in the path are sent as
/// a query string for `GET` and `DELETE`, and as an `application/x-www-form-urlencoded`
/// body for `POST`, `PUT` and `PATCH`: `None` is left out, `bool` is `true`/`false`, and a
/// `Vec` sends one pair per element, in order.
///
/// `#[sid(prefix = "RL")]` on a `String`, `Option<String>` or `Vec<String>` field checks,
/// before anything is sent, that each value is the prefix then 32 hex digits.
///
/// # Generated items
///
/// An implementation of `twill_api::Endpoint` (method, path template, validation,
/// encoding, response type) and `async fn send(&self, client: &Client) ->
/// Result<Response, Error>`.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::endpoint(args.into(), item.into()).into()
}
