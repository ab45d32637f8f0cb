//! Decoder: token header or payload JSON that was already decoded (jwt.io output, forum posts).

use crate::context::Context;
use crate::decode::explain_token::{explain, TokenInput};
use crate::report::{Artifact, Finding, Severity, Span};
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

/// Finds and decodes every decoded header or payload object in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let objects = json_objects(text);
    let mut out = Vec::new();
    let mut pending_header: Option<(Map<String, Value>, Span)> = None;
    for (span, map) in objects {
        if is_header(&map) {
            if let Some((header, hspan)) = pending_header.take() {
                out.push(finish(&header, None, hspan, ctx));
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
        out.push(finish(&header, Some(&map), Span::new(start, span.end), ctx));
    }
    if let Some((header, hspan)) = pending_header {
        out.push(finish(&header, None, hspan, ctx));
    }
    out
}

fn finish(
    header: &Map<String, Value>,
    payload: Option<&Map<String, Value>>,
    span: Span,
    ctx: &Context,
) -> Artifact {
    let input = TokenInput::decoded(header, payload);
    let mut artifact = explain(&input, span, ctx);
    if payload.is_none() {
        artifact.title = "Decoded token header".to_string();
        artifact.verdict = "A decoded JWT header on its own: it says how the token was signed, but the claims are not here.".to_string();
        artifact.findings.clear();
    }
    artifact.findings.push(Finding::new(
        Severity::Info,
        "Already decoded: signature unknown",
        "This was pasted as decoded JSON, without the encoded token, so nothing can be known about its signature or whether it was altered. Paste the whole token (eyJ...) to check it.",
    ));
    artifact
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
    use crate::report::ArtifactKind;

    #[test]
    fn a_forum_post_payload_with_non_breaking_spaces_is_explained() {
        let text = "decoded token:\u{a0}{\u{a0}\"aud\": \"https://graph.microsoft.com/\", \"iss\": \"https://sts.windows.net/ea6064aa-d6fc-48d3-abb8-1728e1f39e0b/\", \"roles\": [\"Mail.Read\"], \"appidacr\": \"1\", \"appid\": \"fb461318-f95f-474f-9451-ad6b9952a5fe\", \"tid\": \"ea6064aa-d6fc-48d3-abb8-1728e1f39e0b\", \"ver\": \"1.0\" }";
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ArtifactKind::DecodedClaims);
        assert!(
            found[0].verdict.starts_with("App-only access token (v1)"),
            "{}",
            found[0].verdict
        );
        assert!(found[0]
            .findings
            .iter()
            .any(|f| f.title.contains("signature unknown")));
    }

    #[test]
    fn header_then_payload_become_one_token() {
        let text = r#"{"typ":"JWT","alg":"RS256","kid":"abc"}
{"aud":"api://x","iss":"https://login.microsoftonline.com/t/v2.0","azp":"a","scp":"read"}"#;
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0].sections.iter().any(|s| s.title == "Header"));
    }

    #[test]
    fn error_bodies_and_jwks_are_not_claims() {
        let text = r#"{"error":"invalid_grant","error_description":"x","iss":"a","aud":"b"} {"keys":[{"kty":"RSA","kid":"k","alg":"RS256","x5t":"k"}]}"#;
        assert!(scan(text, &Context::fixed()).is_empty());
    }
}
