//! Shared scanning helpers for the header and log decoders: an ASCII-normalised copy of a paste
//! that remembers where every byte came from, and small tolerant parsers for header values.

use crate::report::Span;

/// A normalised copy of a paste: curly and full-width quotes, NBSPs, `&quot;`-style entities and
/// JSON `\"` escapes are turned into plain ASCII, and every byte maps back to the original text.
pub struct Norm {
    pub text: String,
    map: Vec<usize>,
}

/// Entities and escapes that are undone, with what they become.
const REPLACEMENTS: &[(&str, char)] = &[
    ("&quot;", '"'),
    ("&#34;", '"'),
    ("&#x22;", '"'),
    ("&apos;", '\''),
    ("&#39;", '\''),
    ("&#x27;", '\''),
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("\\\"", '"'),
    ("\\/", '/'),
    ("\\u0022", '"'),
    ("\\u0027", '\''),
    ("\\u0026", '&'),
    ("\\u003c", '<'),
    ("\\u003e", '>'),
    ("\\u003d", '='),
    ("\\u002b", '+'),
];

impl Norm {
    /// Builds the normalised copy of `src`.
    pub fn new(src: &str) -> Norm {
        let mut text: Vec<u8> = Vec::with_capacity(src.len());
        let mut map = Vec::with_capacity(src.len() + 1);
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Plain ASCII is copied byte by byte: the common case in megabyte logs.
            if b < 0x80 && b != b'&' && b != b'\\' {
                text.push(b);
                map.push(i);
                i += 1;
                continue;
            }
            if b == b'&' || b == b'\\' {
                let hit = REPLACEMENTS.iter().find(|(pat, _)| {
                    bytes
                        .get(i..i + pat.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(pat.as_bytes()))
                });
                if let Some((pat, ch)) = hit {
                    let mut buf = [0u8; 4];
                    text.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    map.push(i);
                    i += pat.len();
                    continue;
                }
                text.push(b);
                map.push(i);
                i += 1;
                continue;
            }
            let Some(c) = src.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let out = ascii_char(c);
            let mut buf = [0u8; 4];
            let encoded = out.encode_utf8(&mut buf).as_bytes();
            text.extend_from_slice(encoded);
            for _ in 0..encoded.len() {
                map.push(i);
            }
            i += c.len_utf8();
        }
        map.push(src.len());
        // Every pushed piece is a whole UTF-8 character, so this conversion cannot fail.
        let text = String::from_utf8(text).unwrap_or_default();
        Norm { text, map }
    }

    /// The original byte offset of a normalised byte offset.
    pub fn orig(&self, pos: usize) -> usize {
        self.map
            .get(pos)
            .copied()
            .unwrap_or_else(|| *self.map.last().unwrap_or(&0))
    }

    /// The span in the original text of a normalised byte range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.orig(start);
        let e = if end == 0 { s } else { self.orig(end) };
        Span::new(s, e.max(s))
    }
}

/// The ASCII form of one typographic or full-width character.
fn ascii_char(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{FF02}' | '\u{00AB}' | '\u{00BB}'
        | '\u{201F}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{FF07}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{FF0C}' => ',',
        '\u{FF1B}' => ';',
        '\u{FF1A}' => ':',
        '\u{FF1D}' => '=',
        '\u{FF3B}' => '[',
        '\u{FF3D}' => ']',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2002}' | '\u{2003}' | '\u{2009}'
        | '\u{3000}' => ' ',
        '\u{2192}' => ':',
        '\u{2026}' => '…',
        other => other,
    }
}

/// Finds `needle` (ASCII, any case) in `hay` from byte `from`; returns the byte offset.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || from > h.len() || h.len() - from < n.len() {
        return None;
    }
    // A first-byte filter keeps this fast on megabyte logs: most positions fail on one compare.
    let (lo, up) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    let rest = &n[1..];
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        let c = h[i];
        if (c == lo || c == up) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Every offset where `needle` (ASCII, any case) occurs in `hay`.
