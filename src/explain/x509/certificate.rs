//! The certificate card: verdict, findings, sections, ready-to-paste JSON and key evidence.

use super::sections::{self, date_only};
use crate::context::Context;
use crate::decode::x509::cert::Certificate;
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity, Span};
use crate::text::{b64std, relative, utc};
use crate::verify::{self, KeyKind};

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

    certificate_findings(&mut a, cert, ctx);
    if let Some(x509) = cert.x509() {
        a.sections.push(sections::names_section(&x509));
        a.sections
            .push(sections::validity_section(not_before, not_after, ctx));
        a.sections.push(sections::key_section(&x509, &cert.key));
        a.sections.push(sections::extensions_section(&x509));
    }
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

// long: the certificate checks, in the order their findings are reported.
fn certificate_findings(a: &mut Artifact, cert: &Certificate, ctx: &Context) {
    let facts = cert;
    let (not_before, not_after) = (cert.not_before, cert.not_after);
    if ctx.now > not_after {
        a.findings.push(
            Finding::new(
                Severity::Error,
                format!("Certificate expired on {}", date_only(not_after)),
                format!(
                    "It expired {} ({}). Entra ID refuses client assertions signed with it, and Exchange stops using it for OAuth.",
                    utc(not_after),
                    relative(not_after, ctx.now)
                ),
            )
            .step(crate::report::Step::new(
                "Create or request a new certificate, upload its public part, then remove the expired one.",
            )),
        );
    } else if ctx.now < not_before {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Certificate not yet valid",
            format!(
                "It becomes valid on {} ({}); a clock that is behind, or a certificate issued with a future start date, causes this.",
                utc(not_before),
                relative(not_before, ctx.now)
            ),
        ));
    } else if not_after - ctx.now < 30 * 86_400 {
        a.findings.push(Finding::new(
            Severity::Warning,
            format!(
                "Certificate expires in {}",
                crate::text::duration_words(not_after - ctx.now)
            ),
            format!(
                "It expires {}; plan the renewal and upload the new certificate before then.",
                utc(not_after)
            ),
        ));
    }
    if let KeyKind::Rsa { bits } = &cert.key {
        if *bits < 2048 {
            a.findings.push(Finding::new(
                Severity::Error,
                format!("RSA key of {bits} bits is too short"),
                "Entra ID accepts certificate credentials with RSA keys of at least 2048 bits; a shorter key is rejected when uploaded and is weak.",
            )
            .source(sources::IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY));
        }
    }
    if let Some(
        verify::SigAlg::RsaPkcs1(verify::Hash::Sha1) | verify::SigAlg::Ecdsa(verify::Hash::Sha1, _),
    ) = cert.sig_alg
    {
        let severity = if facts.self_signed && facts.is_ca {
            Severity::Info
        } else {
            Severity::Warning
        };
        a.findings.push(Finding::new(
            severity,
            "SHA-1 signature (weak)",
            if facts.self_signed && facts.is_ca {
                "The certificate is signed with SHA-1. For a trusted root this matters less (roots are trusted by their presence, not their signature), but SHA-1 is broken for collisions."
            } else {
                "The certificate is signed with SHA-1, which is broken for collisions; browsers and many services refuse SHA-1 certificates. Reissue it with SHA-256."
            },
        ));
    }
    if facts.self_issued {
        if facts.self_signed {
            a.findings.push(Finding::new(
                Severity::Ok,
                "Self-signed",
                if facts.is_ca {
                    "The subject is the same as the issuer and the signature verifies with the certificate's own key: this is a root that is trusted by being installed, not by a signature."
                } else {
                    "The subject is the same as the issuer and the signature verifies with the certificate's own key. Entra ID accepts self-signed certificates as app credentials."
                },
            ));
        } else {
            let why = match &cert.self_check_error {
                Some(verify::VerifyError::Unusable(why)) => why.clone(),
                _ => "the signature does not verify with its own key".to_string(),
            };
            a.findings.push(Finding::new(
                Severity::Info,
                "Issuer equals subject, but not proven self-signed",
                format!("The subject is the same as the issuer, but {why}; it may be signed by another key with the same name."),
            ));
        }
    }
    for (oid, name) in &cert.unknown_critical {
        a.findings.push(Finding::new(
            Severity::Warning,
            format!("Unknown critical extension {oid}"),
            format!(
                "{name} is marked critical, and a program that does not understand a critical extension must reject the certificate (RFC 5280 section 4.2). Windows, browsers and Entra may refuse it.",
            ),
        ));
    }
    if cert.version == 0 {
        a.findings.push(Finding::new(
            Severity::Info,
            "Version 1 certificate",
            "An X.509 v1 certificate has no extensions (no subject alternative names, key usage or CA flag). Entra accepts it as an app credential, but TLS clients match host names only against SANs and refuse it for servers.",
        ));
    }
    if cert.negative_serial {
        a.findings.push(Finding::new(
            Severity::Info,
            "Negative serial number",
            "The serial number's first bit is set, so in DER it is a negative integer; RFC 5280 requires a positive serial. Windows and OpenSSL still read it, but strict validators may refuse the certificate.",
        ));
    }
    if !facts.is_ca {
        {
            if cert.digital_signature == Some(false) {
                a.findings.push(Finding::new(
                    Severity::Warning,
                    "No digitalSignature key usage",
                    "The key usage extension does not allow digital signatures, so this certificate should not sign client assertions (Entra client credentials) or OAuth tokens.",
                ));
            }
        }
        {
            if cert.auth_eku == Some(false) {
                a.findings.push(Finding::new(
                    Severity::Warning,
                    "Neither server nor client authentication EKU",
                    "The extended key usage lists neither serverAuth (TLS server) nor clientAuth (TLS client); services that check the EKU refuse it for those uses.",
                ));
            }
        }
    }
    if facts
        .cn
        .contains(crate::knowledge::x509::EXCHANGE_AUTH_CERTIFICATE_CN)
    {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Server Auth Certificate",
                "This is Exchange's OAuth signing certificate: Exchange signs its server-to-server tokens (hybrid free/busy, MRS, Teams calendar access) with it. Get-AuthConfig shows it as CurrentCertificateThumbprint (the SHA-1 thumbprint below). For hybrid OAuth its public part must be uploaded to the keyCredentials of the Office 365 Exchange Online service principal (00000002-0000-0ff1-ce00-000000000000); when it expires or is renewed without that upload, AADSTS50012/70002 \"the key was not found\" and free/busy failures follow.",
            )
            .step(crate::report::Step::with_command(
                "Compare the thumbprint on the Exchange server with this certificate:",
                "Get-AuthConfig | Format-List CurrentCertificateThumbprint, PreviousCertificateThumbprint, NextCertificateThumbprint",
            ))
            .source(sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND),
        );
    }
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
