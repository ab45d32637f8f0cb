//! The single entry point of the core: text in, Report out.

use crate::context::Context;
use crate::correlate;
use crate::find;
use crate::report::Report;
use crate::text::cut_to;

/// The largest paste inspected in full; the rest is ignored with a notice, so the page stays fast.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Finds, decodes and explains everything in `text`, then correlates what belongs together.
pub fn inspect(text: &str, ctx: &Context) -> Report {
    inspect_with_keys(text, "", ctx)
}

/// Like `inspect`, with a second text that holds keys (certificates, JWKS, secrets) to verify with.
pub fn inspect_with_keys(text: &str, keys: &str, ctx: &Context) -> Report {
    inspect_up_to(text, keys, ctx, MAX_INPUT_BYTES)
}

/// Like `inspect_with_keys`, over the whole text however long (the CLI reads whole files).
pub fn inspect_whole_with_keys(text: &str, keys: &str, ctx: &Context) -> Report {
    inspect_up_to(text, keys, ctx, usize::MAX)
}

fn inspect_up_to(text: &str, keys: &str, ctx: &Context, max: usize) -> Report {
    let mut report = Report::default();
    let text = clip(text, max, &mut report);
    if text.trim().is_empty() && keys.trim().is_empty() {
        return report;
    }
    report.artifacts = find::find_all(text, ctx);
    if !keys.trim().is_empty() {
        report.key_artifacts = find::find_all(clip(keys, max, &mut report), ctx);
    }
    correlate::correlate(&mut report, ctx);
    crate::explain::invisible::mark(&mut report, ctx);
    for artifact in report
        .artifacts
        .iter_mut()
        .chain(report.key_artifacts.iter_mut())
    {
        artifact.sort_findings();
    }
    crate::sort::by_key(&mut report.diagnoses, |f| f.severity);
    crate::explain::one_answer::fold(&mut report);
    crate::explain::language::note(&mut report, text);
    if report.artifacts.is_empty() && report.key_artifacts.is_empty() {
        report.notices.push(find::nothing_found());
    }
    report
}

fn clip<'a>(text: &'a str, max: usize, report: &mut Report) -> &'a str {
    if text.len() <= max {
        return text;
    }
    report.notices.push(format!(
        "The paste is {} KB; only the first {} KB were inspected.",
        text.len() / 1024,
        max / 1024
    ));
    cut_to(text, max)
}
