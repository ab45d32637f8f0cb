//! Decoder: AADSTS errors: JSON error bodies (also broken across lines or JSON-escaped),
//! `error_description` text, and `AADSTSnnnnn:` fragments inside exception text.
//!
//! One artifact per error body; nested codes (AADSTS70002 wrapping AADSTS50064) are listed and
//! explained together. Trace ID, Correlation ID and Timestamp are read whichever way they are
//! separated (real `\r\n`, literal `\r\n`, or the mangled `rn`).

use crate::context::Context;
use crate::knowledge::aadsts as table;
use crate::knowledge::apps;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};
use crate::textmap;
use serde_json::Value;

const ERROR_PAGE: &str = "https://login.microsoftonline.com/error?code=";

/// The fields of one AADSTS error, however it was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AadstsError {
    pub error: Option<String>,
    pub description: String,
    pub codes: Vec<u32>,
    pub suberror: Option<String>,
    pub claims: Option<String>,
    pub error_uri: Option<String>,
    pub trace_id: Option<String>,
    pub correlation_id: Option<String>,
    pub timestamp: Option<String>,
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    let mut covered = 0;
    for at in textmap::find_all_ci(text, "AADSTS") {
        let digits = text[at + 6..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if !(5..=7).contains(&digits) || at < covered {
            continue;
        }
        let (err, span) = match json_body(text, at) {
            Some(found) => found,
            None => fragment(text, at),
        };
        let mut a = artifact(&err, span);
        covered = span.end.max(at + 1);
        if let Some(page) = error_page(text, at) {
            // The page repeats the code in its Message line; one card holds the whole page.
            a.span = Span::new(span.start.min(page.start), span.end.max(page.end));
            covered = covered.max(page.end);
            add_page(&mut a, &page);
        }
        add_context(&mut a, text, span);
        out.push(a);
    }
    out
}

/// Labels of the "Troubleshooting details" block of the Entra sign-in error page, with meanings.
const PAGE_FIELDS: &[(&str, &str)] = &[
    ("Request Id", "Entra's id for this request: with the timestamp it finds the attempt in the sign-in logs"),
    ("Correlation Id", "the id of the whole sign-in: search the Entra sign-in logs for it"),
    ("Timestamp", "when it failed (UTC)"),
    ("Message", "the error text the page showed"),
    ("App name", "the application the user tried to sign in to"),
    ("App id", "the application (client) id of that app"),
    ("IP address", "the address Entra saw; compare it with Conditional Access named locations"),
    ("Device identifier", "the Entra device id; 'Not available' means the browser sent no device identity (unregistered device, or a browser without the Windows account sign-in)"),
    ("Device platform", "the operating system the browser reported"),
    ("Device state", "Entra registration state of the device (Unregistered, Registered, Hybrid Azure AD joined, Compliant ...)"),
    ("Error code", "the AADSTS number without its prefix"),
    ("User account", "the account that tried to sign in"),
    ("Flag sign-in errors for review", "enable flagging and reproduce within 20 minutes to make the attempt easy to find for an admin"),
];

/// The "Troubleshooting details" block of the sign-in error page near `at`.
struct ErrorPage {
    start: usize,
    end: usize,
    fields: Vec<(String, String)>,
}

