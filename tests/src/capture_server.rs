//! A loopback HTTP/1.1 server that keeps each request as it arrived, byte for byte, for
//! tests that must see exactly what went on the wire: header values with only the
//! optional whitespace (spaces and tabs) around them removed, as RFC 9110 §5.5 says,
//! and raw bytes rather than text, so nothing is trimmed or re-decoded on the way. It
//! counts connections and every byte read, so a test can assert that nothing at all
//! reached it, and answers every request with one scripted reply that can be changed
//! between requests.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// The method, as sent.
    pub method: String,
    /// The request target, as sent (path and query); lossy if not UTF-8.
    pub target: String,
    /// The HTTP version, such as `HTTP/1.1`.
    pub version: String,
    /// Header names (lowercased) and values (bytes, without the spaces and tabs around
    /// them), in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body: `Content-Length` bytes, or the chunks of a chunked body joined.
    pub body: Vec<u8>,
    /// What does not follow HTTP/1.1 syntax (a bare LF, a space before a colon...),
    /// empty for a well-formed request.
    pub malformed: Vec<String>,
}

impl Captured {
    /// The values of header `name` (lowercase), in order.
    pub fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
            .collect()
    }
}

/// What the server has seen so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Connections accepted.
    pub connections: usize,
    /// Bytes read, over every connection.
    pub bytes: usize,
    /// Complete requests received.
    pub requests: usize,
}

#[derive(Default)]
struct State {
    connections: AtomicUsize,
    bytes: AtomicUsize,
    requests: Mutex<Vec<Captured>>,
    reply: Mutex<Arc<Vec<u8>>>,
}

/// The server; it stops when dropped.
pub struct CaptureServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl CaptureServer {
    /// Listens on a free loopback port; it answers `204 No Content` until
    /// [`set_reply`](Self::set_reply) says otherwise.
    pub async fn start() -> CaptureServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let state = Arc::new(State::default());
        *state.reply.lock().expect("not poisoned") = Arc::new(render(204, None));
        let task = tokio::spawn({
            let state = state.clone();
            async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        return;
                    };
                    state.connections.fetch_add(1, Ordering::SeqCst);
                    tokio::spawn(serve(stream, state.clone()));
                }
            }
        });
        CaptureServer { addr, state, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `127.0.0.1:PORT`, the `Host` a client sends.
    pub fn authority(&self) -> String {
        self.addr.to_string()
    }

    /// Answers every request from now on with `status`, and `body` as JSON if given
    /// (with `Content-Type` and `Content-Length`).
    pub fn set_reply(&self, status: u16, body: Option<&serde_json::Value>) {
        *self.state.reply.lock().expect("not poisoned") = Arc::new(render(status, body));
    }

    /// Connections, bytes and requests seen so far.
    pub fn counts(&self) -> Counts {
        // Requests first: a request is pushed after its bytes are counted, so these
        // counts never show a request without its bytes.
        let requests = self.state.requests.lock().expect("not poisoned").len();
        Counts {
            connections: self.state.connections.load(Ordering::SeqCst),
            bytes: self.state.bytes.load(Ordering::SeqCst),
            requests,
        }
    }

    /// The requests received after the first `from`, in arrival order.
    pub fn requests_since(&self, from: usize) -> Vec<Captured> {
        let all = self.state.requests.lock().expect("not poisoned");
        all.get(from..).unwrap_or_default().to_vec()
    }
}

impl Drop for CaptureServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn render(status: u16, body: Option<&serde_json::Value>) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        _ => "Status",
    };
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n").into_bytes();
    match body {
        Some(body) => {
            let body = body.to_string();
            out.extend_from_slice(
                format!(
                    "content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                )
                .as_bytes(),
            );
        }
        None if status == 204 => out.extend_from_slice(b"\r\n"),
        None => out.extend_from_slice(b"content-length: 0\r\n\r\n"),
    }
    out
}

/// Reads requests off one connection and answers each.
async fn serve(mut stream: TcpStream, state: Arc<State>) {
    let _ = stream.set_nodelay(true);
    let mut input = Input {
        buf: Vec::new(),
        state: state.clone(),
    };
    loop {
        let Ok(Some(request)) = input.request(&mut stream).await else {
            return;
        };
        state.requests.lock().expect("not poisoned").push(request);
        let reply = state.reply.lock().expect("not poisoned").clone();
        if stream.write_all(&reply).await.is_err() {
            return;
        }
    }
}

/// Bytes read from a connection and not parsed yet.
struct Input {
    buf: Vec<u8>,
    state: Arc<State>,
}

