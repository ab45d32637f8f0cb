//! Decoder: IIS W3C log lines, with their `#Fields` line anywhere above (custom fields such as
//! WWW-Authenticate or x-ms-diagnostics included) or without it (the default field set is assumed
//! when the field count matches, and the report says so). A longer log is summarised.
//!
//! Exchange's own comma-separated logs (HttpProxy and EWS, with a `#Fields:` or `DateTime,...`
//! header) are read here too: failed rows are listed with their authentication fields, and
//! x-ms-diagnostics text inside them is decoded.

use crate::context::Context;
use crate::decode::http::xms_diagnostics::{self, Diag};
use crate::knowledge::headers::HeaderReader;
use crate::knowledge::iis;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};
use crate::textmap;
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Facts about Exchange URLs, verbs and user agents, with their public sources.
// ---------------------------------------------------------------------------------------------

const CLIENT_ACCESS: &str = crate::knowledge::sources::CLIENT_ACCESS_CLIENT_ACCESS;
const OUTLOOK_ANYWHERE: &str =
    crate::knowledge::sources::EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO;
const MAC_EWS: &str =
    crate::knowledge::sources::S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU;
const W3C_FIELDS: &str = crate::knowledge::sources::HTTP_W3C_LOGGING;

/// Exchange virtual directories by path prefix (lower case; the most specific prefix first).
const PATHS: &[(&str, &str, &str)] = &[
    (
        "/api/v2.0/",
        "Exchange REST API v2.0 (Outlook REST; also the target of hybrid Microsoft Graph calls for on-premises mailboxes)",
        CLIENT_ACCESS,
    ),
    (
        "/api/",
        "Exchange REST API (also used by hybrid Microsoft Graph calls)",
        CLIENT_ACCESS,
    ),
    (
        "/autodiscover/autodiscover.svc",
        "Autodiscover (SOAP, used by EWS clients and hybrid free/busy)",
        CLIENT_ACCESS,
    ),
    (
        "/autodiscover/autodiscover.xml",
        "Autodiscover (POX, used by Outlook for Windows)",
        CLIENT_ACCESS,
    ),
    (
        "/autodiscover/autodiscover.json",
        "Autodiscover v2 (JSON, used by Outlook mobile and Microsoft 365 services)",
        CLIENT_ACCESS,
    ),
    ("/autodiscover/", "Autodiscover", CLIENT_ACCESS),
    ("/ecp/", "Exchange admin center (ECP)", CLIENT_ACCESS),
    (
        "/ews/exchange.asmx",
        "Exchange Web Services (EWS): Outlook for Mac, hybrid free/busy, migrations and EWS apps",
        CLIENT_ACCESS,
    ),
    ("/ews/mrsproxy.svc", "the Mailbox Replication Proxy (hybrid mailbox moves)", CLIENT_ACCESS),
    ("/ews/", "Exchange Web Services (EWS)", CLIENT_ACCESS),
    (
        "/mapi/emsmdb",
        "MAPI over HTTP, mailbox endpoint (Outlook for Windows)",
        CLIENT_ACCESS,
    ),
    (
        "/mapi/nspi",
        "MAPI over HTTP, address book endpoint (Outlook for Windows)",
        CLIENT_ACCESS,
    ),
    (
        "/mapi/",
        "MAPI over HTTP (Outlook for Windows)",
        CLIENT_ACCESS,
    ),
    (
        "/microsoft-server-activesync",
        "Exchange ActiveSync (mobile devices)",
        CLIENT_ACCESS,
    ),
    ("/oab/", "Offline Address Book download", CLIENT_ACCESS),
    ("/owa/", "Outlook on the web", CLIENT_ACCESS),
    ("/powershell", "Exchange remote PowerShell", CLIENT_ACCESS),
    (
        "/rpc/",
        "Outlook Anywhere (RPC over HTTP)",
        OUTLOOK_ANYWHERE,
    ),
];

/// The Exchange endpoint a URL path belongs to (`/EWS/Exchange.asmx` is EWS), if any.
pub fn exchange_endpoint(path: &str) -> Option<&'static str> {
    lookup(PATHS, path, true).map(|(_, name, _)| *name)
}