fn error_page(text: &str, at: usize) -> Option<ErrorPage> {
    let window_end = floor(text, (at + 6000).min(text.len()));
    let window_start = floor(text, at.saturating_sub(3000));
    let region = &text[window_start..window_end];
    let anchor = textmap::find_ci(region, "Correlation Id:", 0)?;
    let anchor = window_start + anchor;
    // The block: label lines around the Correlation Id line, at most 40 lines on either side.
    let mut fields = Vec::new();
    let mut first = anchor;
    let mut last = anchor;
    let block_start = textmap::line_start(text, anchor.saturating_sub(1500).max(window_start));
    let mut pos = block_start;
    let mut lines = 0;
    while pos < window_end && lines < 80 {
        let le = textmap::line_end(text, pos);
        let line = text[pos..le].trim();
        if let Some((label, value)) = line.split_once(':') {
            if let Some((name, _)) = PAGE_FIELDS
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(label.trim()))
            {
                if !fields.iter().any(|(n, _): &(String, String)| n == name) {
                    fields.push((name.to_string(), value.trim().to_string()));
                }
                first = first.min(pos);
                last = last.max(le);
            }
        }
        pos = le + 1;
        lines += 1;
    }
    if fields.len() < 3 || !fields.iter().any(|(n, _)| n == "Correlation Id") {
        return None;
    }
    Some(ErrorPage {
        start: first,
        end: last,
        fields,
    })
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn add_page(a: &mut Artifact, page: &ErrorPage) {
    let mut s = Section::new("Sign-in error page (troubleshooting details)");
    for (name, value) in &page.fields {
        let meaning = PAGE_FIELDS
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, m)| *m);
        let mut f = Field::new(name.clone(), value.clone()).meaning(meaning);
        if name == "App id" {
            if let Some(app) = apps::app_by_id(value) {
                f = f.shown(app.name).source(app.source);
            }
        }
        s.push(f);
    }
    a.sections.insert(0, s);
    let unregistered = page.fields.iter().any(|(n, v)| {
        (n == "Device identifier" && v.eq_ignore_ascii_case("Not available"))
            || (n == "Device state" && v.eq_ignore_ascii_case("Unregistered"))
    });
    let mut f = Finding::new(
        Severity::Info,
        "Entra sign-in error page",
        "The user saw Microsoft Entra's error page. Its troubleshooting details identify the attempt: an admin finds it in the Entra sign-in logs by Correlation Id or Request Id and the timestamp.",
    )
    .step(Step::with_command(
        "Find the attempt in the sign-in logs (Microsoft Graph PowerShell).",
        "Get-MgAuditLogSignIn -Filter \"correlationId eq '<Correlation Id>'\" | Format-List",
    ))
    .source(SIGN_IN_LOGS);
    if unregistered {
        f = f.cause("The device is not registered in Entra (Device identifier 'Not available' or state 'Unregistered'): policies that require a compliant or hybrid-joined device fail from this browser.");
    }
    a.findings.push(f);
}

/// Wrappers that say which tool hit the error, and what that means for the fix.
const WRAPPERS: &[(&str, &str, &str)] = &[
    ("MsalUiRequiredException", "MSAL: a silent request failed and the user must sign in interactively (AcquireTokenInteractive), passing ex.Claims when present.", MSAL_EXCEPTIONS),
    ("MsalServiceException", "MSAL: Entra refused the token request; the AADSTS code says why, and retrying the same request does not help.", MSAL_EXCEPTIONS),
    ("MsalClientException", "MSAL: the library itself refused before calling Entra (configuration or network).", MSAL_EXCEPTIONS),
    ("Connect-ExchangeOnline", "Exchange Online PowerShell (EXO V3 module) sign-in: it uses the 'Microsoft Exchange REST API Based Powershell' public client or your app with -AppId and -CertificateThumbprint.", EXO_V3),
    ("Connect-MgGraph", "Microsoft Graph PowerShell sign-in: delegated with -Scopes, or app-only with -ClientId, -TenantId and -CertificateThumbprint.", MG_AUTH),
    ("az login", "Azure CLI: run az login again (with --tenant, and --scope for the resource the error names) to satisfy MFA or Conditional Access interactively.", AZ_LOGIN),
    ("Run the command below to authenticate interactively", "Azure CLI: run az login again (with --tenant, and --scope for the resource the error names) to satisfy MFA or Conditional Access interactively.", AZ_LOGIN),
];

const MSAL_EXCEPTIONS: &str = crate::knowledge::sources::EXCEPTIONS_MSAL_ERROR_HANDLING;
const EXO_V3: &str = crate::knowledge::sources::EXCHANGE_CONNECT_TO_EXCHANGE_ONLINE_POWERSHELL;
const MG_AUTH: &str = crate::knowledge::sources::MICROSOFTGRAPH_AUTHENTICATION_COMMANDS;
const AZ_LOGIN: &str = crate::knowledge::sources::AZURE_AUTHENTICATE_AZURE_CLI;
const SIGN_IN_LOGS: &str = crate::knowledge::sources::MONITORING_HEALTH_CONCEPT_SIGN_INS;