pub fn find_all_ci(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = find_ci(hay, needle, from) {
        out.push(i);
        from = i + needle.len().max(1);
    }
    out
}

/// The byte offset of the end of the line that holds `pos` (the `\n` or the end of the text).
///
/// Searches bytes, so `pos` may fall inside a multi-byte character; the result is a boundary.
pub fn line_end(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |e| pos + e)
}

/// The byte offset of the start of the line that holds `pos` (a boundary, whatever `pos` is).
pub fn line_start(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    memchr::memrchr(b'\n', &text.as_bytes()[..pos]).map_or(0, |e| e + 1)
}

/// True when the byte before `pos` is not part of a word (so a name starts at `pos`).
pub fn word_start(text: &str, pos: usize) -> bool {
    pos == 0
        || !text.as_bytes()[pos - 1].is_ascii_alphanumeric()
            && !matches!(text.as_bytes()[pos - 1], b'_' | b'-')
}

/// Undoes the IIS log form of a value: `+` for spaces (only when the value has no real spaces)
/// and `%XX` escapes.
pub fn iis_decode(value: &str) -> String {
    iis_decode_cow(value).into_owned()
}

/// `iis_decode`, borrowing the value when there is nothing to undo.
pub fn iis_decode_cow(value: &str) -> std::borrow::Cow<'_, str> {
    let b = value.as_bytes();
    let plus = memchr::memchr(b'+', b).is_some() && !value.trim().contains(' ');
    if !plus && memchr::memchr(b'%', b).is_none() {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut v = value.to_string();
    if plus {
        v = v.replace('+', " ");
    }
    if v.contains('%') {
        v = crate::text::percent_decode(&v);
    }
    std::borrow::Cow::Owned(v)
}

/// Skips spaces and tabs from `pos`.
pub fn skip_ws(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    while pos < b.len() && (b[pos] == b' ' || b[pos] == b'\t' || b[pos] == b'+') {
        pos += 1;
    }
    pos
}

/// Reads a header-name-like token (`[A-Za-z0-9_-]`) starting at `pos`; returns its end.
pub fn token_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut e = pos;
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_' || b[e] == b'-') {
        e += 1;
    }
    e
}

/// How a masked value is shown; the rule itself lives in `crate::mask`.
pub fn mask(secret: &str) -> String {
    crate::mask::masked(secret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::cut;

    #[test]
    fn line_bounds_hold_for_offsets_inside_a_character() {
        let text = "サイン。\nx-ms-diagnostics: 2000003";
        // Byte 4 is inside the second character of the first line.
        assert_eq!(line_start(text, 4), 0);
        assert_eq!(line_end(text, 4), text.find('\n').unwrap());
        assert_eq!(line_start(text, text.len()), text.find('x').unwrap());
    }

    #[test]
    fn norm_maps_quotes_and_entities_back() {
        let src = "a=“x” &quot;y&quot; \\\"z\\\"";
        let n = Norm::new(src);
        assert_eq!(n.text, "a=\"x\" \"y\" \"z\"");
        let p = n.text.find('y').unwrap();
        let sp = n.span(p, p + 1);
        assert_eq!(cut(src, sp.start..sp.end), "y");
        let sp = n.span(0, n.text.len());
        assert_eq!(sp.end, src.len());
    }

    #[test]
    fn helpers_behave() {
        assert_eq!(find_ci("Hello WORLD", "world", 0), Some(6));
        assert_eq!(find_all_ci("aXax", "a"), vec![0, 2]);
        assert_eq!(iis_decode("a+b+c"), "a b c");
        assert_eq!(iis_decode("a+b c"), "a+b c");
        assert!(!mask("supersecretvalue").contains("secret"));
        assert_eq!(line_end("ab\ncd", 0), 2);
        assert_eq!(line_start("ab\ncd", 4), 3);
    }
}
