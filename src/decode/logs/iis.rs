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

/// The space-separated values of a line; a placeholder in angle brackets that holds spaces
/// (`<IP Address>`, `<user name>`) stays one value, as the field it stands for.
fn tokens(line: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    let mut open_placeholder = false;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' {
            if open_placeholder {
                continue;
            }
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
            open_placeholder = c == '<';
        } else if c == '>' {
            open_placeholder = false;
        }
        // A `<` that never closes within a few words is not a placeholder.
        if let (true, Some(s)) = (open_placeholder, start) {
            if i - s > 40 {
                open_placeholder = false;
            }
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

/// A value with the quotes, backticks and emphasis that a post wraps around a line taken off.
fn bare(value: &str) -> &str {
    let v = value.trim_matches(|c| matches!(c, '"' | '\'' | '`' | '*'));
    // A `>` quotes the line in a post, unless it closes a `<placeholder>`.
    if v.starts_with('<') {
        v
    } else {
        v.trim_start_matches('>')
    }
}

/// True when the line opens and closes with the same quote, backtick or emphasis (`"..."`,
/// `` `...` ``, `**...**`), or opens with `>` quoting.
fn wrapped(line: &str, all: &[(usize, usize)]) -> bool {
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        return false;
    };
    let head = line.get(first.0..first.1).unwrap_or("");
    let tail = line.get(last.0..last.1).unwrap_or("");
    head.starts_with('>')
        || ['"', '\'', '`', '*']
            .iter()
            .any(|c| head.starts_with(*c) && tail.ends_with(*c))
}

/// True for an IP address, a masked one (`10.7x.xx.2x`, `x.x.x.x`) or a `<placeholder>`.
fn looks_like_address(s: &str) -> bool {
    (s.starts_with('<') && s.ends_with('>'))
        || (s.contains(['.', ':'])
            && s.bytes().any(|b| b.is_ascii_digit() || b == b'x')
            && s.bytes()
                .all(|b| b.is_ascii_hexdigit() || matches!(b, b'.' | b':' | b'x' | b'X')))
}

fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8 && b[2] == b':' && b[5] == b':' && b[..2].iter().all(u8::is_ascii_digit)
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The fields IIS writes, in its default order (`knowledge::iis`), between `cs-uri-stem` and
/// `sc-status`.
fn between_stem_and_status() -> &'static [&'static str] {
    let fields = iis::DEFAULT_W3C_FIELDS;
    let stem = fields
        .iter()
        .position(|f| *f == "cs-uri-stem")
        .map_or(0, |i| i + 1);
    let status = fields
        .iter()
        .position(|f| *f == "sc-status")
        .unwrap_or(stem);
    fields.get(stem..status).unwrap_or_default()
}

