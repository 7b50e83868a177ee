//! Parsing of `#[endpoint(METHOD, "path", host = "..", response = Type, crate = path)]` and of the
//! field attributes `#[sid(prefix = "..")]`, `#[param(..)]` and `#[header("..")]`, with
//! the checks that need only one attribute.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::ext::IdentExt as _;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitStr, Meta, Path, Token, Type};

use crate::ctxt::Errors;
use crate::path::PathTemplate;

const USAGE: &str = "expected #[endpoint(METHOD, \"/path/<Placeholder>\", host = \"api.twilio.com\", response = Type)], optionally with `paginated`, `json`, `answers_with_redirect` or `accept = \"media/type\"`";

/// The arguments of `#[endpoint(..)]`.
pub(crate) struct EndpointArgs {
    pub(crate) method: Method,
    pub(crate) path: PathTemplate,
    /// `host = "api.twilio.com"`: the product's host.
    pub(crate) host: LitStr,
    pub(crate) response: Type,
    /// `paginated`: the response is a `Page`, and a `stream` method is generated.
    pub(crate) paginated: bool,
    /// `json`: body parameters are sent as one JSON object; the flag, for spans.
    pub(crate) json: Option<Ident>,
    /// `answers_with_redirect`: a 3xx answer is the response, not an error.
    pub(crate) answers_with_redirect: bool,
    /// `accept = "application/scim+json"`: the media type asked for, if not JSON.
    pub(crate) accept: Option<LitStr>,
    /// `crate = ::twill_runtime`: the crate whose `__private` module generated code
    /// names; `::twill_api` if not given.
    pub(crate) krate: Option<Path>,
}

impl EndpointArgs {
    /// `<crate>::__private`: the one path through which generated code names the
    /// runtime's items.
    pub(crate) fn private(&self) -> TokenStream {
        private_of(self.krate.as_ref())
    }
}

