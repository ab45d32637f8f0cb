//! What a token's compact form says for a signature check, and the cryptographic check itself.

use super::FoundKey;
use crate::knowledge::correlation::{
    ENTRA_LOGIN, ENTRA_V1_ISSUER, ENTRA_V1_KEYS, ENTRA_V2_KEYS_PATH,
};
use crate::report::{Artifact, KeyEvidence};
use crate::text::{b64_decode_lenient, b64url};
use crate::verify::{self, SigAlg, VerifyError};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What a token's header says, read from the compact form, with the token's evidence.
pub struct TokenFacts {
    pub alg: String,
    pub kid: Option<String>,
    pub x5t: Option<String>,
    pub nonce: Option<String>,
    pub header_json: String,
    pub header_b64: String,
    pub payload_b64: String,
    pub signature: Vec<u8>,
    /// Keys from the token's own header (its x5c certificate).
    pub header_keys: Vec<KeyEvidence>,
    pub issuer: Option<String>,
    pub tid: Option<String>,
    /// The token is a client assertion (an app's proof for the token endpoint), not an access token.
    pub client_assertion: bool,
    pub x5t_s256: Option<String>,
}

/// Reads the signed parts of a token artifact; `None` when it has no compact JWS form.
pub fn token_facts(a: &Artifact) -> Option<TokenFacts> {
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

/// The Entra discovery keys address for this issuer, when Entra issued the token.
pub fn discovery_keys(facts: &TokenFacts) -> Option<String> {
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
pub fn hashed_nonce_header(header_json: &str, nonce: &str) -> Option<String> {
    let hashed = b64url(&Sha256::digest(nonce.as_bytes()));
    let quoted = serde_json::to_string(nonce).ok()?;
    let key_at = header_json.find("\"nonce\"")?;
    let value_at = key_at + header_json.get(key_at..)?.find(&quoted)?;
    let mut out = String::with_capacity(header_json.len() + 16);
    out.push_str(header_json.get(..value_at)?);
    out.push_str(&serde_json::to_string(&hashed).ok()?);
    out.push_str(header_json.get(value_at + quoted.len()..)?);
    Some(out)
}

/// The key carries the kid or thumbprint the token names.
pub fn key_matches(key: &KeyEvidence, facts: &TokenFacts) -> bool {
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

/// The key has a kid or thumbprint to compare with the token's.
pub fn has_id(key: &KeyEvidence) -> bool {
    key.kid.is_some() || key.x5t.is_some() || key.x5t_s256.is_some()
}

/// The key can check this algorithm at all (a secret for HMAC, a public key otherwise).
pub fn usable(alg: SigAlg, k: &FoundKey) -> bool {
    match alg {
        SigAlg::Hmac(_) => k.key.secret.is_some(),
        _ => k.key.spki_der.is_some(),
    }
}

/// Checks one signature with one key; `None` when the key has no material for the algorithm.
pub fn check(
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

#[cfg(test)]
pub fn facts_with_issuer(issuer: Option<&str>) -> TokenFacts {
    TokenFacts {
        alg: "RS256".into(),
        kid: None,
        x5t: None,
        nonce: None,
        header_json: String::new(),
        header_b64: String::new(),
        payload_b64: String::new(),
        signature: Vec::new(),
        header_keys: Vec::new(),
        issuer: issuer.map(str::to_string),
        tid: None,
        client_assertion: false,
        x5t_s256: None,
    }
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
        let mut facts = facts_with_issuer(Some(
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
        ));
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
