//! Paged list responses, and a stream over all their items.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::lenient;

/// The `meta` object of a list response: where this page is and where the next one is.
///
/// Every field is optional: a `meta` that lacks some of them (or is `null`, or absent)
/// still lets a stream read the page's items and follow `next_page_url`. An empty
/// `next_page_url` means there is no next page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PageMeta {
    /// The URL of the first page.
    pub first_page_url: Option<String>,
    /// The key of the item list in the response (`conversations`, `messages`...).
    pub key: Option<String>,
    /// The URL of the next page; `None` on the last page.
    pub next_page_url: Option<String>,
    /// This page's number, from 0.
    #[serde(default, deserialize_with = "lenient::scalar")]
    pub page: Option<i64>,
    /// The most items a page holds.
    #[serde(default, deserialize_with = "lenient::scalar")]
    pub page_size: Option<i64>,
    /// The URL of the previous page; `None` on the first page.
    pub previous_page_url: Option<String>,
    /// This page's URL.
    pub url: Option<String>,
}

/// A list response: one page of items and its [`PageMeta`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list response",
    label = "implement `Page` for it, or remove `paginated` from #[endpoint(..)]"
)]
pub trait Page: DeserializeOwned {
    /// The type of the items listed.
    type Item;

    /// The page's `meta` object.
    fn meta(&self) -> &PageMeta;

    /// The items of this page, in order.
    fn into_items(self) -> Vec<Self::Item>;
}
