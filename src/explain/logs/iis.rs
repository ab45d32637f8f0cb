//! Explains IIS W3C log rows: one card per line for a short log, one summary card for a longer
//! one, the meaning of each field, the failure findings, and a card per logged header value.

use super::rule_finding;
use crate::context::Context;
use crate::decode::logs::exchange_csv;
use crate::decode::logs::iis;
use crate::decode::logs::row::{LogRow, RowProblem};
use crate::explain::rule::{self, Rule};
use crate::knowledge::headers::HeaderReader;
use crate::knowledge::{exchange_paths, iis as iis_table, sources, user_agents, w3c_fields, win32};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};
use crate::textmap;
use std::collections::BTreeMap;

/// Finds, decodes and explains every IIS W3C log (and Exchange CSV log) in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = super::exchange_csv::cards(&exchange_csv::logs(text), ctx);
    let rows = iis::rows(text);
    if rows.is_empty() {
        return out;
    }
    if rows.len() <= 5 {
        for r in &rows {
            out.push(line_card(r, ctx));
        }
    } else {
        out.push(summary_card(&rows, ctx));
    }
    // Header values logged in custom fields get their own cards. A long log repeats the same
    // values, so each distinct value is explained once and its card copied with the new span.
    let mut explained: BTreeMap<(HeaderReader, &str), Option<Artifact>> = BTreeMap::new();
    for h in rows.iter().flat_map(|r| &r.headers) {
        let card = explained
            .entry((h.kind, h.value.as_str()))
            .or_insert_with(|| {
                crate::explain::http::header_card(&h.field, &h.value, Span::new(0, 0), ctx)
            });
        if let Some(card) = card {
            let mut copy = card.clone();
            copy.span = h.span;
            out.push(copy);
        }
    }
    out
}

/// Rules over one log line.
pub const LINE_RULES: &[Rule<LogRow>] = &[
    Rule {
        id: "iis.fields-assumed",
        severity: Severity::Info,
        title: "A line without #Fields was read with IIS's default field set",
        source: Some(sources::HTTP_W3C_LOGGING),
        check: fields_assumed,
    },
    Rule {
        id: "iis.failed-request",
        severity: Severity::Error,
        title: "A line answered 4xx or 5xx: the status, substatus and win32 status explained",
        source: None,
        check: failed_request,
    },
    Rule {
        id: "iis.read-loosely",
        severity: Severity::Info,
        title: "A line that is not a whole W3C row was read from what is there, saying what was assumed",
        source: Some(sources::HTTP_W3C_LOGGING),
        check: read_loosely,
    },
];

fn fields_assumed(r: &LogRow, _: &Context) -> Vec<Finding> {
    rule_finding(r.guessed(), || {
        Finding::new(
        Severity::Info,
        "Field names assumed",
        "No #Fields line was pasted; the values match IIS's default W3C field set (sometimes without cs(Referer)), so those names were used. Paste the #Fields line to be sure.",
    )
    })
}

fn read_loosely(r: &LogRow, _: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    if r.problems.contains(&RowProblem::PrefixSkipped) {
        out.push(Finding::new(
            Severity::Info,
            "Text before the date left out",
            "The line starts with text that is not part of an IIS log row (a label, a line number or quoting); the row was read from its date on.",
        ));
    }
    for p in &r.problems {
        if let RowProblem::ReadLoosely { unplaced } = p {
            let rest = match unplaced {
                0 => String::new(),
                1 => " One value between them could not be given a field name.".to_string(),
                n => format!(" {n} values between them could not be given field names."),
            };
            out.push(Finding::new(
                Severity::Info,
                "Read from the method, path and status",
                format!("The line is not a whole W3C row (no date, cut, or with placeholders instead of values), so it was read from its method, path and the status, substatus and win32 status after them; the other fields follow IIS's default order where their count fits.{rest} Paste the whole line with its #Fields line to be sure."),
            ));
        }
    }
    out
}

fn failed_request(r: &LogRow, _: &Context) -> Vec<Finding> {
    failure_finding(r).into_iter().collect()
}

