//! Reader: IIS W3C log lines, with their `#Fields` line anywhere above (custom fields such as
//! WWW-Authenticate or x-ms-diagnostics included) or without it (the default field set is assumed
//! when the field count matches, and the row says so).

use super::row::{redact_query, LogField, LogRow, LoggedHeader, RowProblem};
use crate::knowledge::iis;
use crate::report::Span;
use crate::textmap;

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn tokens(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

/// The field names of a data line: the `#Fields` line's when the count matches, else IIS's
/// default set (with or without cs(Referer)) when the line starts with a date; `true` = assumed.
fn field_names(
    fields: Option<&[String]>,
    line: &str,
    toks: &[(usize, usize)],
) -> Option<(Vec<String>, bool)> {
    if let Some(f) = fields.filter(|f| f.len() == toks.len()) {
        return Some((f.to_vec(), false));
    }
    let dated = toks
        .first()
        .is_some_and(|(s, e)| line.get(*s..*e).is_some_and(is_date));
    if dated && toks.len() == iis::DEFAULT_W3C_FIELDS.len() {
        let names = iis::DEFAULT_W3C_FIELDS.iter().map(|s| s.to_string());
        return Some((names.collect(), true));
    }
    // The default set without cs(Referer), as some documentation samples print it.
    if dated && toks.len() + 1 == iis::DEFAULT_W3C_FIELDS.len() {
        let names = iis::DEFAULT_W3C_FIELDS
            .iter()
            .filter(|f| **f != "cs(Referer)")
            .map(|s| s.to_string());
        return Some((names.collect(), true));
    }
    None
}

/// Every log line of `text` whose status reads as a number, in order.
pub fn rows(text: &str) -> Vec<LogRow> {
    let mut fields: Option<Vec<String>> = None;
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        let trimmed = line.trim_start();
        if let Some(f) = trimmed.strip_prefix("#Fields:") {
            fields = Some(f.split_whitespace().map(str::to_string).collect());
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        out.extend(line_row(fields.as_deref(), line, here));
    }
    out
}

/// One data line read with the field names of the `#Fields` line above it (or IIS's default set
/// when it has none and the count matches); `None` when the line is not a log line with a status
/// that reads as a number. `here` is the line's offset in the text, for the spans.
pub fn line_row(fields: Option<&[String]>, line: &str, here: usize) -> Option<LogRow> {
    let toks = tokens(line);
    let (names, guessed) = field_names(fields, line, &toks)?;
    let values = names
        .into_iter()
        .zip(toks.iter())
        .map(|(name, (s, e))| LogField {
            name,
            value: line.get(*s..*e).unwrap_or_default().to_string(),
            span: Span::new(here + s, here + e),
        })
        .collect::<Vec<_>>();
    let span = Span::new(
        here + toks.first().map_or(0, |t| t.0),
        here + toks.last().map_or(0, |t| t.1),
    );
    let row = typed(span, values, guessed);
    // A line needs a status that reads as a number to count as a log line.
    row.get("sc-status")
        .is_some_and(|s| s.parse::<u16>().is_ok())
        .then_some(row)
}

/// Fills the typed facts of a row from its fields.
fn typed(span: Span, fields: Vec<LogField>, guessed: bool) -> LogRow {
    let mut row = LogRow {
        span,
        fields,
        ..LogRow::default()
    };
    let own = |r: &LogRow, n: &str| r.get(n).map(str::to_string);
    row.time = match (row.get("date"), row.get("time")) {
        (Some(d), Some(t)) => Some(format!("{d} {t}")),
        (d, t) => d.or(t).map(str::to_string),
    };
    row.method = own(&row, "cs-method");
    row.path = own(&row, "cs-uri-stem");
    row.query = row
        .get("cs-uri-query")
        .map(|q| redact_query(&textmap::iis_decode(q)));
    row.status = row
        .get("sc-status")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    row.substatus = row
        .get("sc-substatus")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    row.win32 = row.get("sc-win32-status").and_then(|s| s.parse().ok());
    row.user = own(&row, "cs-username");
    row.user_agent = row.get("cs(User-Agent)").map(textmap::iis_decode);
    row.client_ip = own(&row, "c-ip");
    if guessed {
        row.problems.push(RowProblem::FieldNamesAssumed);
    }
    row.headers = row
        .fields
        .iter()
        .filter(|f| f.value != "-")
        .filter_map(|f| {
            let kind = crate::knowledge::headers::reader(&f.name).filter(|r| r.has_card())?;
            Some(LoggedHeader {
                field: f.name.clone(),
                kind,
                value: textmap::iis_decode(&f.value),
                span: f.span,
            })
        })
        .collect();
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_fields_are_assumed_and_typed() {
        let t = "2022-09-02 02:43:29 10.7x.xx.2x POST /EWS/Exchange.asmx &code=abc;&cafeReqId=e7a7; 443 - 172.20.1.1 AppleExchangeWebServices/818.0.1 - 401 1 2148074254 5";
        let r = rows(t);
        assert_eq!(r.len(), 1);
        assert!(r[0].guessed());
        assert_eq!(r[0].status, 401);
        assert_eq!(r[0].substatus, 1);
        assert_eq!(r[0].win32, Some(2148074254));
        assert_eq!(r[0].path.as_deref(), Some("/EWS/Exchange.asmx"));
        assert!(r[0].query.as_deref().unwrap().contains("code=(hidden)"));
        assert!(rows("2022-09-02 is a date and nothing else").is_empty());
    }

    #[test]
    fn logged_headers_are_found_and_decoded() {
        let t = "#Fields: date time cs-method sc-status sc(WWW-Authenticate)\n2019-05-13 10:00:00 GET 401 Bearer+error=\"x\"\n";
        let r = rows(t);
        assert_eq!(r[0].headers.len(), 1);
        assert_eq!(
            r[0].headers[0].kind,
            crate::knowledge::headers::HeaderReader::Challenge
        );
        assert_eq!(r[0].headers[0].value, "Bearer error=\"x\"");
        assert!(!r[0].guessed());
    }
}
