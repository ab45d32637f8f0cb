//! A triage summary as the page holds it (read back from `Summary::to_json`), the filter the page
//! applies to its groups (kind, text, time range), and the exports of what is shown: CSV, JSON and
//! Markdown for a support ticket. Pure data, so the page and the tests share it.

use super::summary::{Bucket, Group, GroupKind, Summary};
use super::text::{groups_csv, severity_word};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The summary of a triage run in the shape of `Summary::to_json`, with the inputs read and the
/// files that could not be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub bytes: u64,
    pub lines: u64,
    pub requests: u64,
    pub failures: u64,
    pub errors: u64,
    #[serde(default)]
    pub long_lines_skipped: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    pub groups: BTreeMap<GroupKind, Vec<Group>>,
    pub series_bucket_minutes: i64,
    pub series: Vec<Bucket>,
    #[serde(default)]
    pub inputs: Vec<String>,
    /// Files that were not read, each with the reason.
    #[serde(default)]
    pub skipped: Vec<String>,
}

/// Which groups to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// One kind of group only.
    pub kind: Option<GroupKind>,
    /// Text the key, detail or meaning holds (ASCII case ignored); empty keeps every group.
    pub text: String,
    /// Only groups seen at or after this time (`YYYY-MM-DD HH:MM:SS`, see `normalise_time`).
    pub from: Option<String>,
    /// Only groups seen at or before this time.
    pub to: Option<String>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.text.trim().is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// True when the group passes: its kind, text, and a first..last span that meets the time
    /// range (a group without times is left out once a range is set).
    pub fn keeps(&self, g: &Group) -> bool {
        if self.kind.is_some_and(|k| k != g.kind) {
            return false;
        }
        let needle = self.text.trim().to_ascii_lowercase();
        if !needle.is_empty() {
            let hit = |s: &str| s.to_ascii_lowercase().contains(&needle);
            if !hit(&g.key) && !hit(&g.label) && !g.detail.as_deref().is_some_and(hit) {
                return false;
            }
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let (Some(first), Some(last)) = (&g.first, &g.last) else {
            return false;
        };
        self.from.as_ref().is_none_or(|f| last >= f) && self.to.as_ref().is_none_or(|t| first <= t)
    }

    /// True when a series bucket starting at `start` (`YYYY-MM-DD HH:MM`) is inside the range.
    pub fn keeps_bucket(&self, start: &str, minutes: i64) -> bool {
        let begin = format!("{start}:00");
        let end = super::time::minute_of(&begin)
            .map(|m| super::time::minute_text(m + minutes.max(1) - 1) + ":59")
            .unwrap_or_else(|| begin.clone());
        self.from.as_ref().is_none_or(|f| end >= *f) && self.to.as_ref().is_none_or(|t| begin <= *t)
    }
}

impl View {
    /// The summary as a view (what `Summary::to_json` holds, built without a JSON value, so the
    /// worker serialises it with the same code as the page's JSON export).
    pub fn from_summary(s: &Summary, inputs: Vec<String>, skipped: Vec<String>) -> View {
        let (series_bucket_minutes, series) = s.series();
        View {
            bytes: s.bytes,
            lines: s.lines,
            requests: s.requests,
            failures: s.failures,
            errors: s.errors,
            long_lines_skipped: s.long_lines,
            first: s.first.clone(),
            last: s.last.clone(),
            groups: GroupKind::ALL
                .iter()
                .map(|k| (*k, s.groups(*k).into_iter().cloned().collect()))
                .collect(),
            series_bucket_minutes,
            series,
            inputs,
            skipped,
        }
    }

    /// Reads the JSON of `Summary::to_json` (with `inputs` and `skipped` when present).
    pub fn from_json(json: &str) -> Result<View, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// The groups of one kind that pass the filter, in the summary's order (most frequent first).
    pub fn shown(&self, kind: GroupKind, filter: &Filter) -> Vec<&Group> {
        self.groups
            .get(&kind)
            .map(|gs| gs.iter().filter(|g| filter.keeps(g)).collect())
            .unwrap_or_default()
    }

