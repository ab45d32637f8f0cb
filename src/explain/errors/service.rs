//! Cards and rules for Microsoft Graph and EWS error bodies: the code and message with their
//! meanings, the inner error, and one rule per finding.

use crate::context::Context;
use crate::decode::errors::service::{Service, ServiceError};
use crate::explain::rule::{self, Rule};
use crate::knowledge::{error_ids, graph_errors, http_exchange, sources};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// What the card calls the service.
fn what(err: &ServiceError) -> String {
    match (err.product, err.service) {
        (Some(p), _) => format!("{p} error"),
        (None, Service::Graph) => "Microsoft Graph error".to_string(),
        (None, Service::Ews) => "EWS error".to_string(),
    }
}

/// The HTTP status the error came with: read from the response, or the one its code always
/// comes with (from the tables); and whether it was read.
fn http_status(err: &ServiceError) -> Option<(u16, String, bool)> {
    if let Some(s) = &err.status {
        return Some((s.code, s.reason.clone(), true));
    }
    let usual = graph_errors::usual_status(&err.code)
        .or_else(|| error_ids::error_id(&err.code).and_then(|r| r.http_status))?;
    let reason = http_exchange::status_row(usual).map_or("", |r| r.reason);
    Some((usual, reason.to_string(), false))
}

/// The card of one error body.
pub fn card(err: &ServiceError, ctx: &Context) -> Artifact {
    let (code, message) = (err.code.as_str(), err.message.as_str());
    let status = http_status(err);
    let title = match &status {
        Some((n, _, _)) => format!("{} {code} (HTTP {n})", what(err)),
        None => format!("{} {code}", what(err)),
    };
    let mut a = Artifact::new(ArtifactKind::ServiceError, err.span, title);
    a.verdict = if message.is_empty() {
        format!("The service answered with error {code}.")
    } else {
        format!("The service answered with error {code}: {message}")
    };
    let mut s = Section::new("Error");
    let mut f = Field::new("code", code);
    match graph_errors::error(code) {
        Some(r) => f = f.meaning(r.meaning).source(r.source),
        None => f = f.unknown(),
    }
    s.push(f);
    if let Some((n, reason, read)) = &status {
        let meaning = if *read {
            "the HTTP status of the response this error came with"
        } else {
            "the HTTP status this code comes with (the paste does not show the response's status)"
        };
        let mut f = Field::new(
            "HTTP status",
            format!("{n} {reason}").trim_end().to_string(),
        )
        .meaning(meaning);
        if let Some(row) = http_exchange::status_row(*n) {
            f = f.source(row.source);
        }
        s.push(f);
    }
    if !message.is_empty() {
        s.push(Field::new("message", message));
    }
    a.sections.push(s);
    if let Some(inner) = &err.inner {
        let mut s = Section::new("innerError");
        for (k, v) in inner {
            let mut f = Field::new(k.clone(), v.clone());
            if graph_errors::SUPPORT_IDS.contains(&k.as_str()) {
                f = f.meaning(graph_errors::SUPPORT_ID_MEANING);
            }
            s.push(f);
        }
        a.sections.push(s);
    }
    a.findings = rule::run(RULES, err, ctx);
    a.evidence
        .facts
        .push(("service_error".into(), code.to_string()));
    a
}

/// True when the message is the hybrid "REST APIs for this mailbox are currently in preview".
fn is_rest_preview(message: &str) -> bool {
    message
        .to_ascii_lowercase()
        .contains(graph_errors::REST_PREVIEW.needle)
}

/// A finding from a message pattern row.
fn pattern_finding(m: &graph_errors::MessagePattern) -> Finding {
    let mut f = Finding::new(Severity::Error, m.title, m.meaning).source(m.source);
    for c in m.causes {
        f = f.cause(*c);
    }
    for fix in m.fixes {
        f = f.step(fix.to_step());
    }
    f
}

