//! Signature primitives: names of key types and algorithms, and offline checks with RustCrypto.
//!
//! Certificates (X.509 signature OIDs) and tokens (JWS `alg` names) share these functions, so a
//! 1024-bit RSA key or a SHA-1 signature is judged the same way wherever it appears.

use hmac::{Hmac, Mac};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
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

    fn digest(self, msg: &[u8]) -> Vec<u8> {
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
    match alg {
        SigAlg::RsaPkcs1(hash) | SigAlg::RsaPss(hash) => {
            let Ok(PublicKey::RSA(parts)) = spki.parsed() else {
                return Err(wrong());
            };
            let key = RsaPublicKey::new_with_max_size(
                BigUint::from_bytes_be(parts.modulus),
                BigUint::from_bytes_be(parts.exponent),
                16384,
            )
            .map_err(|e| VerifyError::Unusable(format!("the RSA key is not usable: {e}")))?;
            let ok = if matches!(alg, SigAlg::RsaPss(_)) {
                verify_rsa_pss(key, hash, msg, sig)
            } else {
                verify_rsa_pkcs1(key, hash, msg, sig)
            };
            ok.then_some(()).ok_or(VerifyError::Invalid)
        }
        SigAlg::Ecdsa(hash, format) => {
            let Ok(PublicKey::EC(point)) = spki.parsed() else {
                return Err(wrong());
            };
            let KeyKind::Ec { curve } = kind else {
                return Err(wrong());
            };
            verify_ecdsa(curve, point.data(), hash, format, msg, sig)
        }
        SigAlg::Ed25519 => {
            if kind != KeyKind::Ed25519 {
                return Err(wrong());
            }
            let bytes: [u8; 32] = spki
                .subject_public_key
                .data
                .as_ref()
                .try_into()
                .map_err(|_| VerifyError::Unusable("the Ed25519 key is not 32 bytes".into()))?;
            let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| {
                VerifyError::Unusable("the Ed25519 key is not a valid point".into())
            })?;
            let sig =
                ed25519_dalek::Signature::from_slice(sig).map_err(|_| VerifyError::Invalid)?;
            key.verify(msg, &sig).map_err(|_| VerifyError::Invalid)
        }
        SigAlg::Hmac(_) => Err(wrong()),
    }
}

fn verify_rsa_pkcs1(key: RsaPublicKey, hash: Hash, msg: &[u8], sig: &[u8]) -> bool {
    use rsa::pkcs1v15::{Signature, VerifyingKey};
    let Ok(sig) = Signature::try_from(sig) else {
        return false;
    };
    match hash {
        Hash::Sha1 => VerifyingKey::<Sha1>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha256 => VerifyingKey::<Sha256>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha384 => VerifyingKey::<Sha384>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha512 => VerifyingKey::<Sha512>::new(key).verify(msg, &sig).is_ok(),
    }
}

fn verify_rsa_pss(key: RsaPublicKey, hash: Hash, msg: &[u8], sig: &[u8]) -> bool {
    use rsa::pss::{Signature, VerifyingKey};
    let Ok(sig) = Signature::try_from(sig) else {
        return false;
    };
    match hash {
        Hash::Sha1 => VerifyingKey::<Sha1>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha256 => VerifyingKey::<Sha256>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha384 => VerifyingKey::<Sha384>::new(key).verify(msg, &sig).is_ok(),
        Hash::Sha512 => VerifyingKey::<Sha512>::new(key).verify(msg, &sig).is_ok(),
    }
}

fn verify_ecdsa(
    curve: &str,
    point: &[u8],
    hash: Hash,
    format: EcFormat,
    msg: &[u8],
    sig: &[u8],
) -> Result<(), VerifyError> {
    use ecdsa_prehash::PrehashVerifier;
    let prehash = hash.digest(msg);
    let bad_key = || VerifyError::Unusable("the EC public key is not a valid point".into());
    if curve.starts_with("P-256") {
        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| bad_key())?;
        let sig = match format {
            EcFormat::Raw => p256::ecdsa::Signature::from_slice(sig),
            EcFormat::Der => p256::ecdsa::Signature::from_der(sig),
        }
        .map_err(|_| VerifyError::Invalid)?;
        key.verify_prehash(&prehash, &sig)
            .map_err(|_| VerifyError::Invalid)
    } else if curve.starts_with("P-384") {
        let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| bad_key())?;
        let sig = match format {
            EcFormat::Raw => p384::ecdsa::Signature::from_slice(sig),
            EcFormat::Der => p384::ecdsa::Signature::from_der(sig),
        }
        .map_err(|_| VerifyError::Invalid)?;
        key.verify_prehash(&prehash, &sig)
            .map_err(|_| VerifyError::Invalid)
    } else {
        Err(VerifyError::Unusable(format!(
            "signatures on {curve} cannot be checked here"
        )))
    }
}

/// The prehash trait, re-exported through p256 so no extra crate is needed.
mod ecdsa_prehash {
    pub use p256::ecdsa::signature::hazmat::PrehashVerifier;
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

/// Builds a DER SubjectPublicKeyInfo from JWK parts, using the RustCrypto encoders.
pub mod spki {
    use rsa::pkcs8::EncodePublicKey;

    /// An RSA key from its modulus and exponent (big-endian bytes).
    pub fn rsa(n: &[u8], e: &[u8]) -> Result<Vec<u8>, String> {
        let key = rsa::RsaPublicKey::new_with_max_size(
            rsa::BigUint::from_bytes_be(n),
            rsa::BigUint::from_bytes_be(e),
            16384,
        )
        .map_err(|e| format!("n and e do not form a usable RSA key: {e}"))?;
        key.to_public_key_der()
            .map(|d| d.as_bytes().to_vec())
            .map_err(|e| e.to_string())
    }

    /// An EC key from `crv` and its x and y coordinates.
    pub fn ec(crv: &str, x: &[u8], y: &[u8]) -> Result<Vec<u8>, String> {
        let mut point = Vec::with_capacity(1 + x.len() + y.len());
        point.push(4);
        point.extend_from_slice(x);
        point.extend_from_slice(y);
        let bad = |_| format!("x and y are not a point on {crv}");
        let der = match crv {
            "P-256" => p256::PublicKey::from_sec1_bytes(&point)
                .map_err(bad)?
                .to_public_key_der(),
            "P-384" => p384::PublicKey::from_sec1_bytes(&point)
                .map_err(bad)?
                .to_public_key_der(),
            other => return Err(format!("the curve {other} is not supported here")),
        };
        der.map(|d| d.as_bytes().to_vec())
            .map_err(|e| e.to_string())
    }

    /// An Ed25519 key from its 32 raw bytes.
    pub fn ed25519(x: &[u8]) -> Result<Vec<u8>, String> {
        use rsa::pkcs8::der::asn1::BitStringRef;
        use rsa::pkcs8::der::Encode;
        use rsa::pkcs8::spki::{AlgorithmIdentifierRef, ObjectIdentifier, SubjectPublicKeyInfoRef};
        if x.len() != 32 {
            return Err(format!(
                "an Ed25519 key is 32 bytes, this one is {}",
                x.len()
            ));
        }
        let info = SubjectPublicKeyInfoRef {
            algorithm: AlgorithmIdentifierRef {
                oid: ObjectIdentifier::new_unwrap("1.3.101.112"),
                parameters: None,
            },
            subject_public_key: BitStringRef::from_bytes(x).map_err(|e| e.to_string())?,
        };
        info.to_der().map_err(|e| e.to_string())
    }
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
