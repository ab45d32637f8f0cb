//! Table: response headers that a header block, a log or a HAR carries, with their meaning and
//! whether they are correlation or routing headers (request-id, X-FEServer, SPRequestGuid ...).

use crate::knowledge::sources;

/// A response header's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoutingHeader {
    /// Lower-case header name.
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
    /// True for correlation and routing headers (what makes a block worth a card).
    pub routing: bool,
}

/// Sorted by `name`.
pub const HEADERS: &[RoutingHeader] = &[
    RoutingHeader {
        name: "client-request-id",
        meaning: "the id the client chose for this request; quote it with request-id when asking support",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "content-length",
        meaning: "size of the body in bytes",
        source: sources::HTTP_HEADERS,
        routing: false,
    },
    RoutingHeader {
        name: "content-type",
        meaning: "type of the body",
        source: sources::HTTP_HEADERS,
        routing: false,
    },
    RoutingHeader {
        name: "date",
        meaning: "when the server answered (GMT)",
        source: sources::HTTP_HEADERS,
        routing: false,
    },
    RoutingHeader {
        name: "request-id",
        meaning: "the server's id for this request (Exchange, SharePoint, Microsoft Graph); quote it to support",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "restrict-access-confirm",
        meaning: "Microsoft Entra tenant restrictions (TRv2, Global Secure Access) were applied to this request; access to tenants the policy does not allow is blocked",
        source: sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS,
        routing: true,
    },
    RoutingHeader {
        name: "return-client-request-id",
        meaning: "asks the server to echo client-request-id in the response",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "server",
        meaning: "the web server software (Microsoft-IIS/10.0 is IIS on Windows Server 2016 or later)",
        source: sources::HTTP_HEADERS,
        routing: false,
    },
    RoutingHeader {
        name: "spiislatency",
        meaning: "milliseconds the request waited in IIS before SharePoint handled it",
        source: sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
        routing: true,
    },
    RoutingHeader {
        name: "sprequestduration",
        meaning: "milliseconds SharePoint spent on the request",
        source: sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
        routing: true,
    },
    RoutingHeader {
        name: "sprequestguid",
        meaning: "SharePoint correlation id: find the request in the ULS logs with it",
        source: sources::GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
        routing: true,
    },
    RoutingHeader {
        name: "www-authenticate",
        meaning: "an authentication challenge; explained in its own card",
        source: sources::HTTP_HEADERS,
        routing: true,
    },
    RoutingHeader {
        name: "x-anchormailbox",
        meaning: "the mailbox the Exchange front end used to route the request",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-backendhttpstatus",
        meaning: "the HTTP status the Exchange back end returned to the front end",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-beserver",
        meaning: "the Exchange back-end (mailbox) server that handled the request",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-calculatedbetarget",
        meaning: "the back-end server the Exchange front end calculated for the mailbox",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-diaginfo",
        meaning: "the Exchange server that processed the request",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-feserver",
        meaning: "the Exchange front-end (Client Access) server that took the request",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-ms-diagnostics",
        meaning: "why the server refused the token; explained in its own card",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-ms-diagnostics-from-backend",
        meaning: "the Exchange back end's reason for the refusal; explained in its own card",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
    RoutingHeader {
        name: "x-owa-version",
        meaning: "the Exchange Server build that answered",
        source: sources::NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
        routing: true,
    },
    RoutingHeader {
        name: "x-powered-by",
        meaning: "the application framework (ASP.NET means IIS)",
        source: sources::HTTP_HEADERS,
        routing: false,
    },
    RoutingHeader {
        name: "x-proxy-backendserverstatus",
        meaning: "the status the Exchange back end returned through the proxy",
        source: sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
        routing: true,
    },
];

/// The row of a header name (case-insensitive), if known.
pub fn header(name: &str) -> Option<&'static RoutingHeader> {
    let lower = name.to_ascii_lowercase();
    HEADERS.iter().find(|h| h.name == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_sourced() {
        for pair in HEADERS.windows(2) {
            assert!(pair[0].name < pair[1].name, "{}", pair[1].name);
        }
        for h in HEADERS {
            assert_eq!(h.name, h.name.to_ascii_lowercase());
            crate::knowledge::assert_source(h.source, h.name);
        }
        assert!(header("X-FEServer").is_some_and(|h| h.routing));
    }
}
