//! Decoder: PKCS#12 (.pfx/.p12) files pasted as base64, and the PKCS#7 container walk they share.
//!
//! Without the password only the outer structure can be read: the MAC, which parts are encrypted
//! and how, bag types, friendly names and any certificate stored unencrypted.

use crate::context::Context;
use crate::decode::cert;
use crate::decode::der_util;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};
use crate::text::hex_upper;
use x509_parser::asn1_rs::{Any, Class, FromBer, Tag};
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

const OID_DATA: &str = "1.2.840.113549.1.7.1";
const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const OID_ENCRYPTED_DATA: &str = "1.2.840.113549.1.7.6";

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    der_util::der_base64_runs(text, der_util::MIN_BASE64_RUN)
        .into_iter()
        .filter(|run| looks_like_pfx(&run.bytes))
        .filter_map(|run| pfx_artifact(&run.bytes, run.span, ctx))
        .collect()
}

/// The elements inside a constructed value, in order; stops at the first unreadable one.
fn elements<'a>(data: &'a [u8]) -> Vec<Any<'a>> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        match Any::from_ber(rest) {
            Ok((r, any)) => {
                out.push(any);
                if r.len() >= rest.len() {
                    break;
                }
                rest = r;
            }
            Err(_) => break,
        }
    }
    out
}

fn oid_of(any: &Any) -> Option<String> {
    if any.tag() != Tag::Oid {
        return None;
    }
    any.clone().as_oid().ok().map(|o| o.to_id_string())
}

fn is_context(any: &Any, n: u32) -> bool {
    any.class() == Class::ContextSpecific && any.tag().0 == n
}

/// The bytes of an OCTET STRING, joining the pieces of a constructed (BER) one.
fn octets(any: &Any) -> Vec<u8> {
    if any.header.is_constructed() {
        elements(any.data).iter().flat_map(octets).collect()
    } else {
        any.data.to_vec()
    }
}

fn small_int(any: &Any) -> Option<u64> {
    if any.tag() != Tag::Integer || any.data.len() > 8 {
        return None;
    }
    Some(
        any.data
            .iter()
            .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)),
    )
}

/// True when the bytes are a PKCS#12 PFX: `SEQUENCE { INTEGER 3, ContentInfo, ... }`.
pub fn looks_like_pfx(der: &[u8]) -> bool {
    let Ok((_, outer)) = Any::from_ber(der) else {
        return false;
    };
    if outer.tag() != Tag::Sequence {
        return false;
    }
    let parts = elements(outer.data);
    parts.len() >= 2
        && small_int(&parts[0]) == Some(3)
        && parts[1].tag() == Tag::Sequence
        && elements(parts[1].data)
            .first()
            .and_then(oid_of)
            .is_some_and(|o| o == OID_DATA || o == OID_SIGNED_DATA)
}

/// The certificates of a PKCS#7 SignedData, or `None` when the bytes are not SignedData.
pub fn pkcs7_certificates(der: &[u8]) -> Option<Vec<Vec<u8>>> {
    let (_, outer) = Any::from_ber(der).ok()?;
    if outer.tag() != Tag::Sequence {
        return None;
    }
    let parts = elements(outer.data);
    if parts.first().and_then(oid_of).as_deref() != Some(OID_SIGNED_DATA) {
        return None;
    }
    let explicit = parts.get(1).filter(|p| is_context(p, 0))?;
    let signed = elements(explicit.data).into_iter().next()?;
    let mut certs = Vec::new();
    for part in elements(signed.data) {
        if is_context(&part, 0) {
            let mut rest = part.data;
            while let Ok((r, _)) = X509Certificate::from_der(rest) {
                certs.push(rest[..rest.len() - r.len()].to_vec());
                rest = r;
            }
        }
    }
    Some(certs)
}

fn alg_words(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.5.13" => "PBES2".into(),
        "1.2.840.113549.1.5.12" => "PBKDF2".into(),
        "2.16.840.1.101.3.4.1.42" => "AES-256-CBC".into(),
        "2.16.840.1.101.3.4.1.22" => "AES-192-CBC".into(),
        "2.16.840.1.101.3.4.1.2" => "AES-128-CBC".into(),
        "1.2.840.113549.3.7" => "3DES-CBC".into(),
        "1.2.840.113549.1.12.1.3" => "pbeWithSHAAnd3-KeyTripleDES-CBC (legacy 3DES)".into(),
        "1.2.840.113549.1.12.1.6" => "pbeWithSHAAnd40BitRC2-CBC (legacy, weak RC2-40)".into(),
        "1.2.840.113549.1.12.1.5" => "pbeWithSHAAnd128BitRC2-CBC (legacy)".into(),
        "1.3.14.3.2.26" => "SHA-1".into(),
        "2.16.840.1.101.3.4.2.1" => "SHA-256".into(),
        "2.16.840.1.101.3.4.2.2" => "SHA-384".into(),
        "2.16.840.1.101.3.4.2.3" => "SHA-512".into(),
        other => format!("OID {other}"),
    }
}

