//! Explains one failed HAR exchange: the request (method, URL with secrets hidden, which credential
//! it carried, form field names), the response headers worth reading, and the refusal decoded by
//! the same parsers as a pasted header or body (challenge, x-ms-diagnostics, AADSTS, error bodies).

use crate::context::Context;
use crate::decode::logs::har::{contains_aadsts, credential, Credential, Exchange};
use crate::decode::logs::row::redact_url;
use crate::explain::rule::{self, Rule};
use crate::knowledge::{exchange_paths, service_hosts};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};
use crate::text::floor_boundary;
use crate::textmap;

/// Response headers listed in an entry card.
const SHOWN_HEADERS: &[&str] = &[
    "client-request-id",
    "date",
    "location",
    "request-id",
    "restrict-access-confirm",
    "www-authenticate",
    "x-beserver",
    "x-calculatedbetarget",
    "x-feserver",
    "x-ms-diagnostics",
    "x-ms-diagnostics-from-backend",
    "x-ms-request-id",
    "x-owa-version",
];

/// The Exchange or Microsoft 365 endpoint a URL belongs to, for titles and verdicts.
pub fn endpoint_name(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.split("://").nth(1);
    let path = rest
        .and_then(|r| r.find('/').and_then(|p| r.get(p..)))
        .unwrap_or("");
    let host = rest.and_then(|r| r.split(['/', '?']).next()).unwrap_or("");
    if let Some(p) = exchange_paths::path(path) {
        return Some(p.protocol);
    }
    service_hosts::service(host, path).map(|s| s.name)
}

