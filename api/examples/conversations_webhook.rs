//! Serves Conversations webhooks on loopback and prints each verified event (in progress).
fn main() {}
