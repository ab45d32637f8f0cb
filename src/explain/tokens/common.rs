//! Rules that hold for every kind of token: unsigned tokens, issuer against tenant, guests, the
//! format version against the issuer form, `.default` inside a token, group overage and workload
//! identity federation.

use super::names::issuer_tenant;
use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::apps;
use crate::knowledge::tokens as facts;
use crate::report::{Finding, Severity};
use crate::text::is_guid;

/// The header says `alg` none, on a compact token.
pub fn unsigned(v: &TokenView) -> bool {
    let alg = v.evidence.alg.as_deref().unwrap_or("");
    alg.eq_ignore_ascii_case("none") && !v.decoded_only
}

/// `token.unsigned`: an unsigned token outside the S2S exchange.
pub fn unsigned_token(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !unsigned(v) || v.kind == TokenType::S2sOuter {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Unsigned token (alg none)",
        "This token is not signed, so anyone could have written it: an API must never accept it (patched SharePoint rejects such tokens with 3005004).",
    )]
}

/// `token.issuer-tid-mismatch`: the tenant in iss is not tid.
pub fn issuer_tid_mismatch(v: &TokenView, _: &Context) -> Vec<Finding> {
    let (Some(iss), Some(tid)) = (v.evidence.issuer.as_deref(), v.c().tid.as_deref()) else {
        return Vec::new();
    };
    let Some(seg) = issuer_tenant(iss) else {
        return Vec::new();
    };
    let seg_is_tenantish = seg.len() >= 30 && seg.contains('-');
    if !seg_is_tenantish || seg.eq_ignore_ascii_case(tid) {
        return Vec::new();
    }
    let malformed = if is_guid(seg) {
        ""
    } else {
        " The tenant id in iss is also not a valid GUID (malformed)."
    };
    vec![Finding::new(
        Severity::Error,
        "Issuer and tid do not match",
        format!(
            "iss names tenant {seg} but tid is {tid}; they should be the same tenant. A validator checking the issuer against the tenant will reject this token.{malformed}"
        ),
    )]
}

/// `token.guest-user`: idp differs from iss in a delegated Entra access token.
pub fn guest_user(v: &TokenView, _: &Context) -> Vec<Finding> {
    let (Some(iss), Some(idp)) = (v.evidence.issuer.as_deref(), v.c().idp.as_deref()) else {
        return Vec::new();
    };
    if idp.eq_ignore_ascii_case(iss)
        || v.kind != TokenType::EntraAccess
        || v.who == Principal::AppOnly
    {
        return Vec::new();
    }
    let note = if idp.contains(apps::ids::MSA_TENANT) || idp.contains(facts::MSA_IDP_HOST) {
        "a Microsoft account (consumer) signed in as a guest"
    } else {
        "the user signed in through another tenant or identity provider: a guest (B2B) or federated sign-in"
    };
    vec![Finding::new(
        Severity::Info,
        "Guest or federated user",
        format!("idp ({idp}) differs from iss: {note}."),
    )]
}

/// `token.ver-issuer-mismatch`: ver says one format and the issuer has the other form.
pub fn ver_issuer_mismatch(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !matches!(v.kind, TokenType::EntraAccess | TokenType::EntraId) {
        return Vec::new();
    }
    let (Some(ver), Some(iss)) = (v.c().ver.as_deref(), v.evidence.issuer.as_deref()) else {
        return Vec::new();
    };
    let v2_issuer = iss.trim_end_matches('/').ends_with(facts::V2_ISSUER_SUFFIX);
    let v1_issuer = iss.to_ascii_lowercase().contains(facts::V1_ISSUER_MARK);
    if !((ver == "1.0" && v2_issuer) || (ver == "2.0" && v1_issuer)) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "ver and issuer disagree",
        format!(
            "ver is {ver} but the issuer has the {} form. Entra writes v1.0 tokens with the issuer {} and v2.0 tokens with {}; which format an API gets is set by accessTokenAcceptedVersion in the API's app registration (null or 1: v1.0, 2: v2.0), not by the endpoint the client called. A validator that expects one issuer form rejects the other: set accessTokenAcceptedVersion to the version your API validates, or accept both issuers.",
            if v2_issuer { "v2.0" } else { "v1.0" },
            facts::V1_ISSUER_FORM,
            facts::V2_ISSUER_FORM,
        ),
    )]
}

/// `token.default-scope-inside`: `.default` in scp or roles, which Entra never writes.
pub fn default_scope_inside(v: &TokenView, _: &Context) -> Vec<Finding> {
    let ev = &v.evidence;
    if !ev
        .scopes
        .iter()
        .chain(ev.roles.iter())
        .any(|s| s.ends_with(".default") || s.ends_with("/.default"))
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        ".default inside the token",
        "scp or roles holds .default. That value is what a client sends in the scope parameter of a token request (\"all permissions already granted to this app for that resource\"); Entra replaces it with the granted permissions, so it never appears in a token it issued. This token was made or edited by something else, and no Microsoft API grants anything for it.",
    )]
}

