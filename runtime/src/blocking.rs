//! A client for programs without an async runtime (feature `blocking`).

use std::fmt;

use crate::builder::ClientBuilder;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, Error};
use crate::page::Page;
use crate::retry::SendOptions;

/// Sends requests and waits for them: the same [`Client`] code paths (validation,
/// retries, timeouts, decoding), driven by a runtime of its own.
///
/// It has its own connection pool, so it never shares connections with async code.
/// Do not call it from inside an async runtime: it would block that runtime's thread
/// (and Tokio refuses to nest runtimes).
///
/// ```no_run
/// use twill_runtime::BlockingClient;
///
/// let client = BlockingClient::from_env()?;
/// # Ok::<(), twill_runtime::ConfigError>(())
/// ```
pub struct BlockingClient {
    client: Client,
    runtime: tokio::runtime::Runtime,
}

impl BlockingClient {
    /// A blocking client configured from the environment, as
    /// [`ClientBuilder::from_env`] reads it.
    pub fn from_env() -> Result<Self, ConfigError> {
        ClientBuilder::from_env()?.build_blocking()
    }

    /// Builds the client of `builder` and a single-threaded runtime to drive it.
    pub(crate) fn build(builder: ClientBuilder) -> Result<Self, ConfigError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ConfigError::Runtime)?;
        // Built inside the runtime, so that the connection pool belongs to it.
        let client = runtime.block_on(async { builder.build() })?;
        Ok(BlockingClient { client, runtime })
    }

    /// The async client underneath, for its settings.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Validates and sends `endpoint`, then decodes the response: [`Client::send`],
    /// waited for.
    pub fn send<E: Endpoint + ?Sized>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.runtime.block_on(self.client.send(endpoint))
    }

    /// [`Client::send_with`], waited for.
    pub fn send_with<E: Endpoint + ?Sized>(
        &self,
        endpoint: &E,
        options: SendOptions,
    ) -> Result<E::Response, Error> {
        self.runtime
            .block_on(self.client.send_with(endpoint, options))
    }

    /// [`Client::stream`] as an iterator: every item of every page, fetching a page
    /// only when the iteration reaches it, so that [`Iterator::take`] fetches only the
    /// pages the items taken need.
    pub fn iter<'a, E>(
        &'a self,
        endpoint: &'a E,
    ) -> impl Iterator<Item = Result<<E::Response as Page>::Item, Error>> + 'a
    where
        E: Endpoint + Sync + ?Sized,
        E::Response: Page + Send,
        <E::Response as Page>::Item: Send,
    {
        let mut stream = Box::pin(self.client.stream(endpoint));
        std::iter::from_fn(move || {
            self.runtime
                .block_on(futures_util::StreamExt::next(&mut stream))
        })
    }
}

impl fmt::Debug for BlockingClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockingClient")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Builds a [`BlockingClient`] (feature `blocking`).
    pub fn build_blocking(self) -> Result<BlockingClient, ConfigError> {
        BlockingClient::build(self)
    }
}
