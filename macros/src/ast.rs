//! The model of one endpoint declaration, built from the syntax tree.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use crate::attr::{self, Bound, EndpointArgs};
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
    /// The parameter's name on the wire: the field name in PascalCase, the rename, or
    /// the header name.
    pub(crate) wire: String,
    /// The wire name the field would have without `#[header]`: the rename or the field
    /// name in PascalCase. Only for error messages.
    pub(crate) param_wire: String,
    /// Where the parameter goes.
    pub(crate) location: Location,
    /// `#[param(rename = "..")]`, if given.
    pub(crate) rename: Option<LitStr>,
    /// `#[sid(prefix = "..")]`, if given; already checked to be two uppercase letters,
    /// or alternatives of two separated by `|`.
    pub(crate) sid_prefix: Option<LitStr>,
    /// `#[param(min = ..)]`.
    pub(crate) min: Option<Bound>,
    /// `#[param(max = ..)]`.
    pub(crate) max: Option<Bound>,
    /// `#[param(pattern = "..")]`, if given; already checked to compile.
    pub(crate) pattern: Option<LitStr>,
    /// `#[header("..")]`, if given.
    pub(crate) header: Option<LitStr>,
    /// `#[param(default_account)]`, if given: `None` takes the client's account.
    pub(crate) default_account: Option<Ident>,
    /// `#[param(body)]`, if given: a body parameter whose wire name a path placeholder
    /// also has (API v2010's `UpdateIncomingPhoneNumber` sends `AccountSid` in both).
    pub(crate) body: Option<Ident>,
    /// `#[param(query)]`, if given: a parameter sent in the query string even when the
    /// request has a body (OAuth v2's `CreateOauth2Token` takes `account_sid` there).
    pub(crate) query: Option<Ident>,
}

/// Where a parameter goes, named as the runtime's `Location` variant.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Location {
    Path,
    Query,
    Body,
    Header,
}

impl Location {
    pub(crate) fn variant(self) -> Ident {
        let name = match self {
            Location::Path => "Path",
            Location::Query => "Query",
            Location::Body => "Body",
            Location::Header => "Header",
        };
        Ident::new(name, Span::call_site())
    }
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
        let mut fields: Vec<Field<'a>> = fields
            .iter()
            .map(|field| Field::from_syn(field, errors))
            .collect();
        let args = args?;
        let params = if args.method.has_form_body() {
            Location::Body
        } else {
            Location::Query
        };
        for field in &mut fields {
            field.location = if field.header.is_some() {
                Location::Header
            } else if field.body.is_some() {
                params
            } else if args.path.placeholders().any(|name| name == field.wire) {
                Location::Path
            } else if field.query.is_some() {
                Location::Query
            } else {
                params
            };
        }
        Some(Endpoint {
            input,
            args,
            fields,
        })
    }

    /// The field whose wire name is `wire`.
    pub(crate) fn field(&self, wire: &str) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|field| field.wire == wire && field.body.is_none())
    }
}

impl<'a> Field<'a> {
    fn from_syn(field: &'a syn::Field, errors: &mut Errors) -> Field<'a> {
        let ident = field
            .ident
            .as_ref()
            .expect("fields_of returns named fields");
        let attrs = attr::parse_field_attrs(&field.attrs, errors);
        let param_wire = match &attrs.rename {
            Some(rename) => rename.value(),
            None => pascal_case(&ident.unraw().to_string()),
        };
        let wire = match &attrs.header {
            Some(header) => header.value(),
            None => param_wire.clone(),
        };
        Field {
            ident,
            ty: &field.ty,
            wire,
            param_wire,
            // Settled in `Endpoint::from_syn`, once the path is known.
            location: Location::Query,
            rename: attrs.rename,
            sid_prefix: attrs.sid_prefix,
            min: attrs.min,
            max: attrs.max,
            pattern: attrs.pattern,
            header: attrs.header,
            default_account: attrs.default_account,
            body: attrs.body,
            query: attrs.query,
        }
    }
}

impl Field<'_> {
    /// The field's name spanned on its type, for generated expressions such as
    /// `&self.field`: a type error in them then points at the type alone.
    pub(crate) fn ident_at_type(&self) -> Ident {
        let mut ident = self.ident.clone();
        ident.set_span(syn::spanned::Spanned::span(self.ty));
        ident
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