fn line_card(r: &LogRow, ctx: &Context) -> Artifact {
    let (st, sub) = (r.status, r.substatus);
    let stem = r.path.as_deref().unwrap_or("-");
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        r.span,
        format!(
            "IIS W3C log line: {} {stem} -> {st}.{sub}",
            r.method.as_deref().unwrap_or("")
        ),
    );
    a.verdict = format!(
        "{} {stem} answered {st}.{sub}{}.",
        r.method.as_deref().unwrap_or("request"),
        r.win32
            .filter(|w| *w != 0)
            .map(|w| format!(" (win32 {w} = 0x{w:08X})"))
            .unwrap_or_default()
    );
    let loose = r
        .problems
        .iter()
        .any(|p| matches!(p, RowProblem::ReadLoosely { .. }));
    let mut s = Section::new(if loose {
        "Fields (not a whole row: named from the method, path and status)"
    } else if r.guessed() {
        "Fields (no #Fields line: the default IIS field set was assumed because the count matches)"
    } else {
        "Fields (from the #Fields line)"
    });
    for f in &r.fields {
        s.push(field(&f.name, &f.value, r));
    }
    a.sections.push(s);
    a.findings = rule::run(LINE_RULES, r, ctx);
    a
}

fn query_field(f: Field, value: &str) -> Field {
    let decoded = textmap::iis_decode(value);
    let mut notes = Vec::new();
    for part in decoded.split(['&', ';']) {
        if let Some((k, v)) = part.split_once('=') {
            if let Some(q) = w3c_fields::query_param(k) {
                notes.push(format!("{} {v}: {}", q.label, q.meaning));
            }
        }
    }
    if value.contains(":6001") {
        notes.push("server:6001 is the mailbox RPC endpoint of Outlook Anywhere".into());
    }
    let f = f.shown(crate::mask::query(&decoded));
    if notes.is_empty() {
        f.meaning("the query string")
    } else {
        f.meaning(notes.join("; "))
            .source(sources::CLIENT_ACCESS_CLIENT_ACCESS)
    }
}

fn win32_field(f: Field, value: &str) -> Field {
    let code: u32 = value.parse().unwrap_or(0);
    if code == 0 {
        return f.meaning("win32 status 0: no Windows error");
    }
    match win32::win32(code) {
        Some(wrow) => f
            .shown(format!("0x{code:08X} {}", wrow.name))
            .meaning(format!("win32 status: {}", wrow.meaning))
            .source(wrow.source),
        None => f
            .shown(format!("0x{code:08X}"))
            .meaning("win32 status (Windows error code)"),
    }
}

fn field(name: &str, value: &str, r: &LogRow) -> Field {
    let (st, sub) = (r.status, r.substatus);
    let lower = name.to_ascii_lowercase();
    // A query string is shown with its secret-bearing parameters masked (the one rule in mask.rs).
    let f = if lower == "cs-uri-query" {
        Field::new(name, crate::mask::query(value))
    } else {
        Field::new(name, value)
    };
    if let Some(fixed) = w3c_fields::field(&lower) {
        return f.meaning(fixed.meaning);
    }
    match lower.as_str() {
        "s-port" => f.meaning(w3c_fields::port(value).map_or("server port", |p| p.meaning)),
        "cs-method" => match exchange_paths::verb(value) {
            Some(v) => f.meaning(v.meaning).source(v.source),
            None => f.meaning("HTTP method"),
        },
        "cs-uri-stem" => match exchange_paths::path(value) {
            Some(p) => f.meaning(p.protocol).source(p.source),
            None => f.meaning("the path requested"),
        },
        "cs-uri-query" => query_field(f, value),
        "cs-username" if value == "-" => {
            f.meaning("'-': anonymous, the request was not authenticated (no user name)")
        }
        "cs-username" => f.meaning("the authenticated user"),
        "cs(user-agent)" => {
            let ua = textmap::iis_decode(value);
            match user_agents::client(&ua) {
                Some(agent) => f.shown(ua).meaning(agent.client).source(agent.source),
                None => f.shown(ua),
            }
        }
        "sc-status" => match iis_table::status(st, sub) {
            Some(row) => f
                .shown(format!("{st}.{sub}"))
                .meaning(row.meaning)
                .source(row.source),
            None => f.shown(format!("{st}.{sub}")).meaning("HTTP status"),
        },
        "sc-win32-status" => win32_field(f, value),
        _ if lower.contains("www-authenticate") || lower.contains("x-ms-diagnostics") => f
            .shown(textmap::iis_decode(value))
            .meaning("a logged response header; explained in its own card"),
        _ => f,
    }
}

