//! Layouts of the lines under a header (IIS `#Fields`, Exchange CSV `DateTime,...`): where the
//! status sits, and the cheap test that tells a successful request from one worth reading in full.

use crate::decode::logs::exchange_csv;

/// The field names in force and where the fields that decide a failure sit.
#[derive(Debug, Clone)]
pub enum Layout {
    /// No header seen: lines are text (a headerless IIS line is still read with the default set).
    Text,
    Iis(Iis),
    Csv(Csv),
}

#[derive(Debug, Clone)]
pub struct Iis {
    pub names: Vec<String>,
    /// Where the fields a failure record reads sit, found once per `#Fields` line.
    pub at: IisFields,
}

/// Positions of the fields a failure record reads (`None` when the log lacks one).
#[derive(Debug, Clone, Default)]
pub struct IisFields {
    pub date: Option<usize>,
    pub time: Option<usize>,
    pub method: Option<usize>,
    pub stem: Option<usize>,
    pub user: Option<usize>,
    pub agent: Option<usize>,
    pub status: Option<usize>,
    pub substatus: Option<usize>,
    pub win32: Option<usize>,
    /// Custom fields that log an x-ms-diagnostics header (by the header table).
    pub diagnostics: Vec<usize>,
}

impl IisFields {
    fn new(names: &[String]) -> IisFields {
        let at = |n: &str| index_of(names, n);
        IisFields {
            date: at("date"),
            time: at("time"),
            method: at("cs-method"),
            stem: at("cs-uri-stem"),
            user: at("cs-username"),
            agent: at("cs(User-Agent)"),
            status: at("sc-status"),
            substatus: at("sc-substatus"),
            win32: at("sc-win32-status"),
            diagnostics: names
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    matches!(
                        crate::knowledge::headers::reader(n),
                        Some(crate::knowledge::headers::HeaderReader::Diagnostics { .. })
                    )
                })
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Csv {
    pub names: Vec<String>,
    status: Option<usize>,
    backend: Option<usize>,
    /// Fields whose non-empty value marks a failure (`ErrorCode`, `AuthenticationErrors`).
    error_text: Vec<usize>,
    /// `GenericErrors`: a failure when it holds `reason=`.
    generic: Option<usize>,
}

/// What the cheap test says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A log line whose status is below 400 (and no error field is filled).
    Success,
    /// A log line that may have failed: read it in full.
    Candidate,
    /// Not a log line of the layout in force.
    Text,
}

fn index_of(names: &[String], name: &str) -> Option<usize> {
    names.iter().position(|n| n.eq_ignore_ascii_case(name))
}

impl Layout {
    /// The layout a header line starts, if it is one (`#Fields:` of IIS or Exchange, or an
    /// Exchange CSV header without `#Fields:`).
    pub fn from_header(line: &[u8]) -> Option<Layout> {
        let text = std::str::from_utf8(line).ok()?;
        if let Some(names) = exchange_csv::exchange_header(text) {
            let error_text = ["ErrorCode", "AuthenticationErrors"]
                .iter()
                .filter_map(|n| index_of(&names, n))
                .collect();
            return Some(Layout::Csv(Csv {
                status: index_of(&names, "HttpStatus"),
                backend: index_of(&names, "BackEndStatus"),
                generic: index_of(&names, "GenericErrors"),
                error_text,
                names,
            }));
        }
        let fields = text.trim_start().strip_prefix("#Fields:")?;
        let names: Vec<String> = fields.split_whitespace().map(str::to_string).collect();
        Some(Layout::Iis(Iis {
            at: IisFields::new(&names),
            names,
        }))
    }

