//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod errors;
pub mod freb;
pub mod har;
pub mod headers;
pub mod http;
pub mod powershell;
pub mod tokens;
pub mod w3c;
pub mod x509;
