//! Decoder: JWS and JWE compact tokens found anywhere in a paste (bare, Bearer, JSON, URLs, wrapped).

use crate::context::Context;
use crate::decode::explain_token::{explain, TokenInput};
use crate::report::{Artifact, ArtifactKind, Finding, Section, Severity, Span};
use crate::text::b64_decode_lenient;
use serde_json::{Map, Value};

/// The shortest run that can be a token: a tiny header, a dot and a tiny payload.
const MIN_TOKEN_LEN: usize = 16;

/// Finds and decodes every compact token in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for candidate in candidates(text) {
        if let Some(artifact) = decode_compact(&candidate.token, candidate.span, ctx, 0) {
            out.push(artifact);
        }
    }
    out
}

/// A token-shaped run of text, cleaned of the white space and escapes a copy left in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub token: String,
    pub span: Span,
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'=' | b'.')
}

/// Every run that starts like a base64url JSON header (`eyJ`, `eyA`, `ewo`) and has a dot.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 <= bytes.len() {
        let starts = &bytes[i..i + 3];
        let looks_like_header = starts == b"eyJ" || starts == b"eyA" || starts == b"ewo";
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(looks_like_header && boundary) {
            i += 1;
            continue;
        }
        let (token, end) = extend(text, i);
        if token.len() >= MIN_TOKEN_LEN && token.contains('.') {
            out.push(Candidate {
                token,
                span: Span::new(i, end),
            });
            i = end.max(i + 1);
        } else {
            i += 3;
        }
    }
    out
}

/// Walks forward from `start`, joining pieces split by line breaks or spaces inside the token.
fn extend(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut token = String::new();
    let mut i = start;
    let mut end = start;
    let mut chunk_len = 0usize;
    loop {
        if i < bytes.len() && is_token_char(bytes[i]) {
            token.push(bytes[i] as char);
            chunk_len += 1;
            i += 1;
            end = i;
            continue;
        }
        // `%3D` is URL-encoded padding and `%2E` an encoded dot.
        if i + 2 < bytes.len() && bytes[i] == b'%' {
            let code = &text[i + 1..i + 3];
            if code.eq_ignore_ascii_case("3D") || code.eq_ignore_ascii_case("2E") {
                token.push(if code.eq_ignore_ascii_case("3D") {
                    '='
                } else {
                    '.'
                });
                i += 3;
                end = i;
                continue;
            }
        }
        // A JSON-escaped slash (`\/`) can appear in standard-base64 tokens inside JSON.
        if i + 1 < bytes.len() && bytes[i] == b'\\' && bytes[i + 1] == b'/' {
            token.push('/');
            i += 2;
            end = i;
            continue;
        }
        // White space inside: join the next piece when it is clearly the same token.
        let mut j = i;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
            j += 1;
        }
        if j == i || j >= bytes.len() {
            break;
        }
        let mut k = j;
        while k < bytes.len() && is_token_char(bytes[k]) {
            k += 1;
        }
        let next_piece = &text[j..k];
        let stops_cleanly = k == bytes.len()
            || matches!(
                bytes[k],
                b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b',' | b'}' | b'&' | b')'
            );
        let dots = token.matches('.').count();
        let wrapped_line = chunk_len >= 32 && next_piece.len() >= 4;
        let inside = dots < 2 && !token.ends_with('.') && next_piece.len() >= 2;
        let joins_dot = next_piece.starts_with('.') || token.ends_with('.');
        if !next_piece.is_empty() && stops_cleanly && (wrapped_line || inside || joins_dot) {
            chunk_len = 0;
            i = j;
            continue;
        }
        break;
    }
    let trimmed_len = token.trim_end_matches('.').len();
    if trimmed_len < token.len() && token[..trimmed_len].matches('.').count() >= 1 {
        // Keep a trailing dot of an unsigned token (`header.payload.`), which is part of it.
        let dots_total = token.matches('.').count();
        if dots_total > 2 {
            token.truncate(trimmed_len);
        }
    }
    (token, end)
}

