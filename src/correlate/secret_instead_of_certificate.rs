//! diagnosis.secret-instead-of-certificate: x-ms-diagnostics 2000010 (auth strength) with a token
//! or token request that used a client secret.

use super::view::{situation, CorrelationView};
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::correlation::SECRET_INSTEAD_OF_CERTIFICATE;
use crate::report::{Finding, Severity};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.secret-instead-of-certificate",
    severity: Severity::Error,
    title: "Exchange asks for a certificate and the app used a client secret",
    source: Some(SECRET_INSTEAD_OF_CERTIFICATE.source),
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(r) = view.refusal() else {
        return Vec::new();
    };
    if r.code != 2_000_010 && !r.lower.contains("auth strength") {
        return Vec::new();
    }
    let secret_tokens = view.tokens_where(|t| t.appidacr.as_deref() == Some("1"));
    let secret_requests: Vec<usize> = view
        .paste
        .requests
        .iter()
        .filter(|q| q.credential.as_deref() == Some("secret"))
        .map(|q| q.index)
        .collect();
    if secret_tokens.is_empty() && secret_requests.is_empty() {
        return Vec::new();
    }
    let mut f = situation(&SECRET_INSTEAD_OF_CERTIFICATE, Severity::Error);
    f.refers_to = [vec![r.index], secret_tokens, secret_requests].concat();
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::test_view;
    use crate::report::TokenEvidence;

    #[test]
    fn fires_on_a_secret_token_and_not_on_a_certificate_token() {
        let reason = "Presented auth strength was 1, required is 2.";
        let secret = TokenEvidence {
            appidacr: Some("1".into()),
            ..TokenEvidence::default()
        };
        let found = RULE.apply(
            &test_view::refusal(2_000_010, reason, vec![secret]),
            &Context::fixed(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].refers_to, vec![0, 1]);
        let certificate = TokenEvidence {
            appidacr: Some("2".into()),
            ..TokenEvidence::default()
        };
        let view = test_view::refusal(2_000_010, reason, vec![certificate]);
        assert!(RULE.apply(&view, &Context::fixed()).is_empty());
    }
}
