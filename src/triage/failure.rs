//! One failed request as triage records it: read in full from a candidate log line with the log
//! readers of `decode::logs`, or from a text line that names an AADSTS code or an x-ms-diagnostics
//! value; the line it came from is kept with secrets masked.
//!
//! A failure is counted from a `Record` that borrows its fields from the line where it can; the
//! owned `Failure` is made only where records are kept (`--ndjson`). Logged x-ms-diagnostics values
//! repeat, so each distinct value is parsed once (`Diagnostics`).

use super::layout::{self, Iis, Layout};
use super::time;
use crate::decode::http::xms_diagnostics;
use crate::decode::logs::row::LogRow;
use crate::decode::logs::{exchange_csv, iis};
use crate::decode::tokens::compact::{self, Compact};
use crate::knowledge::headers::HeaderReader;
use crate::knowledge::{exchange_paths, user_agents};
use crate::report::Severity;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// The longest example line kept, in characters.
const MAX_TEXT: usize = 2000;
/// The window of a text line read for an x-ms-diagnostics value: bytes before and after `reason=`.
const TEXT_BEFORE: usize = 512;
const TEXT_AFTER: usize = 4096;

/// `at`, or the nearest character boundary below it, at most the text's length.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// An x-ms-diagnostics value as a failure carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// One failed request (or one text line naming an error).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The line number in its input, from 1.
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substatus: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub win32: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The Exchange protocol behind the path, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// The client behind the user agent, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<&'static str>,
    /// `appid` (or `azp`) of a token in the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnostic: Option<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aadsts: Option<u32>,
    /// The table prefixes the endpoint and the client were recognised by (group keys).
    #[serde(skip)]
    pub known: Known,
    /// The line, secrets masked, cut at 2,000 characters (filled only where records are kept).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The knowledge-table prefixes of a failure's path and user agent, looked up once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Known {
    pub endpoint: Option<&'static str>,
    pub client: Option<&'static str>,
}

/// A failure as triage counts it: the fields of `Failure`, borrowed from the line where they can
/// be (`to_failure` makes the owned record).
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub line: u64,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub time: Option<Cow<'a, str>>,
    pub severity: Severity,
    pub status: Option<u16>,
    pub substatus: Option<u16>,
    pub win32: Option<u32>,
    pub method: Option<Cow<'a, str>>,
    pub path: Option<Cow<'a, str>>,
    pub endpoint: Option<&'static str>,
    pub user: Option<Cow<'a, str>>,
    pub user_agent: Option<Cow<'a, str>>,
    pub client: Option<&'static str>,
    pub app_id: Option<String>,
    pub diagnostic: Option<Arc<Diagnostic>>,
    pub aadsts: Option<u32>,
    pub known: Known,
}

impl Record<'_> {
    /// The owned failure record (without its text, which the caller fills).
    pub fn to_failure(&self) -> Failure {
        let own = |v: &Option<Cow<'_, str>>| v.as_deref().map(str::to_string);
        Failure {
            line: self.line,
            time: own(&self.time),
            severity: self.severity,
            status: self.status,
            substatus: self.substatus,
            win32: self.win32,
            method: own(&self.method),
            path: own(&self.path),
            endpoint: self.endpoint,
            user: own(&self.user),
            user_agent: own(&self.user_agent),
            client: self.client,
            app_id: self.app_id.clone(),
            diagnostic: self.diagnostic.as_deref().cloned(),
            aadsts: self.aadsts,
            known: self.known,
            text: String::new(),
        }
    }
}

/// Distinct values of logged x-ms-diagnostics fields, each parsed once.
#[derive(Debug, Default)]
pub struct Diagnostics {
    parsed: HashMap<String, Option<Arc<Diagnostic>>>,
}

/// Distinct x-ms-diagnostics values remembered; the memory starts over past this many.
const DIAGNOSTICS_KEPT: usize = 256;

impl Diagnostics {
    /// The diagnostic of a logged field value (IIS `+`/`%XX` form), `None` when it holds none.
    fn of_iis_field(&mut self, raw: &str) -> Option<Arc<Diagnostic>> {
        if let Some(d) = self.parsed.get(raw) {
            return d.clone();
        }
        let d = parse_diagnostic(&crate::textmap::iis_decode(raw)).map(Arc::new);
        if self.parsed.len() >= DIAGNOSTICS_KEPT {
            self.parsed.clear();
        }
        self.parsed.insert(raw.to_string(), d.clone());
        d
    }
}

