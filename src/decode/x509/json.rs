//! Key material in JSON: JWK, JWKS, app manifest and Graph keyCredentials, OpenID Connect
//! configurations, and `secret: ...` lines that carry an HMAC secret.
//!
//! JSON is found anywhere in a paste (also as a fragment such as `"keyCredentials": [...]`). A
//! shared secret is recognised only on a line of its own that starts with `secret:` (optionally
//! `HS256 secret:`, `base64 secret:`), so that a token paste or the key box can carry the secret
//! for an HS256/384/512 token.

use crate::report::Span;
use crate::text::b64_decode_lenient;
use crate::text::{cut, cut_from, cut_to};
use serde_json::Value;

/// Reads an ISO 8601 time such as `2026-03-01T00:00:00Z` or `2026-03-01T00:00:00.123+00:00`.
pub fn iso_time(value: &str) -> Option<i64> {
    use time::format_description::well_known::Rfc3339;
    let trimmed = value.trim();
    time::OffsetDateTime::parse(trimmed, &Rfc3339)
        .or_else(|_| time::OffsetDateTime::parse(&format!("{trimmed}Z"), &Rfc3339))
        .ok()
        .map(|t| t.unix_timestamp())
}

/// Words that must appear in a JSON value for this decoder to try it.
const KEYWORDS: &[&str] = &[
    "\"kty\"",
    "\"keys\"",
    "\"keycredentials\"",
    "\"customkeyidentifier\"",
    "\"jwks_uri\"",
];

/// Every JSON value in `text` that holds key material, with its byte span.
pub fn find(text: &str) -> Vec<(Span, Value)> {
    json_values(text)
}

/// Spans of JSON that this decoder reads, so the certificate decoder leaves their base64 alone.
pub fn claimed_spans(text: &str) -> Vec<Span> {
    json_values(text)
        .into_iter()
        .filter(|(_, v)| recognise(v).is_some())
        .map(|(span, _)| span)
        .collect()
}

/// Replaces non-ASCII spaces (copied from web pages) with ASCII spaces, keeping byte offsets.
fn normalise_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != ' ' && c.is_whitespace() && !c.is_ascii() {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every JSON object or array in `text` that holds key material, with its byte span.
fn json_values(text: &str) -> Vec<(Span, Value)> {
    let lower = text.to_ascii_lowercase();
    let last_keyword = KEYWORDS.iter().filter_map(|k| lower.rfind(k)).max();
    let Some(last_keyword) = last_keyword else {
        return Vec::new();
    };
    let norm = normalise_spaces(text);
    let bytes = norm.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while p < last_keyword && p < bytes.len() {
        if bytes[p] != b'{' && bytes[p] != b'[' {
            p += 1;
            continue;
        }
        let mut stream =
            serde_json::Deserializer::from_str(cut_from(&norm, p)).into_iter::<Value>();
        match stream.next() {
            Some(Ok(value)) if recognise(&value).is_some() => {
                let end = p + stream.byte_offset();
                let start = field_name_start(&norm, p).unwrap_or(p);
                out.push((Span::new(start, end), value));
                p = end;
            }
            _ => p += 1,
        }
    }
    out
}

/// For a fragment `"keyCredentials": [`, the start of the field name before the opener.
fn field_name_start(text: &str, opener: usize) -> Option<usize> {
    let before = cut_to(text, opener).trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let name_end = before.len();
    let before = before.strip_suffix('"')?;
    let quote = before.rfind('"')?;
    let name = cut(text, quote + 1..name_end - 1);
    matches!(
        name.to_ascii_lowercase().as_str(),
        "keycredentials" | "keys"
    )
    .then_some(quote)
}

/// What a JSON value holds.
#[derive(Debug)]
pub enum Recognised<'a> {
    Jwks(&'a Vec<Value>),
    Jwk(&'a Value),
    KeyCredentials(Vec<&'a Value>),
    OpenIdConfiguration(&'a Value),
}

fn is_key_credential(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    let has = |k: &str| o.keys().any(|key| key.eq_ignore_ascii_case(k));
    has("customKeyIdentifier")
        || (has("keyId") && has("type") && (has("value") || has("key") || has("usage")))
}

pub fn get<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

pub fn get_str<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    get(v, name).and_then(Value::as_str)
}

pub fn recognise(v: &Value) -> Option<Recognised<'_>> {
    recognise_depth(v, 0)
}

fn recognise_depth(v: &Value, depth: usize) -> Option<Recognised<'_>> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Object(_) => {
            if let Some(Value::Array(keys)) = get(v, "keys") {
                if keys.iter().any(|k| get(k, "kty").is_some()) {
                    return Some(Recognised::Jwks(keys));
                }
            }
            if get(v, "kty").is_some() {
                return Some(Recognised::Jwk(v));
            }
            if let Some(Value::Array(creds)) = get(v, "keyCredentials") {
                return Some(Recognised::KeyCredentials(creds.iter().collect()));
            }
            if is_key_credential(v) {
                return Some(Recognised::KeyCredentials(vec![v]));
            }
            if get_str(v, "jwks_uri").is_some()
                && (get_str(v, "issuer").is_some() || get_str(v, "token_endpoint").is_some())
            {
                return Some(Recognised::OpenIdConfiguration(v));
            }
            v.as_object()?
                .values()
                .find_map(|child| recognise_depth(child, depth + 1))
        }
        Value::Array(items) => {
            let creds: Vec<&Value> = items.iter().filter(|i| is_key_credential(i)).collect();
            if !creds.is_empty() {
                return Some(Recognised::KeyCredentials(creds));
            }
            items.iter().find_map(|i| recognise_depth(i, depth + 1))
        }
        _ => None,
    }
}

/// A `secret: ...` line: its span, and the secret's bytes (`None` when base64 was announced but
/// the value is not base64).
#[derive(Debug, Clone)]
pub struct SecretLine {
    pub span: Span,
    pub secret: Option<Vec<u8>>,
}

/// Finds `secret: ...` lines (HMAC keys for HS256/384/512 tokens).
pub fn secret_lines(text: &str) -> Vec<SecretLine> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let Some((name, value)) = trimmed.split_once([':', '=']) else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        let base64 = match name.as_str() {
            "secret" | "hs256 secret" | "hs384 secret" | "hs512 secret" | "hmac secret" => false,
            "base64 secret" | "secret (base64)" | "secret_b64" => true,
            _ => continue,
        };
        if value.is_empty() {
            continue;
        }
        let secret = if base64 {
            b64_decode_lenient(value)
        } else {
            Some(value.as_bytes().to_vec())
        };
        let lead = line.len() - line.trim_start().len();
        out.push(SecretLine {
            span: Span::new(start + lead, start + lead + trimmed.len()),
            secret,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_json_is_not_key_material() {
        assert!(find(r#"{"value":[{"id":"1"}]}"#).is_empty());
        assert_eq!(find(r#"{"kty":"RSA"}"#).len(), 1);
        assert_eq!(secret_lines("base64 secret: !!!")[0].secret, None);
        assert_eq!(
            iso_time("2026-03-01T00:00:00"),
            iso_time("2026-03-01T00:00:00Z")
        );
    }
}
