//! Invisible characters in pasted values: bidi controls and zero-width characters are shown as
//! visible markers (`⟨U+202E⟩`) everywhere the report repeats a value, and the `text.invisible`
//! rule says which fields of a card held them.
//!
//! This runs once over the finished report (`inspect`), for every family, so no reader needs to
//! know about it; the characters themselves are listed in `knowledge::invisible`.

use crate::context::Context;
use crate::explain::rule::{self, Rule};
use crate::knowledge::invisible::{self as table, Effect};
use crate::knowledge::sources;
use crate::report::{Artifact, Finding, Report, Severity};

/// What one card held: the fields with invisible characters and the characters met.
pub struct InvisibleView {
    pub fields: Vec<String>,
    pub chars: Vec<&'static table::Invisible>,
}

/// The rules over a card's invisible characters (one).
pub const RULES: &[Rule<InvisibleView>] = &[Rule {
    id: "text.invisible-characters",
    severity: Severity::Warning,
    title: "Pasted values hold invisible or direction-changing characters",
    source: Some(sources::UNICODE_REPORTS_TR9),
    check: invisible_characters,
}];

fn invisible_characters(view: &InvisibleView, _: &Context) -> Vec<Finding> {
    if view.chars.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = view
        .chars
        .iter()
        .map(|c| format!("{} ({})", marker(c.ch), c.name))
        .collect();
    let bidi = view.chars.iter().any(|c| c.effect == Effect::Bidi);
    let zero_width = view.chars.iter().any(|c| c.effect == Effect::ZeroWidth);
    let mut f = Finding::new(
        Severity::Warning,
        "Hidden characters in pasted values",
        format!(
            "{} hold {}, shown here as visible markers.",
            join_fields(&view.fields),
            names.join(", ")
        ),
    );
    if bidi {
        f = f.cause("A bidirectional control makes text display in another order than it is stored: a name, address or URL can look like a different one (the 'Trojan Source' trick).");
    }
    if zero_width {
        f = f.cause("A zero-width character makes two values that look the same differ, so a comparison (an issuer, an audience, a user name, a thumbprint) fails although both look equal; it often comes from copying out of a web page, a chat or a document.");
    }
    vec![f.step(crate::report::Step::new(
        "Retype the value or remove the marked characters before using it in a configuration or a command.",
    ))]
}

fn join_fields(fields: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut out = fields
        .iter()
        .take(SHOWN)
        .map(|f| format!("'{f}'"))
        .collect::<Vec<_>>()
        .join(", ");
    if fields.len() > SHOWN {
        out.push_str(&format!(" and {} more fields", fields.len() - SHOWN));
    }
    if fields.len() == 1 {
        format!("The field {out}")
    } else {
        format!("The fields {out}")
    }
}

/// How an invisible character is shown: `⟨U+202E⟩`.
pub fn marker(ch: char) -> String {
    format!("⟨U+{:04X}⟩", u32::from(ch))
}

/// The text with every invisible character replaced by its marker, and the characters met; `None`
/// when it holds none (the common case, found with one byte scan).
pub fn visible(text: &str) -> Option<(String, Vec<&'static table::Invisible>)> {
    // Every listed character is encoded starting with 0xE2 (U+2000..U+2FFF) or 0xEF (U+FEFF).
    memchr::memchr2(0xE2, 0xEF, text.as_bytes())?;
    let mut out = String::with_capacity(text.len() + 16);
    let mut met: Vec<&'static table::Invisible> = Vec::new();
    for ch in text.chars() {
        match table::lookup(ch) {
            Some(row) => {
                out.push_str(&marker(ch));
                if !met.iter().any(|m| m.ch == ch) {
                    met.push(row);
                }
            }
            None => out.push(ch),
        }
    }
    (!met.is_empty()).then_some((out, met))
}

/// Shows invisible characters as markers in the whole report, and adds the rule's finding to each
/// card whose fields held them.
pub fn mark(report: &mut Report, ctx: &Context) {
    for artifact in report
        .artifacts
        .iter_mut()
        .chain(report.key_artifacts.iter_mut())
    {
        mark_artifact(artifact, ctx);
    }
    report.for_each_text_mut(&mut |text| {
        if let Some((shown, _)) = visible(text) {
            *text = shown;
        }
    });
}

fn mark_artifact(artifact: &mut Artifact, ctx: &Context) {
    let mut view = InvisibleView {
        fields: Vec::new(),
        chars: Vec::new(),
    };
    for field in artifact
        .sections
        .iter_mut()
        .flat_map(|s| s.fields.iter_mut())
    {
        let mut held = false;
        // A field name comes from the paste too (a claim or a log field): it is marked here, since
        // the text pass over the report leaves names alone.
        if let Some((shown, met)) = visible(&field.name) {
            field.name = shown;
            held = true;
            for row in met {
                if !view.chars.iter().any(|c| c.ch == row.ch) {
                    view.chars.push(row);
                }
            }
        }
        let texts = [Some(&field.raw), field.shown.as_ref()];
        for (_, met) in texts.into_iter().flatten().filter_map(|t| visible(t)) {
            held = true;
            for row in met {
                if !view.chars.iter().any(|c| c.ch == row.ch) {
                    view.chars.push(row);
                }
            }
        }
        if held && !view.fields.contains(&field.name) {
            view.fields.push(field.name.clone());
        }
    }
    artifact.findings.extend(rule::run(RULES, &view, ctx));
    for child in &mut artifact.children {
        mark_artifact(child, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ArtifactKind, Field, Section, Span};

    #[test]
    fn bidi_and_zero_width_characters_become_markers_and_a_finding() {
        let mut artifact = Artifact::new(ArtifactKind::DecodedClaims, Span::new(0, 1), "Claims");
        let mut section = Section::new("Payload claims");
        section.push(Field::new("name", "Megan\u{202E}fdp.exe"));
        section.push(Field::new("upn", "admin\u{200B}@contoso.example"));
        section.push(Field::new("tid", "plain"));
        artifact.sections.push(section);
        artifact.verdict = "For user admin\u{200B}@contoso.example.".to_string();
        let mut report = Report {
            artifacts: vec![artifact],
            ..Report::default()
        };
        mark(&mut report, &Context::fixed());
        let text = crate::render::report_text(&report);
        assert!(text.contains("name: Megan⟨U+202E⟩fdp.exe"), "{text}");
        assert!(
            text.contains("For user admin⟨U+200B⟩@contoso.example."),
            "{text}"
        );
        assert!(
            !text.contains('\u{202E}') && !text.contains('\u{200B}'),
            "{text}"
        );
        let findings = &report.artifacts[0].findings;
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, "text.invisible-characters");
        assert!(
            findings[0].explanation.contains("'name', 'upn'")
                && findings[0].explanation.contains("right-to-left override"),
            "{}",
            findings[0].explanation
        );
    }

    #[test]
    fn plain_text_is_left_alone() {
        assert!(visible("Grüße – “quoted” ✓ 日本語").is_none());
        let mut report = Report::default();
        report.notices.push("plain".into());
        let before = report.clone();
        mark(&mut report, &Context::fixed());
        assert_eq!(report, before);
    }
}
