//! Table: x-ms-diagnostics codes (Exchange, SharePoint, Skype, Entra) and known reason texts.

use super::Fix;

/// Which product sends a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    Exchange,
    SharePoint,
    Skype,
    Entra,
}

impl Product {
    pub fn name(self) -> &'static str {
        match self {
            Product::Exchange => "Exchange",
            Product::SharePoint => "SharePoint",
            Product::Skype => "Skype for Business / Lync",
            Product::Entra => "Microsoft Entra",
        }
    }
}

/// One numeric x-ms-diagnostics code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagCode {
    pub code: u32,
    pub product: Product,
    /// The `error_category` (or SharePoint `category`) that goes with it.
    pub category: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    /// False when the code is known only from undocumented sources; the report says so.
    pub documented: bool,
    pub source: &'static str,
}

/// Microsoft's EWS/REST instrumentation article, which lists codes 2000000 to 2000008.
pub const EXCHANGE_DIAGNOSTICS_DOC: &str =
    crate::knowledge::sources::EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS;
/// Microsoft's article on hybrid free/busy errors (OAuth between Exchange and Exchange Online).
pub const FREE_BUSY_DOC: &str = crate::knowledge::sources::CALENDARING_RESOLVE_FREE_BUSY_ERRORS;
/// Microsoft's article on hybrid modern authentication for Outlook mobile (ActiveSync challenge, SSL offloading).
pub const HMA_DOC: &str =
    crate::knowledge::sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
/// The 2019 NETWORG post on client credentials with Microsoft Graph in an Exchange hybrid.
pub const NETWORG_HYBRID_GRAPH: &str =
    crate::knowledge::sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID;
/// Microsoft's 2015 blog on app-only tokens for the Office 365 mail, calendar and contacts APIs.
pub const DAEMON_APPS_BLOG: &str =
    crate::knowledge::sources::EXCHANGEDEV_BUILDING_DAEMON_OR_SERVICE_APPS_WITH_OFFICE_365;
/// A public copy of decompiled Exchange code; reason texts only, never a basis for fixes.
pub const DECOMPILED_EXCHANGE: &str = crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF;
/// Microsoft's page on universal tenant restrictions (Global Secure Access).
pub const UNIVERSAL_TENANT_RESTRICTIONS_DOC: &str =
    crate::knowledge::sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS;
/// The UCWA 2.0 authentication page (Skype for Business).
pub const UCWA_AUTH_DOC: &str = crate::knowledge::sources::SKYPE_SDK_UCWA_AUTHENTICATIONINUCWA;

const REFRESH_AUTH_METADATA: Fix = Fix::command(
    "Refresh the auth server metadata on every Exchange server, then let IIS pick it up (wait about 15 minutes or recycle).",
    "Get-AuthServer | Set-AuthServer -RefreshAuthMetadata\niisreset /noforce",
);
const CHECK_AUTH_SERVERS: Fix = Fix::command(
    "Check the auth servers: WindowsAzureACS must have IssuerIdentifier 00000001-0000-0000-c000-000000000000 and the accounts.accesscontrol.windows.net endpoints; EvoSts must point at the tenant's Entra metadata.",
    "Get-AuthServer | Format-List Name,IssuerIdentifier,TokenIssuingEndpoint,AuthMetadataUrl,Enabled,IsDefaultAuthorizationEndpoint",
);
const RERUN_HCW: Fix = Fix::text(
    "Rerun the Hybrid Configuration Wizard so it rewrites the OAuth configuration of the hybrid.",
);
const LDAP_DUPLICATES: Fix = Fix::command(
    "Find every on-premises object that uses the same UPN, SMTP or SIP address (LDAP query, for example in Active Directory Users and Computers > Saved Queries), then change or remove the duplicate.",
    "(|(userPrincipalName=user@contoso.com)(proxyAddresses=SMTP:user@contoso.com)(proxyAddresses=sip:user@contoso.com))",
);
const SYNC_USER: Fix = Fix::command(
    "Make sure the user is synchronised by Microsoft Entra Connect (directory sync) so the other side knows the mailbox or mail user; start a delta sync after fixing it.",
    "Start-ADSyncSyncCycle -PolicyType Delta",
);
const TEST_OAUTH: Fix = Fix::command(
    "Test OAuth from on-premises to Exchange Online with a synchronised mailbox.",
    "Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox <on-premises mailbox> -Verbose | Format-List",
);
const REACQUIRE: Fix = Fix::text(
    "Acquire a new token for the right resource (for Exchange Online https://outlook.office365.com) and send it unchanged as 'Authorization: Bearer <token>'.",
);
const APP_PERMISSIONS: Fix = Fix::text(
    "For app-only (client credentials) calls add Application permissions (not Delegated) to the app registration, grant admin consent, then acquire a new token and check that it carries a roles claim.",
);
const V1S2SAPPONLY_WEBCONFIG: Fix = Fix::command(
    "Community workaround: add V1S2SAppOnly to the OAuthHttpModule.Profiles value in FrontEnd\\HttpProxy\\rest\\web.config on each Exchange server, then restart IIS. Microsoft does not support editing this file.",
    "<add key=\"OAuthHttpModule.Profiles\" value=\"...;V1S2SAppOnly\" />",
)
.unsupported();
const GRAPH_APP_ONLY_PERMISSIONS: Fix = Fix::command(
    "Community workaround: copy the ActAsPermissions of the 'Microsoft Graph' partner application to its AppOnlyPermissions, then run iisreset. The cmdlet documentation reserves AppOnlyPermissions for Microsoft's internal use.",
    "$app = Get-PartnerApplication | Where-Object { $_.ApplicationIdentifier -eq '00000003-0000-0000-c000-000000000000' }\n$app | Set-PartnerApplication -AppOnlyPermissions $app.ActAsPermissions\niisreset",
)
.unsupported();
const NEW_AUTH_CERT: Fix = Fix::command(
    "Check which certificate Exchange uses to sign its OAuth tokens; if it is missing or expired, create a new auth certificate, make it current, publish it and clear the old one, then restart IIS.",
    "Get-AuthConfig | Format-List CurrentCertificateThumbprint\nNew-ExchangeCertificate -KeySize 2048 -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP -PrivateKeyExportable $true\nSet-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate\niisreset",
);
const NO_DOCUMENTED_FIX: Fix = Fix::text(
    "No documented fix is known for this reason; acquire a fresh token for the right resource and, for on-premises Exchange, check Get-AuthServer and Get-PartnerApplication (our suggestion).",
);

