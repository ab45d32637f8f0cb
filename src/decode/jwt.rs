//! Decoder: JWS and JWE compact tokens found anywhere in a paste (bare, Bearer, JSON, URLs, wrapped).

use crate::context::Context;
use crate::decode::explain_token::{explain, TokenInput};
use crate::report::{Artifact, ArtifactKind, Finding, Section, Severity, Span};
use crate::text::b64_decode_lenient;
use serde_json::{Map, Value};

/// The shortest run that can be a token: a tiny header, a dot and a tiny payload.
const MIN_TOKEN_LEN: usize = 16;

/// Finds and decodes every compact token in `text`, and says so when a SAML token was pasted instead.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for candidate in candidates(text) {
        if let Some(artifact) = decode_token(&candidate, ctx) {
            out.push(artifact);
        }
    }
    out.extend(saml::scan(text));
    out
}

/// Decodes one candidate, noting when the copy was shortened with dots or an ellipsis.
fn decode_token(candidate: &Candidate, ctx: &Context) -> Option<Artifact> {
    decode_compact_with(
        &candidate.token,
        candidate.span,
        ctx,
        0,
        candidate.shortened,
    )
}

/// A token-shaped run of text, cleaned of the white space and escapes a copy left in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub token: String,
    pub span: Span,
    /// The copy ended in `...` or `…`: a user interface shortened the token.
    pub shortened: bool,
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
        // A token may follow a URL-encoded separator such as `%3D` (`=`) or `%20` (space).
        let after_percent_code = i >= 3 && bytes[i - 3] == b'%';
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() || after_percent_code;
        if !(looks_like_header && boundary) {
            i += 1;
            continue;
        }
        let (token, end, shortened) = extend(text, i);
        if token.len() >= MIN_TOKEN_LEN && token.contains('.') {
            out.push(Candidate {
                token,
                span: Span::new(i, end),
                shortened,
            });
            i = end.max(i + 1);
        } else {
            i += 3;
        }
    }
    out
}

/// Invisible characters that chat apps, editors and web pages put inside copied text.
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}',
];

/// URL-encoded characters that can appear inside a token, with what they stand for.
const PERCENT_CODES: &[(&str, char)] = &[
    ("3D", '='),
    ("2E", '.'),
    ("2B", '+'),
    ("2F", '/'),
    ("2D", '-'),
    ("5F", '_'),
];

/// The length of a string-literal join such as `" +\n "`, `' +`, `" &\n "` or `"\n "` at `i`.
fn literal_join_len(bytes: &[u8], i: usize) -> Option<usize> {
    let quote = *bytes.get(i)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let mut j = i + 1;
    let mut saw_operator = false;
    let mut saw_newline = false;
    while j < bytes.len() {
        match bytes[j] {
            b' ' | b'\t' | b'\r' => {}
            b'\n' => saw_newline = true,
            b'+' | b'&' | b'_' if !saw_operator || bytes[j] == b'_' => saw_operator = true,
            _ => break,
        }
        j += 1;
    }
    let joined = (saw_operator || saw_newline) && bytes.get(j) == Some(&quote);
    let next_is_token = bytes.get(j + 1).is_some_and(|b| is_token_char(*b));
    (joined && next_is_token).then_some(j + 1 - i)
}

