//! The header section of a token card and the rules about its header (algorithm, key ids, the
//! Microsoft Graph header nonce).

use super::names::{describe_alg, standard_b64};
use super::view::TokenView;
use crate::context::Context;
use crate::decode::tokens::token::compact_value;
use crate::knowledge::claims;
use crate::report::{Field, Finding, Section, Severity};
use crate::text::b64_decode_lenient;
use serde_json::{Map, Value};

/// Every header parameter with its meaning; thumbprints and the algorithm in words.
pub fn section(header: &Map<String, Value>) -> Section {
    let mut section = Section::new("Header");
    for (name, value) in header {
        let raw = compact_value(value);
        let mut field = Field::new(name, raw.clone());
        match claims::header_param(name) {
            Some(c) => field = field.meaning(c.meaning).source(c.source),
            None => field = field.meaning("Not a registered header parameter").unknown(),
        }
        if name == "x5t" || name == "kid" || name == "x5t#S256" {
            let (hash, len) = if name == "x5t#S256" {
                ("SHA-256", 32)
            } else {
                ("SHA-1", 20)
            };
            if let Some(bytes) = b64_decode_lenient(&raw).filter(|b| b.len() == len) {
                field = field.shown(if name == "kid" {
                    format!("{hash} thumbprint {}", crate::text::hex_upper(&bytes))
                } else {
                    format!(
                        "{hash} thumbprint {} in hex, {} in base64",
                        crate::text::hex_upper(&bytes),
                        standard_b64(&bytes)
                    )
                });
            } else if raw.len() == 40 && raw.chars().all(|c| c.is_ascii_hexdigit()) {
                field = field.shown(format!(
                    "SHA-1 thumbprint {} (hex)",
                    raw.to_ascii_uppercase()
                ));
            }
        }
        if name == "alg" {
            field = field.shown(describe_alg(&raw));
        }
        section.push(field);
    }
    section
}

/// The header parameters a rule reads, present only when there is a header.
fn header(v: &TokenView) -> Option<&crate::decode::tokens::Header> {
    (!v.token.header.is_empty()).then_some(&v.token.head)
}

/// `token.graph-header-nonce`: a header nonce marks a Microsoft Graph token.
pub fn graph_header_nonce(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !v.token.header.contains_key("nonce") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Header nonce: a Microsoft Graph token",
        "This token carries a nonce in its header, as Microsoft Graph access tokens do. Graph signs the token over a SHA-256 hash of that nonce, so generic JWT libraries report the signature as invalid even though Graph accepts it. Tokens for Graph are meant for Graph only: your own API must not validate or accept them; request a token for your API instead.",
    )]
}

/// `token.kid-x5t-differ`: kid and x5t name different keys.
pub fn kid_x5t_differ(v: &TokenView, _: &Context) -> Vec<Finding> {
    let Some(h) = header(v) else {
        return Vec::new();
    };
    let (Some(kid), Some(x5t)) = (h.kid.as_deref(), h.x5t.as_deref()) else {
        return Vec::new();
    };
    if kid == x5t || (kid.len() == 40 && kid.chars().all(|c| c.is_ascii_hexdigit())) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "kid and x5t differ",
        "Entra v1 tokens usually carry the same value in kid and x5t. Here they differ; the verifier will look the key up by kid.",
    )]
}

/// `token.hmac`: signed with a shared secret, which Entra never does.
pub fn hmac(v: &TokenView, _: &Context) -> Vec<Finding> {
    let alg = header(v).and_then(|h| h.alg.as_deref()).unwrap_or("");
    if !alg.starts_with("HS") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Signed with a shared secret (HMAC)",
        format!("{alg} is an HMAC signature: whoever verifies it must hold the same secret as the issuer, and no public key or JWKS can check it. Microsoft Entra never signs tokens this way, so this token comes from another identity provider or from the app's own code."),
    )]
}

/// `token.no-alg`: the header names no algorithm.
pub fn no_alg(v: &TokenView, _: &Context) -> Vec<Finding> {
    match header(v) {
        Some(h) if h.alg.as_deref().unwrap_or("").is_empty() => vec![Finding::new(
            Severity::Warning,
            "No alg in header",
            "The header has no alg parameter, so no verifier can tell how it was signed.",
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    fn fired(check: fn(&TokenView, &Context) -> Vec<Finding>, header: &str) -> bool {
        let v = TokenView::new(token(header, r#"{"aud":"a","iss":"b"}"#));
        !check(&v, &Context::fixed()).is_empty()
    }

    #[test]
    fn graph_header_nonce_fires_on_a_header_nonce_only() {
        assert!(fired(graph_header_nonce, r#"{"alg":"RS256","nonce":"n"}"#));
        assert!(!fired(graph_header_nonce, r#"{"alg":"RS256"}"#));
    }

    #[test]
    fn kid_x5t_differ_fires_when_they_differ() {
        assert!(fired(
            kid_x5t_differ,
            r#"{"alg":"RS256","kid":"a","x5t":"b"}"#
        ));
        assert!(!fired(
            kid_x5t_differ,
            r#"{"alg":"RS256","kid":"a","x5t":"a"}"#
        ));
    }

    #[test]
    fn hmac_fires_on_hs_algorithms() {
        assert!(fired(hmac, r#"{"alg":"HS256"}"#));
        assert!(!fired(hmac, r#"{"alg":"RS256"}"#));
    }

    #[test]
    fn no_alg_fires_on_a_header_without_alg() {
        assert!(fired(no_alg, r#"{"typ":"JWT"}"#));
        assert!(!fired(no_alg, r#"{"alg":"RS256"}"#));
    }
}
