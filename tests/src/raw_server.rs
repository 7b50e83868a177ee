//! A small HTTP/1.1 server on loopback whose every reply is scripted, including the
//! misbehaviours a mock library cannot play: answering never, closing a keep-alive
//! connection mid-request, sending more than announced. It counts connections, and
//! which of them the client has closed.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A request as received.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// Which connection it came on (0 for the first accepted).
    pub connection: usize,
    /// Its place on that connection (0 for the first).
    pub on_connection: usize,
    /// Its place among all requests (0 for the first).
    pub index: usize,
    /// `GET`, `POST`...
    pub method: String,
    /// The request target: path and query.
    pub target: String,
    /// Header names (lowercase) and values, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl RawRequest {
    /// The first value of header `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server does with a request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Answers with a status, extra headers and a body with its `Content-Length`, and
    /// keeps the connection open.
    Respond {
        /// The status code.
        status: u16,
        /// Extra headers.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// Answers with a status and a body without `Content-Length`, then closes the
    /// connection to end the body.
    RespondUntilClose {
        /// The status code.
        status: u16,
        /// The body.
        body: Vec<u8>,
    },
    /// Closes the connection without answering.
    Close,
    /// Holds the connection open and never answers.
    Hang,
}

impl Reply {
    /// A JSON answer.
    pub fn json(status: u16, body: &serde_json::Value) -> Reply {
        Reply::Respond {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    /// An answer with one extra header and a body.
    pub fn with_header(status: u16, name: &str, value: &str, body: &str) -> Reply {
        Reply::Respond {
            status,
            headers: vec![(name.into(), value.into())],
            body: body.as_bytes().to_vec(),
        }
    }
}

type Handler = dyn Fn(&RawRequest) -> Reply + Send + Sync;

/// The server; it stops when dropped.
pub struct RawServer {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    /// Connections whose client closed them (or that the server closed).
    closed: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    /// Listens on a free loopback port and answers each request with `handler`.
    pub async fn start(
        handler: impl Fn(&RawRequest) -> Reply + Send + Sync + 'static,
    ) -> RawServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let connections = Arc::new(AtomicUsize::new(0));
        let closed = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let task = tokio::spawn({
            let (connections, closed, requests) =
                (connections.clone(), closed.clone(), requests.clone());
            async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        return;
                    };
                    let connection = connections.fetch_add(1, Ordering::SeqCst);
                    let (handler, requests) = (handler.clone(), requests.clone());
                    let closed = closed.clone();
                    tokio::spawn(async move {
                        serve(stream, connection, handler, requests).await;
                        closed.fetch_add(1, Ordering::SeqCst);
                    });
                }
            }
        });
        RawServer {
            addr,
            connections,
            closed,
            requests,
            task,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// How many connections have ended: closed by the client (or by a reply that
    /// closes them), or failed.
    pub fn closed(&self) -> usize {
        self.closed.load(Ordering::SeqCst)
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<RawRequest> {
        self.requests.lock().expect("not poisoned").clone()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    stream: TcpStream,
    connection: usize,
    handler: Arc<Handler>,
    requests: Arc<Mutex<Vec<RawRequest>>>,
) {
    let _ = stream.set_nodelay(true);
    let mut stream = BufReader::new(stream);
    for on_connection in 0.. {
        let Ok(Some(mut request)) = read_request(&mut stream).await else {
            return;
        };
        request.connection = connection;
        request.on_connection = on_connection;
        let reply = {
            let mut all = requests.lock().expect("not poisoned");
            request.index = all.len();
            all.push(request.clone());
            drop(all);
            handler(&request)
        };
        let (status, headers, body, close) = match reply {
            Reply::Respond {
                status,
                headers,
                body,
            } => (status, headers, body, false),
            Reply::RespondUntilClose { status, body } => (status, Vec::new(), body, true),
            Reply::Close => return,
            Reply::Hang => {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                return;
            }
        };
        let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
        for (name, value) in &headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if close {
            head.push_str("connection: close\r\n\r\n");
        } else {
            head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
        }
        // One write: head and body in two would meet Nagle's algorithm and delayed
        // acknowledgements, and wait tens of milliseconds.
        let mut message = head.into_bytes();
        message.extend_from_slice(&body);
        let out = stream.get_mut();
        if out.write_all(&message).await.is_err() {
            return;
        }
        if close {
            let _ = out.shutdown().await;
            return;
        }
    }
}

async fn read_request(stream: &mut BufReader<TcpStream>) -> std::io::Result<Option<RawRequest>> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await?;
    Ok(Some(RawRequest {
        connection: 0,
        on_connection: 0,
        index: 0,
        method,
        target,
        headers,
        body,
    }))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
