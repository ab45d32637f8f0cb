//! Reader: HTTP exchanges (status + headers + body) in every notation people paste them in. A
//! status is `HTTP/1.1 401 Unauthorized`, `Status: 401 (Unauthorized)`, `StatusCode: 401`,
//! `Response status: 403`, `status: 403,` or `(401) Unauthorized`; a header is a `Name: value`
//! line, curl's `< Name: value`, Fiddler's `Name →value`, a JSON or JavaScript object member
//! (`"www-authenticate": "..."`, `'content-type': '...'`), a PowerShell `Key  Value` table row or
//! a `{[WWW-Authenticate, Bearer ...]}` dictionary entry, `Name=Value` or `Name : Value`, also
//! behind a log prefix (`msrest.http_logger : `, `D/Retrofit( 2227): `, `<= Recv header: `).
//! Every header name is read through the one header table (`knowledge::headers`). The body is the
//! text after the headers, up to the next exchange.

use crate::decode::errors::iis_page;
use crate::knowledge::{headers, http_exchange};
use crate::report::Span;
use crate::text::{cut, cut_from};
use crate::textmap::{self, Norm};

/// The longest body (bytes) an exchange claims after its headers.
const BODY_MAX: usize = 20_000;
/// How far back (bytes) a service error looks for the status of its response.
const STATUS_LOOKBACK: usize = 1_500;

/// An HTTP status as a paste states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub code: u16,
    /// The reason phrase as written, or the standard one when none was written.
    pub reason: String,
    /// The IIS sub-status (`401.2`), when the paste gives one.
    pub substatus: Option<u16>,
    /// The line the status was read from, trimmed.
    pub line: String,
}

/// One header of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The name as written.
    pub name: String,
    pub value: String,
    /// Where the header is in the original text.
    pub span: Span,
}

/// What the body after the headers is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Xml,
    Html,
    Text,
}

/// One HTTP exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    pub span: Span,
    pub status: Option<Status>,
    pub headers: Vec<Header>,
    /// The body's span and kind, when text follows the headers.
    pub body: Option<(Span, BodyKind)>,
    /// True when the exchange is a request (`GET /path HTTP/1.1`) rather than a response.
    pub request: bool,
}

impl Exchange {
    /// The value of the first header of this name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }
}

/// Reads a status from one line, if it states one.
pub fn status_in(line: &str) -> Option<Status> {
    let t = line.trim();
    let lower = t.to_ascii_lowercase();
    let make = |code: u16, rest: &str, line: &str| {
        let (substatus, rest) = substatus(rest);
        let reason = reason_after(rest, code);
        Some(Status {
            code,
            reason,
            substatus,
            line: crate::text::ellipsis(line, 200),
        })
    };
    // `HTTP/1.1 401 Unauthorized`, also inside a line (`<= Recv header: HTTP/1.1 401`).
    if let Some(at) = lower.find("http/") {
        let rest = cut_from(t, at + 5);
        let after_version = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        if after_version.len() < rest.len() {
            if let Some((code, rest)) = code_at(after_version.trim_start()) {
                return make(code, rest, t);
            }
        }
    }
    for key in ["status code", "statuscode", "status", "http "] {
        for at in textmap::find_all_ci(t, key) {
            if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() && key != "http " {
                // `Status` after a letter is part of a longer word, except `HttpStatusCode`.
                let before = crate::text::cut_to(&lower, at);
                if !before.ends_with("http") && !before.ends_with("response") {
                    continue;
                }
            }
            let rest = cut_from(t, at + key.len());
            let rest = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '=' | '"' | '\'' | '(' | '[')
            });
            if rest.len() + 24 < cut_from(t, at + key.len()).len() {
                continue;
            }
            if let Some((code, rest)) = code_at(rest) {
                return make(code, rest, t);
            }
        }
    }
    // `(401) Unauthorized`, `[401] Unauthorized`, `403 Forbidden`: a code with its own reason.
    let b = t.as_bytes();
    let mut i = 0;
    while i + 3 <= b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            if let Some((code, rest)) = code_at(cut_from(t, i)) {
                let reason = substatus(rest)
                    .1
                    .trim_start_matches([')', ']', ' ', ':', '-']);
                // `(401)` alone counts for an error status the table knows.
                let bracketed = i > 0
                    && matches!(b[i - 1], b'(' | b'[')
                    && matches!(rest.as_bytes().first(), Some(b')' | b']'))
                    && code >= 400
                    && http_exchange::status_row(code).is_some();
                if bracketed || http_exchange::status_by_reason(code, reason).is_some() {
                    return make(code, rest, t);
                }
            }
        }
        i += 1;
    }
    None
}

