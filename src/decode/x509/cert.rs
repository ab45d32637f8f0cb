//! X.509 certificates as typed records: names, dates, key, signature algorithm, the facts the
//! checks need, and the thumbprints of the DER bytes.
//!
//! Everything a card or a rule reads is parsed here once; the record keeps its DER for the
//! thumbprints and the ready-to-paste JSON.

use super::der::Thumbprints;
use super::extensions::{self, Extension};
use crate::knowledge::oid_names::{short_name, ABBREVIATIONS};
use crate::knowledge::x509::name_in;
use crate::report::Span;
use crate::text::hex_upper;
use crate::verify::{self, KeyKind, SigAlg, VerifyError};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::oid_registry::Oid;
use x509_parser::prelude::FromDer;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo, X509Name};

/// One certificate, parsed once.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// The DER bytes of the certificate alone (trailing bytes cut off).
    pub der: Vec<u8>,
    pub span: Span,
    /// The subject as `C=US, O=..., CN=...`.
    pub subject: String,
    /// The issuer as x509-parser prints it (empty for an empty name).
    pub issuer: String,
    /// The first common name, else the whole subject.
    pub cn: String,
    /// Subject and issuer are the same name.
    pub self_issued: bool,
    /// Self-issued and its signature verifies with its own key.
    pub self_signed: bool,
    /// Why a self-issued certificate's own key does not verify it, when it does not.
    pub self_check_error: Option<VerifyError>,
    pub is_ca: bool,
    /// The X.509 version number as encoded (0 for v1, 2 for v3).
    pub version: u32,
    pub not_before: i64,
    pub not_after: i64,
    pub key: KeyKind,
    /// The signature algorithm, when it is one that can be checked here.
    pub sig_alg: Option<SigAlg>,
    /// The serial number's first bit is set, so it is a negative DER integer.
    pub negative_serial: bool,
    /// Critical extensions that could not be read: dotted OID and name.
    pub unknown_critical: Vec<(String, String)>,
    /// Whether key usage allows digital signatures; `None` without a key usage extension.
    pub digital_signature: Option<bool>,
    /// Whether the EKU allows server or client authentication; `None` without an EKU.
    pub auth_eku: Option<bool>,
    pub thumbprints: Thumbprints,
    /// The DER SubjectPublicKeyInfo.
    pub spki_der: Vec<u8>,
    /// The subject's attributes as (short label, value).
    pub subject_attributes: Vec<(String, String)>,
    /// The issuer as `C=US, O=..., CN=...`.
    pub issuer_dn: String,
    /// The issuer's attributes as (short label, value).
    pub issuer_attributes: Vec<(String, String)>,
    /// The serial number's bytes as encoded.
    pub raw_serial: Vec<u8>,
    /// The dotted OID of the key algorithm.
    pub key_alg_oid: String,
    /// An RSA key's public exponent.
    pub rsa_exponent: Option<String>,
    /// The dotted OID of the signature algorithm and the registry's name for it.
    pub sig_alg_oid: String,
    pub sig_alg_name: String,
    pub extensions: Vec<Extension>,
}

impl Certificate {
    /// Reads one DER certificate; `None` if the bytes are not a certificate.
    pub fn parse(der: &[u8], span: Span) -> Option<Certificate> {
        let (rest, cert) = X509Certificate::from_der(der).ok()?;
        let der = &der[..der.len() - rest.len()];
        if cert.version().0 > 2 {
            return None;
        }
        let subject = dn_string(cert.subject());
        let cn = cert
            .subject()
            .iter_common_name()
            .next()
            .and_then(|c| c.as_str().ok())
            .map(str::to_string)
            .unwrap_or_else(|| subject.clone());
        let self_issued = cert.subject().as_raw() == cert.issuer().as_raw();
        let own = self_issued.then(|| signature_check(&cert, cert.public_key()));
        let unknown_critical = cert
            .extensions()
            .iter()
            .filter(|ext| {
                ext.critical
                    && matches!(
                        ext.parsed_extension(),
                        ParsedExtension::UnsupportedExtension { .. }
                            | ParsedExtension::ParseError { .. }
                    )
            })
            .map(|ext| (ext.oid.to_id_string(), ext_name(&ext.oid)))
            .collect();
        Some(Certificate {
            der: der.to_vec(),
            span,
            cn,
            issuer: name_string(cert.issuer()),
            self_issued,
            self_signed: matches!(own, Some(Ok(()))),
            self_check_error: own.and_then(Result::err),
            is_ca: cert.is_ca(),
            version: cert.version().0,
            not_before: cert.validity().not_before.timestamp(),
            not_after: cert.validity().not_after.timestamp(),
            key: verify::key_kind_of(cert.public_key()),
            sig_alg: sig_alg(&cert.signature_algorithm),
            negative_serial: cert.raw_serial().first().is_some_and(|b| b & 0x80 != 0),
            unknown_critical,
            digital_signature: cert
                .key_usage()
                .ok()
                .flatten()
                .map(|ku| ku.value.digital_signature()),
            auth_eku: cert.extended_key_usage().ok().flatten().map(|eku| {
                let e = eku.value;
                e.any || e.server_auth || e.client_auth
            }),
            thumbprints: Thumbprints::of(der),
            spki_der: cert.public_key().raw.to_vec(),
            subject_attributes: dn_attributes(cert.subject()),
            issuer_dn: dn_string(cert.issuer()),
            issuer_attributes: dn_attributes(cert.issuer()),
            raw_serial: cert.raw_serial().to_vec(),
            key_alg_oid: cert.public_key().algorithm.algorithm.to_id_string(),
            rsa_exponent: match cert.public_key().parsed() {
                Ok(x509_parser::public_key::PublicKey::RSA(rsa)) => {
                    rsa.try_exponent().ok().map(|e| e.to_string())
                }
                _ => None,
            },
            sig_alg_oid: cert.signature_algorithm.algorithm.to_id_string(),
            sig_alg_name: alg_name(&cert.signature_algorithm.algorithm),
            extensions: cert.extensions().iter().map(extensions::read).collect(),
            subject,
        })
    }
}

