//! Decodes one compact JOSE token (JWS or JWE) into a typed record; a cut payload keeps the
//! claims that arrived whole.

use super::token::Token;
use crate::text::b64_decode_lenient;
use crate::text::cut_to;
use serde_json::{Map, Value};

/// What one compact token decoded to.
#[derive(Debug, Clone)]
pub enum Compact {
    /// A signed (or unsigned) token with a readable header.
    Jws(Box<Token>),
    /// An encrypted token: only its header can be read.
    Jwe(Jwe),
}

/// An encrypted token (JWE): the protected header and the sizes of its parts.
#[derive(Debug, Clone)]
pub struct Jwe {
    pub compact: String,
    pub header: Map<String, Value>,
    /// `alg` and `enc` of the header, `?` when missing.
    pub alg: String,
    pub enc: String,
    /// The number of dot-separated parts (five when whole).
    pub parts: usize,
    /// The decoded length of each of the five parts, `None` when missing or not base64url.
    pub part_lens: [Option<usize>; 5],
}

/// Decodes one compact token; `None` when it is not a JOSE token after all.
pub fn decode(token: &str, shortened: bool) -> Option<Compact> {
    let parts: Vec<&str> = token.split('.').collect();
    let header = decode_json_part(parts.first()?)?;
    if !looks_like_jose_header(&header) {
        return None;
    }
    if header.contains_key("enc") || parts.len() == 5 {
        return Some(Compact::Jwe(jwe(token, header, &parts)));
    }
    let payload_part = parts.get(1).copied().unwrap_or("");
    let payload_bytes = b64_decode_prefix(payload_part);
    let mut payload = payload_bytes
        .as_deref()
        .and_then(|b| serde_json::from_slice::<Value>(b).ok());
    let mut payload_partial = false;
    if payload.is_none() && (shortened || parts.len() == 2) {
        // A cut copy: read the claims that arrived whole.
        if let Some(map) = payload_bytes.as_deref().and_then(partial_json_object) {
            payload = Some(Value::Object(map));
            payload_partial = true;
        }
    }
    let payload = match payload {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    };
    let mut record = Token::new(header, payload);
    record.payload_text = payload_bytes
        .as_deref()
        .map(|b| String::from_utf8_lossy(b).into_owned());
    record.signature = parts.get(2).map(|s| s.to_string());
    record.compact = Some(token.to_string());
    record.extra_parts = parts.len().saturating_sub(3);
    record.shortened = shortened;
    record.payload_partial = payload_partial;
    Some(Compact::Jws(Box::new(record)))
}

fn jwe(token: &str, header: Map<String, Value>, parts: &[&str]) -> Jwe {
    let text = |key: &str| {
        header
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string()
    };
    let mut part_lens = [None; 5];
    for (i, len) in part_lens.iter_mut().enumerate() {
        *len = parts
            .get(i)
            .and_then(|p| b64_decode_lenient(p))
            .map(|b| b.len());
    }
    Jwe {
        compact: token.to_string(),
        alg: text("alg"),
        enc: text("enc"),
        header,
        parts: parts.len(),
        part_lens,
    }
}

/// Decodes base64url, dropping a last character that cannot stand alone (a cut copy).
fn b64_decode_prefix(part: &str) -> Option<Vec<u8>> {
    b64_decode_lenient(part).or_else(|| {
        let cut = part.len().checked_sub(1)?;
        b64_decode_lenient(part.get(..cut)?)
    })
}

/// The claims of a JSON object that was cut off: every member before the last complete one.
fn partial_json_object(bytes: &[u8]) -> Option<Map<String, Value>> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start();
    if !text.starts_with('{') {
        return None;
    }
    // Try closing the object after each top-level comma, last one first.
    let mut commas = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            ',' if depth == 1 => commas.push(i),
            _ => {}
        }
    }
    commas.iter().rev().take(64).find_map(|&i| {
        match serde_json::from_str::<Value>(&format!("{}}}", cut_to(text, i))) {
            Ok(Value::Object(map)) if !map.is_empty() => Some(map),
            _ => None,
        }
    })
}

fn decode_json_part(part: &str) -> Option<Map<String, Value>> {
    let bytes = b64_decode_lenient(part)?;
    match serde_json::from_slice::<Value>(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

fn looks_like_jose_header(header: &Map<String, Value>) -> bool {
    header.contains_key("alg") || header.contains_key("enc") || header.contains_key("typ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64url;

    #[test]
    fn a_cut_payload_keeps_the_claims_that_arrived_whole() {
        let header = b64url(br#"{"alg":"RS256"}"#);
        let payload =
            b64url(br#"{"aud":"a","iss":"b","scp":"Mail.Read","upn":"megan@contoso.example"}"#);
        let cut = format!("{header}.{}", cut_to(&payload, payload.len() - 12));
        let Some(Compact::Jws(token)) = decode(&cut, true) else {
            panic!("not decoded");
        };
        assert!(token.payload_partial);
        assert_eq!(token.claims.scp, ["Mail.Read"]);
        assert_eq!(token.signature, None);
    }

    #[test]
    fn five_parts_or_enc_make_a_jwe_and_other_json_is_no_token() {
        let header = b64url(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#);
        let Some(Compact::Jwe(jwe)) = decode(&format!("{header}.a.b.c.d"), false) else {
            panic!("not a JWE");
        };
        assert_eq!(
            (jwe.alg.as_str(), jwe.enc.as_str(), jwe.parts),
            ("RSA-OAEP", "A256GCM", 5)
        );
        let not_jose = b64url(br#"{"name":"x"}"#);
        assert!(decode(&format!("{not_jose}.e30.c2ln"), false).is_none());
    }
}