/// A three-digit status at the start of `s` (not followed by another digit) and what follows.
fn code_at(s: &str) -> Option<(u16, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 3 {
        return None;
    }
    let code: u16 = s.get(..3)?.parse().ok()?;
    (100..600).contains(&code).then(|| (code, cut_from(s, 3)))
}

/// An IIS sub-status right after the code (`.2` of `401.2`).
fn substatus(rest: &str) -> (Option<u16>, &str) {
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&n) {
            return (
                after.get(..n).and_then(|d| d.parse().ok()),
                cut_from(after, n),
            );
        }
    }
    (None, rest)
}

/// The reason phrase after a code, or the standard one.
fn reason_after(rest: &str, code: u16) -> String {
    let r = rest
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ')' | ']' | '-' | ':' | '(' | '"' | '\'')
        })
        .trim_end_matches([')', '"', '\'', ',', '.', ' ']);
    let words: String = r
        .split_whitespace()
        .take_while(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    // The table's reason when the code is known: what follows a code is often not its reason
    // (`StatusCode=401 -- Original Error`).
    match http_exchange::status_row(code) {
        Some(row) => row.reason.to_string(),
        None => words,
    }
}

/// True for a name that may be a header: letters, digits, `-`, `_` and `.`, starting with a letter.
fn header_name(s: &str) -> usize {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        .count();
    if n > 64 {
        0
    } else {
        n
    }
}

/// A header name worth reading: one the table knows, or a dashed name (`X-Something`).
fn plausible(name: &str, loose: bool, continuing: bool) -> bool {
    match headers::header(name) {
        Some(_) => true,
        None => {
            !loose
                && ((name.contains('-') && !name.ends_with('-') && !name.contains(".."))
                    || (continuing && name.len() <= 30))
        }
    }
}

/// Reads one header at the start of `s` (a line with any prefix already removed); returns the
/// name and value ranges within `s`.
fn header_at(s: &str, continuing: bool) -> Option<((usize, usize), (usize, usize))> {
    let lead = s.len() - s.trim_start_matches([' ', '\t', '<', '>', '|', '{']).len();
    let body = cut_from(s, lead);
    let quote = body.chars().next().filter(|c| matches!(c, '"' | '\''));
    let q = usize::from(quote.is_some());
    let n = header_name(cut_from(body, q));
    if n == 0 {
        return None;
    }
    let name = cut(body, q..q + n);
    let mut p = q + n;
    if let Some(qc) = quote {
        if !cut_from(body, p).starts_with(qc) {
            return None;
        }
        p += 1;
    }
    let rest = cut_from(body, p);
    let rest_t = rest.trim_start_matches([' ', '\t']);
    let spaced = rest_t.len() != rest.len();
    let sep = rest_t.chars().next();
    let value_from = match sep {
        Some(':') if !rest_t.starts_with("://") => {
            if spaced && !plausible(name, true, false) && quote.is_none() {
                return None;
            }
            p + (rest.len() - rest_t.len()) + 1
        }
        Some('=') if plausible(name, true, false) => p + (rest.len() - rest_t.len()) + 1,
        // A PowerShell `Key   Value` table row: two spaces or more, then the value.
        Some(_) if rest.starts_with("  ") && headers::header(name).is_some() => {
            p + (rest.len() - rest_t.len())
        }
        _ => return None,
    };
    if !plausible(
        name,
        quote.is_none() && sep != Some(':'),
        continuing && !spaced,
    ) {
        return None;
    }
    let raw = cut_from(body, value_from);
    let v_lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim().trim_end_matches(',').trim_end();
    let (mut vs, mut ve) = (value_from + v_lead, value_from + v_lead + trimmed.len());
    let vb = trimmed.as_bytes();
    // A quoted value ends at its last matching quote: what follows (`,`, ` } }`) is the object's.
    if let Some(&q) = vb.first().filter(|q| matches!(q, b'"' | b'\'')) {
        if let Some(close) = trimmed.rfind(char::from(q)).filter(|c| *c > 0) {
            vs += 1;
            ve = value_from + v_lead + close;
        }
    }
    Some(((lead + q, lead + q + n), (lead + vs, lead + ve)))
}

