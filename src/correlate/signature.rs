//! Offline signature checks: every token against every key in the paste or the key box.
//!
//! Keys come from the KeyEvidence of every artifact (certificates, public keys, JWKS keys,
//! keyCredentials, `secret:` lines) in the paste and the key box, and from the token's own `x5c`
//! header. Nothing is fetched: where Entra publishes the keys, the address is shown as text.

use crate::context::Context;
use crate::knowledge::correlation::{
    ENTRA_LOGIN, ENTRA_V1_ISSUER, ENTRA_V1_KEYS, ENTRA_V2_KEYS_PATH,
};
use crate::report::{Artifact, ArtifactKind, Finding, KeyEvidence, Report, Severity};
use crate::text::{b64_decode_lenient, b64url};
use crate::verify::{self, SigAlg, VerifyError};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Where an artifact sits: in the paste or the key box, and the path of child indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    key_box: bool,
    path: Vec<usize>,
}

impl Place {
    /// How the report names it: `[2]`, `[key 1]`.
    fn label(&self) -> String {
        let top = self.path.first().copied().unwrap_or(0) + 1;
        if self.key_box {
            format!("[key {top}]")
        } else {
            format!("[{top}]")
        }
    }
}

/// A key and where it was found (`None` for a key from the token's own header).
struct FoundKey {
    place: Option<Place>,
    key: KeyEvidence,
}

/// What a token's header says, read from the compact form.
struct TokenFacts {
    alg: String,
    kid: Option<String>,
    x5t: Option<String>,
    nonce: Option<String>,
    header_json: String,
    header_b64: String,
    payload_b64: String,
    signature: Vec<u8>,
    /// Keys from the token's own header (its x5c certificate).
    header_keys: Vec<KeyEvidence>,
    issuer: Option<String>,
    tid: Option<String>,
    /// The token is a client assertion (an app's proof for the token endpoint), not an access token.
    client_assertion: bool,
    x5t_s256: Option<String>,
}

/// Verifies each token's signature where a key is available and names the signer.
pub fn verify_tokens(report: &mut Report, ctx: &Context) {
    let mut keys = Vec::new();
    let mut tokens = Vec::new();
    for (key_box, list) in [(false, &report.artifacts), (true, &report.key_artifacts)] {
        for (i, a) in list.iter().enumerate() {
            collect(
                a,
                Place {
                    key_box,
                    path: vec![i],
                },
                &mut keys,
                &mut tokens,
            );
        }
    }
    for place in tokens {
        let Some(artifact) = artifact_at(report, &place) else {
            continue;
        };
        let Some(facts) = token_facts(artifact) else {
            continue;
        };
        let outcome = check_token(&facts, &keys, &place, ctx);
        if let Some(a) = artifact_at_mut(report, &place) {
            a.findings.extend(outcome.token_findings);
        }
        for (key_place, finding) in outcome.key_findings {
            if let Some(a) = artifact_at_mut(report, &key_place) {
                if !a.findings.iter().any(|f| f.title == finding.title) {
                    a.findings.push(finding);
                }
            }
        }
    }
}

fn collect(a: &Artifact, place: Place, keys: &mut Vec<FoundKey>, tokens: &mut Vec<Place>) {
    if a.kind == ArtifactKind::Jwt
        && a.evidence
            .token
            .as_ref()
            .is_some_and(|t| t.compact.is_some())
    {
        tokens.push(place.clone());
    }
    for key in &a.evidence.keys {
        let duplicate = keys.iter().any(|k| {
            k.key.spki_der == key.spki_der
                && k.key.secret == key.secret
                && k.key.x5t == key.x5t
                && k.key.kid == key.kid
        });
        if !duplicate {
            keys.push(FoundKey {
                place: Some(place.clone()),
                key: key.clone(),
            });
        }
    }
    for (i, child) in a.children.iter().enumerate() {
        let mut path = place.path.clone();
        path.push(i);
        collect(
            child,
            Place {
                key_box: place.key_box,
                path,
            },
            keys,
            tokens,
        );
    }
}

fn artifact_at<'a>(report: &'a Report, place: &Place) -> Option<&'a Artifact> {
    let list = if place.key_box {
        &report.key_artifacts
    } else {
        &report.artifacts
    };
    let mut a = list.get(*place.path.first()?)?;
    for i in &place.path[1..] {
        a = a.children.get(*i)?;
    }
    Some(a)
}

