//! Explains Exchange's CSV logs (HttpProxy, EWS): one card per log with its distinct failures as
//! findings and its failed rows field by field, and a card per x-ms-diagnostics text in a row.

use super::rule_finding;
use crate::context::Context;
use crate::decode::logs::exchange_csv::{embedded_diagnostics, ExchangeLog, ExchangeRow};
use crate::explain::rule::{self, Rule};
use crate::knowledge::{exchange_log_fields, exchange_paths, iis, user_agents};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use std::collections::BTreeMap;

/// At most this many failed rows are listed field by field.
const MAX_ROWS: usize = 20;

/// The cards of every Exchange CSV log.
pub fn cards(logs: &[ExchangeLog], ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for log in logs {
        out.extend(log_cards(log, ctx));
    }
    out
}

/// Rules over one Exchange CSV log.
pub const RULES: &[Rule<ExchangeLog>] = &[
    Rule {
        id: "exchlog.failed-request",
        severity: Severity::Error,
        title: "Each distinct failure of an HttpProxy or EWS log (status, back-end status, path, authentication, error code)",
        source: None,
        check: failed_requests,
    },
    Rule {
        id: "exchlog.rows-truncated",
        severity: Severity::Info,
        title: "More failed rows than the card lists",
        source: None,
        check: rows_truncated,
    },
];

/// HttpStatus, BackEndStatus, UrlStem, AuthenticationType and ErrorCode of a failed row.
type FailureKey = (String, String, String, String, String);

fn failed(log: &ExchangeLog) -> Vec<&ExchangeRow> {
    log.rows.iter().filter(|r| r.failed).collect()
}

fn failed_requests(log: &ExchangeLog, _: &Context) -> Vec<Finding> {
    let mut distinct: BTreeMap<FailureKey, (usize, &ExchangeRow)> = BTreeMap::new();
    for r in failed(log) {
        let key = (
            r.get("HttpStatus").to_string(),
            r.get("BackEndStatus").to_string(),
            r.get("UrlStem").to_ascii_lowercase(),
            r.get("AuthenticationType").to_string(),
            r.get("ErrorCode").to_string(),
        );
        distinct.entry(key).or_insert((0, r)).0 += 1;
    }
    distinct
        .iter()
        .map(|(key, (count, r))| failure_finding(key, *count, r))
        .collect()
}

fn failure_finding(key: &FailureKey, count: usize, r: &ExchangeRow) -> Finding {
    let (status, backend, stem, auth, code) = key;
    let mut f = Finding::new(
        if status.starts_with('5') {
            Severity::Error
        } else {
            Severity::Warning
        },
        format!(
            "HTTP {} on {} ({} row{})",
            if status.is_empty() { "?" } else { status },
            if stem.is_empty() { "?" } else { stem },
            count,
            if count == 1 { "" } else { "s" }
        ),
        format!(
            "AuthenticationType {}, IsAuthenticated {}, BackEndStatus {}, ErrorCode {}.",
            or_empty(auth),
            or_empty(r.get("IsAuthenticated")),
            or_empty(backend),
            or_empty(code)
        ),
    );
    if backend.is_empty() && status.starts_with('4') {
        f = f.cause("No BackEndStatus: the front end answered itself, so the request was refused before it was proxied to a mailbox server.");
    }
    if let Some(row) = iis::status(status.parse().unwrap_or(0), 0) {
        f = f.source(row.source);
    }
    let errors = r.get("GenericErrors");
    if let Some((_, d)) = embedded_diagnostics(errors) {
        f = f.cause(format!(
            "GenericErrors holds x-ms-diagnostics {} {}: {}",
            d.code.map(|c| c.to_string()).unwrap_or_default(),
            d.category().unwrap_or_default(),
            d.reason().unwrap_or_default()
        ));
    } else if !errors.is_empty() {
        f = f.cause(format!(
            "GenericErrors: {}",
            crate::text::ellipsis(errors, 300)
        ));
    }
    f
}

fn rows_truncated(log: &ExchangeLog, _: &Context) -> Vec<Finding> {
    let n = failed(log).len();
    rule_finding(n > MAX_ROWS, || {
        Finding::new(
            Severity::Info,
            "Only the first 20 failed rows are listed",
            format!("{n} rows failed; the findings above count all of them."),
        )
    })
}

