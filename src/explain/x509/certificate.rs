//! The certificate card: verdict, findings, sections, ready-to-paste JSON and key evidence.

use super::certificate_rules;
use super::sections::{self, date_only};
use crate::context::Context;
use crate::decode::x509::cert::Certificate;
use crate::explain::rule;
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section, Span};
use crate::text::{b64std, relative};

/// Builds the artifact for one DER certificate, or `None` if the bytes are not a certificate.
pub fn certificate_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    Certificate::parse(der, span).map(|cert| card(&cert, ctx))
}

/// The card of a parsed certificate.
pub fn card(cert: &Certificate, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::Certificate,
        cert.span,
        format!("X.509 certificate: {}", cert.subject),
    );
    let (not_before, not_after) = (cert.not_before, cert.not_after);
    let role = match (cert.self_signed, cert.is_ca) {
        (true, true) => "Self-signed root CA certificate",
        (true, false) => "Self-signed certificate",
        (false, true) => "CA certificate",
        (false, false) => "Certificate",
    };
    let validity = if ctx.now > not_after {
        format!(
            "expired on {} ({})",
            date_only(not_after),
            relative(not_after, ctx.now)
        )
    } else if ctx.now < not_before {
        format!(
            "not valid until {} ({})",
            date_only(not_before),
            relative(not_before, ctx.now)
        )
    } else {
        format!(
            "valid until {} ({})",
            date_only(not_after),
            relative(not_after, ctx.now)
        )
    };
    a.verdict = format!(
        "{role} for {}, {}, {validity}.",
        cert.cn,
        cert.key.describe()
    );

    a.findings = rule::run(certificate_rules::RULES, cert, ctx);
    a.sections.push(sections::names_section(cert));
    a.sections
        .push(sections::validity_section(not_before, not_after, ctx));
    a.sections.push(sections::key_section(cert));
    a.sections
        .push(sections::extensions_section(&cert.extensions));
    let thumbs = &cert.thumbprints;
    a.sections.push(sections::thumbprints_section(
        thumbs,
        "certificate's DER bytes",
    ));
    if !cert.is_ca {
        a.sections.extend(generators(cert, ctx));
    }

    a.evidence.thumbprints = vec![thumbs.x5t(), thumbs.x5t_s256()];
    a.evidence.keys.push(KeyEvidence {
        label: format!("certificate {} (x5t {})", cert.subject, thumbs.x5t()),
        kid: None,
        x5t: Some(thumbs.x5t()),
        x5t_s256: Some(thumbs.x5t_s256()),
        spki_der: Some(cert.spki_der.clone()),
        secret: None,
    });
    a.evidence
        .facts
        .push(("subject".into(), cert.subject.clone()));
    a.evidence
        .facts
        .push(("issuer".into(), cert.issuer.clone()));
    a
}

fn generators(cert: &Certificate, ctx: &Context) -> Vec<Section> {
    let thumbs = &cert.thumbprints;
    let key_id = uuid::Builder::from_random_bytes(ctx.random)
        .into_uuid()
        .hyphenated()
        .to_string();
    let value = b64std(&cert.der);
    let manifest = serde_json::json!({
        "customKeyIdentifier": thumbs.custom_key_identifier(),
        "keyId": key_id,
        "type": "AsymmetricX509Cert",
        "usage": "Verify",
        "value": value,
    });
    let mut m = Section::new("keyCredentials manifest entry (to copy)");
    m.push(
        Field::new(
            "keyCredentials entry",
            serde_json::to_string_pretty(&manifest).unwrap_or_default(),
        )
        .meaning("paste into the app manifest's keyCredentials array; keyId is a new random GUID")
        .source(sources::IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY),
    );
    let graph = serde_json::json!({
        "type": "AsymmetricX509Cert",
        "usage": "Verify",
        "key": value,
        "displayName": format!("CN={}", cert.cn),
    });
    let mut g = Section::new("Microsoft Graph keyCredential (to copy)");
    g.push(
        Field::new(
            "keyCredential",
            serde_json::to_string_pretty(&graph).unwrap_or_default(),
        )
        .meaning("for PATCH /applications/{id} with keyCredentials, or addKey")
        .source(sources::RESOURCES_KEYCREDENTIAL),
    );
    vec![m, g]
}
