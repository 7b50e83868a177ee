//! Code generation: the `Endpoint` impl and `send`, or the errors.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput};

use crate::ast::{Endpoint, Field};
use crate::attr;
use crate::check;
use crate::ctxt::Errors;
use crate::path::Part;

/// Expands `#[endpoint(args)] item`.
///
/// On error the struct is still emitted, without our helper attributes, beside the
/// errors, so that its users do not get a cascade of follow-on errors.
pub(crate) fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "#[endpoint] applies to a struct with named fields, one per parameter",
            )
            .into_compile_error();
            return quote!(#error #item);
        }
    };

    let mut errors = Errors::default();
    let generated = match Endpoint::from_syn(args, &input, &mut errors) {
        Some(endpoint) => {
            check::check(&endpoint, &mut errors);
            errors.finish().map(|()| impls(&endpoint))
        }
        None => errors.finish().map(|()| TokenStream::new()),
    };
    strip_helper_attrs(&mut input);
    let generated = generated.unwrap_or_else(syn::Error::into_compile_error);
    quote!(#input #generated)
}

/// Removes `#[sid]` and `#[param]` from every field: rustc does not know them.
fn strip_helper_attrs(input: &mut DeriveInput) {
    let strip = |field: &mut syn::Field| field.attrs.retain(|a| !attr::is_helper(a));
    match &mut input.data {
        Data::Struct(data) => data.fields.iter_mut().for_each(strip),
        Data::Enum(data) => data
            .variants
            .iter_mut()
            .for_each(|variant| variant.fields.iter_mut().for_each(strip)),
        Data::Union(data) => data.fields.named.iter_mut().for_each(strip),
    }
}

/// The `Endpoint` impl and the inherent `send` method.
fn impls(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = quote!(::twill_api::__private);
    let input = endpoint.input;
    let name = &input.ident;
    let vis = &input.vis;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let args = &endpoint.args;
    let response = &args.response;
    let method = args.method.variant();
    let template = args.path.openapi();
    let send_doc = format!(
        "Validates this request, sends `{} {template}` with `client` and decodes the response.",
        method.to_string().to_uppercase()
    );

    let path_fields: Vec<&Field<'_>> = args
        .path
        .placeholders()
        .map(|name| {
            endpoint
                .field(name)
                .expect("checked: every placeholder has a field")
        })
        .collect();
    let param_fields = endpoint
        .fields
        .iter()
        .filter(|field| !path_fields.iter().any(|p| p.wire == field.wire));

    let path_checks = path_fields.iter().map(|field| {
        let (ident, wire) = (field.ident, &field.wire);
        quote_spanned! {field.ty.span()=>
            #private::check_path_segment(&#private::WireValue::to_wire(&self.#ident), #wire)?;
        }
    });
    let sid_checks = endpoint.fields.iter().filter_map(|field| {
        let prefix = field.sid_prefix.as_ref()?;
        let (ident, wire) = (field.ident, &field.wire);
        Some(quote_spanned! {field.ty.span()=>
            #private::check_sid(&self.#ident, #prefix, #wire)?;
        })
    });

    let path_writes = args.path.parts.iter().map(|part| match part {
        Part::Literal(text) => quote!(path.push_str(#text);),
        Part::Placeholder(wire) => {
            let field = endpoint
                .field(wire)
                .expect("checked: every placeholder has a field");
            let ident = field.ident;
            quote_spanned! {field.ty.span()=>
                #private::push_segment(path, &#private::WireValue::to_wire(&self.#ident));
            }
        }
    });
    let param_writes: Vec<TokenStream> = param_fields
        .map(|field| {
            let (ident, wire) = (field.ident, &field.wire);
            quote_spanned! {field.ty.span()=>
                #private::ParamValue::append_to(&self.#ident, #wire, form);
            }
        })
        .collect();
    let form = if param_writes.is_empty() {
        quote!(_)
    } else {
        quote!(form)
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Endpoint for #name #ty_generics #where_clause {
            type Response = #response;
            const METHOD: #private::Method = #private::Method::#method;
            const PATH_TEMPLATE: &'static str = #template;

            fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                #(#path_checks)*
                #(#sid_checks)*
                #private::Result::Ok(())
            }

            fn write_path(&self, path: &mut #private::String) {
                #(#path_writes)*
            }

            fn write_params(&self, #form: &mut #private::Form) {
                #(#param_writes)*
            }
        }

        #[automatically_derived]
        impl #impl_generics #name #ty_generics #where_clause {
            #[doc = #send_doc]
            ///
            /// # Errors
            ///
            /// A validation error if a parameter is invalid (nothing is sent then), or a
            /// transport, API, HTTP or decode error from the exchange.
            #vis async fn send(
                &self,
                client: &#private::Client,
            ) -> #private::Result<#response, #private::Error> {
                client.send(self).await
            }
        }
    }
}
