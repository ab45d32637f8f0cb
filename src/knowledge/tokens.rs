//! Facts about tokens: issuer hosts and clouds, token endpoints, well-known audiences, usual
//! lifetimes, clock skew, the retirement date of Azure ACS for SharePoint Online and the dates
//! of the EWS disablement in Exchange Online.

use crate::knowledge::apps::ids;
use crate::knowledge::sources;

/// Clock skew that token validators usually allow, in seconds.
pub const SKEW: i64 = 300;

/// 2026-04-02T00:00:00Z, when Azure ACS stops working for SharePoint Online.
pub const ACS_END: i64 = 1_775_088_000;
/// The retirement date of Azure ACS for SharePoint Online, in words.
pub const ACS_END_WORDS: &str = "April 2, 2026";
/// Where `ACS_END` is announced.
pub const ACS_END_SOURCE: &str = sources::SP_ADD_INS_RETIREMENT_ANNOUNCEMENT_FOR_AZURE_ACS;

/// 2026-10-01T00:00:00Z: from this day Exchange Online switches EWSEnabled from unset (Null) to
/// False, tenant by tenant, which blocks every EWS call; with EWSEnabled True only the apps of
/// the tenant's AppID allow list may use EWS.
pub const EWS_BLOCK_START: i64 = 1_790_812_800;
/// `EWS_BLOCK_START` in words.
pub const EWS_BLOCK_START_WORDS: &str = "October 1, 2026";
/// 2027-04-01T00:00:00Z: EWS in Exchange Online is turned off for good, with no exceptions.
pub const EWS_END: i64 = 1_806_537_600;
/// `EWS_END` in words.
pub const EWS_END_WORDS: &str = "April 1, 2027";
/// Where the EWS dates are announced (the Exchange Team's phased disablement plan).
pub const EWS_END_SOURCE: &str = sources::EXCHANGE_TEAM_BLOG_EWS_YOUR_TIME_IS_ALMOST_UP;
/// The permissions that only EWS uses: delegated `EWS.AccessAsUser.All`, application
/// `full_access_as_app`.
pub const EWS_PERMISSIONS: &[&str] = &["EWS.AccessAsUser.All", "full_access_as_app"];

/// The longest lifetime a CAE-capable client may get from a CAE-enabled resource, in seconds.
pub const CAE_MAX_LIFETIME: i64 = 28 * 3600;
/// Entra access tokens live 60 to 90 minutes by default; above this a token is longer than that.
pub const DEFAULT_ACCESS_LIFETIME_CEILING: i64 = 2 * 3600;
/// A token that lives less than this is called very short.
pub const VERY_SHORT_LIFETIME: i64 = 5 * 60;
/// A client assertion valid for longer than this is called long-lived.
pub const LONG_ASSERTION_LIFETIME: i64 = 3600;

/// Parts of an issuer URL that mark a Microsoft Entra token (any cloud).
pub const ENTRA_ISSUER_HOSTS: &[&str] = &[
    "login-us.microsoftonline.com",
    "login.chinacloudapi.cn",
    "login.microsoft.com",
    "login.microsoftonline",
    "login.partner.microsoftonline.cn",
    "login.windows.net",
    "sts.chinacloudapi.cn",
    "sts.windows.net",
];
/// The part of an issuer that marks Azure AD B2C.
pub const B2C_ISSUER_MARK: &str = "b2clogin";
/// The part of an issuer that marks AD FS.
pub const ADFS_ISSUER_MARK: &str = "/adfs";
/// The path segment AD FS issuers end in (not a tenant).
pub const ADFS_SEGMENT: &str = "adfs";
/// Host prefixes of Entra v1.0 (`sts`) issuers.
pub const V1_ISSUER_HOST_PREFIXES: &[&str] = &["sts.chinacloudapi.cn", "sts.windows.net"];
/// Host prefixes of Entra sign-in (`login`) issuers.
pub const LOGIN_HOST_PREFIXES: &[&str] = &["login-us.", "login."];
/// A host part every Entra login host of the public and government clouds holds.
pub const LOGIN_HOST_PART: &str = "microsoftonline";
/// The host of the Microsoft account (consumer) issuer.
pub const MSA_ISSUER_HOST: &str = "login.live.com";
/// The issuer host of Microsoft account users signed in as guests.
pub const MSA_IDP_HOST: &str = "live.com";
/// The v1.0 and v2.0 issuer forms, as the issuer check describes them.
pub const V1_ISSUER_FORM: &str = "https://sts.windows.net/<tenant>/";
pub const V2_ISSUER_FORM: &str = "https://login.microsoftonline.com/<tenant>/v2.0";
/// The path end of a v2.0 issuer.
pub const V2_ISSUER_SUFFIX: &str = "/v2.0";
/// What a v1.0 issuer holds after its scheme.
pub const V1_ISSUER_MARK: &str = "://sts.";

