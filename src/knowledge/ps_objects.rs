//! Exchange PowerShell objects: what their properties mean and which values are wrong, one table
//! per object type, and the property names that tell the object types apart.

use super::Fix;
use crate::knowledge::sources;

/// One property of a PowerShell object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertyFact {
    pub name: &'static str,
    pub meaning: &'static str,
    /// The value (any case) that is wrong for OAuth and EWS clients, if one is.
    pub wrong: Option<&'static str>,
    /// What the wrong value does.
    pub consequence: &'static str,
    pub fix: Option<Fix>,
    pub source: &'static str,
}

const SET_ORG: &str = sources::EXCHANGE_PS_SET_ORGANIZATIONCONFIG;
const EWS_ACCESS: &str = sources::EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS;
const MODERN_AUTH: &str = sources::EXCHANGE_ONLINE_ENABLE_OR_DISABLE_MODERN_AUTHENTICATION;

/// Get-OrganizationConfig: its OAuth and EWS settings, sorted by `name`.
pub const ORGANIZATION_CONFIG: &[PropertyFact] = &[
    PropertyFact {
        name: "EwsAllowList",
        meaning: "user-agent patterns (for example OWA/*) that may use EWS and REST while EwsApplicationAccessPolicy is EnforceAllowList",
        wrong: None,
        consequence: "",
        fix: None,
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsAllowMacOutlook",
        meaning: "whether Outlook for Mac may use EWS (blank or True: allowed)",
        wrong: Some("False"),
        consequence: "Outlook for Mac cannot use EWS anywhere in the organization.",
        fix: Some(Fix::command("Allow Outlook for Mac to use EWS again.", "Set-OrganizationConfig -EwsAllowMacOutlook $true")),
        source: SET_ORG,
    },
    PropertyFact {
        name: "EwsAllowOutlook",
        meaning: "whether Outlook for Windows may use EWS (free/busy, Out of Office, add-ins; blank or True: allowed)",
        wrong: Some("False"),
        consequence: "Outlook for Windows cannot use EWS: free/busy, Out of Office and add-ins fail for every mailbox.",
        fix: Some(Fix::command("Allow Outlook for Windows to use EWS again.", "Set-OrganizationConfig -EwsAllowOutlook $true")),
        source: SET_ORG,
    },
    PropertyFact {
        name: "EwsApplicationAccessPolicy",
        meaning: "EnforceAllowList: only the user agents in EwsAllowList may use EWS and REST; EnforceBlockList: every client except those in EwsBlockList; blank: no application policy",
        wrong: Some("EnforceAllowList"),
        consequence: "Only clients whose user agent matches EwsAllowList may use EWS and REST; every other application (including OAuth daemons and add-ins) is refused even with a valid token.",
        fix: Some(Fix::command("Add the application's user agent to the allow list, or switch to a block list.", "Set-OrganizationConfig -EwsAllowList @{Add=\"<user agent>/*\"}\n# or: Set-OrganizationConfig -EwsApplicationAccessPolicy EnforceBlockList")),
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsBlockList",
        meaning: "user-agent patterns that may not use EWS and REST while EwsApplicationAccessPolicy is EnforceBlockList",
        wrong: None,
        consequence: "Clients whose user agent matches EwsBlockList are refused by EWS and REST.",
        fix: Some(Fix::command("Remove the application's user agent from the block list if it should connect.", "Set-OrganizationConfig -EwsBlockList @{Remove=\"<user agent>/*\"}")),
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsEnabled",
        meaning: "True: EWS is allowed for the organization; False: EWS is blocked for every mailbox; blank: each mailbox decides (Set-CASMailbox)",
        wrong: Some("False"),
        consequence: "EWS is blocked for the whole organization: every EWS client (Outlook for Mac, add-ins, OAuth daemons, free/busy from other organizations) is refused.",
        fix: Some(Fix::command("Allow EWS for the organization again.", "Set-OrganizationConfig -EwsEnabled $true")),
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "OAuth2ClientProfileEnabled",
        meaning: "whether modern authentication (OAuth) is on for the organization's Outlook, Outlook for Mac and Exchange ActiveSync clients",
        wrong: Some("False"),
        consequence: "Modern authentication is off: Exchange does not offer Bearer (OAuth) sign-in to Outlook and Exchange ActiveSync clients, so they fall back to Basic authentication or fail where Basic is blocked, and Conditional Access and MFA never apply.",
        fix: Some(Fix::command("Turn modern authentication on.", "Set-OrganizationConfig -OAuth2ClientProfileEnabled $true")),
        source: MODERN_AUTH,
    },
];

