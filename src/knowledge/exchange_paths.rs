//! Table: Exchange virtual directories by URL path prefix, and HTTP verbs with a product meaning.

use crate::knowledge::sources;

/// An Exchange endpoint recognised by the start of its URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangePath {
    /// Lower-case path prefix.
    pub prefix: &'static str,
    /// The protocol or service behind it, in words.
    pub protocol: &'static str,
    pub source: &'static str,
}

/// Sorted by `prefix`; a path belongs to the longest prefix it starts with.
pub const PATHS: &[ExchangePath] = &[
    ExchangePath {
        prefix: "/api/",
        protocol: "Exchange REST API (also used by hybrid Microsoft Graph calls)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/api/v2.0/",
        protocol: "Exchange REST API v2.0 (Outlook REST; also the target of hybrid Microsoft Graph calls for on-premises mailboxes)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/autodiscover/",
        protocol: "Autodiscover",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/autodiscover/autodiscover.json",
        protocol: "Autodiscover v2 (JSON, used by Outlook mobile and Microsoft 365 services)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/autodiscover/autodiscover.svc",
        protocol: "Autodiscover (SOAP, used by EWS clients and hybrid free/busy)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/autodiscover/autodiscover.xml",
        protocol: "Autodiscover (POX, used by Outlook for Windows)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/ecp/",
        protocol: "Exchange admin center (ECP)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/ews/",
        protocol: "Exchange Web Services (EWS)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/ews/exchange.asmx",
        protocol: "Exchange Web Services (EWS): Outlook for Mac, hybrid free/busy, migrations and EWS apps",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/ews/mrsproxy.svc",
        protocol: "the Mailbox Replication Proxy (hybrid mailbox moves)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/mapi/",
        protocol: "MAPI over HTTP (Outlook for Windows)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/mapi/emsmdb",
        protocol: "MAPI over HTTP, mailbox endpoint (Outlook for Windows)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/mapi/nspi",
        protocol: "MAPI over HTTP, address book endpoint (Outlook for Windows)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/microsoft-server-activesync",
        protocol: "Exchange ActiveSync (mobile devices)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/oab/",
        protocol: "Offline Address Book download",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/owa/",
        protocol: "Outlook on the web",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/powershell",
        protocol: "Exchange remote PowerShell",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    ExchangePath {
        prefix: "/rpc/",
        protocol: "Outlook Anywhere (RPC over HTTP)",
        source: sources::EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO,
    },
];

/// How Exchange endpoints are found in free text: by the paths distinctive enough
/// (`/ews/exchange.asmx`, `/mapi/emsmdb`), in any ASCII case; short or plain ones (`/owa/`,
/// `/api/`, `/powershell`) are read only inside URLs and log lines by their own readers.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    // A needle needs a second segment, a file name or a compound (`/ews/exchange.asmx`,
    // `/microsoft-server-activesync`): a bare word such as `/powershell` is also a path of
    // documentation and code sites.
    let distinctive = |p: &str| p.len() >= 10 && p.trim_matches('/').contains(['/', '.', '-']);
    for row in PATHS.iter().filter(|p| distinctive(p.prefix)) {
        out.push(Needle::any_case(row.prefix, Fact::ExchangePath(row.prefix)));
    }
}

/// An HTTP verb that names a product channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangeVerb {
    pub verb: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `verb`.
pub const VERBS: &[ExchangeVerb] = &[
    ExchangeVerb {
        verb: "RPC_IN_DATA",
        meaning: "the client-to-server channel of Outlook Anywhere (RPC over HTTP)",
        source: sources::EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO,
    },
    ExchangeVerb {
        verb: "RPC_OUT_DATA",
        meaning: "the server-to-client channel of Outlook Anywhere (RPC over HTTP)",
        source: sources::EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO,
    },
];

/// The longest prefix `path` can match (a test checks that none is longer).
const LONGEST_PREFIX: usize = 48;

/// The Exchange endpoint a URL path belongs to (`/EWS/Exchange.asmx` is EWS), if any.
pub fn path(path: &str) -> Option<&'static ExchangePath> {
    // The prefixes are lower case (a test checks it) and short, so the path's head lowered on the
    // stack stands for the whole path lowered; a prefix longer than the head cannot match.
    let mut head = [0u8; LONGEST_PREFIX];
    let n = path.len().min(LONGEST_PREFIX);
    let lower = head.get_mut(..n).unwrap_or_default();
    lower.copy_from_slice(path.as_bytes().get(..n).unwrap_or_default());
    lower.make_ascii_lowercase();
    let lower = &*lower;
    PATHS
        .iter()
        .filter(|p| lower.starts_with(p.prefix.as_bytes()))
        .max_by_key(|p| p.prefix.len())
}

/// The product meaning of an HTTP verb (case-insensitive), if it has one.
pub fn verb(verb: &str) -> Option<&'static ExchangeVerb> {
    VERBS.iter().find(|v| v.verb.eq_ignore_ascii_case(verb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_unique_and_sourced() {
        for pair in PATHS.windows(2) {
            assert!(pair[0].prefix < pair[1].prefix, "{}", pair[1].prefix);
        }
        for p in PATHS {
            assert_eq!(p.prefix, p.prefix.to_ascii_lowercase());
            assert!(p.prefix.len() <= LONGEST_PREFIX, "{}", p.prefix);
            crate::knowledge::assert_source(p.source, p.prefix);
        }
        for pair in VERBS.windows(2) {
            assert!(pair[0].verb < pair[1].verb);
        }
        for v in VERBS {
            crate::knowledge::assert_source(v.source, v.verb);
        }
    }

    #[test]
    fn the_longest_prefix_wins() {
        assert!(path("/EWS/Exchange.asmx")
            .unwrap()
            .protocol
            .contains("Outlook for Mac"));
        assert!(path("/api/v2.0/me").unwrap().protocol.contains("v2.0"));
        assert_eq!(
            path("/autodiscover/x").map(|p| p.protocol),
            Some("Autodiscover")
        );
        assert!(path("/other").is_none());
        assert!(verb("rpc_in_data").is_some());
    }
}