    /// The same summary with only the groups and series buckets that pass the filter (totals are
    /// those of the whole run).
    pub fn filtered(&self, filter: &Filter) -> View {
        let mut out = self.clone();
        for groups in out.groups.values_mut() {
            groups.retain(|g| filter.keeps(g));
        }
        out.groups.retain(|_, gs| !gs.is_empty());
        let minutes = self.series_bucket_minutes;
        out.series
            .retain(|b| filter.keeps_bucket(&b.start, minutes));
        out
    }

    /// The groups as CSV (the columns of `tokenlens triage --csv`).
    pub fn csv(&self) -> String {
        groups_csv(
            GroupKind::ALL
                .iter()
                .flat_map(|k| self.groups.get(k))
                .flatten(),
        )
    }

    /// The summary as pretty JSON.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The summary as Markdown for a support ticket: totals, a table per kind of group, the first
    /// example line of each group (secrets already masked) and the failure series.
    pub fn markdown(&self, filter: &Filter) -> String {
        let mut out = String::from("# tokenlens triage\n\n");
        if !self.inputs.is_empty() {
            out.push_str(&format!("Inputs: {}\n\n", md(&self.inputs.join(", "))));
        }
        out.push_str(&format!(
            "{} lines, {} requests, {} failures, {} of error severity.",
            self.lines, self.requests, self.failures, self.errors
        ));
        if let (Some(f), Some(l)) = (&self.first, &self.last) {
            out.push_str(&format!(" Failures seen from {f} to {l}."));
        }
        out.push('\n');
        if !filter.is_empty() {
            out.push_str(&format!("\nFiltered: {}.\n", filter_words(filter)));
        }
        for kind in GroupKind::ALL {
            let Some(groups) = self.groups.get(&kind).filter(|g| !g.is_empty()) else {
                continue;
            };
            out.push_str(&format!("\n## {}\n\n", kind.title()));
            out.push_str(
                "| Key | Detail | Meaning | Count | Severity | First seen | Last seen |\n",
            );
            out.push_str("|---|---|---|---:|---|---|---|\n");
            for g in groups {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} | {} |\n",
                    md(&g.key),
                    md(g.detail.as_deref().unwrap_or("")),
                    md(&g.label),
                    g.count,
                    severity_word(g.severity),
                    g.first.as_deref().unwrap_or(""),
                    g.last.as_deref().unwrap_or(""),
                ));
            }
            let examples: Vec<String> = groups
                .iter()
                .filter_map(|g| g.examples.first().map(|e| (g, e)))
                .map(|(g, e)| format!("{} ({} line {}): {}", g.key, e.origin, e.line, e.text))
                .collect();
            if !examples.is_empty() {
                out.push_str("\nExample lines (secrets masked):\n\n```text\n");
                for e in examples {
                    out.push_str(&e.replace("```", "'''"));
                    out.push('\n');
                }
                out.push_str("```\n");
            }
        }
        if !self.series.is_empty() {
            out.push_str(&format!(
                "\n## Failures per {}\n\n| Start | Failures |\n|---|---:|\n",
                unit_words(self.series_bucket_minutes)
            ));
            for b in &self.series {
                out.push_str(&format!("| {} | {} |\n", b.start, b.failures));
            }
        }
        out
    }
}

/// The bucket length of the failure series in words.
pub fn unit_words(minutes: i64) -> &'static str {
    match minutes {
        1 => "minute",
        10 => "10 minutes",
        60 => "hour",
        1440 => "day",
        _ => "week",
    }
}

/// The filter in words, for an export.
fn filter_words(f: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(k) = f.kind {
        parts.push(k.title().to_string());
    }
    if !f.text.trim().is_empty() {
        parts.push(format!("text \"{}\"", md(f.text.trim())));
    }
    if let Some(from) = &f.from {
        parts.push(format!("from {from}"));
    }
    if let Some(to) = &f.to {
        parts.push(format!("to {to}"));
    }
    parts.join(", ")
}