const OAUTH_CONFIG: &str = sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND;
const HMA: &str = sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const FREE_BUSY: &str = sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;
const AUTH_CERT: &str = sources::ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND;
const CLOUDS: &str = sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;

/// A property that only says what it is (no value of it is wrong on its own).
const fn plain(name: &'static str, meaning: &'static str, source: &'static str) -> PropertyFact {
    PropertyFact {
        name,
        meaning,
        wrong: None,
        consequence: "",
        fix: None,
        source,
    }
}

/// A property with a wrong value; its fix names the object, so the rule writes it.
const fn flagged(
    name: &'static str,
    meaning: &'static str,
    wrong: &'static str,
    consequence: &'static str,
    source: &'static str,
) -> PropertyFact {
    PropertyFact {
        name,
        meaning,
        wrong: Some(wrong),
        consequence,
        fix: None,
        source,
    }
}

/// Get-PartnerApplication, sorted by `name`.
pub const PARTNER_APPLICATION: &[PropertyFact] = &[
    plain(
        "ActAsPermissions",
        "the permissions the partner may use on behalf of a user (delegated)",
        OAUTH_CONFIG,
    ),
    plain(
        "AppOnlyPermissions",
        "the permissions the partner may use as itself (app-only, client credentials)",
        OAUTH_CONFIG,
    ),
    plain(
        "ApplicationIdentifier",
        "the application (client) id of the partner",
        OAUTH_CONFIG,
    ),
    plain(
        "AuthMetadataUrl",
        "where Exchange reads the partner's signing keys",
        OAUTH_CONFIG,
    ),
    flagged(
        "Enabled",
        "whether Exchange accepts OAuth tokens from this partner",
        "False",
        "Exchange refuses OAuth tokens from this partner while Enabled is False.",
        OAUTH_CONFIG,
    ),
    plain(
        "LinkedAccount",
        "the Active Directory account whose permissions app-only calls of the partner get",
        OAUTH_CONFIG,
    ),
];

/// Get-AuthServer, sorted by `name`.
pub const AUTH_SERVER: &[PropertyFact] = &[
    plain("AuthMetadataUrl", "the token issuer's metadata document; its host says which cloud the tenant is in", CLOUDS),
    flagged("Enabled", "whether Exchange trusts tokens from this auth server", "False", "Exchange does not trust tokens from this auth server while Enabled is False.", OAUTH_CONFIG),
    flagged("IsDefaultAuthorizationEndpoint", "whether Exchange names this server as authorization_uri in its challenges (hybrid modern authentication)", "False", "Hybrid modern authentication is not advertised: Exchange challenges carry no authorization_uri while IsDefaultAuthorizationEndpoint is False.", HMA),
    plain("IssuerIdentifier", "the issuer Exchange expects in tokens from this server", OAUTH_CONFIG),
    plain("Type", "the kind of auth server (AzureAD for EvoSts, MicrosoftACS for the older ACS)", HMA),
];

/// Get-AuthConfig, sorted by `name`.
pub const AUTH_CONFIG: &[PropertyFact] = &[
    flagged("CurrentCertificateThumbprint", "the certificate Exchange signs its server-to-server tokens with", "", "CurrentCertificateThumbprint is empty: Exchange cannot sign its server-to-server tokens (Missing signing certificate).", FREE_BUSY),
    plain("NewCertificateEffectiveDate", "when the next auth certificate becomes current", AUTH_CERT),
    plain("NewCertificateThumbprint", "the next auth certificate, current from NewCertificateEffectiveDate", AUTH_CERT),
    plain("PreviousCertificateThumbprint", "the auth certificate used before the current one", AUTH_CERT),
    plain("Realm", "the realm (tenant) Exchange names in its tokens; empty on-premises", OAUTH_CONFIG),
    plain("ServiceName", "Exchange's own application id (the Office 365 Exchange Online id)", OAUTH_CONFIG),
];

