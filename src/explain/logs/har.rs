//! Explains a HAR file: a summary card of the requests (by status, by host, the failed
//! authentication exchanges) with one child card per failed exchange (`har_entry.rs`).
//!
//! Design: a HAR is one JSON document whose response headers, bodies and redirect URLs would also
//! be found, one by one and without their request, by the header, AADSTS and error-body decoders.
//! To keep the report free of such duplicates, this card owns the whole HAR span: each failed
//! exchange gets a child card holding the request and, as grandchildren, the decoded refusal. The
//! finder (`find.rs`) drops every other artifact that starts inside a HAR card's span, so nothing
//! is reported twice. Tokens are the exception: the JWT decoder still finds bearer tokens anywhere
//! in the text, and the entry only says which request carried one.

use super::har_entry::{answered_later, endpoint_name, entry_card};
use super::rule_finding;
use crate::context::Context;
use crate::decode::logs::har::{self, Exchange, Har};
use crate::decode::logs::row::redact_url;
use crate::explain::rule::{self, Rule};
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};
use std::collections::BTreeMap;

/// At most this many failed exchanges get their own child card; the rest are counted.
const MAX_CHILDREN: usize = 60;

/// Finds, decodes and explains a HAR document in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    har::read(text)
        .map(|h| vec![summary(&h, ctx)])
        .unwrap_or_default()
}

/// What the rules read of a HAR: its failed exchanges, how many of them are real failures (not
/// handshakes), and what could not be read.
pub struct HarView {
    pub failures: usize,
    pub real: usize,
    pub cut: bool,
    pub unreadable: usize,
}

impl HarView {
    pub fn new(har: &Har) -> Self {
        let failures = failures(har);
        let real = failures
            .iter()
            .filter(|x| answered_later(x, &har.exchanges).is_none())
            .count();
        HarView {
            failures: failures.len(),
            real,
            cut: har.cut,
            unreadable: har.unreadable,
        }
    }
}

/// The exchanges that failed authentication, in order.
fn failures(har: &Har) -> Vec<&Exchange> {
    har.exchanges
        .iter()
        .filter(|x| x.is_auth_failure())
        .collect()
}

/// Rules over a whole HAR, in the order their findings are listed.
pub const RULES: &[Rule<HarView>] = &[
    Rule {
        id: "har.more-failures-than-cards",
        severity: Severity::Info,
        title: "More failed exchanges than the card explains one by one",
        source: None,
        check: more_than_cards,
    },
    Rule {
        id: "har.auth-failures",
        severity: Severity::Error,
        title: "The HAR records authentication failures that no retry fixed",
        source: Some(sources::AZURE_PORTAL_CAPTURE_BROWSER_TRACE),
        check: auth_failures,
    },
    Rule {
        id: "har.only-challenges",
        severity: Severity::Info,
        title: "Every 401 was followed by a successful retry: normal handshakes only",
        source: Some(sources::AZURE_PORTAL_CAPTURE_BROWSER_TRACE),
        check: only_challenges,
    },
    Rule {
        id: "har.no-failure",
        severity: Severity::Ok,
        title: "No authentication failure recorded",
        source: Some(sources::AZURE_PORTAL_CAPTURE_BROWSER_TRACE),
        check: no_failure,
    },
    Rule {
        id: "har.cut",
        severity: Severity::Warning,
        title: "The HAR document does not end",
        source: Some(sources::HAR_OVERVIEW),
        check: cut,
    },
    Rule {
        id: "har.unreadable-entries",
        severity: Severity::Warning,
        title: "Entries that are not valid JSON",
        source: None,
        check: unreadable,
    },
    Rule {
        id: "har.holds-secrets",
        severity: Severity::Info,
        title: "A HAR records cookies, tokens and form posts",
        source: Some(sources::AZURE_PORTAL_CAPTURE_BROWSER_TRACE),
        check: holds_secrets,
    },
];

fn more_than_cards(v: &HarView, _: &Context) -> Vec<Finding> {
    let n = v.failures;
    rule_finding(n > MAX_CHILDREN, || {
        Finding::new(
        Severity::Info,
        "More failures than cards",
        format!("{n} failed exchanges are listed above; the first {MAX_CHILDREN} are explained one by one."),
    )
    })
}

fn auth_failures(v: &HarView, _: &Context) -> Vec<Finding> {
    let real = v.real;
    rule_finding(real > 0, || {
        Finding::new(
        Severity::Error,
        format!("{real} authentication failure{} in the HAR", if real == 1 { "" } else { "s" }),
        "Each failed exchange below shows the request, the status and the decoded refusal (WWW-Authenticate, x-ms-diagnostics, AADSTS or the error body).",
    )
    })
}

fn only_challenges(v: &HarView, _: &Context) -> Vec<Finding> {
    rule_finding(v.real == 0 && v.failures > 0, || {
        Finding::new(
        Severity::Info,
        "Only normal challenges",
        "Every 401 in this HAR was followed by a successful retry of the same request: that is the usual challenge-then-credentials handshake, not a failure.",
    )
    })
}

fn no_failure(v: &HarView, _: &Context) -> Vec<Finding> {
    rule_finding(v.failures == 0, || {
        Finding::new(
        Severity::Ok,
        "No authentication failure recorded",
        "No 401 or 403, no WWW-Authenticate or x-ms-diagnostics header and no AADSTS error was recorded. If the problem shows in the browser, capture again with 'Preserve log' on and reproduce it.",
    )
    })
}

fn cut(v: &HarView, _: &Context) -> Vec<Finding> {
    rule_finding(v.cut, || {
        Finding::new(
        Severity::Warning,
        "The HAR is cut",
        "The document does not end; only its complete entries were read. Paste or drop the whole file.",
    )
    })
}