/// Headers on one line: at its start, behind a log prefix (after one of its first `: `, `): ` or
/// `] ` separators), or as `[Name, value]` entries of a PowerShell dictionary.
fn headers_in_line(
    line: &str,
    offset: usize,
    continuing: bool,
    out: &mut Vec<(usize, usize, usize, usize)>,
) {
    let push =
        |out: &mut Vec<_>, base: usize, ((ns, ne), (vs, ve)): ((usize, usize), (usize, usize))| {
            out.push((
                offset + base + ns,
                offset + base + ne,
                offset + base + vs,
                offset + base + ve,
            ));
        };
    if line.trim_start().starts_with("* ") {
        return;
    }
    if line.contains("{[") || line.trim_start().starts_with('[') {
        let before = out.len();
        dictionary_entries(line, offset, out);
        if out.len() > before {
            return;
        }
    }
    if let Some(h) = header_at(line, continuing) {
        push(out, 0, h);
        return;
    }
    let b = line.as_bytes();
    let mut tried = 0;
    let mut i = 0;
    while i + 1 < b.len() && tried < 4 {
        if matches!(b[i], b':' | b']' | b')') && b[i + 1] == b' ' {
            tried += 1;
            let base = i + 2;
            if let Some(h) = header_at(cut_from(line, base), false) {
                let name = cut(line, base + h.0 .0..base + h.0 .1);
                if headers::header(name).is_some() || name.contains('-') {
                    push(out, base, h);
                    return;
                }
            }
        }
        i += 1;
    }
}

/// `{[WWW-Authenticate, Bearer ...], [Content-Type, ...]}` entries (PowerShell `Headers`).
fn dictionary_entries(line: &str, offset: usize, out: &mut Vec<(usize, usize, usize, usize)>) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'[' {
            i += 1;
            continue;
        }
        let ns = i + 1;
        let n = header_name(cut_from(line, ns));
        let comma = ns + n;
        if n == 0 || b.get(comma) != Some(&b',') || !plausible(cut(line, ns..comma), false, false) {
            i += 1;
            continue;
        }
        let vs = comma
            + 1
            + (cut_from(line, comma + 1).len() - cut_from(line, comma + 1).trim_start().len());
        // The value ends at the `]` that closes the entry: before `, [`, `}` or the line's end.
        let mut ve = b.len();
        let mut j = vs;
        while j < b.len() {
            if b[j] == b']' {
                let after = cut_from(line, j + 1).trim_start();
                if after.is_empty()
                    || after.starts_with(", [")
                    || after.starts_with('}')
                    || after.starts_with(',')
                {
                    ve = j;
                    break;
                }
            }
            j += 1;
        }
        out.push((offset + ns, offset + comma, offset + vs, offset + ve));
        i = ve.max(i + 1);
    }
}

