//! The card of a claim set pasted already decoded: the token card, or a short card for a lone
//! header, with the rule that says the signature is unknown.

use super::card;
use crate::context::Context;
use crate::decode::tokens::claims_json::DecodedClaims;
use crate::decode::tokens::Token;
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, Finding, Severity};

/// The rules about a claim set pasted already decoded.
pub const RULES: &[Rule<Token>] = &[Rule {
    id: "token.already-decoded",
    severity: Severity::Info,
    title: "Claims pasted already decoded, so the signature is unknown",
    source: None,
    check: already_decoded,
}];

pub fn card(found: DecodedClaims, ctx: &Context) -> Artifact {
    let decoded = rule::run(RULES, &found.token, ctx);
    let header_only = found.token.payload.is_none();
    let mut artifact = card::explain(found.token, found.span, ctx, 0);
    if header_only {
        artifact.title = "Decoded token header".to_string();
        artifact.verdict = "A decoded JWT header on its own: it says how the token was signed, but the claims are not here.".to_string();
        artifact.findings.clear();
    }
    artifact.findings.extend(decoded);
    artifact
}

/// `token.already-decoded`: without the encoded token, nothing is known about its signature.
fn already_decoded(token: &Token, _: &Context) -> Vec<Finding> {
    if token.compact.is_some() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Already decoded: signature unknown",
        "This was pasted as decoded JSON, without the encoded token, so nothing can be known about its signature or whether it was altered. Paste the whole token (eyJ...) to check it.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn already_decoded_fires_on_decoded_claims_only() {
        let mut t = Token::new(serde_json::Map::new(), None);
        assert_eq!(already_decoded(&t, &Context::fixed()).len(), 1);
        t.compact = Some("x.y.z".to_string());
        assert!(already_decoded(&t, &Context::fixed()).is_empty());
    }
}
