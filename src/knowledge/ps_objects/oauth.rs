//! Rows: the hybrid OAuth objects (partner applications, auth servers, Exchange's own auth
//! configuration, the intra-organization connector and configuration, Test-OAuthConnectivity) and
//! Get-OrganizationConfig's OAuth and EWS settings.

use super::{bad, flagged, plain, Bad, PropertyFact, PsType};
use crate::knowledge::{sources, Fix};
use crate::report::Severity;

const SET_ORG: &str = sources::EXCHANGE_PS_SET_ORGANIZATIONCONFIG;
const EWS_ACCESS: &str = sources::EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS;
const MODERN_AUTH: &str = sources::EXCHANGE_ONLINE_ENABLE_OR_DISABLE_MODERN_AUTHENTICATION;

/// Get-OrganizationConfig: its OAuth and EWS settings, sorted by `name`.
pub const ORGANIZATION_CONFIG: &[PropertyFact] = &[
    PropertyFact {
        name: "EwsAllowList",
        meaning: "user-agent patterns (for example OWA/*) that may use EWS and REST while EwsApplicationAccessPolicy is EnforceAllowList",
        wrong: None,
        severity: Severity::Info,
        consequence: "",
        fix: None,
        by_rule: true,
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsAllowMacOutlook",
        meaning: "whether Outlook for Mac may use EWS (blank or True: allowed)",
        wrong: Some(Bad::Is("False")),
        severity: Severity::Error,
        consequence: "Outlook for Mac cannot use EWS anywhere in the organization.",
        fix: Some(Fix::command("Allow Outlook for Mac to use EWS again.", "Set-OrganizationConfig -EwsAllowMacOutlook $true")),
        by_rule: true,
        source: SET_ORG,
    },
    PropertyFact {
        name: "EwsAllowOutlook",
        meaning: "whether Outlook for Windows may use EWS (free/busy, Out of Office, add-ins; blank or True: allowed)",
        wrong: Some(Bad::Is("False")),
        severity: Severity::Error,
        consequence: "Outlook for Windows cannot use EWS: free/busy, Out of Office and add-ins fail for every mailbox.",
        fix: Some(Fix::command("Allow Outlook for Windows to use EWS again.", "Set-OrganizationConfig -EwsAllowOutlook $true")),
        by_rule: true,
        source: SET_ORG,
    },
    PropertyFact {
        name: "EwsApplicationAccessPolicy",
        meaning: "EnforceAllowList: only the user agents in EwsAllowList may use EWS and REST; EnforceBlockList: every client except those in EwsBlockList; blank: no application policy",
        wrong: Some(Bad::Is("EnforceAllowList")),
        severity: Severity::Error,
        consequence: "Only clients whose user agent matches EwsAllowList may use EWS and REST; every other application (including OAuth daemons and add-ins) is refused even with a valid token.",
        fix: Some(Fix::command("Add the application's user agent to the allow list, or switch to a block list.", "Set-OrganizationConfig -EwsAllowList @{Add=\"<user agent>/*\"}\n# or: Set-OrganizationConfig -EwsApplicationAccessPolicy EnforceBlockList")),
        by_rule: true,
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsBlockList",
        meaning: "user-agent patterns that may not use EWS and REST while EwsApplicationAccessPolicy is EnforceBlockList",
        wrong: None,
        severity: Severity::Info,
        consequence: "Clients whose user agent matches EwsBlockList are refused by EWS and REST.",
        fix: Some(Fix::command("Remove the application's user agent from the block list if it should connect.", "Set-OrganizationConfig -EwsBlockList @{Remove=\"<user agent>/*\"}")),
        by_rule: true,
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "EwsEnabled",
        meaning: "True: EWS is allowed for the organization; False: EWS is blocked for every mailbox; blank: each mailbox decides (Set-CASMailbox)",
        wrong: Some(Bad::Is("False")),
        severity: Severity::Error,
        consequence: "EWS is blocked for the whole organization: every EWS client (Outlook for Mac, add-ins, OAuth daemons, free/busy from other organizations) is refused.",
        fix: Some(Fix::command("Allow EWS for the organization again.", "Set-OrganizationConfig -EwsEnabled $true")),
        by_rule: true,
        source: EWS_ACCESS,
    },
    PropertyFact {
        name: "OAuth2ClientProfileEnabled",
        meaning: "whether modern authentication (OAuth) is on for the organization's Outlook, Outlook for Mac and Exchange ActiveSync clients",
        wrong: Some(Bad::Is("False")),
        severity: Severity::Error,
        consequence: "Modern authentication is off: Exchange does not offer Bearer (OAuth) sign-in to Outlook and Exchange ActiveSync clients, so they fall back to Basic authentication or fail where Basic is blocked, and Conditional Access and MFA never apply.",
        fix: Some(Fix::command("Turn modern authentication on.", "Set-OrganizationConfig -OAuth2ClientProfileEnabled $true")),
        by_rule: true,
        source: MODERN_AUTH,
    },
];

