//! Table: HTTP statuses (reason phrase and what the status says about an authentication problem)
//! and the markers by which a paste names the service that answered (a host, a path or a body
//! shape), used by the HTTP exchange reader and the service-error cards.

use crate::knowledge::sources;

/// One HTTP status with its standard reason phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpStatus {
    pub code: u16,
    /// The reason phrase as servers send it (`Unauthorized`).
    pub reason: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const RFC: &str = sources::RFC_RFC9110_SECTION_15;

const fn status(code: u16, reason: &'static str, meaning: &'static str) -> HttpStatus {
    HttpStatus {
        code,
        reason,
        meaning,
        source: RFC,
    }
}

/// Sorted by `code`.
pub const STATUSES: &[HttpStatus] = &[
    status(200, "OK", "the request succeeded"),
    status(302, "Found", "a redirect (sign-in pages redirect to the identity provider this way)"),
    status(400, "Bad Request", "the server could not read the request (a malformed parameter, header or body)"),
    status(401, "Unauthorized", "the request carried no credential, or one the server refused; the WWW-Authenticate header and the error body say why"),
    status(403, "Forbidden", "the server knew who called but refused: the caller lacks a permission, role or access policy"),
    status(404, "Not Found", "the URL or the object does not exist (or the caller may not know that it exists)"),
    status(405, "Method Not Allowed", "the URL does not accept this method"),
    status(407, "Proxy Authentication Required", "a proxy between the client and the server asked for credentials (Proxy-Authenticate header)"),
    status(408, "Request Timeout", "the server gave up waiting for the request"),
    status(409, "Conflict", "the request conflicts with the state of the object"),
    status(429, "Too Many Requests", "the caller was throttled; wait for the time in Retry-After"),
    status(440, "Login Timeout", "Exchange and OWA: the sign-in session expired (a Microsoft extension)"),
    status(500, "Internal Server Error", "the server failed while handling the request; the body or the server's logs say why"),
    status(502, "Bad Gateway", "a proxy or load balancer got no valid answer from the server behind it"),
    status(503, "Service Unavailable", "the server or its application pool is unavailable or overloaded"),
    status(504, "Gateway Timeout", "a proxy or load balancer timed out waiting for the server behind it"),
];

/// The row of a status code, if known.
pub fn status_row(code: u16) -> Option<&'static HttpStatus> {
    STATUSES
        .binary_search_by_key(&code, |s| s.code)
        .ok()
        .map(|i| &STATUSES[i])
}

/// The status whose reason phrase is `reason` (any ASCII case), for `(401) Unauthorized` forms.
pub fn status_by_reason(code: u16, reason: &str) -> Option<&'static HttpStatus> {
    status_row(code).filter(|s| {
        reason
            .get(..s.reason.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(s.reason))
    })
}

/// A client library's English message that quotes an HTTP status in prose ("The remote server
/// returned an error: (401) Unauthorized"); the status number follows the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMessage {
    /// The message up to where the status number follows (matched in any ASCII case).
    pub text: &'static str,
    /// Which client prints it.
    pub client: &'static str,
    /// The status the message stands for when no number follows it (WCF names 401 and 403 in
    /// words: "is unauthorized", "was forbidden").
    pub implied: Option<u16>,
    /// What the message says beyond the status, for the finding; empty when nothing.
    pub reading: &'static str,
    pub source: &'static str,
}

const WCF: &str = ".NET WCF client (MessageSecurityException)";