/// Text for a Markdown table cell: pipes escaped, line breaks and backticks made harmless.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
        .replace('`', "'")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::super::{triage_text, Options};
    use super::*;

    const LOG: &str = "#Fields: date time cs-method cs-uri-stem cs-username cs(User-Agent) sc-status sc-substatus sc-win32-status sc(x-ms-diagnostics)\n\
2024-05-02 10:00:00 GET /EWS/Exchange.asmx - Outlook-iOS/2.0 401 0 0 2000008;reason=\"The+token+should+have+valid+permissions.\";error_category=\"invalid_grant\"\n\
2024-05-02 10:30:00 GET /EWS/Exchange.asmx - Outlook-iOS/2.0 401 0 0 2000008;reason=\"The+token+should+have+valid+permissions.\";error_category=\"invalid_grant\"\n\
2024-05-02 12:00:00 POST /mapi/nspi/ CONTOSO\\ann Microsoft+Office/16.0 500 0 0 -\n\
2024-05-02 12:00:01 POST /mapi/nspi/ CONTOSO\\ann Microsoft+Office/16.0 200 0 0 -\n";

    fn view() -> View {
        let summary = triage_text(LOG, Options::default());
        View::from_json(&summary.to_json().to_string()).expect("the summary JSON reads back")
    }

    #[test]
    fn the_summary_json_reads_back_with_every_group() {
        let v = view();
        assert_eq!((v.requests, v.failures, v.errors), (4, 3, 3));
        let statuses: Vec<(&str, u64)> = v.groups[&GroupKind::Status]
            .iter()
            .map(|g| (g.key.as_str(), g.count))
            .collect();
        assert_eq!(statuses, [("401.0", 2), ("500.0", 1)]);
        assert_eq!(v.groups[&GroupKind::Diagnostic][0].key, "2000008");
        assert!(!v.series.is_empty());
        // The CSV of the read-back view is the CLI's CSV of the same summary.
        let summary = triage_text(LOG, Options::default());
        assert_eq!(v.csv(), super::super::summary_csv(&summary));
        // The view built directly (as the worker does) is the one read back from the JSON.
        assert_eq!(View::from_summary(&summary, Vec::new(), Vec::new()), v);
        let json: serde_json::Value = serde_json::from_str(&v.json()).unwrap_or_default();
        let mut expected = summary.to_json();
        expected["inputs"] = serde_json::json!([]);
        expected["skipped"] = serde_json::json!([]);
        assert_eq!(json, expected, "the view's JSON is the CLI's --json");
    }

    #[test]
    fn filters_keep_groups_by_kind_text_and_time() {
        let v = view();
        let by_kind = Filter {
            kind: Some(GroupKind::Status),
            ..Filter::default()
        };
        assert_eq!(v.shown(GroupKind::Status, &by_kind).len(), 2);
        assert!(v.shown(GroupKind::Endpoint, &by_kind).is_empty());
        let by_text = Filter {
            text: "MAPI".into(),
            ..Filter::default()
        };
        let shown = v.filtered(&by_text);
        assert_eq!(shown.groups.len(), 1);
        assert_eq!(shown.groups[&GroupKind::Endpoint][0].key, "/mapi/nspi");
        let morning = Filter {
            to: Some("2024-05-02 11:00:00".into()),
            ..Filter::default()
        };
        let shown = v.filtered(&morning);
        let statuses: Vec<&str> = shown.groups[&GroupKind::Status]
            .iter()
            .map(|g| g.key.as_str())
            .collect();
        assert_eq!(statuses, ["401.0"]);
        assert!(shown
            .series
            .iter()
            .all(|b| b.start.as_str() <= "2024-05-02 11:00"));
        assert!(shown.series.len() < v.series.len());
    }

    #[test]
    fn markdown_has_a_table_per_kind_with_escaped_cells() {
        let mut v = view();
        v.inputs = vec!["u_ex240502.log".into()];
        if let Some(g) = v
            .groups
            .get_mut(&GroupKind::User)
            .and_then(|g| g.first_mut())
        {
            g.key = "a|b".into();
        }
        let md = v.markdown(&Filter::default());
        assert!(md.contains("Inputs: u_ex240502.log"));
        assert!(md.contains("## HTTP status.substatus and win32 status"));
        assert!(md.contains("| 401.0 |"));
        assert!(md.contains("a\\|b"), "{md}");
        assert!(md.contains("## Failures per"));
    }
}
