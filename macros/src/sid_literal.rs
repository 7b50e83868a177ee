//! `sid!("RL…")`: a SID literal checked at compile time, typed by its prefix.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned};
use syn::LitStr;

use crate::prefixes::PREFIXES;

/// The length of a SID: two letters, 32 hex digits.
const LEN: usize = 34;

/// Expands `sid!(literal)` to a `Sid<prefix::XX>` constant, or to the error.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    match syn::parse2::<LitStr>(input) {
        Ok(literal) => match check(&literal.value()) {
            Ok(prefix) => sid(&literal, prefix),
            Err(message) => syn::Error::new(literal.span(), message).into_compile_error(),
        },
        Err(_) => syn::Error::new(
            Span::call_site(),
            "sid! takes one string literal, such as `sid!(\"RL0123456789abcdef0123456789abcdef\")`",
        )
        .into_compile_error(),
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
fn sid(literal: &LitStr, prefix: &str) -> TokenStream {
    let span = literal.span();
    let marker = format_ident!("{}", prefix, span = span);
    quote_spanned! {span=>
        const {
            ::twill_api::__private::Sid::<::twill_api::prefix::#marker>::__from_checked_literal(
                #literal,
            )
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
    fn prefixes_are_sorted_for_binary_search() {
        assert!(PREFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(PREFIXES.len() > 100);
    }
}
