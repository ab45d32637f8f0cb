//! Cards for HTTP exchanges: the status with its meaning, every header read through the one
//! header table (its meaning, the ids to quote to support, builds), and what the body holds. A
//! header with a card of its own (WWW-Authenticate, x-ms-diagnostics, Authorization) and an
//! error body are pointed to, never explained twice.

use crate::context::Context;
use crate::decode::errors::iis_page::IisPage;
use crate::decode::http::exchange::{self, BodyKind, Exchange};
use crate::explain::errors::iis_page;
use crate::explain::rule::{self, Rule};
use crate::knowledge::{exchange_builds, headers, http_exchange, iis, sources};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};

/// How far after its headers (bytes) a response's body may hold an IIS error page.
const PAGE_REACH: usize = 20_000;

/// Finds, decodes and explains every HTTP exchange in `text` worth a card.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let exchanges: Vec<Exchange> = exchange::find(text)
        .into_iter()
        .filter(worth_a_card)
        .collect();
    let regions = page_regions(&exchanges, text.len());
    let pages = if regions.iter().any(|r| r.is_some()) {
        crate::decode::errors::iis_page::find(text)
    } else {
        Vec::new()
    };
    exchanges
        .iter()
        .zip(&regions)
        .map(|(e, region)| {
            let page = region.and_then(|r| {
                pages
                    .iter()
                    .find(|p| r.start <= p.span.start && p.span.start < r.end)
            });
            card(e, text, page, ctx)
        })
        .collect()
}

/// Where the body of each response that gets a card may hold an IIS error page: from the end of
/// its headers to the next exchange with a card, at most `PAGE_REACH` bytes. A page there is
/// explained in the exchange's card, even when the body reader stopped early (a JSON array in
/// the headers).
fn page_regions(exchanges: &[Exchange], len: usize) -> Vec<Option<Span>> {
    exchanges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if e.request || e.body.is_none() {
                return None;
            }
            let next = exchanges.get(i + 1).map_or(len, |n| n.span.start);
            let end = next.min(e.span.end.saturating_add(PAGE_REACH));
            (end > e.span.end).then(|| Span::new(e.span.end, end))
        })
        .collect()
}

/// The regions of `text` where an IIS error page is explained by an exchange card.
pub fn page_regions_with_cards(text: &str) -> Vec<Span> {
    let exchanges: Vec<Exchange> = exchange::find(text)
        .into_iter()
        .filter(worth_a_card)
        .collect();
    page_regions(&exchanges, text.len())
        .into_iter()
        .flatten()
        .collect()
}

/// An exchange gets a card when it has a status and a header, or a correlation or routing header
/// that no other card explains.
fn worth_a_card(e: &Exchange) -> bool {
    let known = |name: &str| headers::header(name);
    let routing = e
        .headers
        .iter()
        .any(|h| known(&h.name).is_some_and(|r| r.routing()));
    let only_elsewhere = e
        .headers
        .iter()
        .all(|h| known(&h.name).is_some_and(|r| r.reader.has_card()));
    // The members of an error body's innerError (request-id, date) are not a header block.
    let inner_error_only = e.headers.iter().all(|h| {
        crate::knowledge::graph_errors::SUPPORT_IDS
            .iter()
            .any(|id| h.name.eq_ignore_ascii_case(id))
            || h.name.eq_ignore_ascii_case("date")
    });
    match &e.status {
        Some(_) => !e.headers.is_empty(),
        None => routing && !only_elsewhere && !inner_error_only,
    }
}

/// Rules over one exchange.
pub const RULES: &[Rule<Exchange>] = &[
    Rule {
        id: "headers.tenant-restrictions",
        severity: Severity::Info,
        title: "Restrict-Access-Confirm: a tenant restrictions policy was applied",
        source: Some(sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS),
        check: tenant_restrictions,
    },
    Rule {
        id: "http.challenge-hidden",
        severity: Severity::Warning,
        title: "The WWW-Authenticate header, which says why, was redacted",
        source: Some(sources::RFC_RFC9110_SECTION_11_6_1),
        check: challenge_hidden,
    },
    Rule {
        id: "http.basic-to-exchange-online",
        severity: Severity::Error,
        title: "Basic authentication sent to Exchange Online, which turned it off in 2022",
        source: Some(http_exchange::EXO_BASIC_OFF_SOURCE),
        check: basic_to_exchange_online,
    },
    Rule {
        id: "http.401-without-challenge",
        severity: Severity::Info,
        title: "A 401 whose headers hold no WWW-Authenticate",
        source: Some(sources::RFC_RFC9110_SECTION_15),
        check: no_challenge,
    },
];

