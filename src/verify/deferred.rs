//! Signature checks answered from outside the core, so that the page can use WebCrypto.
//!
//! Inside `run`, a signature check without a given answer is recorded and counts as not matching.
//! The caller checks what was recorded (the page's worker with `crypto.subtle`) and runs again
//! with the answers until nothing new is asked; the last run's report is the one shown. Answered
//! natively with RustCrypto, the loop gives the report that checking directly gives (tested in
//! `tests/deferred_signatures.rs`), which is how the page and the CLI agree.

use super::{EcFormat, Hash, KeyKind, SigAlg, VerifyError};
use crate::text::b64url;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// One signature to check, with what verifying it needs.
#[derive(Debug, Clone)]
pub struct Check {
    /// Names the check in the answers; the same inputs always get the same id.
    pub id: String,
    pub alg: SigAlg,
    pub spki: Vec<u8>,
    pub msg: Vec<u8>,
    pub sig: Vec<u8>,
}

/// Answers by check id.
pub type Answers = HashMap<String, Result<(), VerifyError>>;

struct State {
    answers: Answers,
    asked: Vec<Check>,
    seen: HashSet<String>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Runs `f` with `answers` for its signature checks; returns its result and the checks it asked
/// for that had no answer.
pub fn run<R>(answers: Answers, f: impl FnOnce() -> R) -> (R, Vec<Check>) {
    let state = State {
        answers,
        asked: Vec::new(),
        seen: HashSet::new(),
    };
    let previous = STATE.with(|cell| cell.replace(Some(state)));
    let out = f();
    let state = STATE.with(|cell| cell.replace(previous));
    (out, state.map(|s| s.asked).unwrap_or_default())
}

/// Inside `run`: the given answer, or "no match" while the check is recorded. Outside: `None`.
pub(super) fn ask(
    alg: SigAlg,
    spki: &[u8],
    msg: &[u8],
    sig: &[u8],
) -> Option<Result<(), VerifyError>> {
    STATE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let state = slot.as_mut()?;
        let id = check_id(alg, spki, msg, sig);
        if let Some(answer) = state.answers.get(&id) {
            return Some(answer.clone());
        }
        if state.seen.insert(id.clone()) {
            state.asked.push(Check {
                id,
                alg,
                spki: spki.to_vec(),
                msg: msg.to_vec(),
                sig: sig.to_vec(),
            });
        }
        Some(Err(VerifyError::Invalid))
    })
}

/// A short digest of everything the check depends on.
fn check_id(alg: SigAlg, spki: &[u8], msg: &[u8], sig: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(format!("{alg:?}").as_bytes());
    for part in [spki, msg, sig] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    b64url(&h.finalize()[..18])
}

/// A check as WebCrypto takes it: algorithm names, the key, the signed bytes and the signature.
#[derive(serde::Serialize)]
struct WebCheck<'a> {
    id: &'a str,
    name: &'static str,
    hash: &'static str,
    curve: &'static str,
    salt: usize,
    spki: String,
    msg: String,
    sig: String,
}

/// The checks as a JSON array for the page's worker; an ECDSA signature in DER becomes the
/// fixed-size `r || s` that WebCrypto takes.
pub fn to_json(checks: &[Check]) -> String {
    let web: Vec<WebCheck> = checks
        .iter()
        .map(|c| {
            let (name, hash) = match c.alg {
                SigAlg::RsaPkcs1(h) => ("RSASSA-PKCS1-v1_5", h),
                SigAlg::RsaPss(h) => ("RSA-PSS", h),
                SigAlg::Ecdsa(h, _) => ("ECDSA", h),
                SigAlg::Ed25519 => ("Ed25519", Hash::Sha512),
                SigAlg::Hmac(h) => ("HMAC", h),
            };
            let curve = match super::key_kind(&c.spki) {
                Ok(KeyKind::Ec { curve }) if curve.starts_with("P-384") => "P-384",
                Ok(KeyKind::Ec { .. }) => "P-256",
                _ => "",
            };
            let sig = match c.alg {
                SigAlg::Ecdsa(_, EcFormat::Der) => {
                    ecdsa_raw(&c.sig, if curve == "P-384" { 48 } else { 32 }).unwrap_or_default()
                }
                _ => c.sig.clone(),
            };
            WebCheck {
                id: &c.id,
                name,
                hash: hash.name(),
                curve,
                salt: hash_len(hash),
                spki: b64url(&c.spki),
                msg: b64url(&c.msg),
                sig: b64url(&sig),
            }
        })
        .collect();
    serde_json::to_string(&web).unwrap_or_else(|_| "[]".to_string())
}

