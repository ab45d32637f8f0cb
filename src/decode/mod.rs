//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod errors;
pub mod http;
pub mod known;
pub mod language;
pub mod logs;
pub mod powershell;
pub mod tokens;
pub mod x509;
