//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod aadsts;
pub mod authorization;
pub mod challenge;
pub mod claims_json;
pub mod explain_token;
pub mod freb;
pub mod har;
pub mod headers;
pub mod jwt;
pub mod powershell;
pub mod service_error;
pub mod w3c;
pub mod x509;
pub mod xms_diagnostics;

/// The certificate card under its old path, for `correlate::signature` until it reads evidence only.
pub use crate::explain::x509::certificate as cert;
