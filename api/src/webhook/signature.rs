//! Twilio's request signatures (`X-Twilio-Signature`).
