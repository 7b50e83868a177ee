//! An axum extractor for verified webhooks.
