//! Certificate thumbprints pasted as text: labelled lines (PowerShell, certutil, openssl) and the
//! bare spaced hex of the Windows certificate dialog, with the lines printed around them.

use crate::report::Span;
use crate::text::{cut, cut_from, cut_to};

/// Characters that Windows dialogs put around copied text and that break `Cert:\` lookups.
const INVISIBLE: &[char] = &['\u{200e}', '\u{200f}', '\u{feff}', '\u{202a}', '\u{202c}'];

/// Labels of lines that carry a certificate's SHA-1 thumbprint, lower case.
pub const THUMBPRINT_LABELS: &[&str] = &[
    "thumbprint",
    "cert hash(sha1)",
    "certificate thumbprint",
    "sha1 fingerprint",
    "sha1 thumbprint",
    "sha-1 thumbprint",
    "currentcertificatethumbprint",
    "previouscertificatethumbprint",
    "nextcertificatethumbprint",
    "newcertificatethumbprint",
];

/// One SHA-1 thumbprint found as text, with the `Name : value` lines printed around it.
#[derive(Debug, Clone)]
pub struct PastedThumbprint {
    pub span: Span,
    pub sha1: Vec<u8>,
    pub label: String,
    pub had_invisible: bool,
    pub context: Vec<(String, String)>,
}

impl PastedThumbprint {
    /// True for Get-AuthConfig's `*CertificateThumbprint` properties.
    pub fn auth_config_slot(&self) -> Option<&'static str> {
        match self.label.as_str() {
            "currentcertificatethumbprint" => Some("CurrentCertificateThumbprint"),
            "previouscertificatethumbprint" => Some("PreviousCertificateThumbprint"),
            "nextcertificatethumbprint" | "newcertificatethumbprint" => {
                Some("NextCertificateThumbprint")
            }
            _ => None,
        }
    }

    pub fn context_value(&self, name: &str) -> Option<&str> {
        self.context
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads 20 bytes from 40 hex digits, allowing spaces, colons and invisible marks between them.
fn sha1_hex(value: &str) -> Option<Vec<u8>> {
    let digits: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':' && !INVISIBLE.contains(c))
        .collect();
    if digits.len() != 40 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    (0..40)
        .step_by(2)
        .map(|p| u8::from_str_radix(cut(&digits, p..p + 2), 16).ok())
        .collect()
}

/// Splits `Name : value` (PowerShell Format-List, certutil) or `Name=value` (openssl).
fn name_value(line: &str) -> Option<(String, String)> {
    let cut = line.find([':', '='])?;
    let name = cut_to(line, cut).trim();
    if name.is_empty() || name.len() > 40 || name.contains("  ") {
        return None;
    }
    Some((name.to_string(), cut_from(line, cut + 1).trim().to_string()))
}

/// Finds thumbprints pasted as text: labelled lines, and bare spaced hex from the Windows dialog.
pub fn thumbprint_lines(text: &str) -> Vec<PastedThumbprint> {
    let lines: Vec<(usize, &str)> = {
        let mut offset = 0;
        text.split_inclusive('\n')
            .map(|l| {
                let start = offset;
                offset += l.len();
                (start, l)
            })
            .collect()
    };
    let mut out: Vec<PastedThumbprint> = Vec::new();
    for (i, (start, line)) in lines.iter().enumerate() {
        let had_invisible = line.contains(INVISIBLE);
        let clean: String = line.chars().filter(|c| !INVISIBLE.contains(c)).collect();
        let clean = clean.trim();
        let labelled = name_value(clean).and_then(|(name, value)| {
            let lower = name.to_ascii_lowercase();
            THUMBPRINT_LABELS
                .contains(&lower.as_str())
                .then(|| sha1_hex(&value).map(|b| (lower, b)))
                .flatten()
        });
        // A bare line of 20 spaced hex pairs, as the Windows certificate dialog shows it.
        let bare = || {
            let pairs: Vec<&str> = clean.split_whitespace().collect();
            (pairs.len() == 20 && pairs.iter().all(|p| p.len() == 2))
                .then(|| sha1_hex(clean))
                .flatten()
                .map(|b| ("windows certificate dialog".to_string(), b))
        };
        let Some((label, sha1)) = labelled.or_else(bare) else {
            continue;
        };
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + line.trim_end().len());
        let context = context_lines(&lines, i, &label);
        out.push(PastedThumbprint {
            span,
            sha1,
            label,
            had_invisible,
            context,
        });
    }
    out
}

/// The most lines a thumbprint's context reaches back or forward (a certutil dump of one
/// certificate is under a hundred lines).
const MAX_CONTEXT_LINES: usize = 200;

