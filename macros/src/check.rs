//! Checks that look at more than one attribute: placeholders against fields, wire
//! names against each other, `#[sid]`, patterns, bounds and headers against field types.

use std::collections::BTreeSet;

use quote::ToTokens;

use crate::ast::{Endpoint, Field, Location};
use crate::attr;
use crate::case::snake_case;
use crate::ctxt::Errors;
use crate::ty;

/// Records every problem of `endpoint` in `errors`.
pub(crate) fn check(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    check_placeholders(endpoint, errors);
    check_default_account(endpoint, errors);
    check_body_flags(endpoint, errors);
    check_query_flags(endpoint, errors);
    check_wire_names(endpoint, errors);
    check_string_types(endpoint, errors);
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
        let Some(field) = endpoint.field(name) else {
            missing_field(endpoint, name, errors);
            continue;
        };
        if ty::option_inner(field.ty).is_some() && field.default_account.is_none() {
            let hint = if name == "AccountSid" {
                "; to default to the client's account when `None`, add \
                 #[param(default_account)]"
            } else {
                ""
            };
            errors.spanned(
                field.ty,
                format!(
                    "field `{}` fills the path placeholder `<{name}>`, so it is required and \
                     cannot be an `Option`{hint}",
                    field.ident
                ),
            );
        } else if ty::is_list(field.ty) {
            errors.spanned(
                field.ty,
                format!(
                    "field `{}` fills the path placeholder `<{name}>`, so it holds one value, \
                     not a `Vec`",
                    field.ident
                ),
            );
        }
    }
}

/// Why no field has the wire name `name`: a header field, a case typo, or no field.
fn missing_field(endpoint: &Endpoint<'_>, name: &str, errors: &mut Errors) {
    let path = &endpoint.args.path;
    let header = endpoint
        .fields
        .iter()
        .find(|field| field.header.is_some() && field.param_wire == name);
    if let Some(field) = header {
        let header = field.header.as_ref().expect("found by its header");
        errors.spanned(
            header,
            format!(
                "field `{}` fills the path placeholder `<{name}>` and is also a #[header]; \
                 a parameter goes in one place: remove #[header] (or rename the placeholder)",
                field.ident
            ),
        );
    } else if let Some(field) = endpoint
        .fields
        .iter()
        .find(|field| field.wire.eq_ignore_ascii_case(name))
    {
        errors.spanned(
            &path.lit,
            format!(
                "placeholder `<{name}>` has no field; did you mean `<{}>`, the wire name of \
                 field `{}`? (wire names are case-sensitive)",
                field.wire, field.ident
            ),
        );
    } else {
        errors.spanned(
            &path.lit,
            format!(
                "placeholder `<{name}>` has no field: add a field `{}` (or one with \
                 #[param(rename = \"{name}\")])",
                snake_case(name)
            ),
        );
    }
}

/// `#[param(body)]` only where it means something: on a request with a body, on a field
/// whose wire name a path placeholder has too.
fn check_body_flags(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        let Some(key) = &field.body else {
            continue;
        };
        if !endpoint.args.method.has_form_body() {
            errors.spanned(
                key,
                "#[param(body)] needs a request with a body (POST, PUT or PATCH)",
            );
        } else if field.header.is_some() {
            errors.spanned(key, "a #[header] field is not a body parameter: remove one");
        } else if !endpoint
            .args
            .path
            .placeholders()
            .any(|name| name == field.wire)
        {
            errors.spanned(
                key,
                format!(
                    "#[param(body)] sets a body parameter apart from a path placeholder of \
                     the same wire name, and the path has no `<{}>`: remove it",
                    field.wire
                ),
            );
        }
    }
}

/// `#[param(query)]` only where it moves a parameter: on a request with a body, on a
/// field that would otherwise be a body parameter.
fn check_query_flags(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        let Some(key) = &field.query else {
            continue;
        };
        let method = endpoint.args.method;
        if field.header.is_some() {
            errors.spanned(
                key,
                "a #[header] field is not a query parameter: remove #[param(query)] or #[header]",
            );
        } else if field.body.is_some() {
            errors.spanned(
                key,
                "a parameter goes in the query string or the body, not both: remove \
                 #[param(query)] or #[param(body)]",
            );
        } else if field.location == Location::Path {
            errors.spanned(
                key,
                format!(
                    "field `{}` fills the path placeholder `<{}>`, so it is not a query \
                     parameter: remove #[param(query)]",
                    field.ident, field.wire
                ),
            );
        } else if !method.has_form_body() {
            let method = method.variant().to_string().to_uppercase();
            errors.spanned(
                key,
                format!(
                    "#[param(query)] has no effect on a {method} request, whose parameters \
                     all go in the query string: remove it"
                ),
            );
        }
    }
}

