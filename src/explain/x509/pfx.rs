//! The `pfx` scan: the card of a PKCS#12 (.pfx/.p12) file read without its password.

use super::chain::add_certificates;
use crate::context::Context;
use crate::decode::x509::pfx::{self, BagKind, Pfx, PfxPart};
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Step};

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    pfx::find(text).into_iter().map(|p| card(p, ctx)).collect()
}

/// The field that shows one readable part.
fn part_field(part: &PfxPart) -> Field {
    match part {
        PfxPart::Encrypted { alg } => Field::new("Encrypted part", format!("encrypted with {alg}"))
            .meaning("usually the certificates; the password is needed to read it"),
        PfxPart::Bag { kind, attributes } => {
            let (name, raw) = match kind {
                BagKind::PlainKey => (
                    "Private key (unencrypted keyBag)",
                    "readable by anyone who has the file".to_string(),
                ),
                BagKind::EncryptedKey { alg } => {
                    ("Private key (encrypted)", format!("encrypted with {alg}"))
                }
                BagKind::Certificate { readable: true } => {
                    ("Certificate (not encrypted)", "decoded below".to_string())
                }
                BagKind::Certificate { readable: false } => {
                    ("Certificate", "unreadable".to_string())
                }
                BagKind::Other { oid } => ("Bag", format!("type {oid}")),
            };
            let attrs = attributes
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ");
            let raw = if attrs.is_empty() {
                raw
            } else {
                format!("{raw}; {attrs}")
            };
            Field::new(name, raw)
        }
    }
}

/// The card of one PFX.
pub fn card(pfx: Pfx, ctx: &Context) -> Artifact {
    let span = pfx.span;
    let mut a = Artifact::new(
        ArtifactKind::Pkcs12,
        span,
        "PKCS#12 / PFX file (certificate with private key)",
    );
    a.verdict = "A .pfx/.p12 file: a password-protected bundle of a certificate and its private key; only its outer structure can be read without the password.".into();
    a.findings = rule::run(RULES, &pfx, ctx);
    let mut s = Section::new("Readable without the password");
    s.push(Field::new("Format", "PKCS#12 version 3"));
    if let Some((digest, iterations)) = &pfx.mac {
        s.push(
            Field::new(
                "Integrity (MAC)",
                format!("HMAC-{digest}, {iterations} iterations"),
            )
            .meaning("the password also protects the file against changes"),
        );
    } else {
        s.push(Field::new("Integrity (MAC)", "none").meaning("the file has no password MAC"));
    }
    s.push(Field::new("Private keys", pfx.private_keys.to_string()));
    s.push(Field::new(
        "Unencrypted certificates",
        pfx.certificates.len().to_string(),
    ));
    s.push(Field::new(
        "Encrypted parts",
        pfx.encrypted_parts.to_string(),
    ));
    s.fields.extend(pfx.parts.iter().map(part_field));
    a.sections.push(s);
    add_certificates(&mut a, pfx.certificates, span, ctx);
    a
}

/// The rules over one PFX, in the order their findings are reported.
pub const RULES: &[Rule<Pfx>] = &[
    Rule {
        id: "pfx.private-key",
        severity: Severity::Warning,
        title: "PFX files carry a private key",
        source: None,
        check: private_key,
    },
    Rule {
        id: "pfx.legacy-encryption",
        severity: Severity::Info,
        title: "Old RC2/3DES password encryption",
        source: None,
        check: legacy_encryption,
    },
];

fn private_key(_: &Pfx, _: &Context) -> Vec<Finding> {
    vec![Finding::new(
        Severity::Warning,
        "Holds a private key: do not share this file",
        "A PFX is meant to carry the private key. Nothing leaves this page, but the file should not be pasted into tickets or forums; anyone with it and the password can sign as its owner. Entra and Exchange Online only need the public certificate (.cer).",
    )
    .step(Step::with_command(
        "Export only the public certificate and paste or upload that instead:",
        "openssl pkcs12 -in cert.pfx -nokeys -clcerts -out cert.pem\n# or in PowerShell:\n(Get-PfxData -FilePath .\\cert.pfx -Password (Read-Host -AsSecureString)).EndEntityCertificates[0] | Export-Certificate -FilePath .\\cert.cer",
    ))]
}

fn legacy_encryption(pfx: &Pfx, _: &Context) -> Vec<Finding> {
    if !pfx.legacy {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Legacy PKCS#12 encryption",
        "Parts of this file use the old RC2/3DES password encryption: Windows reads it, OpenSSL 3 needs the -legacy option, and RC2-40 is weak.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pfx_warns_and_legacy_encryption_is_noted() {
        let ctx = Context::fixed();
        let mut pfx = Pfx::default();
        let ids =
            |p: &Pfx| -> Vec<&str> { rule::run(RULES, p, &ctx).iter().map(|f| f.rule).collect() };
        assert_eq!(ids(&pfx), ["pfx.private-key"]);
        pfx.legacy = true;
        assert_eq!(ids(&pfx), ["pfx.private-key", "pfx.legacy-encryption"]);
    }
}