/// The finding of a failed line (status 400 or more), else `None`.
fn failure_finding(r: &LogRow) -> Option<Finding> {
    let (st, sub) = (r.status, r.substatus);
    if st < 400 {
        return None;
    }
    let stem = r.path.as_deref().unwrap_or("-");
    let row = iis_table::status(st, sub);
    let sev = if st >= 500 {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = row.map_or_else(|| format!("HTTP {st}"), |r| r.meaning.to_string());
    let mut f = Finding::new(sev, format!("HTTP {st}.{sub} on {stem}"), what);
    if let Some(row) = row {
        f = f.source(row.source);
        if !row.fix.is_empty() {
            f = f.step(Step::new(row.fix));
        }
    }
    if let Some(code) = r.win32.filter(|w| *w != 0) {
        if let Some(wrow) = win32::win32(code) {
            f = f.cause(format!(
                "win32 status {code} = 0x{code:08X} {}: {}",
                wrow.name, wrow.meaning
            ));
        } else {
            f = f.cause(format!("win32 status {code} = 0x{code:08X}"));
        }
    }
    if r.user.as_deref() == Some("-") && st == 401 {
        f = f.cause("cs-username is '-': the request carried no accepted credentials (anonymous).");
    }
    if let Some(v) = r.method.as_deref().and_then(exchange_paths::verb) {
        f = f.cause(format!("The request is {}.", v.meaning));
    } else if let Some(p) = exchange_paths::path(stem) {
        f = f.cause(format!("The endpoint is {}.", p.protocol));
    }
    Some(f)
}

/// Status.substatus, lower-case path and win32 status of a failed line.
type FailureKey = (String, String, String);

/// Distinct failures of a log: key -> (index of the first line, number of lines).
fn distinct_failures(rows: &[LogRow]) -> BTreeMap<FailureKey, (usize, usize)> {
    let mut distinct = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.status >= 400 {
            let key = (
                format!("{}.{}", r.status, r.substatus),
                r.path.as_deref().unwrap_or("-").to_ascii_lowercase(),
                r.win32.unwrap_or(0).to_string(),
            );
            distinct.entry(key).or_insert((i, 0)).1 += 1;
        }
    }
    distinct
}

/// Rules over a whole log (more than five lines).
pub const LOG_RULES: &[Rule<[LogRow]>] = &[
    Rule {
        id: "iis.log-failure",
        severity: Severity::Error,
        title: "Each distinct failure of a longer log (status, path, win32 status), counted",
        source: None,
        check: log_failures,
    },
    Rule {
        id: "iis.log-fields-assumed",
        severity: Severity::Info,
        title: "Some lines of a longer log were read with IIS's default field set",
        source: Some(sources::HTTP_W3C_LOGGING),
        check: log_fields_assumed,
    },
];

fn log_failures(rows: &[LogRow], _: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (idx, count) in distinct_failures(rows).values() {
        if let Some(mut f) = rows.get(*idx).and_then(failure_finding) {
            f.title = format!("{} ({count} lines)", f.title);
            out.push(f);
        }
    }
    out
}

fn log_fields_assumed(rows: &[LogRow], _: &Context) -> Vec<Finding> {
    rule_finding(rows.iter().any(LogRow::guessed), || {
        Finding::new(
        Severity::Info,
        "Field names assumed",
        "Some lines had no #Fields line above them; IIS's default W3C field set was assumed because the count matches.",
    )
    })
}

