//! The `jwk` scan: JWK, JWKS, app manifest and Graph keyCredentials, OpenID Connect
//! configurations and `secret: ...` lines; every key becomes KeyEvidence for the signature checks.

use super::certificate;
use super::jwk_rules;
use super::{keycred, openid, secret};
use crate::context::Context;
use crate::decode::x509::json::{self, get_str, Recognised};
use crate::decode::x509::jwk::Jwk;
use crate::decode::x509::keycred::KeyCredential;
use crate::explain::rule;
use crate::knowledge::key_members::JWK_MEMBERS;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section, Span};
use crate::text::{b64_decode_lenient, hex_upper};
use crate::verify;
use serde_json::Value;

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out: Vec<Artifact> = json::find(text)
        .into_iter()
        .filter_map(|(span, value)| artifact_for(&value, span, ctx))
        .collect();
    out.extend(
        json::secret_lines(text)
            .iter()
            .map(|s| secret::card(s, ctx)),
    );
    out
}

fn artifact_for(value: &Value, span: Span, ctx: &Context) -> Option<Artifact> {
    Some(match json::recognise(value)? {
        Recognised::Jwks(keys) => {
            let mut a = Artifact::new(
                ArtifactKind::Jwk,
                span,
                format!("JWKS (JSON Web Key Set) with {} key(s)", keys.len()),
            );
            for (i, key) in keys.iter().enumerate() {
                a.children
                    .push(jwk_card(&Jwk::read(key, span, Some(i + 1)), ctx));
            }
            let kids: Vec<String> = keys
                .iter()
                .filter_map(|k| get_str(k, "kid").map(str::to_string))
                .collect();
            a.verdict = format!(
                "A key set as a discovery keys endpoint returns it: {} key(s){}. A token names the key that signed it in its kid (or x5t) header.",
                keys.len(),
                if kids.is_empty() {
                    String::new()
                } else {
                    format!(" with kid {}", kids.join(", "))
                }
            );
            a
        }
        Recognised::Jwk(key) => jwk_card(&Jwk::read(key, span, None), ctx),
        Recognised::OpenIdConfiguration(doc) => openid::card(doc, span, ctx),
        Recognised::KeyCredentials(creds) => {
            let mut a = Artifact::new(
                ArtifactKind::KeyCredential,
                span,
                format!("App keyCredentials ({} credential(s))", creds.len()),
            );
            for cred in &creds {
                a.children
                    .push(keycred::card(&KeyCredential::read(cred, span), ctx));
            }
            let expired = a
                .children
                .iter()
                .filter(|c| {
                    c.findings
                        .iter()
                        .any(|f| f.title.starts_with("Expired credential"))
                })
                .count();
            a.verdict = format!(
                "Certificate credentials of an app registration or service principal: {} entry(ies){}. Entra checks client assertions and tokens against these public keys.",
                creds.len(),
                if expired > 0 {
                    format!(", {expired} of them expired")
                } else {
                    String::new()
                }
            );
            a
        }
    })
}

/// The members every key type may carry, with what they mean.
fn member_fields(jwk: &Jwk) -> Section {
    let mut s = Section::new("Key");
    for (name, v) in &jwk.listed {
        let meaning = JWK_MEMBERS
            .iter()
            .find(|m| m.name == *name)
            .map(|m| m.meaning)
            .unwrap_or_default();
        let mut f = Field::new(*name, v.clone()).meaning(meaning);
        if *name == "x5t" {
            if let Some(b) = b64_decode_lenient(v).filter(|b| b.len() == 20) {
                f = f.shown(format!("SHA-1 thumbprint {}", hex_upper(&b)));
            }
        }
        s.push(f);
    }
    if let Some((n, e)) = &jwk.rsa {
        s.push(Field::new("n", format!("{} bits", verify::bit_length(n))).meaning("RSA modulus"));
        s.push(Field::new("e", hex_upper(e)).meaning("RSA public exponent"));
    }
    s
}

/// The one-sentence verdict of a JWK card.
fn jwk_verdict(
    kind: Option<&str>,
    secret: Option<&[u8]>,
    private: bool,
    kid: Option<&str>,
) -> String {
    match (kind, secret) {
        (Some(k), _) if private => format!(
            "The PRIVATE half of {} {k} key pair{}: only its public members are shown here.",
            if k.starts_with(['A', 'E', 'R']) {
                "an"
            } else {
                "a"
            },
            kid.map(|k| format!(" (kid {k})")).unwrap_or_default()
        ),
        (Some(k), _) => format!(
            "{} {k} public key{}.",
            if k.starts_with(['A', 'E', 'R']) {
                "An"
            } else {
                "A"
            },
            kid.map(|k| format!(" with kid {k}")).unwrap_or_default()
        ),
        (None, Some(secret)) => format!(
            "A shared secret of {} bytes for HS256/384/512.",
            secret.len()
        ),
        _ => "A JWK that cannot be used as a key (see the findings).".to_string(),
    }
}