/// Get-IntraOrganizationConnector, sorted by `name`.
pub const INTRA_ORGANIZATION_CONNECTOR: &[PropertyFact] = &[
    plain("DiscoveryEndpoint", "the Autodiscover endpoint of the other side", FREE_BUSY),
    flagged("Enabled", "whether cross-premises features use OAuth through this connector", "False", "With the connector disabled, Exchange falls back to the federation trust (DAuth) for free/busy and other cross-premises features instead of OAuth.", FREE_BUSY),
    plain("TargetAddress", "the domains whose mailboxes the connector reaches", FREE_BUSY),
];

/// Test-OAuthConnectivity, sorted by `name`.
pub const TEST_OAUTH_CONNECTIVITY: &[PropertyFact] = &[
    plain(
        "Detail",
        "the exception and the response headers of the failed call",
        OAUTH_CONFIG,
    ),
    plain(
        "ResultType",
        "Success, or the kind of failure",
        OAUTH_CONFIG,
    ),
    plain("Task", "the step the test ran", OAUTH_CONFIG),
];

/// Every table, by the cmdlet that shows the object.
pub const TABLES: &[(&str, &[PropertyFact])] = &[
    ("Get-AuthConfig", AUTH_CONFIG),
    ("Get-AuthServer", AUTH_SERVER),
    (
        "Get-IntraOrganizationConnector",
        INTRA_ORGANIZATION_CONNECTOR,
    ),
    ("Get-OrganizationConfig", ORGANIZATION_CONFIG),
    ("Get-PartnerApplication", PARTNER_APPLICATION),
    ("Test-OAuthConnectivity", TEST_OAUTH_CONNECTIVITY),
];

/// The row for `name` (any case) in `table`.
pub fn property(table: &'static [PropertyFact], name: &str) -> Option<&'static PropertyFact> {
    table.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

/// What the wrong value of `name` in `table` does ("" when the table has no such row).
pub fn consequence(table: &'static [PropertyFact], name: &str) -> &'static str {
    property(table, name).map_or("", |p| p.consequence)
}

/// Property names only a mailbox (Get-CASMailbox) has: their presence means it is not the
/// organization's configuration, even when it shows EWS settings.
pub const MAILBOX_ONLY_PROPERTIES: &[&str] = &[
    "ActiveSyncEnabled",
    "OWAEnabled",
    "PrimarySmtpAddress",
    "SamAccountName",
    "ServerLegacyDN",
];

/// The Get-OrganizationConfig row for `name` (any case).
pub fn organization_config(name: &str) -> Option<&'static PropertyFact> {
    property(ORGANIZATION_CONFIG, name)
}

/// The page that documents Get-OrganizationConfig output.
pub const GET_ORG: &str = sources::EXCHANGE_PS_GET_ORGANIZATIONCONFIG;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_unique_and_sourced() {
        for (cmdlet, table) in TABLES {
            for pair in table.windows(2) {
                assert!(pair[0].name < pair[1].name, "{cmdlet}: {}", pair[1].name);
            }
            for p in *table {
                crate::knowledge::assert_source(p.source, p.name);
                assert!(p.meaning.len() > 10, "{cmdlet}: {}", p.name);
                if p.wrong.is_some() {
                    assert!(!p.consequence.is_empty(), "{cmdlet}: {}", p.name);
                }
            }
        }
        for p in ORGANIZATION_CONFIG.iter().filter(|p| p.wrong.is_some()) {
            assert!(p.fix.is_some(), "{}", p.name);
        }
        assert!(organization_config("oauth2clientprofileenabled").is_some());
        assert!(consequence(AUTH_SERVER, "enabled").contains("Enabled is False"));
        crate::knowledge::assert_source(GET_ORG, "Get-OrganizationConfig");
    }
}
