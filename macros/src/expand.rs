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
                let ty = field.ty;
                quote_spanned! {ty.span()=>
                    #private::push_segment(path, &<#ty as #private::WireValue>::to_wire(&self.#ident));
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
    // With a body, `write_params` writes it (unless JSON does) and the query string is
    // `write_query`'s: `#[param(query)]` fields, the only query fields such a request has.
    let has_body = args.method.has_form_body();
    let param_writes = writes(
        &private,
        endpoint,
        |l| (l == Location::Query && !has_body) || (l == Location::Body && !json),
        Target::Form,
    );
    let query_writes = if has_body {
        writes(&private, endpoint, |l| l == Location::Query, Target::Form)
    } else {
        Vec::new()
    };
    let write_query = (!query_writes.is_empty()).then(|| {
        quote! {
            fn write_query(&self, form: &mut #private::Form) {
                #(#query_writes)*
            }
        }
    });
    let header_writes = writes(
        &private,
        endpoint,
        |l| l == Location::Header,
        Target::Headers,
    );
    let json_items = json.then(|| {
        let json_writes = writes(&private, endpoint, |l| l == Location::Body, Target::Json);
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
    let accept = args.accept.as_ref().map(|accept| {
        quote!(
            const ACCEPT: &'static ::core::primitive::str = #accept;
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
            #accept

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

            #write_query
            #write_headers
        }

        #inherent
    }
}

/// The inherent `send` (and `stream`) methods.
pub(crate) fn inherent_impl(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = endpoint.args.private();
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
    let (ident, wire, ty) = (field.ident_at_type(), &field.wire, field.ty);
    let span = ty.span();
    let mut out = if field.location == Location::Path && field.default_account.is_some() {
        // `None` takes the client's own account SID: only a given value is checked.
        quote_spanned! {span=>
            if let #private::Option::Some(__twill_segment) = &self.#ident {
                #private::check_path_segment(&#private::WireValue::to_wire(__twill_segment), #wire)?;
            }
        }
    } else if field.location == Location::Path {
        quote_spanned! {span=>
            #private::check_path_segment(&<#ty as #private::WireValue>::to_wire(&self.#ident), #wire)?;
        }
    } else if ty::option_inner(ty).is_none() {
        // Only an empty `Vec` or text can fail; an `Option` never does, so it is not
        // checked.
        quote_spanned! {span=>
            #private::check_required(
                !<#ty as #private::ParamValue>::OPTIONAL
                    && <#ty as #private::ParamValue>::is_missing(&self.#ident),
                #wire,
            )?;
        }
    } else {
        TokenStream::new()
    };
    if let Some(prefix) = &field.sid_prefix {
        out.extend(quote_spanned!(span=> #private::check_sid(&self.#ident, #prefix, #wire)?;));
    }
    if let Some(pattern) = &field.pattern {
        // Compiled on the first check, then kept for every later request.
        out.extend(quote_spanned! {span=>
            {
                static __TWILL_PATTERN: #private::Pattern = #private::Pattern::new(#pattern);
                #private::check_pattern(&self.#ident, &__TWILL_PATTERN, #wire)?;
            }
        });
    }
    if field.min.is_some() || field.max.is_some() {
        let (min, max) = (bound(private, &field.min), bound(private, &field.max));
        out.extend(quote_spanned! {span=>
            #private::check_range(&self.#ident, #min, #max, #wire)?;
        });
    }
    if field.location == Location::Header {
        out.extend(quote_spanned! {span=>
            #private::check_header(
                |__twill_each| <#ty as #private::ParamValue>::for_each_value(&self.#ident, __twill_each),
                #wire,
            )?;
        });
    }
    out
}

/// The field's entry in `PARAMS`.
fn param(private: &TokenStream, field: &Field<'_>) -> TokenStream {
    let (ty, wire) = (field.ty, &field.wire);
    let rust_name = field.ident.unraw().to_string();
    let location = field.location.variant();
    let (min, max) = (bound(private, &field.min), bound(private, &field.max));
    // A path field's value is one `WireValue` (the path is checked to hold no `Option`
    // or `Vec`), named as `write_path` names it, so that an unsupported type is one
    // error: rustc reports an identical one once.
    let path_value = field.location == Location::Path && field.default_account.is_none();
    let value = if path_value {
        quote_spanned!(ty.span()=> <#ty as #private::WireValue>)
    } else {
        quote_spanned!(ty.span()=> <#ty as #private::ParamValue>)
    };
    let array = if path_value {
        quote!(false)
    } else {
        quote!(#value::ARRAY)
    };
    // `#[sid]` on a string, or the prefix a `Sid<P>` type was checked to have.
    let sid_prefix = match &field.sid_prefix {
        Some(prefix) => quote!(#private::Option::Some(#prefix)),
        None => quote!(#value::SID_PREFIX),
    };
    let pattern = match &field.pattern {
        Some(pattern) => quote!(#private::Option::Some(#pattern)),
        None => quote!(#private::Option::None),
    };
    let defaults_to_account = field.default_account.is_some();
    // A field that defaults to the account is always in the request.
    let required = if defaults_to_account || path_value {
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
            #pattern,
            #array,
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

/// Where `writes` appends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Form,
    Headers,
    Json,
}

/// The statements appending each field whose location matches to `target`.
///
/// Each names the field's type as `<Type as ParamValue>`, spanned on the type as
/// written, exactly as `PARAMS` and `validate` do: an unsupported type is then one
/// error, which rustc reports once, rather than one per generic call that needs the
/// bound.
fn writes(
    private: &TokenStream,
    endpoint: &Endpoint<'_>,
    location: impl Fn(Location) -> bool,
    target: Target,
) -> Vec<TokenStream> {
    endpoint
        .fields
        .iter()
        .filter(|field| location(field.location))
        .map(|field| {
            let (ident, wire, ty) = (field.ident_at_type(), &field.wire, field.ty);
            let value = quote_spanned!(ty.span()=> <#ty as #private::ParamValue>);
            match target {
                Target::Form => quote_spanned! {ty.span()=>
                    #value::for_each_value(&self.#ident, |__twill_value| form.append(#wire, __twill_value));
                },
                Target::Headers => quote_spanned! {ty.span()=>
                    #value::for_each_value(&self.#ident, |__twill_value| headers.append(#wire, __twill_value));
                },
                // `Serialize` is a bound of its own, reported on the type if unmet.
                Target::Json => quote_spanned! {ty.span()=>
                    body.__append_member::<#ty>(
                        #wire,
                        &self.#ident,
                        #value::OPTIONAL && !#value::is_present(&self.#ident),
                    );
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::endpoint;

    /// Every identifier in `tokens`, groups included.
    fn idents(tokens: proc_macro2::TokenStream) -> Vec<String> {
        tokens
            .into_iter()
            .flat_map(|tree| match tree {
                proc_macro2::TokenTree::Group(group) => idents(group.stream()),
                proc_macro2::TokenTree::Ident(ident) => vec![ident.to_string()],
                _ => Vec::new(),
            })
            .collect()
    }

    /// A declaration using every kind of field and flag that generates code.
    fn item() -> proc_macro2::TokenStream {
        quote! {
            pub struct UpdateThing {
                #[sid(prefix = "IS")]
                pub service_sid: String,
                #[sid(prefix = "AC")]
                #[param(default_account)]
                pub account_sid: Option<String>,
                #[param(min = 1, max = 100)]
                pub page_size: Option<u32>,
                #[param(pattern = "^aia_asst_.+$")]
                pub assistant_id: Vec<String>,
                #[header("X-Twilio-Webhook-Enabled")]
                pub webhook: Option<bool>,
                pub tags: Vec<String>,
            }
        }
    }

    #[test]
    fn generated_code_names_only_the_given_crate() {
        for (krate, json) in [
            (quote!(::twill_runtime), quote!()),
            (quote!(twilio), quote!(, json)),
            (
                quote!(::my::re_export),
                quote!(, paginated, answers_with_redirect),
            ),
        ] {
            let args = quote! {
                POST, "/2010-04-01/Accounts/<AccountSid>/Services/<ServiceSid>",
                host = "api.twilio.com", response = (), crate = #krate #json
            };
            let out = endpoint(args, item());
            let names = idents(out.clone());
            assert!(!names.contains(&"twill_api".to_owned()), "{out}");
            assert!(!names.contains(&"compile_error".to_owned()), "{out}");
            let first = idents(krate).last().cloned().unwrap();
            assert!(names.contains(&first), "{out}");
        }
    }

    #[test]
    fn stand_ins_name_only_the_given_crate() {
        // A `#[sid]` on a `bool`: an error, so stand-in impls are emitted.
        let args = quote!(
            GET,
            "/v1/Things",
            host = "api.twilio.com",
            response = (),
            crate = ::twill_runtime
        );
        let item = quote!(
            struct ListThing {
                #[sid(prefix = "IS")]
                flag: bool,
            }
        );
        let out = endpoint(args, item);
        let names = idents(out.clone());
        assert!(names.contains(&"compile_error".to_owned()), "{out}");
        assert!(names.contains(&"Endpoint".to_owned()), "{out}");
        assert!(!names.contains(&"twill_api".to_owned()), "{out}");
    }

    /// The body of the first `fn name(..) { .. }` in `tokens`, groups included.
    fn fn_body(tokens: proc_macro2::TokenStream, name: &str) -> Option<proc_macro2::TokenStream> {
        let trees: Vec<_> = tokens.into_iter().collect();
        trees.iter().enumerate().find_map(|(i, tree)| match tree {
            proc_macro2::TokenTree::Ident(ident) if ident == name => {
                trees[i + 1..].iter().find_map(|next| match next {
                    proc_macro2::TokenTree::Group(group)
                        if group.delimiter() == proc_macro2::Delimiter::Brace =>
                    {
                        Some(group.stream())
                    }
                    _ => None,
                })
            }
            proc_macro2::TokenTree::Group(group) => fn_body(group.stream(), name),
            _ => None,
        })
    }

    /// The string literals in `tokens`, as written.
    fn strings(tokens: proc_macro2::TokenStream) -> Vec<String> {
        tokens
            .into_iter()
            .flat_map(|tree| match tree {
                proc_macro2::TokenTree::Group(group) => strings(group.stream()),
                proc_macro2::TokenTree::Literal(lit) if lit.to_string().starts_with('"') => {
                    vec![lit.to_string()]
                }
                _ => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn query_fields_of_a_request_with_a_body_are_written_by_write_query() {
        let token = quote! {
            struct CreateToken {
                #[param(rename = "account_sid", query)]
                account_sid: Option<String>,
                #[param(rename = "grant_type")]
                grant_type: Option<String>,
                #[param(query, min = 1)]
                page: Vec<u32>,
            }
        };
        for json in [quote!(), quote!(, json)] {
            let args = quote!(POST, "/v2/token", host = "oauth.twilio.com", response = () #json);
            let out = endpoint(args, token.clone());
            assert!(
                !idents(out.clone()).contains(&"compile_error".to_owned()),
                "{out}"
            );
            let query = fn_body(out.clone(), "write_query").expect("a write_query");
            assert_eq!(strings(query), ["\"account_sid\"", "\"Page\""], "{out}");
            let params = strings(fn_body(out.clone(), "write_params").unwrap());
            let body = if json.is_empty() {
                params
            } else {
                assert!(params.is_empty(), "{out}");
                strings(fn_body(out.clone(), "write_json").unwrap())
            };
            assert_eq!(body, ["\"grant_type\""], "{out}");
            let locations: Vec<String> = idents(out)
                .windows(2)
                .filter(|pair| pair[0] == "Location")
                .map(|pair| pair[1].clone())
                .collect();
            assert_eq!(locations, ["Query", "Body", "Query"]);
        }

        // Without `query`, no `write_query`: the trait's default, which writes nothing.
        let plain = quote! {
            struct CreateThing {
                friendly_name: Option<String>,
            }
        };
        let args = quote!(POST, "/v1/Things", host = "api.twilio.com", response = ());
        assert!(fn_body(endpoint(args, plain), "write_query").is_none());
    }

    #[test]
    fn misplaced_query_flags_are_errors() {
        for (method, field, message) in [
            (
                quote!(GET),
                quote!(#[param(query)] limit: Option<u32>),
                "#[param(query)] has no effect on a GET request",
            ),
            (
                quote!(DELETE),
                quote!(#[param(query)] limit: Option<u32>),
                "#[param(query)] has no effect on a DELETE request",
            ),
            (
                quote!(POST),
                quote!(#[param(query)] sid: String),
                "field `sid` fills the path placeholder `<Sid>`",
            ),
            (
                quote!(POST),
                quote!(#[header("X-Thing")] #[param(query)] thing: Option<String>),
                "a #[header] field is not a query parameter",
            ),
            (
                quote!(POST),
                quote!(#[param(rename = "Sid", body, query)] other: Option<String>),
                "not both",
            ),
            (
                quote!(POST),
                quote!(#[param(query = true)] limit: Option<u32>),
                "`query` takes no value: write #[param(query)]",
            ),
            (
                quote!(POST),
                quote!(#[param(query, query)] limit: Option<u32>),
                "duplicate key `query` in #[param(..)]",
            ),
        ] {
            let args = quote!(#method, "/v1/Things/<Sid>", host = "api.twilio.com", response = ());
            let sid = if field.to_string().contains("sid : String") {
                quote!()
            } else {
                quote!(sid: String,)
            };
            let out = endpoint(args, quote!(struct Thing { #sid #field }));
            let errors: Vec<String> = strings(out.clone())
                .into_iter()
                .filter(|text| text.contains(message))
                .collect();
            assert_eq!(errors.len(), 1, "{message}: {out}");
            // One mistake, one error.
            assert_eq!(
                idents(out.clone())
                    .iter()
                    .filter(|i| *i == "compile_error")
                    .count(),
                1,
                "{out}"
            );
        }
    }

    #[test]
    fn default_crate_is_twill_api() {
        let args = quote!(GET, "/v1/Things", host = "api.twilio.com", response = ());
        let out = endpoint(
            args,
            quote!(
                struct ListThing {}
            ),
        );
        assert!(idents(out).contains(&"twill_api".to_owned()));
    }
}
