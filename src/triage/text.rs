//! The triage summary as plain text (one line per group with its code and count) and as CSV.

use super::summary::{Group, GroupKind, Summary};
use crate::report::Severity;

/// Groups printed per kind in the text form (the JSON and CSV forms hold every group).
const SHOWN: usize = 15;
/// The widest bar of the failure chart.
const BAR: u64 = 40;

/// A number with thousands separators (`12,345`).
fn n(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// The summary as text: totals, then each kind of group, then the failure series.
pub fn summary_text(s: &Summary) -> String {
    let mut out = String::new();
    let share = if s.requests > 0 {
        format!(
            " ({:.2}% of requests)",
            s.failures as f64 * 100.0 / s.requests as f64
        )
    } else {
        String::new()
    };
    out.push_str(&format!(
        "Triage: {} lines ({}), {} requests, {} failures{share}, {} of error severity.\n",
        n(s.lines),
        megabytes(s.bytes),
        n(s.requests),
        n(s.failures),
        n(s.errors),
    ));
    if let (Some(f), Some(l)) = (&s.first, &s.last) {
        out.push_str(&format!("Failures seen from {f} to {l}.\n"));
    }
    if s.long_lines > 0 {
        out.push_str(&format!(
            "{} lines longer than 1 MB were skipped.\n",
            n(s.long_lines)
        ));
    }
    if s.failures == 0 {
        out.push_str("No failed request and no AADSTS or x-ms-diagnostics error found.\n");
        return out;
    }
    for kind in GroupKind::ALL {
        let groups = s.groups(kind);
        if groups.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", kind.title()));
        for g in groups.iter().take(SHOWN) {
            let detail = match (&g.detail, kind) {
                (Some(d), GroupKind::Diagnostic) => {
                    format!(" reason \"{}\"", crate::text::ellipsis(d, 100))
                }
                (Some(d), _) => format!(" {d}"),
                (None, _) => String::new(),
            };
            let when = match (&g.first, &g.last) {
                (Some(f), Some(l)) => format!("  {f} .. {l}"),
                _ => String::new(),
            };
            let label = if g.label.is_empty() {
                String::new()
            } else {
                format!("  {}", crate::text::ellipsis(&g.label, 120))
            };
            out.push_str(&format!(
                "  {}{detail}  {} {}  {}{when}{label}\n",
                g.key,
                n(g.count),
                if g.count == 1 { "failure" } else { "failures" },
                severity_word(g.severity),
            ));
        }
        if groups.len() > SHOWN {
            out.push_str(&format!(
                "  ... and {} more (all of them with --json or --csv)\n",
                groups.len() - SHOWN
            ));
        }
    }
    out.push_str(&series_text(s));
    out
}

pub(crate) fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
        Severity::Ok => "ok",
    }
}

fn series_text(s: &Summary) -> String {
    let (step, buckets) = s.series();
    if buckets.is_empty() {
        return String::new();
    }
    let unit = match step {
        1 => "minute",
        10 => "10 minutes",
        60 => "hour",
        1440 => "day",
        _ => "week",
    };
    let max = buckets.iter().map(|b| b.failures).max().unwrap_or(1).max(1);
    let mut out = format!("\nFailures per {unit}\n");
    for b in &buckets {
        let bar = "#".repeat(usize::try_from(b.failures * BAR / max).unwrap_or(0));
        out.push_str(&format!("  {}  {:>9}  {bar}\n", b.start, n(b.failures)));
    }
    out
}

/// One CSV field, quoted, with inner quotes doubled.
pub fn csv_field(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

/// The groups as CSV: kind, key, detail, label, count, severity, first and last seen.
pub fn summary_csv(s: &Summary) -> String {
    groups_csv(GroupKind::ALL.into_iter().flat_map(|kind| s.groups(kind)))
}

/// CSV of any groups, one row each under the header of `summary_csv`.
pub fn groups_csv<'a>(groups: impl Iterator<Item = &'a Group>) -> String {
    let mut out = String::from("kind,key,detail,label,count,severity,first,last\n");
    for g in groups {
        let kind_name = serde_json::to_value(g.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let row = [
            csv_field(&kind_name),
            csv_field(&g.key),
            csv_field(g.detail.as_deref().unwrap_or("")),
            csv_field(&g.label),
            g.count.to_string(),
            severity_word(g.severity).to_string(),
            csv_field(g.first.as_deref().unwrap_or("")),
            csv_field(g.last.as_deref().unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(n(0), "0");
        assert_eq!(n(999), "999");
        assert_eq!(n(1_234_567), "1,234,567");
    }
}
