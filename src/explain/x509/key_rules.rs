//! Rules over PEM blocks, private keys, bare public keys and certificate signing requests.
//! Each rule's test is beside it.

use crate::context::Context;
use crate::decode::x509::keys::{Csr, PrivateKeyNotice};
use crate::explain::rule::Rule;
use crate::knowledge::x509 as facts;
use crate::report::{Finding, Severity, Step};
use crate::verify::KeyKind;

/// How far a PEM block of a known label could be read.
#[derive(Debug, Clone)]
pub struct PemRead {
    pub label: String,
    /// The END line is missing.
    pub truncated: bool,
    /// The length of the decoded base64; `None` when the body is not base64.
    pub der_len: Option<usize>,
    /// The bytes parse as the structure the label names.
    pub readable: bool,
}

/// The rules over one PEM block, in the order their findings are reported.
pub const PEM_RULES: &[Rule<PemRead>] = &[
    Rule {
        id: "pem.not-base64",
        severity: Severity::Error,
        title: "PEM body is not base64",
        source: None,
        check: not_base64,
    },
    Rule {
        id: "pem.unreadable",
        severity: Severity::Error,
        title: "PEM body is not the structure its label names",
        source: None,
        check: unreadable,
    },
    Rule {
        id: "pem.truncated",
        severity: Severity::Warning,
        title: "PEM block without its END line",
        source: None,
        check: truncated,
    },
];

/// The rules over a PEM block whose label ends in `PRIVATE KEY`.
pub const PRIVATE_KEY_RULES: &[Rule<PrivateKeyNotice>] = &[Rule {
    id: "key.private-pem",
    severity: Severity::Error,
    title: "Private key pasted",
    source: None,
    check: private_pem,
}];

/// The rules over a bare public key.
pub const PUBLIC_KEY_RULES: &[Rule<KeyKind>] = &[Rule {
    id: "key.rsa-under-2048",
    severity: Severity::Warning,
    title: "RSA public key shorter than Entra accepts",
    source: None,
    check: rsa_under_2048,
}];

/// The rules over a certificate signing request.
pub const CSR_RULES: &[Rule<Csr>] = &[
    Rule {
        id: "csr.signature-verifies",
        severity: Severity::Ok,
        title: "Request is signed with its own key",
        source: None,
        check: csr_verifies,
    },
    Rule {
        id: "csr.signature-fails",
        severity: Severity::Warning,
        title: "Request signature does not verify",
        source: None,
        check: csr_fails,
    },
];

fn not_base64(p: &PemRead, _: &Context) -> Vec<Finding> {
    if p.der_len.is_some() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Not valid base64",
        "Between the BEGIN and END lines a PEM block holds base64 text only; copy it again from the .cer/.pem file without changes.",
    )]
}

fn unreadable(p: &PemRead, _: &Context) -> Vec<Finding> {
    let Some(len) = p.der_len.filter(|_| !p.readable) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Error,
        format!("Not a readable {}", p.label),
        format!(
            "The base64 decodes to {len} bytes that do not parse as {}; the text was probably changed or cut while copying.",
            p.label.to_ascii_lowercase()
        ),
    )]
}

fn truncated(p: &PemRead, _: &Context) -> Vec<Finding> {
    if !(p.readable && p.truncated) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "PEM block without END line",
        format!("The -----END {}----- line is missing; the content still decoded, but check that the copy is complete.", p.label),
    )]
}

fn private_pem(block: &PrivateKeyNotice, _: &Context) -> Vec<Finding> {
    if !block.label.ends_with("PRIVATE KEY") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Private key pasted",
        "This block is a private key. It stays in this page, but it should never be shared in a ticket, chat or forum; if it was, treat it as compromised.",
    )
    .cause("Exporting with the private key when only the public certificate (.cer) was needed.")
    .step(Step::new(
        "Replace the certificate (new key pair), upload the new public certificate, and remove the old one from the app registration.",
    ))]
}

fn rsa_under_2048(key: &KeyKind, _: &Context) -> Vec<Finding> {
    match key {
        KeyKind::Rsa { bits } if *bits < facts::MIN_RSA_BITS => vec![Finding::new(
            Severity::Warning,
            format!("RSA key of {bits} bits is too short"),
            "Entra ID requires RSA keys of at least 2048 bits.",
        )],
        _ => Vec::new(),
    }
}

fn csr_verifies(c: &Csr, _: &Context) -> Vec<Finding> {
    if !c.signature_verifies {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        "Request signature verifies",
        "The request is signed with the private key that matches its public key.",
    )]
}

fn csr_fails(c: &Csr, _: &Context) -> Vec<Finding> {
    if c.signature_verifies {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Request signature does not verify",
        "The signature does not match the public key in the request; it was changed after signing or uses an algorithm not checked here.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::x509::der::pem_blocks;
    use crate::explain::rule::run;

    fn ids<R: ?Sized>(rules: &[Rule<R>], r: &R) -> Vec<&'static str> {
        run(rules, r, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn pem_rules_say_how_far_the_block_was_read() {
        let mut p = PemRead {
            label: "CERTIFICATE".into(),
            truncated: false,
            der_len: Some(10),
            readable: true,
        };
        assert!(ids(PEM_RULES, &p).is_empty());
        p.truncated = true;
        assert_eq!(ids(PEM_RULES, &p), ["pem.truncated"]);
        p.readable = false;
        assert_eq!(ids(PEM_RULES, &p), ["pem.unreadable"]);
        p.der_len = None;
        assert_eq!(ids(PEM_RULES, &p), ["pem.not-base64"]);
    }

    #[test]
    fn only_private_key_blocks_are_flagged() {
        let key = &pem_blocks("-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----")[0];
        let key = &PrivateKeyNotice::of(key);
        assert_eq!(ids(PRIVATE_KEY_RULES, key), ["key.private-pem"]);
        let cert = &pem_blocks("-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----")[0];
        assert!(ids(PRIVATE_KEY_RULES, &PrivateKeyNotice::of(cert)).is_empty());
    }

    #[test]
    fn short_rsa_public_keys_are_flagged() {
        assert_eq!(
            ids(PUBLIC_KEY_RULES, &KeyKind::Rsa { bits: 1024 }),
            ["key.rsa-under-2048"]
        );
        assert!(ids(PUBLIC_KEY_RULES, &KeyKind::Rsa { bits: 4096 }).is_empty());
    }

    #[test]
    fn a_request_signature_either_verifies_or_not() {
        let mut csr = Csr {
            span: Default::default(),
            subject: "CN=a".into(),
            subject_attributes: Vec::new(),
            key: KeyKind::Ed25519,
            key_alg_oid: "1.3.101.112".into(),
            signature_algorithm: "ED25519".into(),
            signature_verifies: true,
            requested_sans: Vec::new(),
        };
        assert_eq!(ids(CSR_RULES, &csr), ["csr.signature-verifies"]);
        csr.signature_verifies = false;
        assert_eq!(ids(CSR_RULES, &csr), ["csr.signature-fails"]);
    }
}
