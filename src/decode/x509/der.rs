//! DER in text: finding PEM armour, base64 and hex DER runs, and the thumbprints of DER bytes.
//!
//! These functions only find and decode text; every ASN.1 structure is parsed by x509-parser,
//! der-parser or the RustCrypto crates.

use crate::report::Span;
use crate::text::{b64_decode_lenient, b64std, b64url};
use crate::text::{cut, cut_from, cut_to};
use sha1::{Digest, Sha1};
use sha2::Sha256;

/// Base64 runs shorter than this (outside PEM armour or a known JSON field) are ignored.
pub const MIN_BASE64_RUN: usize = 100;

/// One `-----BEGIN X-----` block found in a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    /// The label between `BEGIN` and the dashes, e.g. `CERTIFICATE`.
    pub label: String,
    pub span: Span,
    /// The decoded body, or `None` when the base64 inside could not be decoded.
    pub der: Option<Vec<u8>>,
    /// True when the matching `-----END` line is missing (the block was cut off).
    pub truncated: bool,
    /// The RFC 1421 header lines before the base64 (`Proc-Type`, `DEK-Info`), name and value.
    pub headers: Vec<(String, String)>,
}

impl PemBlock {
    /// The value of header `name` (case-insensitive), if the block has it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Finds every PEM block, including blocks whose line breaks were escaped as `\n` inside JSON.
pub fn pem_blocks(text: &str) -> Vec<PemBlock> {
    const BEGIN: &str = "-----BEGIN ";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = cut_from(text, from).find(BEGIN) {
        let start = from + rel;
        let label_start = start + BEGIN.len();
        let Some(label_len) = cut_from(text, label_start).find("-----") else {
            break;
        };
        let label = cut(text, label_start..label_start + label_len);
        if label.len() > 40 || label.contains(['\n', '\r']) {
            from = label_start;
            continue;
        }
        let body_start = label_start + label_len + 5;
        let end_marker = format!("-----END {label}-----");
        // The END line is looked for only up to the next BEGIN: a later BEGIN before our END
        // means this block was cut off, and bounding the search keeps the scan linear.
        let next_begin = cut_from(text, body_start)
            .find(BEGIN)
            .map_or(text.len(), |n| body_start + n);
        let (body_end, end, truncated) = match cut(text, body_start..next_begin).find(&end_marker) {
            Some(rel_end) => {
                let body_end = body_start + rel_end;
                (body_end, body_end + end_marker.len(), false)
            }
            None if next_begin < text.len() => {
                let cut = truncated_body_end(cut_to(text, next_begin), body_start);
                (cut, cut, true)
            }
            None => {
                let cut = truncated_body_end(text, body_start);
                (cut, cut, true)
            }
        };
        let der = decode_pem_body(cut(text, body_start..body_end));
        out.push(PemBlock {
            label: label.to_string(),
            span: Span::new(start, end),
            der,
            truncated,
            headers: pem_headers(cut(text, body_start..body_end)),
        });
        from = end.max(body_start);
    }
    out
}

/// Where the body of a PEM block without an END line stops: at the first line that is not base64.
fn truncated_body_end(text: &str, body_start: usize) -> usize {
    let mut end = body_start;
    let mut pos = body_start;
    for line in cut_from(text, body_start).split_inclusive('\n') {
        let trimmed = line.trim().replace("\\n", "").replace("\\r", "");
        let is_body = trimmed.is_empty()
            || trimmed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
            || trimmed.contains(": ");
        if !is_body {
            break;
        }
        pos += line.len();
        if !trimmed.is_empty() {
            end = pos;
        }
    }
    end.min(text.len())
}

/// The `Name: value` header lines at the top of a PEM body (RFC 1421), up to the first other line.
fn pem_headers(body: &str) -> Vec<(String, String)> {
    let unescaped = body.replace("\\r", "\n").replace("\\n", "\n");
    unescaped
        .lines()
        .map(|l| l.trim().trim_matches('"'))
        .filter(|l| !l.is_empty())
        .map_while(|l| {
            let (name, value) = l.split_once(':')?;
            let name = name.trim();
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .then(|| (name.to_string(), value.trim().to_string()))
        })
        .collect()
}

/// Decodes a PEM body: drops RFC 1421 header lines and escaped line breaks, then base64.
fn decode_pem_body(body: &str) -> Option<Vec<u8>> {
    let unescaped = body.replace("\\r", "\n").replace("\\n", "\n");
    let mut b64 = String::with_capacity(unescaped.len());
    for line in unescaped.lines() {
        let line = line.trim().trim_matches('"');
        if line.contains(':') {
            continue;
        }
        b64.push_str(line);
    }
    let bytes = b64_decode_lenient(&b64)?;
    if bytes.is_empty() {
        None
    } else {
        Some(bytes)
    }
}

/// A run of standard base64 (or base64url) found outside PEM armour, with its decoded bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Run {
    pub span: Span,
    pub bytes: Vec<u8>,
}

