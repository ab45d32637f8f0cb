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
    ORGANIZATION_CONFIG
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

/// The page that documents Get-OrganizationConfig output.
pub const GET_ORG: &str = sources::EXCHANGE_PS_GET_ORGANIZATIONCONFIG;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_config_rows_are_sorted_unique_and_sourced() {
        for pair in ORGANIZATION_CONFIG.windows(2) {
            assert!(pair[0].name < pair[1].name, "{}", pair[1].name);
        }
        for p in ORGANIZATION_CONFIG {
            crate::knowledge::assert_source(p.source, p.name);
            assert!(p.meaning.len() > 10, "{}", p.name);
            if p.wrong.is_some() {
                assert!(!p.consequence.is_empty() && p.fix.is_some(), "{}", p.name);
            }
        }
        assert!(organization_config("oauth2clientprofileenabled").is_some());
        crate::knowledge::assert_source(GET_ORG, "Get-OrganizationConfig");
    }
}
