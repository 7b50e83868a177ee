//! What is emitted beside the errors when a declaration has mistakes but its arguments
//! could be read: the `Endpoint` impl with its constants and unreachable methods, and
//! the real `send` and `stream`.
//!
//! Without them, every use of the struct (`request.send(&client)`, `E::PARAMS`) would add
//! an error of its own to the ones that matter (thiserror's `fallback.rs` does the same).
//! The bodies never run: a crate with these errors does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;

use crate::ast::Endpoint;
use crate::expand::inherent_impl;

/// The stand-in impls of `endpoint`.
pub(crate) fn stub(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = endpoint.args.private();
    let input = endpoint.input;
    let name = &input.ident;
    let operation_id = name.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let args = &endpoint.args;
    let response = &args.response;
    let host = &args.host;
    let method = args.method.variant();
    let template = args.path.openapi();
    let inherent = inherent_impl(endpoint);
    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Endpoint for #name #ty_generics #where_clause {
            type Response = #response;
            const OPERATION_ID: &'static str = #operation_id;
            const METHOD: #private::Method = #private::Method::#method;
            const HOST: &'static str = #host;
            const PATH_TEMPLATE: &'static str = #template;
            const PARAMS: &'static [#private::Param] = &[];

            fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                ::core::unreachable!()
            }

            fn write_path(&self, _: &mut #private::String, _: &::core::primitive::str) {
                ::core::unreachable!()
            }

            fn write_params(&self, _: &mut #private::Form) {
                ::core::unreachable!()
            }
        }

        #inherent
    }
}