/// HTTP verbs with a product meaning.
const VERBS: &[(&str, &str, &str)] = &[
    (
        "RPC_IN_DATA",
        "the client-to-server channel of Outlook Anywhere (RPC over HTTP)",
        OUTLOOK_ANYWHERE,
    ),
    (
        "RPC_OUT_DATA",
        "the server-to-client channel of Outlook Anywhere (RPC over HTTP)",
        OUTLOOK_ANYWHERE,
    ),
];

/// User agents by prefix.
const AGENTS: &[(&str, &str, &str)] = &[
    (
        "AppleExchangeWebServices",
        "Outlook for Mac or Apple Mail/Calendar on macOS, using EWS",
        MAC_EWS,
    ),
    (
        "Apple-iPad",
        "Apple Mail on iPad (Exchange ActiveSync)",
        CLIENT_ACCESS,
    ),
    (
        "Apple-iPhone",
        "Apple Mail on iPhone (Exchange ActiveSync)",
        CLIENT_ACCESS,
    ),
    (
        "ExchangeServicesClient",
        "an application using the EWS Managed API",
        CLIENT_ACCESS,
    ),
    (
        "MSRPC",
        "Outlook for Windows over Outlook Anywhere (RPC over HTTP)",
        OUTLOOK_ANYWHERE,
    ),
    (
        "Microsoft Office",
        "Outlook for Windows (or another Office app)",
        CLIENT_ACCESS,
    ),
    ("Outlook-Android", "Outlook for Android", CLIENT_ACCESS),
    ("Outlook-iOS", "Outlook for iOS", CLIENT_ACCESS),
];

/// One parsed log line: the fields and the byte range of each value.
struct Row {
    start: usize,
    end: usize,
    values: Vec<(String, String, usize, usize)>,
    guessed: bool,
}

impl Row {
    fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|v| v.0.eq_ignore_ascii_case(name))
            .map(|v| v.1.as_str())
    }
}

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

fn rows(text: &str) -> Vec<Row> {
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
        let toks = tokens(line);
        let (names, guessed): (Vec<String>, bool) = match &fields {
            Some(f) if f.len() == toks.len() => (f.clone(), false),
            _ if toks.len() == iis::DEFAULT_W3C_FIELDS.len()
                && toks.first().is_some_and(|(s, e)| is_date(&line[*s..*e])) =>
            {
                (
                    iis::DEFAULT_W3C_FIELDS
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    true,
                )
            }
            // The default set without cs(Referer), as some documentation samples print it.
            _ if toks.len() + 1 == iis::DEFAULT_W3C_FIELDS.len()
                && toks.first().is_some_and(|(s, e)| is_date(&line[*s..*e])) =>
            {
                (
                    iis::DEFAULT_W3C_FIELDS
                        .iter()
                        .filter(|f| **f != "cs(Referer)")
                        .map(|s| s.to_string())
                        .collect(),
                    true,
                )
            }
            _ => continue,
        };
        let values = names
            .into_iter()
            .zip(toks.iter())
            .map(|(n, (s, e))| (n, line[*s..*e].to_string(), here + s, here + e))
            .collect::<Vec<_>>();
        let row = Row {
            start: here + toks.first().map_or(0, |t| t.0),
            end: here + toks.last().map_or(0, |t| t.1),
            values,
            guessed,
        };
        // A line needs a status that reads as a number to count as a log line.
        if row
            .get("sc-status")
            .is_some_and(|s| s.parse::<u16>().is_ok())
        {
            out.push(row);
        }
    }
    out
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = exchange_logs(text, ctx);
    let rows = rows(text);
    if rows.is_empty() {
        return out;
    }
    if rows.len() <= 5 {
        for r in &rows {
            out.push(line_artifact(r));
        }
    } else {
        out.push(summary(&rows));
    }
    // Header values logged in custom fields get their own cards. A long log repeats the same
    // values, so each distinct value is explained once and its card copied with the new span.
    let mut explained: BTreeMap<(HeaderReader, &str), Option<Artifact>> = BTreeMap::new();
    for r in &rows {
        for (name, value, s, e) in &r.values {
            if value == "-" {
                continue;
            }
            let Some(reader) = crate::knowledge::headers::reader(name).filter(|r| r.has_card())
            else {
                continue;
            };
            let card = explained
                .entry((reader, value.as_str()))
                .or_insert_with(|| {
                    let decoded = textmap::iis_decode(value);
                    crate::explain::http::header_card(name, &decoded, Span::new(0, 0), ctx)
                });
            if let Some(card) = card {
                let mut copy = card.clone();
                copy.span = Span::new(*s, *e);
                out.push(copy);
            }
        }
    }
    out
}