/// The x-ms-diagnostics value of a logged field (decoded), when it names a code or a reason.
fn parse_diagnostic(v: &str) -> Option<Diagnostic> {
    exchange_csv::embedded_diagnostics(v)
        .map(|(_, d)| d)
        .or_else(|| xms_diagnostics::parse_value(v))
        .filter(|d| d.code.is_some() || d.reason().is_some())
        .map(|d| diagnostic(&d))
}

/// Searchers built once for the needles every failure line is searched for.
fn finder(needle: &'static str) -> &'static memchr::memmem::Finder<'static> {
    use std::sync::OnceLock;
    static AADSTS: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static TOKEN: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static REASON: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let cell = match needle {
        "AADSTS" => &AADSTS,
        "eyJ" => &TOKEN,
        _ => &REASON,
    };
    cell.get_or_init(|| memchr::memmem::Finder::new(needle))
}

/// What a candidate line turned out to be.
pub enum Read<'a> {
    /// A request of the log; a failure or not.
    Request(Option<Record<'a>>),
    /// Not a line of the log: read as text.
    Text(Option<Record<'a>>),
}

/// Reads a candidate line (its cheap test said it may have failed) in full. `ranges` is a
/// reused buffer for the field positions.
pub fn read<'a>(
    layout: &Layout,
    line: &'a str,
    number: u64,
    ranges: &mut Vec<(usize, usize)>,
    diagnostics: &mut Diagnostics,
) -> Read<'a> {
    let facts = match layout {
        Layout::Iis(l) if memchr::memchr(b'\t', line.as_bytes()).is_none() => {
            iis_facts(l, line, ranges, diagnostics)
        }
        Layout::Text => iis::line_row(None, line, 0).map(|r| Facts::of_row(&r)),
        Layout::Iis(l) => iis::line_row(Some(&l.names), line, 0).map(|r| Facts::of_row(&r)),
        Layout::Csv(l) => match exchange_csv::line_row(&l.names, line, 0) {
            Some(r) if !r.failed => return Read::Request(None),
            Some(r) => Some(Facts::of_row(&r.row)).map(|mut f| {
                f.csv = true;
                f
            }),
            None => None,
        },
    };
    match facts {
        Some(f) if f.status >= 400 || f.csv => Read::Request(Some(f.failure(line, number))),
        Some(_) => Read::Request(None),
        None => Read::Text(from_text(line, number)),
    }
}

/// The facts of a log line a failure record is made of, borrowed from the line where they can be.
#[derive(Default)]
struct Facts<'a> {
    time: Option<Cow<'a, str>>,
    status: u16,
    substatus: Option<u16>,
    win32: Option<u32>,
    method: Option<Cow<'a, str>>,
    path: Option<Cow<'a, str>>,
    user: Option<Cow<'a, str>>,
    user_agent: Option<Cow<'a, str>>,
    /// The first logged x-ms-diagnostics value that names a code or a reason.
    diagnostic: Option<Arc<Diagnostic>>,
    /// An Exchange CSV row (the reader already decided that it failed).
    csv: bool,
}

/// Reads the fields of an IIS line by their positions, without a record of every field; `None`
/// when the field count differs from the `#Fields` line or the status is not a number.
fn iis_facts<'a>(
    l: &Iis,
    line: &'a str,
    ranges: &mut Vec<(usize, usize)>,
    diagnostics: &mut Diagnostics,
) -> Option<Facts<'a>> {
    layout::space_ranges(line.as_bytes(), ranges);
    if ranges.len() != l.names.len() {
        return None;
    }
    let range = |i: Option<usize>| i.and_then(|i| ranges.get(i)).copied();
    let get = |i: Option<usize>| range(i).and_then(|(s, e)| line.get(s..e));
    let own = |i: Option<usize>| get(i).filter(|v| *v != "-").map(Cow::Borrowed);
    let time = match (range(l.at.date), range(l.at.time)) {
        (Some(d), Some(t)) => iis_time(line, d, t),
        _ => None,
    };
    let status = get(l.at.status)?.parse().ok()?;
    let diagnostic =
        l.at.diagnostics
            .iter()
            .filter_map(|&i| get(Some(i)))
            .filter(|v| *v != "-")
            .find_map(|v| diagnostics.of_iis_field(v));
    Some(Facts {
        time,
        status,
        substatus: get(l.at.substatus).map(|s| s.parse().unwrap_or(0)),
        win32: get(l.at.win32).and_then(|s| s.parse().ok()),
        method: own(l.at.method),
        path: own(l.at.stem),
        user: get(l.at.user).map(Cow::Borrowed),
        user_agent: get(l.at.agent)
            .filter(|v| *v != "-")
            .map(crate::textmap::iis_decode_cow),
        diagnostic,
        csv: false,
    })
}

