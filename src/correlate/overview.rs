//! diagnosis.overview: a paste with many refusals gets one overview, each distinct failure once
//! with its count, and the first fix for the most frequent one.

use super::view::{fact, seen};
use crate::context::Context;
use crate::explain::Rule;
use crate::report::{Finding, Report, Severity};

/// One failure kind in a paste, with the artifacts that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub key: String,
    pub indexes: Vec<usize>,
    pub count: usize,
}

/// What the overview reads: the paste's failures, the diagnoses made, and each top-level card's
/// first actionable finding.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub failures: Vec<Failure>,
    pub diagnoses: Vec<Finding>,
    /// By top-level artifact index: its (or its children's) first finding with steps that is not
    /// informational.
    pub card_fixes: Vec<Option<Finding>>,
}

impl Overview {
    /// Gathers what the overview needs from the report and the merged diagnoses.
    pub fn of(report: &Report, diagnoses: Vec<Finding>) -> Overview {
        let card_fixes = report
            .artifacts
            .iter()
            .map(|a| {
                std::iter::once(a)
                    .chain(a.children.iter())
                    .flat_map(|x| x.findings.iter())
                    .find(|x| !x.steps.is_empty() && x.severity != Severity::Info)
                    .cloned()
            })
            .collect();
        Overview {
            failures: failures(report),
            diagnoses,
            card_fixes,
        }
    }
}

/// How the overview's top-fix step starts ("Top fix for 2000010 (title): step").
pub const TOP_FIX_PREFIX: &str = "Top fix for ";

pub const RULE: Rule<Overview> = Rule {
    id: "diagnosis.overview",
    severity: Severity::Error,
    title: "Many refusals in one paste: each distinct failure with its count and the top fix",
    // The source is the top fix's, when there is one.
    source: None,
    check,
};

/// Distinct failures (x-ms-diagnostics codes, AADSTS codes, service error codes, and Bearer
/// errors when no x-ms-diagnostics explains them) with how often each appears.
fn failures(report: &Report) -> Vec<Failure> {
    let all = seen(report);
    let any_diagnostics = all
        .iter()
        .any(|s| s.artifact.evidence.diagnostics.is_some());
    let mut out: Vec<Failure> = Vec::new();
    let mut add = |key: String, index: usize| match out.iter_mut().find(|f| f.key == key) {
        Some(f) => {
            f.count += 1;
            if !f.indexes.contains(&index) {
                f.indexes.push(index);
            }
        }
        None => out.push(Failure {
            key,
            indexes: vec![index],
            count: 1,
        }),
    };
    for s in &all {
        let ev = &s.artifact.evidence;
        if let Some(d) = &ev.diagnostics {
            let key = match (d.code, d.category.as_deref()) {
                (Some(c), Some(cat)) => format!("{c} {cat}"),
                (Some(c), None) => c.to_string(),
                (None, Some(cat)) => cat.to_string(),
                (None, None) => "x-ms-diagnostics".to_string(),
            };
            add(key, s.index);
        }
        for c in &ev.aadsts {
            add(format!("AADSTS{c}"), s.index);
        }
        if let Some(code) = fact(s.artifact, "service_error") {
            add(code.to_string(), s.index);
        }
        if !any_diagnostics {
            if let Some(e) = ev.challenge.as_ref().and_then(|c| c.error.as_deref()) {
                add(format!("Bearer error={e}"), s.index);
            }
        }
    }
    out
}

fn check(view: &Overview, _: &Context) -> Vec<Finding> {
    overview(view).into_iter().collect()
}

fn overview(view: &Overview) -> Option<Finding> {
    let mut list = view.failures.clone();
    let total: usize = list.iter().map(|f| f.count).sum();
    if total < 3 || (list.len() < 2 && total < 4) {
        return None;
    }
    // Most frequent first; equal counts keep the order of the paste.
    crate::sort::by_key(&mut list, |f| std::cmp::Reverse(f.count));
    let summary = list
        .iter()
        .map(|f| format!("{} \u{d7}{}", f.key, f.count))
        .collect::<Vec<_>>()
        .join(", ");
    let top = list.first()?;
    let mut f = Finding::new(
        Severity::Error,
        format!("{total} refusals in this paste, {} distinct", list.len()),
        summary,
    );
    // The top fix: a diagnosis about the most frequent failure, else that failure's own card.
    // It is only named when one failure is the most frequent and has artifacts of its own (failures
    // nested in one HAR card share its index, so a fix found there could belong to another one).
    let most_frequent = list.get(1).is_none_or(|second| top.count > second.count);
    let own: Vec<usize> = top
        .indexes
        .iter()
        .copied()
        .filter(|i| !list.iter().skip(1).any(|other| other.indexes.contains(i)))
        .collect();
    let from_diagnosis = view
        .diagnoses
        .iter()
        .find(|d| d.refers_to.iter().any(|i| own.contains(i)) && !d.steps.is_empty());
    let from_card = || view.card_fixes.get(*own.first()?)?.as_ref();
    let best = if most_frequent && !own.is_empty() {
        from_diagnosis.or_else(from_card)
    } else {
        None
    };
    if let Some(best) = best {
        let step = best
            .steps
            .iter()
            .find(|s| !s.unsupported)
            .or_else(|| best.steps.first());
        if let Some(step) = step {
            let mut step = step.clone();
            step.text = format!(
                "{TOP_FIX_PREFIX}{} ({}): {}",
                top.key, best.title, step.text
            );
            f = f.step(step);
            f.source = best.source.clone();
        }
    }
    f.refers_to = list
        .iter()
        .flat_map(|x| x.indexes.iter().copied())
        .collect();
    f.refers_to.dedup();
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Step;

    fn failure(key: &str, index: usize, count: usize) -> Failure {
        Failure {
            key: key.into(),
            indexes: vec![index],
            count,
        }
    }

    #[test]
    fn counts_failures_and_names_the_top_fix() {
        let fix =
            Finding::new(Severity::Error, "Secret", "x").step(Step::new("Use a certificate."));
        let view = Overview {
            failures: vec![failure("2000010", 0, 3), failure("AADSTS50013", 1, 1)],
            diagnoses: Vec::new(),
            card_fixes: vec![Some(fix), None],
        };
        let found = RULE.apply(&view, &Context::fixed());
        assert_eq!(found[0].title, "4 refusals in this paste, 2 distinct");
        assert!(found[0].steps[0]
            .text
            .starts_with("Top fix for 2000010 (Secret)"));
        let few = Overview {
            failures: vec![failure("2000010", 0, 2)],
            ..Overview::default()
        };
        assert!(RULE.apply(&few, &Context::fixed()).is_empty());
    }
}
