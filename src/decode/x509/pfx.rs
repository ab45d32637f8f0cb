//! PKCS#12 (.pfx/.p12) files pasted as base64, read as far as the password allows.
//!
//! Without the password only the outer structure can be read: the MAC, which parts are encrypted
//! and how, bag types, friendly names and any certificate stored unencrypted.

use super::der;
use super::pkcs7::{elements, is_context, octets, oid_of, small_int};
use super::pkcs7::{looks_like_pfx, OID_DATA, OID_ENCRYPTED_DATA};
use crate::knowledge::x509 as facts;
use crate::report::Span;
use crate::text::hex_upper;
use x509_parser::asn1_rs::{Any, FromBer};

/// A PFX file as far as it can be read without its password.
#[derive(Debug, Clone, Default)]
pub struct Pfx {
    pub span: Span,
    /// The password MAC: its digest and iteration count; `None` when the file has none.
    pub mac: Option<(String, u64)>,
    /// What the readable parts hold, in file order.
    pub parts: Vec<PfxPart>,
    /// DER certificates stored without encryption.
    pub certificates: Vec<Vec<u8>>,
    pub private_keys: usize,
    pub encrypted_parts: usize,
    /// True when some part uses the old RC2/3DES password encryption.
    pub legacy: bool,
}

/// One readable part of a PFX.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PfxPart {
    /// A bag of a SafeContents, with its attributes (label, value).
    Bag {
        kind: BagKind,
        attributes: Vec<(&'static str, String)>,
    },
    /// An EncryptedData part, with a description of its algorithm.
    Encrypted { alg: String },
}

/// What a bag holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BagKind {
    PlainKey,
    EncryptedKey { alg: String },
    Certificate { readable: bool },
    Other { oid: String },
}

/// Finds every PFX pasted as base64 in `text`.
pub fn find(text: &str) -> Vec<Pfx> {
    der::der_base64_runs(text, der::MIN_BASE64_RUN)
        .into_iter()
        .filter(|run| looks_like_pfx(&run.bytes))
        .filter_map(|run| read(&run.bytes, run.span))
        .collect()
}

/// Describes an AlgorithmIdentifier, following PBES2 into its KDF, iterations and cipher.
fn describe_alg(alg: &Any) -> String {
    let parts = elements(alg.data);
    let Some(oid) = parts.first().and_then(oid_of) else {
        return "an unreadable algorithm".into();
    };
    if oid == facts::OID_PBES2 {
        let params = parts.get(1).map(|p| elements(p.data)).unwrap_or_default();
        let kdf = params.first().map(|k| elements(k.data)).unwrap_or_default();
        let iterations = kdf
            .get(1)
            .map(|p| elements(p.data))
            .and_then(|p| p.get(1).and_then(small_int));
        let cipher = params
            .get(1)
            .and_then(|c| elements(c.data).first().and_then(oid_of))
            .map(|o| facts::pkcs12_alg_name(&o))
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
        Some(n) => format!("{}, {n} iterations", facts::pkcs12_alg_name(&oid)),
        None => facts::pkcs12_alg_name(&oid),
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

/// Friendly name, local key id and key provider from a bag's attributes.
fn bag_attributes(set: &Any) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for attr in elements(set.data) {
        let parts = elements(attr.data);
        let (Some(oid), Some(values)) = (parts.first().and_then(oid_of), parts.get(1)) else {
            continue;
        };
        let Some(value) = elements(values.data).into_iter().next() else {
            continue;
        };
        let Some(row) = facts::PKCS12_ATTRIBUTES.iter().find(|r| r.oid == oid) else {
            continue;
        };
        let text = if row.oid == facts::OID_LOCAL_KEY_ID {
            hex_upper(value.data)
        } else {
            bmp_string(value.data)
        };
        out.push((row.name, text));
    }
    out
}

const BAG_PREFIX: &str = "1.2.840.113549.1.12.10.1";

fn walk_safe_contents(data: &[u8], out: &mut Pfx) {
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
        let attributes = parts.get(2).map(bag_attributes).unwrap_or_default();
        let kind = match kind.rsplit('.').next().unwrap_or("") {
            "1" if kind.starts_with(BAG_PREFIX) => {
                out.private_keys += 1;
                BagKind::PlainKey
            }
            "2" if kind.starts_with(BAG_PREFIX) => {
                out.private_keys += 1;
                let alg = value
                    .as_ref()
                    .and_then(|v| elements(v.data).into_iter().next())
                    .map(|a| describe_alg(&a))
                    .unwrap_or_else(|| "an unreadable algorithm".into());
                out.legacy |= alg.contains("legacy");
                BagKind::EncryptedKey { alg }
            }
            "3" if kind.starts_with(BAG_PREFIX) => {
                let der = value
                    .as_ref()
                    .map(|v| elements(v.data))
                    .and_then(|p| p.get(1).and_then(|c| elements(c.data).into_iter().next()))
                    .map(|o| octets(&o));
                let readable = der.is_some();
                out.certificates.extend(der);
                BagKind::Certificate { readable }
            }
            _ => BagKind::Other { oid: kind },
        };
        out.parts.push(PfxPart::Bag { kind, attributes });
    }
}

/// Reads a PFX; `None` when the bytes are not even a readable outer SEQUENCE.
pub fn read(der: &[u8], span: Span) -> Option<Pfx> {
    let (_, outer) = Any::from_ber(der).ok()?;
    let parts = elements(outer.data);
    let mut pfx = Pfx {
        span,
        ..Pfx::default()
    };
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
                (Some(OID_DATA), Some(octet)) => walk_safe_contents(&octets(&octet), &mut pfx),
                (Some(OID_ENCRYPTED_DATA), Some(enc)) => {
                    pfx.encrypted_parts += 1;
                    let alg = elements(enc.data)
                        .get(1)
                        .map(|eci| elements(eci.data))
                        .and_then(|eci| eci.get(1).map(describe_alg))
                        .unwrap_or_else(|| "an unreadable algorithm".into());
                    pfx.legacy |= alg.contains("legacy");
                    pfx.parts.push(PfxPart::Encrypted { alg });
                }
                _ => {}
            }
        }
    }
    pfx.mac = parts.get(2).map(|mac| {
        let mac_parts = elements(mac.data);
        let digest = mac_parts
            .first()
            .and_then(|di| elements(di.data).into_iter().next())
            .map(|alg| describe_alg(&alg))
            .unwrap_or_else(|| "unknown".into());
        let iterations = mac_parts.get(2).and_then(small_int).unwrap_or(1);
        (digest, iterations)
    });
    Some(pfx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_found_in_prose() {
        assert!(find("nothing here").is_empty());
        assert_eq!(bmp_string(&[0, b'a', 0]), "a");
    }
}