/// `{'WWW-Authenticate': 'Bearer ...', 'Content-Type': '...'}` on one line (a Python or JavaScript
/// dictionary of headers). Read only as a flat dictionary (every value a quoted string, entries
/// apart by commas) of two entries or more, one of them a known header name, so that a JSON body
/// (`{"error":{"code":...}}`) is never read as headers. A line cut inside the dictionary keeps the
/// entries read before the cut.
fn quoted_entries(line: &str, offset: usize, out: &mut Vec<(usize, usize, usize, usize)>) {
    let b = line.as_bytes();
    let Some(open) = memchr::memchr(b'{', b) else {
        return;
    };
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut known = false;
    let mut i = textmap::skip_ws(line, open + 1);
    // Reads one quoted string at `at`: its inner range.
    let quoted = |at: usize| -> Option<(usize, usize)> {
        let q = *b.get(at).filter(|c| matches!(c, b'\'' | b'"'))?;
        memchr::memchr(q, &b[at + 1..]).map(|e| (at + 1, at + 1 + e))
    };
    while let Some((ns, ne)) = quoted(i) {
        let colon = textmap::skip_ws(line, ne + 1);
        if b.get(colon) != Some(&b':') {
            return;
        }
        let Some((vs, ve)) = quoted(textmap::skip_ws(line, colon + 1)) else {
            break;
        };
        // An entry whose name is not a plausible header (`Accept`, which the table does not
        // know) is passed over; the dictionary is still read.
        let name = cut(line, ns..ne);
        if header_name(name) == name.len() && plausible(name, false, false) {
            known |= headers::header(name).is_some();
            found.push((offset + ns, offset + ne, offset + vs, offset + ve));
        }
        let next = textmap::skip_ws(line, ve + 1);
        match b.get(next) {
            Some(b',') => i = textmap::skip_ws(line, next + 1),
            Some(b'}') | None => break,
            Some(_) => return,
        }
    }
    if found.len() >= 2 && known {
        out.extend(found);
    }
}

/// A line that may stand between a status and its headers or inside a header block without
/// ending it: blank, a short label (`Headers:`, `Response headers:`, `Status Code:`), a fence.
fn neutral(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| matches!(c, '`' | '-' | '=' | '*' | '#'));
    let lower = t.to_ascii_lowercase();
    // A PowerShell table heading (`Key   Value`) and its rule (`---   -----`).
    let words: Vec<&str> = lower.split_whitespace().collect();
    let heading = words.len() == 2 && words.iter().all(|w| matches!(*w, "key" | "name" | "value"));
    let rule = line.trim().chars().all(|c| matches!(c, '-' | ' ' | '\t'));
    heading
        || rule
        || t.is_empty()
        || (lower.starts_with("status") && t.len() < 80)
        || (t.len() < 40 && t.ends_with(':') && !t.contains('{'))
        || (t.len() < 60 && t.ends_with('{') && !t.contains(':'))
        || t.eq_ignore_ascii_case("ok")
}

/// A request line (`GET /path HTTP/1.1`).
fn request_line(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '>', '\t']);
    let method = t.split(' ').next().unwrap_or_default();
    crate::knowledge::iis::METHODS.contains(&method) && t.contains(" HTTP/")
}

