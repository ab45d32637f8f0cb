//! diagnosis.token-request-error: an AADSTS error with the token request it answered.

use super::view::CorrelationView;
use super::Diagnosis;
use crate::context::Context;
use crate::knowledge::correlation::{BAD_SECRET_AADSTS, BAD_SECRET_CAUSE};
use crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS;
use crate::report::{Finding, Severity, Step};

pub const RULE: Diagnosis = Diagnosis {
    id: "diagnosis.token-request-error",
    severity: Severity::Error,
    title: "An AADSTS error answered a token request in the paste",
    // The source is set only when the request's secret is the likely cause.
    source: None,
    check,
};

fn check(view: &CorrelationView, _: &Context) -> Vec<Finding> {
    let Some(e) = view.token_error() else {
        return Vec::new();
    };
    let grant = e.request.grant_type.as_deref().unwrap_or("?");
    let client = e.request.client_id.as_deref().unwrap_or("?");
    let cred = e.request.credential.as_deref().unwrap_or("none");
    let codes: Vec<String> = e.codes.iter().map(|c| format!("AADSTS{c}")).collect();
    let mut f = Finding::new(
        Severity::Error,
        format!("{} answered the {grant} request of app {client}", codes.join("/")),
        format!(
            "The failing token request used grant_type={grant} with {} (the secret is masked in this report).",
            match cred {
                "secret" => "a client secret",
                "certificate" => "a certificate (client assertion)",
                _ => "no client credential",
            }
        ),
    );
    if cred == "secret" && e.codes.iter().any(|c| BAD_SECRET_AADSTS.contains(c)) {
        f = f
            .cause(BAD_SECRET_CAUSE)
            .step(Step::with_command(
                "Create a new client secret (or better, a certificate credential) and update the app's configuration.",
                format!("az ad app credential reset --id {client} --append"),
            ))
            .source(IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS);
    }
    f.refers_to = vec![e.index, e.request.index];
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::view::{Focus, Request, TokenError};

    fn view(codes: Vec<u32>, credential: &str) -> CorrelationView {
        CorrelationView {
            focus: Focus::TokenError(TokenError {
                index: 0,
                codes,
                request: Request {
                    index: 1,
                    grant_type: Some("client_credentials".into()),
                    client_id: Some("app".into()),
                    credential: Some(credential.into()),
                },
            }),
            ..CorrelationView::default()
        }
    }

    #[test]
    fn names_the_request_and_blames_a_bad_secret_only_for_secret_errors() {
        let found = RULE.apply(&view(vec![7_000_215], "secret"), &Context::fixed());
        assert_eq!(
            found[0].title,
            "AADSTS7000215 answered the client_credentials request of app app"
        );
        assert!(found[0].source.is_some());
        let found = RULE.apply(&view(vec![700_016], "certificate"), &Context::fixed());
        assert!(found[0].causes.is_empty() && found[0].source.is_none());
        assert!(RULE
            .apply(&CorrelationView::default(), &Context::fixed())
            .is_empty());
    }
}
