//! Parsing of `#[endpoint(METHOD, "path", response = Type)]` and of the field
//! attributes `#[sid(prefix = "..")]` and `#[param(rename = "..")]`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Meta, Token, Type};

use crate::ctxt::Errors;
use crate::path::PathTemplate;

const USAGE: &str = "expected #[endpoint(METHOD, \"/path/<Placeholder>\", response = Type)]";

/// The arguments of `#[endpoint(..)]`.
pub(crate) struct EndpointArgs {
    pub(crate) method: Method,
    pub(crate) path: PathTemplate,
    pub(crate) response: Type,
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
            } else {
                errors.spanned(
                    &key,
                    format!("unknown key `{key}` in #[endpoint(..)]; expected `response`"),
                );
                skip_value(input)?;
            }
        } else {
            return Err(input.error(format!(
                "expected the path string or `response = Type`; {USAGE}"
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
    let path = path.and_then(|lit| PathTemplate::parse(lit, errors));
    Ok(match (method, path, response) {
        (Some(method), Some(path), Some(response)) => Some(EndpointArgs {
            method,
            path,
            response,
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

/// What the helper attributes of one field say.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// `#[sid(prefix = "RL")]`: the checked prefix.
    pub(crate) sid_prefix: Option<LitStr>,
    /// `#[param(rename = "Configuration.Filters")]`: the wire name.
    pub(crate) rename: Option<LitStr>,
}

/// Whether `attr` is one of ours, to be removed from the emitted struct.
pub(crate) fn is_helper(attr: &Attribute) -> bool {
    attr.path().is_ident("sid") || attr.path().is_ident("param")
}

/// Parses a field's `#[sid]` and `#[param]` attributes, recording every problem.
pub(crate) fn parse_field_attrs(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("sid") {
            parse_helper(
                attr,
                "sid",
                "prefix",
                "#[sid(prefix = \"RL\")]",
                errors,
                |lit, errors| {
                    if out.sid_prefix.is_some() {
                        errors.spanned(attr, "duplicate #[sid] attribute");
                    } else if is_sid_prefix(&lit.value()) {
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
                },
            );
        } else if attr.path().is_ident("param") {
            parse_helper(
                attr,
                "param",
                "rename",
                "#[param(rename = \"WireName\")]",
                errors,
                |lit, errors| {
                    if out.rename.is_some() {
                        errors.spanned(attr, "duplicate #[param(rename)] attribute");
                    } else if lit.value().is_empty() || lit.value().chars().any(char::is_control) {
                        errors.spanned(
                            &lit,
                            "a wire name cannot be empty or hold control characters",
                        );
                    } else {
                        out.rename = Some(lit);
                    }
                },
            );
        }
    }
    out
}

/// Parses `#[name(key = "value")]`, handing the string to `accept`.
fn parse_helper(
    attr: &Attribute,
    name: &str,
    key: &str,
    usage: &str,
    errors: &mut Errors,
    mut accept: impl FnMut(LitStr, &mut Errors),
) {
    if !matches!(attr.meta, Meta::List(_)) {
        errors.spanned(attr, format!("#[{name}] needs an argument: {usage}"));
        return;
    }
    let mut found = false;
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident(key) {
            let lit: LitStr = meta.value()?.parse()?;
            found = true;
            accept(lit, errors);
            Ok(())
        } else {
            let unknown = meta
                .path
                .get_ident()
                .map_or_else(|| "this".to_owned(), |ident| format!("`{ident}`"));
            Err(meta.error(format!(
                "unknown key {unknown} in #[{name}(..)]; expected `{key}`"
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
