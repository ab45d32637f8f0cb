//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod authorization;
pub mod cert;
pub mod challenge;
pub mod claims_json;
pub mod der_util;
pub mod errors;
pub mod explain_token;
pub mod freb;
pub mod har;
pub mod headers;
pub mod jwk;
pub mod jwt;
pub mod pfx;
pub mod powershell;
pub mod w3c;
pub mod xms_diagnostics;