/// The time of an IIS line from its `date` and `time` fields (byte ranges): borrowed from the line
/// when the two fields are `YYYY-MM-DD HH:MM:SS` with one space between, else normalised.
fn iis_time<'a>(line: &'a str, date: (usize, usize), time: (usize, usize)) -> Option<Cow<'a, str>> {
    let (d, t) = (line.get(date.0..date.1)?, line.get(time.0..time.1)?);
    let clock = |b: &[u8]| {
        b.len() == 8
            && b.iter().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    *c == b':'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    if d.len() == 10
        && layout::starts_with_date(d.as_bytes())
        && clock(t.as_bytes())
        && time.0 == date.1 + 1
    {
        return line.get(date.0..time.1).map(Cow::Borrowed);
    }
    time::normalise(&format!("{d} {t}"), false).map(Cow::Owned)
}

impl<'a> Facts<'a> {
    fn of_row(row: &LogRow) -> Facts<'a> {
        Facts {
            time: row
                .time
                .as_deref()
                .and_then(|t| time::normalise(t, false))
                .map(Cow::Owned),
            status: row.status,
            substatus: row.get("sc-substatus").map(|_| row.substatus),
            win32: row.win32,
            method: row.method.clone().map(Cow::Owned),
            path: row.path.clone().filter(|p| p != "-").map(Cow::Owned),
            user: row.user.clone().map(Cow::Owned),
            user_agent: row.user_agent.clone().filter(|u| u != "-").map(Cow::Owned),
            diagnostic: row
                .headers
                .iter()
                .filter(|h| matches!(h.kind, HeaderReader::Diagnostics { .. }))
                .find_map(|h| parse_diagnostic(&h.value))
                .map(Arc::new),
            csv: false,
        }
    }

    /// The failure record.
    fn failure(self, line: &str, number: u64) -> Record<'a> {
        let diagnostic = self.diagnostic;
        let aadsts = aadsts_in(line);
        let severity = if self.status >= 500 || diagnostic.is_some() || aadsts.is_some() {
            Severity::Error
        } else {
            Severity::Warning
        };
        let endpoint = self.path.as_deref().and_then(exchange_paths::path);
        let client = self.user_agent.as_deref().and_then(user_agents::client);
        Record {
            line: number,
            time: self.time,
            severity,
            status: (self.status != 0).then_some(self.status),
            substatus: self.substatus,
            win32: self.win32,
            method: self.method,
            endpoint: endpoint.map(|p| p.protocol),
            path: self.path,
            user: self.user.filter(|u| !u.is_empty()),
            client: client.map(|a| a.client),
            user_agent: self.user_agent.filter(|u| !u.is_empty()),
            app_id: token_app_id(line),
            diagnostic,
            aadsts,
            known: Known {
                endpoint: endpoint.map(|p| p.prefix),
                client: client.map(|a| a.prefix),
            },
        }
    }
}

/// True when a text line may name an error worth a record (cheap test before `from_text`).
pub fn worth_reading_as_text(line: &[u8]) -> bool {
    finder("AADSTS").find(line).is_some() || finder("reason=").find(line).is_some()
}

/// A record from a text line that names an AADSTS code or an x-ms-diagnostics value.
pub fn from_text(line: &str, number: u64) -> Option<Record<'static>> {
    let aadsts = aadsts_in(line);
    // The value is read from a window around the first `reason=`, so that a hostile line of
    // many megabytes costs no more than a log line.
    let diagnostic = finder("reason=")
        .find(line.as_bytes())
        .and_then(|at| {
            let start = floor_boundary(line, at.saturating_sub(TEXT_BEFORE));
            let end = floor_boundary(line, at.saturating_add(TEXT_AFTER));
            xms_diagnostics::find(line.get(start..end)?)
                .into_iter()
                .next()
        })
        .map(|f| Arc::new(diagnostic(&f.diag)));
    if aadsts.is_none() && diagnostic.is_none() {
        return None;
    }
    let time = time::line_start_time(line.as_bytes())
        .map(|t| Cow::Owned(String::from_utf8_lossy(&t).into_owned()));
    Some(Record {
        line: number,
        time,
        severity: Severity::Error,
        status: None,
        substatus: None,
        win32: None,
        method: None,
        path: None,
        endpoint: None,
        user: None,
        user_agent: None,
        client: None,
        app_id: token_app_id(line),
        diagnostic,
        aadsts,
        known: Known::default(),
    })
}

