//! DER SubjectPublicKeyInfo built from key parts (JWK members, a PKCS#1 key), the same bytes on
//! every target; the CLI also checks the parts with the RustCrypto crates, as before.

/// `rsaEncryption` and its NULL parameters.
const RSA_ENCRYPTION: &[u8] = &[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];
/// `id-ecPublicKey`.
const EC_PUBLIC_KEY: &[u8] = &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// `prime256v1` (P-256).
const P256: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/// `secp384r1` (P-384).
const P384: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];
/// `id-Ed25519`.
const ED25519: &[u8] = &[0x06, 0x03, 0x2b, 0x65, 0x70];

/// One DER element: tag, definite length, body.
pub(crate) fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = body.len().to_be_bytes();
    if body.len() < 0x80 {
        out.push(body.len() as u8);
    } else {
        let first = len.iter().position(|b| *b != 0).unwrap_or(len.len() - 1);
        out.push(0x80 | (len.len() - first) as u8);
        out.extend_from_slice(&len[first..]);
    }
    out.extend_from_slice(body);
    out
}

/// A DER INTEGER from unsigned big-endian bytes, in its shortest form.
fn unsigned_integer(be: &[u8]) -> Vec<u8> {
    let first = be.iter().position(|b| *b != 0).unwrap_or(be.len());
    let digits = be.get(first..).unwrap_or(&[]);
    let mut body = Vec::with_capacity(digits.len() + 1);
    if digits.first().is_none_or(|top| top & 0x80 != 0) {
        body.push(0);
    }
    body.extend_from_slice(digits);
    tlv(0x02, &body)
}

/// A SubjectPublicKeyInfo from the algorithm identifier's contents and the key bits.
fn spki(algorithm: &[&[u8]], key: &[u8]) -> Vec<u8> {
    let mut bits = Vec::with_capacity(key.len() + 1);
    bits.push(0);
    bits.extend_from_slice(key);
    let mut body = tlv(0x30, &algorithm.concat());
    body.extend(tlv(0x03, &bits));
    tlv(0x30, &body)
}

/// An RSA key from its modulus and exponent (big-endian bytes).
pub fn rsa(n: &[u8], e: &[u8]) -> Result<Vec<u8>, String> {
    #[cfg(not(target_arch = "wasm32"))]
    rsa::RsaPublicKey::new_with_max_size(
        rsa::BigUint::from_bytes_be(n),
        rsa::BigUint::from_bytes_be(e),
        16384,
    )
    .map_err(|e| format!("n and e do not form a usable RSA key: {e}"))?;
    // The page has no RSA arithmetic; it refuses what is plainly not a key, and the browser's
    // WebCrypto judges the rest when a signature is checked with it.
    #[cfg(target_arch = "wasm32")]
    {
        let bits = super::bit_length(n);
        if bits > 16384 || super::bit_length(e) < 2 {
            return Err(format!(
                "n and e do not form a usable RSA key: a {bits}-bit modulus"
            ));
        }
    }
    let mut key = unsigned_integer(n);
    key.extend(unsigned_integer(e));
    Ok(from_pkcs1(&tlv(0x30, &key)))
}

/// Wraps a DER PKCS#1 RSAPublicKey into a SubjectPublicKeyInfo, as it is.
pub fn from_pkcs1(der: &[u8]) -> Vec<u8> {
    spki(&[RSA_ENCRYPTION], der)
}

/// An EC key from `crv` and its x and y coordinates.
pub fn ec(crv: &str, x: &[u8], y: &[u8]) -> Result<Vec<u8>, String> {
    let (curve, size) = match crv {
        "P-256" => (P256, 32),
        "P-384" => (P384, 48),
        other => return Err(format!("the curve {other} is not supported here")),
    };
    let mut point = Vec::with_capacity(1 + x.len() + y.len());
    point.push(4);
    point.extend_from_slice(x);
    point.extend_from_slice(y);
    let bad = || format!("x and y are not a point on {crv}");
    if x.len() != size || y.len() != size {
        return Err(bad());
    }
    // The CLI also checks that the point is on the curve; the page leaves that to WebCrypto.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let on_curve = match crv {
            "P-256" => p256::PublicKey::from_sec1_bytes(&point).is_ok(),
            _ => p384::PublicKey::from_sec1_bytes(&point).is_ok(),
        };
        if !on_curve {
            return Err(bad());
        }
    }
    Ok(spki(&[EC_PUBLIC_KEY, curve], &point))
}

/// An Ed25519 key from its 32 raw bytes.
pub fn ed25519(x: &[u8]) -> Result<Vec<u8>, String> {
    if x.len() != 32 {
        return Err(format!(
            "an Ed25519 key is 32 bytes, this one is {}",
            x.len()
        ));
    }
    Ok(spki(&[ED25519], x))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use rsa::pkcs8::EncodePublicKey;

    #[test]
    fn keys_are_encoded_as_the_rustcrypto_crates_encode_them() {
        // A 2048-bit modulus with its top bit set (so DER needs a leading zero) and e = 65537.
        let mut n = vec![0xc3; 256];
        n[255] = 0x01;
        let e = [1, 0, 1];
        let theirs = rsa::RsaPublicKey::new(
            rsa::BigUint::from_bytes_be(&n),
            rsa::BigUint::from_bytes_be(&e),
        )
        .unwrap()
        .to_public_key_der()
        .unwrap();
        assert_eq!(rsa(&n, &e).unwrap(), theirs.as_bytes());
        // Leading zero bytes in the parts do not change the key.
        let mut padded = vec![0, 0];
        padded.extend_from_slice(&n);
        assert_eq!(rsa(&padded, &[0, 1, 0, 1]).unwrap(), theirs.as_bytes());

        let secret = p256::SecretKey::from_slice(&[7; 32]).unwrap();
        let point = p256::elliptic_curve::sec1::ToEncodedPoint::to_encoded_point(
            &secret.public_key(),
            false,
        );
        let theirs = secret.public_key().to_public_key_der().unwrap();
        let (x, y) = (point.x().unwrap(), point.y().unwrap());
        assert_eq!(ec("P-256", x, y).unwrap(), theirs.as_bytes());
        assert!(
            ec("P-256", y, x).is_err(),
            "a point off the curve is refused"
        );
        assert!(
            ec("P-384", x, y).is_err(),
            "coordinates of the wrong size are refused"
        );
        assert_eq!(
            ed25519(&[9; 32]).unwrap()[..12],
            [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
        );
    }

    #[test]
    fn long_elements_get_a_long_form_length() {
        assert_eq!(tlv(0x04, &[0; 0x80])[..3], [0x04, 0x81, 0x80]);
        assert_eq!(tlv(0x04, &[0; 0x1234])[..4], [0x04, 0x82, 0x12, 0x34]);
        assert_eq!(unsigned_integer(&[]), [0x02, 0x01, 0x00]);
    }
}