/// Finds base64 runs of at least `min_len` characters that start like DER (`MI`) and decode.
///
/// A run must not touch `.`, `-` or `_`, so the base64url parts of a JWT are never taken.
pub fn der_base64_runs(text: &str, min_len: usize) -> Vec<Base64Run> {
    let bytes = text.as_bytes();
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_b64(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_b64(bytes[i]) {
            i += 1;
        }
        let mut end = i;
        while end < bytes.len() && bytes[end] == b'=' && end - i < 2 {
            end += 1;
        }
        let before = start.checked_sub(1).map(|p| bytes[p]);
        let after = bytes.get(end).copied();
        let joined_to_token = |b: Option<u8>| matches!(b, Some(b'.' | b'-' | b'_' | b'='));
        if end - start >= min_len
            && cut_from(text, start).starts_with("MI")
            && !joined_to_token(before)
            && !joined_to_token(after)
        {
            if let Some(decoded) = b64_decode_lenient(cut(text, start..end)) {
                out.push(Base64Run {
                    span: Span::new(start, end),
                    bytes: decoded,
                });
            }
        }
        i = end.max(i);
    }
    out
}

/// Finds base64 DER broken over lines without PEM armour (a `.cer` saved as "Base-64 encoded").
///
/// Each line must hold base64 only (leading spaces and `\r` are allowed), the first line must
/// start with `MI` and be at least 40 characters long, every further line as long as the first
/// except the last, and the joined text must decode.
pub fn der_base64_line_blocks(text: &str) -> Vec<Base64Run> {
    let is_b64_line = |l: &str| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let start = offset;
            offset += l.len();
            (start, l)
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        let trimmed = line.trim();
        if !(trimmed.starts_with("MI") && trimmed.len() >= 40 && is_b64_line(trimmed)) {
            i += 1;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut joined = String::from(trimmed);
        let mut end = start + lead + trimmed.len();
        let mut j = i + 1;
        while j < lines.len() && !joined.ends_with('=') {
            let t = lines[j].1.trim();
            if !is_b64_line(t) {
                break;
            }
            joined.push_str(t);
            end = lines[j].0 + (lines[j].1.len() - lines[j].1.trim_start().len()) + t.len();
            j += 1;
            // A line shorter than the first one is the last line of the block.
            if t.len() < trimmed.len() {
                break;
            }
        }
        if j > i + 1 {
            if let Some(bytes) = b64_decode_lenient(&joined) {
                out.push(Base64Run {
                    span: Span::new(start + lead, end),
                    bytes,
                });
            }
        }
        i = j;
    }
    out
}

