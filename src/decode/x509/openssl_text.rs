//! `openssl x509 -text -noout` dumps pasted without the certificate: the lines they state.

use crate::report::Span;
use crate::text::{cut, cut_from};

/// One text dump: the lines of interest, as (openssl's name, value), in order.
#[derive(Debug, Clone)]
pub struct OpensslDump {
    pub span: Span,
    pub fields: Vec<(String, String)>,
}

impl OpensslDump {
    /// The value of a line by openssl's name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads openssl's `Jan  1 00:00:00 2035 GMT` dates.
pub fn openssl_date(value: &str) -> Option<i64> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [mon, day, clock, year, ..] = parts[..] else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = MONTHS
        .iter()
        .position(|m| mon.eq_ignore_ascii_case(m))
        .and_then(|m| u8::try_from(m + 1).ok())?;
    let date = time::Date::from_calendar_date(
        year.parse().ok()?,
        time::Month::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()?;
    let hms: Vec<i64> = clock.split(':').filter_map(|p| p.parse().ok()).collect();
    let [h, m, s] = hms[..] else {
        return None;
    };
    // A clock out of range (a cut or mangled dump) is no time; it must not overflow either.
    if !(0..24).contains(&h) || !(0..60).contains(&m) || !(0..61).contains(&s) {
        return None;
    }
    Some(date.midnight().assume_utc().unix_timestamp() + h * 3600 + m * 60 + s)
}

/// Finds `openssl x509 -text -noout` dumps (no PEM after them) and reads what they state.
pub fn find(text: &str, pem_spans: &[Span]) -> Vec<OpensslDump> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = cut_from(text, from).find("Certificate:") {
        let start = from + rel;
        from = start + 12;
        let rest = cut_from(text, from);
        if !rest.trim_start().starts_with("Data:") {
            continue;
        }
        // The dump ends at the next unindented line that is not part of it.
        let mut end = from;
        for line in rest.split_inclusive('\n') {
            let indented = line.starts_with([' ', '\t']) || line.trim().is_empty();
            if !indented && end > from {
                break;
            }
            end += line.len();
        }
        let body = cut(text, start..end);
        if pem_spans
            .iter()
            .any(|p| p.start >= end && p.start < end + 4)
        {
            // openssl x509 -text without -noout prints the PEM right after: that is decoded instead.
            continue;
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        let lines: Vec<&str> = body.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            let Some((name, value)) = t.split_once(':') else {
                continue;
            };
            let name = name.trim();
            let value = value.trim();
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            let wanted = match name {
                "Serial Number" if value.is_empty() => Some(next.to_string()),
                "Serial Number"
                | "Issuer"
                | "Subject"
                | "Not Before"
                | "Not After"
                | "Public Key Algorithm"
                | "Signature Algorithm" => Some(value.to_string()),
                "Public-Key" | "RSA Public-Key" => Some(value.trim_matches(['(', ')']).to_string()),
                "X509v3 Subject Alternative Name" => Some(next.to_string()),
                _ => None,
            };
            if let Some(v) = wanted.filter(|v| !v.is_empty()) {
                if !fields.iter().any(|(n, _)| n == name) {
                    fields.push((name.to_string(), v));
                }
            }
        }
        out.push(OpensslDump {
            span: Span::new(start, end),
            fields,
        });
        from = end.max(from);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dump_is_read_and_its_dates_parsed() {
        let text = "Certificate:\n    Data:\n        Subject: CN=a\n        Not After : Jan  1 00:00:00 2035 GMT\nend";
        let dumps = find(text, &[]);
        assert_eq!(dumps.len(), 1);
        assert_eq!(dumps[0].get("Subject"), Some("CN=a"));
        assert_eq!(
            openssl_date("Jan  1 00:00:00 2035 GMT"),
            Some(2_051_222_400)
        );
    }

    #[test]
    fn a_mangled_clock_is_no_date_and_does_not_overflow() {
        // Found by fuzzing: a minute field of twenty digits overflowed the multiplication.
        assert_eq!(
            openssl_date("Jan  1 00:222222222222222200:00 2020 GMT"),
            None
        );
        assert_eq!(openssl_date("Jan  1 24:00:00 2020 GMT"), None);
    }
}
