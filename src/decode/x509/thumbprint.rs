//! Certificate thumbprints pasted as text: labelled lines (PowerShell, certutil, openssl) and the
//! bare spaced hex of the Windows certificate dialog, with the lines printed around them.

use crate::report::Span;

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
        .map(|p| u8::from_str_radix(&digits[p..p + 2], 16).ok())
        .collect()
}

/// Splits `Name : value` (PowerShell Format-List, certutil) or `Name=value` (openssl).
fn name_value(line: &str) -> Option<(String, String)> {
    let cut = line.find([':', '='])?;
    let name = line[..cut].trim();
    if name.is_empty() || name.len() > 40 || name.contains("  ") {
        return None;
    }
    Some((name.to_string(), line[cut + 1..].trim().to_string()))
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

/// The `Name : value` lines printed with the thumbprint: its Format-List block (up to blank
/// lines), or for certutil -dump everything since the `X509 Certificate:` line.
fn context_lines(lines: &[(usize, &str)], at: usize, label: &str) -> Vec<(String, String)> {
    let certutil = label == "cert hash(sha1)";
    let mut first = at;
    while first > 0 {
        let prev = lines[first - 1].1.trim();
        if certutil {
            if prev.eq_ignore_ascii_case("X509 Certificate:") {
                break;
            }
        } else if prev.is_empty() {
            break;
        }
        first -= 1;
    }
    let mut last = at;
    while !certutil && last + 1 < lines.len() && !lines[last + 1].1.trim().is_empty() {
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
            seconds += h * 3600 + m * 60 + parts.get(2).copied().unwrap_or(0);
        }
    }
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

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
