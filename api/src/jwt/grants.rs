//! The grants an access token carries.
