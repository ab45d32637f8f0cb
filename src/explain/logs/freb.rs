//! Explains a Failed Request Tracing (FREB) trace: one card with its events and the request it
//! belongs to, a finding per module that set the failure status, and a card per header it set.

use crate::context::Context;
use crate::decode::logs::freb::{self, FrebTrace};
use crate::explain::rule::{self, Rule};
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// Finds, decodes and explains the FREB trace in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let Some(trace) = freb::read(text) else {
        return Vec::new();
    };
    let mut a = Artifact::new(
        ArtifactKind::Freb,
        trace.span,
        "Failed Request Tracing (FREB)",
    );
    let mut s = Section::new("Events");
    for e in &trace.events {
        let summary = e
            .data
            .iter()
            .map(|d| format!("{}={}", d.key, d.value))
            .collect::<Vec<_>>()
            .join(", ");
        s.push(Field::new(e.name.clone(), summary));
    }
    a.findings = rule::run(RULES, &trace, ctx);
    let mut out: Vec<Artifact> = trace
        .headers
        .iter()
        .filter_map(|h| crate::explain::http::header_card(&h.name, &h.value, h.span, ctx))
        .collect();
    let names: Vec<&str> = trace.headers.iter().map(|h| h.name.as_str()).collect();
    let count = match trace.events.len() {
        1 => "One Failed Request Tracing (FREB) event".to_string(),
        n => format!("{n} Failed Request Tracing (FREB) events"),
    };
    a.verdict = if names.is_empty() {
        format!("{count}.")
    } else {
        format!(
            "{count}; the response set {}, explained in their own cards.",
            names.join(", ")
        )
    };
    if let Some(attributes) = &trace.request {
        let mut root = Section::new("Request");
        for (k, v) in attributes {
            root.push(Field::new(k.clone(), v.clone()));
        }
        a.sections.push(root);
    }
    a.sections.push(s);
    out.insert(0, a);
    out
}

/// Rules over one FREB trace.
pub const RULES: &[Rule<FrebTrace>] = &[Rule {
    id: "freb.error-status",
    severity: Severity::Warning,
    title: "A module set the failure status of the request",
    source: Some(sources::USING_FAILED_REQUEST_TRACING_TROUBLESHOOTING_FAILED_REQUESTS),
    check: error_status,
}];

fn error_status(trace: &FrebTrace, _: &Context) -> Vec<Finding> {
    trace
        .events
        .iter()
        .filter(|e| e.sets_error())
        .map(|e| {
            let title = format!(
                "{} set HTTP {} {}",
                e.value("ModuleName"),
                e.value("HttpStatus"),
                e.value("HttpReason")
            );
            Finding::new(
                Severity::Warning,
                title.trim().to_string(),
                "This module decided the failure status of the request.",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_status_names_the_module() {
        let ctx = Context::fixed();
        let t = "MODULE_SET_RESPONSE_ERROR_STATUS ModuleName=\"OAuthAuthModule\", Notification=\"AUTHENTICATE_REQUEST\", HttpStatus=\"401\", HttpReason=\"Unauthorized\"";
        let f = RULES[0].apply(&freb::read(t).unwrap(), &ctx);
        assert_eq!(f[0].title, "OAuthAuthModule set HTTP 401 Unauthorized");
        let quiet = "GENERAL_REQUEST_START SiteId=\"1\", AppPoolId=\"MSExchange\"";
        assert!(RULES[0].apply(&freb::read(quiet).unwrap(), &ctx).is_empty());
    }

    #[test]
    fn text_events_with_headers_become_cards() {
        let t = "66. GENERAL_SET_RESPONSE_HEADER HeaderName=\"x-ms-diagnostics\", HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\" 05:55:17.54567. GENERAL_SET_RESPONSE_HEADER HeaderName=\"WWW-Authenticate\", HeaderValue=\"Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", token_types=\"app_asserted_user_v1 service_asserted_app_v1\", error=\"invalid_token\"\", Replace=\"false\" 05:55:17.54568. AspNetPipelineLeave Data1=\"x\"";
        let a = scan(t, &Context::fixed());
        assert_eq!(a[0].kind, ArtifactKind::Freb);
        assert!(a.iter().any(|x| x.kind == ArtifactKind::Diagnostics));
        let ch = a.iter().find(|x| x.kind == ArtifactKind::Challenge);
        assert_eq!(
            ch.and_then(|c| c.evidence.challenge.as_ref())
                .and_then(|c| c.error.as_deref()),
            Some("invalid_token")
        );
    }
}
