//! Twilio IAM: IAM v1 (API keys, OAuth apps) served from `https://iam.twilio.com`, and the
//! organizations API (users, accounts and role assignments of an organization) served
//! from `https://preview-iam.twilio.com`, whose requests need OAuth credentials.

#[cfg(feature = "iam-organizations")]
pub mod organizations;
#[cfg(feature = "iam-scim")]
pub mod scim;
#[cfg(feature = "iam-v1")]
pub mod v1;
