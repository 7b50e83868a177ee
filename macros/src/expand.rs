//! Code generation: the `Endpoint` impl, `send` and `stream`, or the errors.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput};

use crate::ast::{Endpoint, Field, Location};
use crate::attr::{self, Bound};
use crate::check;
use crate::ctxt::Errors;
use crate::fallback;
use crate::path::Part;
use crate::ty;

/// Expands `#[endpoint(args)] item`.
///
/// On error the struct is still emitted, without our helper attributes, beside the
/// errors, so that its users do not get a cascade of follow-on errors; when the
/// arguments could be read, so are stand-in impls (see `fallback`).
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
            match errors.finish() {
                Ok(()) => impls(&endpoint),
                Err(error) => {
                    let stub = fallback::stub(&endpoint);
                    let error = error.into_compile_error();
                    quote!(#error #stub)
                }
            }
        }
        None => errors
            .finish()
            .map_or_else(syn::Error::into_compile_error, |()| TokenStream::new()),
    };
    strip_helper_attrs(&mut input);
    quote!(#input #generated)
}

/// Removes our helper attributes from every field: rustc does not know them.
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

/// The `Endpoint` impl and the inherent `send` (and `stream`) methods.
fn impls(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = quote!(::twill_api::__private);
    let input = endpoint.input;
    let name = &input.ident;
    let operation_id = name.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let args = &endpoint.args;
    let response = &args.response;
    let host = &args.host;
    let method = args.method.variant();
    let template = args.path.openapi();

    let checks = endpoint.fields.iter().map(|field| checks(&private, field));
    let params = endpoint.fields.iter().map(|field| param(&private, field));
    let path_writes = args.path.parts.iter().map(|part| match part {
        Part::Literal(text) => quote!(path.push_str(#text);),
        Part::Placeholder(wire) => {
            let field = endpoint
                .field(wire)
                .expect("checked: every placeholder has a field");
            let ident = field.ident_at_type();
            if field.default_account.is_some() {
                quote_spanned! {field.ty.span()=>
                    #private::push_segment(path, &#private::account_segment(&self.#ident, account_sid));
                }
            } else {
                quote_spanned! {field.ty.span()=>
                    #private::push_segment(path, &#private::WireValue::to_wire(&self.#ident));
                }
            }
        }
    });
    let account_sid = if endpoint.fields.iter().any(|f| f.default_account.is_some()) {
        quote!(account_sid)
    } else {
        quote!(_)
    };
    let json = args.json.is_some();
    let param_writes = writes(
        endpoint,
        |l| l == Location::Query || (l == Location::Body && !json),
        "form",
    );
    let header_writes = writes(endpoint, |l| l == Location::Header, "headers");
    let json_items = json.then(|| {
        let json_writes = writes(endpoint, |l| l == Location::Body, "body");
        let body = if json_writes.is_empty() {
            quote!(_)
        } else {
            quote!(body)
        };
        quote! {
            const BODY: #private::BodyFormat = #private::BodyFormat::Json;

            fn write_json(&self, #body: &mut #private::JsonBody) {
                #(#json_writes)*
            }
        }
    });
    let redirect_answer = args.answers_with_redirect.then(|| {
        quote!(
            const ANSWERS_WITH_REDIRECT: ::core::primitive::bool = true;
        )
    });
    let write_headers = (!header_writes.is_empty()).then(|| {
        quote! {
            fn write_headers(&self, headers: &mut #private::Headers) {
                #(#header_writes)*
            }
        }
    });
    let form = if param_writes.is_empty() {
        quote!(_)
    } else {
        quote!(form)
    };
    let inherent = inherent_impl(endpoint);

    quote! {
        #[automatically_derived]
        impl #impl_generics #private::Endpoint for #name #ty_generics #where_clause {
            type Response = #response;
            const OPERATION_ID: &'static str = #operation_id;
            const METHOD: #private::Method = #private::Method::#method;
            const HOST: &'static str = #host;
            const PATH_TEMPLATE: &'static str = #template;
            const PARAMS: &'static [#private::Param] = &[#(#params),*];
            #json_items
            #redirect_answer

            fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                #(#checks)*
                #private::Result::Ok(())
            }

            fn write_path(&self, path: &mut #private::String, #account_sid: &::core::primitive::str) {
                #(#path_writes)*
            }

            fn write_params(&self, #form: &mut #private::Form) {
                #(#param_writes)*
            }

            #write_headers
        }

        #inherent
    }
}

