//! A client for programs without an async runtime (feature `blocking`).
//!
//! As reqwest's blocking client does, the async client runs on a thread of its own
//! that owns a single-threaded Tokio runtime: each request goes to that thread over a
//! channel, and its response comes back over another, to the caller's thread, which
//! waits for it without a runtime of its own. So the blocking client works from any
//! thread, including one that runs async code (which it blocks meanwhile).

use std::fmt;
use std::sync::{Arc, mpsc};
use std::thread;

use crate::builder::ClientBuilder;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, Error};
use crate::exchange::{Exchange, Reply};
use crate::page::Page;
use crate::pager::Pager;
use crate::retry::SendOptions;

/// Sends requests and waits for them: the same [`Client`] code paths (validation,
/// retries, timeouts, decoding), driven by a runtime on a thread of its own.
///
/// It works from any thread, including from inside an async runtime, where it blocks
/// the calling thread until the response comes (prefer [`Client`] there). Clones share
/// one client, thread and connection pool, and are `Send + Sync`; dropping the last
/// one stops the thread and waits for it to end. The pool is its own, never shared
/// with async code.
///
/// ```no_run
/// use twill_runtime::BlockingClient;
///
/// let client = BlockingClient::from_env()?;
/// # Ok::<(), twill_runtime::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct BlockingClient {
    inner: Arc<Handle>,
}

/// What the clones of a blocking client share: the client (for its settings, and to
/// build requests) and the thread that sends them.
struct Handle {
    client: Client,
    /// Closed (taken) on drop, which ends the thread's loop.
    jobs: Option<tokio::sync::mpsc::UnboundedSender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
}

/// A request for the client's thread, and where its response goes.
struct Job {
    request: reqwest::Request,
    exchange: Exchange,
    reply: mpsc::SyncSender<Result<Reply, Error>>,
    /// The caller's subscriber and current span, so that the request's span goes
    /// where it would on the caller's thread.
    #[cfg(feature = "tracing")]
    dispatch: tracing::Dispatch,
    #[cfg(feature = "tracing")]
    parent: tracing::Span,
}

impl BlockingClient {
    /// A blocking client configured from the environment, as
    /// [`ClientBuilder::from_env`] reads it.
    pub fn from_env() -> Result<Self, ConfigError> {
        ClientBuilder::from_env()?.build_blocking()
    }

    /// Starts the client's thread, with a single-threaded runtime on which the client
    /// of `builder` is built (so that its connection pool belongs to that runtime).
    pub(crate) fn build(builder: ClientBuilder) -> Result<Self, ConfigError> {
        let (jobs, queue) = tokio::sync::mpsc::unbounded_channel();
        let (ready, started) = mpsc::sync_channel(1);
        let thread = thread::Builder::new()
            .name("twill-blocking".to_owned())
            .spawn(move || run(builder, queue, ready))
            .map_err(ConfigError::Runtime)?;
        match started.recv() {
            Ok(Ok(client)) => Ok(BlockingClient {
                inner: Arc::new(Handle {
                    client,
                    jobs: Some(jobs),
                    thread: Some(thread),
                }),
            }),
            Ok(Err(error)) => {
                // The thread has returned, or is about to.
                let _ = thread.join();
                Err(error)
            }
            // The thread panicked before it said how it started: that panic is ours.
            Err(mpsc::RecvError) => match thread.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => unreachable!("the thread says how it started before it ends"),
            },
        }
    }

    /// The async client underneath, for its settings.
    pub fn client(&self) -> &Client {
        &self.inner.client
    }

    /// Validates and sends `endpoint`, then decodes the response: [`Client::send`],
    /// waited for.
    pub fn send<E: Endpoint + ?Sized>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.send_with(endpoint, SendOptions::new())
    }

    /// [`Client::send_with`], waited for.
    pub fn send_with<E: Endpoint + ?Sized>(
        &self,
        endpoint: &E,
        options: SendOptions,
    ) -> Result<E::Response, Error> {
        let request = self.inner.client.request_for(endpoint)?;
        self.wait(request, Exchange::of::<E>(options))?.decode()
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
        let client = &self.inner.client;
        let mut pager = Pager::of::<E>();
        let mut items = Vec::new().into_iter();
        std::iter::from_fn(move || {
            loop {
                if let Some(item) = items.next() {
                    return Some(Ok(item));
                }
                let first = pager.at_first().then(|| client.request_for(endpoint));
                let page = match pager.next_request(client, first)? {
                    Ok(request) => self
                        .wait(request, pager.exchange())
                        .and_then(|reply| pager.read::<E::Response>(client, reply)),
                    Err(error) => Err(error),
                };
                match page {
                    Ok(page) => items = page,
                    Err(error) => return Some(Err(error)),
                }
            }
        })
    }

    /// Sends `request` on the client's thread and waits for its response, read in full.
    fn wait(&self, request: reqwest::Request, exchange: Exchange) -> Result<Reply, Error> {
        let (reply, response) = mpsc::sync_channel(1);
        let job = Job {
            request,
            exchange,
            reply,
            #[cfg(feature = "tracing")]
            dispatch: tracing::dispatcher::get_default(tracing::Dispatch::clone),
            #[cfg(feature = "tracing")]
            parent: tracing::Span::current(),
        };
        let jobs = self.inner.jobs.as_ref().expect("taken only on drop");
        // Either fails only if the thread is gone while a handle lives: after a panic
        // of a request's task, whose message has been printed.
        jobs.send(job)
            .unwrap_or_else(|_| panic!("the blocking client's thread has ended"));
        response
            .recv()
            .unwrap_or_else(|_| panic!("the blocking client's request panicked"))
    }
}

/// The client's thread: builds the runtime and the client, says how that went, then
/// runs each job it receives as a task, until every handle is dropped.
fn run(
    builder: ClientBuilder,
    mut queue: tokio::sync::mpsc::UnboundedReceiver<Job>,
    ready: mpsc::SyncSender<Result<Client, ConfigError>>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ConfigError::Runtime)
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let _ = ready.send(Err(error));
            return;
        }
    };
    let client = match runtime.block_on(async { builder.build() }) {
        Ok(client) => client,
        Err(error) => {
            let _ = ready.send(Err(error));
            return;
        }
    };
    if ready.send(Ok(client.clone())).is_err() {
        return;
    }
    runtime.block_on(async move {
        while let Some(job) = queue.recv().await {
            tokio::spawn(send(client.clone(), job));
        }
    });
    // The runtime is dropped here, on its own thread, cancelling any task still
    // running: no handle is left to wait for its response.
}

/// Runs one job on the client's thread and sends its response back; a caller that is
/// gone gets nothing.
async fn send(client: Client, job: Job) {
    let response = client.receive(job.request, job.exchange);
    #[cfg(feature = "tracing")]
    let response = {
        use tracing::Instrument as _;
        use tracing::instrument::WithSubscriber as _;
        response
            .instrument(job.parent)
            .with_subscriber(job.dispatch)
    };
    let _ = job.reply.send(response.await);
}

impl Drop for Handle {
    /// Stops the thread and waits for it to end, unless this is that thread.
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != thread::current().id()
        {
            // A panic on the thread was a task's, reported when it happened.
            let _ = thread.join();
        }
    }
}

impl fmt::Debug for BlockingClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockingClient")
            .field("client", &self.inner.client)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Builds a [`BlockingClient`] (feature `blocking`).
    pub fn build_blocking(self) -> Result<BlockingClient, ConfigError> {
        BlockingClient::build(self)
    }
}
