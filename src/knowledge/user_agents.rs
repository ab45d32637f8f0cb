//! Table: user agents of Exchange clients, by the start of the user agent string.

use crate::knowledge::sources;

/// A client recognised by the start of its user agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserAgent {
    /// Case-sensitive prefix of the user agent string.
    pub prefix: &'static str,
    /// Which client sends it, in words.
    pub client: &'static str,
    pub source: &'static str,
}

/// Sorted by `prefix` (byte order); no prefix starts another.
pub const AGENTS: &[UserAgent] = &[
    UserAgent {
        prefix: "Apple-iPad",
        client: "Apple Mail on iPad (Exchange ActiveSync)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    UserAgent {
        prefix: "Apple-iPhone",
        client: "Apple Mail on iPhone (Exchange ActiveSync)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    UserAgent {
        prefix: "AppleExchangeWebServices",
        client: "Outlook for Mac or Apple Mail/Calendar on macOS, using EWS",
        source: sources::S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU,
    },
    UserAgent {
        prefix: "ExchangeServicesClient",
        client: "an application using the EWS Managed API",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    UserAgent {
        prefix: "MSRPC",
        client: "Outlook for Windows over Outlook Anywhere (RPC over HTTP)",
        source: sources::EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO,
    },
    UserAgent {
        prefix: "Microsoft Office",
        client: "Outlook for Windows (or another Office app)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    UserAgent {
        prefix: "Outlook-Android",
        client: "Outlook for Android",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    UserAgent {
        prefix: "Outlook-iOS",
        client: "Outlook for iOS",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
];

/// The client behind a (decoded) user agent string, if known.
pub fn client(user_agent: &str) -> Option<&'static UserAgent> {
    AGENTS.iter().find(|a| user_agent.starts_with(a.prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_sourced() {
        for pair in AGENTS.windows(2) {
            assert!(pair[0].prefix < pair[1].prefix, "{}", pair[1].prefix);
        }
        for a in AGENTS {
            crate::knowledge::assert_source(a.source, a.prefix);
            assert!(
                AGENTS
                    .iter()
                    .all(|b| b.prefix == a.prefix || !b.prefix.starts_with(a.prefix)),
                "{} is the start of another prefix",
                a.prefix
            );
        }
    }

    #[test]
    fn mac_outlook_is_known() {
        assert!(client("AppleExchangeWebServices/818.0.1")
            .unwrap()
            .client
            .contains("Mac"));
        assert!(client("curl/8").is_none());
    }
}