/// `token.group-overage`: the groups did not fit in the token.
pub fn group_overage(v: &TokenView, _: &Context) -> Vec<Finding> {
    let hasgroups = v.has("hasgroups");
    if !(v.has("_claim_names") || hasgroups) {
        return Vec::new();
    }
    let (how, limit) = if hasgroups {
        (
            "hasgroups is true",
            "the implicit flow, whose tokens travel in a URL",
        )
    } else {
        (
            "_claim_names and _claim_sources replace groups",
            "a JWT (over 200 groups)",
        )
    };
    vec![Finding::new(
        Severity::Info,
        "Group overage: groups are not in the token",
        format!(
            "{how}: the user is in more groups than fit in {limit}, so the token lists none. An app that authorises by group must read them from Microsoft Graph (POST /users/{{oid}}/getMemberObjects or GET /me/transitiveMemberOf, which needs GroupMember.Read.All or similar); the graph.windows.net endpoint in _claim_sources belongs to the retired Azure AD Graph. Alternatively emit only groups assigned to the application (groupMembershipClaims ApplicationGroup) or use app roles."
        ),
    )]
}

/// `token.workload-federation`: a token made for workload identity federation.
pub fn workload_federation(v: &TokenView, _: &Context) -> Vec<Finding> {
    let federation = &apps::WORKLOAD_FEDERATION_AUDIENCE;
    if !v
        .evidence
        .aud
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case(federation.host))
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Workload identity federation",
        format!(
            "{} The federated credential must name exactly this issuer ({}) and this subject ({}).",
            federation.note,
            v.evidence.issuer.as_deref().unwrap_or("?"),
            v.c().sub.as_deref().unwrap_or("?")
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    fn fires(check: fn(&TokenView, &Context) -> Vec<Finding>, header: &str, payload: &str) -> bool {
        !check(&TokenView::new(token(header, payload)), &Context::fixed()).is_empty()
    }

    const RS: &str = r#"{"alg":"RS256"}"#;

    #[test]
    fn unsigned_token_fires_on_alg_none() {
        assert!(fires(
            unsigned_token,
            r#"{"alg":"none"}"#,
            r#"{"aud":"a","iss":"b"}"#
        ));
        assert!(!fires(unsigned_token, RS, r#"{"aud":"a","iss":"b"}"#));
    }

    #[test]
    fn issuer_tid_mismatch_fires_when_the_tenants_differ() {
        let iss = "https://sts.windows.net/11111111-1111-1111-1111-111111111111/";
        let bad = format!(r#"{{"iss":"{iss}","tid":"22222222-2222-2222-2222-222222222222"}}"#);
        let good = format!(r#"{{"iss":"{iss}","tid":"11111111-1111-1111-1111-111111111111"}}"#);
        assert!(fires(issuer_tid_mismatch, RS, &bad));
        assert!(!fires(issuer_tid_mismatch, RS, &good));
    }

    #[test]
    fn guest_user_fires_when_idp_differs() {
        let p = r#"{"iss":"https://sts.windows.net/t/","tid":"t","scp":"a","upn":"u","idp":"live.com"}"#;
        assert!(fires(guest_user, RS, p));
        assert!(!fires(
            guest_user,
            RS,
            &p.replace(r#","idp":"live.com""#, "")
        ));
    }

    #[test]
    fn ver_issuer_mismatch_fires_on_a_v2_issuer_with_ver_1() {
        let p =
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","tid":"t","scp":"a","ver":"1.0"}"#;
        assert!(fires(ver_issuer_mismatch, RS, p));
        assert!(!fires(ver_issuer_mismatch, RS, &p.replace("1.0", "2.0")));
    }

    #[test]
    fn default_scope_inside_fires_on_dot_default() {
        assert!(fires(
            default_scope_inside,
            RS,
            r#"{"iss":"x","scp":"https://x/.default"}"#
        ));
        assert!(!fires(default_scope_inside, RS, r#"{"iss":"x","scp":"a"}"#));
    }

    #[test]
    fn group_overage_fires_on_hasgroups() {
        assert!(fires(group_overage, RS, r#"{"iss":"x","hasgroups":true}"#));
        assert!(!fires(group_overage, RS, r#"{"iss":"x"}"#));
    }

    #[test]
    fn workload_federation_fires_on_its_audience() {
        let aud = apps::WORKLOAD_FEDERATION_AUDIENCE.host;
        assert!(fires(
            workload_federation,
            RS,
            &format!(r#"{{"iss":"x","aud":"{aud}"}}"#)
        ));
        assert!(!fires(workload_federation, RS, r#"{"iss":"x","aud":"y"}"#));
    }
}
