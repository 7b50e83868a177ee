//! Checks that look at more than one attribute: placeholders against fields, wire
//! names against each other, `#[sid]` against field types.

use std::collections::BTreeSet;

use quote::ToTokens;

use crate::ast::Endpoint;
use crate::case::snake_case;
use crate::ctxt::Errors;
use crate::ty;

/// Records every problem of `endpoint` in `errors`.
pub(crate) fn check(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    check_placeholders(endpoint, errors);
    check_wire_names(endpoint, errors);
    check_sid_types(endpoint, errors);
    check_bounds(endpoint, errors);
    check_headers(endpoint, errors);
}

/// Every placeholder appears once and binds a required field.
fn check_placeholders(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    let path = &endpoint.args.path;
    let mut seen = BTreeSet::new();
    for name in path.placeholders() {
        if !seen.insert(name) {
            errors.spanned(
                &path.lit,
                format!(
                    "placeholder `<{name}>` appears twice in the path; each binds one field once"
                ),
            );
            continue;
        }
        match endpoint.field(name) {
            None => errors.spanned(
                &path.lit,
                format!(
                    "placeholder `<{name}>` has no field: add a field `{}` (or one with \
                     #[param(rename = \"{name}\")])",
                    snake_case(name)
                ),
            ),
            Some(field) if ty::option_inner(field.ty).is_some() => errors.spanned(
                field.ty,
                format!(
                    "field `{}` fills the path placeholder `<{name}>`, so it is required and \
                     cannot be an `Option`",
                    field.ident
                ),
            ),
            Some(field) if ty::vec_inner(field.ty).is_some() => errors.spanned(
                field.ty,
                format!(
                    "field `{}` fills the path placeholder `<{name}>`, so it holds one value, \
                     not a `Vec`",
                    field.ident
                ),
            ),
            Some(_) => {}
        }
    }
}

/// No two fields share a wire name.
fn check_wire_names(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    for field in &endpoint.fields {
        if !seen.insert(field.wire.as_str()) {
            let at = match &field.rename {
                Some(rename) => rename.to_token_stream(),
                None => field.ident.to_token_stream(),
            };
            errors.spanned(
                at,
                format!("two fields have the wire name `{}`", field.wire),
            );
        }
    }
}

/// `#[sid]` only on fields that hold strings.
fn check_sid_types(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        if field.sid_prefix.is_some() && !ty::holds_strings(field.ty) {
            errors.spanned(
                field.ty,
                format!(
                    "#[sid] applies to `String`, `Option<String>` or `Vec<String>` fields, \
                     and `{}` is not one",
                    field.ident
                ),
            );
        }
    }
}

/// `#[param(min, max)]` only on integer fields, with `min <= max`.
fn check_bounds(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        if (field.min.is_some() || field.max.is_some()) && !ty::holds_integers(field.ty) {
            errors.spanned(
                field.ty,
                format!(
                    "#[param(min, max)] applies to integer fields (optionally in an `Option` \
                     or a `Vec`), and `{}` is not one",
                    field.ident
                ),
            );
        }
        if let (Some(min), Some(max)) = (&field.min, &field.max)
            && min.value > max.value
        {
            errors.spanned(
                &max.tokens,
                format!("max ({}) is below min ({})", max.value, min.value),
            );
        }
    }
}

/// A header field is named by its header: no rename on top.
fn check_headers(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        if let (Some(_), Some(rename)) = (&field.header, &field.rename) {
            errors.spanned(
                rename,
                "a #[header] field is sent under its header name; remove #[param(rename)]",
            );
        }
    }
}
