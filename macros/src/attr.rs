//! Parsing of `#[endpoint(METHOD, "path", response = Type)]` and of the field
//! attributes `#[sid(prefix = "..")]` and `#[param(rename = "..")]`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Meta, Token, Type};

use crate::ctxt::Errors;
use crate::path::PathTemplate;

const USAGE: &str = "expected #[endpoint(METHOD, \"/path/<Placeholder>\", host = \"api.twilio.com\", response = Type)], optionally with `paginated`";

/// The arguments of `#[endpoint(..)]`.
pub(crate) struct EndpointArgs {
    pub(crate) method: Method,
    pub(crate) path: PathTemplate,
    /// `host = "api.twilio.com"`: the product's host.
    pub(crate) host: LitStr,
    pub(crate) response: Type,
    /// `paginated`: the response is a `Page`, and a `stream` method is generated.
    pub(crate) paginated: bool,
}

/// An HTTP method, named as the runtime's `Method` variant.
#[derive(Clone, Copy)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    fn from_ident(ident: &Ident) -> Option<Method> {
        Some(match ident.to_string().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            _ => return None,
        })
    }

    /// Whether parameters go in a form body rather than the query string.
    pub(crate) fn has_form_body(self) -> bool {
        matches!(self, Method::Post | Method::Put | Method::Patch)
    }

    /// The runtime `Method` variant.
    pub(crate) fn variant(self) -> Ident {
        let name = match self {
            Method::Get => "Get",
            Method::Post => "Post",
            Method::Put => "Put",
            Method::Patch => "Patch",
            Method::Delete => "Delete",
        };
        Ident::new(name, Span::call_site())
    }
}

/// Parses the attribute's arguments, recording every problem. Returns `None` if any.
pub(crate) fn parse_endpoint_args(args: TokenStream, errors: &mut Errors) -> Option<EndpointArgs> {
    let parser = |input: ParseStream<'_>| parse_args(input, errors);
    match parser.parse2(args) {
        Ok(args) => args,
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

fn parse_args(input: ParseStream<'_>, errors: &mut Errors) -> syn::Result<Option<EndpointArgs>> {
    if input.is_empty() {
        errors.at(Span::call_site(), USAGE);
        return Ok(None);
    }
    let method_ident = if input.peek(Ident) && !input.peek2(Token![=]) {
        input.parse::<Ident>()?
    } else {
        return Err(input.error(format!("expected an HTTP method first; {USAGE}")));
    };
    let method = Method::from_ident(&method_ident);
    if method.is_none() {
        errors.spanned(
            &method_ident,
            format!(
                "unknown HTTP method `{method_ident}`; expected one of GET, POST, PUT, PATCH, DELETE"
            ),
        );
    }

    let mut path: Option<LitStr> = None;
    let mut response: Option<Type> = None;
    let mut host: Option<LitStr> = None;
    let mut paginated = false;
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            if path.is_some() {
                errors.spanned(&lit, "the path is given twice");
            }
            path.get_or_insert(lit);
        } else if input.peek(Ident) && input.peek2(Token![=]) {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            if key == "response" {
                let ty: Type = input.parse()?;
                if response.is_some() {
                    errors.spanned(&key, "duplicate key `response` in #[endpoint(..)]");
                }
                response.get_or_insert(ty);
            } else if key == "host" {
                let lit: LitStr = input.parse()?;
                if host.is_some() {
                    errors.spanned(&key, "duplicate key `host` in #[endpoint(..)]");
                } else if !is_host_name(&lit.value()) {
                    errors.spanned(
                        &lit,
                        format!(
                            "`host` is a lowercase host name such as \"api.twilio.com\", \
                             without scheme, port or path; got {:?}",
                            lit.value()
                        ),
                    );
                }
                host.get_or_insert(lit);
            } else {
                errors.spanned(
                    &key,
                    format!(
                        "unknown key `{key}` in #[endpoint(..)]; expected `host` or `response`"
                    ),
                );
                skip_value(input)?;
            }
        } else if input.peek(Ident) {
            let flag: Ident = input.parse()?;
            if flag != "paginated" {
                errors.spanned(
                    &flag,
                    format!("unknown flag `{flag}` in #[endpoint(..)]; expected `paginated`"),
                );
            } else if paginated {
                errors.spanned(&flag, "duplicate flag `paginated` in #[endpoint(..)]");
            }
            paginated = true;
        } else {
            return Err(input.error(format!(
                "expected the path string, `response = Type` or `paginated`; {USAGE}"
            )));
        }
    }

    if path.is_none() {
        errors.spanned(
            &method_ident,
            format!("missing path after `{method_ident}`; {USAGE}"),
        );
    }
    if response.is_none() {
        errors.at(
            Span::call_site(),
            "missing `response = Type` in #[endpoint(..)]: the type a success body decodes into",
        );
    }
    if host.is_none() {
        errors.at(
            Span::call_site(),
            "missing `host = \"...\"` in #[endpoint(..)]: the host of the endpoint's product, \
             such as `host = \"api.twilio.com\"`",
        );
    }
    let path = path.and_then(|lit| PathTemplate::parse(lit, errors));
    Ok(match (method, path, host, response) {
        (Some(method), Some(path), Some(host), Some(response)) => Some(EndpointArgs {
            method,
            path,
            host,
            response,
            paginated,
        }),
        _ => None,
    })
}