    /// The cheap test: finds the status field without reading the rest of the line.
    pub fn classify(&self, line: &[u8], ranges: &mut Vec<(usize, usize)>) -> LineKind {
        match self {
            Layout::Text => {
                if starts_with_date(line) {
                    LineKind::Candidate
                } else {
                    LineKind::Text
                }
            }
            Layout::Iis(iis) => {
                let Some(status) = iis.at.status else {
                    return LineKind::Text;
                };
                match nth_field(line, status, iis.names.len()) {
                    Some(s) if is_success(s) => LineKind::Success,
                    Some(_) => LineKind::Candidate,
                    None => LineKind::Text,
                }
            }
            Layout::Csv(csv) => csv.classify(line, ranges),
        }
    }
}

impl Csv {
    fn classify(&self, line: &[u8], ranges: &mut Vec<(usize, usize)>) -> LineKind {
        csv_ranges(line, ranges);
        if ranges.len() + 2 < self.names.len() || ranges.len() > self.names.len() + 2 {
            return LineKind::Text;
        }
        let field = |i: Option<usize>| {
            i.and_then(|i| ranges.get(i))
                .and_then(|&(s, e)| line.get(s..e))
                .unwrap_or_default()
        };
        let bad_status = |v: &[u8]| !v.is_empty() && !is_success(v.trim_ascii());
        let failed = bad_status(field(self.status))
            || bad_status(field(self.backend))
            || self
                .error_text
                .iter()
                .any(|&i| !field(Some(i)).trim_ascii().is_empty())
            || memchr::memmem::find(field(self.generic), b"reason=").is_some();
        if failed {
            LineKind::Candidate
        } else {
            LineKind::Success
        }
    }
}

/// A status below 400: three digits starting with 1, 2 or 3.
fn is_success(status: &[u8]) -> bool {
    status.len() == 3
        && matches!(status.first(), Some(b'1'..=b'3'))
        && status.iter().all(u8::is_ascii_digit)
}

