//! Table: fields of Exchange's comma-separated HttpProxy and EWS logs, in the order a failed row
//! shows them, with the meaning that follows from the proxy architecture.

use crate::knowledge::sources;

/// One field of an Exchange CSV log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangeLogField {
    pub name: &'static str,
    /// Empty where the field's value is explained by another table (paths, user agents) or
    /// needs none.
    pub meaning: &'static str,
    pub source: &'static str,
}

/// In display order (not sorted): the order a failed row's fields are listed in.
pub const FIELDS: &[ExchangeLogField] = &[
    ExchangeLogField {
        name: "DateTime",
        meaning: "UTC time of the request",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "Protocol",
        meaning: "the protocol log folder the row belongs to (Ews, Mapi, Rest, Autodiscover ...)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "UrlHost",
        meaning: "the host name the client called",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "UrlStem",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "Method",
        meaning: "HTTP method",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "AuthenticationType",
        meaning: "how the caller authenticated (Bearer is OAuth; Negotiate, NTLM, Basic are the others)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "IsAuthenticated",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "AuthenticatedUser",
        meaning: "the user the front end authenticated",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "Organization",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "AnchorMailbox",
        meaning: "the mailbox the request was routed by (X-AnchorMailbox or the mailbox derived from the request)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "UserAgent",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "ClientIpAddress",
        meaning: "the client's IP address (or a load balancer's)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "ServerHostName",
        meaning: "the server that wrote this row",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "TargetServer",
        meaning: "the back-end (mailbox) server the request was proxied to",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "HttpStatus",
        meaning: "the HTTP status returned to the client",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "BackEndStatus",
        meaning: "the HTTP status the back-end server returned to the proxy (empty when the request never reached a back end)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "ErrorCode",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "SoapAction",
        meaning: "the EWS operation",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "GenericErrors",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "AuthenticationErrors",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangeLogField {
        name: "GenericInfo",
        meaning: "",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
];

/// The meaning of a field (case-insensitive), empty when none is written.
pub fn meaning(name: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(name))
        .map_or("", |f| f.meaning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_unique_and_sourced() {
        let mut seen = std::collections::BTreeSet::new();
        for f in FIELDS {
            assert!(seen.insert(f.name.to_ascii_lowercase()), "{} twice", f.name);
            crate::knowledge::assert_source(f.source, f.name);
        }
        assert_eq!(FIELDS[0].name, "DateTime");
        assert_eq!(meaning("targetserver"), meaning("TargetServer"));
    }
}