fn status_of(r: &Row) -> (u16, u16, Option<u32>) {
    let st = r.get("sc-status").and_then(|s| s.parse().ok()).unwrap_or(0);
    let sub = r
        .get("sc-substatus")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let w = r.get("sc-win32-status").and_then(|s| s.parse().ok());
    (st, sub, w)
}

fn lookup<'a>(
    t: &'a [(&'a str, &'a str, &'a str)],
    v: &str,
    prefix: bool,
) -> Option<&'a (&'a str, &'a str, &'a str)> {
    t.iter().find(|(k, _, _)| {
        if prefix {
            v.to_ascii_lowercase().starts_with(&k.to_ascii_lowercase())
        } else {
            v.eq_ignore_ascii_case(k)
        }
    })
}

fn line_artifact(r: &Row) -> Artifact {
    let (st, sub, w) = status_of(r);
    let stem = r.get("cs-uri-stem").unwrap_or("-");
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        Span::new(r.start, r.end),
        format!(
            "IIS W3C log line: {} {stem} -> {st}.{sub}",
            r.get("cs-method").unwrap_or("")
        ),
    );
    a.verdict = format!(
        "{} {stem} answered {st}.{sub}{}.",
        r.get("cs-method").unwrap_or("request"),
        w.filter(|w| *w != 0)
            .map(|w| format!(" (win32 {w} = 0x{w:08X})"))
            .unwrap_or_default()
    );
    let mut s = Section::new(if r.guessed {
        "Fields (no #Fields line: the default IIS field set was assumed because the count matches)"
    } else {
        "Fields (from the #Fields line)"
    });
    for (name, value, _, _) in &r.values {
        s.push(field(name, value, st, sub));
    }
    a.sections.push(s);
    if r.guessed {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Field names assumed",
                "No #Fields line was pasted; the values match IIS's default W3C field set (sometimes without cs(Referer)), so those names were used. Paste the #Fields line to be sure.",
            )
            .source(W3C_FIELDS),
        );
    }
    if let Some(f) = failure_finding(r) {
        a.findings.push(f);
    }
    a
}

fn field(name: &str, value: &str, st: u16, sub: u16) -> Field {
    let lower = name.to_ascii_lowercase();
    // A query string is shown with its secret-bearing parameters masked (the one rule in mask.rs).
    let f = if lower == "cs-uri-query" {
        Field::new(name, crate::mask::query(value))
    } else {
        Field::new(name, value)
    };
    match lower.as_str() {
        "date" | "time" => f.meaning("UTC (IIS writes W3C logs in UTC)"),
        "s-ip" => f.meaning("the server's IP address"),
        "c-ip" => f.meaning("the client's IP address (or a load balancer's)"),
        "s-port" => f.meaning(match value {
            "443" => "HTTPS",
            "444" => "Exchange back-end site (HTTPS)",
            "80" => "HTTP",
            _ => "server port",
        }),
        "cs-method" => match lookup(VERBS, value, false) {
            Some((_, m, src)) => f.meaning(*m).source(*src),
            None => f.meaning("HTTP method"),
        },
        "cs-uri-stem" => match lookup(PATHS, value, true) {
            Some((_, m, src)) => f.meaning(*m).source(*src),
            None => f.meaning("the path requested"),
        },
        "cs-uri-query" => {
            let mut notes = Vec::new();
            let decoded = textmap::iis_decode(value);
            for part in decoded.split(['&', ';']) {
                if let Some((k, v)) = part.split_once('=') {
                    match k.to_ascii_lowercase().as_str() {
                        "cafereqid" => notes.push(format!(
                            "cafeReqId {v}: the Exchange front end's id for this request"
                        )),
                        "correlationid" => {
                            notes.push(format!("CorrelationID {v}: the client's correlation id"))
                        }
                        "clientid" => {
                            notes.push(format!("ClientId {v}: the Exchange client id cookie"))
                        }
                        _ => {}
                    }
                }
            }
            if value.contains(":6001") {
                notes.push("server:6001 is the mailbox RPC endpoint of Outlook Anywhere".into());
            }
            let f = f.shown(crate::mask::query(&decoded));
            if notes.is_empty() {
                f.meaning("the query string")
            } else {
                f.meaning(notes.join("; ")).source(CLIENT_ACCESS)
            }
        }
        "cs-username" => {
            if value == "-" {
                f.meaning("'-': anonymous, the request was not authenticated (no user name)")
            } else {
                f.meaning("the authenticated user")
            }
        }
        "cs(user-agent)" => {
            let ua = textmap::iis_decode(value);
            match AGENTS.iter().find(|(k, _, _)| ua.starts_with(k)) {
                Some((_, m, src)) => f.shown(ua.clone()).meaning(*m).source(*src),
                None => f.shown(ua),
            }
        }
        "sc-status" => match iis::status(st, sub) {
            Some(row) => f
                .shown(format!("{st}.{sub}"))
                .meaning(row.meaning)
                .source(row.source),
            None => f.shown(format!("{st}.{sub}")).meaning("HTTP status"),
        },
        "sc-substatus" => f.meaning("IIS substatus; read with sc-status"),
        "sc-win32-status" => {
            let code: u32 = value.parse().unwrap_or(0);
            if code == 0 {
                f.meaning("win32 status 0: no Windows error")
            } else {
                match iis::win32(code) {
                    Some(wrow) => f
                        .shown(format!("0x{code:08X} {}", wrow.name))
                        .meaning(format!("win32 status: {}", wrow.meaning))
                        .source(wrow.source),
                    None => f
                        .shown(format!("0x{code:08X}"))
                        .meaning("win32 status (Windows error code)"),
                }
            }
        }
        "time-taken" => f.meaning("milliseconds"),
        _ if lower.contains("www-authenticate") || lower.contains("x-ms-diagnostics") => f
            .shown(textmap::iis_decode(value))
            .meaning("a logged response header; explained in its own card"),
        _ => f,
    }
}

