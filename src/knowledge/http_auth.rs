//! Table: the words of HTTP authentication headers (Bearer challenge parameters and errors,
//! authorize hosts, token issuers, UCWA grant types, claims requests, OAuth grant types) and the
//! hybrid modern authentication checks, each row with its public source.

use super::Fix;
use crate::knowledge::sources;

/// One named value and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const fn term(name: &'static str, meaning: &'static str, source: &'static str) -> Term {
    Term {
        name,
        meaning,
        source,
    }
}

const HMA: &str = sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const CLAIMS: &str = sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE;
const UCWA: &str = sources::UCWA_AUTHENTICATIONINUCWA;
const RFC6750: &str = sources::RFC_RFC6750_SECTION_3_1;
const NATIONAL_CLOUDS: &str = sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;
const GRANTS: &str = sources::IDENTITY_PLATFORM_V2_OAUTH2_CLIENT_CREDS_GRANT_FLOW;

/// `token_types` values seen in Exchange Bearer challenges (names from real captures; no official
/// definition was found).
pub const TOKEN_TYPES: &[Term] = &[
    term(
        "app_asserted_user_v1",
        "a token in which an application asserts the user context (an app acting for a user)",
        HMA,
    ),
    term(
        "service_asserted_app_v1",
        "an app-only token asserted by a service (no user context)",
        HMA,
    ),
];

/// RFC 6750 and Entra `error` values of a Bearer challenge.
pub const BEARER_ERRORS: &[Term] = &[
    term("insufficient_claims", "the token lacks claims the resource now demands (a claims challenge): get a new token with the claims named in `claims`", CLAIMS),
    term("insufficient_scope", "the token is valid but lacks the scope or permission this request needs", RFC6750),
    term("invalid_request", "the request is malformed (missing or duplicated parameter)", RFC6750),
    term("invalid_token", "the token presented was expired, revoked, malformed or otherwise rejected", RFC6750),
];

/// Authorization endpoint hosts; the meaning names the cloud they belong to.
pub const AUTH_HOSTS: &[Term] = &[
    term(
        "login.chinacloudapi.cn",
        "Microsoft Entra in Microsoft 365 operated by 21Vianet (China)",
        NATIONAL_CLOUDS,
    ),
    term(
        "login.microsoft.com",
        "Microsoft Entra (global cloud)",
        NATIONAL_CLOUDS,
    ),
    term(
        "login.microsoftonline.com",
        "Microsoft Entra (global cloud)",
        NATIONAL_CLOUDS,
    ),
    term(
        "login.microsoftonline.us",
        "Microsoft Entra for US Government",
        NATIONAL_CLOUDS,
    ),
    term(
        "login.partner.microsoftonline.cn",
        "Microsoft Entra in Microsoft 365 operated by 21Vianet (China)",
        NATIONAL_CLOUDS,
    ),
    term(
        "login.windows.net",
        "Microsoft Entra (global cloud, older host name)",
        NATIONAL_CLOUDS,
    ),
];

/// Token issuers that appear in `trusted_issuers` as URLs; `name` is the URL prefix.
pub const ISSUER_URLS: &[Term] = &[
    term(
        "https://sts.chinacloudapi.cn/",
        "Microsoft Entra v1 token issuer (21Vianet)",
        NATIONAL_CLOUDS,
    ),
    term(
        "https://sts.windows.net/",
        "Microsoft Entra v1 token issuer",
        sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    ),
];

/// UCWA (Skype for Business / Lync) grant types offered by an MsRtcOAuth challenge.
pub const UCWA_GRANTS: &[Term] = &[
    term(
        "password",
        "user name and password sent to the WebTicket service",
        UCWA,
    ),
    term(
        "urn:microsoft.rtc:anonmeeting",
        "anonymous meeting join (a guest joins with a meeting URL; the token lasts 1 hour)",
        UCWA,
    ),
    term(
        "urn:microsoft.rtc:passive",
        "passive (web) authentication, for example through AD FS",
        UCWA,
    ),
    term(
        "urn:microsoft.rtc:windows",
        "Windows integrated authentication (IWA: Kerberos or NTLM)",
        UCWA,
    ),
];

