//! The ASN.1 container walk that PKCS#7 and PKCS#12 share, and the certificates of a PKCS#7.
//!
//! Containers are read as BER (`Any`), so the indefinite lengths that Windows writes are accepted.

use x509_parser::asn1_rs::{Any, Class, FromBer, Tag};
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

pub const OID_DATA: &str = "1.2.840.113549.1.7.1";
pub const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
pub const OID_ENCRYPTED_DATA: &str = "1.2.840.113549.1.7.6";

/// The elements inside a constructed value, in order; stops at the first unreadable one.
pub fn elements<'a>(data: &'a [u8]) -> Vec<Any<'a>> {
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

/// The dotted OID of an OBJECT IDENTIFIER element.
pub fn oid_of(any: &Any) -> Option<String> {
    if any.tag() != Tag::Oid {
        return None;
    }
    any.clone().as_oid().ok().map(|o| o.to_id_string())
}

/// True for the context-specific tag `[n]`.
pub fn is_context(any: &Any, n: u32) -> bool {
    any.class() == Class::ContextSpecific && any.tag().0 == n
}

/// The bytes of an OCTET STRING, joining the pieces of a constructed (BER) one.
pub fn octets(any: &Any) -> Vec<u8> {
    if any.header.is_constructed() {
        elements(any.data).iter().flat_map(octets).collect()
    } else {
        any.data.to_vec()
    }
}

/// An INTEGER that fits in 64 bits.
pub fn small_int(any: &Any) -> Option<u64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_der_is_not_a_pfx_and_garbage_is_safe() {
        assert!(!looks_like_pfx(&[0x30, 0x03, 0x02, 0x01, 0x01]));
        assert!(!looks_like_pfx(&[]));
        assert!(!looks_like_pfx(&[0x30, 0x82, 0xff]));
        assert!(pkcs7_certificates(&[0x30, 0x00]).is_none());
    }
}
