//! diagnosis.missing-roles: a refusal for a missing roles claim, naming the tokens without roles.

use super::view::{situation, CorrelationView};
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::correlation::{MISSING_ROLES, MISSING_ROLES_DELEGATED_TITLE};
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.missing-roles",
    severity: Severity::Error,
    title: "An app-only call was refused for a token without application permissions",
    source: Some(MISSING_ROLES.source),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(r) = view.refusal() else {
        return Vec::new();
    };
    if !r.lower.contains("claim type 'roles'") && !r.lower.contains("contains no permissions") {
        return Vec::new();
    }
    let delegated = view.tokens_where(|t| t.roles.is_empty());
    let mut f = situation(&MISSING_ROLES, Severity::Error);
    if !delegated.is_empty() && view.paste.tokens.iter().any(|(_, t)| !t.scopes.is_empty()) {
        f.title = MISSING_ROLES_DELEGATED_TITLE.to_string();
    }
    f.refers_to = [vec![r.index], delegated].concat();
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;
    use crate::report::TokenEvidence;

    #[test]
    fn names_a_delegated_token_and_ignores_other_reasons() {
        let delegated = TokenEvidence {
            delegated: true,
            scopes: vec!["Mail.Read".into()],
            ..TokenEvidence::default()
        };
        let reason = "The token is missing the claim type 'roles'.";
        let view = test_view::refusal(2_000_001, reason, vec![delegated.clone()]);
        let found = RULE.apply(&view, &Context::fixed());
        assert_eq!(found[0].title, MISSING_ROLES_DELEGATED_TITLE);
        let other = test_view::refusal(2_000_001, "The token has expired.", vec![delegated]);
        assert!(RULE.apply(&other, &Context::fixed()).is_empty());
    }
}
