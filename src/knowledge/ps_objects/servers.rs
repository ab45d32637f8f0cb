//! Rows: the server-side objects of Exchange authentication: a mailbox's EWS settings, Exchange
//! certificates, the EWS and Autodiscover virtual directories and the server's proxy settings.

use super::{bad, plain, Bad, PropertyFact, PsType};
use crate::knowledge::{sources, Fix};
use crate::report::Severity;

const CAS: &str = sources::EXCHANGE_PS_GET_CASMAILBOX;
const EWS_ACCESS: &str = sources::EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS;
const CERT: &str = sources::EXCHANGE_PS_GET_EXCHANGECERTIFICATE;
const EWS_VD: &str = sources::EXCHANGE_PS_GET_WEBSERVICESVIRTUALDIRECTORY;
const AUTOD_VD: &str = sources::EXCHANGE_PS_GET_AUTODISCOVERVIRTUALDIRECTORY;
const SERVER: &str = sources::EXCHANGE_PS_GET_EXCHANGESERVER;
const FREE_BUSY: &str = sources::FREE_BUSY_TROUBLESHOOT_HYBRID;

/// Get-CASMailbox (EWS settings), sorted by `name`.
pub const CAS_MAILBOX: &[PropertyFact] = &[
    plain("EwsAllowList", "user-agent patterns that may use EWS for this mailbox while its EwsApplicationAccessPolicy is EnforceAllowList", EWS_ACCESS),
    bad("EwsAllowMacOutlook", "whether Outlook for Mac may use EWS with this mailbox (blank: the organization decides)", Bad::Is("False"), Severity::Warning, "Outlook for Mac cannot use EWS with this mailbox.", Fix::command("Allow it again.", "Set-CASMailbox -Identity <identity> -EwsAllowMacOutlook $true"), CAS),
    bad("EwsAllowOutlook", "whether Outlook for Windows may use EWS with this mailbox (blank: the organization decides)", Bad::Is("False"), Severity::Warning, "Outlook for Windows cannot use EWS with this mailbox: free/busy, Out of Office and add-ins fail for it.", Fix::command("Allow it again.", "Set-CASMailbox -Identity <identity> -EwsAllowOutlook $true"), CAS),
    bad("EwsApplicationAccessPolicy", "EnforceAllowList: only the user agents in EwsAllowList may use EWS with this mailbox; EnforceBlockList: all but EwsBlockList", Bad::Is("EnforceAllowList"), Severity::Warning, "Only clients whose user agent matches this mailbox's EwsAllowList may use EWS with it; other applications get ErrorAccessDenied even with a valid token.", Fix::command("Add the application's user agent, or clear the policy.", "Set-CASMailbox -Identity <identity> -EwsAllowList @{Add=\"<user agent>/*\"}"), EWS_ACCESS),
    plain("EwsBlockList", "user-agent patterns that may not use EWS with this mailbox", EWS_ACCESS),
    bad("EwsEnabled", "whether the mailbox may use EWS at all (blank: allowed unless the organization blocks it)", Bad::Is("False"), Severity::Error, "EWS is blocked for this mailbox: every EWS client, OAuth daemons and cross-premises free/busy get ErrorAccessDenied for it.", Fix::command("Allow EWS for the mailbox.", "Set-CASMailbox -Identity <identity> -EwsEnabled $true"), CAS),
];

/// Get-ExchangeCertificate, sorted by `name`.
pub const EXCHANGE_CERTIFICATE: &[PropertyFact] = &[
    plain("CertificateDomains", "the names (SANs) the certificate covers", CERT),
    bad("HasPrivateKey", "whether this server holds the certificate's private key", Bad::Is("False"), Severity::Error, "Without its private key on this server the certificate cannot sign (OAuth, federation) or serve TLS here.", Fix::command("Import the certificate with its private key on this server.", "Import-ExchangeCertificate -Server <server> -FileData ([System.IO.File]::ReadAllBytes('<path>.pfx')) -Password (Read-Host -AsSecureString) -PrivateKeyExportable $true"), CERT),
    plain("NotAfter", "when the certificate expires (local time of the server)", CERT),
    plain("Services", "the Exchange services bound to the certificate (IMAP, POP, IIS, SMTP, Federation ...)", CERT),
    bad("Status", "Valid, or why Windows does not trust the certificate (DateInvalid, RevocationCheckFailure, Untrusted ...)", Bad::IsNot("Valid"), Severity::Error, "Windows does not trust this certificate as it is, so services and partners that use it fail.", Fix::command("See the chain and the revocation check behind the status.", "certutil -verify -urlfetch <exported .cer>"), CERT),
    plain("Subject", "the certificate's subject", CERT),
    plain("Thumbprint", "the SHA-1 thumbprint that Get-AuthConfig and Set-AuthConfig use to name a certificate", CERT),
];