/// Walks forward from `start`, joining pieces split by line breaks or spaces inside the token.
/// Returns the token, the end of its span and whether the copy ended in `...` or `…`.
fn extend(text: &str, start: usize) -> (String, usize, bool) {
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
        if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            if INVISIBLE.contains(&c) {
                i += c.len_utf8();
                end = i;
                continue;
            }
        }
        // URL-encoded dots, padding and base64 characters.
        if i + 2 < bytes.len() && bytes[i] == b'%' {
            let code = text.get(i + 1..i + 3).unwrap_or("");
            if let Some((_, c)) = PERCENT_CODES
                .iter()
                .find(|(k, _)| code.eq_ignore_ascii_case(k))
            {
                token.push(*c);
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
        // A string literal split over lines in code: `"eyJ..." +\n "..."`.
        if let Some(len) = literal_join_len(bytes, i) {
            i += len;
            chunk_len = 0;
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
        // A wrapped line ends its line; a word followed by `:` or `=` on the next line is a new
        // property (PowerShell Format-List `ExpiresOn : ...`), not the rest of the token.
        let mut after = k;
        while after < bytes.len() && matches!(bytes[after], b' ' | b'\t') {
            after += 1;
        }
        let starts_property = after > k && matches!(bytes.get(after), Some(b':') | Some(b'='));
        // A wrapped piece fills the rest of its line: the next log line's first word does not.
        let ends_line = after >= bytes.len()
            || matches!(
                bytes[after],
                b'\r' | b'\n' | b'"' | b'\'' | b',' | b'}' | b')' | b';' | b'&'
            );
        let dots = token.matches('.').count();
        // A signature never holds a dot, so a dotted word after a whole token is something else.
        let adds_a_part = dots >= 2 && next_piece.contains('.');
        let wrapped_line = chunk_len >= 32
            && next_piece.len() >= 4
            && !starts_property
            && ends_line
            && !adds_a_part;
        let inside = dots < 2 && !token.ends_with('.') && next_piece.len() >= 2 && !starts_property;
        let joins_dot = next_piece.starts_with('.') || token.ends_with('.');
        if !next_piece.is_empty() && stops_cleanly && (wrapped_line || inside || joins_dot) {
            chunk_len = 0;
            i = j;
            continue;
        }
        break;
    }
    let mut shortened = text.get(end..).is_some_and(|rest| rest.starts_with('…'));
    if shortened {
        end += '…'.len_utf8();
    }
    if token.ends_with("...") {
        shortened = true;
        let trimmed_len = token.trim_end_matches('.').len();
        token.truncate(trimmed_len);
    }
    let trimmed_len = token.trim_end_matches('.').len();
    if trimmed_len < token.len() && token[..trimmed_len].matches('.').count() >= 1 {
        // Keep a trailing dot of an unsigned token (`header.payload.`), which is part of it.
        let dots_total = token.matches('.').count();
        if dots_total > 2 {
            token.truncate(trimmed_len);
        }
    }
    (token, end, shortened)
}

/// Decodes one compact token; `None` when it is not a JOSE token after all.
pub fn decode_compact(token: &str, span: Span, ctx: &Context, depth: u8) -> Option<Artifact> {
    decode_compact_with(token, span, ctx, depth, false)
}

fn decode_compact_with(
    token: &str,
    span: Span,
    ctx: &Context,
    depth: u8,
    shortened: bool,
) -> Option<Artifact> {
    let parts: Vec<&str> = token.split('.').collect();
    let header = decode_json_part(parts.first()?)?;
    if !looks_like_jose_header(&header) {
        return None;
    }
    if header.contains_key("enc") || parts.len() == 5 {
        return Some(jwe_artifact(token, &header, &parts, span));
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
        shortened,
        payload_partial,
    };
    Some(explain(&input, span, ctx))
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
        match serde_json::from_str::<Value>(&format!("{}}}", &text[..i])) {
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

/// A SAML token pasted where a JWT was expected: recognised only to say what it is.
mod saml {
    use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
    use crate::text::b64_decode_lenient;

    /// Every SAML 1.1 and 2.0 document names this namespace prefix.
    const SAML_NAMESPACE: &str = "urn:oasis:names:tc:SAML:";
    /// The shortest base64 run worth decoding as a SAML document.
    const MIN_BASE64_LEN: usize = 100;

    /// Finds a SAML response or assertion, as XML or base64 (a `SAMLResponse` form field).
    pub fn scan(text: &str) -> Vec<Artifact> {
        let mut out = Vec::new();
        if text.contains(SAML_NAMESPACE) {
            if let Some(start) = root_start(text) {
                let end = text.rfind('>').map_or(text.len(), |e| e + 1).max(start);
                out.push(artifact(&text[start..end], Span::new(start, end), false));
            }
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
            if bytes[i] != b'P' || !boundary {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric()
                    || matches!(bytes[j], b'+' | b'/' | b'=' | b'%'))
            {
                j += 1;
            }
            if j - i >= MIN_BASE64_LEN {
                let run = text[i..j]
                    .replace("%2B", "+")
                    .replace("%2b", "+")
                    .replace("%2F", "/")
                    .replace("%2f", "/")
                    .replace("%3D", "=")
                    .replace("%3d", "=");
                if let Some(xml) = b64_decode_lenient(&run)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .filter(|x| x.trim_start().starts_with('<') && x.contains(SAML_NAMESPACE))
                {
                    out.push(artifact(&xml, Span::new(i, j), true));
                }
            }
            i = j.max(i + 1);
        }
        out
    }

    /// The start of the first element named `...Response` or `...Assertion`.
    fn root_start(text: &str) -> Option<usize> {
        let mut from = 0;
        while let Some(offset) = text.get(from..)?.find('<') {
            let start = from + offset;
            let name: String = text[start + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
                .collect();
            let local = name.rsplit(':').next().unwrap_or("");
            if local.ends_with("Response") || local == "Assertion" {
                return Some(start);
            }
            from = start + 1;
        }
        None
    }

    /// The text inside the first element with this local name (any namespace prefix).
    fn element_text<'a>(xml: &'a str, local: &str) -> Option<&'a str> {
        let mut from = 0;
        while let Some(offset) = xml.get(from..)?.find(local) {
            let at = from + offset;
            from = at + local.len();
            let open = xml[..at].rfind('<')?;
            let prefix = &xml[open + 1..at];
            let prefix_ok = prefix.is_empty()
                || (prefix.ends_with(':')
                    && prefix[..prefix.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric()));
            let next = xml[from..].chars().next();
            if !prefix_ok || !matches!(next, Some('>') | Some(' ')) {
                continue;
            }
            let body_start = from + xml[from..].find('>')? + 1;
            let body_end = body_start + xml[body_start..].find('<')?;
            let value = xml[body_start..body_end].trim();
            if !value.is_empty() {
                return Some(value);
            }
        }
        None
    }

    /// The value of the first attribute with this name.
    fn attribute<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let start = xml.find(&key)? + key.len();
        let len = xml[start..].find('"')?;
        Some(&xml[start..start + len])
    }

    fn artifact(xml: &str, span: Span, was_base64: bool) -> Artifact {
        let mut artifact = Artifact::new(ArtifactKind::Saml, span, "SAML token (not a JWT)");
        let version = if xml.contains("MajorVersion=\"1\"") {
            "SAML 1.1"
        } else {
            "SAML 2.0"
        };
        let what = if xml.contains("EncryptedAssertion") {
            "response with an encrypted assertion"
        } else if root_start(xml)
            .and_then(|s| xml.get(s..s + 40))
            .is_some_and(|head| head.contains("Assertion"))
        {
            "assertion"
        } else {
            "response"
        };
        let issuer = element_text(xml, "Issuer").or_else(|| attribute(xml, "Issuer"));
        let audience = element_text(xml, "Audience");
        let subject = element_text(xml, "NameID").or_else(|| element_text(xml, "NameIdentifier"));
        let mut verdict = format!("A {version} {what}");
        if let Some(i) = issuer {
            verdict.push_str(&format!(" from {i}"));
        }
        if let Some(a) = audience {
            verdict.push_str(&format!(" for {a}"));
        }
        if let Some(n) = subject {
            verdict.push_str(&format!(" about {n}"));
        }
        verdict.push_str(": a SAML token is XML, not a JWT, so it is shown only briefly and cannot be sent as a Bearer token.");
        artifact.verdict = verdict;
        artifact.findings.push(Finding::new(
            Severity::Info,
            "SAML, not a JWT",
            format!(
                "This is a SAML token{}: signed XML that SAML and WS-Federation sign-ins post to a web app. APIs such as Microsoft Graph, Exchange or SharePoint expect an OAuth access token (a JWT starting with eyJ) in the Authorization header. To inspect the access token, copy access_token from the token response or the value after Bearer in the request.",
                if was_base64 { " (decoded from base64, as in a SAMLResponse form field)" } else { "" }
            ),
        ));
        let mut section = Section::new("SAML");
        section.push(Field::new("Version", version));
        for (label, value) in [
            ("Issuer", issuer),
            ("Audience", audience),
            ("Subject (NameID)", subject),
            ("Not before", attribute(xml, "NotBefore")),
            ("Not on or after", attribute(xml, "NotOnOrAfter")),
        ] {
            if let Some(v) = value {
                section.push(Field::new(label, v));
            }
        }
        section.push(Field::new(
            "Signed",
            if xml.contains("SignatureValue") {
                "yes (XML signature present)"
            } else {
                "no XML signature found"
            },
        ));
        artifact.sections.push(section);
        artifact
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
    fn format_list_continuation_lines_join_but_the_next_property_does_not() {
        let t = token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"aud":"https://management.azure.com/","iss":"https://sts.windows.net/x/","scp":"user_impersonation"}"#,
            &"c2lnbmF0dXJl".repeat(20),
        );
        let lines: Vec<&str> = t
            .as_bytes()
            .chunks(60)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let text = format!(
            "Token     : {}\nExpiresOn : 1/1/2026 1:00:00 AM +00:00\nType      : Bearer\n",
            lines.join("\n            ")
        );
        let found = candidates(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].token, t,
            "ExpiresOn must not become part of the signature"
        );
    }

    #[test]
    fn the_first_word_of_the_next_log_line_is_not_part_of_the_token() {
        let t = token(
            r#"{"alg":"RS256"}"#,
            r#"{"aud":"a","iss":"b"}"#,
            &"QUJD".repeat(20),
        );
        let text =
            format!("MSAL.NetCore 4.61 (PII) Access token: {t}\nMSAL.NetCore 4.61 === finished\n");
        assert_eq!(candidates(&text)[0].token, t);
    }

    #[test]
    fn string_literals_split_in_code_are_joined() {
        let t = token(
            r#"{"alg":"RS256"}"#,
            r#"{"aud":"api://x","iss":"y"}"#,
            "c2lnbmF0dXJl",
        );
        let (a, b) = t.split_at(20);
        for text in [
            format!("var t = \"{a}\" +\n    \"{b}\";"),
            format!("const t = '{a}'\n  + '{b}';"),
            format!("Dim t = \"{a}\" & _\n    \"{b}\""),
        ] {
            let found = candidates(&text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].token, t, "{text}");
        }
    }

    #[test]
    fn zero_width_spaces_and_url_encoding_inside_a_token_are_removed() {
        let t = token(
            r#"{"alg":"RS256"}"#,
            r#"{"aud":"api://x","iss":"y"}"#,
            "c2ln-bmF0_dXJl",
        );
        let zw = format!("\u{feff}{}\u{200b}{}", &t[..10], &t[10..]);
        assert_eq!(candidates(&zw)[0].token, t);
        let encoded = t
            .replace('.', "%2E")
            .replace('-', "%2D")
            .replace('_', "%5F");
        assert_eq!(
            candidates(&format!("x?token%3D{encoded}%26a=1"))[0].token,
            t
        );
    }

    #[test]
    fn a_copy_shortened_with_an_ellipsis_keeps_the_claims_it_still_has() {
        let t = token(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","scp":"Mail.Read","upn":"megan@contoso.example","name":"Megan Bowen","oid":"0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b"}"#,
            "c2ln",
        );
        let cut = &t[..t.find('.').unwrap() + 150];
        let found = scan(&format!("{cut}…"), &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .findings
            .iter()
            .any(|f| f.title.contains("cut inside its payload")));
        let text = format!("{:?}", found[0].sections);
        assert!(
            text.contains("Mail.Read"),
            "claims before the cut are shown"
        );
        let dots = scan(&format!("{}...", &t[..t.len() - 2]), &Context::fixed());
        assert!(dots[0]
            .findings
            .iter()
            .any(|f| f.title.contains("shortened")));
    }

    #[test]
    fn a_saml_response_is_named_as_saml_and_not_decoded_as_a_jwt() {
        let xml = r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/t/</saml:Issuer><saml:Assertion><saml:Subject><saml:NameID>megan@contoso.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>"#;
        let found = scan(xml, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0].verdict.contains("not a JWT"));
        assert!(found[0].verdict.contains("megan@contoso.example"));
        let b64 = crate::text::b64std(xml.as_bytes()).replace('+', "%2B");
        let found = scan(
            &format!("SAMLResponse={b64}&RelayState=x"),
            &Context::fixed(),
        );
        assert_eq!(found.len(), 1);
        assert!(scan("<Response>plain xml</Response>", &Context::fixed()).is_empty());
    }

    #[test]
    fn prose_starting_with_eyj_is_not_a_token() {
        assert!(scan("eyJohn said hello. Then left.", &Context::fixed()).is_empty());
    }
}
