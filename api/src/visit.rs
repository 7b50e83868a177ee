//! Walking every endpoint of an API by type, for tests and tools.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Endpoint;
use crate::declare::Page;

/// Receives each endpoint type of an API, for code that must treat them all alike:
/// conformance tests, mock servers, documentation generators.
///
/// Request types deserialize from a JSON object keyed by field name, so a visitor can
/// build any request from data; response types serialize back to the JSON they came
/// from.
pub trait EndpointVisitor {
    /// Called once per operation that is not a list.
    fn visit<E>(&mut self)
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: Serialize + Send + 'static;

    /// Called once per list operation; calls [`visit`](Self::visit) unless overridden.
    fn visit_list<E>(&mut self)
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: Page + Serialize + Send + 'static,
        <E::Response as Page>::Item: DeserializeOwned + Serialize + Send + 'static,
    {
        self.visit::<E>();
    }
}