/// Sorted by `text`.
pub const STATUS_MESSAGES: &[StatusMessage] = &[
    StatusMessage {
        text: "Request failed with status code",
        client: "axios (JavaScript)",
        implied: None,
        reading: "",
        source: sources::AXIOS_HANDLING_ERRORS,
    },
    StatusMessage {
        text: "Response status code does not indicate success:",
        client: ".NET HttpClient (EnsureSuccessStatusCode)",
        implied: None,
        reading: "",
        source: sources::DOTNET_ENSURE_SUCCESS_STATUS_CODE,
    },
    StatusMessage {
        text: "The remote server returned an error:",
        client: ".NET WebClient / HttpWebRequest (WebException)",
        implied: None,
        reading: "",
        source: sources::DOTNET_WEB_EXCEPTION,
    },
    StatusMessage {
        text: "The request failed with HTTP status",
        client: ".NET ASMX web service client (SoapHttpClientProtocol)",
        implied: None,
        reading: "",
        source: sources::DOTNET_SOAP_HTTP_CLIENT_PROTOCOL,
    },
    StatusMessage {
        text: "forbidden with client authentication scheme",
        client: WCF,
        implied: Some(403),
        reading: "The server authenticated the caller with this scheme and still refused the request: the account lacks the right on this endpoint, or the endpoint or a proxy in front of it does not allow the request. Check the account's permissions and the endpoint's authentication settings.",
        source: sources::QNA_2184984_EXCHANGE_2019_EWS_MRSPROXY_403,
    },
    StatusMessage {
        text: "unauthorized with client authentication scheme",
        client: WCF,
        implied: Some(401),
        reading: "WCF names the scheme the client sent (its binding's clientCredentialType; 'Anonymous' means none) and quotes the server's WWW-Authenticate offer after it. When the client's scheme is not among those offered, change the binding's clientCredentialType to one the server offers (Windows for Negotiate or NTLM) or enable the scheme on the server; when it is among them, the server refused the credentials themselves.",
        source: sources::WCF_NEGOTIATE_NTLM_GIST,
    },
];

/// How status messages are found in free text: by their text, in any ASCII case.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in STATUS_MESSAGES {
        out.push(Needle::any_case(row.text, Fact::StatusMessage(row.text)));
    }
}

/// Parts of header values (lower case) that only Exchange Online's front and back ends write
/// (`X-CalculatedBETarget: ...prod.outlook.com`, `X-FEProxyInfo: ...PROD.OUTLOOK.COM`) or that
/// name its host.
pub const EXCHANGE_ONLINE_MARKERS: &[&str] = &["outlook.com", "outlook.office365.com"];

/// The protocols for which Exchange Online turned Basic authentication off, and when.
pub const EXO_BASIC_OFF_PROTOCOLS: &str =
    "EWS, Exchange ActiveSync, POP, IMAP, Remote PowerShell, MAPI, RPC and the offline address book";
/// When Exchange Online turned Basic authentication off, in words.
pub const EXO_BASIC_OFF_WORDS: &str = "October 1, 2022";
/// Where the end of Basic authentication in Exchange Online is announced.
pub const EXO_BASIC_OFF_SOURCE: &str = sources::EXCHANGE_TEAM_BLOG_BASIC_AUTH_DEPRECATION_TIMES_UP;

/// The words before the server's challenge in WCF's 401 message ("... The authentication header
/// received from the server was 'Negotiate,NTLM'.").
pub const WCF_CHALLENGE_LEAD: &str = "authentication header received from the server was";

/// The status message row whose text is `text` (any ASCII case).
pub fn status_message(text: &str) -> Option<&'static StatusMessage> {
    STATUS_MESSAGES
        .iter()
        .find(|m| m.text.eq_ignore_ascii_case(text))
}

/// A marker in a paste that names the service a response came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceMarker {
    /// Lower-case text that names the service (part of a host or path).
    pub needle: &'static str,
    pub service: &'static str,
    pub source: &'static str,
}

pub const GRAPH: &str = "Microsoft Graph";
pub const AAD_GRAPH: &str = "Azure AD Graph";
pub const EWS: &str = "EWS";
pub const SHAREPOINT: &str = "SharePoint";
pub const ARM: &str = "Azure Resource Manager";
pub const KEY_VAULT: &str = "Azure Key Vault";
pub const DATAVERSE: &str = "Dataverse";
pub const STORAGE: &str = "Azure Storage";

