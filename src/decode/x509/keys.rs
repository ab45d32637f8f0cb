//! Keys and requests as typed records: private keys pasted as PEM (never their content), bare
//! public keys, certificate signing requests and PKCS#7 bundles.

use super::cert::{alg_name, dn_attributes, dn_string, general_name, sig_alg};
use super::der::{PemBlock, Thumbprints};
use super::pkcs7;
use crate::report::Span;
use crate::verify::{self, KeyKind};
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::x509::SubjectPublicKeyInfo;

/// A private key pasted as PEM: what its label and headers say, never its content.
#[derive(Debug, Clone)]
pub struct PrivateKeyNotice {
    pub span: Span,
    pub label: String,
    /// Encrypted, by its label (`ENCRYPTED PRIVATE KEY`) or its `Proc-Type` header.
    pub encrypted: bool,
    /// A traditional OpenSSL key encrypted through its RFC 1421 headers.
    pub legacy_encrypted: bool,
    /// The cipher named by `DEK-Info`.
    pub cipher: Option<String>,
    /// The RFC 1421 header lines, as (name, value).
    pub headers: Vec<(String, String)>,
}

impl PrivateKeyNotice {
    /// Reads what a private key block says about itself.
    pub fn of(block: &PemBlock) -> PrivateKeyNotice {
        let proc_type = block.header("Proc-Type");
        let legacy_encrypted =
            proc_type.is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
        PrivateKeyNotice {
            span: block.span,
            label: block.label.clone(),
            encrypted: block.label.contains("ENCRYPTED") || legacy_encrypted,
            legacy_encrypted,
            cipher: block
                .header("DEK-Info")
                .and_then(|v| v.split(',').next())
                .map(|c| c.trim().to_string()),
            headers: block.headers.clone(),
        }
    }
}

/// A bare public key.
#[derive(Debug, Clone)]
pub struct PublicKey {
    pub span: Span,
    /// The DER SubjectPublicKeyInfo (built from PKCS#1 when it was pasted as such).
    pub spki_der: Vec<u8>,
    pub key: KeyKind,
    /// The dotted OID of the key algorithm.
    pub alg_oid: String,
    /// It was pasted as PKCS#1 (`RSA PUBLIC KEY`).
    pub pkcs1: bool,
    pub thumbprints: Thumbprints,
}

impl PublicKey {
    /// Reads a DER SubjectPublicKeyInfo; `None` when the bytes are not one.
    pub fn parse(der: &[u8], span: Span) -> Option<PublicKey> {
        let (rest, spki) = SubjectPublicKeyInfo::from_der(der).ok()?;
        if !rest.is_empty() {
            return None;
        }
        let key = verify::key_kind_of(&spki);
        if matches!(key, KeyKind::Other(_)) && spki.parsed().is_err() {
            return None;
        }
        Some(PublicKey {
            span,
            spki_der: der.to_vec(),
            key,
            alg_oid: spki.algorithm.algorithm.to_id_string(),
            pkcs1: false,
            thumbprints: Thumbprints::of(der),
        })
    }

    /// Reads a PKCS#1 RSAPublicKey (`RSA PUBLIC KEY`).
    pub fn parse_pkcs1(der: &[u8], span: Span) -> Option<PublicKey> {
        // Wrapped as it is to read n and e, then encoded again in the shortest DER form.
        let wrapped = verify::spki::from_pkcs1(der);
        let (_, info) = SubjectPublicKeyInfo::from_der(&wrapped).ok()?;
        let Ok(x509_parser::public_key::PublicKey::RSA(key)) = info.parsed() else {
            return None;
        };
        let spki = verify::spki::rsa(key.modulus, key.exponent).ok()?;
        let mut parsed = PublicKey::parse(&spki, span)?;
        parsed.pkcs1 = true;
        Some(parsed)
    }
}

/// A certificate signing request.
#[derive(Debug, Clone)]
pub struct Csr {
    pub span: Span,
    pub subject: String,
    /// The subject's attributes as (short label, value).
    pub subject_attributes: Vec<(String, String)>,
    pub key: KeyKind,
    /// The dotted OID of the key algorithm.
    pub key_alg_oid: String,
    /// The registry's name of the signature algorithm.
    pub signature_algorithm: String,
    /// The request's signature verifies with its own public key.
    pub signature_verifies: bool,
    /// The subject alternative names it asks for, as (form, value).
    pub requested_sans: Vec<(&'static str, String)>,
}

impl Csr {
    /// Reads a DER PKCS#10 request; `None` when the bytes are not one.
    pub fn parse(der: &[u8], span: Span) -> Option<Csr> {
        let (_, csr) = X509CertificationRequest::from_der(der).ok()?;
        let info = &csr.certification_request_info;
        let signature_verifies = sig_alg(&csr.signature_algorithm)
            .map(|alg| {
                verify::verify_with_spki(
                    alg,
                    info.subject_pki.raw,
                    info.raw,
                    &csr.signature_value.data,
                )
            })
            .is_some_and(|r| r.is_ok());
        let mut requested_sans = Vec::new();
        for ext in csr.requested_extensions().into_iter().flatten() {
            if let ParsedExtension::SubjectAlternativeName(san) = ext {
                requested_sans.extend(san.general_names.iter().map(general_name));
            }
        }
        Some(Csr {
            span,
            subject: dn_string(&info.subject),
            subject_attributes: dn_attributes(&info.subject),
            key: verify::key_kind_of(&info.subject_pki),
            key_alg_oid: info.subject_pki.algorithm.algorithm.to_id_string(),
            signature_algorithm: alg_name(&csr.signature_algorithm.algorithm),
            signature_verifies,
            requested_sans,
        })
    }
}

/// A PKCS#7 SignedData bundle (usually a .p7b).
#[derive(Debug, Clone)]
pub struct Pkcs7 {
    pub span: Span,
    /// The DER certificates it carries, in order.
    pub certificates: Vec<Vec<u8>>,
}

impl Pkcs7 {
    /// Reads a PKCS#7 SignedData; `None` when the bytes are not one.
    pub fn parse(der: &[u8], span: Span) -> Option<Pkcs7> {
        pkcs7::pkcs7_certificates(der).map(|certificates| Pkcs7 { span, certificates })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::x509::der::pem_blocks;

    #[test]
    fn garbage_is_no_key_and_private_key_headers_are_read() {
        assert!(PublicKey::parse(&[0x30, 0x00], Span::default()).is_none());
        assert!(Csr::parse(&[0x30, 0x00], Span::default()).is_none());
        assert!(Pkcs7::parse(&[0x30, 0x00], Span::default()).is_none());
        let block = &pem_blocks("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE KEY-----")[0];
        let notice = PrivateKeyNotice::of(block);
        assert!(notice.legacy_encrypted && notice.encrypted);
        assert_eq!(notice.cipher.as_deref(), Some("AES-128-CBC"));
    }
}
