//! Server-to-server (S2S) tokens of Exchange and SharePoint: the verdicts of actor and outer
//! tokens, the unsigned outer token, and who issued a self-issued or high-trust actor token.

use super::names::{describe_app, is_known_app};
use super::verdict::Names;
use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::report::{Finding, Severity};

pub fn actor_verdict(v: &TokenView, n: &Names) -> String {
    let mut out = "App-only server-to-server (S2S) actor token".to_string();
    if let Some(r) = &n.resource {
        out.push_str(&format!(" for {r}"));
    }
    if let Some(nameid) = &v.c().nameid {
        out.push_str(&format!(", naming the calling app {nameid}"));
    }
    out
}

pub fn outer_verdict() -> String {
    "Unsigned S2S outer token that carries a user context; the signed actor token inside it is what carries the trust".to_string()
}

/// `token.unsigned-s2s-outer`: an S2S outer token is unsigned by design.
pub fn unsigned_outer(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !super::common::unsigned(v) || v.kind != TokenType::S2sOuter {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Unsigned outer token (alg none)",
        "Exchange and SharePoint S2S outer tokens are unsigned by design: the server trusts the signed actor token inside (actortoken) and takes the user context from this outer token. Outside that S2S exchange an unsigned token must never be accepted.",
    )]
}

/// `token.s2s`: a self-issued or high-trust actor token (ACS tokens have their own rule).
pub fn s2s(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::S2sActor || super::acs::is_acs(v) {
        return Vec::new();
    }
    let iss = v.evidence.issuer.as_deref().unwrap_or("");
    let principal = iss.split('@').next().unwrap_or("");
    let explanation = if is_known_app(principal) {
        format!(
            "Self-issued by {} for a server-to-server call, signed with its own certificate.",
            describe_app(principal).unwrap_or_default()
        )
    } else {
        format!("Issued by {principal}, a trusted security token issuer (SPTrustedSecurityTokenIssuer) registered on the server: the pattern of a SharePoint high-trust add-in, whose issuer id is that GUID and whose certificate signs the token.")
    };
    vec![Finding::new(
        Severity::Info,
        "Server-to-server (S2S) token",
        explanation,
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;
    use crate::knowledge::apps::ids;

    #[test]
    fn unsigned_outer_fires_on_an_outer_token() {
        let v = TokenView::new(token(r#"{"alg":"none"}"#, r#"{"iss":"x@t","aud":"a"}"#));
        assert_eq!(unsigned_outer(&v, &Context::fixed()).len(), 1);
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, r#"{"iss":"x@t","nameid":"a"}"#));
        assert!(unsigned_outer(&v, &Context::fixed()).is_empty());
    }

    #[test]
    fn s2s_fires_on_a_self_issued_actor_token_but_not_on_acs() {
        let p = format!(r#"{{"iss":"{}@t","nameid":"a@t"}}"#, ids::EXCHANGE);
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, &p));
        assert!(s2s(&v, &Context::fixed())[0]
            .explanation
            .contains("Self-issued"));
        let p = format!(r#"{{"iss":"{}@t","nameid":"a@t"}}"#, ids::ACS);
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, &p));
        assert!(s2s(&v, &Context::fixed()).is_empty());
    }
}
