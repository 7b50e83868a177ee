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
    let ty = element(ty);
    match ty {
        Type::Reference(reference) => {
            matches!(head(&reference.elem), Some((name, None)) if name == "str")
        }
        _ => matches!(head(ty), Some((name, None)) if name == "String"),
    }
}

/// Whether each value of `ty` is written as a `Sid<..>`: typed, so checked already.
pub(crate) fn holds_typed_sids(ty: &Type) -> bool {
    matches!(head(element(ty)), Some((name, Some(_))) if name == "Sid")
}

/// The primitive integers, with their ranges (`isize` and `usize` as on 64-bit targets).
const INTEGERS: &[(&str, i128, i128)] = &[
    ("i8", i8::MIN as i128, i8::MAX as i128),
    ("i16", i16::MIN as i128, i16::MAX as i128),
    ("i32", i32::MIN as i128, i32::MAX as i128),
    ("i64", i64::MIN as i128, i64::MAX as i128),
    ("i128", i128::MIN, i128::MAX),
    ("isize", i64::MIN as i128, i64::MAX as i128),
    ("u8", 0, u8::MAX as i128),
    ("u16", 0, u16::MAX as i128),
    ("u32", 0, u32::MAX as i128),
    ("u64", 0, u64::MAX as i128),
    ("u128", 0, i128::MAX),
    ("usize", 0, u64::MAX as i128),
];

/// `T` for `T`, `Vec<T>`, `Option<T>` and `Option<Vec<T>>`: the type of each value.
fn element(ty: &Type) -> &Type {
    let ty = option_inner(ty).unwrap_or(ty);
    vec_inner(ty).unwrap_or(ty)
}

/// For a primitive integer, optionally in a `Vec`, optionally in an `Option`: its name
/// and the smallest and largest values it holds.
pub(crate) fn integer_range(ty: &Type) -> Option<(&'static str, i128, i128)> {
    let (name, arg) = head(element(ty))?;
    if arg.is_some() {
        return None;
    }
    INTEGERS.iter().copied().find(|(int, _, _)| *int == name)
}

/// Whether each value of `ty` is a decimal number: written `Decimal` (any path ending
/// so, as `twill_api::Decimal`), optionally in an `Option` or a `Vec`.
pub(crate) fn is_decimal(ty: &Type) -> bool {
    head(element(ty)).is_some_and(|(name, arg)| name == "Decimal" && arg.is_none())
}

/// Whether each value of `ty` is written as a primitive type or `String` (no alias could
/// hide behind the name).
pub(crate) fn is_builtin(ty: &Type) -> bool {
    const OTHERS: &[&str] = &["bool", "char", "f32", "f64", "str", "String"];
    let element = element(ty);
    let element = match element {
        Type::Reference(reference) => &reference.elem,
        _ => element,
    };
    match element {
        Type::Path(_) => head(element).is_some_and(|(name, _)| {
            OTHERS.contains(&name.as_str()) || INTEGERS.iter().any(|(int, _, _)| *int == name)
        }),
        // Tuples, arrays, slices...: not an alias.
        _ => true,
    }
}

/// Whether `ty` is a `Vec`, optionally in an `Option`.
pub(crate) fn is_list(ty: &Type) -> bool {
    vec_inner(option_inner(ty).unwrap_or(ty)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        syn::parse_str(text).unwrap()
    }

    #[test]
    fn integer_ranges() {
        assert_eq!(integer_range(&ty("u8")), Some(("u8", 0, 255)));
        assert_eq!(
            integer_range(&ty("Option<Vec<i16>>")),
            Some(("i16", -32768, 32767))
        );
        assert_eq!(integer_range(&ty("Vec<u32>")).unwrap().2, 4_294_967_295);
        assert_eq!(integer_range(&ty("PageSize")), None);
        assert_eq!(integer_range(&ty("String")), None);
    }

    #[test]
    fn written_types() {
        assert!(holds_strings(&ty("Option<Vec<&'a str>>")));
        assert!(!holds_strings(&ty("Sid")));
        assert!(holds_typed_sids(&ty("Option<Vec<Sid<RL>>>")) && !holds_typed_sids(&ty("Sid")));
        assert!(is_builtin(&ty("Option<u32>")) && is_builtin(&ty("bool")));
        assert!(!is_builtin(&ty("Sid")) && !is_builtin(&ty("Option<Timestamp>")));
        assert!(is_list(&ty("Vec<String>")) && is_list(&ty("Option<Vec<String>>")));
        assert!(!is_list(&ty("Option<String>")));
    }
}
