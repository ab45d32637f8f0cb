//! The `jwk` scan: JWK, JWKS, app manifest and Graph keyCredentials, OpenID Connect
//! configurations and `secret: ...` lines; every key becomes KeyEvidence for the signature checks.

use super::certificate::certificate_artifact;
use super::jwk_rules::{self, JwkFacts};
use super::{keycred, openid, secret};
use crate::context::Context;
use crate::decode::x509::der::Thumbprints;
use crate::decode::x509::json::{self, get, get_str, Recognised};
use crate::decode::x509::keycred::KeyCredential;
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section, Span};
use crate::text::{b64_decode_lenient, hex_upper};
use crate::verify::{self, spki};
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
                a.children.push(jwk_artifact(key, span, ctx, Some(i + 1)));
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
        Recognised::Jwk(key) => jwk_artifact(key, span, ctx, None),
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

/// Decodes a base64url JWK member, saying what was expected when it is missing or broken.
fn member_bytes(key: &Value, name: &str, problems: &mut Vec<String>) -> Option<Vec<u8>> {
    match get_str(key, name) {
        Some(s) => match b64_decode_lenient(s) {
            Some(b) if !b.is_empty() => Some(b),
            _ => {
                problems.push(format!("\"{name}\" is not base64url"));
                None
            }
        },
        None => {
            problems.push(format!("\"{name}\" is missing"));
            None
        }
    }
}

/// The members every key type may carry, with what they mean.
fn member_fields(key: &Value) -> Section {
    let mut s = Section::new("Key");
    for (name, meaning) in [
        ("kty", "key type"),
        ("kid", "key id: a token names its signing key with this"),
        ("use", "sig = signing"),
        ("alg", "algorithm this key is for"),
        ("x5t", "base64url SHA-1 thumbprint of the certificate"),
        (
            "x5t#S256",
            "base64url SHA-256 thumbprint of the certificate",
        ),
        (
            "issuer",
            "the token issuer this key signs for (Entra adds it)",
        ),
        ("crv", "curve"),
    ] {
        if let Some(v) = get_str(key, name) {
            let mut f = Field::new(name, v).meaning(meaning);
            if name == "x5t" {
                if let Some(b) = b64_decode_lenient(v).filter(|b| b.len() == 20) {
                    f = f.shown(format!("SHA-1 thumbprint {}", hex_upper(&b)));
                }
            }
            s.push(f);
        }
    }
    s
}

/// The public key built from the members of its key type, as DER SubjectPublicKeyInfo.
fn public_key(
    key: &Value,
    kty: &str,
    s: &mut Section,
    problems: &mut Vec<String>,
) -> Option<Vec<u8>> {
    match kty {
        "RSA" => {
            let n = member_bytes(key, "n", problems);
            let e = member_bytes(key, "e", problems);
            match (n, e) {
                (Some(n), Some(e)) => {
                    s.push(
                        Field::new("n", format!("{} bits", verify::bit_length(&n)))
                            .meaning("RSA modulus"),
                    );
                    s.push(Field::new("e", hex_upper(&e)).meaning("RSA public exponent"));
                    spki::rsa(&n, &e).map_err(|e| problems.push(e)).ok()
                }
                _ => None,
            }
        }
        "EC" => {
            let crv = get_str(key, "crv").unwrap_or("");
            let x = member_bytes(key, "x", problems);
            let y = member_bytes(key, "y", problems);
            match (x, y) {
                (Some(x), Some(y)) => spki::ec(crv, &x, &y).map_err(|e| problems.push(e)).ok(),
                _ => None,
            }
        }
        "OKP" => member_bytes(key, "x", problems)
            .and_then(|x| spki::ed25519(&x).map_err(|e| problems.push(e)).ok()),
        "oct" => None,
        "" => {
            problems.push("\"kty\" is missing (expected RSA, EC, OKP or oct)".into());
            None
        }
        other => {
            problems.push(format!(
                "the key type \"{other}\" is not one this page can use"
            ));
            None
        }
    }
}

