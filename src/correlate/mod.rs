//! Cross-artifact findings: a token and the refusal it got, a key and the token it signed.

pub mod diagnosis;
pub mod signature;

use crate::context::Context;
use crate::report::Report;

/// Adds every finding that needs more than one artifact to `report.diagnoses` (or to the artifacts).
pub fn correlate(report: &mut Report, ctx: &Context) {
    signature::verify_tokens(report, ctx);
    diagnosis::diagnose(report, ctx);
}