/// The card of one JWK.
fn jwk_card(jwk: &Jwk, ctx: &Context) -> Artifact {
    let prefix = if jwk.private { "PRIVATE " } else { "" };
    let title = match (&jwk.kid, jwk.position) {
        (Some(kid), _) => format!("{prefix}JWK kid={kid}"),
        (None, Some(n)) => format!("{prefix}JWK #{n}"),
        (None, None) => format!("{prefix}JWK"),
    };
    let mut a = Artifact::new(ArtifactKind::Jwk, jwk.span, title);
    for cert in jwk.x5c.iter().flatten() {
        a.children.push(certificate::card(cert, ctx));
    }
    a.findings = rule::run(jwk_rules::RULES, jwk, ctx);
    let first = jwk.certificate();
    let spki_der = jwk
        .spki_der
        .clone()
        .or_else(|| first.map(|c| c.spki_der.clone()));
    let kind = spki_der
        .as_deref()
        .and_then(|d| verify::key_kind(d).ok())
        .map(|k| k.describe());
    a.verdict = jwk_verdict(
        kind.as_deref(),
        jwk.secret.as_deref(),
        jwk.private,
        jwk.kid.as_deref(),
    );
    a.sections.insert(0, member_fields(jwk));
    let x5t = jwk
        .member("x5t")
        .map(str::to_string)
        .or_else(|| first.map(|c| c.thumbprints.x5t()));
    let x5t_s256 = jwk
        .member("x5t#S256")
        .map(str::to_string)
        .or_else(|| first.map(|c| c.thumbprints.x5t_s256()));
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    if spki_der.is_some() || jwk.secret.is_some() {
        a.evidence.keys.push(KeyEvidence {
            label: format!(
                "JWKS key kid={}",
                jwk.kid.clone().unwrap_or_else(|| "(none)".into())
            ),
            kid: jwk.kid.clone(),
            x5t,
            x5t_s256,
            spki_der,
            secret: jwk.secret.clone(),
        });
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_fragment_with_web_spaces_is_read() {
        let text = "\"keyCredentials\": [\n\u{a0}\u{a0} {\n \"customKeyIdentifier\": \"ieF43L8nkyw/PEHjWvj+PkWebXk=\",\n \"keyId\": \"2d6d849e-3e9e-46cd-b5ed-0f9e30d078cc\",\n \"type\": \"AsymmetricX509Cert\",\n \"usage\": \"Verify\",\n \"value\": \"MIICWjCCAgSgAwIBA***omitted for brevity***qoD4dmgJqZmXDfFyQ\"\n }\n ]";
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, 0);
        let cred = &found[0].children[0];
        assert!(cred
            .verdict
            .contains("89E178DCBF27932C3F3C41E35AF8FE3E459E6D79"));
        assert!(cred
            .findings
            .iter()
            .any(|f| f.title.contains("cannot be decoded")));
        assert_eq!(
            cred.evidence.keys[0].x5t.as_deref(),
            Some("ieF43L8nkyw_PEHjWvj-PkWebXk")
        );
    }

    #[test]
    fn a_jwks_with_missing_fields_says_what_was_expected() {
        let text = r#"{"keys":[{"kty":"RSA","kid":"abc","e":"AQAB"},{"kid":"x"}]}"#;
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].children.len(), 2);
        let first = &found[0].children[0];
        assert!(first
            .findings
            .iter()
            .any(|f| f.explanation.contains("\"n\" is missing")));
        assert!(first.evidence.keys.is_empty());
        let second = &found[0].children[1];
        assert!(second
            .findings
            .iter()
            .any(|f| f.explanation.contains("\"kty\" is missing")));
    }

    #[test]
    fn ordinary_json_and_prose_are_ignored() {
        assert!(scan(r#"{"value":[{"id":"1"}]}"#, &Context::fixed()).is_empty());
        assert!(scan(r#"{"keys":[{"name":"a"}]}"#, &Context::fixed()).is_empty());
        assert!(scan("the keys are in the drawer", &Context::fixed()).is_empty());
        assert!(scan("{\"keys\": [ {\"kty\": ", &Context::fixed()).is_empty());
    }

    #[test]
    fn secret_lines_become_hmac_keys() {
        let found = scan("token here\nHS256 secret: s3cr3t\n", &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].evidence.keys[0].secret.as_deref(),
            Some(&b"s3cr3t"[..])
        );
        assert!(scan("my secret is safe", &Context::fixed()).is_empty());
    }
}