fn artifact_at_mut<'a>(report: &'a mut Report, place: &Place) -> Option<&'a mut Artifact> {
    let list = if place.key_box {
        &mut report.key_artifacts
    } else {
        &mut report.artifacts
    };
    let mut a = list.get_mut(*place.path.first()?)?;
    for i in &place.path[1..] {
        a = a.children.get_mut(*i)?;
    }
    Some(a)
}

fn token_facts(a: &Artifact) -> Option<TokenFacts> {
    let ev = a.evidence.token.as_ref()?;
    let compact = ev.compact.as_deref()?.trim();
    let mut parts = compact.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let header_bytes = b64_decode_lenient(h)?;
    let header_json = String::from_utf8(header_bytes).ok()?;
    let header: Value = serde_json::from_str(&header_json).ok()?;
    let hs = |name: &str| header.get(name).and_then(Value::as_str).map(str::to_string);
    Some(TokenFacts {
        alg: ev.alg.clone().or_else(|| hs("alg")).unwrap_or_default(),
        kid: ev.kid.clone().or_else(|| hs("kid")),
        x5t: ev.x5t.clone().or_else(|| hs("x5t")),
        nonce: ev.header_nonce.clone().or_else(|| hs("nonce")),
        header_json,
        header_b64: h.to_string(),
        payload_b64: p.to_string(),
        signature: b64_decode_lenient(s).unwrap_or_default(),
        header_keys: a.evidence.header_keys.clone(),
        issuer: ev.issuer.clone(),
        tid: ev.tid.clone(),
        client_assertion: ev.client_assertion,
        x5t_s256: hs("x5t#S256"),
    })
}

/// Findings for the token and for the keys it links to.
#[derive(Default)]
struct Outcome {
    token_findings: Vec<Finding>,
    key_findings: Vec<(Place, Finding)>,
}

/// The Entra discovery keys address for this issuer, when Entra issued the token.
fn discovery_keys(facts: &TokenFacts) -> Option<String> {
    let iss = facts.issuer.as_deref().unwrap_or("");
    let tid = facts
        .tid
        .clone()
        .or_else(|| crate::text::guids_in(iss).first().map(|g| g.to_string()));
    if iss.starts_with(ENTRA_LOGIN) && iss.ends_with("/v2.0") {
        let tid = tid.unwrap_or_else(|| "common".into());
        Some(format!("{ENTRA_LOGIN}{tid}{ENTRA_V2_KEYS_PATH}"))
    } else if iss.starts_with(ENTRA_V1_ISSUER) {
        Some(ENTRA_V1_KEYS.to_string())
    } else {
        None
    }
}

/// The header with its nonce replaced by base64url(SHA-256(nonce)): what Graph actually signed.
fn hashed_nonce_header(header_json: &str, nonce: &str) -> Option<String> {
    let hashed = b64url(&Sha256::digest(nonce.as_bytes()));
    let quoted = serde_json::to_string(nonce).ok()?;
    let key_at = header_json.find("\"nonce\"")?;
    let value_at = key_at + header_json[key_at..].find(&quoted)?;
    let mut out = String::with_capacity(header_json.len() + 16);
    out.push_str(&header_json[..value_at]);
    out.push_str(&serde_json::to_string(&hashed).ok()?);
    out.push_str(&header_json[value_at + quoted.len()..]);
    Some(out)
}