fn failure_finding(r: &Row) -> Option<Finding> {
    let (st, sub, w) = status_of(r);
    if st < 400 {
        return None;
    }
    let stem = r.get("cs-uri-stem").unwrap_or("-");
    let row = iis::status(st, sub);
    let sev = if st >= 500 {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = row.map_or_else(|| format!("HTTP {st}"), |r| r.meaning.to_string());
    let mut f = Finding::new(sev, format!("HTTP {st}.{sub} on {stem}"), what);
    if let Some(row) = row {
        f = f.source(row.source);
        if !row.fix.is_empty() {
            f = f.step(Step::new(row.fix));
        }
    }
    if let Some(code) = w.filter(|w| *w != 0) {
        if let Some(wrow) = iis::win32(code) {
            f = f.cause(format!(
                "win32 status {code} = 0x{code:08X} {}: {}",
                wrow.name, wrow.meaning
            ));
        } else {
            f = f.cause(format!("win32 status {code} = 0x{code:08X}"));
        }
    }
    if r.get("cs-username") == Some("-") && st == 401 {
        f = f.cause("cs-username is '-': the request carried no accepted credentials (anonymous).");
    }
    if let Some((_, m, _)) = r.get("cs-method").and_then(|m| lookup(VERBS, m, false)) {
        f = f.cause(format!("The request is {m}."));
    } else if let Some((_, m, _)) = lookup(PATHS, stem, true) {
        f = f.cause(format!("The endpoint is {m}."));
    }
    Some(f)
}

fn summary(rows: &[Row]) -> Artifact {
    let first = rows.first().map_or(0, |r| r.start);
    let last = rows.last().map_or(0, |r| r.end);
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        Span::new(first, last),
        format!("IIS W3C log ({} lines)", rows.len()),
    );
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    let mut distinct: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let (st, sub, w) = status_of(r);
        *by_status.entry(format!("{st}.{sub}")).or_default() += 1;
        if st >= 400 {
            let key = (
                format!("{st}.{sub}"),
                r.get("cs-uri-stem").unwrap_or("-").to_ascii_lowercase(),
                w.unwrap_or(0).to_string(),
            );
            distinct.entry(key).or_insert((i, 0)).1 += 1;
        }
    }
    let failures: usize = distinct.values().map(|v| v.1).sum();
    a.verdict = format!(
        "{} log lines; {failures} failed; {} distinct failures.",
        rows.len(),
        distinct.len()
    );
    let mut s = Section::new("Lines by status");
    for (k, v) in &by_status {
        let (st, sub) = k.split_once('.').unwrap_or((k, "0"));
        let mut f = Field::new(k.clone(), format!("{v} lines"));
        if let Some(row) = iis::status(st.parse().unwrap_or(0), sub.parse().unwrap_or(0)) {
            f = f.meaning(row.meaning).source(row.source);
        }
        s.push(f);
    }
    a.sections.push(s);
    let mut d = Section::new("Distinct failures");
    for ((status, stem, w), (idx, count)) in &distinct {
        let r = &rows[*idx];
        let ua = r
            .get("cs(User-Agent)")
            .map(textmap::iis_decode)
            .unwrap_or_default();
        d.push(
            Field::new(format!("{status} {stem}"), format!("{count} lines"))
                .meaning(format!("win32 {w}; first user agent {ua}")),
        );
        if let Some(mut f) = failure_finding(r) {
            f.title = format!("{} ({count} lines)", f.title);
            a.findings.push(f);
        }
    }
    if !d.fields.is_empty() {
        a.sections.push(d);
    }
    if rows.iter().any(|r| r.guessed) {
        a.findings.push(Finding::new(
            Severity::Info,
            "Field names assumed",
            "Some lines had no #Fields line above them; IIS's default W3C field set was assumed because the count matches.",
        ).source(W3C_FIELDS));
    }
    a
}

