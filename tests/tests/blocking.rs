//! The blocking client: the same code paths as the async one, with no runtime in the
//! caller (feature `blocking`); usable from inside async code too, its clones sharing
//! one thread and connection pool, which the last one dropped stops.

use std::time::Duration;

use serde_json::{Value, json};
use twill_api::conversations::v1::{FetchConversation, ListConversation};
use twill_api::{BlockingClient, Client, Credentials, Error, RetryPolicy};
use twill_tests::raw_server::{RawRequest, RawServer, Reply};
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN, response_example, spec};

fn conversation_json() -> Value {
    response_example(
        &spec::operation(&spec::spec(), "/v1/Conversations/{Sid}", "get"),
        "200",
    )
}

fn blocking_client(server: &RawServer) -> BlockingClient {
    Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build_blocking()
        .unwrap()
}

#[test]
fn sends_retries_validates_and_pages_without_an_async_runtime() {
    // The server runs on a runtime of its own threads; this test's thread has none.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let body = conversation_json();
    let server = runtime.block_on(RawServer::start(move |request| {
        let page = |n: usize, next: Option<String>| {
            json!({
                "conversations": [body.clone()],
                "meta": {"page": n, "page_size": 1, "first_page_url": "", "previous_page_url": null,
                         "url": "", "next_page_url": next, "key": "conversations"}
            })
        };
        match (request.index, request.target.as_str()) {
            (0, _) => Reply::json(503, &json!({"code": 20503, "message": "busy"})),
            (_, "/v1/Conversations") => {
                let next = request
                    .header("host")
                    .map(|host| format!("http://{host}/v1/Conversations?Page=1"));
                Reply::json(200, &page(0, next))
            }
            (_, "/v1/Conversations?Page=1") => Reply::json(200, &page(1, None)),
            _ => Reply::json(200, &body),
        }
    }));
    let client = blocking_client(&server);

    let fetch = FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    };
    let conversation = client.send(&fetch).unwrap();
    assert_eq!(
        conversation.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(server.requests().len(), 2, "the 503 was retried");

    let all: Vec<_> = client
        .iter(&ListConversation::default())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 2, "two pages of one conversation");

    let invalid = FetchConversation { sid: "..".into() };
    assert!(matches!(client.send(&invalid), Err(Error::Validation(_))));
    assert_eq!(server.requests().len(), 4);
    assert!(!format!("{client:?}").contains(AUTH_TOKEN));
}

/// A server on a runtime of its own threads, so that it keeps answering while the
/// test's thread is blocked in the blocking client, even inside a single-threaded
/// async test. Its runtime is shut down without waiting, which async code may do.
struct Elsewhere {
    server: Option<RawServer>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Elsewhere {
    fn start(handler: impl Fn(&RawRequest) -> Reply + Send + Sync + 'static) -> Elsewhere {
        // Started from a thread without a runtime: `block_on` refuses to nest.
        let (runtime, server) = std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            let server = runtime.block_on(RawServer::start(handler));
            (runtime, server)
        })
        .join()
        .unwrap();
        Elsewhere {
            server: Some(server),
            runtime: Some(runtime),
        }
    }

    fn server(&self) -> &RawServer {
        self.server.as_ref().unwrap()
    }
}

impl Drop for Elsewhere {
    fn drop(&mut self) {
        drop(self.server.take());
        self.runtime.take().unwrap().shutdown_background();
    }
}

/// A conversation for every `GET`, on kept-alive connections.
fn conversations() -> Elsewhere {
    let body = conversation_json();
    Elsewhere::start(move |_| Reply::json(200, &body))
}

fn fetch() -> FetchConversation {
    FetchConversation {
        sid: "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
    }
}

/// Builds a blocking client, sends with it and with a clone, and drops both: what
/// panicked inside an async runtime when the client ran its runtime on the caller's
/// thread (Tokio refuses to start or drop a runtime there).
fn build_send_and_drop(server: &RawServer) {
    let client = blocking_client(server);
    let clone = client.clone();
    let conversation = client.send(&fetch()).unwrap();
    assert_eq!(
        conversation.sid.as_deref(),
        Some("CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    drop(client);
    assert!(
        clone.send(&fetch()).is_ok(),
        "a clone outlives the original"
    );
    drop(clone);
}

#[tokio::test]
async fn works_and_drops_inside_a_single_threaded_runtime() {
    let elsewhere = conversations();
    build_send_and_drop(elsewhere.server());
    assert_eq!(elsewhere.server().requests().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_and_drops_inside_a_multi_threaded_runtime() {
    let elsewhere = conversations();
    build_send_and_drop(elsewhere.server());
    // From a task on a worker thread too.
    let elsewhere = tokio::spawn(async move {
        build_send_and_drop(elsewhere.server());
        elsewhere
    })
    .await
    .unwrap();
    assert_eq!(elsewhere.server().requests().len(), 4);
}

#[test]
fn clones_share_one_connection_pool() {
    let elsewhere = conversations();
    let server = elsewhere.server();
    let client = blocking_client(server);
    let clone = client.clone();
    // A connection goes back to the pool from a task of hyper-util's once the response
    // is read, so a send right after another may open a new connection first: that is
    // a race, not what this tests. So pause before each send, and pass as soon as the
    // clone, on another thread, sends on a connection the original opened; separate
    // pools never would.
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(20));
        client.send(&fetch()).unwrap();
        let original = server.requests().last().unwrap().connection;
        std::thread::sleep(Duration::from_millis(20));
        std::thread::scope(|scope| {
            scope.spawn(|| clone.send(&fetch()).unwrap());
        });
        let requests = server.requests();
        let by_clone = requests.last().unwrap();
        if by_clone.connection == original {
            assert!(by_clone.on_connection > 0, "{requests:?}");
            return;
        }
    }
    panic!(
        "the clone never sent on the original's connection: {:?}",
        server.requests()
    );
}

#[test]
fn dropping_the_last_clone_closes_its_connections() {
    let elsewhere = conversations();
    let server = elsewhere.server();
    // No idle timeout: only the end of the client's runtime closes its connections.
    let client = Client::builder()
        .credentials(Credentials::auth_token(ACCOUNT_SID, AUTH_TOKEN))
        .base_url(server.uri())
        .http_client(reqwest::Client::builder().pool_idle_timeout(None))
        .build_blocking()
        .unwrap();
    let clone = client.clone();
    client.send(&fetch()).unwrap();
    clone.send(&fetch()).unwrap();
    drop(client);
    // One clone left: the thread and the pool are still there.
    clone.send(&fetch()).unwrap();
    assert_eq!(server.requests().len(), 3);
    drop(clone);
    // Dropping the last clone waited for the thread to end, and its runtime with it,
    // so its connections are closed by now; the server notices on its own threads.
    // The deadline is only against a hang: a pool still alive would never close them.
    let connections = server.connections();
    assert!(connections >= 1);
    for _ in 0..3000 {
        if server.closed() == connections {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!(
        "{} of {connections} connections still open 30 s after the last clone was dropped",
        connections - server.closed()
    );
}
