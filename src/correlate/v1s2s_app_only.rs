//! diagnosis.v1s2s-app-only: on-premises Exchange REST refusing the V1S2SAppOnly token profile.

use super::view::{is_app_only, situation, CorrelationView};
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::correlation::V1S2S_APP_ONLY;
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.v1s2s-app-only",
    severity: Severity::Error,
    title: "On-premises Exchange REST refused an app-only (V1S2SAppOnly) token",
    source: Some(V1S2S_APP_ONLY.source),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(r) = view.refusal() else {
        return Vec::new();
    };
    if !r.lower.contains("v1s2sapponly") {
        return Vec::new();
    }
    let app_only = view.tokens_where(is_app_only);
    let mut f = situation(&V1S2S_APP_ONLY, Severity::Error);
    f.refers_to = [
        vec![r.index],
        app_only,
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
    fn fires_on_the_profile_name_only() {
        let reason =
            "This token profile 'V1S2SAppOnly' is not applicable for the current protocol.";
        let found = RULE.apply(
            &test_view::refusal(2_000_001, reason, Vec::new()),
            &Context::fixed(),
        );
        assert!(found[0]
            .steps
            .iter()
            .any(|s| s.text.contains("OAuthHttpModule.Profiles")));
        let view = test_view::refusal(2_000_001, "The token has expired.", Vec::new());
        assert!(RULE.apply(&view, &Context::fixed()).is_empty());
    }
}
