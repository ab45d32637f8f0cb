//! Finds token headers and payloads that were pasted already decoded (jwt.io output, forum posts)
//! and reads them into token records; a header followed by its payload becomes one record.

use super::token::Token;
use crate::report::Span;
use crate::text::ascii_punctuation;
use crate::text::cut;
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

/// The longest object read as a claim set.
const MAX_OBJECT: usize = 256 * 1024;
/// serde_json refuses objects nested deeper than this, so deeper candidates are not tried.
const MAX_DEPTH: usize = 128;

/// Every top-level JSON object in the text that parses, with its span.
///
/// Each `{` is matched on its own (so a stray quote before an object does not hide it) until the
/// work spent exceeds a budget proportional to the text; past it, the rest of the text is read by
/// one linear pass over balanced pairs, so repeated or deeply nested braces stay linear.
fn json_objects(text: &str) -> Vec<(Span, Map<String, Value>)> {
    let bytes = text.as_bytes();
    let budget = 8 * bytes.len() + 4 * MAX_OBJECT;
    let mut spent = 0usize;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'{', &bytes[i..]) {
        let start = i + offset;
        if spent > budget {
            out.extend(linear_objects(text, start));
            break;
        }
        match crate::text::json_end(bytes, start, MAX_OBJECT) {
            Some(end) => {
                spent += 2 * (end - start);
                if let Some(map) = parse_object(cut(text, start..end)) {
                    out.push((Span::new(start, end), map));
                    i = end;
                } else {
                    i = start + 1;
                }
            }
            None => {
                spent += bytes.len().min(start + MAX_OBJECT) - start;
                i = start + 1;
            }
        }
    }
    out
}

/// Parses one candidate as an object, tolerating curly quotes and trailing commas.
fn parse_object(slice: &str) -> Option<Map<String, Value>> {
    let cleaned = ascii_punctuation(slice);
    let parsed = serde_json::from_str::<Value>(&cleaned)
        .ok()
        .or_else(|| serde_json::from_str::<Value>(&strip_trailing_commas(&cleaned)).ok());
    match parsed {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// The linear reading: balanced `{...}` pairs found in one pass (strings end at a line break, as
/// JSON strings cannot hold one), tried in order of their start; a pair that parses hides the
/// pairs inside it. Pairs too long or nested too deep for serde_json, or not starting with a key
/// or `}`, are not tried at all.
fn linear_objects(text: &str, from: usize) -> Vec<(Span, Map<String, Value>)> {
    let bytes = text.as_bytes();
    // (start, end, deepest nesting inside) for every balanced pair.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut in_string = false;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'\n' => in_string = false,
            b'{' if !in_string => open.push((i, 0)),
            b'}' if !in_string => {
                if let Some((start, depth)) = open.pop() {
                    pairs.push((start, i + 1, depth + 1));
                    if let Some(parent) = open.last_mut() {
                        parent.1 = parent.1.max(depth + 1);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    crate::sort::by_key(&mut pairs, |p| p.0);
    let mut out = Vec::new();
    let mut taken_until = from;
    for (start, end, depth) in pairs {
        if start < taken_until || end - start > MAX_OBJECT || depth > MAX_DEPTH {
            continue;
        }
        let first = cut(text, start + 1..end).trim_start().chars().next();
        if !matches!(first, Some('"' | '\u{201c}' | '\u{201d}' | '}')) {
            continue;
        }
        if let Some(map) = parse_object(cut(text, start..end)) {
            out.push((Span::new(start, end), map));
            taken_until = end;
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
    fn repeated_and_deeply_nested_braces_are_read_in_linear_time_and_claims_still_found() {
        let claims = r#"{"aud":"api://x","iss":"https://sts.windows.net/t/","exp":1}"#;
        for noise in ["{".repeat(200_000), r#"{"a":"#.repeat(40_000)] {
            let text = format!("{noise}\n{claims}\n");
            let found = json_objects(&text);
            assert_eq!(found.len(), 1, "the claim set after the noise is found");
            assert_eq!(cut(&text, found[0].0.start..found[0].0.end), claims);
        }
    }

    #[test]
    fn the_linear_reading_finds_objects_the_way_the_first_one_does() {
        let text = "log {\"a\": {\"aud\": \"x\"}} tail {\"iss\": \"y\", \"exp\": 2,}";
        let first: Vec<Span> = json_objects(text).into_iter().map(|o| o.0).collect();
        let linear: Vec<Span> = linear_objects(text, 0).into_iter().map(|o| o.0).collect();
        assert_eq!(first, linear);
        assert_eq!(first.len(), 2);
    }

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