/// Reads the page's answers, a JSON array of `[id, answer]` with the answer `ok`, `invalid`,
/// `unsupported` (the browser lacks the algorithm) or `error:` and what the browser said.
pub fn parse_answers(json: &str) -> Answers {
    let pairs: Vec<(String, String)> = serde_json::from_str(json).unwrap_or_default();
    pairs
        .into_iter()
        .map(|(id, answer)| {
            let result = match answer.as_str() {
                "ok" => Ok(()),
                "invalid" => Err(VerifyError::Invalid),
                "unsupported" => Err(VerifyError::Unusable(
                    "this browser cannot check this kind of signature; the tokenlens CLI can"
                        .into(),
                )),
                other => Err(VerifyError::Unusable(format!(
                    "the browser could not check it ({})",
                    other.strip_prefix("error:").unwrap_or(other)
                ))),
            };
            (id, result)
        })
        .collect()
}

/// Answers a check with the RustCrypto crates, as the CLI checks directly.
#[cfg(not(target_arch = "wasm32"))]
pub fn answer_natively(check: &Check) -> Result<(), VerifyError> {
    super::native::verify(check.alg, &check.spki, &check.msg, &check.sig)
}

fn hash_len(hash: Hash) -> usize {
    match hash {
        Hash::Sha1 => 20,
        Hash::Sha256 => 32,
        Hash::Sha384 => 48,
        Hash::Sha512 => 64,
    }
}

/// A DER `SEQUENCE { INTEGER r, INTEGER s }` as `r || s`, each padded to `size` bytes.
fn ecdsa_raw(der: &[u8], size: usize) -> Option<Vec<u8>> {
    let (body, rest) = element(der, 0x30)?;
    let (r, after_r) = element(body, 0x02)?;
    let (s, after_s) = element(after_r, 0x02)?;
    if !rest.is_empty() || !after_s.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(2 * size);
    for int in [r, s] {
        let first = int.iter().position(|b| *b != 0).unwrap_or(int.len());
        let digits = int.get(first..)?;
        out.extend(std::iter::repeat_n(0, size.checked_sub(digits.len())?));
        out.extend_from_slice(digits);
    }
    Some(out)
}

/// One DER element with `tag`: its body and what follows it.
fn element(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    if *input.first()? != tag {
        return None;
    }
    let first = *input.get(1)?;
    let (len, start) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 2 {
            return None;
        }
        let len = input
            .get(2..2 + n)?
            .iter()
            .fold(0usize, |acc, b| acc << 8 | usize::from(*b));
        (len, 2 + n)
    };
    let end = start.checked_add(len)?;
    Some((input.get(start..end)?, input.get(end..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_ecdsa_signatures_become_fixed_size_pairs() {
        // r has a leading zero (its top bit is set), s is short and gets padded.
        let mut der = vec![0x30, 0x26, 0x02, 0x21, 0x00];
        der.extend([0x80; 32]);
        der.extend([0x02, 0x01, 0x05]);
        let raw = ecdsa_raw(&der, 32).unwrap();
        assert_eq!(raw.len(), 64);
        assert_eq!(raw[..32], [0x80; 32]);
        assert_eq!(raw[63], 5);
        assert_eq!(raw[32..63], [0; 31]);
        assert!(
            ecdsa_raw(&der[..10], 32).is_none(),
            "a cut signature is refused"
        );
        assert!(
            ecdsa_raw(&der, 16).is_none(),
            "r longer than the curve is refused"
        );
    }

    #[test]
    fn unanswered_checks_are_asked_once_and_answers_are_used() {
        let alg = SigAlg::Ed25519;
        let (first, asked) = run(Answers::new(), || {
            [ask(alg, b"k", b"m", b"s"), ask(alg, b"k", b"m", b"s")]
        });
        assert_eq!(
            first,
            [
                Some(Err(VerifyError::Invalid)),
                Some(Err(VerifyError::Invalid))
            ]
        );
        assert_eq!(asked.len(), 1);
        let answers = parse_answers(&format!(r#"[["{}","ok"]]"#, asked[0].id));
        let (second, asked) = run(answers, || ask(alg, b"k", b"m", b"s"));
        assert_eq!(second, Some(Ok(())));
        assert!(asked.is_empty());
        assert_eq!(
            ask(alg, b"k", b"m", b"s"),
            None,
            "outside run nothing is deferred"
        );
    }
}
