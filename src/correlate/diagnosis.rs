//! Diagnoses that join an error (x-ms-diagnostics, challenge, AADSTS) with the token that caused it.

use crate::context::Context;
use crate::report::Report;

/// Adds diagnoses for combinations of artifacts in the same paste.
pub fn diagnose(_report: &mut Report, _ctx: &Context) {}
