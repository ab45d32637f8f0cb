//! Builds the card of one token: title and verdict, the summary, header, claims and signature
//! sections, the findings of the token rules, and a nested actor token.

use super::rules::{CLAIM_RULES, RULES};
use super::view::TokenView;
use super::{claim_rows, header, signature, summary, verdict};
use crate::context::Context;
use crate::decode::tokens::compact::{self, Compact};
use crate::decode::tokens::Token;
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Section, Span};
use serde_json::Value;

/// How deep actor tokens inside S2S tokens are followed.
const MAX_DEPTH: u8 = 3;

/// Builds the artifact for a decoded token; `depth` counts the actor tokens it sits inside.
pub fn explain(token: Token, span: Span, ctx: &Context, depth: u8) -> Artifact {
    let view = TokenView::new(token);
    let kind = if view.decoded_only {
        ArtifactKind::DecodedClaims
    } else {
        ArtifactKind::Jwt
    };
    let mut artifact = Artifact::new(kind, span, "JSON Web Token");
    artifact.evidence.header_keys = x5c_key(&view.token.header, ctx).into_iter().collect();
    artifact.findings = rule::run(RULES, &view, ctx);
    let header = &view.token.header;
    let Some(p) = &view.token.payload else {
        if !header.is_empty() {
            artifact.sections.push(header::section(header));
        }
        artifact.title = "JWT with an unreadable payload".to_string();
        artifact.verdict =
            "The header decoded, but the payload is not a JSON object, so no claims can be shown."
                .to_string();
        artifact.raw_json = serde_json::to_string_pretty(&Value::Object(header.clone())).ok();
        artifact.evidence.token = Some(view.evidence);
        return artifact;
    };
    artifact.findings.extend(rule::run(CLAIM_RULES, &view, ctx));
    artifact.title = verdict::title(&view);
    artifact.verdict = verdict::verdict(&view, ctx);
    artifact
        .sections
        .push(summary::section(&view, &artifact.title, ctx));
    if !header.is_empty() {
        artifact.sections.push(header::section(header));
    }
    let mut claims_section = Section::new("Payload claims");
    for (name, value) in p {
        claims_section.push(claim_rows::field(name, value, &view, ctx));
    }
    artifact.sections.push(claims_section);
    if !view.decoded_only {
        artifact.sections.push(signature::section(&view.token));
    }
    if let Some(actor) = view.token.claims.actortoken.as_deref() {
        if depth < MAX_DEPTH {
            if let Some(child) = actor_token(actor.trim(), span, ctx, depth + 1) {
                artifact.children.push(child);
            } else {
                artifact
                    .findings
                    .extend(rule::run(super::rules::ACTOR_RULES, &view, ctx));
            }
        }
    }
    let raw = serde_json::json!({ "header": header, "payload": p });
    artifact.raw_json = serde_json::to_string_pretty(&raw).ok();
    artifact.evidence.token = Some(view.evidence);
    artifact
}

/// The key of the first certificate of the header's x5c chain, named as the token's own, so the
/// correlator can check the signature with it.
fn x5c_key(
    header: &serde_json::Map<String, Value>,
    ctx: &Context,
) -> Option<crate::report::KeyEvidence> {
    let der = header
        .get("x5c")?
        .as_array()?
        .iter()
        .find_map(|c| c.as_str().and_then(crate::text::b64_decode_lenient))?;
    let cert = crate::explain::x509::certificate::certificate_artifact(&der, Span::default(), ctx)?;
    let mut key = cert.evidence.keys.into_iter().next()?;
    key.label = format!("the token's own x5c certificate ({})", key.label);
    Some(key)
}

/// Decodes and explains the actor token an S2S outer token carries.
fn actor_token(actor: &str, span: Span, ctx: &Context, depth: u8) -> Option<Artifact> {
    Some(match compact::decode(actor, false)? {
        Compact::Jws(token) => explain(*token, span, ctx, depth),
        Compact::Jwe(jwe) => super::jwe::card(&jwe, span, ctx),
    })
}
