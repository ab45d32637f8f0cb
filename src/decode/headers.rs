//! Decoder: HTTP response header blocks with correlation and routing headers (request-id,
//! X-FEServer, X-BEServer, X-OWA-Version, SPRequestGuid, Restrict-Access-Confirm ...), one
//! "HTTP headers" artifact per block, in any wrapper: `Name: value`, curl `< Name: value`,
//! Fiddler `Name →value`, script output `Name=Value`, Format-List `Name : Value`.

use crate::context::Context;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};
use crate::textmap::Norm;

// ---------------------------------------------------------------------------------------------
// Header meanings (facts with their public source), kept here because no shared table holds them.
// ---------------------------------------------------------------------------------------------

const EWS_HEADERS: &str =
    crate::knowledge::sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS;
const SP_HEADERS: &str = crate::knowledge::sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS;
const TRV2: &str =
    crate::knowledge::sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS;
const BUILDS: &str = crate::knowledge::sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES;
const MDN: &str = crate::knowledge::sources::HTTP_HEADERS;

/// Known headers: lower-case name, meaning, source; `true` marks correlation/routing headers.
const HEADERS: &[(&str, &str, &str, bool)] = &[
    ("client-request-id", "the id the client chose for this request; quote it with request-id when asking support", EWS_HEADERS, true),
    ("content-length", "size of the body in bytes", MDN, false),
    ("content-type", "type of the body", MDN, false),
    ("date", "when the server answered (GMT)", MDN, false),
    ("request-id", "the server's id for this request (Exchange, SharePoint, Microsoft Graph); quote it to support", EWS_HEADERS, true),
    ("restrict-access-confirm", "Microsoft Entra tenant restrictions (TRv2, Global Secure Access) were applied to this request; access to tenants the policy does not allow is blocked", TRV2, true),
    ("return-client-request-id", "asks the server to echo client-request-id in the response", EWS_HEADERS, true),
    ("server", "the web server software (Microsoft-IIS/10.0 is IIS on Windows Server 2016 or later)", MDN, false),
    ("spiislatency", "milliseconds the request waited in IIS before SharePoint handled it", SP_HEADERS, true),
    ("sprequestduration", "milliseconds SharePoint spent on the request", SP_HEADERS, true),
    ("sprequestguid", "SharePoint correlation id: find the request in the ULS logs with it", SP_HEADERS, true),
    ("www-authenticate", "an authentication challenge; explained in its own card", MDN, true),
    ("x-anchormailbox", "the mailbox the Exchange front end used to route the request", EWS_HEADERS, true),
    ("x-backendhttpstatus", "the HTTP status the Exchange back end returned to the front end", EWS_HEADERS, true),
    ("x-beserver", "the Exchange back-end (mailbox) server that handled the request", EWS_HEADERS, true),
    ("x-calculatedbetarget", "the back-end server the Exchange front end calculated for the mailbox", EWS_HEADERS, true),
    ("x-diaginfo", "the Exchange server that processed the request", EWS_HEADERS, true),
    ("x-feserver", "the Exchange front-end (Client Access) server that took the request", EWS_HEADERS, true),
    ("x-ms-diagnostics", "why the server refused the token; explained in its own card", EWS_HEADERS, true),
    ("x-ms-diagnostics-from-backend", "the Exchange back end's reason for the refusal; explained in its own card", EWS_HEADERS, true),
    ("x-owa-version", "the Exchange Server build that answered", BUILDS, true),
    ("x-powered-by", "the application framework (ASP.NET means IIS)", MDN, false),
    ("x-proxy-backendserverstatus", "the status the Exchange back end returned through the proxy", EWS_HEADERS, true),
];

/// Exchange builds: (prefix, product). Longer prefixes first.
const EXCHANGE_BUILDS: &[(&str, &str)] = &[
    ("15.2.1748.", "Exchange Server 2019 CU15"),
    ("15.2.1544.", "Exchange Server 2019 CU14"),
    ("15.2.1258.", "Exchange Server 2019 CU13"),
    ("15.2.1118.", "Exchange Server 2019 CU12"),
    ("15.2.986.", "Exchange Server 2019 CU11"),
    ("15.1.2507.", "Exchange Server 2016 CU23"),
    ("15.1.2375.", "Exchange Server 2016 CU22"),
    ("15.0.1497.", "Exchange Server 2013 CU23"),
    ("15.20.", "Exchange Online"),
    ("15.2.", "Exchange Server 2019"),
    ("15.1.", "Exchange Server 2016"),
    ("15.0.", "Exchange Server 2013"),
    ("14.", "Exchange Server 2010"),
];

/// The Exchange product of a build number such as `15.2.1544.11`.
pub fn exchange_build(v: &str) -> Option<&'static str> {
    let v = v.trim();
    EXCHANGE_BUILDS
        .iter()
        .find(|(p, _)| v.starts_with(p))
        .map(|(_, n)| *n)
}

fn known(name: &str) -> Option<&'static (&'static str, &'static str, &'static str, bool)> {
    let lower = name.to_ascii_lowercase();
    HEADERS.iter().find(|h| h.0 == lower)
}

/// One parsed header line: name, value and the normalised byte range of the line.
struct Line {
    name: String,
    value: String,
    start: usize,
    end: usize,
}

