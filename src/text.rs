//! Small text helpers shared by the decoders: lenient base64, times, GUIDs, quote and escape clean-up.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;
use time::OffsetDateTime;

/// The largest char boundary of `s` at or below `at` (the end of `s` when `at` is past it).
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The part of `s` in `range`, both ends moved down to a char boundary and kept inside `s`; empty
/// when the range is reversed. Every byte-offset cut of text goes through this or its two kin.
pub fn cut(s: &str, range: std::ops::Range<usize>) -> &str {
    let start = floor_boundary(s, range.start);
    let end = floor_boundary(s, range.end);
    s.get(start..end.max(start)).unwrap_or_default()
}

/// The part of `s` from `start` to its end, `start` moved down to a char boundary.
pub fn cut_from(s: &str, start: usize) -> &str {
    cut(s, start..s.len())
}

/// The part of `s` before `end`, `end` moved down to a char boundary.
pub fn cut_to(s: &str, end: usize) -> &str {
    cut(s, 0..end)
}

/// Up to `radius` bytes of `s` on each side of `at`, cut at char boundaries.
pub fn window(s: &str, at: usize, radius: usize) -> &str {
    cut(s, at.saturating_sub(radius)..at.saturating_add(radius))
}

/// Decodes base64 or base64url, with or without `=` padding, ignoring white space inside.
pub fn b64_decode_lenient(input: &str) -> Option<Vec<u8>> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .collect();
    if cleaned.is_empty() {
        return Some(Vec::new());
    }
    if cleaned.contains(['-', '_']) || !cleaned.contains(['+', '/']) {
        let url: String = cleaned
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                other => other,
            })
            .collect();
        URL_SAFE_NO_PAD.decode(url.as_bytes()).ok()
    } else {
        STANDARD_NO_PAD.decode(cleaned.as_bytes()).ok()
    }
}

