//! The card of a `secret: ...` line: an HMAC key for HS256/384/512 tokens.

use crate::decode::x509::json::SecretLine;
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity};

/// The card of one secret line; the secret itself is never shown.
pub fn card(line: &SecretLine) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::Jwk,
        line.span,
        "Shared secret for HS256/HS384/HS512",
    );
    match &line.secret {
        Some(secret) => {
            a.verdict = format!(
                "A shared secret of {} bytes, used only to check HMAC-signed (HS256/384/512) tokens in this page.",
                secret.len()
            );
            let mut s = Section::new("Secret");
            s.push(
                Field::new("Length", format!("{} bytes", secret.len()))
                    .meaning("the secret itself is not repeated here"),
            );
            a.sections.push(s);
            a.evidence.keys.push(KeyEvidence {
                label: format!("the shared secret ({} bytes)", secret.len()),
                secret: Some(secret.clone()),
                ..KeyEvidence::default()
            });
        }
        None => {
            a.verdict = "A secret line whose value is not valid base64.".into();
            a.findings.push(Finding::new(
                Severity::Error,
                "Secret is not base64",
                "A \"base64 secret:\" line needs base64 text; write \"secret: <text>\" for a plain-text secret.",
            ));
        }
    }
    a
}
