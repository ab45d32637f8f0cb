//! diagnosis.hybrid-graph-app-only: x-ms-diagnostics 2000008 naming the Microsoft Graph partner
//! application, with the app-only Graph tokens, partner application output and Exchange challenges.

use super::view::{is_app_only, is_graph_aud, situation, CorrelationView};
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::apps::ids::GRAPH;
use crate::knowledge::correlation::HYBRID_GRAPH_APP_ONLY;
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.hybrid-graph-app-only",
    severity: Severity::Error,
    title: "An app-only Microsoft Graph call reached an on-premises mailbox",
    source: Some(HYBRID_GRAPH_APP_ONLY.source),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(r) = view.refusal() else {
        return Vec::new();
    };
    if r.code != 2_000_008 || !r.lower.contains(GRAPH) {
        return Vec::new();
    }
    let graph_tokens = view.tokens_where(|t| is_graph_aud(t) && is_app_only(t));
    let mut f = situation(&HYBRID_GRAPH_APP_ONLY, Severity::Error);
    f.refers_to = [
        vec![r.index],
        graph_tokens,
        view.paste.graph_partner.clone(),
        view.paste.exchange_challenge.clone(),
    ]
    .concat();
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;

    #[test]
    fn fires_when_2000008_names_graph_only() {
        let reason = "The token should have valid permissions or linked account associated with partner application '00000003-0000-0000-c000-000000000000'.";
        let found = RULE.apply(
            &test_view::refusal(2_000_008, reason, Vec::new()),
            &Context::fixed(),
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].steps.iter().any(|s| s.unsupported));
        let other = "partner application '00000002-0000-0ff1-ce00-000000000000'.";
        let view = test_view::refusal(2_000_008, other, Vec::new());
        assert!(RULE.apply(&view, &Context::fixed()).is_empty());
    }
}