fn diagnostic(d: &xms_diagnostics::Diag) -> Diagnostic {
    Diagnostic {
        code: d.code,
        reason: d.reason().map(|r| crate::text::ellipsis(r.trim(), 300)),
        category: d.category().map(str::to_string),
    }
}

/// The first `AADSTS<digits>` code in a line.
fn aadsts_in(line: &str) -> Option<u32> {
    finder("AADSTS").find_iter(line.as_bytes()).find_map(|at| {
        let digits = line.get(at + 6..)?;
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        (1..=9)
            .contains(&end)
            .then(|| digits.get(..end)?.parse().ok())
            .flatten()
    })
}

/// The characters a compact token is made of.
fn token_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.')
}

/// The byte ranges of the compact tokens (`eyJ...` with two dots or more) in a line.
fn token_ranges(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for at in finder("eyJ").find_iter(b) {
        if out.last().is_some_and(|&(_, e)| at < e) {
            continue;
        }
        let end = b
            .get(at..)
            .unwrap_or_default()
            .iter()
            .position(|&c| !token_char(c))
            .map_or(b.len(), |p| at + p);
        let dots = b
            .get(at..end)
            .unwrap_or_default()
            .iter()
            .filter(|&&c| c == b'.')
            .count();
        if dots >= 2 {
            out.push((at, end));
        }
    }
    out
}

/// `appid` (v1) or `azp` (v2) of the first token in the line that decodes.
fn token_app_id(line: &str) -> Option<String> {
    token_ranges(line).into_iter().find_map(|(s, e)| {
        match compact::decode(line.get(s..e)?, false)? {
            Compact::Jws(token) => token.claims.appid.clone(),
            Compact::Jwe(_) => None,
        }
    })
}

/// The line with tokens and the values of secret-bearing parameters masked, cut to `MAX_TEXT`.
pub fn masked_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len().min(MAX_TEXT + 8));
    let mut last = 0;
    for (s, e) in token_ranges(line) {
        mask_params(line.get(last..s).unwrap_or_default(), &mut out);
        out.push_str(&crate::mask::masked(line.get(s..e).unwrap_or_default()));
        last = e;
    }
    mask_params(line.get(last..).unwrap_or_default(), &mut out);
    if out.len() <= MAX_TEXT {
        // No more bytes than the limit means no more characters either.
        return out;
    }
    crate::text::ellipsis(&out, MAX_TEXT)
}

/// Masks secret `name=value` parameters in each space- or comma-separated piece, onto `out`.
fn mask_params(text: &str, out: &mut String) {
    let piece = |p: &str, out: &mut String| {
        if p.contains('=') {
            out.push_str(&crate::mask::query(p));
        } else {
            out.push_str(p);
        }
    };
    let mut start = 0;
    for (at, sep) in text.match_indices([' ', ',']) {
        piece(text.get(start..at).unwrap_or_default(), out);
        out.push_str(sep);
        start = at + sep.len();
    }
    piece(text.get(start..).unwrap_or_default(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aadsts_codes_are_read_from_text() {
        assert_eq!(
            aadsts_in("error: AADSTS700016: app not found"),
            Some(700016)
        );
        assert_eq!(aadsts_in("AADSTS: nothing"), None);
    }

    #[test]
    fn the_app_of_a_token_in_the_line_is_read_and_the_token_masked() {
        let b64 = |s: &str| crate::text::b64url(s.as_bytes());
        let token = format!(
            "{}.{}.c2ln",
            b64(r#"{"alg":"RS256","typ":"JWT"}"#),
            b64(
                r#"{"aud":"https://outlook.office365.com","appid":"11111111-2222-3333-4444-555555555555"}"#
            )
        );
        let line = format!("2024-05-02 10:00:00 GET /EWS/Exchange.asmx Bearer+{token} 401 0 0");
        assert_eq!(
            token_app_id(&line).as_deref(),
            Some("11111111-2222-3333-4444-555555555555")
        );
        assert!(!masked_line(&line).contains(&token));
    }

    #[test]
    fn example_lines_carry_no_secret() {
        let line = "2024-05-02 10:00:01 GET /owa/ client_secret=s3cr3t-value&x=1 443 - 401 1 5";
        let m = masked_line(line);
        assert!(!m.contains("s3cr3t-value"), "{m}");
        assert!(m.contains("x=1"));
    }
}