const OAUTH_CONFIG: &str = sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND;
const HMA: &str = sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const FREE_BUSY: &str = sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;
const AUTH_CERT: &str = sources::ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND;
const CLOUDS: &str = sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;

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
        Bad::Is("False"),
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
    flagged("Enabled", "whether Exchange trusts tokens from this auth server", Bad::Is("False"), "Exchange does not trust tokens from this auth server while Enabled is False.", OAUTH_CONFIG),
    flagged("IsDefaultAuthorizationEndpoint", "whether Exchange names this server as authorization_uri in its challenges (hybrid modern authentication)", Bad::Is("False"), "Hybrid modern authentication is not advertised: Exchange challenges carry no authorization_uri while IsDefaultAuthorizationEndpoint is False.", HMA),
    plain("IssuerIdentifier", "the issuer Exchange expects in tokens from this server", OAUTH_CONFIG),
    plain("Type", "the kind of auth server (AzureAD for EvoSts, MicrosoftACS for the older ACS)", HMA),
];

/// Get-AuthConfig, sorted by `name`.
pub const AUTH_CONFIG: &[PropertyFact] = &[
    flagged("CurrentCertificateThumbprint", "the certificate Exchange signs its server-to-server tokens with", Bad::Empty, "CurrentCertificateThumbprint is empty: Exchange cannot sign its server-to-server tokens (Missing signing certificate).", FREE_BUSY),
    plain("NewCertificateEffectiveDate", "when the next auth certificate becomes current", AUTH_CERT),
    plain("NewCertificateThumbprint", "the next auth certificate, current from NewCertificateEffectiveDate", AUTH_CERT),
    plain("PreviousCertificateThumbprint", "the auth certificate used before the current one", AUTH_CERT),
    plain("Realm", "the realm (tenant) Exchange names in its tokens; empty on-premises", OAUTH_CONFIG),
    plain("ServiceName", "Exchange's own application id (the Office 365 Exchange Online id)", OAUTH_CONFIG),
];

/// Get-IntraOrganizationConnector, sorted by `name`.
pub const INTRA_ORGANIZATION_CONNECTOR: &[PropertyFact] = &[
    plain("DiscoveryEndpoint", "the Autodiscover endpoint of the other side", FREE_BUSY),
    flagged("Enabled", "whether cross-premises features use OAuth through this connector", Bad::Is("False"), "With the connector disabled, Exchange falls back to the federation trust (DAuth) for free/busy and other cross-premises features instead of OAuth.", FREE_BUSY),
    plain("TargetAddress", "the domains whose mailboxes the connector reaches", FREE_BUSY),
    plain("TargetAddressDomains", "the domains whose mailboxes the connector reaches (on premises: the tenant's mail.onmicrosoft.com domain; in Exchange Online: the on-premises domains)", FREE_BUSY),
    plain("TargetSharingEpr", "an EWS URL that overrides the one Autodiscover returns; usually empty", FREE_BUSY),
];

