//! Table: the Exchange, Microsoft Graph and Entra PowerShell cmdlets whose output people paste
//! while fixing hybrid and app authentication, what each shows and which values matter, sorted by
//! name.

use super::sources as src;

/// One cmdlet: what its output shows and which properties an expert reads first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cmdlet {
    pub name: &'static str,
    /// "Exchange Server", "Exchange Online", "Microsoft Graph PowerShell" or "Entra PowerShell":
    /// where the cmdlet is usually run when fixing authentication.
    pub shell: &'static str,
    pub shows: &'static str,
    /// Which properties matter for authentication and what a wrong value looks like.
    pub look_at: &'static str,
    pub source: &'static str,
}

const EXCHANGE_SERVER: &str = "Exchange Server";
const EXCHANGE_ONLINE: &str = "Exchange Online";
const GRAPH: &str = "Microsoft Graph PowerShell";
const ENTRA: &str = "Entra PowerShell";

/// How cmdlet rows are found in free text: by the cmdlet name, in any case (PowerShell does not
/// care how a name is cased).
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in CMDLETS {
        out.push(Needle::any_case(row.name, Fact::Cmdlet(row.name)));
    }
}

/// Looks up a cmdlet by name, in any ASCII case.
pub fn cmdlet(name: &str) -> Option<&'static Cmdlet> {
    CMDLETS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// Sorted by `name`.