/// A sovereign cloud, told by the host of an issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cloud {
    /// How an explanation names it, in parentheses after the issuer kind.
    pub name: &'static str,
    /// Host endings of this cloud.
    pub suffix: &'static str,
    /// A host part of this cloud, when it has one.
    pub part: Option<&'static str>,
}

/// Checked in this order; the first that matches names the cloud.
pub const CLOUDS: &[Cloud] = &[
    Cloud {
        name: "US Government cloud",
        suffix: ".us",
        part: Some("usgovcloudapi"),
    },
    Cloud {
        name: "China cloud, operated by 21Vianet",
        suffix: ".cn",
        part: Some("chinacloudapi"),
    },
    Cloud {
        name: "Microsoft Cloud Deutschland, closed in 2021",
        suffix: ".de",
        part: None,
    },
];

/// The cloud an issuer host belongs to, when it is not the public cloud.
pub fn cloud_of_host(host: &str) -> Option<&'static Cloud> {
    CLOUDS
        .iter()
        .find(|c| host.ends_with(c.suffix) || c.part.is_some_and(|p| host.contains(p)))
}

/// The scheme every Entra endpoint and resource URI uses.
pub const SECURE_SCHEME: &str = "https://";
/// Path ends of the Entra token endpoints (v2.0 and v1.0).
pub const TOKEN_ENDPOINT_PATHS: &[&str] = &["/oauth2/v2.0/token", "/oauth2/token"];
/// The path piece that marks the v2.0 token endpoint.
pub const V2_ENDPOINT_MARK: &str = "/v2.0/";

/// Audiences of Exchange Online tokens (lowercase, without a trailing slash).
pub const EXCHANGE_AUDIENCES: &[&str] = &[
    ids::EXCHANGE,
    "https://outlook.office.com",
    "https://outlook.office365.com",
];
/// Client ids of Exchange Online PowerShell.
pub const EXO_POWERSHELL_CLIENTS: &[&str] =
    &[ids::EXO_REMOTE_POWERSHELL, ids::EXO_POWERSHELL_COMMUNITY];
/// The audience of the Teams service back end.
pub const TEAMS_BACKEND_AUDIENCE: &str = "https://api.spaces.skype.com";

/// How long a kind of token usually lives, in words, and where that is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    pub usual: &'static str,
    pub source: Option<&'static str>,
}

pub const MANAGED_IDENTITY_LIFETIME: Lifetime = Lifetime {
    usual: "Managed identity tokens are cached by Azure and have been seen to live about 24 hours",
    source: Some(sources::MANAGED_IDENTITIES_AZURE_RESOURCES_HOW_TO_USE_VM_TOKEN),
};
pub const CAE_ACCESS_LIFETIME: Lifetime = Lifetime {
    usual: "Entra access tokens live 60 to 90 minutes by default; this client supports continuous access evaluation, so CAE-enabled resources may give it up to 28 hours",
    source: Some(sources::IDENTITY_PLATFORM_ACCESS_TOKENS),
};
pub const APP_ONLY_ACCESS_LIFETIME: Lifetime = Lifetime {
    usual: "App-only Entra access tokens live 60 to 90 minutes by default; the client asks for a new one, there is no refresh token",
    source: Some(sources::IDENTITY_PLATFORM_ACCESS_TOKENS),
};
pub const ACCESS_LIFETIME: Lifetime = Lifetime {
    usual: "Entra access tokens live 60 to 90 minutes by default (a random value in that range), longer only with continuous access evaluation or a token lifetime policy",
    source: Some(sources::IDENTITY_PLATFORM_ACCESS_TOKENS),
};
pub const ID_TOKEN_LIFETIME: Lifetime = Lifetime {
    usual: "Entra ID tokens are valid for 1 hour by default",
    source: Some(sources::IDENTITY_PLATFORM_CONFIGURABLE_TOKEN_LIFETIMES),
};
pub const EXCHANGE_IDENTITY_LIFETIME: Lifetime = Lifetime {
    usual: "Exchange identity tokens live 8 hours",
    source: Some(sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN),
};
pub const EXCHANGE_CALLBACK_LIFETIME: Lifetime = Lifetime {
    usual: "Exchange callback tokens live about 8 hours, and only minutes when scoped to one item (from Exchange code, not documented)",
    source: None,
};
pub const CLIENT_ASSERTION_LIFETIME: Lifetime = Lifetime {
    usual: "A client assertion is made for one token request and should live only minutes; Entra refuses it outside nbf to exp (AADSTS700024)",
    source: Some(sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS),
};
pub const B2C_LIFETIME: Lifetime = Lifetime {
    usual: "Azure AD B2C access and ID tokens live 60 minutes by default (5 to 1440 minutes, set on the user flow or policy)",
    source: Some(sources::ACTIVE_DIRECTORY_B2C_CONFIGURE_TOKENS),
};
pub const S2S_LIFETIME: Lifetime = Lifetime {
    usual: "Set by the issuer of the server-to-server token (ACS, SharePoint, Exchange or the add-in's own certificate)",
    source: None,
};
pub const ADFS_LIFETIME: Lifetime = Lifetime {
    usual: "Set by AD FS (AccessTokenLifetime of the relying party or application group)",
    source: None,
};
pub const GENERIC_LIFETIME: Lifetime = Lifetime {
    usual: "Set by the issuer",
    source: None,
};

