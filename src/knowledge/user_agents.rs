//! Tables: user agents of Exchange clients by the start of the string (`AGENTS`, for log rows), and
//! the product and platform tokens that name a client, its version and its system anywhere in a
//! user agent (`CLIENTS`, `PLATFORMS`, for user agents found in free text).

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

/// A client named by a product token anywhere in a user agent (`MacOutlook/16.61`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientToken {
    /// The token, matched in any ASCII case; its version follows it when it ends with `/` or a space.
    pub token: &'static str,
    /// Which client sends it, in words.
    pub client: &'static str,
    /// True when the token is distinctive enough to find a user agent in free text by it.
    pub findable: bool,
    pub source: &'static str,
}

const fn client_token(
    token: &'static str,
    client: &'static str,
    findable: bool,
    source: &'static str,
) -> ClientToken {
    ClientToken {
        token,
        client,
        findable,
        source,
    }
}

const EDGE_UA: &str = sources::EDGE_USER_AGENT_STRING;
const APPLE_EAS: &str = sources::APPLE_FORUM_ACTIVESYNC_IOS_11;

/// In order of precedence: the first row whose token a user agent holds names its client (a
/// browser's string names Safari and Chrome as well as Edge, so Edge comes first).
pub const CLIENTS: &[ClientToken] = &[
    client_token("Microsoft Outlook ", "Outlook for Windows", false, sources::CLIENT_ACCESS_CLIENT_ACCESS),
    client_token("MacOutlook/", "Outlook for Mac", true, sources::S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU),
    client_token("Outlook-iOS/", "Outlook for iOS", true, sources::CLIENT_ACCESS_CLIENT_ACCESS),
    client_token("Outlook-Android/", "Outlook for Android", true, sources::CLIENT_ACCESS_CLIENT_ACCESS),
    client_token("Microsoft Office/", "an Office application on Windows (Outlook or another)", true, sources::CLIENT_ACCESS_CLIENT_ACCESS),
    client_token("ExchangeServicesClient/", "an application using the EWS Managed API", true, sources::CLIENT_ACCESS_CLIENT_ACCESS),
    client_token("AppleExchangeWebServices/", "Apple Mail, Calendar or Contacts on macOS, using EWS", true, sources::S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU),
    client_token("ASProxy/CrossForest", "the Exchange Availability service of another forest or organization, asking for free/busy (cross-forest or hybrid)", true, sources::EXOVOICE_FREEBUSY_TROUBLESHOOTING),
    client_token("ASAutoDiscover/CrossForest", "the Exchange Availability service of another forest or organization, looking up this one with Autodiscover", true, sources::EXOVOICE_FREEBUSY_TROUBLESHOOTING),
    client_token("dataaccessd", "the iOS Mail, Calendar and Contacts apps with an Exchange account", true, APPLE_EAS),
    client_token("Apple-iPhone", "Apple Mail on iPhone (Exchange ActiveSync)", true, APPLE_EAS),
    client_token("Apple-iPad", "Apple Mail on iPad (Exchange ActiveSync)", true, APPLE_EAS),
    client_token("WindowsPowerShell/", "Windows PowerShell (Invoke-WebRequest or Invoke-RestMethod)", true, sources::POWERSHELL_INVOKE_WEBREQUEST),
    client_token("PowerShell/", "PowerShell 7 (Invoke-WebRequest or Invoke-RestMethod)", true, sources::POWERSHELL_INVOKE_WEBREQUEST),
    client_token("Edg/", "Microsoft Edge", false, EDGE_UA),
    client_token("Edge/", "Microsoft Edge (legacy)", false, EDGE_UA),
    client_token("OPR/", "Opera", false, EDGE_UA),
    client_token("Firefox/", "Mozilla Firefox", false, EDGE_UA),
    client_token("Chrome/", "Google Chrome", false, EDGE_UA),
    client_token("Trident/", "Internet Explorer", false, EDGE_UA),
    client_token("Safari/", "Safari", false, EDGE_UA),
];

/// An operating system named by a token in a user agent; the version follows the token when
/// `versioned` (`iPhone OS 15_1`, `Mac OS X 10_15_7`, `Android 12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformToken {
    pub token: &'static str,
    pub platform: &'static str,
    pub versioned: bool,
    pub source: &'static str,
}

const fn platform(
    token: &'static str,
    platform: &'static str,
    versioned: bool,
    source: &'static str,
) -> PlatformToken {
    PlatformToken {
        token,
        platform,
        versioned,
        source,
    }
}

const WIN11: &str = sources::EDGE_HOW_TO_DETECT_WIN11;

/// In order of precedence (`Windows Phone` before `Android`, which its strings also name).
pub const PLATFORMS: &[PlatformToken] = &[
    platform("Windows Phone", "Windows Phone", true, EDGE_UA),
    platform(
        "Windows NT 10.0",
        "Windows 10 or 11 (Windows 11 also reports 10.0)",
        false,
        WIN11,
    ),
    platform(
        "Windows NT 6.3",
        "Windows 8.1 or Windows Server 2012 R2",
        false,
        EDGE_UA,
    ),
    platform(
        "Windows NT 6.2",
        "Windows 8 or Windows Server 2012",
        false,
        EDGE_UA,
    ),
    platform(
        "Windows NT 6.1",
        "Windows 7 or Windows Server 2008 R2",
        false,
        EDGE_UA,
    ),
    platform("iPhone OS ", "iOS", true, APPLE_EAS),
    platform("CPU OS ", "iPadOS", true, APPLE_EAS),
    platform("iOS/", "iOS", true, APPLE_EAS),
    platform("Mac OS X ", "macOS", true, EDGE_UA),
    platform("Mac OS X/", "macOS", true, EDGE_UA),
    platform("Android ", "Android", true, EDGE_UA),
    platform("Linux", "Linux", false, EDGE_UA),
];

/// Where a browser's user agent starts; the client is then read from the tokens after it.
pub const BROWSER_STARTS: &[&str] = &["Mozilla/4.0 (", "Mozilla/5.0 ("];

/// How user agents are found in free text: by the distinctive client tokens and the start of a
/// browser's string, in any case. The finder reads the user agent around the needle and names the
/// client by the first token of `CLIENTS` it holds.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for c in CLIENTS.iter().filter(|c| c.findable) {
        out.push(Needle::any_case(c.token, Fact::UserAgent(c.token)));
    }
    for start in BROWSER_STARTS {
        out.push(Needle::any_case(*start, Fact::UserAgent(start)));
    }
}

/// The client behind a (decoded) user agent string, if known.
pub fn client(user_agent: &str) -> Option<&'static UserAgent> {
    AGENTS.iter().find(|a| user_agent.starts_with(a.prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_and_platform_tokens_are_unique_sourced_and_findable_ones_long_enough() {
        let mut seen = std::collections::BTreeSet::new();
        for c in CLIENTS {
            assert!(
                seen.insert(c.token.to_ascii_lowercase()),
                "{} twice",
                c.token
            );
            crate::knowledge::assert_source(c.source, c.token);
            assert!(
                !c.findable || c.token.len() >= 10,
                "{} is too short to find alone",
                c.token
            );
        }
        for p in PLATFORMS {
            assert!(
                seen.insert(p.token.to_ascii_lowercase()),
                "{} twice",
                p.token
            );
            crate::knowledge::assert_source(p.source, p.token);
        }
    }

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