/// Every HTTP exchange in `text`.
// long: one pass over the lines that groups statuses, headers, neutral lines and bodies.
pub fn find(text: &str) -> Vec<Exchange> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let mut out: Vec<Exchange> = Vec::new();
    let mut current: Option<Exchange> = None;
    let mut cur_end = 0usize;
    let mut gap = 0usize;
    let mut offset = 0usize;
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    let finish = |cur: Option<Exchange>, end: usize, out: &mut Vec<Exchange>| {
        if let Some(mut ex) = cur {
            ex.span = Span::new(ex.span.start, end.max(ex.span.start));
            out.push(ex);
        }
    };
    // Where the JSON or XML body of the exchange just finished ends: its lines are not headers.
    let mut body_until = 0usize;
    for raw in t.split('\n') {
        let line = raw.trim_end_matches('\r');
        let line_end = offset + line.len();
        if offset < body_until {
            offset += raw.len() + 1;
            continue;
        }
        let is_request = request_line(line);
        // An IIS error page's title inside a response's body is the page, not a new response.
        let in_body = current.as_ref().is_some_and(|c| !c.headers.is_empty());
        found.clear();
        // A dictionary of headers on one line is headers, even where a value reads like a status
        // (`'X-BackEndHttpStatus': '401, 401'`).
        if line.contains("{'") || line.contains("{\"") {
            quoted_entries(line, offset, &mut found);
        }
        let dictionary = !found.is_empty();
        let status = if is_request || dictionary || (in_body && iis_page::names_a_page(line)) {
            None
        } else {
            status_in(line)
        };
        if status.is_none() && !is_request && !dictionary {
            let continuing = current
                .as_ref()
                .is_some_and(|c| !c.headers.is_empty() && gap == 0);
            headers_in_line(line, offset, continuing, &mut found);
        }
        if is_request || status.is_some() {
            let starts_new = current.as_ref().is_some_and(|c| {
                c.status.is_some() || !c.headers.is_empty() || c.request != is_request
            });
            if starts_new {
                finish(current.take(), cur_end, &mut out);
            }
            let ex = current.get_or_insert_with(|| Exchange {
                span: Span::new(offset, line_end),
                status: None,
                headers: Vec::new(),
                body: None,
                request: is_request,
            });
            ex.status = status.or(ex.status.take());
            ex.request = is_request;
            cur_end = line_end;
            gap = 0;
        } else if !found.is_empty() {
            let ex = current.get_or_insert_with(|| Exchange {
                span: Span::new(found[0].0, line_end),
                status: None,
                headers: Vec::new(),
                body: None,
                request: false,
            });
            for &(ns, ne, vs, ve) in &found {
                let span = n.span(ns, ve.max(ne));
                ex.headers.push(Header {
                    name: cut(t, ns..ne).to_string(),
                    value: cut(t, vs..ve.max(vs)).to_string(),
                    span,
                });
            }
            cur_end = line_end;
            gap = 0;
        } else if current.is_some() && neutral(line) && gap < 4 {
            gap += 1;
        } else if current.is_some() {
            finish(current.take(), cur_end, &mut out);
            gap = 0;
            let lead = line.len() - line.trim_start().len();
            if line.trim_start().starts_with('{') {
                body_until = crate::text::json_end(t.as_bytes(), offset + lead, BODY_MAX)
                    .unwrap_or(line_end);
            }
        }
        offset += raw.len() + 1;
    }
    finish(current.take(), cur_end, &mut out);
    // Bodies: the text after each exchange's headers, up to the next exchange.
    let starts: Vec<usize> = out.iter().map(|e| e.span.start).collect();
    for (i, ex) in out.iter_mut().enumerate() {
        let from = ex.span.end;
        let next = starts.get(i + 1).copied().unwrap_or(t.len());
        let limit = next.min(from.saturating_add(BODY_MAX)).min(t.len());
        let body = cut(t, from..limit);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.len() > 1 && !ex.request {
            let kind = match trimmed.as_bytes()[0] {
                b'{' | b'[' => BodyKind::Json,
                b'<' if trimmed
                    .get(..200)
                    .unwrap_or(trimmed)
                    .to_ascii_lowercase()
                    .contains("html") =>
                {
                    BodyKind::Html
                }
                b'<' => BodyKind::Xml,
                _ => BodyKind::Text,
            };
            let start = from + lead;
            ex.body = Some((n.span(start, start + trimmed.len()), kind));
        }
        ex.span = n.span(ex.span.start, ex.span.end);
    }
    out
}