fn log_cards(log: &ExchangeLog, ctx: &Context) -> Vec<Artifact> {
    let protocol = log.protocol();
    let kind = if log.ews {
        "Exchange EWS log"
    } else {
        "Exchange HttpProxy log"
    };
    let failed = failed(log);
    let rows = log.rows.len();
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        log.span(),
        if protocol.is_empty() {
            format!("{kind} ({rows} rows)")
        } else {
            format!("{kind}, {protocol} ({rows} rows)")
        },
    );
    a.verdict = format!(
        "{rows} rows; {} with an error status or error text.",
        failed.len()
    );
    for (i, r) in failed.iter().take(MAX_ROWS).enumerate() {
        let mut s = Section::new(format!(
            "Failed row {}: {} {} -> {}",
            i + 1,
            r.get("Method"),
            r.get("UrlStem"),
            r.get("HttpStatus")
        ));
        for field in exchange_log_fields::FIELDS {
            let v = r.get(field.name);
            if !v.trim().is_empty() {
                s.push(exchange_field(field.name, v));
            }
        }
        a.sections.push(s);
    }
    a.findings = rule::run(RULES, log, ctx);
    let mut out = vec![a];
    for h in log.rows.iter().flat_map(|r| &r.row.headers) {
        out.extend(embedded_header_card(&h.value, h.span, ctx));
    }
    out
}

/// The card of x-ms-diagnostics text inside a logged field.
fn embedded_header_card(value: &str, span: Span, ctx: &Context) -> Option<Artifact> {
    let (_, d) = embedded_diagnostics(value)?;
    Some(crate::explain::http::xms_diagnostics::card(&d, span, ctx))
}

fn exchange_field(name: &str, value: &str) -> Field {
    let f = Field::new(name, value);
    let meaning = exchange_log_fields::meaning(name);
    match name {
        "UrlStem" => match exchange_paths::path(value) {
            Some(p) => f.meaning(p.protocol).source(p.source),
            None => f.meaning("the path requested"),
        },
        "UserAgent" => match user_agents::client(value) {
            Some(agent) => f.meaning(agent.client).source(agent.source),
            None => f,
        },
        "IsAuthenticated" => f.meaning(if value.eq_ignore_ascii_case("false") {
            "False: the caller was not authenticated when the row was written"
        } else {
            "whether the caller was authenticated"
        }),
        "HttpStatus" | "BackEndStatus" => {
            let code: u16 = value.trim().parse().unwrap_or(0);
            match iis::status(code, 0) {
                Some(row) => f
                    .meaning(format!("{meaning}: {}", row.meaning))
                    .source(row.source),
                None => f.meaning(meaning),
            }
        }
        _ if name.contains("Errors") || name == "ErrorCode" || name == "GenericInfo" => {
            if value.contains("reason=") {
                f.meaning("holds x-ms-diagnostics text; explained in its own card")
            } else {
                f
            }
        }
        _ => f.meaning(meaning),
    }
}

fn or_empty(s: &str) -> &str {
    if s.trim().is_empty() {
        "(empty)"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::logs::exchange_csv::logs;

    fn log(failed_rows: usize) -> ExchangeLog {
        let mut t = String::from("DateTime,Protocol,UrlStem,HttpStatus,BackEndStatus\n");
        for i in 0..failed_rows {
            t.push_str(&format!(
                "2024-01-01T00:00:{i:02}Z,Ews,/EWS/Exchange.asmx,401,\n"
            ));
        }
        t.push_str("2024-01-01T00:01:00Z,Ews,/EWS/Exchange.asmx,200,200\n");
        logs(&t).remove(0)
    }

    #[test]
    fn failed_request_counts_each_distinct_failure() {
        let ctx = Context::fixed();
        let f = RULES[0].apply(&log(2), &ctx);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].title, "HTTP 401 on /ews/exchange.asmx (2 rows)");
        assert!(f[0].causes[0].starts_with("No BackEndStatus"));
        assert!(RULES[0].apply(&log(0), &ctx).is_empty());
    }

    #[test]
    fn rows_truncated_fires_past_twenty_failed_rows() {
        let ctx = Context::fixed();
        assert_eq!(RULES[1].apply(&log(21), &ctx).len(), 1);
        assert!(RULES[1].apply(&log(20), &ctx).is_empty());
    }
}
