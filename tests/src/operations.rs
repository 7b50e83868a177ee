//! Every declared operation behind one type-erased interface, collected with each
//! product's `visit_endpoints`.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use twill_api::declare::{BodyFormat, Method, Page, Param};
use twill_api::{Client, Endpoint, EndpointVisitor};

use crate::shape::{Shape, shape};

/// A boxed future, as the type-erased `send` returns it.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Why a type-erased send failed.
#[derive(Debug)]
pub enum SendFailure {
    /// The JSON given does not build the request type.
    Build(serde_json::Error),
    /// twill refused or the exchange failed.
    Send(twill_api::Error),
}

/// One declared operation.
pub struct Operation {
    /// `OPERATION_ID`.
    pub id: &'static str,
    /// `METHOD`.
    pub method: Method,
    /// `HOST`.
    pub host: &'static str,
    /// `PATH_TEMPLATE`.
    pub path: &'static str,
    /// Whether `BODY` is JSON.
    pub json_body: bool,
    /// `PARAMS`.
    pub params: &'static [Param],
    /// The response type's shape.
    pub response: Shape,
    /// For list operations, the item type's shape.
    pub item: Option<Shape>,
    /// Builds the request from a JSON object keyed by field name, sends it with the
    /// client, and returns the decoded response re-encoded as JSON.
    pub send: fn(Client, Value) -> BoxFuture<Result<Value, SendFailure>>,
    /// Decodes a JSON body into the response type and re-encodes it.
    pub decode: fn(Value) -> Result<Value, serde_json::Error>,
}

/// Every operation of Conversations v1, in declaration order.
pub fn all() -> Vec<Operation> {
    collect(twill_api::conversations::v1::visit_endpoints)
}

/// The operations a product's `visit_endpoints` walks, in declaration order.
pub fn collect(visit: impl FnOnce(&mut Collector)) -> Vec<Operation> {
    let mut collector = Collector(Vec::new());
    visit(&mut collector);
    collector.0
}

/// Gathers operations as a visitor walks them.
pub struct Collector(Vec<Operation>);

impl Collector {
    fn operation<E>(item: Option<Shape>) -> Operation
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: Serialize + Send + 'static,
    {
        Operation {
            id: E::OPERATION_ID,
            method: E::METHOD,
            host: E::HOST,
            path: E::PATH_TEMPLATE,
            json_body: E::BODY == BodyFormat::Json,
            params: E::PARAMS,
            response: shape::<E::Response>(),
            item,
            send: send::<E>,
            decode: decode::<E>,
        }
    }
}

impl EndpointVisitor for Collector {
    fn visit<E>(&mut self)
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: Serialize + Send + 'static,
    {
        self.0.push(Collector::operation::<E>(None));
    }

    fn visit_list<E>(&mut self)
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: Page + Serialize + Send + 'static,
        <E::Response as Page>::Item: DeserializeOwned + Serialize + Send + 'static,
    {
        let item = shape::<<E::Response as Page>::Item>();
        self.0.push(Collector::operation::<E>(Some(item)));
    }
}

fn send<E>(client: Client, request: Value) -> BoxFuture<Result<Value, SendFailure>>
where
    E: Endpoint + DeserializeOwned + Send + Sync + 'static,
    E::Response: Serialize + Send + 'static,
{
    Box::pin(async move {
        let endpoint: E = serde_json::from_value(request).map_err(SendFailure::Build)?;
        let response = client.send(&endpoint).await.map_err(SendFailure::Send)?;
        Ok(serde_json::to_value(response).expect("responses serialize"))
    })
}

fn decode<E>(body: Value) -> Result<Value, serde_json::Error>
where
    E: Endpoint,
    E::Response: Serialize,
{
    let response: E::Response = serde_json::from_value(body)?;
    serde_json::to_value(response)
}