pub const CMDLETS: &[Cmdlet] = &[
    Cmdlet {
        name: "Get-ApplicationAccessPolicy",
        shell: EXCHANGE_ONLINE,
        shows: "The application access policies that limit which mailboxes an app with Graph or EWS application permissions may reach.",
        look_at: "AppId (the app's client id), AccessRight (RestrictAccess allows only the group, DenyAccess blocks it) and ScopeIdentity (the mail-enabled security group). A mailbox outside a RestrictAccess group gets ErrorAccessDenied; policy changes can take an hour to apply.",
        source: src::EXCHANGE_PS_GET_APPLICATIONACCESSPOLICY,
    },
    Cmdlet {
        name: "Get-AuthConfig",
        shell: EXCHANGE_SERVER,
        shows: "The organization's OAuth configuration: the certificate Exchange signs its OAuth tokens with and its service name and realm.",
        look_at: "CurrentCertificateThumbprint must be a certificate that exists and is valid on every Exchange server (Get-ExchangeCertificate); an expired or missing one breaks every OAuth call. NextCertificateThumbprint and NextCertificateEffectiveDate show a planned rollover. ServiceName is 00000002-0000-0ff1-ce00-000000000000 for Exchange.",
        source: src::EXCHANGE_PS_GET_AUTHCONFIG,
    },
    Cmdlet {
        name: "Get-AuthServer",
        shell: EXCHANGE_SERVER,
        shows: "The authorization servers Exchange trusts to issue OAuth tokens (ACS/evoSTS for hybrid, AD FS, SharePoint or Skype for Business).",
        look_at: "Enabled must be True; IssuerIdentifier, TokenIssuingEndpoint and AuthMetadataUrl must point to the tenant and its cloud (the EvoSts entry of hybrid modern auth reads the tenant's federation metadata from login.windows.net; the older ACS entry reads accounts.accesscontrol.windows.net). DomainName lists the tenant domains; a missing EvoSts entry or a metadata URL of another tenant or cloud makes incoming OAuth fail.",
        source: src::EXCHANGE_PS_GET_AUTHSERVER,
    },
    Cmdlet {
        name: "Get-AutodiscoverVirtualDirectory",
        shell: EXCHANGE_SERVER,
        shows: "The Autodiscover virtual directory of each Exchange server and its authentication methods.",
        look_at: "WSSecurityAuthentication must be True for hybrid free/busy (federation); OAuthAuthentication True for OAuth; InternalAuthenticationMethods and ExternalAuthenticationMethods list what IIS offers (Ntlm, WindowsIntegrated, WSSecurity, OAuth).",
        source: src::EXCHANGE_PS_GET_AUTODISCOVERVIRTUALDIRECTORY,
    },
    Cmdlet {
        name: "Get-AzureADApplicationKeyCredential",
        shell: ENTRA,
        shows: "The key credentials (certificates and symmetric keys) of an app registration, in the retired AzureAD module; Entra PowerShell and Microsoft Graph PowerShell show the same objects.",
        look_at: "EndDate: past it the key no longer signs in the app (AADSTS700027 for a certificate); Type AsymmetricX509Cert with Usage Verify is a certificate the app signs client assertions with; CustomKeyIdentifier is usually the certificate's thumbprint.",
        source: src::AZUREAD_PS_GET_AZUREADAPPLICATIONKEYCREDENTIAL,
    },
    Cmdlet {
        name: "Get-AzureADApplicationPasswordCredential",
        shell: ENTRA,
        shows: "The client secrets (password credentials) of an app registration, in the retired AzureAD module.",
        look_at: "EndDate: past it the secret no longer signs in the app (AADSTS7000222); Value is shown only when a secret is created and is a secret itself.",
        source: src::RESOURCES_PASSWORDCREDENTIAL,
    },
    Cmdlet {
        name: "Get-CASMailbox",
        shell: EXCHANGE_SERVER,
        shows: "A mailbox's client access settings, including which protocols it may use.",
        look_at: "EwsEnabled False or an EwsApplicationAccessPolicy with EwsAllowList/EwsBlockList that excludes the client blocks EWS (ServiceAccessDeniedException); OWAEnabled, ActiveSyncEnabled, MAPIEnabled and ImapEnabled/PopEnabled show the other protocols.",
        source: src::EXCHANGE_PS_GET_CASMAILBOX,
    },
    Cmdlet {
        name: "Get-EntraApplication",
        shell: ENTRA,
        shows: "App registrations (application objects) in Microsoft Entra ID, with their key and password credentials.",
        look_at: "AppId is the client id in tokens; KeyCredentials (certificates) and PasswordCredentials (secrets) carry EndDate: a credential past EndDate explains AADSTS7000222 or AADSTS700027; IdentifierUris holds the Application ID URI used as audience.",
        source: src::ENTRA_PS_GET_ENTRAAPPLICATION,
    },
    Cmdlet {
        name: "Get-ExchangeCertificate",
        shell: EXCHANGE_SERVER,
        shows: "The certificates in the Exchange servers' computer stores, with thumbprint, subject, services and validity.",
        look_at: "The OAuth certificate (thumbprint from Get-AuthConfig) must be present on every server, with NotAfter in the future and HasPrivateKey True; Services shows what the certificate is bound to (IIS, SMTP, Federation). Status other than Valid, or an expired NotAfter, breaks OAuth or TLS.",
        source: src::EXCHANGE_PS_GET_EXCHANGECERTIFICATE,
    },
    Cmdlet {
        name: "Get-ExchangeServer",
        shell: EXCHANGE_SERVER,
        shows: "The Exchange servers of the organization with version, roles and site.",
        look_at: "AdminDisplayVersion gives the build (compare with the supported CU list); InternetWebProxy is the outbound proxy Exchange uses to reach Microsoft 365 (a wrong or missing proxy breaks OAuth metadata and token requests from the server).",
        source: src::EXCHANGE_PS_GET_EXCHANGESERVER,
    },
    Cmdlet {
        name: "Get-FederatedOrganizationIdentifier",
        shell: EXCHANGE_SERVER,
        shows: "The organization identifier used with the Microsoft Federation Gateway and the domains federated under it.",
        look_at: "Enabled must be True; AccountNamespace (FYDIBOHF25SPDLT.<domain>) and Domains must include the domains used for free/busy; DelegationTrustLink names the federation trust.",
        source: src::EXCHANGE_PS_GET_FEDERATEDORGANIZATIONIDENTIFIER,
    },
    Cmdlet {
        name: "Get-FederationInformation",
        shell: EXCHANGE_SERVER,
        shows: "The federation information another organization publishes through Autodiscover (used to create an organization relationship).",
        look_at: "TargetApplicationUri, TargetAutodiscoverEpr and DomainNames of the partner; an error here means the partner's Autodiscover cannot be reached or is not federated.",
        source: src::EXCHANGE_PS_GET_FEDERATIONINFORMATION,
    },
    Cmdlet {
        name: "Get-FederationTrust",
        shell: EXCHANGE_SERVER,
        shows: "The federation trust with the Microsoft Federation Gateway.",
        look_at: "OrgCertificate, OrgNextCertificate and OrgPrevCertificate (and their expiry), TokenIssuerMetadataEpr and the TokenIssuerCertificate: stale metadata after a certificate change breaks free/busy with WS-Security errors (refresh with Set-FederationTrust -RefreshMetadata).",
        source: src::EXCHANGE_PS_GET_FEDERATIONTRUST,
    },
    Cmdlet {
        name: "Get-HybridConfiguration",
        shell: EXCHANGE_SERVER,
        shows: "The hybrid configuration object the Hybrid Configuration Wizard writes on-premises.",
        look_at: "Domains, Features (FreeBusy, MoveMailbox, Mailtips, OwaRedirection, OnlineArchive, SecureMail, Photos), ClientAccessServers and TlsCertificateName; a domain or feature missing here was not configured by the wizard.",
        source: src::EXCHANGE_PS_GET_HYBRIDCONFIGURATION,
    },
    Cmdlet {
        name: "Get-IntraOrganizationConfiguration",
        shell: EXCHANGE_ONLINE,
        shows: "The settings the other side of an OAuth hybrid needs (run on either side).",
        look_at: "OnlineDiscoveryEndpoint, OnlineTargetAddress and OnPremiseDiscoveryEndpoint, OnPremiseTargetAddresses: they must match the Autodiscover and routing domains used by the intra-organization connectors.",
        source: src::EXCHANGE_PS_GET_INTRAORGANIZATIONCONFIGURATION,
    },
    Cmdlet {
        name: "Get-IntraOrganizationConnector",
        shell: EXCHANGE_SERVER,
        shows: "The intra-organization connectors that make OAuth free/busy, MailTips and other hybrid features work.",
        look_at: "Enabled must be True; TargetAddressDomains must include the other side's routing domain (the mail.onmicrosoft.com domain on-premises) and DiscoveryEndpoint must be the other side's Autodiscover.svc URL. A disabled connector makes Exchange fall back to the organization relationship (DAuth).",
        source: src::EXCHANGE_PS_GET_INTRAORGANIZATIONCONNECTOR,
    },
    Cmdlet {
        name: "Get-MailboxFolderPermission",
        shell: EXCHANGE_SERVER,
        shows: "The permissions on a mailbox folder (for example the calendar) for users and for Default and Anonymous.",
        look_at: "AccessRights of Default on the calendar folder (AvailabilityOnly, LimitedDetails, None): None means other users see no free/busy even when authentication works.",
        source: src::EXCHANGE_PS_GET_MAILBOXFOLDERPERMISSION,
    },
    Cmdlet {
        name: "Get-MgApplication",
        shell: GRAPH,
        shows: "App registrations through Microsoft Graph, with their credentials and required permissions.",
        look_at: "AppId, KeyCredentials and PasswordCredentials with EndDateTime (an expired one explains a failing client credential flow), RequiredResourceAccess (the API permissions configured) and IdentifierUris.",
        source: src::GRAPH_PS_GET_MGAPPLICATION,
    },
    Cmdlet {
        name: "Get-MgServicePrincipal",
        shell: GRAPH,
        shows: "Service principals (enterprise applications) in the tenant through Microsoft Graph.",
        look_at: "AppId and Id (object id used in role and policy assignments), AccountEnabled (False blocks sign-in), AppRoleAssignmentRequired, ServicePrincipalNames and KeyCredentials (signing certificates) with EndDateTime.",
        source: src::GRAPH_PS_GET_MGSERVICEPRINCIPAL,
    },
    Cmdlet {
        name: "Get-OrganizationConfig",
        shell: EXCHANGE_SERVER,
        shows: "Organization-wide Exchange settings.",
        look_at: "OAuth2ClientProfileEnabled (modern auth for clients; False keeps Outlook on Basic or NTLM), EwsEnabled and EwsApplicationAccessPolicy with EwsAllowList/EwsBlockList (which clients may use EWS).",
        source: src::EXCHANGE_PS_GET_ORGANIZATIONCONFIG,
    },
    Cmdlet {
        name: "Get-OrganizationRelationship",
        shell: EXCHANGE_SERVER,
        shows: "The organization relationships used for federated (DAuth) free/busy and sharing with another organization.",
        look_at: "Enabled, DomainNames (must list the partner's domains), FreeBusyAccessEnabled and FreeBusyAccessLevel, TargetApplicationUri (outlook.com for Exchange Online) and TargetAutodiscoverEpr (the partner's Autodiscover WSSecurity URL).",
        source: src::EXCHANGE_PS_GET_ORGANIZATIONRELATIONSHIP,
    },
    Cmdlet {
        name: "Get-PartnerApplication",
        shell: EXCHANGE_SERVER,
        shows: "The partner applications Exchange accepts OAuth tokens from (Exchange Online, SharePoint, Skype for Business).",
        look_at: "Enabled must be True; ApplicationIdentifier is the partner's app id (00000002-0000-0ff1-ce00-000000000000 for Exchange Online); UseAuthServer and AuthMetadataUrl show whether the partner's tokens are checked against an auth server or its own metadata; LinkedAccount is the account the partner acts as.",
        source: src::EXCHANGE_PS_GET_PARTNERAPPLICATION,
    },
    Cmdlet {
        name: "Get-WebServicesVirtualDirectory",
        shell: EXCHANGE_SERVER,
        shows: "The EWS virtual directory of each Exchange server, its URLs and authentication methods.",
        look_at: "ExternalUrl must be the name the other side resolves and the certificate covers; WSSecurityAuthentication True for federation, OAuthAuthentication True for OAuth; MRSProxyEnabled True for hybrid mailbox moves.",
        source: src::EXCHANGE_PS_GET_WEBSERVICESVIRTUALDIRECTORY,
    },
    Cmdlet {
        name: "New-ApplicationAccessPolicy",
        shell: EXCHANGE_ONLINE,
        shows: "Creates a policy that restricts (or denies) an app's application permissions to the members of a mail-enabled security group.",
        look_at: "AppId, PolicyScopeGroupId (the group) and AccessRight; a policy that restricts an app to a group denies every other mailbox, which is a common cause of ErrorAccessDenied after it is created.",
        source: src::EXCHANGE_PS_NEW_APPLICATIONACCESSPOLICY,
    },
    Cmdlet {
        name: "Set-AuthConfig",
        shell: EXCHANGE_SERVER,
        shows: "Changes the OAuth configuration: the signing certificate and its rollover, or the service realm.",
        look_at: "NewCertificateThumbprint with NewCertificateEffectiveDate, then PublishCertificate, sets a new OAuth certificate; ClearPreviousCertificate removes the old one. After a change, the hybrid wizard or a refresh of the auth server metadata is needed so the other side trusts the new certificate.",
        source: src::EXCHANGE_PS_SET_AUTHCONFIG,
    },
    Cmdlet {
        name: "Test-ApplicationAccessPolicy",
        shell: EXCHANGE_ONLINE,
        shows: "Whether an app may reach a given mailbox under the application access policies.",
        look_at: "AccessCheckResult: Granted or Denied for the mailbox and AppId tested.",
        source: src::EXCHANGE_PS_TEST_APPLICATIONACCESSPOLICY,
    },
    Cmdlet {
        name: "Test-FederationTrust",
        shell: EXCHANGE_SERVER,
        shows: "Checks that the federation trust works: certificates, and that a delegation token can be obtained from the Microsoft Federation Gateway.",
        look_at: "Each step's Type and Message; a failure on the certificate or token steps points to an expired federation certificate or stale trust metadata.",
        source: src::EXCHANGE_PS_TEST_FEDERATIONTRUST,
    },
    Cmdlet {
        name: "Test-MigrationServerAvailability",
        shell: EXCHANGE_ONLINE,
        shows: "Checks that Exchange Online can connect to the on-premises migration endpoint (MRS proxy) with the credentials given.",
        look_at: "Result Success or Failed and the error message: a 401 points to the credentials or to MRSProxy authentication, a connection error to the published EWS URL, firewall or certificate.",
        source: src::EXCHANGE_PS_TEST_MIGRATIONSERVERAVAILABILITY,
    },
    Cmdlet {
        name: "Test-OAuthConnectivity",
        shell: EXCHANGE_SERVER,
        shows: "Tests OAuth authentication from Exchange to a partner application (EWS, AutoD or Generic) for a mailbox; -Verbose prints the outbound OAuth log.",
        look_at: "ResultType Success or Error; on Error the Detail holds the OAuth log ([OAuthCredentials:...] lines, the token request and the remote server's WWW-Authenticate and x-ms-diagnostics) that names the failing step.",
        source: src::EXCHANGE_PS_TEST_OAUTHCONNECTIVITY,
    },
    Cmdlet {
        name: "Test-OrganizationRelationship",
        shell: EXCHANGE_SERVER,
        shows: "Tests an organization relationship: the federation token and the partner's relationship settings, for a user.",
        look_at: "Each result's Id and Status (for example AutodiscoverServiceCallFailed or a token error) with its Description; the partner side must also have a matching relationship.",
        source: src::EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP,
    },
    Cmdlet {
        name: "Test-ServicePrincipalAuthorization",
        shell: EXCHANGE_ONLINE,
        shows: "Which RBAC for Applications roles a service principal holds and whether a given mailbox is in their scope.",
        look_at: "RoleName, GrantedPermissions, AllowedResourceScope and InScope: InScope False for the mailbox means the app's permission does not cover it.",
        source: src::EXCHANGE_PS_TEST_SERVICEPRINCIPALAUTHORIZATION,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmdlets_are_sorted_unique_and_sourced() {
        for pair in CMDLETS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for c in CMDLETS {
            assert!(c.name.contains('-'), "{} is not a Verb-Noun name", c.name);
            assert!(!c.shows.is_empty() && !c.look_at.is_empty(), "{}", c.name);
            assert!([EXCHANGE_SERVER, EXCHANGE_ONLINE, GRAPH, ENTRA].contains(&c.shell));
            crate::knowledge::assert_source(c.source, c.name);
        }
    }

    #[test]
    fn cmdlets_resolve_in_any_case() {
        assert!(cmdlet("test-oauthconnectivity").is_some());
        assert!(cmdlet("Get-AuthConfig")
            .unwrap()
            .look_at
            .contains("CurrentCertificateThumbprint"));
        assert!(cmdlet("Get-Nothing").is_none());
    }
}
