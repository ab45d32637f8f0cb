//! JSON Web Keys as typed records: members read and decoded once, the public key built from
//! them, the x5c certificates parsed, and what is missing as typed problems.

use super::cert::Certificate;
use super::json::{get, get_str};
use crate::knowledge::key_members::JWK_MEMBERS;
use crate::report::Span;
use crate::text::b64_decode_lenient;
use crate::verify::spki;
use serde_json::Value;

/// The members every key type may carry, listed in this order on a card.
pub const LISTED_MEMBERS: [&str; 8] = [
    "kty", "kid", "use", "alg", "x5t", "x5t#S256", "issuer", "crv",
];

/// Why a JWK cannot be used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwkProblem {
    /// A required base64url member is missing.
    Missing(&'static str),
    /// A required member is not base64url.
    NotBase64(&'static str),
    /// No `kty` at all.
    NoKty,
    /// A `kty` this page cannot use.
    UnknownKty(String),
    /// The members do not make a valid key (the encoder's reason).
    BadKey(String),
    /// The x5c entry at this index is not a base64 DER certificate.
    X5c(usize),
}

/// One JWK.
#[derive(Debug, Clone)]
pub struct Jwk {
    pub span: Span,
    /// Its 1-based position in a key set, if it is in one.
    pub position: Option<usize>,
    pub kid: Option<String>,
    /// The `kty` member (empty when missing).
    pub kty: String,
    /// The members of `knowledge::key_members::JWK_MEMBERS` that are present, as (name, value).
    pub listed: Vec<(&'static str, String)>,
    /// An RSA, EC or OKP key with private members (d, p, q).
    pub private: bool,
    /// The RSA modulus and exponent, when both decode.
    pub rsa: Option<(Vec<u8>, Vec<u8>)>,
    /// The public key built from the members, as DER SubjectPublicKeyInfo.
    pub spki_der: Option<Vec<u8>>,
    /// The shared secret of an `oct` key.
    pub secret: Option<Vec<u8>>,
    /// The x5c chain, each entry parsed (`None` where it is not a certificate).
    pub x5c: Vec<Option<Certificate>>,
    pub problems: Vec<JwkProblem>,
}

impl Jwk {
    /// Reads one JWK object.
    pub fn read(key: &Value, span: Span, position: Option<usize>) -> Jwk {
        let kty = get_str(key, "kty").unwrap_or("").to_string();
        let mut problems = Vec::new();
        let mut rsa = None;
        let spki_der = public_key(key, &kty, &mut rsa, &mut problems);
        let secret = if kty == "oct" {
            member_bytes(key, "k", &mut problems)
        } else {
            None
        };
        let mut x5c = Vec::new();
        if let Some(Value::Array(chain)) = get(key, "x5c") {
            for (i, c) in chain.iter().enumerate() {
                let cert = c
                    .as_str()
                    .and_then(b64_decode_lenient)
                    .and_then(|d| Certificate::parse(&d, span));
                if cert.is_none() {
                    problems.push(JwkProblem::X5c(i));
                }
                x5c.push(cert);
            }
        }
        Jwk {
            span,
            position,
            kid: get_str(key, "kid").map(str::to_string),
            private: kty != "oct" && ["d", "p", "q"].iter().any(|m| get_str(key, m).is_some()),
            listed: JWK_MEMBERS
                .iter()
                .filter_map(|m| get_str(key, m.name).map(|v| (m.name, v.to_string())))
                .collect(),
            kty,
            rsa,
            spki_der,
            secret,
            x5c,
            problems,
        }
    }

    /// The value of a listed member.
    pub fn member(&self, name: &str) -> Option<&str> {
        self.listed
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first x5c certificate, when it is readable.
    pub fn certificate(&self) -> Option<&Certificate> {
        self.x5c.first().and_then(Option::as_ref)
    }
}

/// Decodes a base64url member, noting what was expected when it is missing or broken.
fn member_bytes(
    key: &Value,
    name: &'static str,
    problems: &mut Vec<JwkProblem>,
) -> Option<Vec<u8>> {
    match get_str(key, name) {
        Some(s) => match b64_decode_lenient(s) {
            Some(b) if !b.is_empty() => Some(b),
            _ => {
                problems.push(JwkProblem::NotBase64(name));
                None
            }
        },
        None => {
            problems.push(JwkProblem::Missing(name));
            None
        }
    }
}

/// The public key built from the members of the key's type.
fn public_key(
    key: &Value,
    kty: &str,
    rsa: &mut Option<(Vec<u8>, Vec<u8>)>,
    problems: &mut Vec<JwkProblem>,
) -> Option<Vec<u8>> {
    let bad = |e: String| JwkProblem::BadKey(e);
    match kty {
        "RSA" => {
            let n = member_bytes(key, "n", problems);
            let e = member_bytes(key, "e", problems);
            let (n, e) = (n?, e?);
            let built = spki::rsa(&n, &e).map_err(|e| problems.push(bad(e))).ok();
            *rsa = Some((n, e));
            built
        }
        "EC" => {
            let crv = get_str(key, "crv").unwrap_or("");
            let x = member_bytes(key, "x", problems);
            let y = member_bytes(key, "y", problems);
            spki::ec(crv, &x?, &y?)
                .map_err(|e| problems.push(bad(e)))
                .ok()
        }
        "OKP" => member_bytes(key, "x", problems)
            .and_then(|x| spki::ed25519(&x).map_err(|e| problems.push(bad(e))).ok()),
        "oct" => None,
        "" => {
            problems.push(JwkProblem::NoKty);
            None
        }
        other => {
            problems.push(JwkProblem::UnknownKty(other.to_string()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_members_become_typed_problems() {
        let key = serde_json::json!({"kty": "RSA", "kid": "a", "e": "AQAB"});
        let jwk = Jwk::read(&key, Span::default(), Some(1));
        assert_eq!(jwk.problems, [JwkProblem::Missing("n")]);
        assert_eq!(jwk.member("kid"), Some("a"));
        assert!(jwk.spki_der.is_none() && !jwk.private);
        let none = Jwk::read(&serde_json::json!({"kid": "x"}), Span::default(), None);
        assert_eq!(none.problems, [JwkProblem::NoKty]);
    }
}
