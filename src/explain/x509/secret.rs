//! The card of a `secret: ...` line: an HMAC key for HS256/384/512 tokens.

use crate::context::Context;
use crate::decode::x509::json::SecretLine;
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity};

/// The card of one secret line; the secret itself is never shown.
pub fn card(line: &SecretLine, ctx: &Context) -> Artifact {
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
            a.findings = rule::run(RULES, line, ctx);
        }
    }
    a
}

/// The rules over one secret line.
pub const RULES: &[Rule<SecretLine>] = &[Rule {
    id: "secret.not-base64",
    severity: Severity::Error,
    title: "Secret announced as base64 is not base64",
    source: None,
    check: not_base64,
}];

fn not_base64(line: &SecretLine, _: &Context) -> Vec<Finding> {
    if line.secret.is_some() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Secret is not base64",
        "A \"base64 secret:\" line needs base64 text; write \"secret: <text>\" for a plain-text secret.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    #[test]
    fn only_an_unreadable_secret_is_reported() {
        let ctx = Context::fixed();
        let mut line = SecretLine {
            span: Span::default(),
            secret: Some(b"s".to_vec()),
        };
        assert!(rule::run(RULES, &line, &ctx).is_empty());
        line.secret = None;
        assert_eq!(rule::run(RULES, &line, &ctx)[0].rule, "secret.not-base64");
    }
}
