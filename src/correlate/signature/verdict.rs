//! Trying a token's signature against the keys found: which key verifies it, or why none does.

use super::facts::{check, has_id, hashed_nonce_header, key_matches, usable, TokenFacts};
use super::{FoundKey, Place};
use crate::text::b64url;
use crate::verify::{self, SigAlg, VerifyError};

/// What checking a token's signature found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// alg none or no signature part.
    Unsigned,
    /// An algorithm this page does not check.
    AlgNotChecked,
    /// No key of the right kind in the paste, the key box or the token's header.
    NoKey { hmac: bool },
    Valid {
        key_label: String,
        /// It verified only with the header nonce replaced by its hash.
        hashed: bool,
        /// The key came from the token's own x5c header.
        from_header: bool,
        /// The key has an id, but not the one the token names.
        kid_differs: bool,
    },
    /// Every key given is of the wrong type for the algorithm.
    AlgKeyMismatch(Vec<String>),
    /// The keys the token names do not verify it.
    InvalidNamed(Vec<String>),
    /// Keys without an id to compare do not verify it.
    InvalidUnnamed(Vec<String>),
    /// The token names a key that is not among those given, and none verifies it.
    KidAbsent {
        given: Vec<String>,
        wrong_type: Vec<String>,
    },
    /// None of the keys given verifies it.
    Invalid { tried: usize },
}

/// The verdict, with the keys the token names and the key that verified it.
pub struct Judgement {
    pub verdict: Verdict,
    /// Keys in the paste or key box whose kid or thumbprint the token names.
    pub named: Vec<Place>,
    /// The key in the paste or key box that verified the signature.
    pub signer: Option<Place>,
}

/// Checks a token against every key found and its own header keys.
pub fn judge(facts: &TokenFacts, keys: &[FoundKey]) -> Judgement {
    let mut out = Judgement {
        verdict: Verdict::Unsigned,
        named: Vec::new(),
        signer: None,
    };
    if facts.alg.eq_ignore_ascii_case("none") || facts.signature.is_empty() {
        return out;
    }
    let Some(alg) = verify::jws_alg(&facts.alg) else {
        out.verdict = Verdict::AlgNotChecked;
        return out;
    };
    let header_keys: Vec<FoundKey> = facts
        .header_keys
        .iter()
        .map(|key| FoundKey {
            place: None,
            key: key.clone(),
        })
        .collect();
    let candidates: Vec<&FoundKey> = keys
        .iter()
        .chain(&header_keys)
        .filter(|k| usable(alg, k))
        .collect();
    // Cross-links by thumbprint, whether or not the signature can be checked.
    out.named = keys
        .iter()
        .filter(|k| key_matches(&k.key, facts))
        .filter_map(|k| k.place.clone())
        .collect();
    if candidates.is_empty() {
        out.verdict = Verdict::NoKey {
            hmac: matches!(alg, SigAlg::Hmac(_)),
        };
        return out;
    }
    let (verdict, signer) = try_keys(facts, alg, &candidates);
    out.verdict = verdict;
    out.signer = signer;
    out
}

/// The candidates in the order they are tried, with the number that the token names (or its own
/// x5c key) and the number before those whose id differs from the token's.
fn order<'k>(facts: &TokenFacts, candidates: &[&'k FoundKey]) -> (Vec<&'k FoundKey>, usize, usize) {
    // Keys the token names (and its own x5c) come first, then keys without any id to compare,
    // then keys whose id differs from the token's.
    let token_has_id = facts.kid.is_some() || facts.x5t.is_some();
    let mut ordered: Vec<&FoundKey> = candidates
        .iter()
        .copied()
        .filter(|k| k.place.is_none() || key_matches(&k.key, facts) || !token_has_id)
        .collect();
    let matching = ordered.len();
    ordered.extend(candidates.iter().copied().filter(|k| {
        k.place.is_some() && token_has_id && !key_matches(&k.key, facts) && !has_id(&k.key)
    }));
    let named = ordered.len();
    ordered.extend(candidates.iter().copied().filter(|k| {
        k.place.is_some() && token_has_id && !key_matches(&k.key, facts) && has_id(&k.key)
    }));
    (ordered, matching, named)
}

/// Tries each candidate in order; the first that verifies wins.
fn try_keys(facts: &TokenFacts, alg: SigAlg, candidates: &[&FoundKey]) -> (Verdict, Option<Place>) {
    let plain_input = format!("{}.{}", facts.header_b64, facts.payload_b64);
    let nonce_input = facts.nonce.as_deref().and_then(|n| {
        hashed_nonce_header(&facts.header_json, n)
            .map(|h| format!("{}.{}", b64url(h.as_bytes()), facts.payload_b64))
    });
    let (ordered, matching, named) = order(facts, candidates);
    let mut wrong_type = Vec::new();
    let mut invalid_named = Vec::new();
    let mut invalid_unnamed = Vec::new();
    for (i, k) in ordered.iter().enumerate() {
        let direct = check(alg, &k.key, plain_input.as_bytes(), &facts.signature);
        let via_nonce = match (&direct, &nonce_input) {
            (Some(Err(VerifyError::Invalid)), Some(input)) => {
                check(alg, &k.key, input.as_bytes(), &facts.signature)
            }
            _ => None,
        };
        match (direct, via_nonce) {
            (Some(Ok(())), _) | (_, Some(Ok(()))) => {
                let hashed = !matches!(
                    check(alg, &k.key, plain_input.as_bytes(), &facts.signature),
                    Some(Ok(()))
                );
                let verdict = Verdict::Valid {
                    key_label: k.key.label.clone(),
                    hashed,
                    from_header: k.place.is_none(),
                    kid_differs: i >= named,
                };
                return (verdict, k.place.clone());
            }
            (Some(Err(VerifyError::WrongKeyType { needs, got })), _) => {
                wrong_type.push(format!(
                    "{} is {got}, but {} needs {needs}",
                    k.key.label, facts.alg
                ));
            }
            (Some(Err(VerifyError::Unusable(why))), _) => {
                wrong_type.push(format!("{}: {why}", k.key.label));
            }
            (Some(Err(VerifyError::Invalid)), _) if i < matching => {
                invalid_named.push(k.key.label.clone());
            }
            (Some(Err(VerifyError::Invalid)), _) if i < named => {
                invalid_unnamed.push(k.key.label.clone());
            }
            _ => {}
        }
    }
    // When the token names a key that is not among those given, that is the first thing to say,
    // even if the keys given are also of the wrong type.
    let hmac = matches!(alg, SigAlg::Hmac(_));
    let token_has_id = facts.kid.is_some() || facts.x5t.is_some();
    let kid_absent = named == 0 && token_has_id && !hmac;
    let verdict = if !wrong_type.is_empty() && wrong_type.len() == candidates.len() && !kid_absent {
        Verdict::AlgKeyMismatch(wrong_type)
    } else if !invalid_named.is_empty() {
        Verdict::InvalidNamed(invalid_named)
    } else if !invalid_unnamed.is_empty() {
        Verdict::InvalidUnnamed(invalid_unnamed)
    } else if named == 0 && !hmac {
        Verdict::KidAbsent {
            given: candidates.iter().map(|k| k.key.label.clone()).collect(),
            wrong_type,
        }
    } else {
        Verdict::Invalid {
            tried: candidates.len(),
        }
    };
    (verdict, None)
}