fn unreadable(v: &HarView, _: &Context) -> Vec<Finding> {
    let n = v.unreadable;
    rule_finding(n > 0, || {
        Finding::new(
            Severity::Warning,
            "Unreadable entries",
            format!("{n} entries are not valid JSON and were skipped."),
        )
    })
}

fn holds_secrets(_: &HarView, _: &Context) -> Vec<Finding> {
    vec![Finding::new(
        Severity::Info,
        "A HAR holds secrets",
        "HAR files record cookies, tokens and form posts (including passwords typed into sign-in pages). They stay in this page; remove or sanitise them before attaching a HAR to a ticket.",
    )]
}

fn summary(har: &Har, ctx: &Context) -> Artifact {
    let exchanges = &har.exchanges;
    let failures = &failures(har);
    let mut a = Artifact::new(
        ArtifactKind::Har,
        har.span,
        format!("HAR file ({} requests)", exchanges.len()),
    );
    let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
    let mut hosts: BTreeMap<String, usize> = BTreeMap::new();
    for x in exchanges {
        *by_status.entry(x.status).or_default() += 1;
        let host = x
            .url
            .split("://")
            .nth(1)
            .and_then(|r| r.split(['/', '?']).next())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !host.is_empty() {
            *hosts.entry(host).or_default() += 1;
        }
    }
    let tokens = exchanges
        .iter()
        .filter(|x| {
            x.request_header("authorization")
                .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("bearer"))
        })
        .count();
    a.verdict = format!(
        "{} recorded; {} failed authentication exchange{}; {} request{} carried a Bearer token.",
        requests_word(exchanges.len()),
        failures.len(),
        if failures.len() == 1 { "" } else { "s" },
        tokens,
        if tokens == 1 { "" } else { "s" }
    );
    let mut s = Section::new("Requests by status");
    for (status, count) in &by_status {
        let label = if *status == 0 {
            "0 (no response: blocked, cancelled or failed before an answer)".to_string()
        } else {
            status.to_string()
        };
        s.push(Field::new(label, requests_word(*count)));
    }
    a.sections.push(s);
    let mut h = Section::new("Hosts");
    for (host, count) in &hosts {
        h.push(Field::new(host.clone(), requests_word(*count)));
    }
    if !h.fields.is_empty() {
        a.sections.push(h);
    }
    if !failures.is_empty() {
        let mut list = Section::new("Failed authentication exchanges");
        for x in failures {
            list.push(
                Field::new(
                    format!("#{}", x.index),
                    format!("{} {} -> {}", x.method, redact_url(&x.url), x.status),
                )
                .meaning(endpoint_name(&x.url).unwrap_or("")),
            );
        }
        a.sections.push(list);
    }
    for x in failures.iter().take(MAX_CHILDREN) {
        a.children.push(entry_card(x, exchanges, ctx));
    }
    a.findings = rule::run(RULES, &HarView::new(har), ctx);
    a
}

/// "1 request" or "N requests".
fn requests_word(count: usize) -> String {
    if count == 1 {
        "1 request".to_string()
    } else {
        format!("{count} requests")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn har_text(entries: &str) -> String {
        format!("{{\"log\":{{\"version\":\"1.2\",\"creator\":{{\"name\":\"WebInspector\",\"version\":\"537.36\"}},\"entries\":[{entries}]}}}}")
    }

    const OK: &str = r#"{"request":{"method":"GET","url":"https://x/ok","headers":[]},"response":{"status":200,"headers":[]}}"#;
    const FAIL: &str = r#"{"request":{"method":"GET","url":"https://x/api","headers":[]},"response":{"status":403,"headers":[]}}"#;
    const CHALLENGE: &str = r#"{"request":{"method":"GET","url":"https://x/ok","headers":[]},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Negotiate"}]}}"#;

    fn fired(entries: &str) -> Vec<&'static str> {
        fired_text(&har_text(entries))
    }

    fn fired_text(text: &str) -> Vec<&'static str> {
        let h = har::read(text).unwrap();
        rule::run(RULES, &HarView::new(&h), &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn each_rule_fires_on_its_har_only() {
        assert_eq!(fired(OK), ["har.no-failure", "har.holds-secrets"]);
        assert_eq!(fired(FAIL), ["har.auth-failures", "har.holds-secrets"]);
        assert_eq!(
            fired(&format!("{CHALLENGE},{OK}")),
            ["har.only-challenges", "har.holds-secrets"]
        );
        assert_eq!(
            fired_text(har_text(OK).trim_end_matches([']', '}'])),
            ["har.no-failure", "har.cut", "har.holds-secrets"]
        );
        assert_eq!(
            fired(&format!("{OK},{{\"a\":}}")),
            [
                "har.no-failure",
                "har.unreadable-entries",
                "har.holds-secrets"
            ]
        );
        let many = vec![FAIL; MAX_CHILDREN + 1].join(",");
        assert_eq!(fired(&many)[0], "har.more-failures-than-cards");
    }

    #[test]
    fn entries_become_children_and_nothing_else_is_found() {
        let text = har_text(&format!("{},{OK}", super::super::har_entry::tests::EWS_401));
        let a = scan(&text, &Context::fixed());
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "HAR file (2 requests)");
        assert_eq!(a[0].children.len(), 1);
        // The finder leaves everything inside the HAR to this card.
        let found = crate::find::find_all(&text, &Context::fixed());
        let kinds: Vec<ArtifactKind> = found.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, vec![ArtifactKind::Har], "{kinds:?}");
        assert!(scan("not a har", &Context::fixed()).is_empty());
    }
}
