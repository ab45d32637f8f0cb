//! Decoder: HAR files (browser "Save all as HAR", Fiddler export): a summary of the requests and
//! one child artifact per failed authentication exchange, explained with the same parsers as a
//! pasted header.
//!
//! Design: a HAR is one JSON document whose response headers, bodies and redirect URLs would also
//! be found, one by one and without their request, by the header, AADSTS and error-body decoders.
//! To keep the report free of such duplicates, this decoder owns the whole HAR span: it walks the
//! `log.entries` array entry by entry (string-aware brace matching, so a cut HAR still yields its
//! complete entries), and for each failed exchange builds a child artifact holding the request
//! (method, URL with secret query values hidden, which credential it carried) and, as grandchildren,
//! the decoded challenges (`challenge.rs`), x-ms-diagnostics (`xms_diagnostics.rs`), AADSTS
//! errors (`aadsts.rs`) and Graph/EWS error bodies (`service_error.rs`). The finder (`find.rs`)
//! drops every other artifact that starts inside a HAR card's span, so nothing is reported
//! twice. Tokens are the exception: the JWT decoder still finds bearer tokens anywhere in the text,
//! and the entry only says which request carried one. Passwords, client secrets, codes and tokens
//! in URLs and bodies are never echoed.

use crate::context::Context;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use crate::textmap;
use serde_json::Value;
use std::collections::BTreeMap;

const HAR_SPEC: &str = crate::knowledge::sources::HAR_OVERVIEW;
const HAR_CAPTURE: &str = crate::knowledge::sources::AZURE_PORTAL_CAPTURE_BROWSER_TRACE;

/// At most this many failed exchanges get their own child artifact; the rest are counted.
const MAX_CHILDREN: usize = 60;

/// The byte range of a HAR document in `text` (from its `{` to the end of its last complete
/// entry), or `None` when the text is not a HAR. Cheap for anything that does not start like one.
pub fn har_span(text: &str) -> Option<Span> {
    locate(text).map(|(start, entries)| {
        let end = entries.last().map_or(start, |e| e.1);
        let end = full_end(text, start).unwrap_or(end);
        Span::new(start, end)
    })
}

/// Finds the HAR's opening brace and the byte ranges of its complete entries.
fn locate(text: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    let start = text.find(|c: char| !c.is_whitespace() && c != '\u{feff}')?;
    if text.as_bytes()[start] != b'{' {
        return None;
    }
    let head_end = floor_boundary(text, (start + 4096).min(text.len()));
    textmap::find_ci(&text[..head_end], "\"log\"", start)?;
    let key = text.find("\"entries\"")?;
    let mut p = key + "\"entries\"".len();
    let b = text.as_bytes();
    while p < b.len() && (b[p].is_ascii_whitespace() || b[p] == b':') {
        p += 1;
    }
    if b.get(p) != Some(&b'[') {
        return None;
    }
    p += 1;
    let mut entries = Vec::new();
    loop {
        while p < b.len() && (b[p].is_ascii_whitespace() || b[p] == b',') {
            p += 1;
        }
        if p >= b.len() || b[p] != b'{' {
            break;
        }
        match crate::text::json_end(b, p, usize::MAX) {
            Some(end) => {
                entries.push((p, end));
                p = end;
            }
            None => break,
        }
    }
    Some((start, entries))
}

