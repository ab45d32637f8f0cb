//! Reader: Exchange's own comma-separated logs (HttpProxy and EWS, with a `#Fields:` or
//! `DateTime,...` header); each header starts a new log of typed rows, and x-ms-diagnostics text
//! inside error fields is parsed.

use super::row::{redact_query, LogField, LogRow, LoggedHeader};
use crate::decode::http::xms_diagnostics::{self, Diag};
use crate::knowledge::headers::HeaderReader;
use crate::report::Span;

/// One Exchange CSV log: the rows under one header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeLog {
    pub rows: Vec<ExchangeRow>,
    /// True for an EWS log (it has a SoapAction field), else an HttpProxy log.
    pub ews: bool,
}

/// One row of an Exchange CSV log: the shared record plus what makes it a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeRow {
    pub row: LogRow,
    /// An error status (front end or back end) or error text.
    pub failed: bool,
}

impl ExchangeRow {
    /// The raw value of a field, empty when the row has none.
    pub fn get(&self, name: &str) -> &str {
        self.row.get(name).unwrap_or("")
    }
}

impl ExchangeLog {
    /// The span from the first row to the last.
    pub fn span(&self) -> Span {
        let first = self.rows.first().map_or(0, |r| r.row.span.start);
        let last = self.rows.last().map_or(0, |r| r.row.span.end);
        Span::new(first, last)
    }

    /// The first non-empty Protocol field.
    pub fn protocol(&self) -> &str {
        self.rows
            .iter()
            .map(|r| r.get("Protocol"))
            .find(|p| !p.is_empty())
            .unwrap_or("")
    }
}

/// Splits one CSV line (double quotes, `""` inside quotes) into values with their byte ranges.
fn csv_values(line: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        let mut value = String::new();
        if b.get(i) == Some(&b'"') {
            i += 1;
            let mut seg = i;
            while i < b.len() {
                if b[i] == b'"' {
                    value.push_str(line.get(seg..i).unwrap_or_default());
                    if b.get(i + 1) == Some(&b'"') {
                        value.push('"');
                        i += 2;
                        seg = i;
                        continue;
                    }
                    i += 1;
                    seg = i;
                    break;
                }
                i += 1;
            }
            if seg < i && i <= b.len() && seg <= line.len() {
                value.push_str(
                    line.get(seg.min(line.len())..i.min(line.len()))
                        .unwrap_or_default(),
                );
            }
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
        } else {
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
            value.push_str(line.get(start..i).unwrap_or_default());
        }
        out.push((value, start, i));
        if i >= b.len() {
            break;
        }
        i += 1;
    }
    out
}

/// The field names of an Exchange CSV header line, if `line` is one.
pub fn exchange_header(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let t = t.strip_prefix("#Fields:").map_or(t, str::trim);
    if !t.starts_with("DateTime,") || !t.contains("HttpStatus") {
        return None;
    }
    Some(t.split(',').map(|f| f.trim().to_string()).collect())
}

/// Every Exchange CSV log in `text`, in order.
pub fn logs(text: &str) -> Vec<ExchangeLog> {
    let mut out = Vec::new();
    let mut fields: Option<Vec<String>> = None;
    let mut rows: Vec<ExchangeRow> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        if let Some(f) = exchange_header(line) {
            if !rows.is_empty() {
                out.push(log(std::mem::take(&mut rows)));
            }
            fields = Some(f);
            continue;
        }
        let Some(names) = &fields else {
            continue;
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        rows.extend(line_row(names, line, here));
    }
    if !rows.is_empty() {
        out.push(log(rows));
    }
    out
}

/// One data line read with the field names of its header line; `None` when the field count is too
/// far from the header's. `here` is the line's offset in the text, for the spans.
pub fn line_row(names: &[String], line: &str, here: usize) -> Option<ExchangeRow> {
    let vals = csv_values(line);
    // Exchange adds fields over versions; a row may be a field short or long at the end.
    if vals.len() + 2 < names.len() || vals.len() > names.len() + 2 {
        return None;
    }
    let values = names
        .iter()
        .zip(vals)
        .map(|(n, (v, s, e))| LogField {
            name: n.clone(),
            value: v,
            span: Span::new(here + s, here + e),
        })
        .collect();
    Some(typed(Span::new(here, here + line.len()), values))
}

fn log(rows: Vec<ExchangeRow>) -> ExchangeLog {
    let ews = rows
        .iter()
        .any(|r| r.row.fields.iter().any(|f| f.name == "SoapAction"));
    ExchangeLog { rows, ews }
}

/// Fills the typed facts of a row from its fields.
fn typed(span: Span, fields: Vec<LogField>) -> ExchangeRow {
    let mut row = LogRow {
        span,
        fields,
        ..LogRow::default()
    };
    let own = |r: &LogRow, n: &str| r.get(n).filter(|v| !v.is_empty()).map(str::to_string);
    row.time = own(&row, "DateTime");
    row.method = own(&row, "Method");
    row.path = own(&row, "UrlStem");
    row.query = own(&row, "UrlQuery").map(|q| redact_query(&q));
    row.status = row
        .get("HttpStatus")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    row.user = own(&row, "AuthenticatedUser");
    row.user_agent = own(&row, "UserAgent");
    row.client_ip = own(&row, "ClientIpAddress");
    row.headers = row
        .fields
        .iter()
        .filter(|f| f.name.contains("Error") || f.name.contains("Info"))
        .filter(|f| embedded_diagnostics(&f.value).is_some())
        .map(|f| LoggedHeader {
            field: f.name.clone(),
            kind: HeaderReader::Diagnostics {
                from_backend: false,
            },
            value: f.value.clone(),
            span: f.span,
        })
        .collect();
    let bad = |s: Option<&str>| {
        s.unwrap_or("")
            .trim()
            .parse::<u16>()
            .is_ok_and(|n| n >= 400)
    };
    let text = |n: &str| !row.get(n).unwrap_or("").trim().is_empty();
    let failed = bad(row.get("HttpStatus"))
        || bad(row.get("BackEndStatus"))
        || text("ErrorCode")
        || text("AuthenticationErrors")
        || row.get("GenericErrors").unwrap_or("").contains("reason=");
    ExchangeRow { row, failed }
}

/// The x-ms-diagnostics value inside a logged field (`OAuthError=2000008;reason="..."`).
pub fn embedded_diagnostics(value: &str) -> Option<(usize, Diag)> {
    let at = value.find(";reason=")?;
    let head = value.get(..at)?;
    let start = head
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |p| p + 1);
    if start == at {
        return None;
    }
    xms_diagnostics::parse_value(value.get(start..)?).map(|d| (start, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_under_a_header_are_read_and_failures_marked() {
        let t = "#Fields: DateTime,Protocol,UrlStem,HttpStatus,BackEndStatus,GenericErrors\n2024-01-01T00:00:00Z,Ews,/EWS/Exchange.asmx,401,,\"OAuthError=2000008;reason=\"\"x\"\";error_category=\"\"invalid_grant\"\"\"\n2024-01-01T00:00:01Z,Ews,/EWS/Exchange.asmx,200,200,\n";
        let logs = logs(t);
        assert_eq!(logs.len(), 1);
        assert_eq!(logs[0].rows.len(), 2);
        assert!(logs[0].rows[0].failed);
        assert!(!logs[0].rows[1].failed);
        assert_eq!(logs[0].rows[0].row.headers.len(), 1);
        assert_eq!(logs[0].protocol(), "Ews");
        assert!(!logs[0].ews);
        assert!(embedded_diagnostics("no reason here").is_none());
    }
}