/// Get-WebServicesVirtualDirectory, sorted by `name`.
pub const WEB_SERVICES_VIRTUAL_DIRECTORY: &[PropertyFact] = &[
    plain("ExternalAuthenticationMethods", "the methods EWS offers from outside (Ntlm, WindowsIntegrated, WSSecurity, OAuth)", EWS_VD),
    plain("ExternalUrl", "the public EWS URL, the one Exchange Online and Autodiscover hand out", EWS_VD),
    plain("InternalAuthenticationMethods", "the methods EWS offers inside", EWS_VD),
    plain("InternalUrl", "the internal EWS URL", EWS_VD),
    plain("MRSProxyEnabled", "whether mailbox moves from Exchange Online may use this EWS (hybrid moves need True)", EWS_VD),
    bad("OAuthAuthentication", "whether EWS accepts OAuth (Bearer) tokens: hybrid free/busy, Graph for on-premises mailboxes and HMA need it", Bad::Is("False"), Severity::Error, "EWS refuses OAuth tokens on this server: OAuth free/busy from Exchange Online, hybrid modern authentication and apps with tokens get 401.", Fix::command("Turn OAuth on for EWS.", "Set-WebServicesVirtualDirectory -Identity <identity> -OAuthAuthentication $true"), EWS_VD),
    bad("WSSecurityAuthentication", "whether EWS accepts WS-Security (federation, DAuth) requests, used by free/busy over organization relationships", Bad::Is("False"), Severity::Error, "EWS refuses WS-Security: free/busy over organization relationships (DAuth) fails against this server.", Fix::command("Turn WS-Security on for EWS.", "Set-WebServicesVirtualDirectory -Identity <identity> -WSSecurityAuthentication $true"), FREE_BUSY),
    plain("WindowsAuthentication", "whether EWS accepts NTLM and Kerberos", EWS_VD),
];

/// Get-AutodiscoverVirtualDirectory, sorted by `name`.
pub const AUTODISCOVER_VIRTUAL_DIRECTORY: &[PropertyFact] = &[
    plain("ExternalAuthenticationMethods", "the methods Autodiscover offers from outside", AUTOD_VD),
    plain("InternalAuthenticationMethods", "the methods Autodiscover offers inside (Ntlm, WindowsIntegrated, WSSecurity, OAuth)", AUTOD_VD),
    bad("OAuthAuthentication", "whether Autodiscover accepts OAuth (Bearer) tokens: Exchange Online's OAuth free/busy and HMA clients need it", Bad::Is("False"), Severity::Error, "Autodiscover refuses OAuth tokens: OAuth free/busy from Exchange Online and HMA clients cannot discover on-premises mailboxes.", Fix::command("Turn OAuth on for Autodiscover.", "Set-AutodiscoverVirtualDirectory -Identity <identity> -OAuthAuthentication $true"), AUTOD_VD),
    bad("WSSecurityAuthentication", "whether Autodiscover accepts WS-Security (federation, DAuth) requests", Bad::Is("False"), Severity::Error, "Autodiscover refuses WS-Security: free/busy over organization relationships (DAuth) cannot discover on-premises mailboxes.", Fix::command("Turn WS-Security on for Autodiscover.", "Set-AutodiscoverVirtualDirectory -Identity <identity> -WSSecurityAuthentication $true"), FREE_BUSY),
    plain("WindowsAuthentication", "whether Autodiscover accepts NTLM and Kerberos", AUTOD_VD),
];

