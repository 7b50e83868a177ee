//! `sid!("RL…")`: a SID literal checked at compile time, typed by its prefix, and
//! `sid!(crate = ::twill_runtime, "RL…")` for code that names the runtime through
//! another crate than `twill_api`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::{LitStr, Path, Token};

use crate::attr;
use crate::ctxt::Errors;
use crate::prefixes::PREFIXES;

const USAGE: &str = "sid! takes one string literal, such as \
                     `sid!(\"RL0123456789abcdef0123456789abcdef\")`, optionally after \
                     `crate = path,`";

/// The length of a SID: two letters, 32 hex digits.
const LEN: usize = 34;

/// Expands `sid!([crate = path,] literal)` to a `Sid<prefix::XX>` constant, or to the
/// errors, all at once.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let parsed = (|input: ParseStream<'_>| parse(input, &mut errors)).parse2(input);
    let expanded = match parsed {
        Ok((krate, literal)) => match check(&literal.value()) {
            Ok(prefix) => Some(sid(krate.as_ref(), &literal, prefix)),
            Err(message) => {
                errors.spanned(&literal, message);
                None
            }
        },
        Err(error) => {
            errors.push(error);
            None
        }
    };
    match errors.finish() {
        Ok(()) => expanded.unwrap_or_default(),
        Err(error) => error.into_compile_error(),
    }
}

/// `[crate = path,] "literal"`: the crate path if given and usable (a string given for
/// it is recorded in `errors`), and the literal.
fn parse(input: ParseStream<'_>, errors: &mut Errors) -> syn::Result<(Option<Path>, LitStr)> {
    let mut krate = None;
    if input.peek(Token![crate]) {
        input.parse::<Token![crate]>()?;
        input.parse::<Token![=]>()?;
        krate = attr::parse_crate_value(input, errors)?;
        input.parse::<Token![,]>()?;
    }
    match input.parse::<LitStr>() {
        Ok(literal) if input.is_empty() => Ok((krate, literal)),
        _ => Err(syn::Error::new(Span::call_site(), USAGE)),
    }
}

/// The prefix of a well-formed SID of a known kind, or what is wrong with `text`.
fn check(text: &str) -> Result<&str, String> {
    let len = text.chars().count();
    if len != LEN {
        return Err(format!(
            "a SID is 34 characters, two uppercase letters then 32 hex digits; this one has {len}"
        ));
    }
    let prefix: String = text.chars().take(2).collect();
    if !prefix.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "a SID starts with two uppercase letters, its kind (`RL`, `CH`...), not `{}`",
            prefix.escape_debug()
        ));
    }
    if let Some((index, c)) = text
        .chars()
        .enumerate()
        .skip(2)
        .find(|(_, c)| !c.is_ascii_hexdigit())
    {
        return Err(format!(
            "a SID has 32 hex digits after its prefix, and `{}` at index {index} is not one",
            c.escape_debug()
        ));
    }
    match PREFIXES.binary_search(&prefix.as_str()) {
        Ok(at) => Ok(PREFIXES[at]),
        Err(_) => Err(format!(
            "no kind of SID has the prefix `{prefix}`: `twill_api::prefix` has a marker for \
             every prefix of Twilio's API descriptions"
        )),
    }
}

/// `Sid::<prefix::XX>` made at compile time from the checked `literal`.
fn sid(krate: Option<&Path>, literal: &LitStr, prefix: &str) -> TokenStream {
    let span = literal.span();
    let private = attr::private_of(krate);
    let marker = format_ident!("{}", prefix, span = span);
    quote_spanned! {span=>
        const {
            #private::Sid::<#private::prefix::#marker>::__from_checked_literal(#literal)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_known_prefixes_and_both_cases() {
        assert_eq!(check("RL0123456789abcdef0123456789ABCDEF"), Ok("RL"));
        assert_eq!(check("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), Ok("AC"));
    }

    #[test]
    fn says_what_is_wrong() {
        let err = |text: &str| check(text).unwrap_err();
        assert!(err("RL0123").contains("this one has 6"));
        assert!(err("rl0123456789abcdef0123456789abcdef").contains("not `rl`"));
        assert!(err("RL0123456789abcdef0123456789abcdeg").contains("`g` at index 33"));
        assert!(err("ZZ0123456789abcdef0123456789abcdef").contains("prefix `ZZ`"));
        // Characters, not bytes.
        assert!(err("RLé123456789abcdef0123456789abcdef").contains("`é` at index 2"));
    }

    #[test]
    fn names_the_given_crate() {
        let sid = "RL0123456789abcdef0123456789abcdef";
        let default = expand(quote::quote!(#sid)).to_string();
        assert!(default.contains("twill_api") && !default.contains("compile_error"));
        let other = expand(quote::quote!(crate = ::twill_runtime, #sid)).to_string();
        assert!(
            !other.contains("twill_api") && !other.contains("compile_error"),
            "{other}"
        );
        assert!(
            other.contains(":: twill_runtime :: __private :: prefix :: RL"),
            "{other}"
        );
        let string = expand(quote::quote!(crate = "twill_runtime", #sid)).to_string();
        assert!(string.contains("write `crate = twill_runtime`"), "{string}");
    }

    #[test]
    fn prefixes_are_sorted_for_binary_search() {
        assert!(PREFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(PREFIXES.len() > 100);
    }
}
