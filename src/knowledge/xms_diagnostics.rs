//! Table: x-ms-diagnostics codes (Exchange, SharePoint, Skype, Entra); reason texts are in `xms_reasons`.

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

pub(super) const REFRESH_AUTH_METADATA: Fix = Fix::command(
    "Refresh the auth server metadata on every Exchange server, then let IIS pick it up (wait about 15 minutes or recycle).",
    "Get-AuthServer | Set-AuthServer -RefreshAuthMetadata\niisreset /noforce",
);
pub(super) const CHECK_AUTH_SERVERS: Fix = Fix::command(
    "Check the auth servers: WindowsAzureACS must have IssuerIdentifier 00000001-0000-0000-c000-000000000000 and the accounts.accesscontrol.windows.net endpoints; EvoSts must point at the tenant's Entra metadata.",
    "Get-AuthServer | Format-List Name,IssuerIdentifier,TokenIssuingEndpoint,AuthMetadataUrl,Enabled,IsDefaultAuthorizationEndpoint",
);
pub(super) const RERUN_HCW: Fix = Fix::text(
    "Rerun the Hybrid Configuration Wizard so it rewrites the OAuth configuration of the hybrid.",
);
pub(super) const LDAP_DUPLICATES: Fix = Fix::command(
    "Find every on-premises object that uses the same UPN, SMTP or SIP address (LDAP query, for example in Active Directory Users and Computers > Saved Queries), then change or remove the duplicate.",
    "(|(userPrincipalName=user@contoso.com)(proxyAddresses=SMTP:user@contoso.com)(proxyAddresses=sip:user@contoso.com))",
);
pub(super) const SYNC_USER: Fix = Fix::command(
    "Make sure the user is synchronised by Microsoft Entra Connect (directory sync) so the other side knows the mailbox or mail user; start a delta sync after fixing it.",
    "Start-ADSyncSyncCycle -PolicyType Delta",
);
pub(super) const TEST_OAUTH: Fix = Fix::command(
    "Test OAuth from on-premises to Exchange Online with a synchronised mailbox.",
    "Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox <on-premises mailbox> -Verbose | Format-List",
);
pub(super) const REACQUIRE: Fix = Fix::text(
    "Acquire a new token for the right resource (for Exchange Online https://outlook.office365.com) and send it unchanged as 'Authorization: Bearer <token>'.",
);
pub(super) const APP_PERMISSIONS: Fix = Fix::text(
    "For app-only (client credentials) calls add Application permissions (not Delegated) to the app registration, grant admin consent, then acquire a new token and check that it carries a roles claim.",
);
pub(super) const V1S2SAPPONLY_WEBCONFIG: Fix = Fix::command(
    "Community workaround: add V1S2SAppOnly to the OAuthHttpModule.Profiles value in FrontEnd\\HttpProxy\\rest\\web.config on each Exchange server, then restart IIS. Microsoft does not support editing this file.",
    "<add key=\"OAuthHttpModule.Profiles\" value=\"...;V1S2SAppOnly\" />",
)
.unsupported();
pub(super) const GRAPH_APP_ONLY_PERMISSIONS: Fix = Fix::command(
    "Community workaround: copy the ActAsPermissions of the 'Microsoft Graph' partner application to its AppOnlyPermissions, then run iisreset. The cmdlet documentation reserves AppOnlyPermissions for Microsoft's internal use.",
    "$app = Get-PartnerApplication | Where-Object { $_.ApplicationIdentifier -eq '00000003-0000-0000-c000-000000000000' }\n$app | Set-PartnerApplication -AppOnlyPermissions $app.ActAsPermissions\niisreset",
)
.unsupported();
pub(super) const NEW_AUTH_CERT: Fix = Fix::command(
    "Check which certificate Exchange uses to sign its OAuth tokens; if it is missing or expired, create a new auth certificate, make it current, publish it and clear the old one, then restart IIS.",
    "Get-AuthConfig | Format-List CurrentCertificateThumbprint\nNew-ExchangeCertificate -KeySize 2048 -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP -PrivateKeyExportable $true\nSet-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate\niisreset",
);
pub(super) const NO_DOCUMENTED_FIX: Fix = Fix::text(
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

pub use super::xms_reasons::{reason_by_id, reasons_matching, ReasonPattern, REASONS};

/// Looks up a numeric code.
pub fn code(code: u32) -> Option<&'static DiagCode> {
    CODES.iter().find(|c| c.code == code)
}

/// How x-ms-diagnostics rows are found in free text: a code of six digits or more on its own, and a
/// lone `error_category=` parameter (shorter codes would be taken for ports and counts).
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in CODES.iter().filter(|c| c.code >= 100_000) {
        out.push(Needle::exact(
            row.code.to_string(),
            Fact::DiagCode(row.code),
        ));
    }
    out.push(Needle::any_case("error_category=", Fact::DiagCategory));
}

/// The codes whose `error_category` is `category`.
pub fn codes_with_category(category: &str) -> impl Iterator<Item = &'static DiagCode> + '_ {
    CODES
        .iter()
        .filter(move |c| c.category.eq_ignore_ascii_case(category))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_complete() {
        for pair in CODES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for c in CODES {
            assert!(!c.category.is_empty() && c.meaning.len() > 10);
            assert!(!c.causes.is_empty(), "{} needs a cause", c.code);
            assert!(!c.fixes.is_empty(), "{} needs a fix", c.code);
            crate::knowledge::assert_source(c.source, &c.code.to_string());
        }
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
}