/// Encodes bytes as base64url without padding (the JOSE form).
pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Encodes bytes as standard padded base64 (the .NET `ToBase64String` form).
pub fn b64std(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Upper-case hex without separators.
pub fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Upper-case hex with `:` between bytes.
pub fn hex_colon(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// True for a canonical 8-4-4-4-12 hexadecimal GUID.
pub fn is_guid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 36 {
        return false;
    }
    b.iter().enumerate().all(|(i, c)| match i {
        8 | 13 | 18 | 23 => *c == b'-',
        _ => c.is_ascii_hexdigit(),
    })
}

/// Finds every canonical GUID in a text, in order.
pub fn guids_in(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i + 36 <= bytes.len() {
        if s.is_char_boundary(i) && s.is_char_boundary(i + 36) && is_guid(cut(s, i..i + 36)) {
            let before_ok = i == 0 || !bytes[i - 1].is_ascii_hexdigit();
            let after_ok = i + 36 == bytes.len() || !bytes[i + 36].is_ascii_hexdigit();
            if before_ok && after_ok {
                out.push(cut(s, i..i + 36));
                i += 36;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Formats Unix seconds as `2018-09-18 02:16:46 UTC`.
pub fn utc(ts: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(ts) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => format!("{ts} (out of range)"),
    }
}

/// Formats Unix seconds in the user's local offset, e.g. `2018-09-18 04:16:46 (UTC+02:00)`.
pub fn local(ts: i64, offset_minutes: i32) -> String {
    let shifted = ts + i64::from(offset_minutes) * 60;
    let base = utc(shifted);
    let base = base.trim_end_matches(" UTC");
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("{base} local (UTC{sign}{:02}:{:02})", abs / 60, abs % 60)
}

/// A duration in words: `47 minutes`, `2 hours 5 minutes`, `3 days`, `2 years`.
pub fn duration_words(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if s < 60 {
        plural(s, "second")
    } else if s < 3600 {
        plural(s / 60, "minute")
    } else if s < 86_400 {
        let h = s / 3600;
        let m = (s % 3600) / 60;
        if m == 0 {
            plural(h, "hour")
        } else {
            format!("{} {}", plural(h, "hour"), plural(m, "minute"))
        }
    } else if s < 86_400 * 60 {
        plural(s / 86_400, "day")
    } else if s < 86_400 * 730 {
        plural(s / (86_400 * 30), "month")
    } else {
        plural(s / (86_400 * 365), "year")
    }
}

/// `in 12 days` or `3 years ago`, relative to `now`.
pub fn relative(ts: i64, now: i64) -> String {
    if ts == now {
        "now".to_string()
    } else if ts > now {
        format!("in {}", duration_words(ts.saturating_sub(now)))
    } else {
        format!("{} ago", duration_words(now.saturating_sub(ts)))
    }
}

/// Replaces typographic quotes, full-width punctuation and non-breaking spaces with ASCII.
pub fn ascii_punctuation(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{FF02}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{FF07}' => '\'',
            '\u{FF0C}' => ',',
            '\u{FF1B}' => ';',
            '\u{FF1A}' => ':',
            '\u{FF1D}' => '=',
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => ' ',
            '\u{2192}' => ':',
            other => other,
        })
        .collect()
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = &bytes[i + 1..i + 3];
            let parsed = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = parsed {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes the common HTML/XML entities (`&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;`, `&#NN;`).
pub fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(cut_to(rest, pos));
        let after = cut_from(rest, pos);
        let end = after.find(';').filter(|e| *e <= 10);
        let replaced = end.and_then(|e| {
            let name = cut(after, 1..e);
            let ch = match name {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(cut_from(name, 2), 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => {
                    cut_from(name, 1).parse().ok().and_then(char::from_u32)
                }
                _ => None,
            };
            ch.map(|c| (c, e))
        });
        match replaced {
            Some((c, e)) => {
                out.push(c);
                rest = cut_from(after, e + 1);
            }
            None => {
                out.push('&');
                rest = cut_from(after, 1);
            }
        }
    }
    out.push_str(rest);
    out
}

/// Undoes JSON string escapes that survive a copy (`\"`, `\\`, `\r\n`, `\/`, `\uXXXX`).
pub fn json_unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let quoted = format!("\"{}\"", s.replace('\n', "\\n").replace('\r', "\\r"));
    match serde_json::from_str::<String>(&quoted) {
        Ok(v) => v,
        Err(_) => s
            .replace("\\\"", "\"")
            .replace("\\r\\n", "\n")
            .replace("\\n", "\n")
            .replace("\\/", "/"),
    }
}

/// The offset just past the bracket that closes the `{` or `[` at `open`, skipping JSON strings;
/// `None` when it does not close within `max_len` bytes. Decoders use it to cut JSON out of a paste.
pub fn json_end(bytes: &[u8], open: usize, max_len: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = open;
    let limit = bytes.len().min(open.saturating_add(max_len));
    while i < limit {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// Cuts a string to at most `max` characters, adding `…` when it was longer.
pub fn ellipsis(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// Values quoted inside a text with single quotes (`'...'`), in order (an x-ms-diagnostics
/// reason names the audience and the expected values this way).
pub fn quoted_in(reason: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parts: Vec<&str> = reason.split('\'').collect();
    let mut i = 1;
    while i < parts.len() {
        if i + 1 < parts.len() || reason.ends_with('\'') {
            out.push(parts[i].to_string());
        }
        i += 2;
    }
    out
}

/// The whole part of a decimal number written as text (`1700000000`, `1700000000.5`, `1.7e9`,
/// `-5.5`), cut toward zero and held at the ends of `i64` as a float cast would; `None` when the
/// text is not such a number. Integer arithmetic only: the page carries no float parser.
pub fn decimal_whole(s: &str) -> Option<i64> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits {
        return None;
    }
    // Digits before the decimal point once the exponent is applied; the rest are dropped.
    let whole_digits = (int.len() as i64).saturating_add(exponent).max(0);
    let limit = i128::from(i64::MAX) + 1;
    let mut value: i128 = 0;
    let mut digits = int.bytes().chain(frac.bytes());
    for _ in 0..whole_digits.min(40) {
        let digit = digits.next().map_or(0, |d| i128::from(d - b'0'));
        value = (value * 10 + digit).min(limit);
    }
    if whole_digits > 40 && value > 0 {
        value = limit;
    }
    let signed = if negative { -value } else { value };
    Some(signed.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

#[cfg(test)]
mod tests {
    use super::decimal_whole;

    #[test]
    fn decimal_whole_reads_numeric_time_strings_like_a_float_cast() {
        assert_eq!(decimal_whole("1700000000"), Some(1_700_000_000));
        assert_eq!(decimal_whole("1700000000.9"), Some(1_700_000_000));
        assert_eq!(decimal_whole("1.7e9"), Some(1_700_000_000));
        assert_eq!(decimal_whole("17E-1"), Some(1));
        assert_eq!(decimal_whole("-5.5"), Some(-5));
        assert_eq!(decimal_whole(".5"), Some(0));
        assert_eq!(decimal_whole("1e400"), Some(i64::MAX));
        assert_eq!(decimal_whole("-99999999999999999999"), Some(i64::MIN));
        for bad in ["", "abc", "1.2.3", "1e", "--1", "12 34", "１２"] {
            assert_eq!(decimal_whole(bad), None, "{bad}");
        }
    }

    use super::*;

    #[test]
    fn base64_accepts_url_standard_padding_and_spaces() {
        assert_eq!(b64_decode_lenient("eyJhIjoxfQ").unwrap(), b"{\"a\":1}");
        assert_eq!(b64_decode_lenient("eyJhIjoxfQ==").unwrap(), b"{\"a\":1}");
        assert_eq!(b64_decode_lenient("eyJh\n IjoxfQ").unwrap(), b"{\"a\":1}");
        assert_eq!(b64_decode_lenient("+/8=").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(b64_decode_lenient("-_8").unwrap(), vec![0xfb, 0xff]);
        assert!(b64_decode_lenient("a!b").is_none());
    }

    #[test]
    fn times_read_as_people_write_them() {
        assert_eq!(utc(1_537_237_006), "2018-09-18 02:16:46 UTC");
        assert_eq!(local(0, 120), "1970-01-01 02:00:00 local (UTC+02:00)");
        assert_eq!(relative(100, 100 + 7200), "2 hours ago");
        assert_eq!(relative(100 + 47 * 60, 100), "in 47 minutes");
    }

    #[test]
    fn guids_are_found_only_when_whole() {
        assert!(is_guid("00000003-0000-0000-c000-000000000000"));
        assert!(!is_guid("fa15d692-e9c7-4460-a743-29f29522229"));
        let text = "x 00000002-0000-0ff1-ce00-000000000000@contoso.com y";
        assert_eq!(guids_in(text), vec!["00000002-0000-0ff1-ce00-000000000000"]);
    }

    #[test]
    fn cuts_inside_a_multibyte_character_move_to_its_start() {
        // "Größe: 日本" has a two-byte ö and ß and a three-byte 日 and 本.
        let s = "Größe: 日本";
        assert_eq!(cut(s, 0..3), "Gr", "byte 3 is inside the ö");
        assert_eq!(cut(s, 3..9), "öße: ", "start 3 moves back to the ö");
        assert_eq!(cut_from(s, 11), "日本", "byte 11 is inside the 日");
        assert_eq!(cut_to(s, 14), "Größe: 日", "byte 14 is inside the 本");
        let (start, end) = (9, 2);
        assert_eq!(cut(s, start..end), "", "a reversed range is empty");
        assert_eq!(cut_from(s, 1000), "", "past the end is empty");
        assert_eq!(window(s, 11, 2), "日");
        assert_eq!(floor_boundary(s, 10), 9);
    }

    #[test]
    fn json_end_skips_strings_and_nested_brackets() {
        let text = br#"x {"a":"}{\"","b":[1,{"c":2}]} tail"#;
        assert_eq!(json_end(text, 2, 1000), Some(text.len() - 5));
        assert_eq!(
            json_end(b"{\"a\":1", 0, 1000),
            None,
            "an unclosed object has no end"
        );
        assert_eq!(json_end(b"{\"a\":1}", 0, 3), None, "the length limit holds");
    }

    #[test]
    fn escapes_and_entities_are_undone() {
        assert_eq!(html_unescape("a=&quot;b&quot; &amp; &#39;"), "a=\"b\" & '");
        assert_eq!(percent_decode("https%3A%2F%2Fx"), "https://x");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(json_unescape("a\\\"b\\r\\nc"), "a\"b\r\nc");
        assert_eq!(ascii_punctuation("reason=“x”，y"), "reason=\"x\",y");
    }

    #[test]
    fn quoted_values_in_order_without_an_unclosed_one() {
        assert_eq!(quoted_in("expected 'a' got 'b'"), vec!["a", "b"]);
        assert_eq!(quoted_in("value 'a' and 'open"), vec!["a"]);
        assert!(quoted_in("nothing quoted").is_empty());
    }
}
