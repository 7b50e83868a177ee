//! Access tokens for Twilio's client SDKs (Conversations, Voice, Video, Sync).
