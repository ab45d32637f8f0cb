//! Decoder: PKCS#12 (.pfx/.p12) files pasted as base64.

use crate::context::Context;
use crate::report::Artifact;

/// Finds and decodes every occurrence in `text`.
pub fn scan(_text: &str, _ctx: &Context) -> Vec<Artifact> {
    Vec::new()
}
