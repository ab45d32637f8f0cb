//! Rules: the one unit a finding comes from (id, severity, title, source, check) and their runner.

use crate::context::Context;
use crate::report::{Finding, Severity};

/// One check over a record of type `R`, described as data.
///
/// `severity` is the most serious level the rule reports (a check may report a milder one);
/// `title` says what the rule looks for; `source` is the page it cites (a `knowledge::sources`
/// constant). The check returns the findings it makes for one record, usually none or one; the
/// runner stamps each with the rule id and, when the finding names no source, the rule's source.
pub struct Rule<R: ?Sized> {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub source: Option<&'static str>,
    pub check: fn(&R, &Context) -> Vec<Finding>,
}

/// A rule described without its check, for catalogue tests and listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub source: Option<&'static str>,
}

impl<R: ?Sized> Rule<R> {
    /// The rule as data.
    pub const fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id,
            severity: self.severity,
            title: self.title,
            source: self.source,
        }
    }

    /// Runs this rule alone (for its unit test) and stamps what it finds.
    pub fn apply(&self, record: &R, ctx: &Context) -> Vec<Finding> {
        let mut out = (self.check)(record, ctx);
        for finding in &mut out {
            self.stamp(finding);
        }
        out
    }

    fn stamp(&self, finding: &mut Finding) {
        finding.rule = self.id;
        if finding.source.is_none() {
            finding.source = self.source.map(str::to_string);
        }
        debug_assert!(
            finding.severity >= self.severity,
            "rule {} reported {:?}, worse than its declared {:?}",
            self.id,
            finding.severity,
            self.severity
        );
    }
}

/// Runs every rule of a catalogue over one record, in catalogue order, and collects the findings.
pub fn run<R: ?Sized>(rules: &[Rule<R>], record: &R, ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in rules {
        out.extend(rule.apply(record, ctx));
    }
    out
}

/// The catalogue as data.
pub fn infos<R: ?Sized>(rules: &[Rule<R>]) -> Vec<RuleInfo> {
    rules.iter().map(Rule::info).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Age(i64);

    fn too_old(age: &Age, _: &Context) -> Vec<Finding> {
        if age.0 > 10 {
            vec![Finding::new(Severity::Warning, "Old", "It is old.")]
        } else {
            Vec::new()
        }
    }

    const RULES: &[Rule<Age>] = &[Rule {
        id: "test.too-old",
        severity: Severity::Warning,
        title: "Record is older than ten",
        source: Some("https://example.org/age"),
        check: too_old,
    }];

    #[test]
    fn the_runner_stamps_the_rule_id_and_its_source() {
        let found = run(RULES, &Age(11), &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "test.too-old");
        assert_eq!(found[0].source.as_deref(), Some("https://example.org/age"));
        assert!(run(RULES, &Age(3), &Context::fixed()).is_empty());
        assert_eq!(infos(RULES)[0].id, "test.too-old");
    }
}