fn summary_card(rows: &[LogRow], ctx: &Context) -> Artifact {
    let first = rows.first().map_or(0, |r| r.span.start);
    let last = rows.last().map_or(0, |r| r.span.end);
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        Span::new(first, last),
        format!("IIS W3C log ({} lines)", rows.len()),
    );
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for r in rows {
        *by_status
            .entry(format!("{}.{}", r.status, r.substatus))
            .or_default() += 1;
    }
    let distinct = distinct_failures(rows);
    let failures: usize = distinct.values().map(|v| v.1).sum();
    a.verdict = format!(
        "{} log lines; {failures} failed; {} distinct failures.",
        rows.len(),
        distinct.len()
    );
    let mut s = Section::new("Lines by status");
    for (k, v) in &by_status {
        let (st, sub) = k.split_once('.').unwrap_or((k, "0"));
        let mut f = Field::new(k.clone(), format!("{v} lines"));
        if let Some(row) = iis_table::status(st.parse().unwrap_or(0), sub.parse().unwrap_or(0)) {
            f = f.meaning(row.meaning).source(row.source);
        }
        s.push(f);
    }
    a.sections.push(s);
    let mut d = Section::new("Distinct failures");
    for ((status, stem, w), (idx, count)) in &distinct {
        let ua = rows
            .get(*idx)
            .and_then(|r| r.user_agent.clone())
            .unwrap_or_default();
        d.push(
            Field::new(format!("{status} {stem}"), format!("{count} lines"))
                .meaning(format!("win32 {w}; first user agent {ua}")),
        );
    }
    if !d.fields.is_empty() {
        a.sections.push(d);
    }
    a.findings = rule::run(LOG_RULES, rows, ctx);
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::logs::row::RowProblem;

    fn row(status: u16, guessed: bool) -> LogRow {
        LogRow {
            status,
            substatus: 1,
            win32: Some(2148074254),
            path: Some("/EWS/Exchange.asmx".into()),
            user: Some("-".into()),
            problems: if guessed {
                vec![RowProblem::FieldNamesAssumed]
            } else {
                Vec::new()
            },
            ..LogRow::default()
        }
    }

    #[test]
    fn fields_assumed_fires_only_without_a_fields_line() {
        let ctx = Context::fixed();
        assert_eq!(LINE_RULES[0].apply(&row(200, true), &ctx).len(), 1);
        assert!(LINE_RULES[0].apply(&row(200, false), &ctx).is_empty());
    }

    #[test]
    fn failed_request_explains_status_and_win32() {
        let ctx = Context::fixed();
        let f = LINE_RULES[1].apply(&row(401, false), &ctx);
        assert_eq!(f[0].title, "HTTP 401.1 on /EWS/Exchange.asmx");
        assert_eq!(f[0].rule, "iis.failed-request");
        assert!(f[0].causes.iter().any(|c| c.contains("0x8009030E")));
        assert!(LINE_RULES[1].apply(&row(200, false), &ctx).is_empty());
    }

    #[test]
    fn log_rules_count_distinct_failures() {
        let ctx = Context::fixed();
        let rows = vec![row(401, false), row(401, true), row(200, false)];
        let f = LOG_RULES[0].apply(&rows, &ctx);
        assert_eq!(f.len(), 1);
        assert!(f[0].title.ends_with("(2 lines)"));
        assert!(LOG_RULES[0].apply(&[row(200, false)], &ctx).is_empty());
        assert_eq!(LOG_RULES[1].apply(&rows, &ctx).len(), 1);
        assert!(LOG_RULES[1].apply(&[row(401, false)], &ctx).is_empty());
    }

    #[test]
    fn default_fields_are_guessed_and_explained() {
        let t = "2022-09-02 02:43:29 10.7x.xx.2x POST /EWS/Exchange.asmx &CorrelationID=<empty>;&cafeReqId=e7a7da63; 443 - 172.20.1.1 AppleExchangeWebServices/818.0.1 - 401 1 2148074254 5";
        let a = scan(t, &Context::fixed());
        assert_eq!(a.len(), 1);
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("0x8009030E"), "{text}");
        assert!(text.contains("anonymous"));
        assert!(text.contains("Mac"));
    }

    #[test]
    fn fields_line_with_custom_headers_and_summary() {
        let mut t = String::from("#Fields: date time cs-method cs-uri-stem sc-status sc-substatus sc-win32-status sc(WWW-Authenticate)\n");
        for i in 0..8 {
            t.push_str(&format!(
                "2019-05-13 10:00:0{i} GET /api/v2.0/me 401 0 0 Bearer+error=\"invalid_token\"\n\n"
            ));
        }
        let a = scan(&t, &Context::fixed());
        assert_eq!(a[0].title, "IIS W3C log (8 lines)");
        assert!(a.iter().any(|x| x.kind == ArtifactKind::Challenge));
        assert!(scan("2022-09-02 is a date and nothing else", &Context::fixed()).is_empty());
    }
}