/// Claims that a claims request (`claims` of a challenge or an AADSTS body) can name.
pub const CLAIMS_REQUEST: &[Term] = &[
    term("acrs", "Conditional Access authentication context the new token must satisfy (for example step-up MFA)", CLAIMS),
    term("nbf", "the token must be issued after this time: the old one was issued before a revocation event (Continuous Access Evaluation)", CLAIMS),
    term("polids", "Conditional Access policy ids the user must satisfy (for example MFA registration)", CLAIMS),
    term("xms_cc", "client capabilities; cp1 means the app can handle claims challenges", CLAIMS),
];

/// OAuth grant types of a token request body.
pub const GRANT_TYPES: &[Term] = &[
    term("authorization_code", "authorization code flow: a signed-in user (delegated token)", GRANTS),
    term("client_credentials", "client credentials flow: the app acts as itself (app-only token, application permissions in roles)", GRANTS),
    term("password", "resource owner password credentials (ROPC): user name and password sent by the app (no MFA possible)", GRANTS),
    term("refresh_token", "a refresh token is redeemed for a new access token", GRANTS),
    term("urn:ietf:params:oauth:grant-type:device_code", "device code flow", GRANTS),
    term("urn:ietf:params:oauth:grant-type:jwt-bearer", "on-behalf-of flow: a user token is exchanged for a token to another API", GRANTS),
];

/// Hybrid modern authentication checks for an Exchange challenge without `authorization_uri`.
pub const HMA_CHECKS: &[Fix] = &[
    Fix::command("Check that the EvoSts auth server exists and is the default authorization endpoint.", "Get-AuthServer | Format-List Name,Type,Enabled,IsDefaultAuthorizationEndpoint,AuthMetadataUrl"),
    Fix::command("If hybrid modern authentication is wanted, make EvoSts the default authorization endpoint (the HCW does this when HMA is chosen), then restart IIS or wait for the change to apply.", "Set-AuthServer -Identity EvoSts -IsDefaultAuthorizationEndpoint $true\nSet-OrganizationConfig -OAuth2ClientProfileEnabled $true"),
    Fix::command("Refresh the auth metadata of EvoSts and rerun the Hybrid Configuration Wizard if the auth server is missing.", "Set-AuthServer -Identity EvoSts -RefreshAuthMetadata"),
];

/// The row of `table` named `name` (any case).
pub fn lookup(table: &'static [Term], name: &str) -> Option<&'static Term> {
    table.iter().find(|t| t.name.eq_ignore_ascii_case(name))
}

/// The `ISSUER_URLS` row whose URL starts `entry` (any case).
pub fn issuer_url(entry: &str) -> Option<&'static Term> {
    let lower = entry.to_ascii_lowercase();
    ISSUER_URLS.iter().find(|t| lower.starts_with(t.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_unique_and_sourced() {
        for table in [
            TOKEN_TYPES,
            BEARER_ERRORS,
            AUTH_HOSTS,
            ISSUER_URLS,
            UCWA_GRANTS,
            CLAIMS_REQUEST,
            GRANT_TYPES,
        ] {
            for pair in table.windows(2) {
                assert!(
                    pair[0].name < pair[1].name,
                    "{} before {}",
                    pair[0].name,
                    pair[1].name
                );
            }
            for t in table {
                assert!(!t.meaning.is_empty(), "{}", t.name);
                crate::knowledge::assert_source(t.source, t.name);
            }
        }
        assert_eq!(HMA_CHECKS.len(), 3);
        assert!(HMA_CHECKS.iter().all(|f| f.command.is_some()));
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(lookup(BEARER_ERRORS, "INVALID_TOKEN").is_some());
        assert!(issuer_url("HTTPS://sts.windows.net/abc/").is_some());
        assert!(issuer_url("00000001-0000-0000-c000-000000000000@*").is_none());
    }
}
