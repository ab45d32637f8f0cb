//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod aadsts;
pub mod authorization;
pub mod cert;
pub mod challenge;
pub mod claims_json;
pub mod der_util;
pub mod explain_token;
pub mod jwk;
pub mod jwt;
pub mod logs;
pub mod pfx;
pub mod powershell;
pub mod service_error;
pub mod xms_diagnostics;
