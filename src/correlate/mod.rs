//! Cross-artifact findings: a token and the refusal it got, a key and the token it signed.
//!
//! Each diagnosis is one rule in its own file with its test beside it; `RULES` lists them in the
//! order their findings are reported. The correlator reads only the evidence the artifacts carry.

pub mod audience_mismatch;
pub mod graph_token_at_exchange;
pub mod hybrid_graph_app_only;
pub mod missing_roles;
pub mod overview;
pub mod secret_instead_of_certificate;
pub mod signature;
pub mod tenant_not_trusted;
pub mod token_request_error;
pub mod v1s2s_app_only;
pub mod view;

use crate::context::Context;
use crate::explain::rule::{self, Rule, RuleInfo};
use crate::report::{Finding, Report};
use view::{CorrelationView, Focus};

/// A diagnosis: a rule over the paste's evidence with one case in focus.
pub type Diagnosis = Rule<CorrelationView>;

/// The diagnoses, in the order their findings are reported for each case.
pub const RULES: &[Diagnosis] = &[
    secret_instead_of_certificate::RULE,
    missing_roles::RULE,
    hybrid_graph_app_only::RULE,
    v1s2s_app_only::RULE,
    audience_mismatch::RULE,
    tenant_not_trusted::RULE,
    graph_token_at_exchange::RULE,
    token_request_error::RULE,
];

/// The diagnoses that say an app-only call reached on-premises Exchange.
const HYBRID: &[&str] = &[hybrid_graph_app_only::RULE.id, v1s2s_app_only::RULE.id];

/// Every rule of the correlator, described as data.
pub fn catalogue() -> Vec<RuleInfo> {
    let mut all = rule::infos(RULES);
    all.push(overview::RULE.info());
    all.extend(signature::catalogue());
    all
}

/// Adds every finding that needs more than one artifact to `report.diagnoses` (or to the artifacts).
pub fn correlate(report: &mut Report, ctx: &Context) {
    signature::verify_tokens(report, ctx);
    diagnose(report, ctx);
}

/// Adds diagnoses for combinations of artifacts in the same paste, the overview first.
pub fn diagnose(report: &mut Report, ctx: &Context) {
    let (mut view, cases) = {
        let all = view::seen(report);
        let paste = view::paste(&all);
        let cases = view::cases(&all, &paste);
        let view = CorrelationView {
            paste,
            ..CorrelationView::default()
        };
        (view, cases)
    };
    let mut found: Vec<Finding> = Vec::new();
    for focus in cases {
        if matches!(focus, Focus::ChallengeToken(_)) {
            view.hybrid_diagnosed = found.iter().any(|f| HYBRID.contains(&f.rule));
        }
        view.focus = focus;
        found.extend(rule::run(RULES, &view, ctx));
    }
    let merged = merge(found);
    let overview = overview::Overview::of(report, merged);
    report
        .diagnoses
        .extend(overview::RULE.apply(&overview, ctx));
    report.diagnoses.extend(overview.diagnoses);
}

/// The same situation found through several refusals is one diagnosis naming all of them.
fn merge(found: Vec<Finding>) -> Vec<Finding> {
    let mut merged: Vec<Finding> = Vec::new();
    for f in found {
        match merged.iter_mut().find(|m| m.title == f.title) {
            Some(m) => {
                for i in f.refers_to {
                    if !m.refers_to.contains(&i) {
                        m.refers_to.push(i);
                    }
                }
            }
            None => merged.push(f),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::context::Context;
    use crate::report::{Artifact, ArtifactKind, Span, TokenEvidence};

    fn with_token(text: &str, token: TokenEvidence) -> crate::report::Report {
        let ctx = Context::fixed();
        let mut report = crate::inspect(text, &ctx);
        let mut t = Artifact::new(ArtifactKind::DecodedClaims, Span::new(0, 0), "token");
        t.evidence.token = Some(token);
        report.artifacts.push(t);
        report.diagnoses.clear();
        super::diagnose(&mut report, &ctx);
        report
    }

    #[test]
    fn secret_token_and_2000010() {
        let r = with_token(
            "x-ms-diagnostics: 2000010;reason=\"Presented auth strength was 1, required is 2.\";error_category=\"insufficient_auth_strength\"",
            TokenEvidence { appidacr: Some("1".into()), app_only: true, ..TokenEvidence::default() },
        );
        assert!(r
            .diagnoses
            .iter()
            .any(|f| f.title.contains("client secret") && f.refers_to.len() == 2));
    }

    #[test]
    fn audience_mismatch_names_both() {
        let r = with_token(
            "x-ms-diagnostics: 2000003;reason=\"The audience claim value is invalid 'aud'.\";error_category=\"invalid_resource\"\nWWW-Authenticate: Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@11111111-1111-1111-1111-111111111111\"",
            TokenEvidence { aud: Some("https://graph.microsoft.com".into()), tid: Some("22222222-2222-2222-2222-222222222222".into()), ..TokenEvidence::default() },
        );
        let text = crate::render::report_text(&r);
        assert!(
            text.contains("audience is 'https://graph.microsoft.com'"),
            "{text}"
        );
        assert!(text.contains("outlook.office365.com"));
        assert!(text.contains("realm 11111111"));
        assert!(r.diagnoses.iter().all(|f| !f.rule.is_empty()));
    }

    #[test]
    fn hybrid_graph_fix_from_the_iis_log_and_freb_lines() {
        let ctx = Context::fixed();
        let iis = "Bearer+client_id=\"00000002-0000-0ff1-ce00-000000000000\",+trusted_issuers=\"00000001-0000-0000-c000-000000000000@<REDACTED>\",+token_types=\"app_asserted_user_v1+service_asserted_app_v1\",+error=\"invalid_token\"\n2000008;reason=\"The+token+should+have+valid+permissions+or+linked+account+associated+with+partner+application+'00000003-0000-0000-c000-000000000000'.\";error_category=\"invalid_grant\"";
        let text = crate::render::report_text(&crate::inspect(iis, &ctx));
        assert!(text.contains("Set-PartnerApplication"), "{text}");
        assert!(text.contains("UNSUPPORTED by Microsoft"));
        let freb = "GENERAL_SET_RESPONSE_HEADER HeaderName=\"x-ms-diagnostics\", HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\"";
        let text = crate::render::report_text(&crate::inspect(freb, &ctx));
        assert!(text.contains("OAuthHttpModule.Profiles"), "{text}");
        assert!(text.contains("Failed Request Tracing"));
    }
}