/// `#[param(default_account)]` only on an `Option` that fills a path placeholder.
fn check_default_account(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        let Some(key) = &field.default_account else {
            continue;
        };
        if field.location != Location::Path {
            errors.spanned(
                key,
                format!(
                    "#[param(default_account)] applies to a field that fills a path \
                     placeholder, such as `<AccountSid>`, and `{}` is not in the path",
                    field.ident
                ),
            );
        } else if ty::option_inner(field.ty).is_none() {
            errors.spanned(
                field.ty,
                format!(
                    "#[param(default_account)] needs an `Option` field, whose `None` takes \
                     the client's account: write `{}: Option<String>`",
                    field.ident
                ),
            );
        }
    }
}

/// No two fields share a wire name, and a name taken from a field's is a valid one.
fn check_wire_names(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    let mut seen = BTreeSet::new();
    for field in &endpoint.fields {
        if field.rename.is_none()
            && field.header.is_none()
            && let Some(problem) = attr::wire_name_problem(&field.wire)
        {
            errors.spanned(
                field.ident,
                format!(
                    "{problem}: it comes from the field's name, so name the parameter with \
                     #[param(rename = \"..\")]"
                ),
            );
        }
        // `#[param(body)]` sets a body parameter apart from the path's of the same name.
        if !seen.insert((field.wire.as_str(), field.location == Location::Path)) {
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

/// `#[sid]` and `#[param(pattern)]` only on fields written as strings.
fn check_string_types(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        if ty::holds_strings(field.ty) {
            continue;
        }
        if field.sid_prefix.is_some() {
            errors.spanned(field.ty, string_type_message(field, "#[sid]", "SIDs"));
        }
        if field.pattern.is_some() {
            errors.spanned(
                field.ty,
                string_type_message(field, "#[param(pattern)]", "values"),
            );
        }
    }
}

/// Why `attribute` does not apply to `field`, which is not written as a string; it is
/// for `what` held as strings.
fn string_type_message(field: &Field<'_>, attribute: &str, what: &str) -> String {
    if ty::holds_typed_sids(field.ty) {
        format!(
            "`{}` is a `Sid`, checked by its type when the SID is made: remove {attribute} \
             (it is for {what} held as strings)",
            field.ident
        )
    } else if ty::is_builtin(field.ty) {
        format!(
            "{attribute} applies to `String`, `Option<String>` or `Vec<String>` fields, and \
             `{}` is not one",
            field.ident
        )
    } else {
        format!(
            "{attribute} applies to fields written as `String`, `Option<String>` or \
             `Vec<String>`, and `{}` is written as `{}`: the macro sees only the written \
             type, not what an alias stands for, so write `String` (or the `Option` or \
             `Vec` of it)",
            field.ident,
            field.ty.to_token_stream().to_string().replace(' ', "")
        )
    }
}

/// `#[param(min, max)]` only on integer and `Decimal` fields, with `min <= max`, each
/// within the range of the integer type written.
fn check_bounds(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in &endpoint.fields {
        if field.min.is_none() && field.max.is_none() {
            continue;
        }
        let decimal = ty::is_decimal(field.ty);
        let range = ty::integer_range(field.ty);
        if range.is_none() && !decimal {
            errors.spanned(
                field.ty,
                format!(
                    "#[param(min, max)] applies to integer and `Decimal` fields (optionally \
                     in an `Option` or a `Vec`), and `{}` is not one",
                    field.ident
                ),
            );
            continue;
        }
        // A decimal number takes any `i64` bound.
        let (int, low, high) = range.unwrap_or(("i64", i128::from(i64::MIN), i128::from(i64::MAX)));
        for (key, bound) in [("min", &field.min), ("max", &field.max)] {
            if let Some(bound) = bound
                && !(low..=high).contains(&i128::from(bound.value))
            {
                errors.spanned(
                    &bound.tokens,
                    format!(
                        "`{key} = {}` is outside the range of `{int}` ({low} to {high}), the \
                         type of `{}`",
                        bound.value, field.ident
                    ),
                );
            }
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

/// A header field is named by its header (no rename on top) and holds one value.
fn check_headers(endpoint: &Endpoint<'_>, errors: &mut Errors) {
    for field in endpoint.fields.iter().filter(|f| f.header.is_some()) {
        if let Some(rename) = &field.rename {
            errors.spanned(
                rename,
                "a #[header] field is sent under its header name; remove #[param(rename)]",
            );
        }
        if ty::is_list(field.ty) {
            errors.spanned(
                field.ty,
                format!(
                    "a header holds one value, so a #[header] field cannot be a `Vec`; \
                     `{}` is one",
                    field.ident
                ),
            );
        }
    }
}
