//! Signature primitives: names of key types and algorithms, and offline signature checks.
//!
//! Certificates (X.509 signature OIDs) and tokens (JWS `alg` names) share these functions, so a
//! 1024-bit RSA key or a SHA-1 signature is judged the same way wherever it appears.

pub mod deferred;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod spki;

use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// A digest used by a signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn digest(self, msg: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        match self {
            Hash::Sha1 => Sha1::digest(msg).to_vec(),
            Hash::Sha256 => Sha256::digest(msg).to_vec(),
            Hash::Sha384 => Sha384::digest(msg).to_vec(),
            Hash::Sha512 => Sha512::digest(msg).to_vec(),
        }
    }
}

/// How an ECDSA signature is laid out: JWS uses fixed-size `r || s`, X.509 uses DER.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EcFormat {
    Raw,
    Der,
}

/// A signature algorithm, whether named by a JWS `alg` or an X.509 OID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigAlg {
    RsaPkcs1(Hash),
    RsaPss(Hash),
    Ecdsa(Hash, EcFormat),
    Ed25519,
    Hmac(Hash),
}

impl SigAlg {
    /// The key type this algorithm needs, in words.
    pub fn key_type(self) -> &'static str {
        match self {
            SigAlg::RsaPkcs1(_) | SigAlg::RsaPss(_) => "an RSA key",
            SigAlg::Ecdsa(..) => "an EC key",
            SigAlg::Ed25519 => "an Ed25519 key",
            SigAlg::Hmac(_) => "a shared secret",
        }
    }
}

/// Maps a JWS `alg` header value to an algorithm; `None` for `none` and unknown names.
pub fn jws_alg(alg: &str) -> Option<SigAlg> {
    Some(match alg {
        "RS256" => SigAlg::RsaPkcs1(Hash::Sha256),
        "RS384" => SigAlg::RsaPkcs1(Hash::Sha384),
        "RS512" => SigAlg::RsaPkcs1(Hash::Sha512),
        "PS256" => SigAlg::RsaPss(Hash::Sha256),
        "PS384" => SigAlg::RsaPss(Hash::Sha384),
        "PS512" => SigAlg::RsaPss(Hash::Sha512),
        "ES256" => SigAlg::Ecdsa(Hash::Sha256, EcFormat::Raw),
        "ES384" => SigAlg::Ecdsa(Hash::Sha384, EcFormat::Raw),
        "ES512" => SigAlg::Ecdsa(Hash::Sha512, EcFormat::Raw),
        "EdDSA" | "Ed25519" => SigAlg::Ed25519,
        "HS256" => SigAlg::Hmac(Hash::Sha256),
        "HS384" => SigAlg::Hmac(Hash::Sha384),
        "HS512" => SigAlg::Hmac(Hash::Sha512),
        _ => return None,
    })
}

/// Maps an X.509 signature algorithm OID (dotted) to an algorithm this module can check.
pub fn x509_sig_alg(oid: &str, pss_hash_oid: Option<&str>) -> Option<SigAlg> {
    Some(match oid {
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => SigAlg::RsaPkcs1(Hash::Sha1),
        "1.2.840.113549.1.1.11" => SigAlg::RsaPkcs1(Hash::Sha256),
        "1.2.840.113549.1.1.12" => SigAlg::RsaPkcs1(Hash::Sha384),
        "1.2.840.113549.1.1.13" => SigAlg::RsaPkcs1(Hash::Sha512),
        "1.2.840.113549.1.1.10" => SigAlg::RsaPss(match pss_hash_oid {
            Some("2.16.840.1.101.3.4.2.2") => Hash::Sha384,
            Some("2.16.840.1.101.3.4.2.3") => Hash::Sha512,
            Some("2.16.840.1.101.3.4.2.1") => Hash::Sha256,
            _ => Hash::Sha1,
        }),
        "1.2.840.10045.4.1" => SigAlg::Ecdsa(Hash::Sha1, EcFormat::Der),
        "1.2.840.10045.4.3.2" => SigAlg::Ecdsa(Hash::Sha256, EcFormat::Der),
        "1.2.840.10045.4.3.3" => SigAlg::Ecdsa(Hash::Sha384, EcFormat::Der),
        "1.2.840.10045.4.3.4" => SigAlg::Ecdsa(Hash::Sha512, EcFormat::Der),
        "1.3.101.112" => SigAlg::Ed25519,
        _ => return None,
    })
}