impl Input {
    /// Reads more; `false` at the end of the stream.
    async fn fill(&mut self, stream: &mut TcpStream) -> std::io::Result<bool> {
        let mut chunk = [0u8; 16 * 1024];
        let n = stream.read(&mut chunk).await?;
        self.state.bytes.fetch_add(n, Ordering::SeqCst);
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    /// Takes the first `n` bytes, reading until there are that many.
    async fn take(&mut self, stream: &mut TcpStream, n: usize) -> std::io::Result<Vec<u8>> {
        while self.buf.len() < n {
            if !self.fill(stream).await? {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
        }
        Ok(self.buf.drain(..n).collect())
    }

    /// Takes one line, with its ending.
    async fn line(&mut self, stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
        loop {
            if let Some(end) = self.buf.iter().position(|&b| b == b'\n') {
                return Ok(self.buf.drain(..=end).collect());
            }
            if !self.fill(stream).await? {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
        }
    }

    /// The next request, or `None` when the client closed the connection between
    /// requests.
    async fn request(&mut self, stream: &mut TcpStream) -> std::io::Result<Option<Captured>> {
        if self.buf.is_empty() && !self.fill(stream).await? {
            return Ok(None);
        }
        let mut malformed = Vec::new();
        let mut line = self.line(stream).await?;
        strip_crlf(&mut line, &mut malformed);
        let text = String::from_utf8_lossy(&line).into_owned();
        let parts: Vec<&str> = text.split(' ').collect();
        let [method, target, version] = parts.as_slice() else {
            return Err(std::io::Error::other(format!("request line {text:?}")));
        };
        if !target.is_ascii() || target.bytes().any(|b| b.is_ascii_control()) {
            malformed.push(format!("request target {target:?} is not visible ASCII"));
        }
        let (method, target, version) =
            (method.to_string(), target.to_string(), version.to_string());

        let mut headers = Vec::new();
        loop {
            let mut line = self.line(stream).await?;
            strip_crlf(&mut line, &mut malformed);
            if line.is_empty() {
                break;
            }
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                malformed.push(format!(
                    "header line without a colon: {:?}",
                    String::from_utf8_lossy(&line)
                ));
                continue;
            };
            let name = &line[..colon];
            if name.is_empty() || !name.iter().all(|&b| is_token(b)) {
                malformed.push(format!(
                    "header name {:?} is not a token",
                    String::from_utf8_lossy(name)
                ));
            }
            let value = trim_ows(&line[colon + 1..]);
            if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
                malformed.push(format!(
                    "header value {:?} holds a control character",
                    String::from_utf8_lossy(value)
                ));
            }
            headers.push((
                String::from_utf8_lossy(name).to_ascii_lowercase(),
                value.to_vec(),
            ));
        }

        let header = |name: &str| -> Vec<Vec<u8>> {
            headers
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .collect()
        };
        let chunked = header("transfer-encoding")
            .iter()
            .any(|v| v.eq_ignore_ascii_case(b"chunked"));
        let body = if chunked {
            self.chunked_body(stream, &mut malformed).await?
        } else {
            let lengths = header("content-length");
            if lengths.len() > 1 {
                malformed.push(format!("{} content-length headers", lengths.len()));
            }
            match lengths.first() {
                Some(length) => {
                    let length = std::str::from_utf8(length)
                        .ok()
                        .and_then(|l| l.parse().ok())
                        .ok_or_else(|| std::io::Error::other("content-length"))?;
                    self.take(stream, length).await?
                }
                None => Vec::new(),
            }
        };
        Ok(Some(Captured {
            method,
            target,
            version,
            headers,
            body,
            malformed,
        }))
    }

    async fn chunked_body(
        &mut self,
        stream: &mut TcpStream,
        malformed: &mut Vec<String>,
    ) -> std::io::Result<Vec<u8>> {
        let mut body = Vec::new();
        loop {
            let mut line = self.line(stream).await?;
            strip_crlf(&mut line, malformed);
            let size = String::from_utf8_lossy(&line);
            let size = size.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size, 16)
                .map_err(|_| std::io::Error::other(format!("chunk size {size:?}")))?;
            if size == 0 {
                // Trailers, up to an empty line.
                loop {
                    let mut line = self.line(stream).await?;
                    strip_crlf(&mut line, malformed);
                    if line.is_empty() {
                        return Ok(body);
                    }
                }
            }
            body.extend(self.take(stream, size).await?);
            let mut end = self.take(stream, 2).await?;
            strip_crlf(&mut end, malformed);
            if !end.is_empty() {
                malformed.push("chunk not followed by CRLF".to_owned());
            }
        }
    }
}

/// Removes a line's CRLF, noting a bare LF.
fn strip_crlf(line: &mut Vec<u8>, malformed: &mut Vec<String>) {
    if line.ends_with(b"\r\n") {
        line.truncate(line.len() - 2);
    } else if line.ends_with(b"\n") {
        line.truncate(line.len() - 1);
        malformed.push(format!(
            "line ending with a bare LF: {:?}",
            String::from_utf8_lossy(line)
        ));
    }
}

/// RFC 9110 §5.6.2 `tchar`.
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Without the spaces and tabs around it (RFC 9110 §5.5 `OWS`).
fn trim_ows(value: &[u8]) -> &[u8] {
    let start = value
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|&b| b != b' ' && b != b'\t')
        .map_or(start, |i| i + 1);
    &value[start..end]
}