/// The finding for a mailbox that lives on Exchange Server in a hybrid deployment.
pub fn rest_preview_finding() -> Finding {
    pattern_finding(&graph_errors::REST_PREVIEW)
}

/// The rules over one Graph or EWS error body, in the order their findings are shown.
pub const RULES: &[Rule<ServiceError>] = &[
    Rule {
        id: "graph.message-pattern",
        severity: Severity::Error,
        title: "The error message matches a known cause",
        source: None,
        check: message_pattern,
    },
    Rule {
        id: "graph.error-code",
        severity: Severity::Error,
        title: "The Graph or EWS error code, explained from the table",
        source: None,
        check: error_code,
    },
    Rule {
        id: "graph.rest-preview",
        severity: Severity::Error,
        title: "The mailbox is on-premises in a hybrid deployment (REST in preview)",
        source: Some(sources::HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES),
        check: rest_preview,
    },
];

fn message_pattern(err: &ServiceError, _: &Context) -> Vec<Finding> {
    // The patterns are Graph's and EWS's; another service's message is not read with them.
    if err
        .product
        .is_some_and(|p| p != http_exchange::GRAPH && p != http_exchange::EWS)
    {
        return Vec::new();
    }
    // Shown last match first, as the card has always listed them.
    graph_errors::messages_matching(&err.message)
        .into_iter()
        .rev()
        .map(pattern_finding)
        .collect()
}

fn error_code(err: &ServiceError, _: &Context) -> Vec<Finding> {
    let title = format!("{} {}", what(err), err.code);
    let f = match graph_errors::error(&err.code) {
        Some(r) => {
            let mut f = Finding::new(Severity::Error, title, r.meaning).source(r.source);
            for c in r.causes {
                f = f.cause(*c);
            }
            for fix in r.fixes {
                f = f.step(fix.to_step());
            }
            f
        }
        None => Finding::new(
            Severity::Error,
            title,
            if err.message.is_empty() {
                "The service refused the request; this code is not in the table yet.".to_string()
            } else {
                err.message.clone()
            },
        )
        .source(match err.service {
            Service::Ews => sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
            Service::Graph => sources::GRAPH_ERRORS,
        }),
    };
    vec![f]
}

fn rest_preview(err: &ServiceError, _: &Context) -> Vec<Finding> {
    if is_rest_preview(&err.message) {
        vec![rest_preview_finding()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    fn err(code: &str, message: &str) -> ServiceError {
        ServiceError {
            service: Service::Graph,
            origin: crate::decode::errors::service::Origin::JsonBody,
            code: code.into(),
            message: message.into(),
            inner: None,
            span: Span::new(0, 1),
            status: None,
            product: None,
        }
    }

    fn fires(id: &str, e: &ServiceError) -> usize {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule");
        rule.apply(e, &Context::fixed()).len()
    }

    #[test]
    fn message_pattern_fires_on_a_known_message() {
        let pattern = graph_errors::MESSAGES[0].needle;
        assert!(fires("graph.message-pattern", &err("X", pattern)) >= 1);
        assert_eq!(
            fires("graph.message-pattern", &err("X", "nothing known")),
            0
        );
    }

    #[test]
    fn error_code_always_explains_the_code() {
        let known = fires("graph.error-code", &err("InvalidAuthenticationToken", ""));
        assert_eq!(known, 1);
        let f = RULES[1].apply(&err("NoSuchCode", ""), &Context::fixed());
        assert!(f[0].explanation.contains("not in the table"));
    }

    #[test]
    fn rest_preview_needs_the_hybrid_message() {
        let m = "REST APIs for this mailbox are currently in preview.";
        assert_eq!(
            fires("graph.rest-preview", &err("MailboxNotEnabledForRESTAPI", m)),
            1
        );
        assert_eq!(
            fires("graph.rest-preview", &err("ErrorAccessDenied", "")),
            0
        );
    }
}