/// Describes an AlgorithmIdentifier, following PBES2 into its KDF, iterations and cipher.
fn describe_alg(alg: &Any) -> String {
    let parts = elements(alg.data);
    let Some(oid) = parts.first().and_then(oid_of) else {
        return "an unreadable algorithm".into();
    };
    if oid == "1.2.840.113549.1.5.13" {
        let params = parts.get(1).map(|p| elements(p.data)).unwrap_or_default();
        let kdf = params.first().map(|k| elements(k.data)).unwrap_or_default();
        let iterations = kdf
            .get(1)
            .map(|p| elements(p.data))
            .and_then(|p| p.get(1).and_then(small_int));
        let cipher = params
            .get(1)
            .and_then(|c| elements(c.data).first().and_then(oid_of))
            .map(|o| alg_words(&o))
            .unwrap_or_else(|| "an unknown cipher".into());
        return match iterations {
            Some(n) => format!("PBES2 with {cipher}, PBKDF2 {n} iterations"),
            None => format!("PBES2 with {cipher}"),
        };
    }
    let iterations = parts
        .get(1)
        .map(|p| elements(p.data))
        .and_then(|p| p.get(1).and_then(small_int));
    match iterations {
        Some(n) => format!("{}, {n} iterations", alg_words(&oid)),
        None => alg_words(&oid),
    }
}

/// Decodes an ASN.1 BMPString (big-endian UTF-16); a trailing odd byte is ignored.
fn bmp_string(data: &[u8]) -> String {
    let units: Vec<u16> = data
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Friendly name and local key id from a bag's attributes.
fn bag_attributes(set: &Any) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for attr in elements(set.data) {
        let parts = elements(attr.data);
        let (Some(oid), Some(values)) = (parts.first().and_then(oid_of), parts.get(1)) else {
            continue;
        };
        let Some(value) = elements(values.data).into_iter().next() else {
            continue;
        };
        match oid.as_str() {
            "1.2.840.113549.1.9.20" => {
                out.push(("friendly name".into(), bmp_string(value.data)));
            }
            "1.2.840.113549.1.9.21" => out.push((
                "local key id (often the certificate's SHA-1 thumbprint)".into(),
                hex_upper(value.data),
            )),
            "1.3.6.1.4.1.311.17.1" => {
                out.push(("Windows key provider".into(), bmp_string(value.data)));
            }
            _ => {}
        }
    }
    out
}

/// What the walk over the PFX found.
#[derive(Default)]
struct PfxContents {
    fields: Vec<Field>,
    certificates: Vec<Vec<u8>>,
    private_keys: usize,
    encrypted_parts: usize,
    legacy: bool,
}

fn walk_safe_contents(data: &[u8], out: &mut PfxContents) {
    let Ok((_, seq)) = Any::from_ber(data) else {
        return;
    };
    for bag in elements(seq.data) {
        let parts = elements(bag.data);
        let Some(kind) = parts.first().and_then(oid_of) else {
            continue;
        };
        let value = parts
            .get(1)
            .filter(|v| is_context(v, 0))
            .and_then(|v| elements(v.data).into_iter().next());
        let attrs = parts
            .get(2)
            .map(bag_attributes)
            .unwrap_or_default()
            .into_iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        let (name, raw) = match kind.rsplit('.').next().unwrap_or("") {
            "1" if kind.starts_with("1.2.840.113549.1.12.10.1") => {
                out.private_keys += 1;
                (
                    "Private key (unencrypted keyBag)",
                    "readable by anyone who has the file".to_string(),
                )
            }
            "2" if kind.starts_with("1.2.840.113549.1.12.10.1") => {
                out.private_keys += 1;
                let alg = value
                    .as_ref()
                    .and_then(|v| elements(v.data).into_iter().next())
                    .map(|a| describe_alg(&a))
                    .unwrap_or_else(|| "an unreadable algorithm".into());
                out.legacy |= alg.contains("legacy");
                ("Private key (encrypted)", format!("encrypted with {alg}"))
            }
            "3" if kind.starts_with("1.2.840.113549.1.12.10.1") => {
                let der = value
                    .as_ref()
                    .map(|v| elements(v.data))
                    .and_then(|p| p.get(1).and_then(|c| elements(c.data).into_iter().next()))
                    .map(|o| octets(&o));
                match der {
                    Some(der) => {
                        out.certificates.push(der);
                        ("Certificate (not encrypted)", "decoded below".to_string())
                    }
                    None => ("Certificate", "unreadable".to_string()),
                }
            }
            _ => ("Bag", format!("type {kind}")),
        };
        let raw = if attrs.is_empty() {
            raw
        } else {
            format!("{raw}; {attrs}")
        };
        out.fields.push(Field::new(name, raw));
    }
}