fn tenant_restrictions(e: &Exchange, _: &Context) -> Vec<Finding> {
    e.headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("restrict-access-confirm"))
        .map(|_| Finding::new(
            Severity::Info,
            "Tenant restrictions applied",
            "A tenant restrictions policy (TRv2 / Global Secure Access, Microsoft Entra) was applied to this request; sign-ins to tenants it does not allow are blocked.",
        ))
        .collect()
}

/// True for a value that a tool or a person replaced (`REDACTED`, `***`, `[PII_REDACTED]`).
fn redacted(value: &str) -> bool {
    let v = value.trim().trim_matches(['[', ']', '<', '>', '"', '\'']);
    let lower = v.to_ascii_lowercase();
    lower.contains("redacted")
        || lower.contains("hidden")
        || lower.contains("removed")
        || (!v.is_empty() && v.chars().all(|c| matches!(c, '*' | 'x' | 'X' | '.')))
}

fn challenge_hidden(e: &Exchange, _: &Context) -> Vec<Finding> {
    match e.header("www-authenticate") {
        Some(v) if redacted(v) => vec![Finding::new(
            Severity::Warning,
            "The challenge was redacted",
            "The WWW-Authenticate header is the server's own account of why it refused the credential (error=, error_description=, the authorization_uri and resource it expects); here its value was replaced. Capture the response again with that header intact.",
        )],
        _ => Vec::new(),
    }
}

/// A 401 from Exchange Online (its front-end headers or host are in the exchange) to a request
/// that sent `Authorization: Basic`.
fn basic_to_exchange_online(e: &Exchange, _: &Context) -> Vec<Finding> {
    let is_401 = e.status.as_ref().is_some_and(|s| s.code == 401);
    let basic = e.header("authorization").is_some_and(|v| {
        v.trim_start()
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("basic "))
    });
    let exchange_online = e.headers.iter().any(|h| {
        let v = h.value.to_ascii_lowercase();
        http_exchange::EXCHANGE_ONLINE_MARKERS
            .iter()
            .any(|m| v.contains(m))
    });
    if !(is_401 && basic && exchange_online) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Basic authentication to Exchange Online",
        format!(
            "The request sent a user name and password (Authorization: Basic) to Exchange Online, which turned Basic authentication off for {} from {}. The 401 comes whatever the password is.",
            http_exchange::EXO_BASIC_OFF_PROTOCOLS,
            http_exchange::EXO_BASIC_OFF_WORDS
        ),
    )
    .step(Step::new("Sign in with OAuth instead: acquire a token with MSAL for the protocol's permission (for EWS, EWS.AccessAsUser.All delegated or full_access_as_app for an app) and send it as Authorization: Bearer; or move the app to Microsoft Graph."))]
}

fn no_challenge(e: &Exchange, _: &Context) -> Vec<Finding> {
    let is_401 = e.status.as_ref().is_some_and(|s| s.code == 401);
    if !is_401 || e.headers.len() < 3 || e.header("www-authenticate").is_some() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "No WWW-Authenticate header",
        "A 401 should name the scheme it expects in WWW-Authenticate; none is among these headers. The header may have been left out of the paste, or a proxy in front of the server answered.",
    )]
}

/// The status field, with the IIS sub-status read from the IIS table.
fn status_field(s: &exchange::Status) -> Field {
    let shown = match s.substatus {
        Some(sub) => format!("{}.{sub} {}", s.code, s.reason),
        None => format!("{} {}", s.code, s.reason),
    };
    let iis = s.substatus.and_then(|sub| iis::status(s.code, sub));
    let mut f = Field::new("status", s.line.clone()).shown(shown);
    match (iis, http_exchange::status_row(s.code)) {
        (Some(row), _) if row.substatus != 0 => f = f.meaning(row.meaning).source(row.source),
        (_, Some(row)) => f = f.meaning(row.meaning).source(row.source),
        _ => f = f.unknown(),
    }
    f
}