/// Finds hex DER (`3082...` or `30:82:...`) of at least 100 bytes.
pub fn der_hex_runs(text: &str) -> Vec<Base64Run> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_hexdigit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_hexdigit() || bytes[i] == b':') {
            i += 1;
        }
        let run = cut(text, start..i).trim_end_matches(':');
        let digits: String = run.chars().filter(|c| *c != ':').collect();
        let well_formed = !run.contains(':')
            || run
                .split(':')
                .all(|pair| pair.len() == 2 && pair.chars().all(|c| c.is_ascii_hexdigit()));
        let touches_word = start > 0 && bytes[start - 1].is_ascii_alphanumeric();
        if well_formed
            && !touches_word
            && digits.len() >= 200
            && digits.len() % 2 == 0
            && cut_to(&digits, 2).eq_ignore_ascii_case("30")
        {
            let decoded: Option<Vec<u8>> = (0..digits.len())
                .step_by(2)
                .map(|p| u8::from_str_radix(cut(&digits, p..p + 2), 16).ok())
                .collect();
            if let Some(decoded) = decoded {
                out.push(Base64Run {
                    span: Span::new(start, start + run.len()),
                    bytes: decoded,
                });
            }
        }
    }
    out
}

/// True when two spans share at least one byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The SHA-1 and SHA-256 digests of a DER encoding, in every form people paste them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbprints {
    pub sha1: Vec<u8>,
    pub sha256: Vec<u8>,
}

impl Thumbprints {
    pub fn of(der: &[u8]) -> Self {
        Thumbprints {
            sha1: Sha1::digest(der).to_vec(),
            sha256: Sha256::digest(der).to_vec(),
        }
    }

    /// The JOSE `x5t` value: base64url SHA-1.
    pub fn x5t(&self) -> String {
        b64url(&self.sha1)
    }

    /// The JOSE `x5t#S256` value: base64url SHA-256.
    pub fn x5t_s256(&self) -> String {
        b64url(&self.sha256)
    }

    /// The `customKeyIdentifier` form: standard base64 SHA-1.
    pub fn custom_key_identifier(&self) -> String {
        b64std(&self.sha1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::hex_colon;

    #[test]
    fn pem_blocks_are_found_with_spans_and_labels() {
        let text = "before\n-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\nafter";
        let blocks = pem_blocks(text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label, "CERTIFICATE");
        assert_eq!(blocks[0].der.as_deref(), Some(&[0u8, 1, 2][..]));
        assert!(!blocks[0].truncated);
        assert!(cut(text, blocks[0].span.start..blocks[0].span.end).ends_with("-----"));
    }

    #[test]
    fn truncated_and_json_escaped_pem_blocks_are_read() {
        let cut = "-----BEGIN PUBLIC KEY-----\nAAEC\nAAEC\nthat was all I had";
        let blocks = pem_blocks(cut);
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].truncated);
        let escaped = r#"{"pem":"-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----"}"#;
        let blocks = pem_blocks(escaped);
        assert_eq!(blocks[0].der.as_deref(), Some(&[0u8, 1, 2][..]));
    }

    #[test]
    fn base64_runs_skip_jwt_parts_and_short_runs() {
        let long = format!("MII{}", "A".repeat(120));
        assert_eq!(der_base64_runs(&format!("x {long} y"), 100).len(), 1);
        assert!(der_base64_runs(&format!("eyJ.{long}.abc"), 100).is_empty());
        assert!(der_base64_runs("MIIshort", 100).is_empty());
    }

    #[test]
    fn base64_broken_over_lines_is_joined() {
        let line = format!("MII{}", "A".repeat(61));
        let text = format!(
            "saved .cer:\r\n{line}\r\n  {}\r\nAAAA==\r\nbye",
            "B".repeat(64)
        );
        let runs = der_base64_line_blocks(&text);
        assert_eq!(runs.len(), 1);
        assert!(cut(&text, runs[0].span.start..runs[0].span.end).ends_with("AAAA=="));
        assert!(der_base64_line_blocks(&line).is_empty());
    }

    #[test]
    fn hex_runs_need_der_shape() {
        let hex = format!("3082{}", "00".repeat(120));
        assert_eq!(der_hex_runs(&hex).len(), 1);
        let colon = hex_colon(&[0x30; 120]);
        assert_eq!(der_hex_runs(&colon).len(), 1);
        assert!(der_hex_runs(&"ab".repeat(200)).is_empty());
    }
}