/// Sorted by `code`.
pub const CODES: &[DiagCode] = &[
    DiagCode {
        code: 28020,
        product: Product::Skype,
        category: "invalid_grant",
        meaning: "UCWA (Skype for Business / Lync) rejected the sign-in: 'No valid security token.' The client must first get a token, for example through passive authentication.",
        causes: &[
            "The client used the urn:microsoft.rtc:passive grant without a valid token from the passive authentication page (ms_rtc_passiveauthuri).",
            "The web ticket or token expired (UCWA tokens last 8 hours, 1 hour for anonymous meeting join).",
        ],
        fixes: &[Fix::text("Complete passive authentication at the ms_rtc_passiveauthuri given in the response, then ask the token endpoint again; or use another grant type the server offers in its MsRtcOAuth challenge.")],
        documented: true,
        source: UCWA_AUTH_DOC,
    },
    DiagCode {
        code: 28029,
        product: Product::Skype,
        category: "unsupported_grant_type",
        meaning: "UCWA (Skype for Business / Lync) does not allow this authentication type: 'Authentication type not allowed.'",
        causes: &["The client asked for a grant type the server has not enabled (for example password when only Windows integrated authentication is allowed)."],
        fixes: &[Fix::text("Use one of the grant types listed in the MsRtcOAuth challenge (grant_type=...), or enable the method on the Skype for Business web services.")],
        documented: true,
        source: UCWA_AUTH_DOC,
    },
    DiagCode {
        code: 2000000,
        product: Product::Exchange,
        category: "invalid_signature",
        meaning: "Exchange could not validate the token's signature with the signing keys it knows for the issuer.",
        causes: &[
            "The auth server metadata Exchange cached is stale (ACS or Entra signing keys rolled over).",
            "The auth server objects point at the wrong endpoints or tenant.",
            "The token was altered or signed by an issuer Exchange does not trust.",
        ],
        fixes: &[
            REFRESH_AUTH_METADATA,
            CHECK_AUTH_SERVERS,
            Fix::text("Exchange refreshes EvoSts metadata every 8 hours; a daily scheduled task running Set-AuthServer EvoSts -RefreshAuthMetadata keeps it current."),
            RERUN_HCW,
        ],
        documented: true,
        source: FREE_BUSY_DOC,
    },
    DiagCode {
        code: 2000001,
        product: Product::Exchange,
        category: "invalid_token",
        meaning: "Exchange could not use the token: it cannot be parsed, lacks a claim it needs, or is of a kind (token profile) this endpoint does not accept.",
        causes: &[
            "The token is malformed, truncated or not a JWT at all.",
            "An app-only call used Delegated permissions, so the token has scp but no roles claim.",
            "The token profile (for example V1S2SAppOnly, an Entra app-only token) is not enabled for this on-premises Exchange endpoint, as with app-only Graph calls for on-premises mailboxes.",
        ],
        fixes: &[REACQUIRE, APP_PERMISSIONS, V1S2SAPPONLY_WEBCONFIG],
        documented: true,
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    DiagCode {
        code: 2000002,
        product: Product::Exchange,
        category: "token_expired",
        meaning: "The token has expired.",
        causes: &["The token is past its exp time.", "The clock of the client or the server is wrong."],
        fixes: &[
            Fix::text("Acquire a new token (do not reuse cached tokens past exp)."),
            Fix::command("Check the server clock (our suggestion).", "w32tm /query /status"),
        ],
        documented: true,
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    DiagCode {
        code: 2000003,
        product: Product::Exchange,
        category: "invalid_resource",
        meaning: "The token's audience does not match this Exchange endpoint (host name or scheme differ, or the token is for another resource).",
        causes: &[
            "SSL offloading: a load balancer ends TLS and forwards http:// to Exchange, so the https:// audience no longer matches (SSL offloading is not supported for OAuth).",
            "A device in front of Exchange rewrites the request or host name.",
            "The token was issued for another resource (for example Azure AD Graph) and sent to EWS.",
        ],
        fixes: &[
            Fix::text("Stop SSL offloading for the Exchange endpoints that use OAuth, so Exchange receives HTTPS with the public host name (SSL bridging keeps TLS to Exchange)."),
            Fix::command("As a stop-gap for hybrid free/busy, disabling the IntraOrganizationConnector makes Exchange fall back to DAuth (federation).", "Get-IntraOrganizationConnector | Set-IntraOrganizationConnector -Enabled $false"),
            Fix::text("Request the token for the Exchange resource itself (https://outlook.office365.com for Exchange Online, or the on-premises host)."),
        ],
        documented: true,
        source: FREE_BUSY_DOC,
    },
    DiagCode {
        code: 2000004,
        product: Product::Exchange,
        category: "invalid_tenant",
        meaning: "The tenant or realm named in the token does not resolve to an Exchange organization.",
        causes: &[
            "A wildcard accepted domain (for example *.contoso.com) breaks the realm lookup for Skype for Business / Lync to Exchange server-to-server calls.",
            "The realm in the token is a domain that is not an accepted domain.",
        ],
        fixes: &[
            Fix::command("List the accepted domains and look for wildcard entries.", "Get-AcceptedDomain | Format-Table Name,DomainName,DomainType"),
            Fix::command("Define every accepted domain explicitly instead of relying on a wildcard.", "New-AcceptedDomain -Name contoso.com -DomainName contoso.com -DomainType Authoritative"),
        ],
        documented: true,
        source: crate::knowledge::sources::SERVER_EXCHANGE_INTEGRATION_SFB_AND_EXCHANGE_INTEGRATION_FAI,
    },
    DiagCode {
        code: 2000005,
        product: Product::Exchange,
        category: "invalid_user",
        meaning: "The user in the token's user context cannot be resolved to exactly one mailbox: it is ambiguous or does not exist.",
        causes: &[
            "Ambiguous: the user's UPN, SMTP or SIP address is also used by another on-premises object (a duplicate).",
            "Does not exist: the on-premises mailbox and the cloud mail user are not synchronised (directory sync), or the account is not provisioned on the other side.",
            "Test-OAuthConnectivity was run with a mailbox that is not synchronised.",
        ],
        fixes: &[LDAP_DUPLICATES, SYNC_USER, TEST_OAUTH],
        documented: true,
        source: FREE_BUSY_DOC,
    },
    DiagCode {
        code: 2000006,
        product: Product::Exchange,
        category: "invalid_client",
        meaning: "Exchange does not accept the calling application (client): it is not a known partner application.",
        causes: &["The application id in the token is not configured as a partner application, or the partner application is disabled."],
        fixes: &[
            Fix::command("Check the partner applications and that the caller's application id is listed and enabled (our suggestion).", "Get-PartnerApplication | Format-List Name,ApplicationIdentifier,Enabled,UseAuthServer"),
            RERUN_HCW,
        ],
        documented: true,
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    DiagCode {
        code: 2000007,
        product: Product::Exchange,
        category: "internal_error",
        meaning: "Exchange hit an internal error while validating the token.",
        causes: &["A server-side failure, for example an Active Directory lookup that failed."],
        fixes: &[Fix::text("Retry; if it persists check Exchange and Active Directory health and the application event log on the server (our suggestion).")],
        documented: true,
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    DiagCode {
        code: 2000008,
        product: Product::Exchange,
        category: "invalid_grant",
        meaning: "The token is valid but grants no permission (or linked account) that Exchange accepts for this call.",
        causes: &[
            "An app-only Microsoft Graph call for an on-premises mailbox (hybrid REST): the 'Microsoft Graph' partner application has no AppOnlyPermissions on-premises.",
            "The app-only token lacks the Application permission the API needs (no roles claim).",
            "Exchange Online now requires a permission the app does not have (for example the MailExport permissions for EWS Item.Copy).",
        ],
        fixes: &[APP_PERMISSIONS, GRAPH_APP_ONLY_PERMISSIONS],
        documented: true,
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    DiagCode {
        code: 2000009,
        product: Product::Exchange,
        category: "invalid_certificate",
        meaning: "Undocumented: the certificate that the token refers to could not be found on the server.",
        causes: &["The signing certificate referenced by the token is not available to this Exchange server (inferred from the reason text)."],
        fixes: &[NO_DOCUMENTED_FIX],
        documented: false,
        source: DECOMPILED_EXCHANGE,
    },
    DiagCode {
        code: 2000010,
        product: Product::Exchange,
        category: "insufficient_auth_strength",
        meaning: "The app authenticated too weakly for this API: it used a client secret where a certificate is required.",
        causes: &["An app-only token was acquired with a client secret (appidacr 1) where Exchange requires a certificate (appidacr 2); 'auth strength 1' lines up with a secret and '2' with a certificate."],
        fixes: &[Fix::text("Acquire the token with a certificate credential (a signed client assertion) instead of a client secret, after uploading the certificate to the app registration.")],
        documented: false,
        source: crate::knowledge::sources::ISSUES_401,
    },
    DiagCode {
        code: 2000020,
        product: Product::Entra,
        category: "insufficient_claims",
        meaning: "Access is blocked by tenant restrictions v2 (TRv2) applied through Global Secure Access (universal tenant restrictions).",
        causes: &[
            "The device's traffic goes through Global Secure Access, which requires the tenant restrictions policy (xms_trpid), and the token for this tenant does not carry it.",
            "The organization's tenant restrictions policy does not allow the tenant being accessed.",
        ],
        fixes: &[
            Fix::text("This is expected when the target tenant is not allowed; sign in to an allowed tenant instead."),
            Fix::text("If the tenant should be allowed, the admin adds it to the tenant restrictions v2 policy in cross-tenant access settings."),
        ],
        documented: true,
        source: UNIVERSAL_TENANT_RESTRICTIONS_DOC,
    },
    DiagCode {
        code: 3000003,
        product: Product::SharePoint,
        category: "invalid_client",
        meaning: "SharePoint rejected the token because its audience is not SharePoint ('Invalid audience Uri').",
        causes: &[
            "The token was requested for the app's own client id instead of SharePoint.",
            "The token was requested for Microsoft Graph (or another API) and sent to SharePoint.",
        ],
        fixes: &[Fix::text("Request the token for the SharePoint resource https://<tenant>.sharepoint.com (scope https://<tenant>.sharepoint.com/.default or a SharePoint permission) and send that token.")],
        documented: false,
        source: crate::knowledge::sources::ISSUES_589,
    },
    DiagCode {
        code: 3005004,
        product: Product::SharePoint,
        category: "invalid_client",
        meaning: "Undocumented: SharePoint rejected a token whose header has no valid signing algorithm (for example alg none).",
        causes: &["An unsigned token (alg none) was sent; patched SharePoint (CVE-2023-29357) refuses such tokens."],
        fixes: &[Fix::text("Send a properly signed token from a trusted issuer; an unsigned token is only valid as the outer token of a high-trust add-in with a signed actor token inside.")],
        documented: false,
        source: crate::knowledge::sources::VULNERABILITY_CVE_2023_29357,
    },
    DiagCode {
        code: 4000000,
        product: Product::Exchange,
        category: "oauth_not_available",
        meaning: "Undocumented: OAuth is not available for this endpoint or domain on the Exchange server ('Flighting is not enabled for domain').",
        causes: &[
            "Hybrid modern authentication (HMA) is not enabled, or not for this protocol (seen with ActiveSync on Exchange 2019 CU14).",
            "The EvoSts auth server is not the default authorization endpoint, so the Bearer challenge carries no authorization_uri.",
        ],
        fixes: &[
            Fix::command("Check that the EvoSts auth server exists, is enabled and is the default authorization endpoint.", "Get-AuthServer | Where-Object Name -like 'EvoSts*' | Format-List Name,Enabled,IsDefaultAuthorizationEndpoint,AuthMetadataUrl"),
            Fix::command("Turn on OAuth for the organization if HMA is meant to be on.", "Set-OrganizationConfig -OAuth2ClientProfileEnabled $true"),
            RERUN_HCW,
        ],
        documented: false,
        source: crate::knowledge::sources::S_1792037_HMA_WITH_ACTIVESYNC_WONT_WORK_WITH_EXCHANGE_SERVER,
    },
];

/// A known reason text: every lower-case needle must appear in the reason for the row to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonPattern {
    /// A stable identifier used by the correlator (for example `missing-roles`).
    pub id: &'static str,
    pub needles: &'static [&'static str],
    pub title: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// Sorted by `id`.
pub const REASONS: &[ReasonPattern] = &[
    ReasonPattern {
        id: "actor-token-unsigned",
        needles: &["actor token", "signed"],
        title: "Actor token signature problem",
        meaning: "Undocumented reason (known from decompiled Exchange code): in a server-to-server token the inner actor token must be signed while the outer token is unsigned.",
        causes: &["The S2S token was built with the wrong signing layout."],
        fixes: &[Fix::text("Build the S2S token as an unsigned outer token carrying the user context and a signed actor token in the actortoken claim (as SharePoint high-trust add-ins do).")],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "app-unknown",
        needles: &["application identifier", "is unknown"],
        title: "Unknown application",
        meaning: "Undocumented reason: Exchange does not know the application id of the caller.",
        causes: &["The caller is not a configured partner application."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "audience-hostname",
        needles: &["hostname component of the audience"],
        title: "Audience host name does not match",
        meaning: "The host (or scheme) in the token's audience differs from the URL Exchange received the request on.",
        causes: &[
            "SSL offloading: Exchange sees http:// while the audience says https://.",
            "A load balancer or reverse proxy changes the host name.",
        ],
        fixes: &[
            Fix::text("Stop SSL offloading for the OAuth endpoints so Exchange receives the request over HTTPS with the public host name."),
            Fix::command("As a stop-gap for hybrid free/busy, disable the IntraOrganizationConnector so Exchange falls back to DAuth.", "Get-IntraOrganizationConnector | Set-IntraOrganizationConnector -Enabled $false"),
        ],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "audience-invalid",
        needles: &["audience claim value is invalid"],
        title: "Token audience is not this API",
        meaning: "The token was issued for another resource than the one that received it.",
        causes: &["A token for another API (for example Azure AD Graph or Microsoft Graph) was sent to Exchange."],
        fixes: &[REACQUIRE],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "auth-strength",
        needles: &["auth strength"],
        title: "Authentication strength too low",
        meaning: "Exchange compared how the app proved its identity with what it requires.",
        causes: &["Presented strength 1 means a client secret (appidacr 1); 2 means a certificate (appidacr 2)."],
        fixes: &[Fix::text("Use a certificate credential (signed client assertion) for the app instead of a client secret.")],
        source: crate::knowledge::sources::ISSUES_401,
    },
    ReasonPattern {
        id: "auth-type-not-allowed",
        needles: &["authentication type not allowed"],
        title: "Authentication type not allowed (UCWA)",
        meaning: "Skype for Business UCWA does not allow the grant type the client used.",
        causes: &["The grant type is not enabled on the server."],
        fixes: &[Fix::text("Use a grant type listed in the MsRtcOAuth challenge.")],
        source: UCWA_AUTH_DOC,
    },
    ReasonPattern {
        id: "cannot-parse",
        needles: &["cannot be parsed"],
        title: "Token cannot be parsed",
        meaning: "The server could not read the token at all.",
        causes: &["The token is malformed, truncated, double-encoded, or not a JWT.", "An empty or placeholder token was sent."],
        fixes: &[REACQUIRE],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "cannot-parse-spaced",
        needles: &["can not be parsed"],
        title: "Token cannot be parsed",
        meaning: "The server could not read the token at all (this wording is used by the Microsoft Information Protection service).",
        causes: &["The token is malformed, truncated, or was acquired for the wrong resource."],
        fixes: &[REACQUIRE],
        source: crate::knowledge::sources::DEVELOP_QUICK_FILE_LIST_LABELS_CPP,
    },
    ReasonPattern {
        id: "certificate-not-located",
        needles: &["certificate referenced by token"],
        title: "Signing certificate not found",
        meaning: "Undocumented reason: the certificate the token refers to is not available on the server.",
        causes: &["The signing certificate is missing on this server (inferred from the text)."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "flighting",
        needles: &["flighting is not enabled"],
        title: "OAuth not enabled for this domain",
        meaning: "Exchange has OAuth (hybrid modern authentication) switched off for the endpoint or domain.",
        causes: &["HMA is not configured or not enabled for this protocol; the Bearer challenge then lacks authorization_uri."],
        fixes: &[
            Fix::command("Check the EvoSts auth server and that it is the default authorization endpoint.", "Get-AuthServer | Format-List Name,Enabled,IsDefaultAuthorizationEndpoint"),
            RERUN_HCW,
        ],
        source: crate::knowledge::sources::S_1792037_HMA_WITH_ACTIVESYNC_WONT_WORK_WITH_EXCHANGE_SERVER,
    },
    ReasonPattern {
        id: "invalid-algorithm",
        needles: &["valid algorithm in header"],
        title: "Token not signed with a valid algorithm",
        meaning: "SharePoint refused a token whose header has no acceptable alg (for example alg none).",
        causes: &["An unsigned token was sent where a signed one is required."],
        fixes: &[Fix::text("Send a token signed by a trusted issuer (RS256).")],
        source: crate::knowledge::sources::VULNERABILITY_CVE_2023_29357,
    },
    ReasonPattern {
        id: "invalid-audience-uri",
        needles: &["invalid audience uri"],
        title: "Token audience is not SharePoint",
        meaning: "SharePoint rejected the token because it was issued for another resource.",
        causes: &["The token was requested for the app's own client id or for Microsoft Graph."],
        fixes: &[Fix::text("Request the token for the SharePoint resource https://<tenant>.sharepoint.com.")],
        source: crate::knowledge::sources::ISSUES_589,
    },
    ReasonPattern {
        id: "invalid-signature",
        needles: &["invalid signature"],
        title: "Token signature not valid",
        meaning: "Exchange could not validate the signature with the keys it has for the issuer.",
        causes: &["Stale auth server metadata after a key rollover.", "Wrong auth server configuration."],
        fixes: &[REFRESH_AUTH_METADATA, CHECK_AUTH_SERVERS],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "linked-account-partner-app",
        needles: &["linked account", "partner application"],
        title: "No permission or linked account for the partner application",
        meaning: "The token gives Exchange no permission it accepts for the partner application named in the text (00000003-0000-0000-c000-000000000000 is Microsoft Graph).",
        causes: &[
            "An app-only (client credentials) Graph call for an on-premises mailbox in a hybrid: the 'Microsoft Graph' partner application has no AppOnlyPermissions.",
            "The token has no roles claim because Application permissions are missing.",
        ],
        fixes: &[APP_PERMISSIONS, GRAPH_APP_ONLY_PERMISSIONS],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "mailexport",
        needles: &["mailexport"],
        title: "MailExport permission required",
        meaning: "Exchange Online requires a MailExport permission for this EWS operation (for example Item.Copy) that full_access_as_app does not include.",
        causes: &["A 2024 Exchange Online change requires new permissions for export-like EWS operations."],
        fixes: &[Fix::text("No supported fix was given in the public thread; check Microsoft's current guidance for the operation or avoid it.")],
        source: crate::knowledge::sources::S_1608048_EWS_OPERATION_ITEM_COPY_FAILS_WITH_FULL_ACCESS_AS,
    },
    ReasonPattern {
        id: "missing-issuer",
        needles: &["missing", "issuer"],
        title: "Issuer missing",
        meaning: "Undocumented reason: the token has no issuer Exchange can use.",
        causes: &["The token lacks the iss claim or it is empty."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "missing-roles",
        needles: &["missing the claim type", "roles"],
        title: "Token has no roles claim",
        meaning: "The API expected an app-only token with Application permissions in the roles claim, and the token has none.",
        causes: &["The app registration has Delegated permissions (the token carries scp) where Application permissions are needed for client credentials."],
        fixes: &[APP_PERMISSIONS],
        source: DAEMON_APPS_BLOG,
    },
    ReasonPattern {
        id: "missing-signing-certificate",
        needles: &["missing signing certificate"],
        title: "Exchange auth certificate missing",
        meaning: "Exchange could not sign its own server-to-server token because its OAuth (auth) certificate is missing or expired.",
        causes: &["The Microsoft Exchange Server Auth Certificate expired or was removed."],
        fixes: &[NEW_AUTH_CERT, RERUN_HCW],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "no-permissions",
        needles: &["contains no permissions"],
        title: "Token contains no usable permissions",
        meaning: "The token carries no permission the API understands.",
        causes: &["An app-only token without Application permissions (no roles claim).", "Permissions were added but admin consent was not granted."],
        fixes: &[APP_PERMISSIONS],
        source: DAEMON_APPS_BLOG,
    },
    ReasonPattern {
        id: "no-valid-security-token",
        needles: &["no valid security token"],
        title: "No valid security token (UCWA)",
        meaning: "Skype for Business UCWA did not receive a usable token.",
        causes: &["Passive authentication was not completed, or the token expired."],
        fixes: &[Fix::text("Complete passive authentication at ms_rtc_passiveauthuri, then request the token again.")],
        source: UCWA_AUTH_DOC,
    },
    ReasonPattern {
        id: "realm-mismatch",
        needles: &["realm", "issuer"],
        title: "Realm of audience and issuer differ",
        meaning: "Undocumented reason: in an S2S token the realm after '@' in aud and iss must be the same tenant.",
        causes: &["The token was built for another tenant or realm."],
        fixes: &[NO_DOCUMENTED_FIX],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "scope-or-linked",
        needles: &["should have valid scope claim"],
        title: "No scope and no linked account",
        meaning: "Undocumented reason: the token has neither a valid scp claim nor a linked account for the partner application.",
        causes: &["A delegated token without the needed scope, or an app-only token without permissions."],
        fixes: &[APP_PERMISSIONS],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "tenant-not-exist",
        needles: &["tenant for", "does not exist"],
        title: "Tenant not found",
        meaning: "The realm or tenant in the token does not resolve to an Exchange organization.",
        causes: &["Wildcard accepted domains break the realm lookup for Skype for Business / Lync server-to-server calls."],
        fixes: &[Fix::command("Define every accepted domain explicitly instead of a wildcard.", "Get-AcceptedDomain | Format-Table Name,DomainName,DomainType")],
        source: crate::knowledge::sources::SERVER_EXCHANGE_INTEGRATION_SFB_AND_EXCHANGE_INTEGRATION_FAI,
    },
    ReasonPattern {
        id: "token-expired",
        needles: &["token has expired"],
        title: "Token expired",
        meaning: "The token is past its expiry time.",
        causes: &["A cached token was reused too long.", "Clock skew."],
        fixes: &[Fix::text("Acquire a new token and check the clocks (our suggestion).")],
        source: EXCHANGE_DIAGNOSTICS_DOC,
    },
    ReasonPattern {
        id: "token-profile-generic",
        needles: &["token profile", "not applicable"],
        title: "Token type not accepted by this endpoint",
        meaning: "Exchange recognised the kind of token (its profile) but this endpoint is not configured to accept it.",
        causes: &["The token type (app-only, app acting as user, v1 Entra) is not enabled for this protocol on this server."],
        fixes: &[REACQUIRE, TEST_OAUTH],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "token-profile-s2sappactas",
        needles: &["token profile", "s2sappactas"],
        title: "S2SAppActAs token not accepted",
        meaning: "A server-to-server token acting for a user (S2SAppActAs) was refused; Microsoft's free/busy checker prints this when Test-OAuthConnectivity reports invalid_token.",
        causes: &["OAuth between Exchange and Exchange Online is misconfigured (auth servers, partner applications or certificates)."],
        fixes: &[TEST_OAUTH, CHECK_AUTH_SERVERS, RERUN_HCW],
        source: crate::knowledge::sources::FUNCTIONS_EXOOAUTHFUNCTIONS_PS1,
    },
    ReasonPattern {
        id: "token-profile-v1s2sapponly",
        needles: &["token profile", "v1s2sapponly"],
        title: "Entra app-only token not accepted on-premises",
        meaning: "An Entra v1 app-only token (client credentials) reached an on-premises Exchange REST endpoint that does not accept the V1S2SAppOnly profile, typically a Graph call for an on-premises mailbox in a hybrid.",
        causes: &["App-only Microsoft Graph or REST calls for mailboxes hosted on-premises; Exchange's REST endpoint does not allow this profile by default."],
        fixes: &[
            Fix::text("Prefer a supported path: delegated access, or move the mailbox to Exchange Online."),
            V1S2SAPPONLY_WEBCONFIG,
            GRAPH_APP_ONLY_PERMISSIONS,
        ],
        source: NETWORG_HYBRID_GRAPH,
    },
    ReasonPattern {
        id: "trusted-issuers-not-configured",
        needles: &["none of them are configured locally"],
        title: "Trusted issuer not configured locally",
        meaning: "The remote side trusts only issuers that this Exchange organization has no auth server for.",
        causes: &["The on-premises organization targets 21Vianet (partner.outlook.cn), which trusts 00000001-0002-0000-c000-000000000000, while the local auth server is the global ACS."],
        fixes: &[
            Fix::command("For Office 365 operated by 21Vianet, create the auth server with the China ACS metadata.", "New-AuthServer -Name \"MicrosoftAzureACS\" -AuthMetadataUrl https://accounts.accesscontrol.chinacloudapi.cn/<your verified domain>/metadata/json/1"),
            CHECK_AUTH_SERVERS,
        ],
        source: crate::knowledge::sources::S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY,
    },
    ReasonPattern {
        id: "unknown-issuer",
        needles: &["issuer", "unknown"],
        title: "Unknown issuer",
        meaning: "Undocumented reason: the token's issuer is not a configured auth server or partner application.",
        causes: &["The issuer is not trusted by this Exchange organization."],
        fixes: &[CHECK_AUTH_SERVERS, RERUN_HCW],
        source: DECOMPILED_EXCHANGE,
    },
    ReasonPattern {
        id: "user-ambiguous",
        needles: &["ambiguous"],
        title: "User is ambiguous",
        meaning: "More than one on-premises object matches the user in the token.",
        causes: &["The UPN, SMTP or SIP address is also used by another on-premises object (a duplicate)."],
        fixes: &[LDAP_DUPLICATES],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "user-not-exist",
        needles: &["user specified by the user-context", "does not exist"],
        title: "User does not exist",
        meaning: "Exchange found no mailbox or mail user for the user in the token.",
        causes: &["The on-premises mailbox and the cloud mail user are not synchronised (directory sync).", "The test account is not synchronised."],
        fixes: &[SYNC_USER, TEST_OAUTH],
        source: FREE_BUSY_DOC,
    },
    ReasonPattern {
        id: "xms-trpid",
        needles: &["xms_trpid"],
        title: "Tenant restrictions v2 applied",
        meaning: "Global Secure Access applied tenant restrictions v2 (TRv2); the token lacks the xms_trpid claim, so access is blocked.",
        causes: &["The target tenant is not allowed by the tenant restrictions policy."],
        fixes: &[Fix::text("Expected when the tenant is not allowed; an admin can allow it in the tenant restrictions v2 policy.")],
        source: UNIVERSAL_TENANT_RESTRICTIONS_DOC,
    },
];

/// Looks up a numeric code.
pub fn code(code: u32) -> Option<&'static DiagCode> {
    CODES.iter().find(|c| c.code == code)
}

/// Every reason pattern whose needles all appear in `reason` (compared in lower case).
pub fn reasons_matching(reason: &str) -> Vec<&'static ReasonPattern> {
    let lower = reason.to_lowercase();
    REASONS
        .iter()
        .filter(|r| r.needles.iter().all(|n| lower.contains(n)))
        .collect()
}

/// Looks up a reason pattern by its stable id.
pub fn reason_by_id(id: &str) -> Option<&'static ReasonPattern> {
    REASONS
        .binary_search_by(|r| r.id.cmp(id))
        .ok()
        .map(|i| &REASONS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reasons_are_sorted_unique_and_complete() {
        for pair in CODES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for c in CODES {
            assert!(!c.category.is_empty() && c.meaning.len() > 10);
            assert!(!c.causes.is_empty(), "{} needs a cause", c.code);
            assert!(!c.fixes.is_empty(), "{} needs a fix", c.code);
            crate::knowledge::assert_source(c.source, &c.code.to_string());
        }
        for pair in REASONS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for r in REASONS {
            assert!(!r.needles.is_empty() && !r.fixes.is_empty(), "{}", r.id);
            assert!(
                r.needles.iter().all(|n| *n == n.to_lowercase()),
                "{} needles must be lower case",
                r.id
            );
            crate::knowledge::assert_source(r.source, r.id);
        }
    }

    #[test]
    fn reason_matching_ignores_case() {
        let hits = reasons_matching("Presented Auth Strength was 1, required is 2.");
        assert_eq!(hits.first().map(|r| r.id), Some("auth-strength"));
    }

    #[test]
    fn every_exchange_code_from_2000000_to_2000010_exists() {
        for n in 2000000..=2000010 {
            let row = code(n).unwrap_or_else(|| panic!("{n} missing"));
            assert_eq!(row.product, Product::Exchange);
            assert_eq!(row.documented, n <= 2000008, "{n} documented flag");
        }
        for n in [2000020, 3000003, 3005004, 4000000, 28020, 28029] {
            assert!(code(n).is_some(), "{n} missing");
        }
        assert!(code(2000011).is_none());
    }

    fn all_text(c: &DiagCode) -> String {
        let mut s = c.meaning.to_string();
        for x in c.causes {
            s.push(' ');
            s.push_str(x);
        }
        for f in c.fixes {
            s.push(' ');
            s.push_str(f.text);
            s.push(' ');
            s.push_str(f.command.unwrap_or(""));
        }
        s.to_lowercase()
    }

    #[test]
    fn must_have_codes_carry_their_key_facts() {
        let t = all_text(code(3000003).unwrap());
        assert!(t.contains("https://<tenant>.sharepoint.com"));
        let t = all_text(code(2000020).unwrap());
        assert!(t.contains("trv2") && t.contains("global secure access") && t.contains("blocked"));
        let t = all_text(code(4000000).unwrap());
        assert!(t.contains("hma") && t.contains("evosts") && t.contains("authorization_uri"));
        assert!(t.contains("hybrid configuration wizard"));
        assert!(all_text(code(2000005).unwrap()).contains("proxyaddresses=sip:"));
        assert!(all_text(code(2000003).unwrap()).contains("ssl offloading"));
        assert!(all_text(code(2000000).unwrap()).contains("-refreshauthmetadata"));
        let c2000008 = code(2000008).unwrap();
        assert!(c2000008
            .fixes
            .iter()
            .any(|f| f.unsupported && f.command.unwrap_or("").contains("-AppOnlyPermissions")));
        assert!(code(2000001)
            .unwrap()
            .fixes
            .iter()
            .any(|f| f.unsupported && f.text.contains("OAuthHttpModule.Profiles")));
    }

    #[test]
    fn real_reason_texts_find_their_patterns() {
        let cases = [
            ("This token profile 'V1S2SAppOnly' is not applicable for the current protocol.", "token-profile-v1s2sapponly"),
            ("The token is missing the claim type 'roles'.", "missing-roles"),
            ("The token contains no permissions, or permissions can not be understood.", "no-permissions"),
            ("The hostname component of the audience claim value is invalid. Expected 'https://mail.contoso.com'. Actual 'http://mail.contoso.com'.", "audience-hostname"),
            ("The user specified by the user-context in the token is ambiguous.", "user-ambiguous"),
            ("The user specified by the user-context in the token does not exist.", "user-not-exist"),
            ("The tenant for tenant guid 'contoso.com' does not exist.", "tenant-not-exist"),
            ("The token should have valid permissions or linked account associated with partner application '00000003-0000-0000-c000-000000000000'.", "linked-account-partner-app"),
            ("Flighting is not enabled for domain 'mail.dummy.uk'.", "flighting"),
            ("xms_trpid claim was not present but sec-tenant-restriction-access-policy header was in requires", "xms-trpid"),
            ("Invalid audience Uri 'f8f8d2ad-7c9d-4aac-80eb-3f00a263c879'.", "invalid-audience-uri"),
            ("OAuth token submitted with the request can not be parsed.", "cannot-parse-spaced"),
            ("Missing signing certificate", "missing-signing-certificate"),
        ];
        for (reason, id) in cases {
            let ids: Vec<_> = reasons_matching(reason).iter().map(|r| r.id).collect();
            assert!(ids.contains(&id), "{reason:?} gave {ids:?}");
        }
        assert!(reasons_matching("nothing we know").is_empty());
        let cert = reason_by_id("missing-signing-certificate").unwrap();
        assert!(cert.fixes.iter().any(|f| f
            .command
            .unwrap_or("")
            .contains("Set-AuthConfig -PublishCertificate")));
    }
}