/// Names for a line that is not a whole row: found by its method and path and by the status,
/// substatus and win32 status that follow; what sits between is named when it has the default
/// count. Returns the (name, token index) pairs and how many values stayed unnamed.
fn loose_names(line: &str, toks: &[(usize, usize)]) -> Option<(Vec<(&'static str, usize)>, usize)> {
    let text = |i: usize| line.get(toks[i].0..toks[i].1).map(bare).unwrap_or("");
    let m = (0..toks.len().min(8)).find(|&i| {
        iis::METHODS.contains(&text(i)) && i + 1 < toks.len() && text(i + 1).starts_with('/')
    })?;
    let s = (m + 2..toks.len().saturating_sub(2).min(m + 12)).find(|&i| {
        is_number(text(i))
            && is_number(text(i + 1))
            && is_number(text(i + 2))
            && (100..=599).contains(&text(i).parse::<u16>().unwrap_or(0))
    })?;
    let mut names = vec![
        ("cs-method", m),
        ("cs-uri-stem", m + 1),
        ("sc-status", s),
        ("sc-substatus", s + 1),
        ("sc-win32-status", s + 2),
    ];
    if m >= 1 && looks_like_address(text(m - 1)) {
        names.push(("s-ip", m - 1));
    }
    if let Some(t) = (0..m).find(|&i| is_time(text(i))) {
        names.push(("time", t));
        if t >= 1 && is_date(text(t - 1)) {
            names.push(("date", t - 1));
        }
    }
    let between = s - (m + 2);
    let mut unplaced = 0;
    match between {
        5 | 6 => {
            for (k, name) in between_stem_and_status().iter().take(between).enumerate() {
                names.push((name, m + 2 + k));
            }
        }
        _ => {
            // Some values are missing or cut: each is named by its shape, in IIS's order.
            for i in m + 2..s {
                let v = text(i);
                let placed = |n: &str, names: &[(&str, usize)]| names.iter().any(|(p, _)| *p == n);
                let name = if i == m + 2 && (v == "-" || v.starts_with('&') || v.contains('=')) {
                    Some("cs-uri-query")
                } else if is_number(v) && v.len() <= 5 && !placed("s-port", &names) {
                    Some("s-port")
                } else if looks_like_address(v) && !placed("c-ip", &names) {
                    Some("c-ip")
                } else if v.contains(['/', '+']) && !placed("cs(User-Agent)", &names) {
                    Some("cs(User-Agent)")
                } else {
                    None
                };
                match name {
                    Some(n) => names.push((n, i)),
                    None => unplaced += 1,
                }
            }
        }
    }
    if s + 3 < toks.len() && is_number(text(s + 3)) {
        names.push(("time-taken", s + 3));
    }
    crate::sort::by_key(&mut names, |(_, i)| *i);
    Some((names, unplaced))
}

/// The index of the token where a row starts when a prefix sits before its date and time.
fn dated_start(line: &str, toks: &[(usize, usize)]) -> Option<usize> {
    let text = |i: usize| line.get(toks[i].0..toks[i].1).map(bare).unwrap_or("");
    (1..toks.len().saturating_sub(1).min(6)).find(|&i| is_date(text(i)) && is_time(text(i + 1)))
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

/// Field names, the value spans they name, and what had to be assumed.
type ReadNames = (Vec<String>, Vec<(usize, usize)>, Vec<RowProblem>);

/// The field names of a line and the values they name: a whole row (with its `#Fields` or the
/// default set), a row after a prefix, or a line read loosely from its method and status.
fn read_names(fields: Option<&[String]>, line: &str, all: &[(usize, usize)]) -> Option<ReadNames> {
    if let Some((names, guessed)) = field_names(fields, line, all) {
        let problems = if guessed {
            vec![RowProblem::FieldNamesAssumed]
        } else {
            Vec::new()
        };
        return Some((names, all.to_vec(), problems));
    }
    if let Some(at) = dated_start(line, all) {
        if let Some((names, guessed)) = field_names(fields, line, &all[at..]) {
            let mut problems = vec![RowProblem::PrefixSkipped];
            if guessed {
                problems.push(RowProblem::FieldNamesAssumed);
            }
            return Some((names, all[at..].to_vec(), problems));
        }
    }
    let (named, unplaced) = loose_names(line, all)?;
    let names = named.iter().map(|(n, _)| n.to_string()).collect();
    let toks = named.iter().map(|(_, i)| all[*i]).collect();
    Some((names, toks, vec![RowProblem::ReadLoosely { unplaced }]))
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
    let all = tokens(line);
    let (names, toks, problems) = read_names(fields, line, &all)?;
    let values = names
        .into_iter()
        .zip(toks.iter())
        .map(|(name, (s, e))| {
            let raw = line.get(*s..*e).unwrap_or_default();
            // Only the ends of the line carry the quotes or backticks a post wrapped it in, and
            // only when the line both opens and closes with them.
            let ends = all.first() == Some(&(*s, *e)) || all.last() == Some(&(*s, *e));
            LogField {
                name,
                value: if ends && wrapped(line, &all) {
                    bare(raw)
                } else {
                    raw
                }
                .to_string(),
                span: Span::new(here + s, here + e),
            }
        })
        .collect::<Vec<_>>();
    let span = Span::new(
        here + toks.first().map_or(0, |t| t.0),
        here + toks.last().map_or(0, |t| t.1),
    );
    let mut row = typed(
        span,
        values,
        problems.contains(&RowProblem::FieldNamesAssumed),
    );
    row.problems.extend(
        problems
            .into_iter()
            .filter(|p| *p != RowProblem::FieldNamesAssumed),
    );
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
    fn a_prefixed_line_with_placeholders_is_read_from_its_date() {
        let t = "IIS Logs:  2015-06-08 04:19:25 <IP Address> POST /EWS/Exchange.asmx - 443 domain\\svc <IP Address> ASProxy/CrossForest - 403 0 0 718";
        let r = rows(t);
        assert_eq!(r.len(), 1);
        assert!(r[0].problems.contains(&RowProblem::PrefixSkipped));
        assert_eq!(r[0].client_ip.as_deref(), Some("<IP Address>"));
        assert_eq!(r[0].status, 403);
    }

    #[test]
    fn a_cut_quoted_line_is_read_from_its_method_and_status_triple() {
        for t in [
            "Error \"POST /EWS/Exchange.asmx/WSSecurity &a=1; 443 - 52.97.244.45 Test/1.1 - 500 0 0 74\"",
            "> `GET /owa/ - 443 - x.x.x.x Mozilla/5.0 401 1 2148074254 3`",
            "12: POST /mapi/emsmdb/ 401 1 2148074254",
        ] {
            let r = rows(t);
            assert_eq!(r.len(), 1, "{t}");
            assert!(matches!(r[0].problems[0], RowProblem::ReadLoosely { .. }), "{t}");
            assert!(r[0].status == 500 || r[0].status == 401, "{t}");
            assert!(r[0].path.as_deref().is_some_and(|p| p.starts_with('/')), "{t}");
        }
        let r = rows("Error \"POST /EWS/Exchange.asmx/WSSecurity &a=1; 443 - 52.97.244.45 Test/1.1 - 500 0 0 74\"");
        assert_eq!(
            r[0].get("s-ip"),
            None,
            "a word before the method is not an address"
        );
        assert_eq!(r[0].user_agent.as_deref(), Some("Test/1.1"));
        assert!(rows("POST /path and then 500 things").is_empty());
        assert!(
            rows("GET /a HTTP/1.1\" 401 5 \"-\"").is_empty(),
            "an nginx line has no triple"
        );
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
