//! Cards for keys and requests: private keys pasted as PEM, bare public keys, CSRs and PKCS#7.

use super::chain::add_certificates;
use super::key_rules::{self, CsrSignature};
use super::sections::{general_name, public_key_field, thumbprints_section};
use crate::context::Context;
use crate::decode::x509::cert::{alg_name, dn_attributes, dn_string, sig_alg};
use crate::decode::x509::der::{self, Thumbprints};
use crate::decode::x509::pkcs7;
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section, Span};
use crate::text::hex_upper;
use crate::verify::{self, KeyKind};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::x509::SubjectPublicKeyInfo;

/// The warning card for a private key pasted as PEM; its content is never shown.
pub fn private_key(block: &der::PemBlock, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        block.span,
        format!("PRIVATE key ({})", block.label),
    );
    // A traditional OpenSSL key (`RSA PRIVATE KEY`, `EC PRIVATE KEY`) says it is encrypted in its
    // RFC 1421 headers rather than in its label.
    let proc_type = block.header("Proc-Type");
    let legacy_encrypted = proc_type.is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
    let encrypted = block.label.contains("ENCRYPTED") || legacy_encrypted;
    a.verdict = if legacy_encrypted {
        let cipher = block
            .header("DEK-Info")
            .and_then(|v| v.split(',').next())
            .map(|c| format!(" ({})", c.trim()))
            .unwrap_or_default();
        let mut sec = Section::new("Encryption");
        for (name, value) in &block.headers {
            let meaning = match name.to_ascii_lowercase().as_str() {
                "proc-type" => "the base64 below is encrypted",
                "dek-info" => "the cipher and its IV; the IV is not secret",
                _ => "a PEM header line",
            };
            sec.push(Field::new(name.clone(), value.clone()).meaning(meaning));
        }
        a.sections.push(sec);
        format!("A PRIVATE key in the traditional OpenSSL format, encrypted{cipher} with a password: it is not shown here. This format turns the password into the key with a single MD5 pass, so a weak password is guessed offline quickly; do not share it.")
    } else if encrypted {
        "A PRIVATE key, encrypted with a password: it is not shown here, and it should still not be shared, because a weak password can be guessed offline.".to_string()
    } else {
        "A PRIVATE key, not encrypted: whoever has this text can sign as the certificate's owner. Its content is not shown here.".to_string()
    };
    a.findings = rule::run(key_rules::PRIVATE_KEY_RULES, block, ctx);
    a
}

/// Builds the artifact for a DER SubjectPublicKeyInfo (`PUBLIC KEY`).
pub fn spki_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let (rest, spki) = SubjectPublicKeyInfo::from_der(der).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let key = verify::key_kind_of(&spki);
    if matches!(key, KeyKind::Other(_)) && spki.parsed().is_err() {
        return None;
    }
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        span,
        format!("Public key: {}", key.describe()),
    );
    a.verdict = format!(
        "A bare {} public key (no certificate around it, so no name or dates).",
        key.describe()
    );
    a.findings = rule::run(key_rules::PUBLIC_KEY_RULES, &key, ctx);
    let mut s = Section::new("Public key");
    s.push(public_key_field(&spki, &key));
    a.sections.push(s);
    let thumbs = Thumbprints::of(der);
    let mut t = thumbprints_section(&thumbs, "public key info (SPKI)");
    t.title = "Key digests".into();
    t.fields.truncate(2);
    a.sections.push(t);
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "public key {} (SPKI SHA-256 {})",
            key.describe(),
            &hex_upper(&thumbs.sha256)[..16]
        ),
        spki_der: Some(der.to_vec()),
        ..KeyEvidence::default()
    });
    Some(a)
}

pub fn pkcs1_public_key(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use rsa::pkcs8::EncodePublicKey;
    let key = rsa::RsaPublicKey::from_pkcs1_der(der).ok()?;
    let spki = key.to_public_key_der().ok()?;
    let mut a = spki_artifact(spki.as_bytes(), span, ctx)?;
    a.title = a.title.replace("Public key", "RSA public key (PKCS#1)");
    Some(a)
}

/// Builds the artifact for a certificate signing request.
pub fn csr_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let (_, csr) = X509CertificationRequest::from_der(der).ok()?;
    let info = &csr.certification_request_info;
    let subject = dn_string(&info.subject);
    let key = verify::key_kind_of(&info.subject_pki);
    let mut a = Artifact::new(
        ArtifactKind::Csr,
        span,
        format!("Certificate signing request: {subject}"),
    );
    a.verdict = format!(
        "A request for a certificate for {subject} with a {} key; a CA turns it into a certificate, it cannot be uploaded to Entra as it is.",
        key.describe()
    );
    let signed = sig_alg(&csr.signature_algorithm)
        .map(|alg| {
            verify::verify_with_spki(
                alg,
                info.subject_pki.raw,
                info.raw,
                &csr.signature_value.data,
            )
        })
        .map(|r| r.is_ok())
        .unwrap_or(false);
    a.findings = rule::run(
        key_rules::CSR_RULES,
        &CsrSignature { verifies: signed },
        ctx,
    );
    let mut s = Section::new("Request");
    s.push(Field::new("Subject", subject));
    for (name, value) in dn_attributes(&info.subject) {
        s.push(Field::new(format!("  subject {name}"), value));
    }
    s.push(public_key_field(&info.subject_pki, &key));
    s.push(Field::new(
        "Signature algorithm",
        alg_name(&csr.signature_algorithm.algorithm),
    ));
    if let Some(exts) = csr.requested_extensions() {
        for ext in exts {
            if let ParsedExtension::SubjectAlternativeName(san) = ext {
                for gn in &san.general_names {
                    let (kind, value) = general_name(gn);
                    s.push(Field::new(format!("Requested SAN ({kind})"), value));
                }
            }
        }
    }
    a.sections.push(s);
    Some(a)
}

/// Builds the artifact for a PKCS#7 SignedData (usually a .p7b certificate bundle).
pub fn pkcs7_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let certs = pkcs7::pkcs7_certificates(der)?;
    let mut a = Artifact::new(
        ArtifactKind::Pkcs7,
        span,
        format!("PKCS#7 bundle with {} certificate(s)", certs.len()),
    );
    add_certificates(&mut a, certs, span, ctx);
    a.verdict = format!(
        "A PKCS#7 (.p7b) container holding {} certificate(s) and no private key.",
        a.children.len()
    );
    let mut s = Section::new("Contents");
    for (i, c) in a.children.iter().enumerate() {
        s.push(Field::new(
            format!("Certificate {}", i + 1),
            c.title.clone(),
        ));
    }
    a.sections.push(s);
    Some(a)
}
