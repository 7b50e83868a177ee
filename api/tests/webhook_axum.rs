//! Webhooks through a real axum server on loopback (in progress).