/// Checks the certificate's signature with `issuer_key`, using RustCrypto (also for RSA 1024).
pub fn signature_check(
    cert: &X509Certificate,
    issuer_key: &SubjectPublicKeyInfo,
) -> Result<(), VerifyError> {
    let alg = sig_alg(&cert.signature_algorithm).ok_or_else(|| {
        VerifyError::Unusable(format!(
            "the signature algorithm {} cannot be checked here",
            alg_name(&cert.signature_algorithm.algorithm)
        ))
    })?;
    verify::verify_with_spki(
        alg,
        issuer_key.raw,
        cert.tbs_certificate.as_ref(),
        &cert.signature_value.data,
    )
}

/// The signature algorithm of an AlgorithmIdentifier, following RSA-PSS into its hash.
pub fn sig_alg(alg: &AlgorithmIdentifier) -> Option<SigAlg> {
    let oid = alg.algorithm.to_id_string();
    let pss_hash = alg
        .parameters
        .as_ref()
        .and_then(|p| RsaSsaPssParams::try_from(p).ok())
        .map(|p| p.hash_algorithm_oid().to_id_string());
    verify::x509_sig_alg(&oid, pss_hash.as_deref())
}

/// The distinguished name as `C=US, O=..., CN=...`.
pub fn dn_string(name: &X509Name) -> String {
    let s = name_string(name);
    if s.is_empty() {
        "(empty name)".to_string()
    } else {
        s
    }
}

/// A name written as x509-parser's `Display` writes it (`C=US, O=..., CN=...`, `+` inside a
/// multi-valued RDN), with the local OID table instead of the registry.
fn name_string(name: &X509Name) -> String {
    let mut rdns = Vec::new();
    for rdn in name.iter() {
        let mut parts = Vec::new();
        for attr in rdn.iter() {
            let Some(value) = attribute_text(attr.attr_value()) else {
                return "<X509Error: Invalid X.509 name>".to_string();
            };
            let oid = attr.attr_type();
            let label = attribute_label(oid)
                .map(str::to_string)
                .unwrap_or_else(|| format!("{oid:?}"));
            parts.push(format!("{label}={value}"));
        }
        rdns.push(parts.join(" + "));
    }
    rdns.join(", ")
}

/// An attribute value as text: string types as they are, BMPString decoded, anything else as
/// upper-case hex; `None` when a string type does not decode.
fn attribute_text(value: &x509_parser::asn1_rs::Any) -> Option<String> {
    use x509_parser::asn1_rs::Tag;
    match value.tag() {
        Tag::NumericString
        | Tag::VisibleString
        | Tag::PrintableString
        | Tag::GeneralString
        | Tag::ObjectDescriptor
        | Tag::GraphicString
        | Tag::T61String
        | Tag::VideotexString
        | Tag::Utf8String
        | Tag::Ia5String => std::str::from_utf8(value.data).ok().map(str::to_string),
        Tag::BmpString => {
            let units: Vec<u16> = value
                .data
                .chunks(2)
                .map(|pair| match pair {
                    [hi, lo] => u16::from(*hi) << 8 | u16::from(*lo),
                    [single] => u16::from(*single),
                    _ => 0,
                })
                .collect();
            String::from_utf16(&units).ok()
        }
        _ => Some(hex_upper(value.data)),
    }
}

/// The label of a name attribute: the usual abbreviation (CN, O, ...), else its short name.
fn attribute_label(oid: &Oid) -> Option<&'static str> {
    let id = oid.to_id_string();
    name_in(ABBREVIATIONS, &id).or_else(|| short_name(&id))
}

