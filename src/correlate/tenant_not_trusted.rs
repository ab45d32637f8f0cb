//! diagnosis.tenant-not-trusted: a challenge whose trusted_issuers name realms other than the
//! token's tenant.

use super::view::CorrelationView;
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::correlation::TENANT_NOT_TRUSTED_STEP;
use crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS;
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.tenant-not-trusted",
    severity: Severity::Warning,
    title: "The token's tenant is not a realm the challenge trusts",
    source: Some(IDENTITY_PLATFORM_ACCESS_TOKENS),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(ct) = view.challenge_token() else {
        return Vec::new();
    };
    let realms: Vec<&str> = ct
        .challenge
        .trusted_issuers
        .iter()
        .filter_map(|e| e.split_once('@').map(|x| x.1))
        .filter(|r| crate::text::is_guid(r))
        .collect();
    if realms.is_empty() || realms.iter().any(|r| r.eq_ignore_ascii_case(&ct.tid)) {
        return Vec::new();
    }
    let mut f = Finding::new(
        Severity::Warning,
        "The token's tenant is not the realm the server trusts",
        format!(
            "The challenge trusts issuers for realm {} but the token's tid is {}.",
            realms.join(", "),
            ct.tid
        ),
    )
    .step(TENANT_NOT_TRUSTED_STEP.to_step())
    .source(IDENTITY_PLATFORM_ACCESS_TOKENS);
    f.refers_to = vec![ct.challenge_index, ct.token_index];
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;
    use crate::report::{ChallengeEvidence, TokenEvidence};

    #[test]
    fn fires_for_another_tenant_only() {
        let challenge = ChallengeEvidence {
            trusted_issuers: vec![
                "00000001-0000-0000-c000-000000000000@11111111-1111-1111-1111-111111111111".into(),
            ],
            ..ChallengeEvidence::default()
        };
        let token = |tid: &str| TokenEvidence {
            tid: Some(tid.into()),
            ..TokenEvidence::default()
        };
        let other = test_view::challenge_token(
            challenge.clone(),
            token("22222222-2222-2222-2222-222222222222"),
        );
        let found = RULE.apply(&other, &Context::fixed());
        assert!(found[0].explanation.contains("realm 11111111"));
        let same =
            test_view::challenge_token(challenge, token("11111111-1111-1111-1111-111111111111"));
        assert!(RULE.apply(&same, &Context::fixed()).is_empty());
    }
}
