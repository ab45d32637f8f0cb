//! The card of an OpenID Connect discovery document (`.well-known/openid-configuration`).

use crate::context::Context;
use crate::decode::x509::json::{get, get_str};
use crate::explain::rule::{self, Rule};
use crate::knowledge::key_members::{OPENID_CAPABILITIES, OPENID_ENDPOINTS};
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use serde_json::Value;

/// Builds the artifact for an OpenID Connect discovery document (`.well-known/openid-configuration`).
pub fn card(doc: &Value, span: Span, ctx: &Context) -> Artifact {
    let issuer = get_str(doc, "issuer").unwrap_or("");
    let mut a = Artifact::new(
        ArtifactKind::Jwk,
        span,
        format!("OpenID Connect configuration: {issuer}"),
    );
    let cloud = crate::knowledge::sign_in_hosts::cloud_of_url(
        get_str(doc, "token_endpoint")
            .or_else(|| get_str(doc, "authorization_endpoint"))
            .unwrap_or(issuer),
    );
    let version = if issuer.trim_end_matches('/').ends_with("/v2.0") {
        "v2.0 (tokens from the v2.0 endpoint carry this issuer)"
    } else if issuer.contains("sts.windows.net") {
        "v1.0 (tokens from the v1.0 endpoint, and v2.0-endpoint tokens for resources that ask for v1, carry this issuer)"
    } else {
        ""
    };
    let tenant = crate::text::guids_in(issuer).first().map(|g| g.to_string());
    a.verdict = format!(
        "The OpenID Connect discovery document of {}, in {cloud}: it lists the endpoints and, at jwks_uri, where the signing keys are published. This page does not fetch it; open jwks_uri yourself and paste the JSON to check a token's signature.",
        match &tenant {
            Some(t) => format!("tenant {t}"),
            None if issuer.contains("{tenantid}") => "a multi-tenant endpoint (common or organizations)".to_string(),
            None => "an identity provider".to_string(),
        }
    );
    let mut s = Section::new("Endpoints");
    for m in OPENID_ENDPOINTS {
        let (name, meaning) = (m.name, m.meaning);
        if let Some(v) = get_str(doc, name) {
            let meaning = if name == "issuer" && !version.is_empty() {
                format!("{meaning}; {version}")
            } else {
                meaning.to_string()
            };
            s.push(Field::new(name, v).meaning(meaning));
        }
    }
    let mut cap = Section::new("Capabilities");
    for m in OPENID_CAPABILITIES {
        let (name, meaning) = (m.name, m.meaning);
        if let Some(Value::Array(items)) = get(doc, name) {
            let list: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            cap.push(Field::new(name, list.join(", ")).meaning(meaning));
        }
    }
    if let Some(t) = &tenant {
        s.push(Field::new("Tenant ID", t.clone()).meaning("the directory GUID in the issuer"));
    }
    s.push(Field::new("Cloud", cloud).meaning("from the host of the token endpoint"));
    a.sections.push(s);
    if !cap.fields.is_empty() {
        a.sections.push(cap);
    }
    a.findings = rule::run(RULES, doc, ctx);
    a
}

/// The rules over one OpenID Connect configuration.
pub const RULES: &[Rule<Value>] = &[Rule {
    id: "openid.jwks-uri",
    severity: Severity::Info,
    title: "Where the signing keys are published",
    source: Some(sources::IDENTITY_PLATFORM_V2_PROTOCOLS_OIDC_FIND_YOUR_APPS_OPENID_CO),
    check: jwks_uri,
}];

fn jwks_uri(doc: &Value, _: &Context) -> Vec<Finding> {
    let Some(uri) = get_str(doc, "jwks_uri") else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Info,
        "Signing keys are at jwks_uri (not fetched)",
        format!(
            "To check a token's signature, open {uri} in a browser and paste the JSON it returns into the key box."
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jwks_uri_is_named_when_present() {
        let ctx = Context::fixed();
        let doc = serde_json::json!({"jwks_uri": "keys"});
        assert_eq!(rule::run(RULES, &doc, &ctx)[0].rule, "openid.jwks-uri");
        assert!(rule::run(RULES, &serde_json::json!({}), &ctx).is_empty());
    }
}