/// What kind of public key a SubjectPublicKeyInfo holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    Rsa { bits: usize },
    Ec { curve: &'static str },
    Ed25519,
    Other(String),
}

impl KeyKind {
    /// A short description: `RSA 2048-bit`, `EC P-384 (secp384r1)`, `Ed25519`.
    pub fn describe(&self) -> String {
        match self {
            KeyKind::Rsa { bits } => format!("RSA {bits}-bit"),
            KeyKind::Ec { curve } => format!("EC {curve}"),
            KeyKind::Ed25519 => "Ed25519".to_string(),
            KeyKind::Other(what) => what.clone(),
        }
    }
}

/// The curve name shown for an EC parameters OID.
pub fn curve_name(oid: &str) -> &'static str {
    use crate::knowledge::x509::{name_in, CURVES};
    name_in(CURVES, oid).unwrap_or("an unnamed curve")
}

/// Bits in a big-endian unsigned integer, ignoring leading zero bytes.
pub fn bit_length(be: &[u8]) -> usize {
    let trimmed: &[u8] = {
        let first = be.iter().position(|b| *b != 0).unwrap_or(be.len());
        &be[first..]
    };
    match trimmed.first() {
        Some(top) => trimmed.len() * 8 - top.leading_zeros() as usize,
        None => 0,
    }
}

/// Reads the key type and size from a DER SubjectPublicKeyInfo.
pub fn key_kind(spki_der: &[u8]) -> Result<KeyKind, String> {
    let (_, spki) = SubjectPublicKeyInfo::from_der(spki_der)
        .map_err(|_| "the public key info is not valid DER".to_string())?;
    Ok(key_kind_of(&spki))
}

/// Reads the key type and size from a parsed SubjectPublicKeyInfo.
pub fn key_kind_of(spki: &SubjectPublicKeyInfo) -> KeyKind {
    let alg = spki.algorithm.algorithm.to_id_string();
    if alg == "1.3.101.112" {
        return KeyKind::Ed25519;
    }
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyKind::Rsa {
            bits: bit_length(rsa.modulus),
        },
        Ok(PublicKey::EC(_)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| curve_name(&o.to_id_string()))
                .unwrap_or("an unnamed curve");
            KeyKind::Ec { curve }
        }
        Ok(PublicKey::DSA(_)) => KeyKind::Other("DSA".into()),
        _ => KeyKind::Other(format!("key algorithm {alg}")),
    }
}

/// Why a signature check did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// The signature does not match the data and key.
    Invalid,
    /// The algorithm needs another key type than the one given.
    WrongKeyType { needs: &'static str, got: String },
    /// The key or signature could not be read or the algorithm is not supported here.
    Unusable(String),
}