/// `<krate>::__private`, `::twill_api::__private` by default.
pub(crate) fn private_of(krate: Option<&Path>) -> TokenStream {
    match krate {
        Some(krate) => quote!(#krate::__private),
        None => quote!(::twill_api::__private),
    }
}

/// Parses the value of `crate = ..`: a path written as code (`::twill_runtime`,
/// `twilio`, `my_crate::twill`), without generic arguments. A string gets an error
/// saying how to write it as a path.
pub(crate) fn parse_crate_value(
    input: ParseStream<'_>,
    errors: &mut Errors,
) -> syn::Result<Option<Path>> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        errors.spanned(
            &lit,
            format!(
                "`crate` takes a path, not a string: write `crate = {}`",
                lit.value()
            ),
        );
        return Ok(None);
    }
    if !(input.peek(Token![::]) || input.peek(Ident::peek_any)) {
        return Err(input.error(
            "`crate` takes the path of the crate that re-exports twill's runtime, such as \
             `crate = ::twill_runtime`",
        ));
    }
    let path = Path::parse_mod_style(input)?;
    if !(input.is_empty() || input.peek(Token![,])) {
        return Err(input.error(format!(
            "`crate` takes a path alone, such as `crate = {}`",
            path.to_token_stream().to_string().replace(' ', "")
        )));
    }
    Ok(Some(path))
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
    let mut json: Option<Ident> = None;
    let mut answers_with_redirect = false;
    let mut accept: Option<LitStr> = None;
    let mut krate: Option<Path> = None;
    let mut krate_given = false;
    // Set when `response` was given but unusable, so that it is not also "missing".
    let mut response_given = false;
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
        } else if input.peek(Token![crate]) && input.peek2(Token![=]) {
            let key: Token![crate] = input.parse()?;
            input.parse::<Token![=]>()?;
            if krate_given {
                errors.spanned(key, "duplicate key `crate` in #[endpoint(..)]");
            }
            krate_given = true;
            if let Some(path) = parse_crate_value(input, errors)? {
                krate.get_or_insert(path);
            }
        } else if input.peek(Ident) && input.peek2(Token![=]) {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            if key == "response" {
                if response_given {
                    errors.spanned(&key, "duplicate key `response` in #[endpoint(..)]");
                }
                response_given = true;
                if input.peek(LitStr) {
                    let lit: LitStr = input.parse()?;
                    errors.spanned(
                        &lit,
                        format!(
                            "`response` takes a type, not a string: write `response = {}`",
                            lit.value()
                        ),
                    );
                } else {
                    let ty: Type = input.parse()?;
                    response.get_or_insert(ty);
                }
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
            } else if key == "accept" {
                let lit: LitStr = input.parse()?;
                if accept.is_some() {
                    errors.spanned(&key, "duplicate key `accept` in #[endpoint(..)]");
                } else if !is_media_type(&lit.value()) {
                    errors.spanned(
                        &lit,
                        format!(
                            "`accept` is one media type such as \"application/scim+json\"; \
                             got {:?}",
                            lit.value()
                        ),
                    );
                }
                accept.get_or_insert(lit);
            } else {
                errors.spanned(
                    &key,
                    format!(
                        "unknown key `{key}` in #[endpoint(..)]; expected `host`, `response`, \
                         `accept` or `crate`"
                    ),
                );
                skip_value(input)?;
            }
        } else if input.peek(Ident) {
            let flag: Ident = input.parse()?;
            let seen = if flag == "paginated" {
                std::mem::replace(&mut paginated, true)
            } else if flag == "json" {
                json.replace(flag.clone()).is_some()
            } else if flag == "answers_with_redirect" {
                std::mem::replace(&mut answers_with_redirect, true)
            } else {
                errors.spanned(
                    &flag,
                    format!(
                        "unknown flag `{flag}` in #[endpoint(..)]; expected `paginated`, `json` \
                         or `answers_with_redirect`"
                    ),
                );
                false
            };
            if seen {
                errors.spanned(&flag, format!("duplicate flag `{flag}` in #[endpoint(..)]"));
            }
        } else {
            return Err(input.error(format!(
                "expected the path string, `key = value` or a flag; {USAGE}"
            )));
        }
    }

    if path.is_none() {
        errors.spanned(
            &method_ident,
            format!("missing path after `{method_ident}`; {USAGE}"),
        );
    }
    if let (Some(method), Some(flag)) = (method, &json)
        && !method.has_form_body()
    {
        errors.spanned(
            flag,
            format!(
                "`json` sends the body parameters as a JSON object, and a {method_ident} \
                 request has no body: remove `json`, or use POST, PUT or PATCH"
            ),
        );
    }
    if !response_given {
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
    if krate_given && krate.is_none() {
        // An unusable `crate` would make stand-in impls name the wrong crate.
        return Ok(None);
    }
    Ok(match (method, path, host, response) {
        (Some(method), Some(path), Some(host), Some(response)) => Some(EndpointArgs {
            method,
            path,
            host,
            response,
            paginated,
            json,
            answers_with_redirect,
            accept,
            krate,
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
    /// `#[sid(prefix = "RL")]` or `#[sid(prefix = "SM|MM")]`: the checked prefix or
    /// alternatives.
    pub(crate) sid_prefix: Option<LitStr>,
    /// `#[param(rename = "Configuration.Filters")]`: the wire name.
    pub(crate) rename: Option<LitStr>,
    /// `#[param(min = 1)]`.
    pub(crate) min: Option<Bound>,
    /// `#[param(max = 100)]`.
    pub(crate) max: Option<Bound>,
    /// `#[param(pattern = "^aia_asst_.+$")]`: a regular expression that compiles.
    pub(crate) pattern: Option<LitStr>,
    /// `#[header("X-Twilio-Webhook-Enabled")]`: the header name.
    pub(crate) header: Option<LitStr>,
    /// `#[param(default_account)]`: the key, for spans.
    pub(crate) default_account: Option<Ident>,
    /// `#[param(body)]`: the key, for spans.
    pub(crate) body: Option<Ident>,
    /// `#[param(query)]`: the key, for spans.
    pub(crate) query: Option<Ident>,
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
            let value = lit.value();
            if !value.contains('|') && !is_sid_prefix(&value) {
                errors.spanned(
                    &lit,
                    format!(
                        "a SID prefix is two uppercase ASCII letters, such as \"RL\" (or \
                         alternatives separated by `|`, such as \"SM|MM\"); got {value:?}"
                    ),
                );
            } else if let Some(bad) = value.split('|').find(|p| !is_sid_prefix(p)) {
                errors.spanned(
                    &lit,
                    format!(
                        "each alternative of a SID prefix is two uppercase ASCII letters, as in \
                         \"SM|MM\"; got {bad:?} in {value:?}"
                    ),
                );
            } else if let Some(twice) = value
                .split('|')
                .enumerate()
                .find_map(|(i, p)| value.split('|').skip(i + 1).any(|q| q == p).then_some(p))
            {
                errors.spanned(
                    &lit,
                    format!("the SID prefix {twice:?} is listed twice in {value:?}"),
                );
            } else {
                out.sid_prefix = Some(lit);
            }
            Ok(())
        },
    );
}

/// `#[param(rename = "Wire.Name", min = 1, max = 100, pattern = "^..$", default_account,
/// body, query)]`.
fn parse_param(attr: &Attribute, out: &mut FieldAttrs, errors: &mut Errors) {
    const USAGE: &str = "#[param(rename = \"WireName\")], #[param(min = 1, max = 100)], \
                         #[param(pattern = \"^regex$\")], #[param(default_account)], \
                         #[param(body)] or #[param(query)]";
    nested(
        attr,
        "param",
        USAGE,
        &[
            "rename",
            "min",
            "max",
            "pattern",
            "default_account",
            "body",
            "query",
        ],
        errors,
        |meta, errors| {
            let key = meta.path.get_ident().cloned().expect("one of our keys");
            let duplicate = match key.to_string().as_str() {
                "rename" => out.rename.is_some(),
                "min" => out.min.is_some(),
                "max" => out.max.is_some(),
                "pattern" => out.pattern.is_some(),
                "body" => out.body.is_some(),
                "query" => out.query.is_some(),
                _ => out.default_account.is_some(),
            };
            if duplicate {
                errors.spanned(&key, format!("duplicate key `{key}` in #[param(..)]"));
            }
            if key == "default_account" || key == "body" || key == "query" {
                // Recorded even with a value, so that nothing else is also reported.
                let message = format!("`{key}` takes no value: write #[param({key})]");
                match key.to_string().as_str() {
                    "body" => out.body = Some(key),
                    "query" => out.query = Some(key),
                    _ => out.default_account = Some(key),
                }
                if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                    return Err(meta.error(message));
                }
                return Ok(());
            }
            let value = meta.value()?;
            if key == "rename" {
                let lit: LitStr = value.parse()?;
                match wire_name_problem(&lit.value()) {
                    Some(problem) => errors.spanned(&lit, problem),
                    None if !duplicate => out.rename = Some(lit),
                    None => {}
                }
            } else if key == "pattern" {
                let lit: LitStr = value.parse()?;
                match pattern_problem(&lit.value()) {
                    Some(problem) => errors.spanned(&lit, problem),
                    None if !duplicate => out.pattern = Some(lit),
                    None => {}
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
                match key.to_string().as_str() {
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
        Ok(lit) if !is_header_name(&lit.value()) => errors.spanned(
            &lit,
            "a header name is one or more letters, digits or `!#$%&'*+-.^_`|~`",
        ),
        Ok(lit) => match reserved_header(&lit.value()) {
            Some((name, why)) => errors.spanned(
                &lit,
                format!("`{name}` is {why}, never a field: remove this field"),
            ),
            None => out.header = Some(lit),
        },
        Err(_) => errors.spanned(attr, format!("#[header] takes one string: {USAGE}")),
    }
}

/// The headers that the client or HTTP itself sets, with why, matched ignoring case:
/// a field sent under one of them would clash with the client's own.
const RESERVED_HEADERS: &[(&str, &str)] = &[
    ("Authorization", "the client's credentials"),
    (
        "Proxy-Authorization",
        "the proxy's credentials, set on the HTTP client",
    ),
    ("Host", "set by the client from the endpoint's host"),
    (
        "Twill-Host",
        "set by the client when a base URL replaces the endpoint's host",
    ),
    ("Content-Length", "set by the client from the body"),
    ("Content-Type", "set by the client from the body"),
    ("Transfer-Encoding", "set by HTTP from the body"),
    ("Accept", "set by the client"),
    ("User-Agent", "set by the client"),
    ("Connection", "managed by HTTP itself"),
    ("Keep-Alive", "managed by HTTP itself"),
    ("Te", "managed by HTTP itself"),
    ("Trailer", "managed by HTTP itself"),
    ("Upgrade", "managed by HTTP itself"),
    ("Expect", "managed by HTTP itself"),
];

/// The canonical name of a reserved header, and why it is reserved.
fn reserved_header(name: &str) -> Option<(&'static str, &'static str)> {
    RESERVED_HEADERS
        .iter()
        .copied()
        .find(|(reserved, _)| reserved.eq_ignore_ascii_case(name))
}

/// What is wrong with a `#[param(rename)]` wire name, if anything. Every wire name in
/// Twilio's API descriptions is ASCII letters and digits with `.` (`Configuration.Filters`),
/// `_`, `-` (`Ui-Version`) and `<` or `>` (the range filters `DateSent<`, `DateSent>`).
pub(crate) fn wire_name_problem(name: &str) -> Option<String> {
    const ALLOWED: &str = "ASCII letters, digits, `.`, `_`, `-`, `<` and `>`";
    if name.is_empty() {
        return Some("a wire name cannot be empty".to_owned());
    }
    let bad = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "._-<>".contains(c)))?;
    let shown = match bad {
        ' ' => "a space".to_owned(),
        c if c.is_control() || c.is_whitespace() => format!("{c:?}"),
        c => format!("`{c}`"),
    };
    Some(format!("a wire name is {ALLOWED}; {name:?} has {shown}"))
}

/// What is wrong with a `#[param(pattern)]` regular expression, if anything: it must
/// compile with `regex-lite`, the engine the runtime matches with, so that it cannot
/// fail there. The engine's messages are short and fixed; the pattern is not repeated.
pub(crate) fn pattern_problem(pattern: &str) -> Option<String> {
    if pattern.is_empty() {
        return Some(
            "a pattern cannot be empty: it would match anything; remove #[param(pattern)]"
                .to_owned(),
        );
    }
    regex_lite::Regex::new(pattern).err().map(|error| {
        format!(
            "invalid regular expression in #[param(pattern)]: {error}; it must compile with \
             `regex-lite`, which checks each value before sending"
        )
    })
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
    // `#[sid("AC")]`: name the key the string belongs to.
    if let Ok(lit) = attr.parse_args::<LitStr>() {
        let value = lit.value().escape_debug().to_string();
        errors.spanned(
            &lit,
            format!(
                "#[{name}(..)] takes `key = value` pairs: write #[{name}({} = \"{value}\")]",
                keys[0]
            ),
        );
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

/// Whether `text` is one media type, `type/subtype` of token characters (RFC 9110,
/// section 8.3.1), such as `application/scim+json`: a valid `Accept` value.
fn is_media_type(text: &str) -> bool {
    let token = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    text.split_once('/')
        .is_some_and(|(kind, subtype)| token(kind) && token(subtype))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert!(is_media_type("application/scim+json"));
        assert!(is_media_type("application/json"));
        for bad in [
            "",
            "json",
            "application/",
            "/json",
            "a/b/c",
            "text/html; q=1",
            "a/b\r\n",
        ] {
            assert!(!is_media_type(bad), "{bad:?}");
        }
    }

    #[test]
    fn wire_names() {
        for ok in [
            "FriendlyName",
            "Configuration.Filters",
            "Ui-Version",
            "DateSent<",
            "a_b1",
        ] {
            assert_eq!(wire_name_problem(ok), None, "{ok}");
        }
        assert_eq!(
            wire_name_problem("Friendly Name").unwrap(),
            "a wire name is ASCII letters, digits, `.`, `_`, `-`, `<` and `>`; \
             \"Friendly Name\" has a space"
        );
        assert!(wire_name_problem("Größe").unwrap().ends_with("has `ö`"));
        assert!(wire_name_problem("a\tb").unwrap().ends_with("has '\\t'"));
        assert!(wire_name_problem("").is_some());
    }

    #[test]
    fn patterns_compile_or_say_why() {
        for ok in [
            "^aia_asst_.+$",
            "^OQ[a-zA-Z0-9]{32}$",
            "^[0-9abcdefghjkmnpqrstvwxyz]{26}$",
            "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$",
            "^(STOP|START|HELP)\\.(ALL|AFRIKAANS|ZULU)$",
        ] {
            assert_eq!(pattern_problem(ok), None, "{ok}");
        }
        let problem = pattern_problem("^[A-Z$").unwrap();
        assert!(
            problem.starts_with("invalid regular expression in #[param(pattern)]: "),
            "{problem}"
        );
        assert!(pattern_problem("^(a$").is_some());
        assert!(pattern_problem("(?=a)").is_some(), "look-around");
        assert!(pattern_problem("").is_some());
    }

    #[test]
    fn reserved_headers_ignore_case() {
        assert_eq!(reserved_header("authorization").unwrap().0, "Authorization");
        assert_eq!(
            reserved_header("CONTENT-LENGTH").unwrap().0,
            "Content-Length"
        );
        assert_eq!(reserved_header("twill-host").unwrap().0, "Twill-Host");
        assert_eq!(reserved_header("X-Twilio-Webhook-Enabled"), None);
        assert_eq!(reserved_header("If-Match"), None);
        assert_eq!(RESERVED_HEADERS.len(), 15);
    }

    #[test]
    fn hosts_and_prefixes() {
        assert!(is_host_name("api.twilio.com"));
        assert!(is_host_name("preview-iam.twilio.com"));
        for bad in [
            "Api.twilio.com",
            "https://api.twilio.com",
            "api.twilio.com.",
            "a..b",
            "-a.b",
        ] {
            assert!(!is_host_name(bad), "{bad}");
        }
        assert!(is_sid_prefix("SM"));
        assert!(!is_sid_prefix("Sm") && !is_sid_prefix("S") && !is_sid_prefix("SMM"));
    }
}