fn key_matches(key: &KeyEvidence, facts: &TokenFacts) -> bool {
    let ids: Vec<&str> = [facts.kid.as_deref(), facts.x5t.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    [
        key.kid.as_deref(),
        key.x5t.as_deref(),
        key.x5t_s256.as_deref(),
    ]
    .into_iter()
    .flatten()
    .any(|k| ids.contains(&k))
}

fn check(
    alg: SigAlg,
    key: &KeyEvidence,
    input: &[u8],
    sig: &[u8],
) -> Option<Result<(), VerifyError>> {
    match alg {
        SigAlg::Hmac(hash) => key
            .secret
            .as_deref()
            .map(|s| verify::verify_hmac(hash, s, input, sig)),
        _ => key
            .spki_der
            .as_deref()
            .map(|spki| verify::verify_with_spki(alg, spki, input, sig)),
    }
}

const GRAPH_NONCE_NOTE: &str = "Microsoft Graph access tokens carry a nonce in the header, and the header that was signed held the SHA-256 hash of that nonce instead; such a token does not verify as it is. Graph tokens are meant for Graph only; an API should not validate tokens issued for another audience.";

fn check_token(facts: &TokenFacts, keys: &[FoundKey], place: &Place, ctx: &Context) -> Outcome {
    let _ = ctx;
    let mut out = Outcome::default();
    let token_label = format!("token {}", place.label());
    if facts.alg.eq_ignore_ascii_case("none") || facts.signature.is_empty() {
        out.token_findings.push(Finding::new(
            Severity::Info,
            "Unsigned token",
            "The token has no signature (alg none), so there is nothing to verify; only a signed token inside it (an actor token) can be checked.",
        ));
        return out;
    }
    let Some(alg) = verify::jws_alg(&facts.alg) else {
        out.token_findings.push(Finding::new(
            Severity::Info,
            format!("Signature algorithm {} not checked", facts.alg),
            "This page checks RS/PS/ES 256/384/512, EdDSA and HS256/384/512 signatures.",
        ));
        return out;
    };
    let x5c_keys: Vec<FoundKey> = facts
        .header_keys
        .iter()
        .map(|key| FoundKey {
            place: None,
            key: key.clone(),
        })
        .collect();
    let candidates: Vec<&FoundKey> = keys
        .iter()
        .chain(&x5c_keys)
        .filter(|k| match alg {
            SigAlg::Hmac(_) => k.key.secret.is_some(),
            _ => k.key.spki_der.is_some(),
        })
        .collect();
    let plain_input = format!("{}.{}", facts.header_b64, facts.payload_b64);
    let nonce_input = facts.nonce.as_deref().and_then(|n| {
        hashed_nonce_header(&facts.header_json, n)
            .map(|h| format!("{}.{}", b64url(h.as_bytes()), facts.payload_b64))
    });

    // Cross-links by thumbprint, whether or not the signature can be checked.
    for k in keys.iter().filter(|k| key_matches(&k.key, facts)) {
        if let Some(p) = &k.place {
            out.key_findings.push((
                p.clone(),
                Finding::new(
                    Severity::Info,
                    format!("Named as the signer of {token_label}"),
                    format!(
                        "The token's {} equals this key's thumbprint or key id, so this is the key it says signed it.",
                        if facts.x5t.is_some() { "x5t/kid" } else { "kid" }
                    ),
                ),
            ));
        }
    }

    if candidates.is_empty() {
        let what = match alg {
            SigAlg::Hmac(_) => "This token is signed with a shared secret (HMAC). Put the secret on a line of its own as \"secret: <value>\" (or \"base64 secret: <value>\") in the key box to check it.".to_string(),
            _ if facts.client_assertion => format!(
                "This client assertion is signed with the app's own certificate. Paste that certificate (the .cer uploaded to the app registration) into the key box to check it; its thumbprint must equal the header's {}.",
                match (&facts.x5t, &facts.x5t_s256) {
                    (Some(t), _) => format!("x5t {t}"),
                    (None, Some(t)) => format!("x5t#S256 {t}"),
                    (None, None) => "x5t, which is missing here, so Entra cannot tell which certificate to use".to_string(),
                }
            ),
            _ => {
                let mut s = format!(
                    "Paste the signing certificate, public key or JWKS into the key box to check the signature (the token names kid {}).",
                    facts.kid.as_deref().or(facts.x5t.as_deref()).unwrap_or("(none)")
                );
                if let Some(url) = discovery_keys(facts) {
                    s.push_str(&format!(" Entra publishes this issuer's keys at {url} (open it yourself and paste the JSON; this page fetches nothing)."));
                }
                s
            }
        };
        let mut f = Finding::new(Severity::Info, "No key given", what);
        if facts.nonce.is_some() {
            f.explanation.push(' ');
            f.explanation.push_str(GRAPH_NONCE_NOTE);
        }
        out.token_findings.push(f);
        return out;
    }

    // Keys the token names (and its own x5c) come first, then keys without any id to compare,
    // then keys whose id differs from the token's.
    let has_id = |k: &KeyEvidence| k.kid.is_some() || k.x5t.is_some() || k.x5t_s256.is_some();
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
                let mut f = Finding::new(
                    Severity::Ok,
                    format!("Signature valid (verified with {})", k.key.label),
                    if hashed {
                        format!("The signature verifies once the header nonce is replaced by base64url(SHA-256(nonce)), the way it was signed. {GRAPH_NONCE_NOTE}")
                    } else {
                        format!("The {} signature matches the header and payload, so the token was not changed after signing.", facts.alg)
                    },
                );
                if k.place.is_none() {
                    f.explanation.push_str(" The key came from the token's own x5c header: this proves the token is intact, not that its signer is trusted; compare the certificate with the one you expect.");
                }
                out.token_findings.push(f);
                if i >= named {
                    out.token_findings.push(Finding::new(
                        Severity::Info,
                        "The verifying key does not carry the token's kid",
                        format!(
                            "The token names kid {}, but the key that verifies it has another id; the key set or the token's header uses a different naming.",
                            facts.kid.as_deref().or(facts.x5t.as_deref()).unwrap_or("")
                        ),
                    ));
                }
                if let Some(p) = &k.place {
                    out.key_findings.push((
                        p.clone(),
                        Finding::new(
                            Severity::Ok,
                            format!("Signed {token_label}"),
                            format!("This key verifies the signature of {token_label}."),
                        ),
                    ));
                }
                return out;
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

    let nonce_note = if facts.nonce.is_some() {
        format!(" It was also tried with the hashed header nonce. {GRAPH_NONCE_NOTE}")
    } else {
        String::new()
    };
    // When the token names a key that is not among those given, that is the first thing to say,
    // even if the keys given are also of the wrong type.
    let kid_absent = named == 0 && token_has_id && !matches!(alg, SigAlg::Hmac(_));
    if !wrong_type.is_empty() && wrong_type.len() == candidates.len() && !kid_absent {
        out.token_findings.push(Finding::new(
            Severity::Error,
            "Algorithm and key type disagree",
            format!("{}.", wrong_type.join("; ")),
        ));
    } else if !invalid_named.is_empty() {
        out.token_findings.push(Finding::new(
            Severity::Error,
            "Signature invalid",
            format!(
                "The key the token names ({}) does not verify its signature: the header or payload was changed after signing, or a different key with the same id signed it.{nonce_note}",
                invalid_named.join(", ")
            ),
        ));
    } else if !invalid_unnamed.is_empty() {
        out.token_findings.push(Finding::new(
            Severity::Error,
            "Signature invalid",
            format!(
                "The key given ({}) does not verify the {} signature: the token was changed after signing, or another key signed it. (The key carries no kid or thumbprint to compare with the token's.){nonce_note}",
                invalid_unnamed.join(", "),
                facts.alg
            ),
        ));
    } else if named == 0 && !matches!(alg, SigAlg::Hmac(_)) {
        let given: Vec<String> = candidates.iter().map(|k| k.key.label.clone()).collect();
        let mut text = format!(
            "The token names kid {}{}, but none of the keys given has that id or thumbprint ({}), and none of them verifies the signature.{nonce_note}",
            facts.kid.as_deref().unwrap_or("(none)"),
            facts.x5t.as_deref().map(|x| format!(" / x5t {x}")).unwrap_or_default(),
            given.join("; ")
        );
        if let Some(url) = discovery_keys(facts) {
            text.push_str(&format!(" Entra publishes this issuer's keys at {url}."));
        }
        if !wrong_type.is_empty() {
            text.push_str(&format!(" Also: {}.", wrong_type.join("; ")));
        }
        out.token_findings.push(Finding::new(
            Severity::Warning,
            "The token's kid is not among the keys given",
            text,
        ));
    } else {
        out.token_findings.push(Finding::new(
            Severity::Error,
            "Signature invalid",
            format!(
                "None of the {} key(s) given verifies the {} signature: the token was changed after signing, or another key signed it.{nonce_note}",
                candidates.len(),
                facts.alg
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_is_replaced_by_its_hash_and_nothing_else_changes() {
        let header = r#"{"typ":"JWT","nonce":"abc","alg":"RS256"}"#;
        let hashed = hashed_nonce_header(header, "abc").unwrap();
        let expected = b64url(&Sha256::digest(b"abc"));
        assert_eq!(
            hashed,
            format!(r#"{{"typ":"JWT","nonce":"{expected}","alg":"RS256"}}"#)
        );
        assert!(hashed_nonce_header(r#"{"alg":"RS256"}"#, "abc").is_none());
    }

    #[test]
    fn discovery_addresses_follow_the_issuer_version() {
        let mut facts = TokenFacts {
            alg: "RS256".into(),
            kid: None,
            x5t: None,
            nonce: None,
            header_json: String::new(),
            header_b64: String::new(),
            payload_b64: String::new(),
            signature: Vec::new(),
            header_keys: Vec::new(),
            issuer: Some(
                "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"
                    .into(),
            ),
            tid: None,
            client_assertion: false,
            x5t_s256: None,
        };
        assert_eq!(
            discovery_keys(&facts).as_deref(),
            Some("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys")
        );
        facts.issuer = Some("https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/".into());
        assert_eq!(
            discovery_keys(&facts).as_deref(),
            Some("https://login.microsoftonline.com/common/discovery/keys")
        );
        facts.issuer = Some("https://example.com".into());
        assert!(discovery_keys(&facts).is_none());
    }
}
