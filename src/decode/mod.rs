//! Decoders: one module per artifact kind; each recognises its input in a paste and decodes it.
//!
//! A decoder never fails the whole paste: what it cannot read becomes a finding on its artifact.

pub mod aadsts;
pub mod cert;
pub mod der_util;
pub mod freb;
pub mod har;
pub mod headers;
pub mod http;
pub mod jwk;
pub mod pfx;
pub mod powershell;
pub mod service_error;
pub mod tokens;
pub mod w3c;

/// The old path of the x-ms-diagnostics decoder, kept so that `decode::xms_diagnostics::quoted_in`
/// (used by the correlator) still resolves; the helper itself lives in `crate::text`.
pub use http::xms_diagnostics;