// ---------------------------------------------------------------------------------------------
// Exchange HttpProxy and EWS logs (comma-separated, `#Fields:` or `DateTime,...` header).
// ---------------------------------------------------------------------------------------------

/// Fields of Exchange's CSV logs whose meaning is clear from the proxy architecture, shown in
/// this order; any other non-empty field of a failed row is shown raw.
const EXCHANGE_FIELDS: &[(&str, &str)] = &[
    ("DateTime", "UTC time of the request"),
    ("Protocol", "the protocol log folder the row belongs to (Ews, Mapi, Rest, Autodiscover ...)"),
    ("UrlHost", "the host name the client called"),
    ("UrlStem", ""),
    ("Method", "HTTP method"),
    ("AuthenticationType", "how the caller authenticated (Bearer is OAuth; Negotiate, NTLM, Basic are the others)"),
    ("IsAuthenticated", ""),
    ("AuthenticatedUser", "the user the front end authenticated"),
    ("Organization", ""),
    ("AnchorMailbox", "the mailbox the request was routed by (X-AnchorMailbox or the mailbox derived from the request)"),
    ("UserAgent", ""),
    ("ClientIpAddress", "the client's IP address (or a load balancer's)"),
    ("ServerHostName", "the server that wrote this row"),
    ("TargetServer", "the back-end (mailbox) server the request was proxied to"),
    ("HttpStatus", "the HTTP status returned to the client"),
    ("BackEndStatus", "the HTTP status the back-end server returned to the proxy (empty when the request never reached a back end)"),
    ("ErrorCode", ""),
    ("SoapAction", "the EWS operation"),
    ("GenericErrors", ""),
    ("AuthenticationErrors", ""),
    ("GenericInfo", ""),
];

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
                    value.push_str(&line[seg..i]);
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
                value.push_str(&line[seg.min(line.len())..i.min(line.len())]);
            }
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
        } else {
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
            value.push_str(&line[start..i]);
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
fn exchange_header(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let t = t.strip_prefix("#Fields:").map_or(t, str::trim);
    if !t.starts_with("DateTime,") || !t.contains("HttpStatus") {
        return None;
    }
    Some(t.split(',').map(|f| f.trim().to_string()).collect())
}

struct ExRow {
    start: usize,
    end: usize,
    values: Vec<(String, String, usize, usize)>,
}

impl ExRow {
    fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|v| v.0.eq_ignore_ascii_case(name))
            .map_or("", |v| v.1.as_str())
    }

    fn failed(&self) -> bool {
        let bad = |s: &str| s.trim().parse::<u16>().is_ok_and(|n| n >= 400);
        bad(self.get("HttpStatus"))
            || bad(self.get("BackEndStatus"))
            || !self.get("ErrorCode").trim().is_empty()
            || !self.get("AuthenticationErrors").trim().is_empty()
            || self.get("GenericErrors").contains("reason=")
    }
}