/// The status of a later successful request to the same URL with the same method, when this
/// exchange is a plain 401 challenge (a normal handshake rather than a failure).
pub fn answered_later(x: &Exchange, all: &[Exchange]) -> Option<u16> {
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

/// What credential the request carried, in words that never include the secret.
fn credential_words(c: &Credential) -> String {
    match c {
        Credential::BearerJwt => "a Bearer JWT (decoded in its own card)".to_string(),
        Credential::BearerOpaque => {
            "a Bearer token that is not a JWT (an opaque or encrypted token)".to_string()
        }
        Credential::Basic => "Basic credentials (user name and password; not shown)".to_string(),
        Credential::NegotiateNtlm => {
            "Negotiate carrying an NTLM message (Kerberos was not used)".to_string()
        }
        Credential::Negotiate => "Negotiate (Kerberos or NTLM)".to_string(),
        Credential::Ntlm => "NTLM".to_string(),
        Credential::Other(other) => format!("the '{other}' scheme (value not shown)"),
    }
}

/// What the rules read of one failed exchange: the request, the challenges, the later retry and
/// whether a refusal was decoded.
pub struct EntryView {
    pub index: usize,
    pub method: String,
    /// The URL with secret values hidden.
    pub url: String,
    pub status: u16,
    pub authorization: Option<String>,
    pub challenges: Vec<String>,
    pub later: Option<u16>,
    pub decoded_refusal: bool,
}

impl EntryView {
    pub fn new(x: &Exchange, later: Option<u16>, decoded_refusal: bool) -> Self {
        EntryView {
            index: x.index,
            method: x.method.clone(),
            url: redact_url(&x.url),
            status: x.status,
            authorization: x.request_header("authorization").map(str::to_string),
            challenges: x
                .response_header("www-authenticate")
                .map(str::to_string)
                .collect(),
            later,
            decoded_refusal,
        }
    }
}

/// Rules over one failed exchange, in the order their findings are listed.
pub const RULES: &[Rule<EntryView>] = &[
    Rule {
        id: "har.several-challenges",
        severity: Severity::Info,
        title: "Several WWW-Authenticate headers: the server offered several schemes",
        source: None,
        check: several_challenges,
    },
    Rule {
        id: "har.failed-exchange",
        severity: Severity::Error,
        title: "A request was refused (401, 403 or an authentication error in the response)",
        source: None,
        check: failed_exchange,
    },
];

fn several_challenges(v: &EntryView, _: &Context) -> Vec<Finding> {
    let challenges = &v.challenges;
    if challenges.len() < 2 {
        return Vec::new();
    }
    let schemes: Vec<&str> = challenges
        .iter()
        .map(|c| c.split([' ', ',']).next().unwrap_or(""))
        .collect();
    vec![Finding::new(
        Severity::Info,
        "Several WWW-Authenticate headers",
        format!(
            "The server offered {} schemes in separate headers ({}); the client picks one it supports.",
            challenges.len(),
            schemes.join(", ")
        ),
    )]
}

fn failed_exchange(v: &EntryView, _: &Context) -> Vec<Finding> {
    let severity = if v.later.is_some() {
        Severity::Info
    } else if v.status >= 400 || v.decoded_refusal {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = match v.status {
        401 => "401 Unauthorized: the credentials were missing or refused",
        403 => "403 Forbidden: the caller was identified but is not allowed",
        _ => "the response carries an authentication error",
    };
    let mut f = Finding::new(
        severity,
        format!(
            "Request #{} {}",
            v.index,
            if v.later.is_some() {
                "was challenged"
            } else {
                "failed"
            }
        ),
        format!(
            "{} {} -> {what}{}.",
            v.method,
            v.url,
            if v.decoded_refusal {
                "; the decoded refusal follows"
            } else {
                "; the response has no WWW-Authenticate, x-ms-diagnostics or error body that says why"
            }
        ),
    );
    let auth = v.authorization.as_deref();
    if auth.is_none() && v.status == 401 && v.later.is_none() {
        f = f.cause("The request carried no Authorization header: the client did not send a credential (or the browser dropped it on a redirect).");
    }
    if auth.is_some_and(|v| v.to_ascii_lowercase().starts_with("bearer")) {
        f = f.cause("A Bearer token was sent and refused: compare its aud, exp, scp/roles and tenant (its card) with the refusal below.");
    }
    vec![f]
}

fn request_section(x: &Exchange, url: &str, endpoint: Option<&str>) -> Section {
    let mut req = Section::new("Request");
    req.push(Field::new("method", x.method.clone()));
    let mut uf = Field::new("URL", url);
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
    let sent = credential(x).map_or_else(
        || "none (no Authorization header)".to_string(),
        |c| credential_words(&c),
    );
    req.push(Field::new("credential sent", sent));
    let mut params: Vec<String> = x.post_params.clone();
    if params.iter().any(|p| p.starts_with("grant_type=")) {
        params.retain(|p| p != "grant_type");
    }
    crate::sort::natural(&mut params);
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
        req.push(
            Field::new("form fields sent", params.join(", ")).meaning(format!(
                "{how}names only: values are never shown, except grant_type"
            )),
        );
    }
    req
}

fn response_section(x: &Exchange) -> Section {
    let mut res = Section::new("Response");
    res.push(Field::new(
        "status",
        format!("{} {}", x.status, x.status_text).trim().to_string(),
    ));
    for (k, v) in &x.response_headers {
        let lower = k.to_ascii_lowercase();
        if SHOWN_HEADERS.contains(&lower.as_str()) {
            let shown = if lower == "location" {
                redact_url(v)
            } else {
                v.clone()
            };
            res.push(Field::new(k.clone(), shown));
        }
    }
    res
}

/// The cards of the refusal's headers, read through the one header table like a pasted header.
fn embedded_header_cards(x: &Exchange, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for name in [
        "www-authenticate",
        "x-ms-diagnostics",
        "x-ms-diagnostics-from-backend",
    ] {
        for v in x.response_header(name) {
            out.extend(crate::explain::http::header_card(name, v, x.span, ctx));
        }
    }
    out
}

/// The cards of AADSTS errors and service error bodies in the body, redirect and Location.
fn body_cards(x: &Exchange, children: &mut Vec<Artifact>, ctx: &Context) {
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
        let body = text
            .get(..floor_boundary(text, 200_000.min(text.len())))
            .unwrap_or(text);
        for mut child in crate::explain::errors::aadsts::scan(body, ctx)
            .into_iter()
            .chain(crate::explain::errors::scan_service(body, ctx))
        {
            if children
                .iter()
                .any(|c| c.kind == child.kind && c.title == child.title)
            {
                continue;
            }
            child.span = x.span;
            children.push(child);
        }
    }
}

