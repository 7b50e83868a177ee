//! One request's exchange with the server: attempts, retries, the bounded body read,
//! and the decoded result or error.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, HeaderValue, LOCATION, RETRY_AFTER};
use serde::de::DeserializeOwned;

use crate::client::{Auth, Client};
use crate::endpoint::{Endpoint, Method};
use crate::error::{BodyTooLargeError, Error, Stop, TimeoutError, Tries};
use crate::response;
use crate::retry::{self, Outcome, SendOptions};

/// What a request is, for the retry rules and for tracing.
#[derive(Clone, Copy)]
pub(crate) struct Exchange {
    pub(crate) method: Method,
    pub(crate) options: SendOptions,
    /// `Endpoint::ANSWERS_WITH_REDIRECT`.
    pub(crate) redirect_answer: bool,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) operation: &'static str,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) path_template: &'static str,
}

impl Exchange {
    pub(crate) fn of<E: Endpoint + ?Sized>(options: SendOptions) -> Self {
        Exchange {
            method: E::METHOD,
            options,
            redirect_answer: E::ANSWERS_WITH_REDIRECT,
            operation: E::OPERATION_ID,
            path_template: E::PATH_TEMPLATE,
        }
    }
}

/// A response, read in full.
struct Received {
    status: StatusCode,
    /// `Retry-After`, on the statuses it is honoured for (`429` and `503`).
    retry_after: Option<HeaderValue>,
    /// `Location`, on redirects.
    location: Option<HeaderValue>,
    body: bytes::Bytes,
}

/// Why an attempt got no usable response.
enum Failure {
    Transport(reqwest::Error),
    Timeout { connecting: bool },
    TooLarge { status: StatusCode },
}

impl From<reqwest::Error> for Failure {
    fn from(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            Failure::Timeout {
                connecting: error.is_connect(),
            }
        } else {
            Failure::Transport(error)
        }
    }
}

/// A response received in full, still to decode: what the exchange, which is the same
/// code whatever the response type, hands to the small generic [`decode`](Self::decode).
pub(crate) struct Reply {
    received: Received,
    tries: Tries,
    /// `Endpoint::ANSWERS_WITH_REDIRECT`.
    redirect_answer: bool,
    /// Held until the reply is decoded, for the span's duration.
    #[cfg(feature = "tracing")]
    finish: Finish,
}

impl Reply {
    /// Decodes the response into `T`, or the error it is, inside the request's span
    /// (decoding may report unusual values).
    pub(crate) fn decode<T: DeserializeOwned>(self) -> Result<T, Error> {
        #[cfg(feature = "tracing")]
        let _entered = self.finish.span.enter();
        response::decode(
            self.received.status,
            self.received.location.as_ref(),
            &self.received.body,
            self.tries,
            self.redirect_answer,
        )
    }

    /// The body of a success (`2xx`), or the error the answer is: what
    /// [`decode`](Self::decode) does before decoding, for bodies read by hand (an
    /// OAuth token, whose body no error may quote).
    pub(crate) fn success_body(&self) -> Result<&[u8], Error> {
        response::success_body(
            self.received.status,
            self.received.location.as_ref(),
            &self.received.body,
            self.tries,
        )
    }
}

/// Records the request span's duration when dropped: once the reply is decoded, or
/// once the exchange has failed.
#[cfg(feature = "tracing")]
struct Finish {
    span: tracing::Span,
    started: std::time::Instant,
}

#[cfg(feature = "tracing")]
impl Drop for Finish {
    fn drop(&mut self) {
        self.span.record(
            "duration_ms",
            u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
        );
    }
}

/// How an exchange ended.
struct Done {
    result: Result<(Received, Tries), Error>,
    /// The status of the last response, if one came (for tracing).
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    status: Option<StatusCode>,
    /// How many attempts were made (for tracing).
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    attempts: u32,
}

impl Client {
    /// Sends `request`, retrying as the policy and the safety rules allow, and decodes
    /// the last response.
    ///
    /// Only the decoding is generic: the exchange itself is compiled once, whatever
    /// the number of response types.
    pub(crate) async fn execute<T: DeserializeOwned>(
        &self,
        request: reqwest::Request,
        exchange: Exchange,
    ) -> Result<T, Error> {
        self.receive(request, exchange).await?.decode()
    }

    /// Sends `request` with the client's credentials, retrying as the policy and the
    /// safety rules allow, and reads the last response in full.
    ///
    /// HTTP Basic credentials are already in the request. For OAuth client
    /// credentials, the bearer token is added here (getting one first if need be, so
    /// a failure sends nothing to the API); a `401` answer then makes the client
    /// forget that token, so that the next request gets a new one, but this request is
    /// not repeated (as twilio-python, which does not even forget it).
    pub(crate) async fn receive(
        &self,
        mut request: reqwest::Request,
        exchange: Exchange,
    ) -> Result<Reply, Error> {
        let Auth::OAuth(tokens) = &self.inner.auth else {
            return self.receive_as_is(request, exchange).await;
        };
        let header = tokens.authorization(self).await?;
        request.headers_mut().insert(AUTHORIZATION, header.clone());
        let result = self.receive_as_is(request, exchange).await;
        let status = match &result {
            Ok(reply) => Some(reply.received.status),
            Err(error) => error.status(),
        };
        if status == Some(StatusCode::UNAUTHORIZED) {
            tokens.invalidate(&header);
        }
        result
    }