/// Skips the tokens of an unknown key's value, up to the next top-level comma.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// An integer bound from `#[param(min = .., max = ..)]`, with its tokens for spans.
pub(crate) struct Bound {
    pub(crate) value: i64,
    pub(crate) tokens: TokenStream,
}

/// What the helper attributes of one field say.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// `#[sid(prefix = "RL")]`: the checked prefix.
    pub(crate) sid_prefix: Option<LitStr>,
    /// `#[param(rename = "Configuration.Filters")]`: the wire name.
    pub(crate) rename: Option<LitStr>,
    /// `#[param(min = 1)]`.
    pub(crate) min: Option<Bound>,
    /// `#[param(max = 100)]`.
    pub(crate) max: Option<Bound>,
    /// `#[header("X-Twilio-Webhook-Enabled")]`: the header name.
    pub(crate) header: Option<LitStr>,
}

/// Whether `attr` is one of ours, to be removed from the emitted struct.
pub(crate) fn is_helper(attr: &Attribute) -> bool {
    ["sid", "param", "header"]
        .iter()
        .any(|name| attr.path().is_ident(name))
}

/// Parses a field's `#[sid]`, `#[param]` and `#[header]` attributes, recording every
/// problem.
pub(crate) fn parse_field_attrs(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("sid") {
            parse_sid(attr, &mut out, errors);
        } else if attr.path().is_ident("param") {
            parse_param(attr, &mut out, errors);
        } else if attr.path().is_ident("header") {
            parse_header(attr, &mut out, errors);
        }
    }
    out
}

/// `#[sid(prefix = "RL")]`.
fn parse_sid(attr: &Attribute, out: &mut FieldAttrs, errors: &mut Errors) {
    if out.sid_prefix.is_some() {
        errors.spanned(attr, "duplicate #[sid] attribute");
        return;
    }
    nested(
        attr,
        "sid",
        "#[sid(prefix = \"RL\")]",
        &["prefix"],
        errors,
        |meta, errors| {
            let lit: LitStr = meta.value()?.parse()?;
            if is_sid_prefix(&lit.value()) {
                out.sid_prefix = Some(lit);
            } else {
                errors.spanned(
                    &lit,
                    format!(
                        "a SID prefix is two uppercase ASCII letters, such as \"RL\"; got {:?}",
                        lit.value()
                    ),
                );
            }
            Ok(())
        },
    );
}