fn exchange_logs(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    let mut fields: Option<Vec<String>> = None;
    let mut rows: Vec<ExRow> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        if let Some(f) = exchange_header(line) {
            if !rows.is_empty() {
                out.extend(exchange_artifacts(&rows, ctx));
                rows.clear();
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
        let vals = csv_values(line);
        // Exchange adds fields over versions; a row may be a field short or long at the end.
        if vals.len() + 2 < names.len() || vals.len() > names.len() + 2 {
            continue;
        }
        let values = names
            .iter()
            .zip(vals)
            .map(|(n, (v, s, e))| (n.clone(), v, here + s, here + e))
            .collect();
        rows.push(ExRow {
            start: here,
            end: here + line.len(),
            values,
        });
    }
    if !rows.is_empty() {
        out.extend(exchange_artifacts(&rows, ctx));
    }
    out
}

fn exchange_field(name: &str, value: &str) -> Field {
    let f = Field::new(name, value);
    let meaning = EXCHANGE_FIELDS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map_or("", |(_, m)| *m);
    match name {
        "UrlStem" => match lookup(PATHS, value, true) {
            Some((_, m, src)) => f.meaning(*m).source(*src),
            None => f.meaning("the path requested"),
        },
        "UserAgent" => match AGENTS.iter().find(|(k, _, _)| value.starts_with(k)) {
            Some((_, m, src)) => f.meaning(*m).source(*src),
            None => f,
        },
        "IsAuthenticated" => f.meaning(if value.eq_ignore_ascii_case("false") {
            "False: the caller was not authenticated when the row was written"
        } else {
            "whether the caller was authenticated"
        }),
        "HttpStatus" | "BackEndStatus" => {
            let code: u16 = value.trim().parse().unwrap_or(0);
            match iis::status(code, 0) {
                Some(row) => f
                    .meaning(format!("{meaning}: {}", row.meaning))
                    .source(row.source),
                None => f.meaning(meaning),
            }
        }
        _ if name.contains("Errors") || name == "ErrorCode" || name == "GenericInfo" => {
            if value.contains("reason=") {
                f.meaning("holds x-ms-diagnostics text; explained in its own card")
            } else {
                f
            }
        }
        _ => f.meaning(meaning),
    }
}

/// The x-ms-diagnostics value inside a logged field (`OAuthError=2000008;reason="..."`).
fn embedded_diagnostics(value: &str) -> Option<(usize, Diag)> {
    let at = value.find(";reason=")?;
    let start = value[..at]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |p| p + 1);
    if start == at {
        return None;
    }
    xms_diagnostics::parse_value(&value[start..]).map(|d| (start, d))
}

/// HttpStatus, BackEndStatus, UrlStem, AuthenticationType and ErrorCode of a failed row.
type FailureKey = (String, String, String, String, String);

