//! Paged list responses, and where their next page is.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::lenient;

/// A list response: one page of items, and where the next page is.
///
/// Implement it for any list shape: [`Client::stream`](crate::Client::stream) only needs
/// the items and [`NextPage`]. twill's declarations implement it for Twilio's two main
/// shapes, a `meta` object ([`PageMeta`]) and API v2010's top-level `next_page_uri`.
///
/// ```
/// use serde::Deserialize;
/// use twill_runtime::{NextPage, Page};
///
/// /// A page whose next page is named by a token, sent back as `PageToken`.
/// #[derive(Deserialize)]
/// struct Numbers {
///     numbers: Vec<String>,
///     next_token: Option<String>,
/// }
///
/// impl Page for Numbers {
///     type Item = String;
///
///     fn next_page(&self) -> NextPage<'_> {
///         match &self.next_token {
///             Some(token) => NextPage::Query { name: "PageToken", value: token.clone() },
///             None => NextPage::Last,
///         }
///     }
///
///     fn into_items(self) -> Vec<String> {
///         self.numbers
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list response",
    label = "implement `Page` for it, or remove `paginated` from #[endpoint(..)]"
)]
pub trait Page: DeserializeOwned {
    /// The type of the items listed.
    type Item;

    /// Where the next page is.
    fn next_page(&self) -> NextPage<'_>;

    /// The items of this page, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Where the next page of a list is, as a [`Page`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NextPage<'a> {
    /// This is the last page.
    Last,
    /// The next page's URL: absolute (a `meta`'s `next_page_url`), or relative to the
    /// endpoint's host (API v2010's `next_page_uri`).
    Url(&'a str),
    /// The first page's request again, with the query parameter `name` set to `value`:
    /// for lists paged by a token or a page number rather than a URL.
    Query {
        /// The query parameter's name, such as `PageToken`.
        name: &'static str,
        /// Its value for the next page.
        value: String,
    },
}

impl<'a> NextPage<'a> {
    /// [`Url`](Self::Url) for a non-blank URL; [`Last`](Self::Last) for `None` or a
    /// blank one (some lists send `""` on their last page).
    pub fn url(url: Option<&'a str>) -> Self {
        match url {
            Some(url) if !url.trim().is_empty() => NextPage::Url(url),
            _ => NextPage::Last,
        }
    }
}

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

impl PageMeta {
    /// Where the next page is: its `next_page_url`, if not blank.
    pub fn next_page(&self) -> NextPage<'_> {
        NextPage::url(self.next_page_url.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_urls_are_the_last_page() {
        assert_eq!(NextPage::url(None), NextPage::Last);
        assert_eq!(NextPage::url(Some("")), NextPage::Last);
        assert_eq!(NextPage::url(Some("  ")), NextPage::Last);
        assert_eq!(NextPage::url(Some("/x?Page=1")), NextPage::Url("/x?Page=1"));
        let meta = PageMeta {
            next_page_url: Some("https://a.twilio.com/v1/X?Page=1".into()),
            ..PageMeta::default()
        };
        assert_eq!(
            meta.next_page(),
            NextPage::Url("https://a.twilio.com/v1/X?Page=1")
        );
        assert_eq!(PageMeta::default().next_page(), NextPage::Last);
    }
}