/// Hosts and paths that name a service, most specific first (the first that a paste holds wins).
pub const SERVICE_MARKERS: &[ServiceMarker] = &[
    ServiceMarker {
        needle: "graph.microsoft.",
        service: GRAPH,
        source: sources::GRAPH_ERRORS,
    },
    ServiceMarker {
        needle: "graph.windows.net",
        service: AAD_GRAPH,
        source: sources::GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW,
    },
    ServiceMarker {
        needle: "/ews/exchange.asmx",
        service: EWS,
        source: sources::WEB_SERVICE_REFERENCE_RESPONSECODE,
    },
    ServiceMarker {
        needle: ".vault.azure.",
        service: KEY_VAULT,
        source: sources::KEY_VAULT_REST_ERROR_CODES,
    },
    ServiceMarker {
        needle: "vault.azure.net",
        service: KEY_VAULT,
        source: sources::KEY_VAULT_REST_ERROR_CODES,
    },
    ServiceMarker {
        needle: "keyvault",
        service: KEY_VAULT,
        source: sources::KEY_VAULT_REST_ERROR_CODES,
    },
    ServiceMarker {
        needle: "management.azure.",
        service: ARM,
        source: sources::MANAGEMENT_OVERVIEW,
    },
    ServiceMarker {
        needle: "management.core.windows.net",
        service: ARM,
        source: sources::MANAGEMENT_OVERVIEW,
    },
    ServiceMarker {
        needle: ".dynamics.com",
        service: DATAVERSE,
        source: sources::DATAVERSE_WEBAPI_HANDLE_ERRORS,
    },
    ServiceMarker {
        needle: "/api/data/v9",
        service: DATAVERSE,
        source: sources::DATAVERSE_WEBAPI_HANDLE_ERRORS,
    },
    ServiceMarker {
        needle: ".blob.core.",
        service: STORAGE,
        source: sources::STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    },
    ServiceMarker {
        needle: "/_api/",
        service: SHAREPOINT,
        source: sources::SP_REST_BASIC_OPERATIONS,
    },
    ServiceMarker {
        needle: ".sharepoint.com",
        service: SHAREPOINT,
        source: sources::SP_REST_BASIC_OPERATIONS,
    },
];

/// The service a lower-case paste names first by host or path, if any.
pub fn service_named_in(lower: &str) -> Option<&'static ServiceMarker> {
    SERVICE_MARKERS.iter().find(|m| lower.contains(m.needle))
}

/// The service an error code's own shape names when the paste names no host: SharePoint's
/// `-2147024891, System.UnauthorizedAccessException`, Dataverse's `0x80072560`.
pub fn service_of_code(code: &str) -> Option<&'static str> {
    if code.starts_with("-2") && code.contains(", System.") {
        Some(SHAREPOINT)
    } else if code.len() == 10 && code.starts_with("0x8") {
        Some(DATAVERSE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_sorted_and_sourced() {
        for pair in STATUSES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for s in STATUSES {
            crate::knowledge::assert_source(s.source, s.reason);
        }
        for m in SERVICE_MARKERS {
            assert_eq!(m.needle, m.needle.to_ascii_lowercase());
            crate::knowledge::assert_source(m.source, m.needle);
        }
    }

    #[test]
    fn statuses_and_services_are_found() {
        assert_eq!(status_row(401).map(|s| s.reason), Some("Unauthorized"));
        assert!(status_by_reason(403, "forbidden.").is_some());
        assert!(status_by_reason(403, "Unauthorized").is_none());
        assert_eq!(
            service_named_in("get https://myvault.vault.azure.net/secrets").map(|m| m.service),
            Some(KEY_VAULT)
        );
        assert_eq!(
            service_of_code("-2147024891, System.UnauthorizedAccessException"),
            Some(SHAREPOINT)
        );
        assert_eq!(service_of_code("0x80072560"), Some(DATAVERSE));
    }
}
