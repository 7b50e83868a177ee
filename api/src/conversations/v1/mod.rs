//! Conversations v1, one module per resource.

pub mod service_configuration;
