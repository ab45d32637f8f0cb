//! Decoder: x-ms-diagnostics values from Exchange, SharePoint, Skype and Entra.

use crate::context::Context;
use crate::report::Artifact;

/// Finds and decodes every occurrence in `text`.
pub fn scan(_text: &str, _ctx: &Context) -> Vec<Artifact> {
    Vec::new()
}