const IOC: &str = sources::EXCHANGE_PS_GET_INTRAORGANIZATIONCONFIGURATION;

/// Get-IntraOrganizationConfiguration, sorted by `name`.
pub const INTRA_ORGANIZATION_CONFIGURATION: &[PropertyFact] = &[
    bad("DeploymentIsCompleteIOCReady", "on premises: whether every Exchange server can use OAuth with Exchange Online (empty when run in Exchange Online)", Bad::Is("False"), Severity::Warning, "Some Exchange servers are too old for OAuth with Exchange Online, so cross-premises free/busy and other features fall back to DAuth or fail for mailboxes on them.", Fix::command("Find the servers below Exchange 2013 CU5 / 2016 that block OAuth.", "Get-ExchangeServer | Format-Table Name, AdminDisplayVersion"), IOC),
    bad("HasNonIOCReadyExchangeCASServerVersions", "whether some Client Access servers are too old for the intra-organization connector", Bad::Is("True"), Severity::Warning, "Some Client Access servers cannot use OAuth with Exchange Online.", Fix::command("List the server versions.", "Get-ExchangeServer | Format-Table Name, ServerRole, AdminDisplayVersion"), IOC),
    bad("HasNonIOCReadyExchangeMailboxServerVersions", "whether some Mailbox servers are too old for the intra-organization connector", Bad::Is("True"), Severity::Warning, "Some Mailbox servers cannot use OAuth with Exchange Online.", Fix::command("List the server versions.", "Get-ExchangeServer | Format-Table Name, ServerRole, AdminDisplayVersion"), IOC),
    plain("OnPremiseDiscoveryEndpoint", "the on-premises Autodiscover URL that Exchange Online's intra-organization connector must point to (empty when run in Exchange Online)", IOC),
    plain("OnPremiseTargetAddresses", "the on-premises domains (in Exchange Online: the TargetAddressDomains of its connector)", IOC),
    plain("OnPremiseWebServiceEndpoint", "the on-premises EWS URL Exchange Online calls for free/busy", IOC),
    plain("OnlineDiscoveryEndpoint", "Exchange Online's Autodiscover URL (autodiscover-s.outlook.com) that the on-premises connector must point to", IOC),
    plain("OnlineTargetAddress", "the tenant's coexistence domain (contoso.mail.onmicrosoft.com)", IOC),
];

const PARTNER: &str = sources::EXCHANGE_PS_GET_PARTNERAPPLICATION;