/// Decodes one compact token; `None` when it is not a JOSE token after all.
pub fn decode_compact(token: &str, span: Span, ctx: &Context, depth: u8) -> Option<Artifact> {
    let parts: Vec<&str> = token.split('.').collect();
    let header = decode_json_part(parts.first()?)?;
    if !looks_like_jose_header(&header) {
        return None;
    }
    if header.contains_key("enc") || parts.len() == 5 {
        return Some(jwe_artifact(token, &header, &parts, span));
    }
    let payload_part = parts.get(1).copied().unwrap_or("");
    let payload_bytes = b64_decode_lenient(payload_part);
    let payload = payload_bytes
        .as_deref()
        .and_then(|b| serde_json::from_slice::<Value>(b).ok());
    let signature = parts.get(2).copied();
    let input = TokenInput {
        header: &header,
        payload: payload.as_ref().and_then(Value::as_object),
        payload_text: payload_bytes
            .as_deref()
            .map(|b| String::from_utf8_lossy(b).into_owned()),
        signature,
        compact: Some(token),
        extra_parts: parts.len().saturating_sub(3),
        depth,
    };
    Some(explain(&input, span, ctx))
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

fn jwe_artifact(token: &str, header: &Map<String, Value>, parts: &[&str], span: Span) -> Artifact {
    let mut artifact = Artifact::new(ArtifactKind::Jwe, span, "Encrypted token (JWE)");
    let alg = header.get("alg").and_then(Value::as_str).unwrap_or("?");
    let enc = header.get("enc").and_then(Value::as_str).unwrap_or("?");
    artifact.verdict = format!(
        "An encrypted JWT (JWE, key management {alg}, content encryption {enc}): only its header can be read; the payload is encrypted and cannot be read without the recipient's private key."
    );
    let mut section = Section::new("Protected header");
    for (name, value) in header {
        let meaning = crate::knowledge::claims::header_param(name)
            .map(|c| c.meaning.to_string())
            .unwrap_or_default();
        let mut field = crate::report::Field::new(name, compact_value(value)).meaning(meaning);
        if crate::knowledge::claims::header_param(name).is_none() {
            field = field.unknown();
        }
        section.push(field);
    }
    artifact.sections.push(section);
    let mut parts_section = Section::new("Parts");
    let names = [
        "protected header",
        "encrypted key",
        "initialization vector",
        "ciphertext",
        "authentication tag",
    ];
    for (i, name) in names.iter().enumerate() {
        let len = parts
            .get(i)
            .and_then(|p| b64_decode_lenient(p))
            .map(|b| b.len());
        parts_section.push(crate::report::Field::new(
            *name,
            match len {
                Some(n) => format!("{n} bytes"),
                None => "missing or not base64url".to_string(),
            },
        ));
    }
    artifact.sections.push(parts_section);
    if parts.len() != 5 {
        artifact.findings.push(Finding::new(
            Severity::Warning,
            "Incomplete JWE",
            format!(
                "A JWE has five dot-separated parts; this one has {}. It may have been cut when copied.",
                parts.len()
            ),
        ));
    }
    artifact.findings.push(Finding::new(
        Severity::Info,
        "Payload is encrypted",
        "The claims are encrypted for the recipient and cannot be read or checked here without its private key. Entra issues encrypted tokens only when an app configured token encryption.",
    ));
    artifact.raw_json = serde_json::to_string_pretty(&Value::Object(header.clone())).ok();
    artifact.evidence.token = Some(crate::report::TokenEvidence {
        compact: Some(token.to_string()),
        alg: Some(alg.to_string()),
        ..Default::default()
    });
    artifact
}

/// A JSON value on one line, strings without their quotes.
pub fn compact_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64url;

    fn token(header: &str, payload: &str, sig: &str) -> String {
        format!(
            "{}.{}.{}",
            b64url(header.as_bytes()),
            b64url(payload.as_bytes()),
            sig
        )
    }

    #[test]
    fn finds_a_token_in_a_bearer_header_and_stops_at_the_next_header() {
        let t = token(r#"{"alg":"RS256","typ":"JWT"}"#, r#"{"aud":"x"}"#, "c2ln");
        let text = format!("Authorization: Bearer {t}\r\nContent-Type: text/plain");
        let found = candidates(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].token, t);
        assert_eq!(&text[found[0].span.start..found[0].span.end], t);
    }

    #[test]
    fn joins_a_token_wrapped_across_lines() {
        let t = token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/x/"}"#,
            "c2lnbmF0dXJl",
        );
        let wrapped: String = t
            .as_bytes()
            .chunks(40)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\n  ");
        let found = candidates(&format!("token:\n{wrapped}\n"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].token, t);
    }

    #[test]
    fn accepts_url_encoded_padding_and_quotes() {
        let t = format!(
            "{}%3D%3D.{}",
            b64url(br#"{"alg":"none"}"#),
            b64url(br#"{"aud":"x"}"#)
        );
        let found = candidates(&format!("\"{t}\""));
        assert_eq!(found.len(), 1);
        assert!(found[0].token.contains("=="));
    }

    #[test]
    fn two_tokens_in_a_redirect_fragment_are_both_found() {
        let a = token(r#"{"alg":"RS256"}"#, r#"{"aud":"a"}"#, "AAAA");
        let b = token(r#"{"alg":"RS256"}"#, r#"{"aud":"b"}"#, "BBBB");
        let text = format!("https://app/#access_token={a}&id_token={b}&state=1");
        let found = candidates(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].token, b);
    }

    #[test]
    fn a_jwe_shows_its_header_and_says_the_payload_is_encrypted() {
        let header = b64url(br#"{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}"#);
        let text = format!("{header}.ZW5ja2V5.aXZpdml2.Y2lwaGVy.dGFn");
        let found = scan(&text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ArtifactKind::Jwe);
        assert!(found[0].verdict.contains("cannot be read"));
    }

    #[test]
    fn prose_starting_with_eyj_is_not_a_token() {
        assert!(scan("eyJohn said hello. Then left.", &Context::fixed()).is_empty());
    }
}
