//! Signature checks with the RustCrypto crates, for the CLI and the native tests (not in the page).
//!
//! The page checks the same signatures with the browser's WebCrypto (see `deferred`), so these
//! crates stay out of the wasm; the checks before this step (key type, curve) are shared.

use super::{EcFormat, Hash, KeyKind, SigAlg, VerifyError};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// Checks `sig` over `msg` with the public key in `spki_der`.
pub fn verify(alg: SigAlg, spki_der: &[u8], msg: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
    let (_, spki) = SubjectPublicKeyInfo::from_der(spki_der)
        .map_err(|_| VerifyError::Unusable("the public key is not valid DER".into()))?;
    let kind = super::key_kind_of(&spki);
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
