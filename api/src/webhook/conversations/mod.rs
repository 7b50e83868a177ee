//! Conversations' webhooks, typed.
