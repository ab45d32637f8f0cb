//! Table: THE ONE HEADER TABLE. Each HTTP header the readers know, which reader explains it, what
//! it means and where that is written. Every log, HAR, FREB and header reader routes through it.

use crate::knowledge::sources;

/// Which reader explains a header's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeaderReader {
    /// A WWW-Authenticate challenge: its own card.
    Challenge,
    /// An x-ms-diagnostics value: its own card; `from_backend` for the Exchange back end's copy.
    Diagnostics { from_backend: bool },
    /// An Authorization header: its own card (credentials masked).
    Authorization,
    /// A correlation or routing header: a field of the header block.
    Correlation,
    /// Any other known header: a field of the header block.
    General,
}

impl HeaderReader {
    /// True when the value gets a card of its own (the others are fields of a header block).
    pub fn has_card(self) -> bool {
        matches!(
            self,
            HeaderReader::Challenge
                | HeaderReader::Diagnostics { .. }
                | HeaderReader::Authorization
        )
    }
}

/// One known header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderRow {
    /// The header name in lower case.
    pub name: &'static str,
    pub reader: HeaderReader,
    pub meaning: &'static str,
    pub source: &'static str,
}

const EWS: &str = sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS;
const SP: &str = sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS;
const TRV2: &str = sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS;
const BUILDS: &str = sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES;
const MDN: &str = sources::HTTP_HEADERS;

const fn row(
    name: &'static str,
    reader: HeaderReader,
    meaning: &'static str,
    source: &'static str,
) -> HeaderRow {
    HeaderRow {
        name,
        reader,
        meaning,
        source,
    }
}

use HeaderReader::{Authorization, Challenge, Correlation, Diagnostics, General};

/// Sorted by name. The meanings of the correlation and general rows are those of
/// `decode::headers` (which still holds its own copy until the logs family reads this table).
pub const HEADERS: &[HeaderRow] = &[
    row("authorization", Authorization, "the client's credential (a Bearer token, Basic user name and password, or an NTLM or Negotiate blob); explained in its own card", MDN),
    row("client-request-id", Correlation, "the id the client chose for this request; quote it with request-id when asking support", EWS),
    row("content-length", General, "size of the body in bytes", MDN),
    row("content-type", General, "type of the body", MDN),
    row("date", General, "when the server answered (GMT)", MDN),
    row("request-id", Correlation, "the server's id for this request (Exchange, SharePoint, Microsoft Graph); quote it to support", EWS),
    row("restrict-access-confirm", Correlation, "Microsoft Entra tenant restrictions (TRv2, Global Secure Access) were applied to this request; access to tenants the policy does not allow is blocked", TRV2),
    row("return-client-request-id", Correlation, "asks the server to echo client-request-id in the response", EWS),
    row("server", General, "the web server software (Microsoft-IIS/10.0 is IIS on Windows Server 2016 or later)", MDN),
    row("spiislatency", Correlation, "milliseconds the request waited in IIS before SharePoint handled it", SP),
    row("sprequestduration", Correlation, "milliseconds SharePoint spent on the request", SP),
    row("sprequestguid", Correlation, "SharePoint correlation id: find the request in the ULS logs with it", SP),
    row("www-authenticate", Challenge, "an authentication challenge; explained in its own card", MDN),
    row("x-anchormailbox", Correlation, "the mailbox the Exchange front end used to route the request", EWS),
    row("x-backendhttpstatus", Correlation, "the HTTP status the Exchange back end returned to the front end", EWS),
    row("x-beserver", Correlation, "the Exchange back-end (mailbox) server that handled the request", EWS),
    row("x-calculatedbetarget", Correlation, "the back-end server the Exchange front end calculated for the mailbox", EWS),
    row("x-diaginfo", Correlation, "the Exchange server that processed the request", EWS),
    row("x-feserver", Correlation, "the Exchange front-end (Client Access) server that took the request", EWS),
    row("x-ms-diagnostics", Diagnostics { from_backend: false }, "why the server refused the token; explained in its own card", EWS),
    row("x-ms-diagnostics-from-backend", Diagnostics { from_backend: true }, "the Exchange back end's reason for the refusal; explained in its own card", EWS),
    row("x-owa-version", Correlation, "the Exchange Server build that answered", BUILDS),
    row("x-powered-by", General, "the application framework (ASP.NET means IIS)", MDN),
    row("x-proxy-backendserverstatus", Correlation, "the status the Exchange back end returned through the proxy", EWS),
];

/// The row of a header name in any case and any wrapper the readers see: `WWW-Authenticate`,
/// an IIS W3C custom field `sc(WWW-Authenticate)` or `cs(Authorization)`, surrounding spaces.
pub fn header(name: &str) -> Option<&'static HeaderRow> {
    let name = name.trim();
    let name = match (name.find('('), name.strip_suffix(')')) {
        (Some(open), Some(inner)) => inner.get(open + 1..).unwrap_or(name),
        _ => name,
    };
    let lower = name.trim().to_ascii_lowercase();
    HEADERS
        .binary_search_by(|r| r.name.cmp(lower.as_str()))
        .ok()
        .map(|i| &HEADERS[i])
}

/// Which reader explains a header, if it is known.
pub fn reader(name: &str) -> Option<HeaderReader> {
    header(name).map(|r| r.reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_sorted_unique_lowercase_and_sourced() {
        for pair in HEADERS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for r in HEADERS {
            assert_eq!(r.name, r.name.to_ascii_lowercase());
            assert!(!r.meaning.is_empty(), "{}", r.name);
            crate::knowledge::assert_source(r.source, r.name);
        }
    }

    #[test]
    fn every_wrapper_finds_its_row() {
        assert_eq!(reader("WWW-Authenticate"), Some(Challenge));
        assert_eq!(reader("sc(WWW-Authenticate)"), Some(Challenge));
        assert_eq!(reader(" cs(Authorization) "), Some(Authorization));
        assert_eq!(
            reader("X-MS-Diagnostics-From-Backend"),
            Some(Diagnostics { from_backend: true })
        );
        assert_eq!(
            reader("x-ms-diagnostics"),
            Some(Diagnostics {
                from_backend: false
            })
        );
        assert_eq!(reader("X-FEServer"), Some(Correlation));
        assert!(reader("cs(User-Agent)").is_none());
        assert!(reader("(").is_none());
        assert!(Challenge.has_card() && !Correlation.has_card());
    }
}
