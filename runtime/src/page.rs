//! Paged list responses, and a stream over all their items.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The `meta` object of a list response: where this page is and where the next one is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct PageMeta {
    /// The URL of the first page.
    pub first_page_url: String,
    /// The key of the item list in the response (`conversations`, `messages`...).
    pub key: String,
    /// The URL of the next page; `None` on the last page.
    pub next_page_url: Option<String>,
    /// This page's number, from 0.
    pub page: i64,
    /// The most items a page holds.
    pub page_size: i64,
    /// The URL of the previous page; `None` on the first page.
    pub previous_page_url: Option<String>,
    /// This page's URL.
    pub url: String,
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
