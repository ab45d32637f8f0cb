//! Cards: a claims request (from a Bearer challenge's `claims` or an AADSTS body) as a section of
//! the claims it asks for, and the rule that says what the resource wants.

use crate::context::Context;
use crate::decode::http::claims::{self, ClaimsRequest};
use crate::explain::rule::Rule;
use crate::knowledge::http_auth::{self, CLAIMS_REQUEST};
use crate::knowledge::sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE as CLAIMS_SOURCE;
use crate::report::{Field, Finding, Section, Severity, Step};

/// The claims asked for, one field each.
pub fn section(req: &ClaimsRequest) -> Section {
    let mut s = Section::new("Claims request (decoded)");
    for ask in &req.asks {
        let mut f = Field::new(format!("{}.{}", ask.token, ask.name), ask.value.clone());
        match http_auth::lookup(CLAIMS_REQUEST, &ask.name) {
            Some(t) => f = f.meaning(t.meaning).source(t.source),
            None => f = f.unknown(),
        }
        if ask.name == "nbf" {
            if let Ok(ts) = ask.value.parse::<i64>() {
                f = f.shown(crate::text::utc(ts));
            }
        }
        if ask.value.contains("cp1") {
            f = f.meaning("cp1 is the client capability that says the app can handle claims challenges (it shows in tokens as xms_cc)");
        }
        s.push(f);
    }
    s
}

/// The rules over a claims request.
pub const RULES: &[Rule<ClaimsRequest>] = &[Rule {
    id: "claims.challenge",
    severity: Severity::Warning,
    title: "A resource asks for a new token that satisfies a claims request",
    source: Some(CLAIMS_SOURCE),
    check: claims_challenge,
}];

fn claims_challenge(req: &ClaimsRequest, _: &Context) -> Vec<Finding> {
    vec![finding(req)]
}

fn finding(req: &ClaimsRequest) -> Finding {
    let mut f = Finding::new(
        Severity::Warning,
        "Claims challenge",
        "The resource wants a new token that satisfies these claims. Apps receive claims challenges only when they declare the client capability cp1 (it shows in their tokens as the xms_cc claim).",
    )
    .source(CLAIMS_SOURCE);
    if req.asks_for("polids") {
        f = f.cause("Conditional Access policies (polids) require more from the user, such as MFA registration or completion.");
    }
    if req.asks_for("acrs") {
        f = f.cause("The resource requires a Conditional Access authentication context (acrs), for example step-up authentication.");
    }
    if req.asks_for("nbf") {
        f = f.cause("Continuous Access Evaluation revoked the old token (password change, session revoked, location change).");
    }
    f.step(Step::new("Drop the cached token for this resource."))
        .step(Step::new("Request a new token interactively, passing the decoded JSON (URL-encoded) in the claims parameter of the /authorize request (MSAL: WithClaims / claims option), so the user can satisfy the policy."))
}

/// Explains a claims request JSON as a section and its finding, for readers that have no
/// `Context` yet (the AADSTS card). The finding carries the rule id `claims.challenge`.
pub fn claims_request(json: &str) -> (Section, Finding) {
    let req = claims::parse(json);
    let mut f = finding(&req);
    f.rule = RULES[0].id;
    (section(&req), f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_challenge_fires_on_a_request_and_names_its_causes() {
        let req = claims::parse(r#"{"access_token":{"acrs":{"essential":true,"value":"cp1"}}}"#);
        let found = crate::explain::rule::run(RULES, &req, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "claims.challenge");
        assert!(found[0].causes.iter().any(|c| c.contains("acrs")));
        assert!(!found[0].causes.iter().any(|c| c.contains("polids")));
        let text = section(&req);
        assert_eq!(text.fields[0].raw, "cp1");
    }
}
