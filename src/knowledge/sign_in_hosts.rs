//! Table: Entra sign-in hosts and the cloud each belongs to, as an OpenID configuration names them.

use crate::knowledge::sources as src;

/// A sign-in host (or, with `suffix`, a domain whose subdomains are sign-in hosts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInHost {
    /// Lower case; a suffix starts with a dot.
    pub host: &'static str,
    pub suffix: bool,
    pub cloud: &'static str,
    pub source: &'static str,
}

const GLOBAL: &str = "the global (public) Microsoft cloud";
const US_GOV: &str = "Azure US Government (GCC High / DoD)";
const CHINA: &str = "Microsoft Azure operated by 21Vianet (China)";

const fn host(host: &'static str, cloud: &'static str) -> SignInHost {
    SignInHost {
        host,
        suffix: false,
        cloud,
        source: src::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD,
    }
}

/// Sorted by `host`.
pub const SIGN_IN_HOSTS: &[SignInHost] = &[
    SignInHost {
        host: ".b2clogin.com",
        suffix: true,
        cloud: "Azure AD B2C",
        source: src::ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW,
    },
    SignInHost {
        host: ".ciamlogin.com",
        suffix: true,
        cloud: "Microsoft Entra External ID",
        source: src::EXTERNAL_ID_CUSTOMERS_OVERVIEW_CUSTOMERS_CIAM,
    },
    host("login.chinacloudapi.cn", CHINA),
    host("login.microsoft.com", GLOBAL),
    host("login.microsoftonline.com", GLOBAL),
    host(
        "login.microsoftonline.de",
        "the retired Microsoft Cloud Germany",
    ),
    host("login.microsoftonline.us", US_GOV),
    host("login.partner.microsoftonline.cn", CHINA),
    host("login.windows.net", GLOBAL),
    host("login.windows.us", US_GOV),
    host("sts.chinacloudapi.cn", CHINA),
    host("sts.windows.net", GLOBAL),
    host("sts.windows.us", US_GOV),
];

/// The cloud a URL's host belongs to, or a provider other than Entra.
pub fn cloud_of_url(url: &str) -> &'static str {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    SIGN_IN_HOSTS
        .iter()
        .find(|h| !h.suffix && h.host == host)
        .or_else(|| {
            SIGN_IN_HOSTS
                .iter()
                .find(|h| h.suffix && host.ends_with(h.host))
        })
        .map(|h| h.cloud)
        .unwrap_or("a provider other than Microsoft Entra (or a custom domain)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_sorted_unique_and_sourced() {
        for pair in SIGN_IN_HOSTS.windows(2) {
            assert!(
                pair[0].host < pair[1].host,
                "{} before {}",
                pair[0].host,
                pair[1].host
            );
        }
        for h in SIGN_IN_HOSTS {
            crate::knowledge::assert_source(h.source, h.host);
            assert_eq!(h.suffix, h.host.starts_with('.'), "{}", h.host);
            assert_eq!(h.host, h.host.to_ascii_lowercase());
        }
        assert_eq!(cloud_of_url("login.microsoftonline.us/x"), US_GOV);
        assert_eq!(cloud_of_url("contoso.b2clogin.com/x"), "Azure AD B2C");
        assert!(cloud_of_url("idp.example.org").starts_with("a provider"));
    }
}