/// A kind of token as the card names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The key explanations use (`explain::tokens::view::TokenType::key`).
    pub key: &'static str,
    /// The card title.
    pub title: &'static str,
    /// The format version (` (v1)`, ` (v2)`) goes after the title.
    pub versioned: bool,
    /// Words after the title and version.
    pub suffix: &'static str,
    /// How long this kind usually lives.
    pub lifetime: Lifetime,
}

const fn kind(
    key: &'static str,
    title: &'static str,
    versioned: bool,
    suffix: &'static str,
    lifetime: Lifetime,
) -> Kind {
    Kind {
        key,
        title,
        versioned,
        suffix,
        lifetime,
    }
}

/// Every kind of token the cards name, sorted by `key`.
pub const KINDS: &[Kind] = &[
    kind("adfs", "AD FS token", false, "", ADFS_LIFETIME),
    kind("b2c", "Azure AD B2C token", false, "", B2C_LIFETIME),
    kind(
        "client-assertion",
        "Client assertion (an app's signed credential for the token endpoint)",
        false,
        "",
        CLIENT_ASSERTION_LIFETIME,
    ),
    kind(
        "entra-access",
        "Microsoft Entra access token",
        true,
        "",
        ACCESS_LIFETIME,
    ),
    kind(
        "entra-id",
        "Microsoft Entra ID token",
        true,
        "",
        ID_TOKEN_LIFETIME,
    ),
    kind(
        "entra-uncertain",
        "Microsoft Entra token",
        true,
        ", type uncertain (payload cut)",
        ACCESS_LIFETIME,
    ),
    kind(
        "exchange-callback",
        "Exchange callback token (add-in REST/EWS)",
        false,
        "",
        EXCHANGE_CALLBACK_LIFETIME,
    ),
    kind(
        "exchange-identity",
        "Exchange identity token (Outlook add-in, ExIdTok.V1)",
        false,
        "",
        EXCHANGE_IDENTITY_LIFETIME,
    ),
    kind("generic", "JSON Web Token", false, "", GENERIC_LIFETIME),
    kind(
        "s2s-actor",
        "S2S app-only actor token (server-to-server)",
        false,
        "",
        S2S_LIFETIME,
    ),
    kind(
        "s2s-outer",
        "S2S user+app outer token (server-to-server)",
        false,
        "",
        S2S_LIFETIME,
    ),
];

/// The facts about one kind of token, by key.
pub fn kind_by_key(key: &str) -> Option<&'static Kind> {
    KINDS
        .binary_search_by(|k| k.key.cmp(key))
        .ok()
        .map(|i| &KINDS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_lists_are_sorted_unique_and_lowercase() {
        for list in [
            ENTRA_ISSUER_HOSTS,
            V1_ISSUER_HOST_PREFIXES,
            EXCHANGE_AUDIENCES,
            EXO_POWERSHELL_CLIENTS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|h| *h == h.to_ascii_lowercase()));
        }
    }

    #[test]
    fn kinds_are_sorted_and_unique() {
        assert!(KINDS.windows(2).all(|w| w[0].key < w[1].key));
        assert_eq!(
            kind_by_key("generic").map(|k| k.title),
            Some("JSON Web Token")
        );
    }

    #[test]
    fn clouds_are_told_by_their_hosts() {
        assert_eq!(
            cloud_of_host("login.microsoftonline.us").map(|c| c.suffix),
            Some(".us")
        );
        assert_eq!(
            cloud_of_host("sts.chinacloudapi.cn").map(|c| c.suffix),
            Some(".cn")
        );
        assert!(cloud_of_host("sts.windows.net").is_none());
    }

    #[test]
    fn acs_ends_on_the_announced_day() {
        assert_eq!(crate::text::utc(ACS_END), "2026-04-02 00:00:00 UTC");
        assert!(ACS_END_SOURCE.starts_with("https://"));
    }
}