/// The attributes of a name as (short label, value), in order.
pub fn dn_attributes(name: &X509Name) -> Vec<(String, String)> {
    name.iter_attributes()
        .map(|attr| {
            let oid = attr.attr_type();
            let label = attribute_label(oid)
                .map(str::to_string)
                .unwrap_or_else(|| oid.to_id_string());
            let value = attr
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|_| hex_upper(attr.as_slice()));
            (label, value)
        })
        .collect()
}

/// The registry's short name of an algorithm OID, else its dotted form.
pub fn alg_name(oid: &Oid) -> String {
    short_name(&oid.to_id_string())
        .map(str::to_string)
        .unwrap_or_else(|| oid.to_id_string())
}

/// The name of an extension: Microsoft's from the knowledge table, else the registry's.
pub fn ext_name(oid: &Oid) -> String {
    let id = oid.to_id_string();
    match crate::knowledge::x509::name_in(crate::knowledge::x509::EXTENSIONS, &id) {
        Some(name) => name.to_string(),
        None => short_name(&id)
            .map(str::to_string)
            .unwrap_or_else(|| format!("Extension {id}")),
    }
}

/// The absolute value of a two's-complement big-endian integer whose top bit is set, else `None`.
pub fn negative_magnitude(raw: &[u8]) -> Option<Vec<u8>> {
    if raw.first()? & 0x80 == 0 {
        return None;
    }
    let mut out: Vec<u8> = raw.iter().map(|b| !b).collect();
    for byte in out.iter_mut().rev() {
        let (sum, carry) = byte.overflowing_add(1);
        *byte = sum;
        if !carry {
            break;
        }
    }
    let first = out.iter().position(|b| *b != 0).unwrap_or(out.len());
    Some(out.split_off(first))
}

/// A general name as (its form, its value): `DNS`, `email`, `URI`, `IP`, `UPN` ...
pub fn general_name(gn: &GeneralName) -> (&'static str, String) {
    match gn {
        GeneralName::DNSName(d) => ("DNS", d.to_string()),
        GeneralName::RFC822Name(e) => ("email", e.to_string()),
        GeneralName::URI(u) => ("URI", u.to_string()),
        GeneralName::IPAddress(ip) => ("IP", ip_string(ip)),
        GeneralName::DirectoryName(n) => ("directory name", dn_string(n)),
        GeneralName::RegisteredID(oid) => ("registered ID", oid.to_id_string()),
        GeneralName::OtherName(oid, value) => {
            let id = oid.to_id_string();
            if id == crate::knowledge::x509::OID_UPN {
                ("UPN", printable(value))
            } else {
                ("other name", format!("{id}: {}", printable(value)))
            }
        }
        _ => ("other", String::from("(unsupported name form)")),
    }
}

fn printable(bytes: &[u8]) -> String {
    // The value is an explicitly tagged string; keep its printable tail.
    let text: String = bytes
        .iter()
        .skip_while(|b| !b.is_ascii_graphic() || **b == b'0')
        .filter(|b| b.is_ascii_graphic() || **b == b' ')
        .map(|b| *b as char)
        .collect();
    if text.is_empty() {
        hex_upper(bytes)
    } else {
        text
    }
}

fn ip_string(ip: &[u8]) -> String {
    match ip.len() {
        4 => format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]),
        16 => {
            let words: Vec<String> = ip
                .chunks(2)
                .map(|c| format!("{:x}", u16::from_be_bytes([c[0], c[1]])))
                .collect();
            words.join(":")
        }
        _ => hex_upper(ip),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_serials_are_read_as_their_magnitude() {
        assert_eq!(negative_magnitude(&[0xff]), Some(vec![0x01]));
        assert_eq!(negative_magnitude(&[0x7f]), None);
        assert!(Certificate::parse(&[0x30, 0x00], Span::default()).is_none());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn names_are_written_as_x509_parser_writes_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for file in [
            "chain.pem",
            "extra-ev.pem",
            "extra-many-sans.pem",
            "exchange-auth.pem",
        ] {
            let pem = std::fs::read_to_string(
                root.join("tests/fixtures/certificate/generated").join(file),
            )
            .unwrap();
            for block in pem.split("-----BEGIN CERTIFICATE-----").skip(1) {
                let body: String = block
                    .split("-----END")
                    .next()
                    .unwrap()
                    .split_whitespace()
                    .collect();
                let der = crate::text::b64_decode_lenient(&body).unwrap();
                let (_, cert) = X509Certificate::from_der(&der).unwrap();
                for name in [cert.subject(), cert.issuer()] {
                    assert_eq!(name_string(name), name.to_string());
                    seen += 1;
                }
            }
        }
        assert!(seen >= 8);
    }
}
