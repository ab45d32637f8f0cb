//! The card of an encrypted token (JWE): its protected header, the sizes of its parts, and the
//! rules that say what cannot be read.

use crate::context::Context;
use crate::decode::tokens::compact::Jwe;
use crate::decode::tokens::token::compact_value;
use crate::explain::rule::{self, Rule};
use crate::knowledge::claims;
use crate::report::{
    Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, TokenEvidence,
};
use serde_json::Value;

/// The rules about an encrypted token, in the order they report.
pub const RULES: &[Rule<Jwe>] = &[
    Rule {
        id: "token.jwe-incomplete",
        severity: Severity::Warning,
        title: "An encrypted token without its five parts",
        source: None,
        check: incomplete,
    },
    Rule {
        id: "token.jwe-encrypted",
        severity: Severity::Info,
        title: "The claims of an encrypted token cannot be read",
        source: None,
        check: encrypted,
    },
];

/// The names of the five parts of a JWE.
const PART_NAMES: [&str; 5] = [
    "protected header",
    "encrypted key",
    "initialization vector",
    "ciphertext",
    "authentication tag",
];

pub fn card(jwe: &Jwe, span: Span, ctx: &Context) -> Artifact {
    let mut artifact = Artifact::new(ArtifactKind::Jwe, span, "Encrypted token (JWE)");
    let (alg, enc) = (&jwe.alg, &jwe.enc);
    artifact.verdict = format!(
        "An encrypted JWT (JWE, key management {alg}, content encryption {enc}): only its header can be read; the payload is encrypted and cannot be read without the recipient's private key."
    );
    let mut section = Section::new("Protected header");
    for (name, value) in &jwe.header {
        let param = claims::header_param(name);
        let meaning = param.map(|c| c.meaning.to_string()).unwrap_or_default();
        let mut field = Field::new(name, compact_value(value)).meaning(meaning);
        if param.is_none() {
            field = field.unknown();
        }
        section.push(field);
    }
    artifact.sections.push(section);
    let mut parts_section = Section::new("Parts");
    for (name, len) in PART_NAMES.iter().zip(jwe.part_lens) {
        parts_section.push(Field::new(
            *name,
            match len {
                Some(n) => format!("{n} bytes"),
                None => "missing or not base64url".to_string(),
            },
        ));
    }
    artifact.sections.push(parts_section);
    artifact.findings = rule::run(RULES, jwe, ctx);
    artifact.raw_json = serde_json::to_string_pretty(&Value::Object(jwe.header.clone())).ok();
    artifact.evidence.token = Some(TokenEvidence {
        compact: Some(jwe.compact.clone()),
        alg: Some(alg.clone()),
        ..Default::default()
    });
    artifact
}

/// `token.jwe-incomplete`: not five parts, so it was cut when copied.
fn incomplete(jwe: &Jwe, _: &Context) -> Vec<Finding> {
    if jwe.parts == 5 {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Incomplete JWE",
        format!(
            "A JWE has five dot-separated parts; this one has {}. It may have been cut when copied.",
            jwe.parts
        ),
    )]
}

/// `token.jwe-encrypted`: the claims are encrypted for the recipient.
fn encrypted(_: &Jwe, _: &Context) -> Vec<Finding> {
    vec![Finding::new(
        Severity::Info,
        "Payload is encrypted",
        "The claims are encrypted for the recipient and cannot be read or checked here without its private key. Entra issues encrypted tokens only when an app configured token encryption.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::tokens::compact::{decode, Compact};
    use crate::text::b64url;

    fn jwe(parts: &str) -> Jwe {
        let header = b64url(br#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#);
        match decode(&format!("{header}.{parts}"), false) {
            Some(Compact::Jwe(j)) => j,
            _ => panic!("not a JWE"),
        }
    }

    #[test]
    fn incomplete_fires_on_fewer_than_five_parts() {
        let ctx = Context::fixed();
        assert_eq!(incomplete(&jwe("ZW5ja2V5.aXZpdml2"), &ctx).len(), 1);
        assert!(incomplete(&jwe("ZW5ja2V5.aXZpdml2.Y2lwaGVy.dGFn"), &ctx).is_empty());
    }

    #[test]
    fn encrypted_fires_on_every_jwe() {
        let ctx = Context::fixed();
        assert_eq!(
            encrypted(&jwe("ZW5ja2V5.aXZpdml2.Y2lwaGVy.dGFn"), &ctx).len(),
            1
        );
        let card = card(
            &jwe("ZW5ja2V5.aXZpdml2.Y2lwaGVy.dGFn"),
            Span::new(0, 1),
            &ctx,
        );
        assert!(card.verdict.contains("cannot be read"));
    }
}
