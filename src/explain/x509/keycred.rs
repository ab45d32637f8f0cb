//! The card of one app keyCredential (manifest or Microsoft Graph form).

use super::certificate::certificate_artifact;
use crate::context::Context;
use crate::decode::x509::der::Thumbprints;
use crate::decode::x509::json::{get_str, iso_time};
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity, Span};
use crate::text::{b64_decode_lenient, b64url, hex_colon, hex_upper, relative, utc};
use serde_json::Value;

/// The card of one keyCredential entry.
pub fn card(cred: &Value, span: Span, ctx: &Context) -> Artifact {
    let key_id = get_str(cred, "keyId").unwrap_or("(no keyId)");
    let mut a = Artifact::new(
        ArtifactKind::KeyCredential,
        span,
        format!("keyCredential {key_id}"),
    );
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
    let end = get_str(cred, "endDateTime")
        .or_else(|| get_str(cred, "endDate"))
        .and_then(iso_time);
    let start = get_str(cred, "startDateTime")
        .or_else(|| get_str(cred, "startDate"))
        .and_then(iso_time);
    if let Some(end) = end.filter(|e| *e < ctx.now) {
        a.findings.push(
            Finding::new(
                Severity::Error,
                format!("Expired credential (endDateTime {})", utc(end)),
                format!(
                    "This credential ended {}. Entra no longer accepts client assertions (or Exchange hybrid tokens) signed with its certificate: AADSTS700027 or \"key was not found\" errors follow.",
                    relative(end, ctx.now)
                ),
            )
            .step(crate::report::Step::new(
                "Upload the renewed certificate's public part as a new keyCredential, then remove this expired one.",
            ))
            .source(sources::RESOURCES_KEYCREDENTIAL),
        );
    } else if let Some(start) = start.filter(|s| *s > ctx.now) {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Credential not yet valid",
            format!(
                "startDateTime is {} ({}); until then Entra does not accept it.",
                utc(start),
                relative(start, ctx.now)
            ),
        ));
    } else if let Some(end) = end.filter(|e| *e - ctx.now < 30 * 86_400) {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Credential expires soon",
            format!(
                "endDateTime is {} ({}); upload the renewed certificate before then.",
                utc(end),
                relative(end, ctx.now)
            ),
        ));
    }
    let value = get_str(cred, "value").or_else(|| get_str(cred, "key"));
    let mut spki_der = None;
    let mut x5t_s256 = None;
    match value {
        Some(v) => {
            let elided = v.contains('*') || v.to_ascii_lowercase().contains("omitted") || v.contains("...") || v.contains('…');
            let der = if elided { None } else { b64_decode_lenient(v) };
            match der.as_deref().and_then(|d| certificate_artifact(d, span, ctx).map(|c| (d, c))) {
                Some((d, child)) => {
                    let thumbs = Thumbprints::of(d);
                    x5t_s256 = Some(thumbs.x5t_s256());
                    spki_der = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
                    match &thumb {
                        Some(t) if *t == thumbs.sha1 => a.findings.push(Finding::new(
                            Severity::Ok,
                            "customKeyIdentifier matches the certificate",
                            "The thumbprint in customKeyIdentifier is the SHA-1 thumbprint of the certificate in value.",
                        )),
                        Some(t) => a.findings.push(Finding::new(
                            Severity::Warning,
                            "customKeyIdentifier does not match the certificate",
                            format!("customKeyIdentifier says {}, but the certificate's SHA-1 thumbprint is {}.", hex_upper(t), hex_upper(&thumbs.sha1)),
                        )),
                        None => {}
                    }
                    if thumb.is_none() {
                        thumb = Some(thumbs.sha1.clone());
                    }
                    a.children.push(child);
                }
                None if elided => a.findings.push(Finding::new(
                    Severity::Info,
                    "Certificate value elided: cannot be decoded",
                    "The value was shortened (\"omitted for brevity\"), so the certificate itself cannot be read; the thumbprint from customKeyIdentifier still identifies it. Paste the full value (or the .cer file) to see the certificate.",
                )),
                None => a.findings.push(Finding::new(
                    Severity::Error,
                    "Value is not a certificate",
                    "Expected the base64 DER of the certificate (the .cer file's bytes, [Convert]::ToBase64String($cert.GetRawCertData())).",
                )),
            }
        }
        None => a.findings.push(Finding::new(
            Severity::Info,
            "No certificate value",
            "This entry carries no value or key (Graph returns key: null unless asked with $select=keyCredentials); the thumbprint identifies the certificate.",
        )),
    }
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