/// The field of one header, read through the header table.
fn header_field(
    name: &str,
    value: &str,
    ids: &mut Vec<String>,
    elsewhere: &mut Vec<String>,
) -> Field {
    let Some(row) = headers::header(name) else {
        return Field::new(name, crate::mask::value_for(name, value)).unknown();
    };
    let shown = if row.masked() {
        crate::mask::masked(value)
    } else {
        crate::mask::value_for(name, value)
    };
    let mut f = Field::new(name, shown)
        .meaning(row.meaning)
        .source(row.source);
    if row.reader.has_card() && !elsewhere.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        elsewhere.push(name.to_string());
    }
    if row.name == "x-owa-version" {
        if let Some(p) = exchange_builds::product(value) {
            f = f.shown(p);
        }
    }
    let quotable = matches!(row.reader, headers::HeaderReader::Correlation)
        && (row.name.contains("request-id")
            || matches!(row.name, "sprequestguid" | "req_id" | "authactivityid"));
    if quotable && !value.trim().is_empty() && !redacted(value) {
        ids.push(format!("{name}: {value}"));
    }
    f
}

/// What the body holds, in words (its errors get cards of their own).
fn body_words(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Json => "a JSON body; an error in it is explained in its own card",
        BodyKind::Xml => {
            "an XML body (a SOAP fault or a service error is explained in its own card)"
        }
        BodyKind::Html => "an HTML page (an IIS error page is explained in its own card)",
        BodyKind::Text => "text after the headers",
    }
}

/// The card of one exchange; `page` is the IIS error page its body holds, explained here.
pub fn card(e: &Exchange, text: &str, page: Option<&IisPage>, ctx: &Context) -> Artifact {
    let title = match (&e.status, e.request) {
        (Some(s), false) => format!("HTTP {} {} response", s.code, s.reason),
        _ if e.request => "HTTP request".to_string(),
        _ => "HTTP headers".to_string(),
    };
    let mut a = Artifact::new(ArtifactKind::Headers, e.span, title);
    if let Some(s) = &e.status {
        let mut sec = Section::new("Status");
        sec.push(status_field(s));
        a.sections.push(sec);
    }
    let mut s = Section::new("Headers");
    let mut ids = Vec::new();
    let mut elsewhere = Vec::new();
    for h in &e.headers {
        s.push(header_field(&h.name, &h.value, &mut ids, &mut elsewhere));
    }
    a.sections.push(s);
    if let Some((span, kind)) = e.body {
        let mut sec = Section::new("Body");
        let start = crate::text::cut(text, span.start..span.end);
        let meaning = match page {
            Some(p) => format!(
                "an IIS error page (HTTP {}), read in the sections below",
                iis_page::status_words(p)
            ),
            None => body_words(kind).to_string(),
        };
        sec.push(Field::new("body", crate::text::ellipsis(start.trim(), 80)).meaning(meaning));
        a.sections.push(sec);
    }
    a.verdict = verdict(e, &ids, &elsewhere);
    a.findings = rule::run(RULES, e, ctx);
    if let Some(p) = page {
        a.sections.extend(iis_page::sections(p));
        a.verdict
            .push_str(&format!(" Its body: {}", iis_page::verdict(p)));
        a.findings.extend(rule::run(iis_page::RULES, p, ctx));
    }
    a
}