/// The status of the response a service error at `at` belongs to: the nearest status stated in
/// the lines before it (at most `STATUS_LOOKBACK` bytes back), or on its own line before it.
pub fn status_before(text: &str, at: usize) -> Option<Status> {
    let from = crate::text::floor_boundary(text, at.saturating_sub(STATUS_LOOKBACK));
    let window = cut(text, from..at);
    window.lines().rev().take(30).find_map(status_in)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_every_notation() {
        for (line, code) in [
            ("HTTP/1.1 401 Unauthorized", 401),
            ("< HTTP/2 403", 403),
            ("Status: 401 (Unauthorized)", 401),
            ("Status: 401 - Unauthorized", 401),
            ("StatusCode        : 401", 401),
            ("msrest.http_logger : Response status: 403", 403),
            ("{ status: 403,", 403),
            ("Status=403 Code=\"Forbidden\"", 403),
            (
                "Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.",
                401,
            ),
            ("[401] Unauthorized ::> {", 401),
            ("    403 Forbidden", 403),
            ("received HTTP status 401 with response", 401),
            ("HTTP Error 401.2 - Unauthorized", 401),
            ("Status code 403, \"{\"error\"", 403),
        ] {
            let s = status_in(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s.code, code, "{line}");
        }
        let s = status_in("HTTP Error 401.2 - Unauthorized").unwrap();
        assert_eq!((s.substatus, s.reason.as_str()), (Some(2), "Unauthorized"));
        for prose in [
            "StatusCode=0 -- Original",
            "error_codes\":[7000215]",
            "I waited 401 seconds",
            "Status: unknown",
        ] {
            assert!(status_in(prose).is_none(), "{prose}");
        }
    }

    #[test]
    fn headers_in_every_notation() {
        let cases = [
            "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"\"\nrequest-id: abc\n",
            "< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer realm=\"\"\n< request-id: abc\n",
            "Status: 401 (Unauthorized)\n\nHeaders:\nWWW-Authenticate: Bearer realm=\"\"\nrequest-id: abc\n",
            "{ status: 401,\n  headers:\n   { 'www-authenticate': 'Bearer realm=\"\"',\n     'request-id': 'abc' } }",
            "Operation failed (401),\nThe respond header is {\n  \"www-authenticate\": \"Bearer realm=\\\"\\\"\",\n  \"request-id\": \"abc\"\n}",
            "StatusCode : 401\nKey                Value\n---                -----\nWWW-Authenticate   Bearer realm=\"\"\nrequest-id         abc\n",
            "StatusCode: 401\nHeaders : {[WWW-Authenticate, Bearer realm=\"\"], [request-id, abc]}",
            "msrest.http_logger : Response status: 401\nmsrest.http_logger : 'WWW-Authenticate': 'Bearer realm=\"\"'\nmsrest.http_logger : 'request-id': 'abc'\n",
            "D/Retrofit( 2227): : HTTP/1.1 401 Unauthorized\nD/Retrofit( 2227): WWW-Authenticate: Bearer realm=\"\"\nD/Retrofit( 2227): request-id: abc\n",
            "Status code: 401\nResponse headers: {'Server': 'Microsoft-IIS/10.0', 'Accept': '*/*', 'WWW-Authenticate': 'Bearer realm=\"\"', 'request-id': 'abc'}\n",
            "Response status: 401\nheaders: {\"content-type\": \"text/html\", \"www-authenticate\": \"Bearer realm=contoso\", \"request-id\": \"abc\"}",
        ];
        for c in cases {
            let ex = find(c);
            assert_eq!(ex.len(), 1, "{c}\n{ex:?}");
            assert_eq!(ex[0].status.as_ref().map(|s| s.code), Some(401), "{c}");
            assert_eq!(ex[0].header("request-id"), Some("abc"), "{c}\n{ex:?}");
            let challenge = ex[0].header("www-authenticate").unwrap_or_default();
            assert!(challenge.starts_with("Bearer realm="), "{c}: {challenge}");
        }
    }

    #[test]
    fn bodies_and_requests_are_told_apart() {
        let text = "GET /me HTTP/1.1\nHost: graph.microsoft.com\n\nHTTP/1.1 401 Unauthorized\nrequest-id: abc\n\n{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}";
        let ex = find(text);
        assert_eq!(ex.len(), 2, "{ex:?}");
        assert!(ex[0].request && ex[0].body.is_none());
        assert_eq!(ex[1].body.map(|b| b.1), Some(BodyKind::Json));
        let at = text.find("{\"error").unwrap_or_default();
        assert_eq!(status_before(text, at).map(|s| s.code), Some(401));
    }

    #[test]
    fn prose_and_urls_are_not_exchanges() {
        assert!(find("Note: this is prose.\nhttps://example.com/x").is_empty());
        assert!(find("Name=Value\nOther=Thing").is_empty());
    }
}
