//! Finds compact tokens anywhere in a paste (bare, Bearer, JSON, URLs, wrapped, split literals).
//!
//! A candidate is a token-shaped run of text, cleaned of the white space and escapes a copy left in
//! it, with the byte span it came from. The finder is linear: each byte is looked at a bounded
//! number of times.

use crate::report::Span;
use crate::text::{cut, cut_to};

/// The shortest run that can be a token: a tiny header, a dot and a tiny payload.
const MIN_TOKEN_LEN: usize = 16;
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
            // Every later start inside this run reads a suffix of it, which is no more a token:
            // skip the run, so that a long run without a dot is read once.
            i = end.max(i + 3);
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
    // The dots in `token`, counted as they are pushed so that each step stays constant time.
    let mut dots = 0usize;
    loop {
        if i < bytes.len() && is_token_char(bytes[i]) {
            dots += usize::from(bytes[i] == b'.');
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
                dots += usize::from(*c == '.');
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
        match piece_after_space(text, i, &token, dots, chunk_len) {
            Some(next) => {
                chunk_len = 0;
                i = next;
            }
            None => break,
        }
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
    if trimmed_len < token.len() && cut_to(&token, trimmed_len).matches('.').count() >= 1 {
        // Keep a trailing dot of an unsigned token (`header.payload.`), which is part of it.
        let dots_total = token.matches('.').count();
        if dots_total > 2 {
            token.truncate(trimmed_len);
        }
    }
    (token, end, shortened)
}

/// Where the next piece of a token starts after the white space at `i`, when that piece is
/// clearly part of the same token: a wrapped line, a piece inside it, or a piece joined at a dot.
fn piece_after_space(
    text: &str,
    i: usize,
    token: &str,
    dots: usize,
    chunk_len: usize,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
        j += 1;
    }
    if j == i || j >= bytes.len() {
        return None;
    }
    let mut k = j;
    while k < bytes.len() && is_token_char(bytes[k]) {
        k += 1;
    }
    let next_piece = cut(text, j..k);
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
    // A signature never holds a dot, so a dotted word after a whole token is something else.
    let adds_a_part = dots >= 2 && next_piece.contains('.');
    let wrapped_line =
        chunk_len >= 32 && next_piece.len() >= 4 && !starts_property && ends_line && !adds_a_part;
    let inside = dots < 2 && !token.ends_with('.') && next_piece.len() >= 2 && !starts_property;
    let joins_dot = next_piece.starts_with('.') || token.ends_with('.');
    (!next_piece.is_empty() && stops_cleanly && (wrapped_line || inside || joins_dot)).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64url;
    use crate::text::cut_from;

    fn token(header: &str, payload: &str, sig: &str) -> String {
        format!(
            "{}.{}.{}",
            b64url(header.as_bytes()),
            b64url(payload.as_bytes()),
            sig
        )
    }

    #[test]
    fn a_long_run_without_a_dot_is_read_once() {
        // Read quadratically, this run would take minutes.
        let run = "eyJ".repeat(200_000);
        assert!(candidates(&run).is_empty());
    }

    #[test]
    fn finds_a_token_in_a_bearer_header_and_stops_at_the_next_header() {
        let t = token(r#"{"alg":"RS256","typ":"JWT"}"#, r#"{"aud":"x"}"#, "c2ln");
        let text = format!("Authorization: Bearer {t}\r\nContent-Type: text/plain");
        let found = candidates(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].token, t);
        assert_eq!(cut(&text, found[0].span.start..found[0].span.end), t);
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
        let zw = format!("\u{feff}{}\u{200b}{}", cut_to(&t, 10), cut_from(&t, 10));
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
}
