//! Auth metadata hosts (the host of an `AuthMetadataUrl`) and the Microsoft 365 cloud each belongs to.

use crate::knowledge::sources;

/// One host, matched exactly or as a parent domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetadataHost {
    pub host: &'static str,
    pub cloud: &'static str,
    pub source: &'static str,
}

const GLOBAL: &str = "the global Microsoft 365 cloud";
const VIANET: &str = "Microsoft 365 operated by 21Vianet (China)";
const US_GOV: &str = "Microsoft 365 US Government (GCC High / DoD)";
const CLOUDS: &str = sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;

const fn row(host: &'static str, cloud: &'static str) -> MetadataHost {
    MetadataHost {
        host,
        cloud,
        source: CLOUDS,
    }
}

/// Sorted by `host`.
pub const METADATA_HOSTS: &[MetadataHost] = &[
    row("accesscontrol.chinacloudapi.cn", VIANET),
    row("accesscontrol.windows.net", GLOBAL),
    row("chinacloudapi.cn", VIANET),
    row("login.microsoftonline.com", GLOBAL),
    row("login.microsoftonline.us", US_GOV),
    row("login.partner.microsoftonline.cn", VIANET),
    row("login.windows.net", GLOBAL),
    row("microsoftonline.us", US_GOV),
];

/// True when `cloud` is the global cloud.
pub fn is_global(cloud: &str) -> bool {
    cloud == GLOBAL
}

/// The lower-cased host of a URL and the cloud its host belongs to.
pub fn cloud_of_url(url: &str) -> Option<(String, &'static str)> {
    let host = url
        .split("://")
        .nth(1)?
        .split('/')
        .next()?
        .to_ascii_lowercase();
    METADATA_HOSTS
        .iter()
        .find(|h| host == h.host || host.ends_with(&format!(".{}", h.host)))
        .map(|h| (host.clone(), h.cloud))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_sorted_unique_and_sourced() {
        for pair in METADATA_HOSTS.windows(2) {
            assert!(pair[0].host < pair[1].host, "{}", pair[1].host);
        }
        for h in METADATA_HOSTS {
            crate::knowledge::assert_source(h.source, h.host);
        }
        let (host, cloud) =
            cloud_of_url("https://login.microsoftonline.us/x/federationmetadata.xml").unwrap();
        assert_eq!(host, "login.microsoftonline.us");
        assert!(!is_global(cloud));
    }
}