/// Reads `Name: value`, `< Name: value`, `Name=Value`, `Name : Value` from one line.
fn header_line(line: &str, offset: usize) -> Option<Line> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let body = trimmed
        .strip_prefix("< ")
        .or_else(|| trimmed.strip_prefix("> "))
        .unwrap_or(trimmed);
    let skip = lead + (trimmed.len() - body.len());
    let ne = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(body.len());
    if ne == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let name = &body[..ne];
    let rest = &body[ne..];
    let rest_t = rest.trim_start_matches([' ', '\t']);
    let spaced = rest_t.len() != rest.len();
    let sep = rest_t.chars().next()?;
    if sep != ':' && sep != '=' {
        return None;
    }
    // Loose separators (`Name=Value`, `Name : Value`) only for headers we know.
    if (sep == '=' || spaced) && known(name).is_none() {
        return None;
    }
    if sep == ':' && !spaced && rest_t.starts_with("://") {
        return None;
    }
    let value = rest_t[1..].trim();
    Some(Line {
        name: name.to_string(),
        value: value.to_string(),
        start: offset + skip,
        end: offset + line.trim_end().len(),
    })
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut gap = 0;
    let mut offset = 0;
    for raw in t.split('\n') {
        let line = raw.trim_end_matches('\r');
        let parsed = header_line(line, offset).or_else(|| status_line(line, offset));
        match parsed {
            Some(l) => {
                current.push(l);
                gap = 0;
            }
            None if line.trim().is_empty() && gap == 0 && !current.is_empty() => gap += 1,
            None => {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
                gap = 0;
            }
        }
        offset += raw.len() + 1;
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
        .into_iter()
        .filter_map(|b| block_artifact(&b, &n))
        .collect()
}

fn status_line(line: &str, offset: usize) -> Option<Line> {
    let t = line.trim();
    let rest = t
        .strip_prefix("HTTP/")
        .or_else(|| t.strip_prefix("< HTTP/"))?;
    let code: String = rest
        .split_whitespace()
        .nth(1)?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if code.len() != 3 {
        return None;
    }
    Some(Line {
        name: "status".into(),
        value: t.to_string(),
        start: offset + (line.len() - line.trim_start().len()),
        end: offset + line.trim_end().len(),
    })
}

fn block_artifact(lines: &[Line], n: &Norm) -> Option<Artifact> {
    let routing = lines
        .iter()
        .filter(|l| known(&l.name).is_some_and(|h| h.3))
        .count();
    let only_explained_elsewhere = lines.iter().all(|l| {
        matches!(
            l.name.to_ascii_lowercase().as_str(),
            "www-authenticate" | "x-ms-diagnostics" | "authorization" | "status"
        )
    });
    if routing == 0 || only_explained_elsewhere {
        return None;
    }
    let first = lines.first()?;
    let last = lines.last()?;
    let mut a = Artifact::new(
        ArtifactKind::Headers,
        n.span(first.start, last.end),
        "HTTP headers",
    );
    let mut s = Section::new("Headers");
    let mut ids = Vec::new();
    for l in lines {
        let mut f = Field::new(l.name.clone(), l.value.clone());
        if l.name == "status" {
            f = f.meaning("the HTTP status line");
        } else if let Some(h) = known(&l.name) {
            f = f.meaning(h.1).source(h.2);
            let lower = h.0;
            if lower == "x-owa-version" {
                if let Some(p) = exchange_build(&l.value) {
                    f = f.shown(p);
                }
            }
            if matches!(lower, "request-id" | "client-request-id" | "sprequestguid") {
                ids.push(format!("{}: {}", l.name, l.value));
            }
            if lower == "restrict-access-confirm" {
                a.findings.push(
                    Finding::new(
                        Severity::Info,
                        "Tenant restrictions applied",
                        "A tenant restrictions policy (TRv2 / Global Secure Access, Microsoft Entra) was applied to this request; sign-ins to tenants it does not allow are blocked.",
                    )
                    .source(TRV2),
                );
            }
        } else {
            f = f.unknown();
        }
        s.push(f);
    }
    a.verdict = if ids.is_empty() {
        format!("{} response headers.", lines.len())
    } else {
        format!(
            "{} response headers; quote {} when you ask for support.",
            lines.len(),
            ids.join(", ")
        )
    };
    a.sections.push(s);
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_in_every_wrapper() {
        let ctx = Context::fixed();
        let a = scan("request-id=d7782c63-6efc-4ab0-a672-0c70aa4a8616\n\nX-OWA-Version=15.2.1544.11\n\nX-FEServer=DUMMY01\n", &ctx);
        assert_eq!(a.len(), 1);
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("Exchange Server 2019 CU14"), "{text}");
        let a = scan(
            "< HTTP/1.1 401 Unauthorized\n< request-id: abc\n< X-FEServer: EX01\n",
            &ctx,
        );
        assert_eq!(a[0].sections[0].fields.len(), 3);
        let a = scan(
            "request-id →2323088f-8838-4f97-a88d-559bfcf92866\nServer →Microsoft-IIS/10.0",
            &ctx,
        );
        assert_eq!(a.len(), 1);
    }

    #[test]
    fn prose_and_urls_are_not_headers() {
        let ctx = Context::fixed();
        assert!(scan("Note: this is prose.\nhttps://example.com/x", &ctx).is_empty());
        assert!(scan("Name=Value\nOther=Thing", &ctx).is_empty());
    }
}