/// Names the tool that reported the error when its wrapper is next to the error.
fn add_context(a: &mut Artifact, text: &str, span: Span) {
    let lo = floor(text, span.start.saturating_sub(400));
    let hi = floor(text, (span.end + 600).min(text.len()));
    let near = &text[lo..hi];
    let mut seen = Vec::new();
    for (needle, meaning, source) in WRAPPERS {
        if textmap::find_ci(near, needle, 0).is_none() || seen.contains(meaning) {
            continue;
        }
        seen.push(*meaning);
        if let Some(s) = a.sections.iter_mut().find(|s| s.title == "Error") {
            s.push(
                Field::new("reported by", *needle)
                    .meaning(*meaning)
                    .source(*source),
            );
        }
    }
    let classification = near.find("Classification:").map(|p| {
        near[p + 15..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    });
    if let Some(c) = classification.filter(|c| !c.is_empty()) {
        if let Some(s) = a.sections.iter_mut().find(|s| s.title == "Error") {
            let snake: String = c
                .chars()
                .enumerate()
                .flat_map(|(i, ch)| {
                    let lower = ch.to_ascii_lowercase();
                    if ch.is_ascii_uppercase() && i > 0 {
                        vec!['_', lower]
                    } else {
                        vec![lower]
                    }
                })
                .collect();
            let mut f = Field::new("MSAL classification", c.clone());
            if let Some(row) = table::suberror(&snake) {
                f = f.meaning(row.meaning).source(row.source);
            }
            s.push(f);
        }
    }
}

/// The JSON object around `at`, parsed leniently.
fn json_body(text: &str, at: usize) -> Option<(AadstsError, Span)> {
    let b = text.as_bytes();
    let lo = at.saturating_sub(6000);
    let mut i = at;
    let mut tries = 0;
    while i > lo && tries < 8 {
        i -= 1;
        if b[i] != b'{' {
            continue;
        }
        tries += 1;
        let Some(end) = crate::text::json_end(b, i, 20_000) else {
            continue;
        };
        if end <= at {
            continue;
        }
        let slice = &text[i..end];
        if let Some(v) = parse_lenient(slice) {
            if v.get("error").is_some() || v.get("error_description").is_some() {
                return Some((from_json(&v), Span::new(i, end)));
            }
        }
    }
    None
}

/// Parses JSON that was broken across lines or escaped inside another string.
fn parse_lenient(slice: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str::<Value>(slice) {
        return Some(v);
    }
    // Raw line breaks inside strings (a copy that wrapped the text).
    let mut fixed = String::with_capacity(slice.len());
    let mut in_str = false;
    let mut prev_backslash = false;
    for c in slice.chars() {
        if in_str {
            if c == '\n' || c == '\r' {
                continue;
            }
            if c == '"' && !prev_backslash {
                in_str = false;
            }
            prev_backslash = c == '\\' && !prev_backslash;
        } else if c == '"' {
            in_str = true;
        }
        fixed.push(c);
    }
    if let Ok(v) = serde_json::from_str::<Value>(&fixed) {
        return Some(v);
    }
    let unescaped = crate::text::json_unescape(slice);
    serde_json::from_str::<Value>(&unescaped).ok()
}

fn from_json(v: &Value) -> AadstsError {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let description = s("error_description").unwrap_or_default();
    let mut err = AadstsError {
        error: s("error"),
        suberror: s("suberror"),
        claims: s("claims").or_else(|| {
            v.get("claims")
                .filter(|c| c.is_object())
                .map(Value::to_string)
        }),
        error_uri: s("error_uri"),
        trace_id: s("trace_id"),
        correlation_id: s("correlation_id"),
        timestamp: s("timestamp"),
        ..AadstsError::default()
    };
    if let Some(Value::Array(codes)) = v.get("error_codes") {
        err.codes = codes
            .iter()
            .filter_map(|c| c.as_u64().and_then(|n| u32::try_from(n).ok()))
            .collect();
    }
    fill_from_description(&mut err, &description);
    err.description = description;
    err
}

/// A fragment without a parsable JSON object around it.
fn fragment(text: &str, at: usize) -> (AadstsError, Span) {
    let ls = textmap::line_start(text, at);
    let mut start = at;
    let before = &text[ls..at];
    if let Some(p) = before
        .find("\"error\"")
        .or_else(|| before.find("\"error_description\""))
    {
        start = ls + p;
    }
    // The fragment runs to a blank line, a closing quote, or at most 3000 bytes.
    let hard = (at + 3000).min(text.len());
    let mut end = hard;
    let region = &text[at..hard];
    if let Some(p) = region.find("\n\n").or_else(|| region.find("\r\n\r\n")) {
        end = at + p;
    }
    let b = text.as_bytes();
    let mut j = at;
    while j < end {
        if b[j] == b'"' && (j == 0 || b[j - 1] != b'\\') {
            end = j;
            break;
        }
        j += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut err = AadstsError::default();
    let head = &text[start..at];
    err.error = json_string_field(head, "error");
    let desc = text[at..end].trim_end().to_string();
    // Fields that follow the description in the same body.
    let tail_end = (end + 2000).min(text.len());
    let mut tail_end_c = tail_end;
    while !text.is_char_boundary(tail_end_c) {
        tail_end_c -= 1;
    }
    let tail = &text[end..tail_end_c];
    let tail = tail.split("\n\n").next().unwrap_or("");
    err.suberror = json_string_field(tail, "suberror");
    err.error_uri = json_string_field(tail, "error_uri");
    err.claims = json_string_field(tail, "claims");
    let mut span_end = end;
    if end < text.len() && b[end] == b'"' {
        span_end = end + 1;
    }
    fill_from_description(&mut err, &desc);
    err.description = desc;
    (err, Span::new(start, span_end))
}

/// Reads `"key":"value"` from a JSON-like text.
fn json_string_field(text: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\"");
    let p = text.find(&pat)?;
    let rest = text[p + pat.len()..].trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut esc = false;
    for c in rest.chars() {
        if esc {
            out.push(c);
            esc = false;
        } else if c == '\\' {
            esc = true;
            out.push(c);
        } else if c == '"' {
            return Some(crate::text::json_unescape(&out));
        } else {
            out.push(c);
        }
    }
    None
}

/// Reads the codes, Trace ID, Correlation ID and Timestamp out of a description.
fn fill_from_description(err: &mut AadstsError, desc: &str) {
    let mut codes: Vec<u32> = Vec::new();
    for p in textmap::find_all_ci(desc, "AADSTS") {
        let d: String = desc[p + 6..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(c) = d.parse::<u32>() {
            if (5..=7).contains(&d.len()) && !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    for c in std::mem::take(&mut err.codes) {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    err.codes = codes;
    let guid_after = |label: &str| -> Option<String> {
        let p = textmap::find_ci(desc, label, 0)?;
        let rest = desc[p + label.len()..].trim_start_matches([':', ' ']);
        crate::text::guids_in(rest.get(..36.min(rest.len()))?)
            .first()
            .map(|g| g.to_string())
    };
    if err.trace_id.is_none() {
        err.trace_id = guid_after("Trace ID");
    }
    if err.correlation_id.is_none() {
        err.correlation_id = guid_after("Correlation ID");
    }
    if err.timestamp.is_none() {
        if let Some(p) = textmap::find_ci(desc, "Timestamp:", 0) {
            let rest = desc[p + 10..].trim_start();
            let ts: String = rest
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | 'T' | 'Z' | '.')
                })
                .collect();
            let ts = ts.trim();
            let ts = ts.split_inclusive('Z').next().unwrap_or(ts).trim();
            if ts.len() >= 10 {
                err.timestamp = Some(ts.to_string());
            }
        }
    }
}

/// The human message of a description, without the Trace ID / Correlation ID / Timestamp tail.
pub fn message(desc: &str) -> String {
    let mut m = desc.replace("\\r\\n", "\n").replace("\\n", "\n");
    if let Some(p) = textmap::find_ci(&m, "Trace ID", 0) {
        m.truncate(p);
    }
    let m = m.trim_end();
    let m = m
        .strip_suffix("rn")
        .filter(|s| s.ends_with(['.', ' ']))
        .unwrap_or(m);
    m.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence that follows `AADSTSnnnn:` in a message, up to the next code.
fn sentence_for(msg: &str, code: u32) -> Option<String> {
    let label = format!("AADSTS{code}");
    let p = msg.find(&label)?;
    let rest = msg[p + label.len()..].trim_start_matches([':', ' ']);
    let end = rest.find("AADSTS").unwrap_or(rest.len());
    Some(rest[..end].trim().to_string()).filter(|s| !s.is_empty())
}

/// Builds the explained artifact for one error.
pub fn artifact(err: &AadstsError, span: Span) -> Artifact {
    let codes: Vec<String> = err.codes.iter().map(|c| format!("AADSTS{c}")).collect();
    let title = if codes.is_empty() {
        "Microsoft Entra sign-in error".to_string()
    } else {
        format!("Microsoft Entra sign-in error {}", codes.join(" / "))
    };
    let mut a = Artifact::new(ArtifactKind::Aadsts, span, title);
    let msg = message(&err.description);
    a.verdict = if msg.is_empty() {
        "Microsoft Entra ID refused to issue a token.".to_string()
    } else {
        format!("Microsoft Entra ID refused to issue a token: {msg}")
    };
    let mut s = Section::new("Error");
    if let Some(e) = &err.error {
        let mut f = Field::new("error", e.clone());
        if let Some(row) = table::oauth_error(e) {
            f = f.meaning(row.meaning).source(row.source);
        }
        s.push(f);
    }
    if let Some(sub) = &err.suberror {
        let mut f = Field::new("suberror", sub.clone());
        match table::suberror(sub) {
            Some(row) => f = f.meaning(row.meaning).source(row.source),
            None => f = f.unknown(),
        }
        s.push(f);
    }
    for c in &err.codes {
        let mut f = Field::new("code", format!("AADSTS{c}"));
        match table::aadsts(*c) {
            Some(row) => {
                f = f.meaning(row.meaning).source(row.source);
                if !row.name.is_empty() {
                    f = f.shown(format!("AADSTS{c} {}", row.name));
                }
            }
            None => f = f.unknown().source(format!("{ERROR_PAGE}{c}")),
        }
        s.push(f);
    }
    if !msg.is_empty() {
        s.push(Field::new("message", msg.clone()));
    }
    if let Some(v) = &err.trace_id {
        s.push(
            Field::new("Trace ID", v.clone())
                .meaning("give this to Microsoft support with the timestamp"),
        );
    }
    if let Some(v) = &err.correlation_id {
        s.push(
            Field::new("Correlation ID", v.clone())
                .meaning("find the attempt in the Entra sign-in logs with this id"),
        );
    }
    if let Some(v) = &err.timestamp {
        s.push(Field::new("Timestamp", v.clone()).meaning("UTC"));
    }
    if let Some(v) = &err.error_uri {
        s.push(Field::new("error_uri", v.clone()).meaning("Microsoft's page for this code"));
    }
    for g in crate::text::guids_in(&msg) {
        if let Some(app) = apps::app_by_id(g) {
            s.push(
                Field::new("named in the message", g)
                    .shown(app.name)
                    .meaning(app.note)
                    .source(app.source),
            );
        }
    }
    for word in msg.split(['\'', ' ', '"']) {
        if word.starts_with("https://") {
            if let Some(r) = apps::resource_by_uri(word.trim_end_matches(['.', ','])) {
                s.push(
                    Field::new("named in the message", word)
                        .shown(r.name)
                        .source(r.source),
                );
            }
        }
    }
    a.sections.push(s);
    for c in &err.codes {
        let f = match table::aadsts(*c) {
            Some(row) => {
                let title = if row.name.is_empty() {
                    format!("AADSTS{c}")
                } else {
                    format!("AADSTS{c} {}", row.name)
                };
                let mut f = Finding::new(Severity::Error, title, row.meaning).source(row.source);
                for cause in row.causes {
                    f = f.cause(*cause);
                }
                for fix in row.fixes {
                    f = f.step(fix.to_step());
                }
                f
            }
            None => Finding::new(
                Severity::Error,
                format!("AADSTS{c}"),
                format!(
                    "{} AADSTS{c} is not in our table; Microsoft's lookup page {ERROR_PAGE}{c} shows its current text.",
                    sentence_for(&msg, *c)
                        .map(|m| format!("Entra says: {m}"))
                        .unwrap_or_else(|| "Microsoft Entra ID refused the request.".into())
                ),
            )
            .step(Step::new(format!(
                "Open {ERROR_PAGE}{c} (or search the code in the AADSTS reference) for Microsoft's current description."
            )))
            .step(Step::new("Find the attempt in the Entra sign-in logs by its correlation ID: the failure reason there is often more precise."))
            .source(table::AADSTS_REFERENCE),
        };
        a.findings.push(f);
    }
    if err.codes.len() > 1 {
        a.findings.push(Finding::new(
            Severity::Info,
            format!("{} nested codes", err.codes.len()),
            format!(
                "{} is the outer failure; {} says more precisely what went wrong. Fix the innermost one first.",
                codes[0],
                codes[1..].join(", ")
            ),
        ));
    }
    if let Some(claims) = &err.claims {
        let json = if claims.trim_start().starts_with('{') {
            claims.clone()
        } else {
            crate::text::b64_decode_lenient(claims)
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_else(|| claims.clone())
        };
        let (sec, finding) = crate::explain::http::claims::claims_request(&json);
        if !sec.fields.is_empty() {
            a.sections.push(sec);
        }
        a.findings.push(finding);
    }
    if let Some(row) = err.suberror.as_deref().and_then(table::suberror) {
        a.findings.push(
            Finding::new(
                Severity::Info,
                format!("suberror {}", row.suberror),
                row.meaning,
            )
            .step(Step::new(row.fix))
            .source(row.source),
        );
    }
    a.evidence.aadsts = err.codes.clone();
    if let Some(e) = &err.error {
        a.evidence.facts.push(("error".into(), e.clone()));
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_body_with_literal_rn_separators() {
        let t = r#"{"error":"unauthorized_client","error_description":"AADSTS70002: Error validating credentials. AADSTS50064: Credential validation failed.rnTrace ID: 63b501c5-296a-4235-a7af-4296441721f0rnCorrelation ID: 5513b3b3-6e2e-4b37-927d-0b6bad48a515rnTimestamp: 2015-10-27 19:54:35Z","error_codes":[70002,50064]}"#;
        let found = scan(t, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].evidence.aadsts, vec![70002, 50064]);
        let text = crate::render::artifact_text(&found[0]);
        assert!(text.contains("Correlation ID: 5513b3b3-6e2e-4b37-927d-0b6bad48a515"));
        assert!(text.contains("Timestamp: 2015-10-27 19:54:35Z"), "{text}");
        assert!(text.contains("message: AADSTS70002: Error validating credentials. AADSTS50064: Credential validation failed."), "{text}");
    }

    #[test]
    fn broken_lines_and_fragments() {
        let t = "{\n \"error\": \"interaction_required\",\n \"error_description\": \"AADSTS50079: enroll to access '00000003-0000-0000-c000-000000000000'.\\r\\nTrace ID: 5058bf6a-b266-444a-bf5f-a68724b53600\\r\\nCorrelation\n ID: b6a65466-04dc-4929-89b4-6ac81e5b31f1\",\n \"claims\": \"{\\\"access_token\\\":{\\\"polids\\\":{\\\"essential\\\":true,\\\"Values\\\":[\\\"bd8d9305-ee44-4c9e-87a9-45bc878db6e1\\\"]}}}\"\n}";
        let found = scan(t, &Context::fixed());
        assert_eq!(found.len(), 1);
        let text = crate::render::artifact_text(&found[0]);
        assert!(text.contains("Correlation ID: b6a65466"), "{text}");
        assert!(text.contains("access_token.polids"), "{text}");
        let t = "Exception: AADSTS50012: The key was not found.\r\nTrace ID: 47a23f57-3717-4857-8fab-b3485aeba800";
        let found = scan(t, &Context::fixed());
        assert_eq!(found[0].evidence.aadsts, vec![50012]);
        assert!(scan(
            "AADSTS is a prefix; AADSTS12 is too short.",
            &Context::fixed()
        )
        .is_empty());
    }
}
