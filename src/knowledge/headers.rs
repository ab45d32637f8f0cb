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
const AADGRAPH: &str = sources::GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW;
const ARM: &str = sources::MANAGEMENT_OVERVIEW;
const DATAVERSE: &str = sources::DATAVERSE_WEBAPI_HANDLE_ERRORS;
const GRAPH: &str = sources::GRAPH_ERRORS;
const KV: &str = sources::KEY_VAULT_REST_ERROR_CODES;
const STORAGE: &str = sources::STORAGESERVICES_COMMON_REST_API_ERROR_CODES;

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

/// Sorted by name. Correlation, challenge and diagnostics rows are what makes a block of headers
/// worth a card of its own (`HeaderRow::routing`).
pub const HEADERS: &[HeaderRow] = &[
    row("access-control-allow-origin", General, "which web origins may read the response (CORS)", MDN),
    row("allow", General, "the methods the URL accepts", MDN),
    row("authactivityid", Correlation, "Dataverse's id of the authentication activity; quote it to support", DATAVERSE),
    row("authorization", Authorization, "the client's credential (a Bearer token, Basic user name and password, or an NTLM or Negotiate blob); explained in its own card", MDN),
    row("cache-control", General, "how the response may be cached", MDN),
    row("client-request-id", Correlation, "the id the client chose for this request; quote it with request-id when asking support", EWS),
    row("connection", General, "whether the connection stays open after the response", MDN),
    row("content-length", General, "size of the body in bytes", MDN),
    row("content-type", General, "type of the body", MDN),
    row("date", General, "when the server answered (GMT)", MDN),
    row("expires", General, "when a cached copy goes stale", MDN),
    row("host", General, "the server name the client asked for", MDN),
    row("location", General, "where a redirect points", MDN),
    row("microsoftsharepointteamservices", General, "the SharePoint Server build that answered", SP),
    row("ocp-aad-diagnostics-server-name", Correlation, "the Azure AD Graph (graph.windows.net) server that answered, encoded; quote it with request-id", AADGRAPH),
    row("ocp-aad-session-key", General, "an Azure AD Graph session key (masked)", AADGRAPH),
    row("pragma", General, "legacy cache control", MDN),
    row("proxy-authenticate", General, "a proxy's authentication challenge (status 407): the proxy, not the server, wants credentials", MDN),
    row("req_id", Correlation, "Dataverse's id for this request; quote it to support", DATAVERSE),
    row("request-id", Correlation, "the server's id for this request (Exchange, SharePoint, Microsoft Graph); quote it to support", EWS),
    row("restrict-access-confirm", Correlation, "Microsoft Entra tenant restrictions (TRv2, Global Secure Access) were applied to this request; access to tenants the policy does not allow is blocked", TRV2),
    row("retry-after", General, "how long to wait before retrying (throttling or maintenance)", MDN),
    row("return-client-request-id", Correlation, "asks the server to echo client-request-id in the response", EWS),
    row("server", General, "the web server software (Microsoft-IIS/10.0 is IIS on Windows Server 2016 or later)", MDN),
    row("set-cookie", General, "a cookie the server sets (value masked)", MDN),
    row("spiislatency", Correlation, "milliseconds the request waited in IIS before SharePoint handled it", SP),
    row("sprequestduration", Correlation, "milliseconds SharePoint spent on the request", SP),
    row("sprequestguid", Correlation, "SharePoint correlation id: find the request in the ULS logs with it", SP),
    row("strict-transport-security", General, "HTTPS only for this host (HSTS)", MDN),
    row("user-agent", General, "the client software that sent the request", MDN),
    row("via", General, "proxies the message passed through: a reverse proxy or load balancer stands in front of the server", MDN),
    row("www-authenticate", Challenge, "an authentication challenge; explained in its own card", MDN),
    row("x-anchormailbox", Correlation, "the mailbox the Exchange front end used to route the request", EWS),
    row("x-aspnet-version", General, "the ASP.NET runtime version (the server runs IIS)", MDN),
    row("x-backendhttpstatus", Correlation, "the HTTP status the Exchange back end returned to the front end", EWS),
    row("x-beserver", Correlation, "the Exchange back-end (mailbox) server that handled the request", EWS),
    row("x-calculatedbetarget", Correlation, "the back-end server the Exchange front end calculated for the mailbox", EWS),
    row("x-content-type-options", General, "asks the browser not to guess the content type", MDN),
    row("x-diaginfo", Correlation, "the Exchange server that processed the request", EWS),
    row("x-failurecontext", Correlation, "the Exchange front end's failure context: the layer that failed, the status and a base64 reason", EWS),
    row("x-feserver", Correlation, "the Exchange front-end (Client Access) server that took the request", EWS),
    row("x-frame-options", General, "whether the page may be framed", MDN),
    row("x-mailboxguid", Correlation, "the GUID of the mailbox Exchange resolved; on a 401 it shows that the user exists", EWS),
    row("x-ms-ags-diagnostic", Correlation, "Microsoft Graph's front end that answered (data center, slice, host); quote it with request-id", GRAPH),
    row("x-ms-client-request-id", Correlation, "the id the Azure SDK chose for this request; quote it with x-ms-request-id", ARM),
    row("x-ms-correlation-request-id", Correlation, "Azure Resource Manager's correlation id; quote it to support", ARM),
    row("x-ms-diagnostics", Diagnostics { from_backend: false }, "why the server refused the token; explained in its own card", EWS),
    row("x-ms-diagnostics-from-backend", Diagnostics { from_backend: true }, "the Exchange back end's reason for the refusal; explained in its own card", EWS),
    row("x-ms-dirapi-data-contract-version", General, "the Azure AD Graph API version that answered (graph.windows.net, retired)", AADGRAPH),
    row("x-ms-error-code", General, "Azure Storage's error code for the failure", STORAGE),
    row("x-ms-keyvault-network-info", General, "the caller's address as Azure Key Vault saw it (firewall rules match it)", KV),
    row("x-ms-keyvault-region", General, "the Azure Key Vault region that answered", KV),
    row("x-ms-keyvault-service-version", General, "the Azure Key Vault service build that answered", KV),
    row("x-ms-request-id", Correlation, "the Azure service's id for this request; quote it to support", ARM),
    row("x-ms-routing-request-id", Correlation, "Azure Resource Manager's routing id (region and request); quote it to support", ARM),
    row("x-ms-service-request-id", Correlation, "the Power Platform service's id for this request; quote it to support", DATAVERSE),
    row("x-owa-version", Correlation, "the Exchange Server build that answered", BUILDS),
    row("x-powered-by", General, "the application framework (ASP.NET means IIS)", MDN),
    row("x-proxy-backendserverstatus", Correlation, "the status the Exchange back end returned through the proxy", EWS),
];

impl HeaderRow {
    /// True for correlation and routing headers and for those with a card of their own: what
    /// makes a block of headers worth explaining.
    pub fn routing(&self) -> bool {
        !matches!(
            self.reader,
            HeaderReader::General | HeaderReader::Authorization
        )
    }

    /// True when the value must never be shown (a cookie or a session key).
    pub fn masked(&self) -> bool {
        matches!(self.name, "set-cookie" | "ocp-aad-session-key")
    }
}

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
        assert!(reader("cs(Referer)").is_none());
        assert!(reader("(").is_none());
        assert!(Challenge.has_card() && !Correlation.has_card());
    }
}
