//! A minimal keep-alive HTTP/1.1 server for the end-to-end benchmark: it reads each
//! request's head and `Content-Length` body into a buffer reused across the
//! connection's requests, and writes one prebuilt response. It keeps nothing about
//! the requests, so that its cost per request stays the same however long a run is
//! (the tests' `RawServer` records every request, and a run makes millions).

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The server; it stops accepting when dropped (connections end with the runtime).
pub(crate) struct BenchServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl BenchServer {
    /// Listens on a free loopback port and answers every request with status 200 and
    /// `json` as the body.
    pub(crate) async fn start(json: &str) -> BenchServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let response: Arc<[u8]> = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{json}",
            json.len()
        )
        .into_bytes()
        .into();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, response.clone()));
            }
        });
        BenchServer { addr, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub(crate) fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Answers the requests of one connection until the client closes it.
async fn serve(mut stream: TcpStream, response: Arc<[u8]>) {
    stream.set_nodelay(true).expect("set TCP_NODELAY");
    let mut buffer = Vec::with_capacity(8192);
    loop {
        // Read until the buffer holds a whole request: head, then body.
        let length = loop {
            if let Some(length) = request_length(&buffer)
                && buffer.len() >= length
            {
                break length;
            }
            match stream.read_buf(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        };
        buffer.drain(..length);
        if stream.write_all(&response).await.is_err() {
            return;
        }
    }
}

/// The length of the request at the start of `buffer` (head and body), once its whole
/// head is there.
fn request_length(buffer: &[u8]) -> Option<usize> {
    let head = buffer.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let body = buffer[..head]
        .split(|&b| b == b'\n')
        .find_map(|line| {
            let (name, value) = line.split_at_checked(line.iter().position(|&b| b == b':')?)?;
            name.eq_ignore_ascii_case(b"content-length")
                .then(|| std::str::from_utf8(&value[1..]).ok()?.trim().parse().ok())?
        })
        .unwrap_or(0);
    Some(head + body)
}