/// What the first certificate of a key's x5c chain says about the key.
#[derive(Default)]
struct X5c {
    x5t: Option<String>,
    x5t_s256: Option<String>,
    spki: Option<Vec<u8>>,
}

/// Adds the certificates of the key's x5c chain to its card as children.
fn x5c_chain(
    key: &Value,
    span: Span,
    ctx: &Context,
    a: &mut Artifact,
    problems: &mut Vec<String>,
) -> X5c {
    let mut first = X5c::default();
    if let Some(Value::Array(chain)) = get(key, "x5c") {
        for (i, c) in chain.iter().enumerate() {
            let der = c.as_str().and_then(b64_decode_lenient);
            match der
                .as_deref()
                .and_then(|d| certificate_artifact(d, span, ctx))
            {
                Some(child) => {
                    if i == 0 {
                        let thumbs = Thumbprints::of(der.as_deref().unwrap_or_default());
                        first.x5t = Some(thumbs.x5t());
                        first.x5t_s256 = Some(thumbs.x5t_s256());
                        first.spki = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
                    }
                    a.children.push(child);
                }
                None => problems.push(format!("x5c[{i}] is not a base64 DER certificate")),
            }
        }
    }
    first
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

fn jwk_artifact(key: &Value, span: Span, ctx: &Context, position: Option<usize>) -> Artifact {
    let kid = get_str(key, "kid").map(str::to_string);
    let kty = get_str(key, "kty").unwrap_or("");
    // Private members of an RSA, EC or OKP key; a shared secret (oct) is flagged further down.
    let private = kty != "oct" && ["d", "p", "q"].iter().any(|m| get_str(key, m).is_some());
    let prefix = if private { "PRIVATE " } else { "" };
    let title = match (&kid, position) {
        (Some(kid), _) => format!("{prefix}JWK kid={kid}"),
        (None, Some(n)) => format!("{prefix}JWK #{n}"),
        (None, None) => format!("{prefix}JWK"),
    };
    let mut a = Artifact::new(ArtifactKind::Jwk, span, title);
    let mut s = member_fields(key);
    let mut problems = Vec::new();
    let spki_der = public_key(key, kty, &mut s, &mut problems);
    let secret = if kty == "oct" {
        member_bytes(key, "k", &mut problems)
    } else {
        None
    };
    let chain = x5c_chain(key, span, ctx, &mut a, &mut problems);
    let (cert_x5t, cert_x5t_s256, cert_spki) = (chain.x5t, chain.x5t_s256, chain.spki);
    let facts = JwkFacts {
        kty: kty.to_string(),
        private,
        secret: kty == "oct" && secret.is_some(),
        declared_x5t: get_str(key, "x5t").map(str::to_string),
        cert_x5t: cert_x5t.clone(),
        ne_spki: spki_der.clone(),
        cert_spki: cert_spki.clone(),
        problems,
    };
    a.findings = rule::run(jwk_rules::RULES, &facts, ctx);
    let spki_der = spki_der.or(cert_spki);
    let kind = spki_der
        .as_deref()
        .and_then(|d| verify::key_kind(d).ok())
        .map(|k| k.describe());
    a.verdict = jwk_verdict(kind.as_deref(), secret.as_deref(), private, kid.as_deref());
    a.sections.insert(0, s);
    let x5t = get_str(key, "x5t").map(str::to_string).or(cert_x5t);
    let x5t_s256 = get_str(key, "x5t#S256")
        .map(str::to_string)
        .or(cert_x5t_s256);
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    if spki_der.is_some() || secret.is_some() {
        a.evidence.keys.push(KeyEvidence {
            label: format!(
                "JWKS key kid={}",
                kid.clone().unwrap_or_else(|| "(none)".into())
            ),
            kid,
            x5t,
            x5t_s256,
            spki_der,
            secret,
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