/// The inherent `send` (and `stream`) methods.
pub(crate) fn inherent_impl(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = quote!(::twill_api::__private);
    let input = endpoint.input;
    let name = &input.ident;
    let vis = &input.vis;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let args = &endpoint.args;
    let response = &args.response;
    let request_line = format!(
        "`{} {}`",
        args.method.variant().to_string().to_uppercase(),
        args.path.openapi()
    );

    let send_doc = format!(
        "Validates this request, sends {request_line} with `client` and decodes the response."
    );
    let stream = args.paginated.then(|| {
        let doc = format!(
            "Sends {request_line} and streams the items of every page, following \
             `next_page_url`; lazy, so `StreamExt::take(n)` fetches only the pages `n` \
             items need."
        );
        // Spanned on the response type, where a missing `Page` impl is reported.
        let item = quote_spanned!(response.span()=> <#response as #private::Page>::Item);
        quote! {
            #[doc = #doc]
            ///
            /// The stream ends after the first error, which it yields.
            #vis fn stream<'__twill>(
                &'__twill self,
                client: &'__twill #private::Client,
            ) -> impl #private::Stream<Item = #private::Result<#item, #private::Error>>
                + ::core::marker::Send
                + '__twill {
                client.stream(self)
            }
        }
    });

    quote! {
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

            #stream
        }
    }
}

/// The checks `validate` runs on one field, in a fixed order, spanned on the field's
/// type so that an unsupported type is reported there.
fn checks(private: &TokenStream, field: &Field<'_>) -> TokenStream {
    let (ident, wire, span) = (field.ident_at_type(), &field.wire, field.ty.span());
    let mut out = if field.location == Location::Path && field.default_account.is_some() {
        // `None` takes the client's own account SID: only a given value is checked.
        quote_spanned! {span=>
            if let #private::Option::Some(__twill_segment) = &self.#ident {
                #private::check_path_segment(&#private::WireValue::to_wire(__twill_segment), #wire)?;
            }
        }
    } else if field.location == Location::Path {
        quote_spanned! {span=>
            #private::check_path_segment(&#private::WireValue::to_wire(&self.#ident), #wire)?;
        }
    } else if ty::option_inner(field.ty).is_none() {
        // Only an empty `Vec` can fail; an `Option` never does, so it is not checked.
        quote_spanned!(span=> #private::check_required(&self.#ident, #wire)?;)
    } else {
        TokenStream::new()
    };
    if let Some(prefix) = &field.sid_prefix {
        out.extend(quote_spanned!(span=> #private::check_sid(&self.#ident, #prefix, #wire)?;));
    }
    if field.min.is_some() || field.max.is_some() {
        let (min, max) = (bound(private, &field.min), bound(private, &field.max));
        out.extend(quote_spanned! {span=>
            #private::check_range(&self.#ident, #min, #max, #wire)?;
        });
    }
    if field.location == Location::Header {
        out.extend(quote_spanned!(span=> #private::check_header(&self.#ident, #wire)?;));
    }
    out
}

/// The field's entry in `PARAMS`.
fn param(private: &TokenStream, field: &Field<'_>) -> TokenStream {
    let (ty, wire) = (field.ty, &field.wire);
    let rust_name = field.ident.unraw().to_string();
    let location = field.location.variant();
    let (min, max) = (bound(private, &field.min), bound(private, &field.max));
    let value = quote_spanned!(ty.span()=> <#ty as #private::ParamValue>);
    // `#[sid]` on a string, or the prefix a `Sid<P>` type was checked to have.
    let sid_prefix = match &field.sid_prefix {
        Some(prefix) => quote!(#private::Option::Some(#prefix)),
        None => quote!(#value::SID_PREFIX),
    };
    let defaults_to_account = field.default_account.is_some();
    // A field that defaults to the account is always in the request.
    let required = if defaults_to_account {
        quote!(true)
    } else {
        quote!(!#value::OPTIONAL)
    };
    quote! {
        #private::Param::__new(
            #wire,
            #rust_name,
            #private::Location::#location,
            #required,
            #sid_prefix,
            #value::ARRAY,
            #min,
            #max,
            #value::KIND,
            #value::VALUES,
            #defaults_to_account,
        )
    }
}

/// `Some(value)` or `None` for a bound.
fn bound(private: &TokenStream, bound: &Option<Bound>) -> TokenStream {
    match bound {
        Some(bound) => {
            let value = Literal::i64_suffixed(bound.value);
            quote!(#private::Option::Some(#value))
        }
        None => quote!(#private::Option::None),
    }
}

/// `target.append_param(wire, &self.field);` for the fields whose location matches.
fn writes(
    endpoint: &Endpoint<'_>,
    location: impl Fn(Location) -> bool,
    target: &str,
) -> Vec<TokenStream> {
    let target = syn::Ident::new(target, Span::call_site());
    endpoint
        .fields
        .iter()
        .filter(|field| location(field.location))
        .map(|field| {
            let (ident, wire, ty) = (field.ident_at_type(), &field.wire, field.ty);
            // Naming the type makes an unmet bound point at the whole type as written.
            quote_spanned! {ty.span()=>
                #target.append_param::<#ty>(#wire, &self.#ident);
            }
        })
        .collect()
}