/// `#[param(rename = "Wire.Name", min = 1, max = 100)]`.
fn parse_param(attr: &Attribute, out: &mut FieldAttrs, errors: &mut Errors) {
    const USAGE: &str = "#[param(rename = \"WireName\")] or #[param(min = 1, max = 100)]";
    nested(
        attr,
        "param",
        USAGE,
        &["rename", "min", "max"],
        errors,
        |meta, errors| {
            let key = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            let duplicate = match key.as_str() {
                "rename" => out.rename.is_some(),
                "min" => out.min.is_some(),
                _ => out.max.is_some(),
            };
            if duplicate {
                errors.spanned(&meta.path, format!("duplicate key `{key}` in #[param(..)]"));
            }
            let value = meta.value()?;
            if key == "rename" {
                let lit: LitStr = value.parse()?;
                if lit.value().is_empty() || lit.value().chars().any(char::is_control) {
                    errors.spanned(
                        &lit,
                        "a wire name cannot be empty or hold control characters",
                    );
                } else if !duplicate {
                    out.rename = Some(lit);
                }
            } else {
                let minus: Option<Token![-]> = value.parse()?;
                let lit: syn::LitInt = value.parse()?;
                let magnitude: i64 = lit.base10_parse()?;
                let bound = Bound {
                    value: if minus.is_some() {
                        -magnitude
                    } else {
                        magnitude
                    },
                    tokens: quote::quote!(#minus #lit),
                };
                match key.as_str() {
                    _ if duplicate => {}
                    "min" => out.min = Some(bound),
                    _ => out.max = Some(bound),
                }
            }
            Ok(())
        },
    );
}

/// `#[header("X-Twilio-Webhook-Enabled")]`.
fn parse_header(attr: &Attribute, out: &mut FieldAttrs, errors: &mut Errors) {
    const USAGE: &str = "#[header(\"X-Header-Name\")]";
    if out.header.is_some() {
        errors.spanned(attr, "duplicate #[header] attribute");
        return;
    }
    if !matches!(attr.meta, Meta::List(_)) {
        errors.spanned(attr, format!("#[header] needs the header's name: {USAGE}"));
        return;
    }
    match attr.parse_args::<LitStr>() {
        Ok(lit) if is_header_name(&lit.value()) => out.header = Some(lit),
        Ok(lit) => errors.spanned(
            &lit,
            "a header name is one or more letters, digits or `!#$%&'*+-.^_`|~`",
        ),
        Err(_) => errors.spanned(attr, format!("#[header] takes one string: {USAGE}")),
    }
}

/// Parses `#[name(key = value, ..)]`, handing each key in `keys` to `accept`; other keys
/// and an empty list are errors.
fn nested(
    attr: &Attribute,
    name: &str,
    usage: &str,
    keys: &[&str],
    errors: &mut Errors,
    mut accept: impl FnMut(syn::meta::ParseNestedMeta<'_>, &mut Errors) -> syn::Result<()>,
) {
    if !matches!(attr.meta, Meta::List(_)) {
        errors.spanned(attr, format!("#[{name}] needs an argument: {usage}"));
        return;
    }
    let mut found = false;
    let result = attr.parse_nested_meta(|meta| {
        if keys.iter().any(|key| meta.path.is_ident(key)) {
            found = true;
            accept(meta, errors)
        } else {
            let unknown = meta
                .path
                .get_ident()
                .map_or_else(|| "this".to_owned(), |ident| format!("`{ident}`"));
            let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
            let expected = match quoted.split_last() {
                Some((last, init)) if !init.is_empty() => format!("{} or {last}", init.join(", ")),
                _ => quoted.concat(),
            };
            Err(meta.error(format!(
                "unknown key {unknown} in #[{name}(..)]; expected {expected}"
            )))
        }
    });
    match result {
        Err(error) => errors.push(error),
        Ok(()) if !found => errors.spanned(attr, format!("#[{name}] needs an argument: {usage}")),
        Ok(()) => {}
    }
}

fn is_sid_prefix(prefix: &str) -> bool {
    prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_uppercase())
}

/// A lowercase DNS host name: labels of `a-z`, `0-9` and `-` (not at either end),
/// separated by single dots.
fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// RFC 9110 `token`.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
