//! Table: Microsoft 365 service hosts a request URL names (Microsoft Graph, Entra sign-in), used to
//! say which endpoint a HAR entry called when its path is not an Exchange one.

use crate::knowledge::sources;

/// A service recognised by the start of a URL's host, and optionally by words in its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceHost {
    /// Lower-case host prefix (`graph.microsoft.` covers every cloud's Graph host).
    pub host_prefix: &'static str,
    /// When not empty, the path must contain one of these (lower case).
    pub path_hints: &'static [&'static str],
    pub name: &'static str,
    pub source: &'static str,
}

/// Sorted by `host_prefix`; for one prefix, rows with path hints come before the plain row.
pub const HOSTS: &[ServiceHost] = &[
    ServiceHost {
        host_prefix: "graph.microsoft.",
        path_hints: &[],
        name: "Microsoft Graph",
        source: sources::GRAPH_DEPLOYMENTS,
    },
    ServiceHost {
        host_prefix: "login.",
        path_hints: &["/oauth2/", "/token"],
        name: "Microsoft Entra token or authorize endpoint",
        source: sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD,
    },
    ServiceHost {
        host_prefix: "login.",
        path_hints: &[],
        name: "Microsoft Entra sign-in",
        source: sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD,
    },
];

/// The service a lower-case host and path belong to, if known.
pub fn service(host: &str, path: &str) -> Option<&'static ServiceHost> {
    HOSTS.iter().find(|h| {
        host.starts_with(h.host_prefix)
            && (h.path_hints.is_empty() || h.path_hints.iter().any(|p| path.contains(p)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_sourced() {
        for pair in HOSTS.windows(2) {
            assert!(pair[0].host_prefix <= pair[1].host_prefix);
            assert!(pair[0] != pair[1]);
            if pair[0].host_prefix == pair[1].host_prefix {
                assert!(!pair[0].path_hints.is_empty(), "{}", pair[0].host_prefix);
            }
        }
        for h in HOSTS {
            crate::knowledge::assert_source(h.source, h.host_prefix);
        }
    }

    #[test]
    fn token_endpoint_before_sign_in() {
        let s = |h, p| service(h, p).map(|s| s.name);
        assert_eq!(
            s("login.microsoftonline.com", "/common/oauth2/v2.0/token"),
            Some("Microsoft Entra token or authorize endpoint")
        );
        assert_eq!(s("login.live.com", "/"), Some("Microsoft Entra sign-in"));
        assert_eq!(s("graph.microsoft.us", "/v1.0/me"), Some("Microsoft Graph"));
        assert_eq!(s("example.com", "/"), None);
    }
}
