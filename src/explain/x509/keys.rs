//! Cards for keys and requests: private keys pasted as PEM, bare public keys, CSRs and PKCS#7.

use super::chain::add_certificates;
use super::key_rules;
use super::sections::{public_key_field, thumbprints_section};
use crate::context::Context;
use crate::decode::x509::keys::{Csr, Pkcs7, PrivateKeyNotice, PublicKey};
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Field, KeyEvidence, Section};
use crate::text::hex_upper;

/// The warning card for a private key pasted as PEM; its content is never shown.
pub fn private_key(key: &PrivateKeyNotice, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        key.span,
        format!("PRIVATE key ({})", key.label),
    );
    a.verdict = if key.legacy_encrypted {
        // A traditional OpenSSL key (`RSA PRIVATE KEY`, `EC PRIVATE KEY`) says it is encrypted
        // in its RFC 1421 headers rather than in its label.
        let cipher = key
            .cipher
            .as_ref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let mut sec = Section::new("Encryption");
        for (name, value) in &key.headers {
            let meaning = match name.to_ascii_lowercase().as_str() {
                "proc-type" => "the base64 below is encrypted",
                "dek-info" => "the cipher and its IV; the IV is not secret",
                _ => "a PEM header line",
            };
            sec.push(Field::new(name.clone(), value.clone()).meaning(meaning));
        }
        a.sections.push(sec);
        format!("A PRIVATE key in the traditional OpenSSL format, encrypted{cipher} with a password: it is not shown here. This format turns the password into the key with a single MD5 pass, so a weak password is guessed offline quickly; do not share it.")
    } else if key.encrypted {
        "A PRIVATE key, encrypted with a password: it is not shown here, and it should still not be shared, because a weak password can be guessed offline.".to_string()
    } else {
        "A PRIVATE key, not encrypted: whoever has this text can sign as the certificate's owner. Its content is not shown here.".to_string()
    };
    a.findings = rule::run(key_rules::PRIVATE_KEY_RULES, key, ctx);
    a
}

/// The card of a bare public key.
pub fn public_key(key: &PublicKey, ctx: &Context) -> Artifact {
    let what = if key.pkcs1 {
        "RSA public key (PKCS#1)"
    } else {
        "Public key"
    };
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        key.span,
        format!("{what}: {}", key.key.describe()),
    );
    a.verdict = format!(
        "A bare {} public key (no certificate around it, so no name or dates).",
        key.key.describe()
    );
    a.findings = rule::run(key_rules::PUBLIC_KEY_RULES, &key.key, ctx);
    let mut s = Section::new("Public key");
    s.push(public_key_field(&key.alg_oid, &key.key));
    a.sections.push(s);
    let thumbs = &key.thumbprints;
    let mut t = thumbprints_section(thumbs, "public key info (SPKI)");
    t.title = "Key digests".into();
    t.fields.truncate(2);
    a.sections.push(t);
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "public key {} (SPKI SHA-256 {})",
            key.key.describe(),
            hex_upper(&thumbs.sha256).get(..16).unwrap_or_default()
        ),
        spki_der: Some(key.spki_der.clone()),
        ..KeyEvidence::default()
    });
    a
}

/// The card of a certificate signing request.
pub fn csr(csr: &Csr, ctx: &Context) -> Artifact {
    let subject = &csr.subject;
    let mut a = Artifact::new(
        ArtifactKind::Csr,
        csr.span,
        format!("Certificate signing request: {subject}"),
    );
    a.verdict = format!(
        "A request for a certificate for {subject} with a {} key; a CA turns it into a certificate, it cannot be uploaded to Entra as it is.",
        csr.key.describe()
    );
    a.findings = rule::run(key_rules::CSR_RULES, csr, ctx);
    let mut s = Section::new("Request");
    s.push(Field::new("Subject", subject.clone()));
    for (name, value) in &csr.subject_attributes {
        s.push(Field::new(format!("  subject {name}"), value.clone()));
    }
    s.push(public_key_field(&csr.key_alg_oid, &csr.key));
    s.push(Field::new(
        "Signature algorithm",
        csr.signature_algorithm.clone(),
    ));
    for (kind, value) in &csr.requested_sans {
        s.push(Field::new(format!("Requested SAN ({kind})"), value.clone()));
    }
    a.sections.push(s);
    a
}

/// The card of a PKCS#7 SignedData (usually a .p7b certificate bundle).
pub fn pkcs7(p7: Pkcs7, ctx: &Context) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::Pkcs7,
        p7.span,
        format!(
            "PKCS#7 bundle with {} certificate(s)",
            p7.certificates.len()
        ),
    );
    add_certificates(&mut a, p7.certificates, p7.span, ctx);
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
    a
}
