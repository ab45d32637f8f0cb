//! The shared log record: one row of an IIS or Exchange log with every field as logged and the
//! typed facts every reader fills in (time, method, path, masked query, status, user ...).

use crate::knowledge::headers::HeaderReader;
use crate::report::Span;
use crate::textmap;

/// One field of a row: its logged name, its raw value and where the value sits in the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogField {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// A response header value a log row carries in a custom field, to be explained by its own card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedHeader {
    /// The field name as logged (`sc(WWW-Authenticate)`, `GenericErrors` ...).
    pub field: String,
    /// How the header table reads it (only readers with a card of their own are kept).
    pub kind: HeaderReader,
    /// The value with the log's own encoding undone (IIS writes `+` for spaces).
    pub value: String,
    pub span: Span,
}

/// What a reader could not read for certain about a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowProblem {
    /// No `#Fields` line was above the row: IIS's default field set was assumed from the count.
    FieldNamesAssumed,
    /// Text before the row's date (a prefix such as `IIS log:`, a line number, `>`) was left out.
    PrefixSkipped,
    /// The line is not a whole row (no date, cut, or placeholders): it was read from its method,
    /// path and status; `unplaced` values between them could not be given a field name.
    ReadLoosely { unplaced: usize },
}

/// One row of a log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogRow {
    pub span: Span,
    /// Every field, in logged order.
    pub fields: Vec<LogField>,
    pub time: Option<String>,
    pub method: Option<String>,
    pub path: Option<String>,
    /// The query string, decoded, with secret values replaced by `(hidden)`.
    pub query: Option<String>,
    /// HTTP status (0 when the row has none that reads as a number).
    pub status: u16,
    pub substatus: u16,
    pub win32: Option<u32>,
    pub user: Option<String>,
    /// The user agent, decoded.
    pub user_agent: Option<String>,
    pub client_ip: Option<String>,
    pub headers: Vec<LoggedHeader>,
    pub problems: Vec<RowProblem>,
}

impl LogRow {
    /// The raw value of a field (case-insensitive name).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map(|f| f.value.as_str())
    }

    /// True when the reader had to assume the field names.
    pub fn guessed(&self) -> bool {
        self.problems.contains(&RowProblem::FieldNamesAssumed)
    }
}

/// The URL with the values of secret query parameters (and the fragment's) replaced.
pub fn redact_url(url: &str) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let mut out = match base.split_once('?') {
        Some((path, query)) => format!("{path}?{}", redact_query(query)),
        None => base.to_string(),
    };
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(&redact_query(f));
    }
    out
}

/// A query string with the values of secret parameters replaced by `(hidden)`.
pub fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if is_secret_param(k) && !v.is_empty() => format!("{k}=(hidden)"),
            _ => kv.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn is_secret_param(name: &str) -> bool {
    crate::mask::is_secret_name(&textmap::iis_decode(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_urls_are_hidden() {
        let u =
            redact_url("https://app/cb?code=0.AAA&state=1&client_secret=s3cr3t#id_token=eyJx&x=1");
        assert_eq!(
            u,
            "https://app/cb?code=(hidden)&state=1&client_secret=(hidden)#id_token=(hidden)&x=1"
        );
        assert!(!u.contains("s3cr3t"));
        assert_eq!(redact_query("a=1&password=p"), "a=1&password=(hidden)");
    }
}