/// Checks `sig` over `msg` with the public key in `spki_der`.
/// Checks `sig` over `msg` with the public key in `spki_der`.
///
/// The key type and curve are checked here on every target; the arithmetic is RustCrypto's in
/// the CLI, and in the page the browser's WebCrypto answers through `deferred`.
pub fn verify_with_spki(
    alg: SigAlg,
    spki_der: &[u8],
    msg: &[u8],
    sig: &[u8],
) -> Result<(), VerifyError> {
    let (_, spki) = SubjectPublicKeyInfo::from_der(spki_der)
        .map_err(|_| VerifyError::Unusable("the public key is not valid DER".into()))?;
    let kind = key_kind_of(&spki);
    let wrong = || VerifyError::WrongKeyType {
        needs: alg.key_type(),
        got: kind.describe(),
    };
    match (alg, spki.parsed(), &kind) {
        (SigAlg::RsaPkcs1(_) | SigAlg::RsaPss(_), Ok(PublicKey::RSA(_)), _) => {}
        (SigAlg::Ecdsa(..), Ok(PublicKey::EC(_)), KeyKind::Ec { curve }) => {
            if !curve.starts_with("P-256") && !curve.starts_with("P-384") {
                return Err(VerifyError::Unusable(format!(
                    "signatures on {curve} cannot be checked here"
                )));
            }
        }
        (SigAlg::Ed25519, _, KeyKind::Ed25519) => {}
        _ => return Err(wrong()),
    }
    if let Some(answer) = deferred::ask(alg, spki_der, msg, sig) {
        return answer;
    }
    #[cfg(not(target_arch = "wasm32"))]
    return native::verify(alg, spki_der, msg, sig);
    #[cfg(target_arch = "wasm32")]
    Err(VerifyError::Unusable(
        "signatures are checked in the inspection worker, which is not running".into(),
    ))
}

/// Checks an HMAC signature with a shared secret.
pub fn verify_hmac(hash: Hash, secret: &[u8], msg: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
    let ok = match hash {
        Hash::Sha256 => hmac_matches::<Hmac<Sha256>>(secret, msg, sig),
        Hash::Sha384 => hmac_matches::<Hmac<Sha384>>(secret, msg, sig),
        Hash::Sha512 => hmac_matches::<Hmac<Sha512>>(secret, msg, sig),
        Hash::Sha1 => hmac_matches::<Hmac<Sha1>>(secret, msg, sig),
    };
    ok.then_some(()).ok_or(VerifyError::Invalid)
}

/// Whether `sig` is the HMAC of `msg` under `secret`; a secret the MAC cannot take is no match.
fn hmac_matches<M: Mac + hmac::digest::KeyInit>(secret: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    <M as hmac::digest::KeyInit>::new_from_slice(secret)
        .map(|mut m| {
            m.update(msg);
            m.verify_slice(sig).is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jws_and_x509_names_map_to_the_same_algorithms() {
        assert_eq!(jws_alg("RS256"), Some(SigAlg::RsaPkcs1(Hash::Sha256)));
        assert_eq!(
            x509_sig_alg("1.2.840.113549.1.1.11", None),
            Some(SigAlg::RsaPkcs1(Hash::Sha256))
        );
        assert_eq!(jws_alg("none"), None);
        assert_eq!(x509_sig_alg("1.2.3", None), None);
    }

    #[test]
    fn bit_length_ignores_leading_zeros() {
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
        assert_eq!(bit_length(&[0x01]), 1);
        assert_eq!(bit_length(&[]), 0);
    }

    #[test]
    fn hmac_checks_the_secret() {
        let mut mac = Hmac::<Sha256>::new_from_slice(b"s3cret").unwrap();
        mac.update(b"a.b");
        let sig = mac.finalize().into_bytes();
        assert_eq!(verify_hmac(Hash::Sha256, b"s3cret", b"a.b", &sig), Ok(()));
        assert_eq!(
            verify_hmac(Hash::Sha256, b"other", b"a.b", &sig),
            Err(VerifyError::Invalid)
        );
    }

    #[test]
    fn jwk_parts_become_a_key_that_names_itself() {
        let der = spki::ed25519(&[9; 32]);
        // Not every 32-byte string is a point, but the SPKI still encodes and names its type.
        assert_eq!(key_kind(&der.unwrap()).unwrap(), KeyKind::Ed25519);
        assert!(spki::ed25519(&[1; 5]).is_err());
        assert!(spki::ec("P-256", &[1; 32], &[2; 32]).is_err());
        assert!(key_kind(b"garbage").is_err());
    }
}
