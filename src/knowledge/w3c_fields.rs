//! Table: what IIS W3C log fields, server ports and Exchange query parameters mean, where the
//! meaning needs no lookup of the value (statuses, paths and user agents have their own tables).

use crate::knowledge::sources;

/// A W3C field whose meaning does not depend on its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct W3cField {
    /// Lower-case field name as IIS writes it in `#Fields`.
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `name`.
pub const FIELDS: &[W3cField] = &[
    W3cField {
        name: "c-ip",
        meaning: "the client's IP address (or a load balancer's)",
        source: sources::HTTP_W3C_LOGGING,
    },
    W3cField {
        name: "date",
        meaning: "UTC (IIS writes W3C logs in UTC)",
        source: sources::HTTP_W3C_LOGGING,
    },
    W3cField {
        name: "s-ip",
        meaning: "the server's IP address",
        source: sources::HTTP_W3C_LOGGING,
    },
    W3cField {
        name: "sc-substatus",
        meaning: "IIS substatus; read with sc-status",
        source: sources::HTTP_W3C_LOGGING,
    },
    W3cField {
        name: "time",
        meaning: "UTC (IIS writes W3C logs in UTC)",
        source: sources::HTTP_W3C_LOGGING,
    },
    W3cField {
        name: "time-taken",
        meaning: "milliseconds",
        source: sources::HTTP_W3C_LOGGING,
    },
];

/// A server port with a meaning in Exchange logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerPort {
    pub port: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `port` (as text).
pub const PORTS: &[ServerPort] = &[
    ServerPort {
        port: "443",
        meaning: "HTTPS",
        source: sources::HTTP_W3C_LOGGING,
    },
    ServerPort {
        port: "444",
        meaning: "Exchange back-end site (HTTPS)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ServerPort {
        port: "80",
        meaning: "HTTP",
        source: sources::HTTP_W3C_LOGGING,
    },
];

/// A query parameter Exchange clients and the front end add to requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryParam {
    /// Lower-case parameter name.
    pub name: &'static str,
    /// The name as Exchange writes it.
    pub label: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `name`.
pub const QUERY_PARAMS: &[QueryParam] = &[
    QueryParam {
        name: "cafereqid",
        label: "cafeReqId",
        meaning: "the Exchange front end's id for this request",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    QueryParam {
        name: "clientid",
        label: "ClientId",
        meaning: "the Exchange client id cookie",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    QueryParam {
        name: "correlationid",
        label: "CorrelationID",
        meaning: "the client's correlation id",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
];

/// The fixed meaning of a field (lower-case name), if it has one.
pub fn field(lower_name: &str) -> Option<&'static W3cField> {
    FIELDS.iter().find(|f| f.name == lower_name)
}

/// The meaning of a server port, if known.
pub fn port(port: &str) -> Option<&'static ServerPort> {
    PORTS.iter().find(|p| p.port == port)
}

/// The row of a query parameter (case-insensitive), if known.
pub fn query_param(name: &str) -> Option<&'static QueryParam> {
    let lower = name.to_ascii_lowercase();
    QUERY_PARAMS.iter().find(|q| q.name == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_unique_and_sourced() {
        for pair in FIELDS.windows(2) {
            assert!(pair[0].name < pair[1].name, "{}", pair[1].name);
        }
        for pair in PORTS.windows(2) {
            assert!(pair[0].port < pair[1].port, "{}", pair[1].port);
        }
        for pair in QUERY_PARAMS.windows(2) {
            assert!(pair[0].name < pair[1].name, "{}", pair[1].name);
        }
        for f in FIELDS {
            crate::knowledge::assert_source(f.source, f.name);
        }
        for p in PORTS {
            crate::knowledge::assert_source(p.source, p.port);
        }
        for q in QUERY_PARAMS {
            assert_eq!(q.name, q.label.to_ascii_lowercase());
            crate::knowledge::assert_source(q.source, q.name);
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(
            port("444").map(|p| p.meaning),
            Some("Exchange back-end site (HTTPS)")
        );
        assert_eq!(query_param("CAFEREQID").map(|q| q.label), Some("cafeReqId"));
        assert_eq!(field("time-taken").map(|f| f.meaning), Some("milliseconds"));
    }
}