fn pfx_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let (_, outer) = Any::from_ber(der).ok()?;
    let parts = elements(outer.data);
    let mut contents = PfxContents::default();
    // authSafe: ContentInfo { data, [0] OCTET STRING (AuthenticatedSafe) }.
    let auth_safe = parts
        .get(1)
        .map(|ci| elements(ci.data))
        .and_then(|ci| ci.get(1).and_then(|e| elements(e.data).into_iter().next()))
        .map(|o| octets(&o))
        .unwrap_or_default();
    if let Ok((_, safes)) = Any::from_ber(&auth_safe) {
        for content in elements(safes.data) {
            let ci = elements(content.data);
            let inner = ci.get(1).and_then(|e| elements(e.data).into_iter().next());
            match (ci.first().and_then(oid_of).as_deref(), inner) {
                (Some(OID_DATA), Some(octet)) => walk_safe_contents(&octets(&octet), &mut contents),
                (Some(OID_ENCRYPTED_DATA), Some(enc)) => {
                    contents.encrypted_parts += 1;
                    let alg = elements(enc.data)
                        .get(1)
                        .map(|eci| elements(eci.data))
                        .and_then(|eci| eci.get(1).map(describe_alg))
                        .unwrap_or_else(|| "an unreadable algorithm".into());
                    contents.legacy |= alg.contains("legacy");
                    contents.fields.push(
                        Field::new("Encrypted part", format!("encrypted with {alg}"))
                            .meaning("usually the certificates; the password is needed to read it"),
                    );
                }
                _ => {}
            }
        }
    }
    let mut a = Artifact::new(
        ArtifactKind::Pkcs12,
        span,
        "PKCS#12 / PFX file (certificate with private key)",
    );
    a.verdict = "A .pfx/.p12 file: a password-protected bundle of a certificate and its private key; only its outer structure can be read without the password.".into();
    a.findings.push(
        Finding::new(
            Severity::Warning,
            "Holds a private key: do not share this file",
            "A PFX is meant to carry the private key. Nothing leaves this page, but the file should not be pasted into tickets or forums; anyone with it and the password can sign as its owner. Entra and Exchange Online only need the public certificate (.cer).",
        )
        .step(Step::with_command(
            "Export only the public certificate and paste or upload that instead:",
            "openssl pkcs12 -in cert.pfx -nokeys -clcerts -out cert.pem\n# or in PowerShell:\n(Get-PfxData -FilePath .\\cert.pfx -Password (Read-Host -AsSecureString)).EndEntityCertificates[0] | Export-Certificate -FilePath .\\cert.cer",
        )),
    );
    if contents.legacy {
        a.findings.push(Finding::new(
            Severity::Info,
            "Legacy PKCS#12 encryption",
            "Parts of this file use the old RC2/3DES password encryption: Windows reads it, OpenSSL 3 needs the -legacy option, and RC2-40 is weak.",
        ));
    }
    let mut s = Section::new("Readable without the password");
    s.push(Field::new("Format", "PKCS#12 version 3"));
    if let Some(mac) = parts.get(2) {
        let mac_parts = elements(mac.data);
        let digest = mac_parts
            .first()
            .and_then(|di| elements(di.data).into_iter().next())
            .map(|alg| describe_alg(&alg))
            .unwrap_or_else(|| "unknown".into());
        let iterations = mac_parts.get(2).and_then(small_int).unwrap_or(1);
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
    s.push(Field::new(
        "Private keys",
        contents.private_keys.to_string(),
    ));
    s.push(Field::new(
        "Unencrypted certificates",
        contents.certificates.len().to_string(),
    ));
    s.push(Field::new(
        "Encrypted parts",
        contents.encrypted_parts.to_string(),
    ));
    s.fields.extend(contents.fields);
    a.sections.push(s);
    cert::add_certificates(&mut a, contents.certificates, span, ctx);
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_der_is_not_a_pfx_and_garbage_is_safe() {
        assert!(!looks_like_pfx(&[0x30, 0x03, 0x02, 0x01, 0x01]));
        assert!(!looks_like_pfx(&[]));
        assert!(!looks_like_pfx(&[0x30, 0x82, 0xff]));
        assert!(pkcs7_certificates(&[0x30, 0x00]).is_none());
        assert!(scan("nothing here", &Context::fixed()).is_empty());
    }
}
