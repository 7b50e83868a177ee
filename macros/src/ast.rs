//! The model of one endpoint declaration, built from the syntax tree.

use proc_macro2::TokenStream;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, EndpointArgs};
use crate::case::pascal_case;
use crate::ctxt::Errors;

/// A struct under `#[endpoint(..)]`.
pub(crate) struct Endpoint<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) args: EndpointArgs,
    pub(crate) fields: Vec<Field<'a>>,
}

/// One field: one request parameter.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    /// The parameter's name on the wire: the field name in PascalCase, or the rename.
    pub(crate) wire: String,
    /// `#[param(rename = "..")]`, if given.
    pub(crate) rename: Option<LitStr>,
    /// `#[sid(prefix = "..")]`, if given; already checked to be two uppercase letters.
    pub(crate) sid_prefix: Option<LitStr>,
}

impl<'a> Endpoint<'a> {
    /// Builds the model, recording every problem in `errors`. Returns `None` if the
    /// arguments or the item could not be read at all.
    pub(crate) fn from_syn(
        args: TokenStream,
        input: &'a DeriveInput,
        errors: &mut Errors,
    ) -> Option<Endpoint<'a>> {
        let args = attr::parse_endpoint_args(args, errors);
        let fields = fields_of(input, errors)?;
        let fields = fields
            .iter()
            .map(|field| Field::from_syn(field, errors))
            .collect();
        Some(Endpoint {
            input,
            args: args?,
            fields,
        })
    }

    /// The field whose wire name is `wire`.
    pub(crate) fn field(&self, wire: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|field| field.wire == wire)
    }
}

impl<'a> Field<'a> {
    fn from_syn(field: &'a syn::Field, errors: &mut Errors) -> Field<'a> {
        let ident = field
            .ident
            .as_ref()
            .expect("fields_of returns named fields");
        let attrs = attr::parse_field_attrs(&field.attrs, errors);
        let wire = match &attrs.rename {
            Some(rename) => rename.value(),
            None => pascal_case(&ident.unraw().to_string()),
        };
        Field {
            ident,
            ty: &field.ty,
            wire,
            rename: attrs.rename,
            sid_prefix: attrs.sid_prefix,
        }
    }
}

/// The named fields of a struct (none for a unit struct); an error for anything else.
fn fields_of<'a>(input: &'a DeriveInput, errors: &mut Errors) -> Option<Vec<&'a syn::Field>> {
    const EXPECTED: &str = "#[endpoint] applies to a struct with named fields, one per parameter";
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(named.named.iter().collect()),
            Fields::Unit => Some(Vec::new()),
            Fields::Unnamed(unnamed) => {
                errors.spanned(unnamed, format!("{EXPECTED}, not a tuple struct"));
                None
            }
        },
        Data::Enum(data) => {
            errors.spanned(data.enum_token, format!("{EXPECTED}, not an enum"));
            None
        }
        Data::Union(data) => {
            errors.spanned(data.union_token, format!("{EXPECTED}, not a union"));
            None
        }
    }
}