/// The `index`-th of `count` space-separated fields, hopping from the nearer end of the line;
/// `None` when the line has too few separators for it.
pub fn nth_field(line: &[u8], index: usize, count: usize) -> Option<&[u8]> {
    if index >= count {
        return None;
    }
    let from_end = count - 1 - index;
    if index <= from_end {
        let mut start = 0;
        for _ in 0..index {
            start += memchr::memchr(b' ', line.get(start..)?)? + 1;
        }
        let end = memchr::memchr(b' ', line.get(start..)?).map_or(line.len(), |e| start + e);
        line.get(start..end)
    } else {
        // The fields after the status are short (substatus, win32 status, time taken, custom
        // fields), so a backward walk eight bytes at a time beats a vector search that starts
        // over for each field.
        let mut end = line.len();
        let mut seen = 0;
        let mut pos = line.len();
        while let Some(word) = pos
            .checked_sub(8)
            .and_then(|start| line.get(start..pos))
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let mut spaces = spaces_in(u64::from_le_bytes(word));
            // One flag bit per byte: a multiply sums the flags into the top byte, cheaper than
            // `count_ones` on x86-64 builds without the POPCNT instruction.
            let count = ((spaces >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
            if seen + count <= from_end {
                // The field starts before this word: pass its spaces at once.
                if count > 0 {
                    end = pos - 8 + spaces.trailing_zeros() as usize / 8;
                    seen += count;
                }
                pos -= 8;
                continue;
            }
            // The field starts in this word: pass the spaces after it, from the last one back.
            while seen < from_end {
                let byte = (63 - spaces.leading_zeros() as usize) / 8;
                end = pos - 8 + byte;
                seen += 1;
                spaces &= !(0x80 << (byte * 8));
            }
            let byte = (63 - spaces.leading_zeros() as usize) / 8;
            return line.get(pos - 8 + byte + 1..end);
        }
        while pos > 0 {
            pos -= 1;
            if line.get(pos) == Some(&b' ') {
                if seen == from_end {
                    return line.get(pos + 1..end);
                }
                seen += 1;
                end = pos;
            }
        }
        (seen == from_end).then(|| line.get(..end)).flatten()
    }
}

/// The spaces among the eight bytes of a word (little-endian), as the high bit of each byte that
/// is one; exact, since no carry crosses from one byte into the next.
fn spaces_in(word: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ 0x2020_2020_2020_2020;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The byte ranges of the space-separated fields of an IIS line (runs of spaces count as one),
/// into `out`.
pub fn space_ranges(line: &[u8], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    for sp in memchr::memchr_iter(b' ', line) {
        if sp > start {
            out.push((start, sp));
        }
        start = sp + 1;
    }
    if line.len() > start {
        out.push((start, line.len()));
    }
}

/// The byte ranges of the values of a CSV line (double quotes, `""` inside quotes), into `out`.
pub fn csv_ranges(line: &[u8], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    loop {
        let start = i;
        if line.get(i) == Some(&b'"') {
            i += 1;
            let mut close = line.len();
            while i < line.len() {
                match memchr::memchr(b'"', line.get(i..).unwrap_or_default()) {
                    Some(q) if line.get(i + q + 1) == Some(&b'"') => i += q + 2,
                    Some(q) => {
                        close = i + q;
                        i = close + 1;
                        break;
                    }
                    None => i = line.len(),
                }
            }
            out.push((start + 1, close.max(start + 1)));
            let end = memchr::memchr(b',', line.get(i..).unwrap_or_default());
            i = end.map_or(line.len(), |e| i + e);
        } else {
            i = memchr::memchr(b',', line.get(i..).unwrap_or_default())
                .map_or(line.len(), |e| i + e);
            out.push((start, i));
        }
        if i >= line.len() {
            break;
        }
        i += 1;
    }
}

/// True when the line starts with `YYYY-MM-DD`.
pub fn starts_with_date(line: &[u8]) -> bool {
    line.len() >= 10
        && line.get(4) == Some(&b'-')
        && line.get(7) == Some(&b'-')
        && line
            .iter()
            .take(10)
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_field_is_found_from_either_end() {
        let line = b"2024-05-02 10:00:01 GET /ews/ - 401 1 5 12 x";
        assert_eq!(nth_field(line, 5, 10), Some(&b"401"[..]));
        assert_eq!(nth_field(line, 8, 10), Some(&b"12"[..]));
        assert_eq!(nth_field(line, 0, 10), Some(&b"2024-05-02"[..]));
        assert_eq!(nth_field(b"a b", 5, 10), None);
    }

    #[test]
    fn the_word_walk_finds_the_same_field_as_a_plain_split() {
        let line = b"2024-05-02 10:00:01 10.0.0.5 GET /ews/exchange.asmx - 443 CONTOSO\\ann 10.0.1.9 Mozilla/5.0+(Windows) - 401 1 2148074254 15 Bearer+error=\"x\" 2000008;reason=\"a+b\"";
        let fields: Vec<&[u8]> = line.split(|&c| c == b' ').collect();
        for cut in 0..line.len() {
            let part = &line[..cut];
            let parts: Vec<&[u8]> = part.split(|&c| c == b' ').collect();
            for (index, want) in parts.iter().enumerate() {
                assert_eq!(
                    nth_field(part, index, parts.len()),
                    Some(*want),
                    "{index} of {cut}"
                );
            }
        }
        assert_eq!(nth_field(line, 11, fields.len()), Some(&b"401"[..]));
        assert_eq!(
            spaces_in(u64::from_le_bytes(*b" a\xa0 \x80b  ")),
            0x8080_0000_8000_0080
        );
    }

    #[test]
    fn csv_values_keep_quoted_commas_together() {
        let mut r = Vec::new();
        let line = b"a,\"b,\"\"c\"\"\",,d";
        csv_ranges(line, &mut r);
        let vals: Vec<&[u8]> = r.iter().map(|&(s, e)| &line[s..e]).collect();
        assert_eq!(vals, [&b"a"[..], b"b,\"\"c\"\"", b"", b"d"]);
    }

    #[test]
    fn only_statuses_below_400_are_successes() {
        assert!(is_success(b"200") && is_success(b"302"));
        assert!(!is_success(b"401") && !is_success(b"-") && !is_success(b"2000"));
    }
}
