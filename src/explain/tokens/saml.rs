//! The card of a SAML token pasted where a JWT was expected: named briefly, with the rule that
//! says it is not a JWT.

use crate::context::Context;
use crate::decode::tokens::saml::{Saml, SamlWhat};
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// The rules about a SAML token.
pub const RULES: &[Rule<Saml>] = &[Rule {
    id: "token.saml-not-jwt",
    severity: Severity::Info,
    title: "A SAML token where a JWT was expected",
    source: None,
    check: not_a_jwt,
}];

pub fn card(saml: &Saml, ctx: &Context) -> Artifact {
    let mut artifact = Artifact::new(ArtifactKind::Saml, saml.span, "SAML token (not a JWT)");
    let version = if saml.version_1 {
        "SAML 1.1"
    } else {
        "SAML 2.0"
    };
    let what = match saml.what {
        SamlWhat::EncryptedResponse => "response with an encrypted assertion",
        SamlWhat::Assertion => "assertion",
        SamlWhat::Response => "response",
    };
    let mut verdict = format!("A {version} {what}");
    if let Some(i) = &saml.issuer {
        verdict.push_str(&format!(" from {i}"));
    }
    if let Some(a) = &saml.audience {
        verdict.push_str(&format!(" for {a}"));
    }
    if let Some(n) = &saml.subject {
        verdict.push_str(&format!(" about {n}"));
    }
    verdict.push_str(": a SAML token is XML, not a JWT, so it is shown only briefly and cannot be sent as a Bearer token.");
    artifact.verdict = verdict;
    artifact.findings = rule::run(RULES, saml, ctx);
    let mut section = Section::new("SAML");
    section.push(Field::new("Version", version));
    for (label, value) in [
        ("Issuer", &saml.issuer),
        ("Audience", &saml.audience),
        ("Subject (NameID)", &saml.subject),
        ("Not before", &saml.not_before),
        ("Not on or after", &saml.not_on_or_after),
    ] {
        if let Some(v) = value {
            section.push(Field::new(label, v.clone()));
        }
    }
    section.push(Field::new(
        "Signed",
        if saml.signed {
            "yes (XML signature present)"
        } else {
            "no XML signature found"
        },
    ));
    artifact.sections.push(section);
    artifact
}

/// `token.saml-not-jwt`: SAML is XML for sign-ins, not a Bearer token for APIs.
fn not_a_jwt(saml: &Saml, _: &Context) -> Vec<Finding> {
    vec![Finding::new(
        Severity::Info,
        "SAML, not a JWT",
        format!(
            "This is a SAML token{}: signed XML that SAML and WS-Federation sign-ins post to a web app. APIs such as Microsoft Graph, Exchange or SharePoint expect an OAuth access token (a JWT starting with eyJ) in the Authorization header. To inspect the access token, copy access_token from the token response or the value after Bearer in the request.",
            if saml.was_base64 { " (decoded from base64, as in a SAMLResponse form field)" } else { "" }
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::tokens::saml::find;

    #[test]
    fn not_a_jwt_fires_on_a_saml_response_and_says_how_it_came() {
        let xml = r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Assertion/></samlp:Response>"#;
        let found = find(xml);
        let f = not_a_jwt(&found[0], &Context::fixed());
        assert_eq!(f.len(), 1);
        assert!(!f[0].explanation.contains("decoded from base64"));
        assert!(find("<Response>plain xml</Response>").is_empty());
    }
}
