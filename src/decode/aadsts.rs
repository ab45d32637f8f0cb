//! Decoder: AADSTS error bodies, error_description text and AADSTSnnnn fragments.

use crate::context::Context;
use crate::report::Artifact;

/// Finds and decodes every occurrence in `text`.
pub fn scan(_text: &str, _ctx: &Context) -> Vec<Artifact> {
    Vec::new()
}