/// The card of one failed exchange.
pub fn entry_card(x: &Exchange, all: &[Exchange], ctx: &Context) -> Artifact {
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
    a.sections.push(request_section(x, &url, endpoint));
    a.sections.push(response_section(x));
    a.children = embedded_header_cards(x, ctx);
    body_cards(x, &mut a.children, ctx);
    let view = EntryView::new(x, later, !a.children.is_empty());
    a.findings = rule::run(RULES, &view, ctx);
    a
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::decode::logs::har;

    pub(crate) const EWS_401: &str = r#"{"request":{"method":"POST","url":"https://mail.contoso.com/EWS/Exchange.asmx","headers":[{"name":"Authorization","value":"Bearer abc"}]},"response":{"status":401,"statusText":"Unauthorized","headers":[{"name":"WWW-Authenticate","value":"Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@contoso.com\", error=\"invalid_token\""},{"name":"x-ms-diagnostics","value":"2000008;reason=\"The token should have valid permissions or linked account associated with partner application '00000003-0000-0000-c000-000000000000'.\";error_category=\"invalid_grant\""}],"content":{"text":""}}}"#;

    const TWO_CHALLENGES: &str = r#"{"request":{"method":"GET","url":"https://mail.contoso.com/owa/","headers":[]},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Negotiate"},{"name":"WWW-Authenticate","value":"NTLM"}]}}"#;

    fn exchanges(entries: &str) -> Vec<Exchange> {
        let text = super::super::har::tests::har_text(entries);
        har::read(&text).unwrap().exchanges
    }

    fn view(x: &Exchange) -> EntryView {
        EntryView::new(x, None, false)
    }

    #[test]
    fn several_challenges_fires_on_two_headers_only() {
        let ctx = Context::fixed();
        let two = exchanges(TWO_CHALLENGES);
        let f = RULES[0].apply(&view(&two[0]), &ctx);
        assert!(
            f[0].explanation.contains("(Negotiate, NTLM)"),
            "{}",
            f[0].explanation
        );
        let one = exchanges(EWS_401);
        assert!(RULES[0].apply(&view(&one[0]), &ctx).is_empty());
    }

    #[test]
    fn failed_exchange_reads_the_credential() {
        let ctx = Context::fixed();
        let one = exchanges(EWS_401);
        let f = RULES[1].apply(&view(&one[0]), &ctx);
        assert_eq!(f[0].title, "Request #1 failed");
        assert!(f[0].causes[0].contains("A Bearer token was sent"));
        let two = exchanges(TWO_CHALLENGES);
        let f = RULES[1].apply(&view(&two[0]), &ctx);
        assert!(f[0].causes[0].contains("no Authorization header"));
    }

    #[test]
    fn entry_card_decodes_the_refusal() {
        let all = exchanges(EWS_401);
        let a = entry_card(&all[0], &all, &Context::fixed());
        assert!(a.title.contains("/EWS/Exchange.asmx -> 401"));
        assert!(a.children.iter().any(|c| c.kind == ArtifactKind::Challenge));
        assert!(a
            .children
            .iter()
            .any(|c| c.kind == ArtifactKind::Diagnostics));
        assert_eq!(
            endpoint_name("https://graph.microsoft.com/v1.0/me"),
            Some("Microsoft Graph")
        );
    }
}
