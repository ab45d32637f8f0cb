//! diagnosis.graph-token-at-exchange: an Exchange challenge answering a token for Microsoft Graph,
//! unless the paste was already diagnosed as app-only Graph reaching on-premises Exchange.

use super::view::{is_graph_aud, situation, CorrelationView};
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::apps::ids::EXCHANGE;
use crate::knowledge::correlation::GRAPH_TOKEN_AT_EXCHANGE;
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.graph-token-at-exchange",
    severity: Severity::Warning,
    title: "Exchange refused a token issued for Microsoft Graph",
    source: Some(GRAPH_TOKEN_AT_EXCHANGE.source),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(ct) = view.challenge_token() else {
        return Vec::new();
    };
    let exchange = ct
        .challenge
        .client_id
        .as_deref()
        .is_some_and(|id| id.eq_ignore_ascii_case(EXCHANGE));
    if !exchange || !is_graph_aud(&ct.token) || view.hybrid_diagnosed {
        return Vec::new();
    }
    let mut f = situation(&GRAPH_TOKEN_AT_EXCHANGE, Severity::Warning);
    f.refers_to = vec![ct.challenge_index, ct.token_index];
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;
    use crate::report::{ChallengeEvidence, TokenEvidence};

    #[test]
    fn fires_for_a_graph_token_unless_hybrid_was_diagnosed() {
        let challenge = ChallengeEvidence {
            client_id: Some(EXCHANGE.to_string()),
            ..ChallengeEvidence::default()
        };
        let token = TokenEvidence {
            aud: Some("https://graph.microsoft.com/".into()),
            tid: Some("22222222-2222-2222-2222-222222222222".into()),
            ..TokenEvidence::default()
        };
        let mut view = test_view::challenge_token(challenge, token);
        assert_eq!(RULE.apply(&view, &Context::fixed()).len(), 1);
        view.hybrid_diagnosed = true;
        assert!(RULE.apply(&view, &Context::fixed()).is_empty());
    }
}