fn verdict(e: &Exchange, ids: &[String], elsewhere: &[String]) -> String {
    let lines = e.headers.len();
    let mut v = match &e.status {
        Some(s) => {
            let meaning = http_exchange::status_row(s.code).map_or("", |r| r.meaning);
            if meaning.is_empty() {
                format!("HTTP {} {} with {lines} headers.", s.code, s.reason)
            } else {
                format!("HTTP {} {}: {meaning}.", s.code, s.reason)
            }
        }
        None if e.request => format!("{lines} request headers."),
        None => format!("{lines} response headers."),
    };
    if !elsewhere.is_empty() {
        let each = if elsewhere.len() > 1 { "each " } else { "" };
        v.push_str(&format!(
            " {} {each}explained in its own card.",
            elsewhere.join(" and ")
        ));
    }
    if !ids.is_empty() {
        if e.status.is_none() {
            v = format!(
                "{lines} response headers; quote {} when you ask for support.",
                ids.join(", ")
            );
        } else {
            v.push_str(&format!(
                " Quote {} when you ask for support.",
                ids.join(", ")
            ));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str) -> Exchange {
        exchange::find(text).remove(0)
    }

    fn fires(id: &str, text: &str) -> usize {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule");
        rule.apply(&ex(text), &Context::fixed()).len()
    }

    #[test]
    fn tenant_restrictions_fire_on_their_header_only() {
        assert_eq!(
            fires(
                "headers.tenant-restrictions",
                "request-id: abc\nRestrict-Access-Confirm: 1\n"
            ),
            1
        );
        assert_eq!(
            fires(
                "headers.tenant-restrictions",
                "request-id: abc\nX-FEServer: EX01\n"
            ),
            0
        );
    }

    #[test]
    fn a_redacted_challenge_is_named() {
        assert_eq!(
            fires(
                "http.challenge-hidden",
                "Status: 401\nWWW-Authenticate: REDACTED\nx-ms-request-id: 1\n"
            ),
            1
        );
        assert_eq!(
            fires(
                "http.challenge-hidden",
                "Status: 401\nWWW-Authenticate: Bearer realm=\"\"\nx-ms-request-id: 1\n"
            ),
            0
        );
    }

    #[test]
    fn basic_to_exchange_online_needs_basic_a_401_and_an_exchange_online_header() {
        let id = "http.basic-to-exchange-online";
        let exo = "Status code: 401\nRequest headers: {'User-Agent': 'x', 'Accept': '*/*', 'Authorization': 'Basic dXNlcjpwYXNz'}\nResponse headers: {'Server': 'Microsoft-IIS/10.0', 'X-FEProxyInfo': 'DB8PR09CA0012.EURPRD09.PROD.OUTLOOK.COM'}\n";
        assert_eq!(fires(id, exo), 1);
        // On-premises Exchange (no Exchange Online header), and Bearer, are not this.
        assert_eq!(
            fires(id, &exo.replace("PROD.OUTLOOK.COM", "contoso.local")),
            0
        );
        assert_eq!(
            fires(id, &exo.replace("Basic dXNlcjpwYXNz", "Bearer eyJ0")),
            0
        );
        assert_eq!(fires(id, &exo.replace("401", "200")), 0);
    }

    #[test]
    fn a_401_without_challenge_is_named() {
        let text = "HTTP/1.1 401 Unauthorized\nContent-Length: 0\nServer: Microsoft-IIS/10.0\nrequest-id: abc\n";
        assert_eq!(fires("http.401-without-challenge", text), 1);
        let with = "HTTP/1.1 401 Unauthorized\nContent-Length: 0\nrequest-id: abc\nWWW-Authenticate: Negotiate\n";
        assert_eq!(fires("http.401-without-challenge", with), 0);
    }

    #[test]
    fn the_card_states_the_status_and_quotes_the_ids() {
        let ctx = Context::fixed();
        let a = scan(
            "HTTP/1.1 403 Forbidden\nrequest-id: abc\nocp-aad-session-key: secretvalue123\n",
            &ctx,
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, "HTTP 403 Forbidden response");
        assert!(
            a[0].verdict.contains("Quote request-id: abc"),
            "{}",
            a[0].verdict
        );
        let text = crate::render::artifact_text(&a[0]);
        assert!(!text.contains("secretvalue123"), "{text}");
        let a = scan(
            "request-id=d7782c63\n\nX-OWA-Version=15.2.1544.11\n\nX-FEServer=DUMMY01\n",
            &ctx,
        );
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("Exchange Server 2019 CU14"), "{text}");
        assert!(a[0].verdict.contains("quote request-id: d7782c63"));
    }
}
