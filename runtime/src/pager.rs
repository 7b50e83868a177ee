//! Walking a list page after page: what a stream (or the blocking iterator) keeps
//! between pages. Only the decoding of a page is generic; choosing, checking and
//! fetching the next page is the same code whatever the list.

use std::collections::HashSet;

use reqwest::Url;

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::exchange::{Exchange, Reply};
use crate::page::{NextPage, Page};
use crate::retry::SendOptions;

/// What comes once the items in hand are out.
enum Next {
    /// The first page, from the endpoint itself.
    First,
    /// A next page, checked.
    Url(Url),
    /// A next page refused: the error to report after the items in hand.
    Fail(Error),
    /// Nothing: the list is over, or it ended with an error.
    Done,
}

/// The state of a walk through a list: what comes next, the first page's URL, and the
/// URL of every page fetched so far.
pub(crate) struct Pager {
    next: Next,
    exchange: Exchange,
    /// The endpoint's `HOST`.
    host: &'static str,
    first: Option<Url>,
    fetched: HashSet<String>,
}

impl Pager {
    /// A walk through the list of endpoints of type `E`, from its first page.
    pub(crate) fn of<E: Endpoint + ?Sized>() -> Pager {
        Pager::new(Exchange::of::<E>(SendOptions::new()), E::HOST)
    }

    fn new(exchange: Exchange, host: &'static str) -> Pager {
        Pager {
            next: Next::First,
            exchange,
            host,
            first: None,
            fetched: HashSet::new(),
        }
    }

    /// Whether the next page is the first: its request, built from the endpoint, is
    /// then what [`next_request`](Self::next_request) needs.
    pub(crate) fn at_first(&self) -> bool {
        matches!(self.next, Next::First)
    }

    /// How the pages are requested, for the retry rules and for tracing.
    #[cfg(feature = "blocking")]
    pub(crate) fn exchange(&self) -> Exchange {
        self.exchange
    }

    /// The request for the next page (`first` is the first page's, given when
    /// [`at_first`](Self::at_first)); `None` once the list is over. An error ends the
    /// walk.
    pub(crate) fn next_request(
        &mut self,
        client: &Client,
        first: Option<Result<reqwest::Request, Error>>,
    ) -> Option<Result<reqwest::Request, Error>> {
        let request = match std::mem::replace(&mut self.next, Next::Done) {
            Next::Done => return None,
            Next::Fail(error) => return Some(Err(error)),
            Next::First => first.expect("the first page's request is given at the first page"),
            Next::Url(url) => Ok(client.page_request(url, self.host)),
        };
        Some(request.inspect(|request| {
            if self.first.is_none() {
                self.first = Some(request.url().clone());
            }
            self.fetched.insert(request.url().as_str().to_owned());
        }))
    }

    /// Fetches the next page (see [`next_request`](Self::next_request)): its response
    /// read in full, or why not; `None` once the list is over.
    pub(crate) async fn fetch(
        &mut self,
        client: &Client,
        first: Option<Result<reqwest::Request, Error>>,
    ) -> Option<Result<Reply, Error>> {
        match self.next_request(client, first)? {
            Ok(request) => Some(client.receive(request, self.exchange).await),
            Err(error) => Some(Err(error)),
        }
    }

    /// Decodes a fetched page, notes where the next one is, and returns its items.
    pub(crate) fn read<P: Page>(
        &mut self,
        client: &Client,
        reply: Reply,
    ) -> Result<std::vec::IntoIter<P::Item>, Error> {
        let page: P = reply.decode()?;
        self.follow(client, page.next_page());
        Ok(page.into_items().into_iter())
    }

    /// Notes the page `next` names, checked; a refused one is reported after the items
    /// of the page that named it.
    fn follow(&mut self, client: &Client, next: NextPage<'_>) {
        let first = self.first.as_ref().expect("set with the first request");
        self.next = match client.next_page(self.host, first, next, &self.fetched) {
            Ok(Some(url)) => Next::Url(url),
            Ok(None) => Next::Done,
            Err(error) => Next::Fail(error),
        };
    }
}
