//! diagnosis.audience-mismatch: a refusal for the audience, naming the audience the token has and
//! the resource the server expects (from the reason, or from the challenge's client_id).

use super::view::CorrelationView;
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::apps;
use crate::knowledge::correlation::{resource_for, WRONG_AUDIENCE_CAUSE};
use crate::knowledge::sources::{IDENTITY_PLATFORM_ACCESS_TOKENS, ISSUES_589};
use crate::report::{Finding, Severity, Step};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.audience-mismatch",
    severity: Severity::Error,
    title: "The token is for another audience than the server expects",
    source: Some(IDENTITY_PLATFORM_ACCESS_TOKENS),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(r) = view.refusal() else {
        return Vec::new();
    };
    if !r.lower.contains("audience") || r.lower.contains("expected '") {
        return Vec::new();
    }
    let expected_by_challenge = view
        .paste
        .challenges
        .iter()
        .find_map(|(i, c)| c.client_id.clone().map(|id| (*i, id)));
    let reason_aud = crate::text::quoted_in(&r.reason);
    let token_aud = view
        .paste
        .tokens
        .iter()
        .find_map(|(i, t)| t.aud.clone().map(|a| (*i, a)));
    let actual = token_aud
        .as_ref()
        .map(|(_, a)| a.clone())
        .or_else(|| reason_aud.last().cloned());
    let expected = reason_aud
        .first()
        .filter(|_| reason_aud.len() > 1)
        .cloned()
        .or_else(|| {
            expected_by_challenge.as_ref().map(|(_, id)| {
                resource_for(id).map_or_else(|| id.clone(), |r| r.resource.to_string())
            })
        });
    let (Some(actual), Some(expected)) = (actual, expected) else {
        return Vec::new();
    };
    if token_aud.is_none() && expected_by_challenge.is_none() {
        return Vec::new();
    }
    let name = apps::app_by_id(&actual).map_or(String::new(), |a| format!(" ({})", a.name));
    let mut f = Finding::new(
        Severity::Error,
        "The token is for another audience",
        format!("The token's audience is '{actual}'{name}, but this server expects a token for {expected}."),
    )
    .cause(WRONG_AUDIENCE_CAUSE)
    .step(Step::new(format!(
        "Request the token for {expected} (resource or scope), then call the API with the new token."
    )))
    .source(if r.code == 3_000_003 {
        ISSUES_589
    } else {
        IDENTITY_PLATFORM_ACCESS_TOKENS
    });
    f.refers_to = vec![r.index];
    if let Some((i, _)) = token_aud {
        f.refers_to.push(i);
    }
    if let Some((i, _)) = expected_by_challenge {
        f.refers_to.push(i);
    }
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;
    use crate::report::{ChallengeEvidence, TokenEvidence};

    #[test]
    fn names_both_audiences_and_needs_a_token_or_challenge() {
        let reason = "The audience claim value is invalid 'aud'.";
        let token = TokenEvidence {
            aud: Some("https://graph.microsoft.com".into()),
            ..TokenEvidence::default()
        };
        let mut view = test_view::refusal(2_000_003, reason, vec![token]);
        view.paste.challenges.push((
            2,
            ChallengeEvidence {
                client_id: Some("00000002-0000-0ff1-ce00-000000000000".into()),
                ..ChallengeEvidence::default()
            },
        ));
        let found = RULE.apply(&view, &Context::fixed());
        assert!(found[0]
            .explanation
            .contains("'https://graph.microsoft.com'"));
        assert!(found[0].explanation.contains("outlook.office365.com"));
        assert_eq!(found[0].refers_to, vec![0, 1, 2]);
        let alone = test_view::refusal(2_000_003, reason, Vec::new());
        assert!(RULE.apply(&alone, &Context::fixed()).is_empty());
    }
}