/// Get-PartnerApplication.
pub const PARTNER_APPLICATION_TYPE: PsType = PsType {
    cmdlet: "Get-PartnerApplication",
    also: &["Set-PartnerApplication", "New-PartnerApplication"],
    object: "Exchange partner application",
    identify: &[
        &["ApplicationIdentifier", "AppOnlyPermissions"],
        &["ApplicationIdentifier", "LinkedAccount"],
        &["ApplicationIdentifier", "UseAuthServer"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: PARTNER_APPLICATION,
    healthy: "The partner application is enabled: Exchange accepts its OAuth tokens.",
    own_card: true,
    source: PARTNER,
};

/// Get-AuthServer.
pub const AUTH_SERVER_TYPE: PsType = PsType {
    cmdlet: "Get-AuthServer",
    also: &["Set-AuthServer", "New-AuthServer"],
    object: "Exchange auth server",
    identify: &[
        &["AuthMetadataUrl", "IssuerIdentifier"],
        &["AuthMetadataUrl", "TokenIssuingEndpoint"],
        &["AuthMetadataUrl", "IsDefaultAuthorizationEndpoint"],
    ],
    value_hint: None,
    unless: &["ApplicationIdentifier"],
    secrets: &[],
    properties: AUTH_SERVER,
    healthy: "The auth server is enabled: Exchange trusts the tokens it issues.",
    own_card: true,
    source: sources::EXCHANGE_PS_GET_AUTHSERVER,
};

/// Get-AuthConfig.
pub const AUTH_CONFIG_TYPE: PsType = PsType {
    cmdlet: "Get-AuthConfig",
    also: &[],
    object: "Exchange auth configuration",
    identify: &[&["CurrentCertificateThumbprint"], &["ServiceName", "Realm"]],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: AUTH_CONFIG,
    healthy: "Exchange names a current auth certificate to sign its OAuth tokens with.",
    own_card: true,
    source: sources::EXCHANGE_PS_GET_AUTHCONFIG,
};

/// Get-IntraOrganizationConnector.
pub const INTRA_ORGANIZATION_CONNECTOR_TYPE: PsType = PsType {
    cmdlet: "Get-IntraOrganizationConnector",
    also: &[
        "New-IntraOrganizationConnector",
        "Set-IntraOrganizationConnector",
    ],
    object: "Intra-organization connector",
    identify: &[
        &["TargetAddressDomains", "DiscoveryEndpoint"],
        &["TargetAddress", "DiscoveryEndpoint"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: INTRA_ORGANIZATION_CONNECTOR,
    healthy:
        "The connector is enabled: cross-premises free/busy and MailTips use OAuth through it.",
    own_card: true,
    source: sources::EXCHANGE_PS_GET_INTRAORGANIZATIONCONNECTOR,
};

/// Get-IntraOrganizationConfiguration.
pub const INTRA_ORGANIZATION_CONFIGURATION_TYPE: PsType = PsType {
    cmdlet: "Get-IntraOrganizationConfiguration",
    also: &[],
    object: "Intra-organization configuration",
    identify: &[&["OnPremiseDiscoveryEndpoint"], &["OnlineDiscoveryEndpoint"], &["OnPremiseTargetAddresses"]],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: INTRA_ORGANIZATION_CONFIGURATION,
    healthy: "Nothing here blocks OAuth between Exchange on premises and Exchange Online; the endpoints are what the intra-organization connectors of the other side must use.",
    own_card: true,
    source: IOC,
};

/// Test-OAuthConnectivity.
pub const TEST_OAUTH_CONNECTIVITY_TYPE: PsType = PsType {
    cmdlet: "Test-OAuthConnectivity",
    also: &[],
    object: "OAuth connectivity test",
    identify: &[
        &["Task", "ResultType"],
        &["ResultType", "IsValid"],
        &["ResultType", "Detail"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: TEST_OAUTH_CONNECTIVITY,
    healthy: "The OAuth test succeeded: Exchange got a token and the target accepted it.",
    own_card: true,
    source: sources::EXCHANGE_PS_TEST_OAUTHCONNECTIVITY,
};

/// Get-OrganizationConfig.
pub const ORGANIZATION_CONFIG_TYPE: PsType = PsType {
    cmdlet: "Get-OrganizationConfig",
    also: &["Set-OrganizationConfig"],
    object: "Exchange organization configuration",
    identify: &[
        &["OAuth2ClientProfileEnabled"],
        &["EwsApplicationAccessPolicy"],
        &["EwsEnabled", "EwsAllowOutlook"],
    ],
    value_hint: None,
    unless: MAILBOX_ONLY_PROPERTIES,
    secrets: &[],
    properties: ORGANIZATION_CONFIG,
    healthy: "Modern authentication and EWS are allowed for the organization.",
    own_card: true,
    source: super::GET_ORG,
};

/// Test-OAuthConnectivity, sorted by `name`.
pub const TEST_OAUTH_CONNECTIVITY: &[PropertyFact] = &[
    plain(
        "Detail",
        "the exception and the response headers of the failed call",
        OAUTH_CONFIG,
    ),
    flagged(
        "ResultType",
        "Success, or the kind of failure",
        Bad::IsNot("Success"),
        "The OAuth test failed; Detail holds the exception and the response headers.",
        OAUTH_CONFIG,
    ),
    plain("Task", "the step the test ran", OAUTH_CONFIG),
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
