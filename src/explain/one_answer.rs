//! One answer, not three: a fix step that an earlier finding of the report already gives (the
//! diagnoses at the top first, then the cards in paste order) is not repeated; the later finding
//! keeps only its new steps and names where the rest is given, by the card's number, which the
//! text and the page both show (the page may order cards by severity, so no "above").
//!
//! This runs once over the finished, sorted report (`inspect`), so no rule needs to know which
//! other rules give the same fix.

use crate::correlate::overview::TOP_FIX_PREFIX;
use crate::report::{Artifact, Finding, Report, Step};
use std::collections::HashMap;

/// Removes repeated fix steps from `report`, pointing each finding that lost steps to the first
/// finding that gives them.
pub fn fold(report: &mut Report) {
    let mut given: HashMap<String, String> = HashMap::new();
    for finding in &mut report.diagnoses {
        let place = format!("the diagnosis \"{}\"", finding.title);
        fold_finding(finding, &place, &mut given);
    }
    for (i, artifact) in report.artifacts.iter_mut().enumerate() {
        fold_artifact(artifact, &format!("[{}]", i + 1), &mut given);
    }
    for (i, artifact) in report.key_artifacts.iter_mut().enumerate() {
        fold_artifact(artifact, &format!("[key {}]", i + 1), &mut given);
    }
}

fn fold_artifact(artifact: &mut Artifact, card: &str, given: &mut HashMap<String, String>) {
    for finding in &mut artifact.findings {
        let place = format!("{card} \"{}\"", finding.title);
        fold_finding(finding, &place, given);
    }
    for child in &mut artifact.children {
        fold_artifact(child, card, given);
    }
}

fn fold_finding(finding: &mut Finding, place: &str, given: &mut HashMap<String, String>) {
    if finding.steps.is_empty() {
        return;
    }
    let mut kept = Vec::with_capacity(finding.steps.len());
    for step in std::mem::take(&mut finding.steps) {
        let key = key(&step);
        match given.get(&key) {
            // A step repeated inside one finding is dropped without pointing to itself.
            Some(first) if first == place => {}
            Some(first) => {
                if finding.same_fix_as.is_none() {
                    finding.same_fix_as = Some(first.clone());
                }
            }
            None => {
                given.insert(key, place.to_string());
                kept.push(step);
            }
        }
    }
    finding.steps = kept;
}

/// What makes two steps the same: their text and their command (two steps that run the same
/// command for different reasons are different advice), with the overview's "Top fix for X
/// (title): " lead removed, whitespace collapsed and ASCII case folded.
fn key(step: &Step) -> String {
    let text = step
        .text
        .strip_prefix(TOP_FIX_PREFIX)
        .and_then(|rest| rest.split_once("): ").map(|(_, step)| step))
        .unwrap_or(&step.text);
    let command = step.command.as_deref().unwrap_or_default();
    let words: Vec<&str> = text
        .split_whitespace()
        .chain(std::iter::once("\u{0}"))
        .chain(command.split_whitespace())
        .collect();
    words.join(" ").to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ArtifactKind, Severity, Span};

    fn finding(title: &str, steps: &[&str]) -> Finding {
        steps
            .iter()
            .fold(Finding::new(Severity::Error, title, "x"), |f, s| {
                f.step(Step::new(*s))
            })
    }

    fn card(findings: Vec<Finding>) -> Artifact {
        let mut a = Artifact::new(ArtifactKind::Known, Span::new(0, 1), "card");
        a.findings = findings;
        a
    }

    #[test]
    fn a_step_given_at_the_top_is_not_repeated_in_the_cards() {
        let mut report = Report {
            diagnoses: vec![finding(
                "Secret instead of certificate",
                &["Upload a certificate to the app."],
            )],
            artifacts: vec![
                card(vec![finding(
                    "AADSTS700027",
                    &["Upload a  certificate to the app.", "Check the kid."],
                )]),
                card(vec![finding("AADSTS700027", &["Check the kid."])]),
            ],
            ..Report::default()
        };
        fold(&mut report);
        assert_eq!(report.diagnoses[0].steps.len(), 1);
        assert_eq!(report.diagnoses[0].same_fix_as, None);
        let first = &report.artifacts[0].findings[0];
        assert_eq!(first.steps.len(), 1, "the new step stays");
        assert_eq!(first.steps[0].text, "Check the kid.");
        assert_eq!(
            first.same_fix_as.as_deref(),
            Some("the diagnosis \"Secret instead of certificate\"")
        );
        let second = &report.artifacts[1].findings[0];
        assert!(second.steps.is_empty());
        assert_eq!(second.same_fix_as.as_deref(), Some("[1] \"AADSTS700027\""));
        let text = crate::render::report_text(&report);
        assert_eq!(text.matches("Check the kid.").count(), 1, "{text}");
        assert!(text.contains("fix: as given in [1] \"AADSTS700027\""));
    }

    #[test]
    fn the_overview_top_fix_counts_as_given() {
        let top = format!("{TOP_FIX_PREFIX}2000010 (Secret): Use a certificate.");
        let mut report = Report {
            diagnoses: vec![finding("4 refusals", &[&top])],
            artifacts: vec![card(vec![finding("2000010", &["Use a certificate."])])],
            ..Report::default()
        };
        fold(&mut report);
        assert!(report.artifacts[0].findings[0].steps.is_empty());
    }

    #[test]
    fn the_same_command_for_other_advice_is_kept_and_a_finding_never_points_to_itself() {
        let with = |text: &str| Step::with_command(text, "Get-AcceptedDomain");
        let mut report = Report {
            artifacts: vec![
                card(vec![Finding::new(Severity::Error, "a", "x")
                    .step(with("List the accepted domains."))
                    .step(Step::new("Once."))
                    .step(Step::new("Once."))]),
                card(vec![Finding::new(Severity::Error, "b", "x")
                    .step(with("Define every accepted domain explicitly."))]),
            ],
            ..Report::default()
        };
        fold(&mut report);
        let a = &report.artifacts[0].findings[0];
        assert_eq!(
            a.steps.len(),
            2,
            "the repeated step inside one finding is dropped"
        );
        assert_eq!(
            a.same_fix_as, None,
            "and the finding does not point to itself"
        );
        assert_eq!(report.artifacts[1].findings[0].steps.len(), 1);
    }

    #[test]
    fn different_steps_are_all_kept() {
        let mut report = Report {
            artifacts: vec![
                card(vec![finding("a", &["One."])]),
                card(vec![finding("b", &["Two."])]),
            ],
            ..Report::default()
        };
        let before = report.clone();
        fold(&mut report);
        assert_eq!(report, before);
    }
}
