//! The plain-text form of a Report: one function used by "copy as text", the CLI and golden files.

use crate::report::{Artifact, Finding, Report};
use std::fmt::Write;

/// Renders the whole report as plain text.
pub fn report_text(report: &Report) -> String {
    let mut out = String::new();
    for notice in &report.notices {
        let _ = writeln!(out, "NOTE: {notice}");
    }
    if !report.diagnoses.is_empty() {
        let _ = writeln!(out, "=== Diagnosis ===");
        for finding in &report.diagnoses {
            finding_text(&mut out, finding, "");
        }
        out.push('\n');
    }
    for (i, artifact) in report.artifacts.iter().enumerate() {
        let _ = writeln!(out, "=== [{}] {} ===", i + 1, artifact.title);
        artifact_body(&mut out, artifact, "");
        out.push('\n');
    }
    for (i, artifact) in report.key_artifacts.iter().enumerate() {
        let _ = writeln!(out, "=== [key {}] {} ===", i + 1, artifact.title);
        artifact_body(&mut out, artifact, "");
        out.push('\n');
    }
    out
}

/// Renders one artifact (with its children) as plain text, for the per-card copy button.
pub fn artifact_text(artifact: &Artifact) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "=== {} ===", artifact.title);
    artifact_body(&mut out, artifact, "");
    out
}

/// Renders one finding as plain text, for the per-diagnosis copy button.
pub fn finding_to_text(finding: &Finding) -> String {
    let mut out = String::new();
    finding_text(&mut out, finding, "");
    out
}

fn artifact_body(out: &mut String, artifact: &Artifact, indent: &str) {
    if !artifact.verdict.is_empty() {
        let _ = writeln!(out, "{indent}{}", artifact.verdict);
    }
    for finding in &artifact.findings {
        finding_text(out, finding, indent);
    }
    for section in &artifact.sections {
        let _ = writeln!(out, "{indent}-- {} --", section.title);
        for field in &section.fields {
            let _ = write!(out, "{indent}  {}: {}", field.name, field.raw);
            if let Some(shown) = &field.shown {
                let _ = write!(out, " => {shown}");
            }
            if let Some(meaning) = &field.meaning {
                let _ = write!(out, " ({meaning})");
            }
            if field.unknown {
                out.push_str(" [unknown]");
            }
            out.push('\n');
        }
    }
    for child in &artifact.children {
        let _ = writeln!(out, "{indent}  >>> {}", child.title);
        let deeper = format!("{indent}    ");
        artifact_body(out, child, &deeper);
    }
}

fn finding_text(out: &mut String, finding: &Finding, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}[{}] {}: {}",
        finding.severity.label(),
        finding.title,
        finding.explanation
    );
    for (i, cause) in finding.causes.iter().enumerate() {
        let _ = writeln!(out, "{indent}    cause {}: {cause}", i + 1);
    }
    for (i, step) in finding.steps.iter().enumerate() {
        let marker = if step.unsupported {
            " (UNSUPPORTED by Microsoft)"
        } else {
            ""
        };
        let _ = writeln!(out, "{indent}    fix {}{marker}: {}", i + 1, step.text);
        if let Some(command) = &step.command {
            for line in command.lines() {
                let _ = writeln!(out, "{indent}        {line}");
            }
        }
    }
    if let Some(given) = &finding.same_fix_as {
        let _ = writeln!(out, "{indent}    fix: as given in {given}");
    }
    if let Some(source) = &finding.source {
        let _ = writeln!(out, "{indent}    source: {source}");
    }
}