/// The `Name : value` lines printed with the thumbprint: its Format-List block (up to blank
/// lines, or up to a property name seen again, which starts the next object when a listing has
/// no blank lines), or for certutil -dump everything since the `X509 Certificate:` line. Values of
/// secret-bearing names are masked here, so no card can repeat them.
fn context_lines(lines: &[(usize, &str)], at: usize, label: &str) -> Vec<(String, String)> {
    let certutil = label == "cert hash(sha1)";
    let name_of = |i: usize| name_value(lines[i].1.trim()).map(|(n, _)| n.to_ascii_lowercase());
    let mut seen: Vec<String> = name_of(at).into_iter().collect();
    let mut first = at;
    while first > 0 && at - first < MAX_CONTEXT_LINES {
        let prev = lines[first - 1].1.trim();
        if certutil {
            if prev.eq_ignore_ascii_case("X509 Certificate:") {
                break;
            }
        } else if prev.is_empty() || name_of(first - 1).is_some_and(|n| seen.contains(&n)) {
            break;
        } else if let Some(n) = name_of(first - 1) {
            seen.push(n);
        }
        first -= 1;
    }
    let mut last = at;
    while !certutil
        && last + 1 < lines.len()
        && last - at < MAX_CONTEXT_LINES
        && !lines[last + 1].1.trim().is_empty()
    {
        if let Some(n) = name_of(last + 1) {
            if seen.contains(&n) {
                break;
            }
            seen.push(n);
        }
        last += 1;
    }
    let mut out = Vec::new();
    for i in first..=last {
        // certutil indents the details of each item (algorithm OIDs, extension flags, the value of
        // a name printed on the line above) by four spaces; only the items themselves are kept.
        if certutil && (lines[i].1.starts_with("    ") || lines[i].1.starts_with('\t')) {
            continue;
        }
        let Some((name, mut value)) = name_value(lines[i].1.trim()) else {
            continue;
        };
        // certutil prints the name on its own line and the value indented below it.
        if value.is_empty() {
            if let Some((_, next)) = lines.get(i + 1) {
                if next.starts_with([' ', '\t']) {
                    value = next.trim().to_string();
                }
            }
        }
        if !value.is_empty() {
            let value = crate::mask::value_for(&name, &value);
            out.push((name, value));
        }
    }
    out
}

/// Reads the dates PowerShell and certutil print: `6/14/2025 7:12:44 AM`, `2025-06-14 07:12`,
/// `14.06.2025 07:12:44`. Slash dates are read month first unless the first number is over 12.
pub fn loose_date(value: &str) -> Option<i64> {
    let date_part = value.split_whitespace().next()?;
    let nums: Vec<i64> = date_part
        .split(['/', '-', '.'])
        .map(|n| n.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let [a, b, c] = nums[..] else {
        return None;
    };
    let (year, month, day) = if a > 999 {
        (a, b, c)
    } else if date_part.contains('.') || a > 12 {
        (c, b, a)
    } else {
        (c, a, b)
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    let mut seconds = date.midnight().assume_utc().unix_timestamp();
    if let Some(clock) = value.split_whitespace().nth(1) {
        let parts: Vec<i64> = clock.split(':').filter_map(|p| p.parse().ok()).collect();
        if let [h, m, ..] = parts[..] {
            let pm = value.to_ascii_uppercase().contains("PM");
            let h = match (h, pm) {
                (12, false) if value.to_ascii_uppercase().contains("AM") => 0,
                (h, true) if h < 12 => h + 12,
                (h, _) => h,
            };
            // Saturating: a garbled hour field must not overflow (it reads as a far date instead).
            let clock_seconds = h
                .saturating_mul(3600)
                .saturating_add(m.saturating_mul(60))
                .saturating_add(parts.get(2).copied().unwrap_or(0));
            seconds = seconds.saturating_add(clock_seconds);
        }
    }
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_without_blank_lines_keep_each_object_apart_and_secrets_masked() {
        let block = "Thumbprint   : 3F2A9C4E1B7D8E6F5A4B3C2D1E0F9A8B7C6D5E4F\nSubject      : CN=x\nClientSecret : S3cr3tValue!\n";
        let found = thumbprint_lines(&block.repeat(50));
        assert_eq!(found.len(), 50);
        for t in &found {
            assert_eq!(t.context.len(), 3, "{:?}", t.context);
            assert!(t.context.iter().all(|(_, v)| !v.contains("S3cr3tValue!")));
        }
    }

    #[test]
    fn labelled_and_bare_thumbprints_are_found() {
        let hex = "89E178DCBF27932C3F3C41E35AF8FE3E459E6D79";
        let found = thumbprint_lines(&format!("Thumbprint : {hex}\nSubject : CN=x\n"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].context_value("subject"), Some("CN=x"));
        assert!(thumbprint_lines("Thumbprint : 12").is_empty());
        assert_eq!(loose_date("1/2/2025"), loose_date("2025-01-02"));
    }
}
