//! The card of one app keyCredential (manifest or Microsoft Graph form).

use super::certificate::certificate_artifact;
use super::keycred_rules::{self, CredValue, KeyCredFacts};
use crate::context::Context;
use crate::decode::x509::der::Thumbprints;
use crate::decode::x509::json::{get_str, iso_time};
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section, Span};
use crate::text::{b64_decode_lenient, b64url, hex_colon, hex_upper};
use serde_json::Value;

/// The members of a keyCredential with their meanings, and the SHA-1 thumbprint that
/// customKeyIdentifier holds, if it holds one.
fn credential_section(cred: &Value) -> (Section, Option<Vec<u8>>) {
    let mut s = Section::new("keyCredential");
    let mut thumb: Option<Vec<u8>> = None;
    if let Some(cki) = get_str(cred, "customKeyIdentifier") {
        let bytes = b64_decode_lenient(cki);
        match bytes {
            Some(b) if b.len() == 20 => {
                s.push(
                    Field::new("customKeyIdentifier", cki)
                        .shown(format!(
                            "SHA-1 thumbprint {} ({})",
                            hex_upper(&b),
                            hex_colon(&b)
                        ))
                        .meaning("base64 of the certificate's SHA-1 thumbprint"),
                );
                thumb = Some(b);
            }
            Some(b) => s.push(
                Field::new("customKeyIdentifier", cki)
                    .shown(String::from_utf8_lossy(&b).into_owned())
                    .meaning("a custom identifier (not a 20-byte SHA-1 thumbprint)"),
            ),
            None => s.push(Field::new("customKeyIdentifier", cki).meaning("not base64")),
        }
    }
    for (name, meaning) in [
        ("keyId", "the credential's own GUID (not the thumbprint)"),
        ("type", ""),
        ("usage", ""),
        ("displayName", "usually the certificate subject"),
        ("startDateTime", ""),
        ("endDateTime", ""),
        ("startDate", ""),
        ("endDate", ""),
    ] {
        if let Some(v) = get_str(cred, name) {
            let meaning = match (name, v) {
                ("type", "AsymmetricX509Cert") => "a certificate (public key) credential",
                ("type", "X509CertAndPassword") => {
                    "a certificate with private key (used for SAML signing)"
                }
                ("type", "Symmetric") => "a symmetric key",
                ("usage", "Verify") => {
                    "Entra verifies the app's signatures (client assertions) with it"
                }
                ("usage", "Sign") => "used to sign (SAML token signing)",
                _ => meaning,
            };
            s.push(Field::new(name, v).meaning(meaning));
        }
    }
    (s, thumb)
}

/// The card of one keyCredential entry.
pub fn card(cred: &Value, span: Span, ctx: &Context) -> Artifact {
    let key_id = get_str(cred, "keyId").unwrap_or("(no keyId)");
    let mut a = Artifact::new(
        ArtifactKind::KeyCredential,
        span,
        format!("keyCredential {key_id}"),
    );
    let (s, mut thumb) = credential_section(cred);
    let end = get_str(cred, "endDateTime")
        .or_else(|| get_str(cred, "endDate"))
        .and_then(iso_time);
    let start = get_str(cred, "startDateTime")
        .or_else(|| get_str(cred, "startDate"))
        .and_then(iso_time);
    let value = get_str(cred, "value").or_else(|| get_str(cred, "key"));
    let mut spki_der = None;
    let mut x5t_s256 = None;
    let declared = thumb.clone();
    let value = match value {
        Some(v) => {
            let elided = v.contains('*')
                || v.to_ascii_lowercase().contains("omitted")
                || v.contains("...")
                || v.contains('…');
            let der = if elided { None } else { b64_decode_lenient(v) };
            match der
                .as_deref()
                .and_then(|d| certificate_artifact(d, span, ctx).map(|c| (d, c)))
            {
                Some((d, child)) => {
                    let thumbs = Thumbprints::of(d);
                    x5t_s256 = Some(thumbs.x5t_s256());
                    spki_der = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
                    let sha1 = thumbs.sha1.clone();
                    if thumb.is_none() {
                        thumb = Some(thumbs.sha1.clone());
                    }
                    a.children.push(child);
                    CredValue::Certificate { sha1 }
                }
                None if elided => CredValue::Elided,
                None => CredValue::NotCertificate,
            }
        }
        None => CredValue::Missing,
    };
    let facts = KeyCredFacts {
        start,
        end,
        declared,
        value,
    };
    a.findings = rule::run(keycred_rules::RULES, &facts, ctx);
    let thumb_hex = thumb.as_ref().map(|t| hex_upper(t));
    a.verdict = format!(
        "{} credential{}{}.",
        get_str(cred, "type").unwrap_or("A key"),
        thumb_hex
            .as_ref()
            .map(|t| format!(" for the certificate with thumbprint {t}"))
            .unwrap_or_default(),
        get_str(cred, "usage")
            .map(|u| format!(", usage {u}"))
            .unwrap_or_default()
    );
    a.sections.insert(0, s);
    let x5t = thumb.as_ref().map(|t| b64url(t));
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "keyCredential {key_id}{}",
            thumb_hex
                .map(|t| format!(" (thumbprint {t})"))
                .unwrap_or_default()
        ),
        kid: None,
        x5t,
        x5t_s256,
        spki_der,
        secret: None,
    });
    a
}