    /// Sends `request` as it is, retrying as the policy and the safety rules allow,
    /// and reads the last response in full, in a span of its own (feature `tracing`).
    pub(crate) async fn receive_as_is(
        &self,
        request: reqwest::Request,
        exchange: Exchange,
    ) -> Result<Reply, Error> {
        #[cfg(feature = "tracing")]
        let (done, finish) = {
            use tracing::Instrument as _;
            let span = tracing::info_span!(
                "twill.request",
                operation = exchange.operation,
                method = exchange.method.as_str(),
                path = exchange.path_template,
                status = tracing::field::Empty,
                attempts = tracing::field::Empty,
                duration_ms = tracing::field::Empty,
            );
            let finish = Finish {
                span: span.clone(),
                started: std::time::Instant::now(),
            };
            let done = self
                .exchange(request, exchange)
                .instrument(span.clone())
                .await;
            if let Some(status) = done.status {
                span.record("status", status.as_u16());
            }
            span.record("attempts", done.attempts);
            (done, finish)
        };
        #[cfg(not(feature = "tracing"))]
        let done = self.exchange(request, exchange).await;
        let (received, tries) = done.result?;
        Ok(Reply {
            received,
            tries,
            redirect_answer: exchange.redirect_answer,
            #[cfg(feature = "tracing")]
            finish,
        })
    }

    async fn exchange(&self, request: reqwest::Request, exchange: Exchange) -> Done {
        let inner = &*self.inner;
        let mut attempt: u32 = 0;
        let mut waited = Duration::ZERO;
        let mut request = Some(request);
        let (result, stop) = loop {
            attempt = attempt.saturating_add(1);
            // The last attempt the policy allows takes the request itself; earlier
            // ones send a copy, kept in case of a retry.
            let this = if attempt >= inner.retry.attempts() {
                request.take()
            } else {
                request.as_ref().and_then(reqwest::Request::try_clone)
            };
            let this = this.expect("request bodies are in memory, so requests clone");
            let result = self.attempt(this).await;
            let outcome = match &result {
                Ok(received) => Outcome::Status(received.status, received.retry_after.as_ref()),
                // The same body would come again.
                Err(Failure::TooLarge { .. }) => break (result, Stop::Final),
                Err(Failure::Transport(error)) if error.is_builder() => Outcome::Unsendable,
                Err(Failure::Transport(error)) => Outcome::NoResponse {
                    sent: !error.is_connect(),
                },
                Err(Failure::Timeout { connecting }) => Outcome::NoResponse { sent: !connecting },
            };
            let decision = retry::decide(
                &inner.retry,
                exchange.method,
                &exchange.options,
                outcome,
                attempt,
                waited,
            );
            let delay = match decision {
                Ok(delay) => delay,
                Err(stop) => break (result, stop),
            };
            #[cfg(feature = "tracing")]
            tracing::debug!(
                attempt,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying"
            );
            tokio::time::sleep(delay).await;
            waited = waited.saturating_add(delay);
        };

        let tries = Tries {
            attempts: attempt,
            stop,
        };
        let status = match &result {
            Ok(received) => Some(received.status),
            Err(Failure::TooLarge { status }) => Some(*status),
            Err(_) => None,
        };
        let result = match result {
            Ok(received) => Ok((received, tries)),
            Err(Failure::Transport(error)) => Err(Error::transport(error, tries)),
            Err(Failure::Timeout { connecting }) => {
                let after = if connecting {
                    inner.connect_timeout
                } else {
                    inner.timeout
                };
                Err(TimeoutError::new(after, connecting, tries).into())
            }
            Err(Failure::TooLarge { status }) => Err(BodyTooLargeError {
                status,
                limit: inner.max_response_body,
                attempts: attempt,
            }
            .into()),
        };
        Done {
            result,
            status,
            attempts: attempt,
        }
    }

    /// One attempt: send, then read the body up to the size limit.
    async fn attempt(&self, request: reqwest::Request) -> Result<Received, Failure> {
        let limit = self.inner.max_response_body;
        let mut response = self.inner.http.execute(request).await?;
        let status = response.status();
        let header = |name| response.headers().get(name).cloned();
        let retry_after = match status {
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => header(RETRY_AFTER),
            _ => None,
        };
        let location = if status.is_redirection() {
            header(LOCATION)
        } else {
            None
        };
        let body = match response.content_length() {
            Some(declared) if declared > limit as u64 => return Err(Failure::TooLarge { status }),
            // A declared length within the limit: hyper stops at it, so read at once.
            Some(_) => response.bytes().await?,
            // Otherwise count as it comes.
            None => {
                let mut body = Vec::new();
                while let Some(chunk) = response.chunk().await? {
                    if body.len().saturating_add(chunk.len()) > limit {
                        return Err(Failure::TooLarge { status });
                    }
                    body.extend_from_slice(&chunk);
                }
                body.into()
            }
        };
        Ok(Received {
            status,
            retry_after,
            location,
            body,
        })
    }
}
