//! Decoder: JWK, JWKS and app manifest keyCredentials.

use crate::context::Context;
use crate::report::{Artifact, Span};

/// Finds and decodes every occurrence in `text`.
pub fn scan(_text: &str, _ctx: &Context) -> Vec<Artifact> {
    Vec::new()
}

/// Spans of JSON that this decoder reads, so the certificate decoder leaves their base64 alone.
pub fn claimed_spans(_text: &str) -> Vec<Span> {
    Vec::new()
}