/// The end of the whole document when it is complete (its closing brace), else `None`.
fn full_end(text: &str, start: usize) -> Option<usize> {
    crate::text::json_end(text.as_bytes(), start, usize::MAX)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One request/response pair, read from an entry.
struct Exchange {
    index: usize,
    span: Span,
    method: String,
    url: String,
    status: u16,
    status_text: String,
    request_headers: Vec<(String, String)>,
    response_headers: Vec<(String, String)>,
    body: String,
    redirect: String,
    post_params: Vec<String>,
}

impl Exchange {
    fn response_header(&self, name: &str) -> impl Iterator<Item = &str> {
        let name = name.to_string();
        self.response_headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(&name))
            .map(|(_, v)| v.as_str())
    }

    fn request_header(&self, name: &str) -> Option<&str> {
        self.request_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// True when this exchange is an authentication failure worth its own card.
    fn is_auth_failure(&self) -> bool {
        self.status == 401
            || self.status == 403
            || self.response_header("www-authenticate").next().is_some()
            || self.response_header("x-ms-diagnostics").next().is_some()
            || contains_aadsts(&self.body)
            || contains_aadsts(&self.redirect)
            || self
                .response_header("location")
                .any(|l| contains_aadsts(&textmap::iis_decode(l)))
    }
}

fn contains_aadsts(s: &str) -> bool {
    textmap::find_ci(s, "AADSTS", 0).is_some()
}

fn headers_of(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|h| {
                    Some((
                        h.get("name")?.as_str()?.to_string(),
                        h.get("value")?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn exchange(index: usize, span: Span, v: &Value) -> Exchange {
    let req = v.get("request");
    let res = v.get("response");
    let s = |o: Option<&Value>, k: &str| {
        o.and_then(|o| o.get(k))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let content = res.and_then(|r| r.get("content"));
    let mut body = s(content, "text");
    if s(content, "encoding").eq_ignore_ascii_case("base64") {
        if let Some(bytes) = crate::text::b64_decode_lenient(&body) {
            body = String::from_utf8_lossy(&bytes).into_owned();
        }
    }
    let post = req.and_then(|r| r.get("postData"));
    let mut post_params: Vec<String> = post
        .and_then(|p| p.get("params"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| p.get("name").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let post_text = s(post, "text");
    if post_params.is_empty() && post_text.contains('=') && !post_text.trim_start().starts_with('{')
    {
        post_params = post_text
            .split('&')
            .filter_map(|kv| kv.split_once('=').map(|(k, _)| k.to_string()))
            .collect();
    }
    // Only the grant type's value is ever kept from a body; every other value is dropped.
    if let Some(g) = post_text
        .split('&')
        .find_map(|kv| kv.strip_prefix("grant_type="))
    {
        post_params.push(format!("grant_type={}", textmap::iis_decode(g)));
    }
    Exchange {
        index,
        span,
        method: s(req, "method"),
        url: s(req, "url"),
        status: res
            .and_then(|r| r.get("status"))
            .and_then(Value::as_u64)
            .and_then(|n| u16::try_from(n).ok())
            .unwrap_or(0),
        status_text: s(res, "statusText"),
        request_headers: headers_of(req.and_then(|r| r.get("headers"))),
        response_headers: headers_of(res.and_then(|r| r.get("headers"))),
        body,
        redirect: s(res, "redirectURL"),
        post_params,
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

fn redact_query(query: &str) -> String {
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

/// The Exchange or Microsoft 365 endpoint a URL path belongs to, for the entry title.
fn endpoint_name(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let path = lower
        .split("://")
        .nth(1)
        .and_then(|r| r.find('/').map(|p| &r[p..]))
        .unwrap_or("");
    let host = lower
        .split("://")
        .nth(1)
        .and_then(|r| r.split(['/', '?']).next())
        .unwrap_or("");
    if let Some(name) = super::w3c::exchange_endpoint(path) {
        return Some(name);
    }
    if host.starts_with("graph.microsoft.") {
        return Some("Microsoft Graph");
    }
    if host.starts_with("login.") && (path.contains("/oauth2/") || path.contains("/token")) {
        return Some("Microsoft Entra token or authorize endpoint");
    }
    if host.starts_with("login.") {
        return Some("Microsoft Entra sign-in");
    }
    None
}

/// What credential the request carried, in words that never include the secret.
fn credential(x: &Exchange) -> Option<String> {
    let auth = x.request_header("authorization")?;
    let (scheme, rest) = auth.split_once(' ').unwrap_or((auth, ""));
    let rest = rest.trim();
    Some(match scheme.to_ascii_lowercase().as_str() {
        "bearer" if rest.starts_with("eyJ") && rest.matches('.').count() >= 2 => {
            "a Bearer JWT (decoded in its own card)".to_string()
        }
        "bearer" => "a Bearer token that is not a JWT (an opaque or encrypted token)".to_string(),
        "basic" => "Basic credentials (user name and password; not shown)".to_string(),
        "negotiate" if rest.starts_with("TlRMTVNT") => {
            "Negotiate carrying an NTLM message (Kerberos was not used)".to_string()
        }
        "negotiate" => "Negotiate (Kerberos or NTLM)".to_string(),
        "ntlm" => "NTLM".to_string(),
        other => format!("the '{other}' scheme (value not shown)"),
    })
}

/// Finds and decodes a HAR document in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let Some((start, entries)) = locate(text) else {
        return Vec::new();
    };
    let complete = full_end(text, start);
    let mut exchanges = Vec::new();
    let mut unreadable = 0;
    for (i, (s, e)) in entries.iter().enumerate() {
        match serde_json::from_str::<Value>(&text[*s..*e]) {
            Ok(v) => exchanges.push(exchange(i + 1, Span::new(*s, *e), &v)),
            Err(_) => unreadable += 1,
        }
    }
    let end = complete.unwrap_or_else(|| entries.last().map_or(start, |e| e.1));
    vec![summary(
        &exchanges,
        unreadable,
        complete.is_none(),
        Span::new(start, end),
        ctx,
    )]
}

fn summary(
    exchanges: &[Exchange],
    unreadable: usize,
    cut: bool,
    span: Span,
    ctx: &Context,
) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::Har,
        span,
        format!("HAR file ({} requests)", exchanges.len()),
    );
    let failures: Vec<&Exchange> = exchanges.iter().filter(|x| x.is_auth_failure()).collect();
    let mut by_status: BTreeMap<u16, usize> = BTreeMap::new();
    let mut hosts: BTreeMap<String, usize> = BTreeMap::new();
    for x in exchanges {
        *by_status.entry(x.status).or_default() += 1;
        let host = x
            .url
            .split("://")
            .nth(1)
            .and_then(|r| r.split(['/', '?']).next())
            .unwrap_or("")
            .to_ascii_lowercase();
        if !host.is_empty() {
            *hosts.entry(host).or_default() += 1;
        }
    }
    let tokens = exchanges
        .iter()
        .filter(|x| {
            x.request_header("authorization")
                .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("bearer"))
        })
        .count();
    a.verdict = format!(
        "{} recorded; {} failed authentication exchange{}; {} request{} carried a Bearer token.",
        requests_word(exchanges.len()),
        failures.len(),
        if failures.len() == 1 { "" } else { "s" },
        tokens,
        if tokens == 1 { "" } else { "s" }
    );
    let mut s = Section::new("Requests by status");
    for (status, count) in &by_status {
        let label = if *status == 0 {
            "0 (no response: blocked, cancelled or failed before an answer)".to_string()
        } else {
            status.to_string()
        };
        s.push(Field::new(label, requests_word(*count)));
    }
    a.sections.push(s);
    let mut h = Section::new("Hosts");
    for (host, count) in &hosts {
        h.push(Field::new(host.clone(), requests_word(*count)));
    }
    if !h.fields.is_empty() {
        a.sections.push(h);
    }
    if !failures.is_empty() {
        let mut list = Section::new("Failed authentication exchanges");
        for x in &failures {
            list.push(
                Field::new(
                    format!("#{}", x.index),
                    format!("{} {} -> {}", x.method, redact_url(&x.url), x.status),
                )
                .meaning(endpoint_name(&x.url).unwrap_or("")),
            );
        }
        a.sections.push(list);
    }
    for x in failures.iter().take(MAX_CHILDREN) {
        a.children.push(entry_artifact(x, exchanges, ctx));
    }
    if failures.len() > MAX_CHILDREN {
        a.findings.push(Finding::new(
            Severity::Info,
            "More failures than cards",
            format!(
                "{} failed exchanges are listed above; the first {MAX_CHILDREN} are explained one by one.",
                failures.len()
            ),
        ));
    }
    let real = failures
        .iter()
        .filter(|x| answered_later(x, exchanges).is_none())
        .count();
    if real > 0 {
        a.findings.push(
            Finding::new(
                Severity::Error,
                format!("{real} authentication failure{} in the HAR", if real == 1 { "" } else { "s" }),
                "Each failed exchange below shows the request, the status and the decoded refusal (WWW-Authenticate, x-ms-diagnostics, AADSTS or the error body).",
            )
            .source(HAR_CAPTURE),
        );
    } else if !failures.is_empty() {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Only normal challenges",
                "Every 401 in this HAR was followed by a successful retry of the same request: that is the usual challenge-then-credentials handshake, not a failure.",
            )
            .source(HAR_CAPTURE),
        );
    } else {
        a.findings.push(
            Finding::new(
                Severity::Ok,
                "No authentication failure recorded",
                "No 401 or 403, no WWW-Authenticate or x-ms-diagnostics header and no AADSTS error was recorded. If the problem shows in the browser, capture again with 'Preserve log' on and reproduce it.",
            )
            .source(HAR_CAPTURE),
        );
    }
    if cut {
        a.findings.push(
            Finding::new(
                Severity::Warning,
                "The HAR is cut",
                "The document does not end; only its complete entries were read. Paste or drop the whole file.",
            )
            .source(HAR_SPEC),
        );
    }
    if unreadable > 0 {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Unreadable entries",
            format!("{unreadable} entries are not valid JSON and were skipped."),
        ));
    }
    a.findings.push(
        Finding::new(
            Severity::Info,
            "A HAR holds secrets",
            "HAR files record cookies, tokens and form posts (including passwords typed into sign-in pages). They stay in this page; remove or sanitise them before attaching a HAR to a ticket.",
        )
        .source(HAR_CAPTURE),
    );
    a
}

/// True when a later request to the same URL with the same method succeeded (a normal handshake).
fn answered_later(x: &Exchange, all: &[Exchange]) -> Option<u16> {
    if x.status != 401 || contains_aadsts(&x.body) {
        return None;
    }
    if x.response_header("x-ms-diagnostics").next().is_some() {
        return None;
    }
    let base = |u: &str| {
        u.split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let mine = base(&x.url);
    all.iter()
        .filter(|y| y.index > x.index)
        .find(|y| y.method == x.method && base(&y.url) == mine)
        .map(|y| y.status)
        .filter(|s| (200..400).contains(s))
}

fn entry_artifact(x: &Exchange, all: &[Exchange], ctx: &Context) -> Artifact {
    let url = redact_url(&x.url);
    let endpoint = endpoint_name(&x.url);
    let mut a = Artifact::new(
        ArtifactKind::Headers,
        x.span,
        format!(
            "HAR entry #{}: {} {} -> {}",
            x.index, x.method, url, x.status
        ),
    );
    let later = answered_later(x, all);
    a.verdict = match (endpoint, later) {
        (_, Some(s)) => format!(
            "{} answered {} {}; the client then retried with credentials and got {s}: a normal authentication handshake.",
            endpoint.unwrap_or("The server"),
            x.status,
            x.status_text
        ),
        (Some(e), None) => format!("{e} refused the request with {} {}.", x.status, x.status_text),
        (None, None) => format!("The server answered {} {}.", x.status, x.status_text),
    };
    let mut req = Section::new("Request");
    req.push(Field::new("method", x.method.clone()));
    let mut uf = Field::new("URL", url.clone());
    if url != x.url {
        uf = uf.meaning("secret query values (code, tokens, secrets, passwords) are hidden");
    }
    if let Some(e) = endpoint {
        let note = match uf.meaning.take() {
            Some(m) => format!("{e}; {m}"),
            None => e.to_string(),
        };
        uf = uf.meaning(note);
    }
    req.push(uf);
    match credential(x) {
        Some(c) => req.push(Field::new("credential sent", c)),
        None => req.push(Field::new(
            "credential sent",
            "none (no Authorization header)",
        )),
    }
    let mut params: Vec<String> = x.post_params.clone();
    if params.iter().any(|p| p.starts_with("grant_type=")) {
        params.retain(|p| p != "grant_type");
    }
    params.sort();
    params.dedup();
    if !params.is_empty() {
        let how = if params.iter().any(|p| p == "client_secret") {
            "the app authenticated with a client secret; "
        } else if params.iter().any(|p| p == "client_assertion") {
            "the app authenticated with a signed assertion (usually a certificate); "
        } else if params.iter().any(|p| p == "password") {
            "a user name and password were posted (ROPC or a sign-in form); "
        } else {
            ""
        };
        let f = Field::new("form fields sent", params.join(", ")).meaning(format!(
            "{how}names only: values are never shown, except grant_type"
        ));
        req.push(f);
    }
    a.sections.push(req);
    let mut res = Section::new("Response");
    res.push(Field::new(
        "status",
        format!("{} {}", x.status, x.status_text).trim().to_string(),
    ));
    for (k, v) in &x.response_headers {
        let lower = k.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "www-authenticate"
                | "x-ms-diagnostics"
                | "x-ms-diagnostics-from-backend"
                | "request-id"
                | "client-request-id"
                | "x-ms-request-id"
                | "x-feserver"
                | "x-beserver"
                | "x-calculatedbetarget"
                | "x-owa-version"
                | "date"
                | "location"
                | "restrict-access-confirm"
        ) {
            let shown = if lower == "location" {
                redact_url(v)
            } else {
                v.clone()
            };
            res.push(Field::new(k.clone(), shown));
        }
    }
    a.sections.push(res);
    // The refusal, decoded by the same parsers as a pasted header or body.
    let challenges: Vec<&str> = x.response_header("www-authenticate").collect();
    for v in &challenges {
        a.children.extend(crate::explain::http::header_card(
            "www-authenticate",
            v,
            x.span,
            ctx,
        ));
    }
    if challenges.len() > 1 {
        let schemes: Vec<String> = challenges
            .iter()
            .map(|v| v.split([' ', ',']).next().unwrap_or("").to_string())
            .collect();
        a.findings.push(Finding::new(
            Severity::Info,
            "Several WWW-Authenticate headers",
            format!(
                "The server offered {} schemes in separate headers ({}); the client picks one it supports.",
                challenges.len(),
                schemes.join(", ")
            ),
        ));
    }
    for name in ["x-ms-diagnostics", "x-ms-diagnostics-from-backend"] {
        for v in x.response_header(name) {
            a.children
                .extend(crate::explain::http::header_card(name, v, x.span, ctx));
        }
    }
    for text in [
        x.body.as_str(),
        &textmap::iis_decode(&x.redirect),
        &x.response_header("location")
            .map(textmap::iis_decode)
            .collect::<Vec<_>>()
            .join("\n"),
    ] {
        if text.is_empty() {
            continue;
        }
        let body: &str = if text.len() > 200_000 {
            &text[..floor_boundary(text, 200_000)]
        } else {
            text
        };
        for mut child in crate::explain::errors::aadsts::scan(body, ctx)
            .into_iter()
            .chain(crate::explain::errors::scan_service(body, ctx))
        {
            if a.children
                .iter()
                .any(|c| c.kind == child.kind && c.title == child.title)
            {
                continue;
            }
            child.span = x.span;
            a.children.push(child);
        }
    }
    let severity = if later.is_some() {
        Severity::Info
    } else if x.status >= 400 || !a.children.is_empty() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = match x.status {
        401 => "401 Unauthorized: the credentials were missing or refused",
        403 => "403 Forbidden: the caller was identified but is not allowed",
        _ => "the response carries an authentication error",
    };
    let mut f = Finding::new(
        severity,
        format!(
            "Request #{} {}",
            x.index,
            if later.is_some() {
                "was challenged"
            } else {
                "failed"
            }
        ),
        format!(
            "{} {} -> {what}{}.",
            x.method,
            url,
            if a.children.is_empty() {
                "; the response has no WWW-Authenticate, x-ms-diagnostics or error body that says why"
            } else {
                "; the decoded refusal follows"
            }
        ),
    );
    if x.request_header("authorization").is_none() && x.status == 401 && later.is_none() {
        f = f.cause("The request carried no Authorization header: the client did not send a credential (or the browser dropped it on a redirect).");
    }
    if x.request_header("authorization")
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("bearer"))
    {
        f = f.cause("A Bearer token was sent and refused: compare its aud, exp, scp/roles and tenant (its card) with the refusal below.");
    }
    a.findings.push(f);
    a
}

/// "1 request" or "N requests".
fn requests_word(count: usize) -> String {
    if count == 1 {
        "1 request".to_string()
    } else {
        format!("{count} requests")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn har(entries: &str) -> String {
        format!("{{\"log\":{{\"version\":\"1.2\",\"creator\":{{\"name\":\"WebInspector\",\"version\":\"537.36\"}},\"entries\":[{entries}]}}}}")
    }

    const EWS_401: &str = r#"{"request":{"method":"POST","url":"https://mail.contoso.com/EWS/Exchange.asmx","headers":[{"name":"Authorization","value":"Bearer abc"}]},"response":{"status":401,"statusText":"Unauthorized","headers":[{"name":"WWW-Authenticate","value":"Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@contoso.com\", error=\"invalid_token\""},{"name":"x-ms-diagnostics","value":"2000008;reason=\"The token should have valid permissions or linked account associated with partner application '00000003-0000-0000-c000-000000000000'.\";error_category=\"invalid_grant\""}],"content":{"text":""}}}"#;

    #[test]
    fn entries_become_children_with_decoded_refusals() {
        let text = har(&format!(
            "{EWS_401},{{\"request\":{{\"method\":\"GET\",\"url\":\"https://x/ok\",\"headers\":[]}},\"response\":{{\"status\":200,\"headers\":[]}}}}"
        ));
        let a = scan(&text, &Context::fixed());
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "HAR file (2 requests)");
        assert_eq!(a[0].children.len(), 1);
        let child = &a[0].children[0];
        assert!(child.title.contains("/EWS/Exchange.asmx -> 401"));
        assert!(child
            .children
            .iter()
            .any(|c| c.kind == ArtifactKind::Challenge));
        assert!(child
            .children
            .iter()
            .any(|c| c.kind == ArtifactKind::Diagnostics));
        // The finder leaves everything inside the HAR to this decoder's card.
        let found = crate::find::find_all(&text, &Context::fixed());
        let kinds: Vec<ArtifactKind> = found.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, vec![ArtifactKind::Har], "{kinds:?}");
    }

    #[test]
    fn secrets_in_urls_are_hidden() {
        let u =
            redact_url("https://app/cb?code=0.AAA&state=1&client_secret=s3cr3t#id_token=eyJx&x=1");
        assert_eq!(
            u,
            "https://app/cb?code=(hidden)&state=1&client_secret=(hidden)#id_token=(hidden)&x=1"
        );
        assert!(!u.contains("s3cr3t"));
    }

    #[test]
    fn normal_handshake_is_not_a_failure_and_cut_har_is_read() {
        let challenge = r#"{"request":{"method":"GET","url":"https://mail.contoso.com/owa/","headers":[]},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Negotiate"},{"name":"WWW-Authenticate","value":"NTLM"}]}}"#;
        let ok = r#"{"request":{"method":"GET","url":"https://mail.contoso.com/owa/","headers":[{"name":"Authorization","value":"Negotiate YIIabc"}]},"response":{"status":200,"headers":[]}}"#;
        let text = har(&format!("{challenge},{ok}"));
        let a = &scan(&text, &Context::fixed())[0];
        assert!(a
            .findings
            .iter()
            .any(|f| f.title == "Only normal challenges"));
        let cut = &text[..text.len() - 10];
        let a = &scan(cut, &Context::fixed())[0];
        assert!(a.findings.iter().any(|f| f.title == "The HAR is cut"));
        assert!(scan("{\"log\": 1}", &Context::fixed()).is_empty());
        assert!(scan("not a har", &Context::fixed()).is_empty());
    }
}
