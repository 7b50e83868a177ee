//! Reading field types by their spelling, for checks that need a clear message.
//!
//! Type aliases defeat these checks; the runtime's trait bounds still reject what
//! they miss, with a less specific message.

use syn::{GenericArgument, PathArguments, Type};

/// The last path segment's name and its first type argument: `Option<String>` gives
/// `("Option", Some(String))`.
fn head(ty: &Type) -> Option<(String, Option<&Type>)> {
    let Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let arg = match &last.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        }),
        _ => None,
    };
    Some((last.ident.to_string(), arg))
}

/// `Option<T>` gives `T`.
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    match head(ty)? {
        (name, inner) if name == "Option" => inner,
        _ => None,
    }
}

/// `Vec<T>` gives `T`.
pub(crate) fn vec_inner(ty: &Type) -> Option<&Type> {
    match head(ty)? {
        (name, inner) if name == "Vec" => inner,
        _ => None,
    }
}

/// Whether `ty` can hold SIDs: `String` or `&str`, optionally in a `Vec`, optionally in
/// an `Option`.
pub(crate) fn holds_strings(ty: &Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    let ty = vec_inner(ty).unwrap_or(ty);
    match ty {
        Type::Reference(reference) => {
            matches!(head(&reference.elem), Some((name, None)) if name == "str")
        }
        _ => matches!(head(ty), Some((name, None)) if name == "String"),
    }
}

/// Whether `ty` holds integers: a primitive integer, optionally in a `Vec`, optionally
/// in an `Option`.
pub(crate) fn holds_integers(ty: &Type) -> bool {
    const INTEGERS: &[&str] = &[
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let ty = option_inner(ty).unwrap_or(ty);
    let ty = vec_inner(ty).unwrap_or(ty);
    matches!(head(ty), Some((name, None)) if INTEGERS.contains(&name.as_str()))
}