fn exchange_artifacts(rows: &[ExRow], ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    let first = rows.first().map_or(0, |r| r.start);
    let last = rows.last().map_or(0, |r| r.end);
    let protocol = rows
        .iter()
        .map(|r| r.get("Protocol"))
        .find(|p| !p.is_empty())
        .unwrap_or("");
    let kind = if rows
        .iter()
        .any(|r| r.values.iter().any(|v| v.0 == "SoapAction"))
    {
        "Exchange EWS log"
    } else {
        "Exchange HttpProxy log"
    };
    let failed: Vec<&ExRow> = rows.iter().filter(|r| r.failed()).collect();
    let mut a = Artifact::new(
        ArtifactKind::LogLine,
        Span::new(first, last),
        if protocol.is_empty() {
            format!("{kind} ({} rows)", rows.len())
        } else {
            format!("{kind}, {protocol} ({} rows)", rows.len())
        },
    );
    a.verdict = format!(
        "{} rows; {} with an error status or error text.",
        rows.len(),
        failed.len()
    );
    // Distinct failures: status, back-end status, path, authentication type and error code.
    let mut distinct: BTreeMap<FailureKey, (usize, &ExRow)> = BTreeMap::new();
    for r in &failed {
        let key = (
            r.get("HttpStatus").to_string(),
            r.get("BackEndStatus").to_string(),
            r.get("UrlStem").to_ascii_lowercase(),
            r.get("AuthenticationType").to_string(),
            r.get("ErrorCode").to_string(),
        );
        distinct.entry(key).or_insert((0, r)).0 += 1;
    }
    for ((status, backend, stem, auth, code), (count, r)) in &distinct {
        let mut f = Finding::new(
            if status.starts_with('5') {
                Severity::Error
            } else {
                Severity::Warning
            },
            format!(
                "HTTP {} on {} ({} row{})",
                if status.is_empty() { "?" } else { status },
                if stem.is_empty() { "?" } else { stem },
                count,
                if *count == 1 { "" } else { "s" }
            ),
            format!(
                "AuthenticationType {}, IsAuthenticated {}, BackEndStatus {}, ErrorCode {}.",
                or_empty(auth),
                or_empty(r.get("IsAuthenticated")),
                or_empty(backend),
                or_empty(code)
            ),
        );
        if backend.is_empty() && status.starts_with('4') {
            f = f.cause("No BackEndStatus: the front end answered itself, so the request was refused before it was proxied to a mailbox server.");
        }
        if let Some(row) = iis::status(status.parse().unwrap_or(0), 0) {
            f = f.source(row.source);
        }
        let errors = r.get("GenericErrors");
        if let Some((_, d)) = embedded_diagnostics(errors) {
            f = f.cause(format!(
                "GenericErrors holds x-ms-diagnostics {} {}: {}",
                d.code.map(|c| c.to_string()).unwrap_or_default(),
                d.category().unwrap_or_default(),
                d.reason().unwrap_or_default()
            ));
        } else if !errors.is_empty() {
            f = f.cause(format!(
                "GenericErrors: {}",
                crate::text::ellipsis(errors, 300)
            ));
        }
        a.findings.push(f);
    }
    for (i, r) in failed.iter().take(20).enumerate() {
        let mut s = Section::new(format!(
            "Failed row {}: {} {} -> {}",
            i + 1,
            r.get("Method"),
            r.get("UrlStem"),
            r.get("HttpStatus")
        ));
        for (name, _) in EXCHANGE_FIELDS {
            let v = r.get(name);
            if !v.trim().is_empty() {
                s.push(exchange_field(name, v));
            }
        }
        a.sections.push(s);
    }
    if failed.len() > 20 {
        a.findings.push(Finding::new(
            Severity::Info,
            "Only the first 20 failed rows are listed",
            format!(
                "{} rows failed; the findings above count all of them.",
                failed.len()
            ),
        ));
    }
    out.push(a);
    for r in rows {
        for (name, value, s, e) in &r.values {
            if !(name.contains("Error") || name.contains("Info")) {
                continue;
            }
            if let Some((_, d)) = embedded_diagnostics(value) {
                out.push(crate::explain::http::xms_diagnostics::card(
                    &d,
                    Span::new(*s, *e),
                    ctx,
                ));
            }
        }
    }
    out
}

fn or_empty(s: &str) -> &str {
    if s.trim().is_empty() {
        "(empty)"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_fields_are_guessed_and_explained() {
        let t = "2022-09-02 02:43:29 10.7x.xx.2x POST /EWS/Exchange.asmx &CorrelationID=<empty>;&cafeReqId=e7a7da63-88ac-408b-b800-82458bb450b8; 443 - 172.20.1.1 AppleExchangeWebServices/818.0.1 - 401 1 2148074254 5";
        let a = scan(t, &Context::fixed());
        assert_eq!(a.len(), 1);
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("0x8009030E"), "{text}");
        assert!(text.contains("anonymous"));
        assert!(text.contains("Mac"));
    }

    #[test]
    fn fields_line_with_custom_headers_and_summary() {
        let mut t = String::from("#Fields: date time cs-method cs-uri-stem sc-status sc-substatus sc-win32-status sc(WWW-Authenticate)\n");
        for i in 0..8 {
            t.push_str(&format!("2019-05-13 10:00:0{i} GET /api/v2.0/me 401 0 0 Bearer+client_id=\"00000002-0000-0ff1-ce00-000000000000\",+error=\"invalid_token\"\n\n"));
        }
        let a = scan(&t, &Context::fixed());
        assert_eq!(a[0].title, "IIS W3C log (8 lines)");
        assert!(a.iter().any(|x| x.kind == ArtifactKind::Challenge));
        assert!(scan("2022-09-02 is a date and nothing else", &Context::fixed()).is_empty());
    }
}
