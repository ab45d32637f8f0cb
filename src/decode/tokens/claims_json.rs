//! Finds token headers and payloads that were pasted already decoded (jwt.io output, forum posts)
//! and reads them into token records; a header followed by its payload becomes one record.

use super::token::Token;
use crate::report::Span;
use crate::text::ascii_punctuation;
use serde_json::{Map, Value};

/// Claims that mark a JSON object as a token payload; two of them must be present.
const PAYLOAD_KEYS: &[&str] = &[
    "aud",
    "iss",
    "exp",
    "iat",
    "nbf",
    "appid",
    "azp",
    "tid",
    "oid",
    "scp",
    "roles",
    "ver",
    "sub",
    "upn",
    "nameid",
    "appidacr",
    "azpacr",
    "idtyp",
    "uti",
    "actortoken",
    "appctx",
];

/// A decoded claim set (or a lone header) and the span it was pasted in.
#[derive(Debug, Clone)]
pub struct DecodedClaims {
    pub token: Token,
    pub span: Span,
}

/// Finds every decoded header or payload object in `text`.
pub fn find(text: &str) -> Vec<DecodedClaims> {
    let objects = json_objects(text);
    let mut out = Vec::new();
    let mut pending_header: Option<(Map<String, Value>, Span)> = None;
    let found = |header: Map<String, Value>, payload: Option<Map<String, Value>>, span: Span| {
        DecodedClaims {
            token: Token::new(header, payload),
            span,
        }
    };
    for (span, map) in objects {
        if is_header(&map) {
            if let Some((header, hspan)) = pending_header.take() {
                out.push(found(header, None, hspan));
            }
            pending_header = Some((map, span));
            continue;
        }
        if !is_payload(&map) {
            continue;
        }
        let (header, start) = match pending_header.take() {
            Some((h, hspan)) => (h, hspan.start),
            None => (Map::new(), span.start),
        };
        out.push(found(header, Some(map), Span::new(start, span.end)));
    }
    if let Some((header, hspan)) = pending_header {
        out.push(found(header, None, hspan));
    }
    out
}

fn is_header(map: &Map<String, Value>) -> bool {
    map.contains_key("alg")
        && (map.contains_key("typ") || map.contains_key("kid") || map.contains_key("x5t"))
        && !map.contains_key("kty")
        && !PAYLOAD_KEYS.iter().any(|k| map.contains_key(*k))
}

fn is_payload(map: &Map<String, Value>) -> bool {
    PAYLOAD_KEYS
        .iter()
        .filter(|k| map.contains_key(**k))
        .count()
        >= 2
        && !map.contains_key("error")
        && !map.contains_key("keys")
}

/// Every top-level JSON object in the text that parses, with its span.
fn json_objects(text: &str) -> Vec<(Span, Map<String, Value>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'{', &bytes[i..]) {
        let start = i + offset;
        match crate::text::json_end(bytes, start, 256 * 1024) {
            Some(end) => {
                let slice = &text[start..end];
                let cleaned = ascii_punctuation(slice);
                let parsed = serde_json::from_str::<Value>(&cleaned).ok().or_else(|| {
                    serde_json::from_str::<Value>(&strip_trailing_commas(&cleaned)).ok()
                });
                if let Some(Value::Object(map)) = parsed {
                    out.push((Span::new(start, end), map));
                    i = end;
                } else {
                    i = start + 1;
                }
            }
            None => i = start + 1,
        }
    }
    out
}

fn strip_trailing_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}') | Some(']')) {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_then_payload_become_one_record() {
        let text = r#"{"typ":"JWT","alg":"RS256","kid":"abc"}
{"aud":"api://x","iss":"https://login.microsoftonline.com/t/v2.0","azp":"a","scp":"read"}"#;
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].token.head.kid.as_deref(), Some("abc"));
        assert_eq!(found[0].token.claims.scp, ["read"]);
    }

    #[test]
    fn error_bodies_and_jwks_are_not_claims() {
        let text = r#"{"error":"invalid_grant","error_description":"x","iss":"a","aud":"b"} {"keys":[{"kty":"RSA","kid":"k","alg":"RS256","x5t":"k"}]}"#;
        assert!(find(text).is_empty());
    }
}
