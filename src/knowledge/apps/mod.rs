//! Table: well-known Microsoft first-party application IDs, tenants and resource URIs.

/// A well-known application (or principal, or tenant) identified by a GUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct App {
    /// Lower-case canonical GUID.
    pub id: &'static str,
    pub name: &'static str,
    /// A short note on where it shows up (Bearer client_id, trusted_issuers, tenant id ...).
    pub note: &'static str,
    pub source: &'static str,
}

/// The ids that explanations and correlations name directly; each is a row of `APPS` below.
pub mod ids;

/// Sorted by `id`.
pub const APPS: &[App] = &[
    App {
        id: "00000001-0000-0000-c000-000000000000",
        name: "Azure Access Control Service (ACS)",
        note: "Issuer principal of Exchange and SharePoint S2S tokens and IssuerIdentifier of the WindowsAzureACS auth server; appears in trusted_issuers as <id>@<realm>.",
        source: crate::knowledge::sources::CALENDARING_RESOLVE_FREE_BUSY_ERRORS,
    },
    App {
        id: "00000002-0000-0000-c000-000000000000",
        name: "Windows Azure Active Directory (Azure AD Graph)",
        note: "Resource ID of the retired Azure AD Graph API, https://graph.windows.net.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Office 365 Exchange Online",
        note: "The Exchange principal: resource of Exchange tokens, client_id of Exchange Bearer challenges (on-premises too) and issuer of Exchange identity tokens; its service principal names must list on-premises hosts in a hybrid.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph",
        note: "Resource ID of https://graph.microsoft.com; also a partner application in on-premises Exchange for hybrid Graph calls.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000003-0000-0ff1-ce00-000000000000",
        name: "Office 365 SharePoint Online",
        note: "The SharePoint principal: client_id of SharePoint Bearer challenges and issuer of SharePoint self-issued S2S tokens.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000004-0000-0ff1-ce00-000000000000",
        name: "Skype for Business Online",
        note: "The Lync / Skype for Business principal; seen in Exchange trusted_issuers as <id>@<domain> for Skype-to-Exchange S2S calls.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000005-0000-0000-c000-000000000000",
        name: "Workflow Manager (SharePoint trusted issuer)",
        note: "Principal SharePoint trusts for Workflow Manager S2S tokens (aud <id>/<host>:12291@<realm>). Not the same as Yammer, 00000005-0000-0ff1-ce00-000000000000.",
        source: crate::knowledge::sources::WORKFLOWS_RESPONSE_RETURNED_DID_NOT_COME_FROM_WORKFLOW_MANAG,
    },
    App {
        id: "00000005-0000-0ff1-ce00-000000000000",
        name: "Yammer",
        note: "First-party Yammer (Viva Engage) application. Not the same as the Workflow Manager principal 00000005-0000-0000-c000-000000000000.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000006-0000-0ff1-ce00-000000000000",
        name: "Microsoft Office 365 Portal",
        note: "First-party Microsoft 365 portal application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000007-0000-0000-c000-000000000000",
        name: "Dynamics CRM / Common Data Service (Dataverse)",
        note: "Resource ID of Dynamics 365 and Dataverse environments (https://<org>.crm.dynamics.com).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000007-0000-0ff1-ce00-000000000000",
        name: "Microsoft Exchange Online Protection",
        note: "First-party Exchange Online Protection application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000009-0000-0000-c000-000000000000",
        name: "Power BI Service",
        note: "Resource ID of the Power BI REST API (https://analysis.windows.net/powerbi/api).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "0000000a-0000-0000-c000-000000000000",
        name: "Microsoft Intune",
        note: "Resource ID of the Intune service API.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "0000000c-0000-0000-c000-000000000000",
        name: "Microsoft App Access Panel",
        note: "The My Apps access panel application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000012-0000-0000-c000-000000000000",
        name: "Microsoft Rights Management Services",
        note: "Resource of Azure Information Protection / Rights Management.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00000015-0000-0000-c000-000000000000",
        name: "Microsoft Dynamics ERP",
        note: "First-party Dynamics ERP application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "00b41c95-dab0-4487-9791-b9d2c32c80f2",
        name: "Office 365 Management",
        note: "First-party Office 365 management application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "022907d3-0f1b-48f7-badc-1ba6abab6d66",
        name: "Azure SQL Database",
        note: "Resource ID of https://database.windows.net.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
        name: "Microsoft Azure CLI",
        note: "Public client used by az login; appears as appid in tokens obtained with the Azure CLI.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "0ec893e0-5785-4de6-99da-4ed124e5296c",
        name: "Microsoft 365 (Office) desktop app",
        note: "Client ID that Microsoft lists for Teams/Microsoft 365 app SSO pre-authorization.",
        source: crate::knowledge::sources::AUTHENTICATION_TAB_SSO_REGISTER_AAD,
    },
    App {
        id: "14d82eec-204b-4c2f-b7e8-296a70dab67e",
        name: "Microsoft Graph Command Line Tools",
        note: "Public client used by Connect-MgGraph (Microsoft Graph PowerShell) when no own app is given.",
        source: crate::knowledge::sources::MICROSOFTGRAPH_AUTHENTICATION_COMMANDS,
    },
    App {
        id: "1950a258-227b-4e31-a9cf-717495945fc2",
        name: "Microsoft Azure PowerShell",
        note: "Public client used by Connect-AzAccount.",
        source: crate::knowledge::sources::AUTHENTICATORS_AUTHENTICATIONHELPERS_CS,
    },
    App {
        id: "1b730954-1685-4b74-9bfd-dac224a7b894",
        name: "Azure Active Directory PowerShell",
        note: "Public client of the retired AzureAD and MSOnline PowerShell modules.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        name: "Microsoft Teams",
        note: "Teams desktop and mobile client.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "27922004-5251-4030-b22d-91ecd9a37ea4",
        name: "Outlook Mobile",
        note: "Outlook for iOS and Android.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "29d9ed98-a469-4536-ade2-f981bc1d605e",
        name: "Microsoft Authentication Broker",
        note: "Broker used for device registration and brokered sign-in (Company Portal, Authenticator, Windows).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "38aa3b87-a06d-4817-b275-7a316988d93b",
        name: "Windows Sign In",
        note: "Windows sign-in to Entra joined devices (primary refresh token requests).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "4345a7b9-9a63-4910-a426-35363201d503",
        name: "O365 Suite UX",
        note: "Microsoft 365 web suite experience.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "4765445b-32c6-49b0-83e6-1d93765276ca",
        name: "Microsoft 365 (Office) web app",
        note: "Client ID that Microsoft lists for Teams/Microsoft 365 app SSO pre-authorization (Office.com).",
        source: crate::knowledge::sources::AUTHENTICATION_TAB_SSO_REGISTER_AAD,
    },
    App {
        id: "4813382a-8fa7-425e-ab75-3b753aab3abb",
        name: "Microsoft Authenticator App",
        note: "The Microsoft Authenticator mobile app.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "499b84ac-1321-427f-aa17-267ca6975798",
        name: "Azure DevOps",
        note: "Resource ID of Azure DevOps (https://app.vssps.visualstudio.com).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        name: "Microsoft Teams Web Client",
        note: "Teams in the browser.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        name: "Microsoft corporate tenant (microsoft.com)",
        note: "Tenant ID of Microsoft's own corporate directory; in idp or iss it means a Microsoft employee or guest account.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    App {
        id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Windows Azure Service Management API (Azure Resource Manager)",
        note: "Resource ID of https://management.azure.com and https://management.core.windows.net.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "871c010f-5e61-4fb1-83ac-98610a7e9110",
        name: "Microsoft Power BI",
        note: "Power BI client application.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "872cd9fa-d31f-45e0-9eab-6e460a02d1f1",
        name: "Visual Studio",
        note: "Public client of Visual Studio sign-in.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "9188040d-6c67-4c5b-b112-36a304b66dad",
        name: "Consumer (personal Microsoft account) tenant",
        note: "Tenant ID used for personal Microsoft accounts (MSA) in tid and iss.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    App {
        id: "9ba1a5c7-f17a-4de9-a1f1-6178c8d51223",
        name: "Microsoft Intune Company Portal",
        note: "The Intune Company Portal app.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "a0c73c16-a7e3-4564-9a95-2bdf47383716",
        name: "Microsoft Exchange Online Remote PowerShell",
        note: "Public client of Exchange Online PowerShell (remote PowerShell sign-in).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "ab9b8c07-8f02-4f72-87fa-80105867a763",
        name: "OneDrive SyncEngine",
        note: "The OneDrive sync client.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
        name: "Outlook on the web",
        note: "Client ID that Microsoft lists for Teams/Microsoft 365 app SSO pre-authorization (Outlook web).",
        source: crate::knowledge::sources::AUTHENTICATION_TAB_SSO_REGISTER_AAD,
    },
    App {
        id: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
        name: "Azure Portal",
        note: "The Azure portal.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "c5393580-f805-4401-95e8-94b7a6ef2fc2",
        name: "Office 365 Management APIs",
        note: "Resource ID of https://manage.office.com (audit and activity APIs).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "c9a559d2-7aab-4f13-a6ed-e7e9c52aec87",
        name: "Microsoft Forms",
        note: "The Microsoft Forms service.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "ca7f3f0b-7d91-482c-8e09-c5d840d0eac5",
        name: "Log Analytics API",
        note: "Resource ID of https://api.loganalytics.io (Azure Monitor Logs).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe",
        name: "Microsoft Teams Services",
        note: "Back-end services of Microsoft Teams.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
        name: "Azure Key Vault",
        note: "Resource ID of https://vault.azure.net.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        name: "Microsoft Office",
        note: "Public client of the Office desktop apps, including Outlook desktop.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "d4ebce55-015a-49b5-a083-c84d1797ae8c",
        name: "Microsoft Intune Enrollment",
        note: "Used when devices enroll in Intune.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "de8bc8b5-d9f9-48b1-a8ad-b748da725064",
        name: "Graph Explorer",
        note: "Microsoft Graph Explorer web tool.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "e406a681-f3d4-42a8-90b6-c2b029497af1",
        name: "Azure Storage",
        note: "Resource ID of https://storage.azure.com.",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        name: "Microsoft Services tenant",
        note: "Tenant that owns Microsoft's first-party applications (appOwnerOrganizationId of their service principals).",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    App {
        id: "fb78d390-0c51-40cd-8e17-fdbfab77341b",
        name: "Exchange Online PowerShell client (community source)",
        note: "Client ID used by Exchange Online PowerShell according to a third-party tool; not in Microsoft's list.",
        source: crate::knowledge::sources::HACKMICHNET_SHARPAZTOKEN,
    },
];

/// A resource URI that names a well-known API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// Lower-case scheme and host (and path prefix when needed), without a trailing slash.
    pub uri: &'static str,
    pub app_id: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

/// Sorted by `uri`.
pub const RESOURCES: &[Resource] = &[
    Resource {
        uri: "https://analysis.windows.net/powerbi/api",
        app_id: "00000009-0000-0000-c000-000000000000",
        name: "Power BI REST API",
        source: crate::knowledge::sources::API_POWER_BI,
    },
    Resource {
        uri: "https://api.loganalytics.io",
        app_id: "ca7f3f0b-7d91-482c-8e09-c5d840d0eac5",
        name: "Log Analytics API (Azure Monitor Logs)",
        source: crate::knowledge::sources::API_ACCESS_API,
    },
    Resource {
        uri: "https://app.vssps.visualstudio.com",
        app_id: "499b84ac-1321-427f-aa17-267ca6975798",
        name: "Azure DevOps",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    Resource {
        uri: "https://database.windows.net",
        app_id: "022907d3-0f1b-48f7-badc-1ba6abab6d66",
        name: "Azure SQL Database",
        source: crate::knowledge::sources::DATABASE_AUTHENTICATION_AAD_OVERVIEW,
    },
    Resource {
        uri: "https://dod-graph.microsoft.us",
        app_id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph (US Government DoD)",
        source: crate::knowledge::sources::GRAPH_DEPLOYMENTS,
    },
    Resource {
        uri: "https://graph.chinacloudapi.cn",
        app_id: "00000002-0000-0000-c000-000000000000",
        name: "Azure AD Graph (China, 21Vianet; retired)",
        source: crate::knowledge::sources::GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW,
    },
    Resource {
        uri: "https://graph.microsoft.com",
        app_id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph",
        source: crate::knowledge::sources::GRAPH_DEPLOYMENTS,
    },
    Resource {
        uri: "https://graph.microsoft.us",
        app_id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph (US Government L4)",
        source: crate::knowledge::sources::GRAPH_DEPLOYMENTS,
    },
    Resource {
        uri: "https://graph.windows.net",
        app_id: "00000002-0000-0000-c000-000000000000",
        name: "Azure AD Graph (retired)",
        source: crate::knowledge::sources::GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW,
    },
    Resource {
        uri: "https://manage.office.com",
        app_id: "c5393580-f805-4401-95e8-94b7a6ef2fc2",
        name: "Office 365 Management APIs",
        source:
            crate::knowledge::sources::OFFICE_365_MANAGEMENT_API_GET_STARTED_WITH_OFFICE_365_MANAGE,
    },
    Resource {
        uri: "https://management.azure.com",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Resource Manager",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://management.chinacloudapi.cn",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Resource Manager (China, 21Vianet)",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://management.core.chinacloudapi.cn",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Service Management / Resource Manager (China, 21Vianet)",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://management.core.usgovcloudapi.net",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Service Management / Resource Manager (US Government)",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://management.core.windows.net",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Service Management / Resource Manager (legacy audience)",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://management.usgovcloudapi.net",
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        name: "Azure Resource Manager (US Government)",
        source: crate::knowledge::sources::MANAGEMENT_OVERVIEW,
    },
    Resource {
        uri: "https://microsoftgraph.chinacloudapi.cn",
        app_id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph (China, 21Vianet)",
        source: crate::knowledge::sources::GRAPH_DEPLOYMENTS,
    },
    Resource {
        uri: "https://outlook.office.com",
        app_id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Exchange Online (Outlook REST)",
        source:
            crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Resource {
        uri: "https://outlook.office365.com",
        app_id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Exchange Online (EWS, REST, IMAP/POP/SMTP OAuth)",
        source:
            crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Resource {
        uri: "https://outlook.office365.us",
        app_id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Exchange Online (US Government)",
        source:
            crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Resource {
        uri: "https://partner.outlook.cn",
        app_id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Exchange Online (China, 21Vianet)",
        source:
            crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Resource {
        uri: "https://ps.outlook.com",
        app_id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Exchange Online (legacy PowerShell audience)",
        source:
            crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Resource {
        uri: "https://storage.azure.com",
        app_id: "e406a681-f3d4-42a8-90b6-c2b029497af1",
        name: "Azure Storage",
        source: crate::knowledge::sources::STORAGESERVICES_AUTHORIZE_WITH_AZURE_ACTIVE_DIRECTORY,
    },
    Resource {
        uri: "https://vault.azure.net",
        app_id: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
        name: "Azure Key Vault",
        source: crate::knowledge::sources::GENERAL_AUTHENTICATION,
    },
];

/// Resources recognised by a host suffix (tenant-specific hosts such as `contoso.sharepoint.com`).
/// Here `uri` holds the suffix, starting with a dot. Sorted by `uri`.
pub const HOST_SUFFIX_RESOURCES: &[Resource] = &[
    Resource {
        uri: ".crm.dynamics.com",
        app_id: "00000007-0000-0000-c000-000000000000",
        name: "Dynamics 365 / Dataverse environment",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
    Resource {
        uri: ".sharepoint.com",
        app_id: "00000003-0000-0ff1-ce00-000000000000",
        name: "SharePoint Online (tenant site)",
        source: crate::knowledge::sources::GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    },
];

/// A token issuer that is not Microsoft Entra, recognised by the host of its `iss` URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignIssuer {
    /// Lower-case host, or a host suffix starting with a dot.
    pub host: &'static str,
    pub name: &'static str,
    /// What tokens from this issuer usually are, in a sentence.
    pub note: &'static str,
    pub source: &'static str,
}

/// Sorted by `host`.
pub const FOREIGN_ISSUERS: &[ForeignIssuer] = &[
    ForeignIssuer {
        host: ".auth0.com",
        name: "Auth0",
        note: "Auth0 tenants issue their own access and id tokens; gty client-credentials marks an app-only (machine-to-machine) token and permissions lists the API permissions granted.",
        source: crate::knowledge::sources::ACCESS_TOKENS_ACCESS_TOKEN_PROFILES,
    },
    ForeignIssuer {
        host: ".okta.com",
        name: "Okta",
        note: "Okta authorization servers issue access tokens with cid (client id), uid (user id) and scp (an array of scopes).",
        source: crate::knowledge::sources::GUIDES_OVERVIEW,
    },
    ForeignIssuer {
        host: ".oktapreview.com",
        name: "Okta (preview org)",
        note: "Okta authorization servers issue access tokens with cid (client id), uid (user id) and scp (an array of scopes).",
        source: crate::knowledge::sources::GUIDES_OVERVIEW,
    },
    ForeignIssuer {
        host: "accounts.google.com",
        name: "Google",
        note: "Google issues OpenID Connect id tokens; hd is the Google Workspace hosted domain of the user.",
        source: crate::knowledge::sources::OPENID_CONNECT_OPENID_CONNECT,
    },
    ForeignIssuer {
        host: "token.actions.githubusercontent.com",
        name: "GitHub Actions OIDC",
        note: "GitHub Actions issues a short-lived OIDC token per workflow job; Microsoft Entra accepts it in place of a secret when the app or managed identity has a matching federated credential (workload identity federation).",
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
];

/// The audience that Microsoft Entra expects in external tokens exchanged through workload identity federation.
pub const WORKLOAD_FEDERATION_AUDIENCE: ForeignIssuer = ForeignIssuer {
    host: "api://azureadtokenexchange",
    name: "Microsoft Entra workload identity federation (token exchange)",
    note: "An external identity provider's token sent to Entra as a client assertion; Entra accepts it when a federated identity credential on the app or managed identity matches its iss, sub and aud exactly.",
    source: crate::knowledge::sources::WORKLOAD_ID_WORKLOAD_IDENTITY_FEDERATION,
};

/// An Azure resource that authorises callers with Azure role assignments (RBAC) rather than app roles,
/// so its tokens carry no roles claim even when access is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RbacResource {
    pub app_id: &'static str,
    pub source: &'static str,
}

/// Sorted by `app_id`.
pub const RBAC_RESOURCES: &[RbacResource] = &[
    RbacResource {
        app_id: "022907d3-0f1b-48f7-badc-1ba6abab6d66",
        source: crate::knowledge::sources::DATABASE_AUTHENTICATION_AAD_OVERVIEW,
    },
    RbacResource {
        app_id: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_OVERVIEW,
    },
    RbacResource {
        app_id: "ca7f3f0b-7d91-482c-8e09-c5d840d0eac5",
        source: crate::knowledge::sources::LOGS_MANAGE_ACCESS,
    },
    RbacResource {
        app_id: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
        source: crate::knowledge::sources::GENERAL_RBAC_GUIDE,
    },
    RbacResource {
        app_id: "e406a681-f3d4-42a8-90b6-c2b029497af1",
        source: crate::knowledge::sources::BLOBS_AUTHORIZE_ACCESS_AZURE_ACTIVE_DIRECTORY,
    },
];

/// Finds the non-Entra issuer an `iss` URL belongs to.
pub fn foreign_issuer(iss: &str) -> Option<&'static ForeignIssuer> {
    let lower = iss.trim().to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)?
        .split(['/', ':', '?', '#'])
        .next()?;
    FOREIGN_ISSUERS.iter().find(|i| {
        if i.host.starts_with('.') {
            host.ends_with(i.host) && host.len() > i.host.len()
        } else {
            host == i.host
        }
    })
}

/// Whether the API with this app id (or resource URI) authorises with Azure RBAC instead of app roles.
pub fn uses_azure_rbac(aud: &str) -> bool {
    let id = app_by_id(aud)
        .map(|a| a.id)
        .or_else(|| resource_by_uri(aud).map(|r| r.app_id));
    id.is_some_and(|id| RBAC_RESOURCES.iter().any(|r| r.app_id == id))
}

/// How application rows are found in free text: by their id, in any case.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for app in APPS {
        out.push(Needle::any_case(app.id, Fact::App(app.id)));
    }
}

/// Looks up a GUID (any case) in the app table.
pub fn app_by_id(id: &str) -> Option<&'static App> {
    let id = id.trim().to_ascii_lowercase();
    APPS.iter().find(|a| a.id == id)
}

/// Looks up a resource URI such as `https://graph.microsoft.com/` or `https://outlook.office365.com`.
pub fn resource_by_uri(uri: &str) -> Option<&'static Resource> {
    let uri = uri.trim().trim_end_matches('/').to_ascii_lowercase();
    RESOURCES
        .iter()
        .find(|r| uri == r.uri || uri.starts_with(&format!("{}/", r.uri)))
}

/// Looks up an https resource URI by the suffix of its host, for example
/// `https://contoso.sharepoint.com/sites/x` gives SharePoint Online.
pub fn resource_by_host_suffix(uri: &str) -> Option<&'static Resource> {
    let uri = uri.trim().to_ascii_lowercase();
    let rest = uri.strip_prefix("https://")?;
    let host = rest.split(['/', ':', '?', '#']).next()?;
    HOST_SUFFIX_RESOURCES
        .iter()
        .find(|r| host.ends_with(r.uri) && host.len() > r.uri.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_id_is_a_row_of_the_table() {
        for id in [
            ids::ACS,
            ids::EXCHANGE,
            ids::GRAPH,
            ids::SHAREPOINT,
            ids::MSA_TENANT,
            ids::EXO_REMOTE_POWERSHELL,
            ids::EXO_POWERSHELL_COMMUNITY,
        ] {
            assert!(APPS.iter().any(|a| a.id == id), "{id} has no row");
        }
    }

    #[test]
    fn apps_are_sorted_unique_lowercase_guids_with_sources() {
        for pair in APPS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} must sort before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for app in APPS {
            assert!(crate::text::is_guid(app.id), "{} is not a GUID", app.id);
            assert_eq!(app.id, app.id.to_ascii_lowercase());
            assert!(!app.name.is_empty());
            crate::knowledge::assert_source(app.source, app.id);
        }
    }

    #[test]
    fn resources_are_sorted_and_point_at_known_apps() {
        for table in [RESOURCES, HOST_SUFFIX_RESOURCES] {
            for pair in table.windows(2) {
                assert!(
                    pair[0].uri < pair[1].uri,
                    "{} before {}",
                    pair[0].uri,
                    pair[1].uri
                );
            }
            for r in table {
                crate::knowledge::assert_source(r.source, r.uri);
                assert!(crate::text::is_guid(r.app_id));
                assert_eq!(r.uri, r.uri.to_ascii_lowercase());
                assert!(!r.uri.ends_with('/'), "{} has a trailing slash", r.uri);
            }
        }
        for r in RESOURCES {
            assert!(
                app_by_id(r.app_id).is_some(),
                "{} points at an app missing from APPS",
                r.uri
            );
        }
    }

    #[test]
    fn foreign_issuers_and_rbac_resources_are_sorted_sourced_and_found() {
        for pair in FOREIGN_ISSUERS.windows(2) {
            assert!(pair[0].host < pair[1].host);
        }
        for i in FOREIGN_ISSUERS {
            crate::knowledge::assert_source(i.source, i.host);
        }
        crate::knowledge::assert_source(WORKLOAD_FEDERATION_AUDIENCE.source, "federation");
        for pair in RBAC_RESOURCES.windows(2) {
            assert!(pair[0].app_id < pair[1].app_id);
        }
        for r in RBAC_RESOURCES {
            crate::knowledge::assert_source(r.source, r.app_id);
            assert!(app_by_id(r.app_id).is_some(), "{} is not in APPS", r.app_id);
        }
        assert_eq!(
            foreign_issuer("https://dev-1.okta.com/oauth2/default").map(|i| i.name),
            Some("Okta")
        );
        assert!(foreign_issuer("https://evil-okta.com.example/").is_none());
        assert!(uses_azure_rbac("https://vault.azure.net"));
        assert!(!uses_azure_rbac("https://graph.microsoft.com"));
    }

    #[test]
    fn lookups_ignore_case_and_trailing_slash() {
        assert_eq!(
            app_by_id("00000003-0000-0000-C000-000000000000").map(|a| a.name),
            Some("Microsoft Graph")
        );
        assert_eq!(
            resource_by_uri("https://graph.microsoft.com/").map(|r| r.name),
            Some("Microsoft Graph")
        );
        assert!(resource_by_uri("https://graph.microsoft.com.evil").is_none());
        assert_eq!(
            resource_by_uri("https://outlook.office365.com/EWS/Exchange.asmx").map(|r| r.app_id),
            Some("00000002-0000-0ff1-ce00-000000000000")
        );
    }

    #[test]
    fn well_known_principals_and_tenants_are_named() {
        let name = |id| app_by_id(id).map(|a| a.name).unwrap_or("");
        assert!(name("00000001-0000-0000-c000-000000000000").contains("ACS"));
        assert!(name("00000002-0000-0ff1-ce00-000000000000").contains("Exchange"));
        assert!(name("00000003-0000-0ff1-ce00-000000000000").contains("SharePoint"));
        assert!(name("00000004-0000-0ff1-ce00-000000000000").contains("Skype"));
        assert!(name("00000005-0000-0000-c000-000000000000").contains("Workflow Manager"));
        assert_eq!(name("00000005-0000-0ff1-ce00-000000000000"), "Yammer");
        assert_eq!(
            name("72f988bf-86f1-41af-91ab-2d7cd011db47"),
            "Microsoft corporate tenant (microsoft.com)"
        );
        assert!(name("9188040d-6c67-4c5b-b112-36a304b66dad").contains("personal"));
        assert!(name("f8cdef31-a31e-4b4a-93e4-5f571e91255a").contains("Microsoft Services"));
    }

    #[test]
    fn tenant_hosts_match_by_suffix_only() {
        assert_eq!(
            resource_by_host_suffix("https://contoso.sharepoint.com/sites/hr").map(|r| r.app_id),
            Some("00000003-0000-0ff1-ce00-000000000000")
        );
        assert!(resource_by_host_suffix("https://contoso.sharepoint.com.evil.net").is_none());
        assert!(resource_by_host_suffix("http://contoso.sharepoint.com").is_none());
        assert!(resource_by_host_suffix("https://.sharepoint.com").is_none());
    }
}