/// Get-ExchangeServer (proxy settings), sorted by `name`.
pub const EXCHANGE_SERVER: &[PropertyFact] = &[
    plain("AdminDisplayVersion", "the Exchange version and build (Version 15.1 (Build 1979.3) is build 15.1.1979.3)", SERVER),
    plain("Edition", "Standard or Enterprise (or a trial edition)", SERVER),
    plain("InternetWebProxy", "the proxy Exchange uses for outbound calls (Entra tokens, auth metadata, Exchange Online free/busy); empty: direct", SERVER),
    plain("InternetWebProxyBypassList", "hosts Exchange reaches without the proxy; on-premises servers belong here", SERVER),
    plain("ServerRole", "the roles the server runs", SERVER),
];

/// Get-CASMailbox.
pub const CAS_MAILBOX_TYPE: PsType = PsType {
    cmdlet: "Get-CASMailbox",
    also: &["Set-CASMailbox"],
    object: "Mailbox client access settings",
    identify: &[
        &["SamAccountName", "EwsEnabled"],
        &["PrimarySmtpAddress", "EwsEnabled"],
        &["EwsEnabled", "OWAEnabled"],
        &["EwsEnabled", "ActiveSyncEnabled"],
        &["EwsEnabled", "MAPIEnabled"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: CAS_MAILBOX,
    healthy: "Nothing here blocks EWS for this mailbox.",
    own_card: true,
    source: CAS,
};

/// Get-ExchangeCertificate.
pub const EXCHANGE_CERTIFICATE_TYPE: PsType = PsType {
    cmdlet: "Get-ExchangeCertificate",
    also: &[],
    object: "Exchange certificate",
    identify: &[
        &["Thumbprint", "Services", "NotAfter"],
        &["Thumbprint", "Services", "Subject"],
        &["Thumbprint", "CertificateDomains"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: EXCHANGE_CERTIFICATE,
    healthy:
        "Nothing printed here is wrong; check NotAfter and which certificate Get-AuthConfig names.",
    own_card: false,
    source: CERT,
};

/// Get-WebServicesVirtualDirectory.
pub const WEB_SERVICES_VIRTUAL_DIRECTORY_TYPE: PsType = PsType {
    cmdlet: "Get-WebServicesVirtualDirectory",
    also: &["Set-WebServicesVirtualDirectory"],
    object: "EWS virtual directory",
    identify: &[
        &["InternalNLBBypassUrl"],
        &["MRSProxyEnabled", "WSSecurityAuthentication"],
        &["WSSecurityAuthentication", "OAuthAuthentication"],
    ],
    value_hint: Some(("MetabasePath", "/EWS")),
    unless: &["PollInterval"],
    secrets: &[],
    properties: WEB_SERVICES_VIRTUAL_DIRECTORY,
    healthy: "EWS accepts OAuth and WS-Security here, as hybrid free/busy needs.",
    own_card: true,
    source: EWS_VD,
};

/// Get-AutodiscoverVirtualDirectory.
pub const AUTODISCOVER_VIRTUAL_DIRECTORY_TYPE: PsType = PsType {
    cmdlet: "Get-AutodiscoverVirtualDirectory",
    also: &["Set-AutodiscoverVirtualDirectory"],
    object: "Autodiscover virtual directory",
    identify: &[&["WSSecurityAuthentication", "OAuthAuthentication"]],
    value_hint: Some(("MetabasePath", "/Autodiscover")),
    unless: &["InternalNLBBypassUrl", "MRSProxyEnabled", "PollInterval"],
    secrets: &[],
    properties: AUTODISCOVER_VIRTUAL_DIRECTORY,
    healthy: "Autodiscover accepts OAuth and WS-Security here, as hybrid free/busy needs.",
    own_card: true,
    source: AUTOD_VD,
};

/// Get-ExchangeServer.
pub const EXCHANGE_SERVER_TYPE: PsType = PsType {
    cmdlet: "Get-ExchangeServer",
    also: &[],
    object: "Exchange server",
    identify: &[&["AdminDisplayVersion", "Edition"], &["InternetWebProxy"], &["AdminDisplayVersion", "ServerRole"]],
    value_hint: None,
    unless: &["MetabasePath"],
    secrets: &[],
    properties: EXCHANGE_SERVER,
    healthy: "Nothing here is wrong on its own; with InternetWebProxy set, the proxy must let Exchange reach Entra and Exchange Online.",
    own_card: true,
    source: SERVER,
};
