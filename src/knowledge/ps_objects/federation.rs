//! Rows: the federation (DAuth) objects of Exchange hybrid: the hybrid configuration, organization
//! relationships and their test, the federation trust, federation information and the federated
//! organization identifier.

use super::{bad, plain, Bad, PropertyFact, PsType};
use crate::knowledge::{sources, Fix};
use crate::report::Severity;

const HYBRID: &str = sources::EXCHANGE_PS_GET_HYBRIDCONFIGURATION;
const ORG_REL: &str = sources::EXCHANGE_PS_GET_ORGANIZATIONRELATIONSHIP;
const FREE_BUSY: &str = sources::FREE_BUSY_TROUBLESHOOT_HYBRID;
const TRUST: &str = sources::EXCHANGE_PS_GET_FEDERATIONTRUST;
const FED_INFO: &str = sources::EXCHANGE_PS_GET_FEDERATIONINFORMATION;
const FED_ID: &str = sources::EXCHANGE_PS_GET_FEDERATEDORGANIZATIONIDENTIFIER;

/// Get-HybridConfiguration, sorted by `name`.
pub const HYBRID_CONFIGURATION: &[PropertyFact] = &[
    plain("ClientAccessServers", "the servers the Hybrid Configuration Wizard configured for client access (empty on Exchange 2016 and later)", HYBRID),
    plain("Domains", "the on-premises domains in the hybrid deployment", HYBRID),
    plain("Features", "the hybrid features the wizard set up (FreeBusy, MoveMailbox, Mailtips, MessageTracking, OwaRedirection, OnlineArchive, SecureMail, Photos)", HYBRID),
    plain("OnPremisesSmartHost", "the on-premises host Exchange Online sends mail to", HYBRID),
    plain("ReceivingTransportServers", "the servers that receive mail from Exchange Online", HYBRID),
    plain("SendingTransportServers", "the servers that send mail to Exchange Online", HYBRID),
    plain("TlsCertificateName", "the certificate used for TLS with Exchange Online, as <I>issuer<S>subject", HYBRID),
];

/// Get-OrganizationRelationship, sorted by `name`.
pub const ORGANIZATION_RELATIONSHIP: &[PropertyFact] = &[
    plain("DomainNames", "the domains of the other organization; the target mailbox's domain must be listed", ORG_REL),
    bad("Enabled", "whether the relationship is used at all", Bad::Is("False"), Severity::Error, "The organization relationship is disabled: free/busy, MailTips and photos from the other organization are not requested through it.", Fix::command("Enable it.", "Set-OrganizationRelationship -Identity <identity> -Enabled $true"), ORG_REL),
    bad("FreeBusyAccessEnabled", "whether free/busy is shared over this relationship", Bad::Is("False"), Severity::Error, "Free/busy is not shared over this relationship: users of the other organization see no availability (hatched or 'No information').", Fix::command("Share free/busy.", "Set-OrganizationRelationship -Identity <identity> -FreeBusyAccessEnabled $true -FreeBusyAccessLevel LimitedDetails"), ORG_REL),
    bad("FreeBusyAccessLevel", "how much free/busy detail is shared: None, AvailabilityOnly or LimitedDetails", Bad::Is("None"), Severity::Warning, "FreeBusyAccessLevel None shares no free/busy detail even with FreeBusyAccessEnabled True.", Fix::command("Share availability at least.", "Set-OrganizationRelationship -Identity <identity> -FreeBusyAccessLevel AvailabilityOnly"), ORG_REL),
    plain("FreeBusyAccessScope", "a group whose members' free/busy is shared; empty: everyone", ORG_REL),
    plain("MailboxMoveEnabled", "whether mailboxes may move over this relationship", ORG_REL),
    plain("OAuthApplicationId", "the app id used for OAuth over this relationship; usually empty", ORG_REL),
    bad("TargetApplicationUri", "the federation application URI of the other organization: outlook.com for Exchange Online, FYDIBOHF25SPDLT.<domain> for an on-premises organization", Bad::Empty, Severity::Error, "Without a TargetApplicationUri Exchange cannot request a delegation token for the other organization, so free/busy over DAuth fails.", Fix::command("Read the other side's values and set them.", "Get-FederationInformation -DomainName <their domain> -BypassAdditionalDomainValidation | Format-List\nSet-OrganizationRelationship -Identity <identity> -TargetApplicationUri <TargetApplicationUri from above>"), FREE_BUSY),
    bad("TargetAutodiscoverEpr", "the other organization's Autodiscover endpoint, for Exchange Online https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc/WSSecurity", Bad::Empty, Severity::Error, "Without a TargetAutodiscoverEpr Exchange cannot find the other organization's EWS endpoint, so free/busy fails.", Fix::command("Read the other side's values and set them.", "Get-FederationInformation -DomainName <their domain> -BypassAdditionalDomainValidation | Format-List\nSet-OrganizationRelationship -Identity <identity> -TargetAutodiscoverEpr <TargetAutodiscoverEpr from above>"), FREE_BUSY),
    plain("TargetOwaURL", "where OWA users of the other organization are redirected", ORG_REL),
    plain("TargetSharingEpr", "an EWS URL that overrides the one Autodiscover returns; usually empty", FREE_BUSY),
];

/// Test-OrganizationRelationship, sorted by `name`.
pub const TEST_ORGANIZATION_RELATIONSHIP: &[PropertyFact] = &[
    plain(
        "Description",
        "what the failed step found",
        sources::EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP,
    ),
    bad(
        "Status",
        "Success, or the step's failure",
        Bad::IsNot("Success"),
        Severity::Error,
        "A step of the organization relationship test failed; Description says which.",
        Fix::command(
            "Rerun it with details.",
            "Test-OrganizationRelationship -UserIdentity <mailbox> -Identity <identity> -Verbose",
        ),
        sources::EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP,
    ),
];

/// Get-FederationTrust, sorted by `name`.
pub const FEDERATION_TRUST: &[PropertyFact] = &[
    plain("ApplicationUri", "this organization's federation application URI (FYDIBOHF25SPDLT.<domain>); the other side's TargetApplicationUri must name it", TRUST),
    plain("OrgCertificate", "the certificate this organization signs its federation requests with", TRUST),
    plain("OrgNextCertificate", "the next federation certificate, not yet current", TRUST),
    plain("OrgPrevCertificate", "the previous federation certificate", TRUST),
    plain("TokenIssuerCertificate", "the Microsoft Federation Gateway certificate Exchange trusts, from its metadata", TRUST),
    plain("TokenIssuerEpr", "the Microsoft Federation Gateway's token endpoint", TRUST),
    plain("TokenIssuerMetadataEpr", "where Exchange reads the Microsoft Federation Gateway's metadata (refreshed daily)", TRUST),
    plain("TokenIssuerUri", "the federation gateway Exchange trusts: urn:federation:MicrosoftOnline for Microsoft 365", TRUST),
];

/// Get-FederationInformation, sorted by `name`.
pub const FEDERATION_INFORMATION: &[PropertyFact] = &[
    plain("DomainNames", "the other organization's federated domains, to list in the organization relationship", FED_INFO),
    plain("TargetApplicationUri", "the value for TargetApplicationUri of the organization relationship (outlook.com for Exchange Online)", FED_INFO),
    bad("TargetAutodiscoverEpr", "the value for TargetAutodiscoverEpr of the organization relationship", Bad::Empty, Severity::Error, "The other organization publishes no Autodiscover endpoint for federation, so an organization relationship with it cannot find its EWS.", Fix::command("Check that the other side's Autodiscover is published for this domain.", "Get-FederationInformation -DomainName <their domain> -BypassAdditionalDomainValidation -Verbose"), FED_INFO),
    plain("TokenIssuerUris", "the federation gateways the other side trusts (urn:federation:MicrosoftOnline)", FED_INFO),
];

/// Get-FederatedOrganizationIdentifier, sorted by `name`.
pub const FEDERATED_ORGANIZATION_IDENTIFIER: &[PropertyFact] = &[
    plain("AccountNamespace", "the domain whose federation identifier (FYDIBOHF25SPDLT.<domain>) names this organization", FED_ID),
    plain("DelegationTrustLink", "the federation trust the identifier uses (Microsoft Federation Gateway)", FED_ID),
    plain("Domains", "the federated domains; free/busy over DAuth works only for these", FED_ID),
    bad("Enabled", "whether federated sharing is on for the organization", Bad::Is("False"), Severity::Error, "Federation is off: Exchange requests no delegation tokens, so free/busy and sharing over organization relationships fail (DAuth).", Fix::command("Turn federation on.", "Set-FederatedOrganizationIdentifier -Enabled $true"), FED_ID),
];

/// Get-HybridConfiguration.
pub const HYBRID_CONFIGURATION_TYPE: PsType = PsType {
    cmdlet: "Get-HybridConfiguration",
    also: &[],
    object: "Hybrid configuration",
    identify: &[
        &["Features", "OnPremisesSmartHost"],
        &["Features", "TlsCertificateName"],
        &["Features", "SendingTransportServers"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: HYBRID_CONFIGURATION,
    healthy:
        "This is what the Hybrid Configuration Wizard set up; nothing here is wrong on its own.",
    own_card: true,
    source: HYBRID,
};

/// Get-OrganizationRelationship.
pub const ORGANIZATION_RELATIONSHIP_TYPE: PsType = PsType {
    cmdlet: "Get-OrganizationRelationship",
    also: &["New-OrganizationRelationship", "Set-OrganizationRelationship"],
    object: "Organization relationship",
    identify: &[&["DomainNames", "FreeBusyAccessEnabled"], &["TargetAutodiscoverEpr", "FreeBusyAccessLevel"], &["TargetApplicationUri", "FreeBusyAccessEnabled"]],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: ORGANIZATION_RELATIONSHIP,
    healthy: "The relationship is enabled, shares free/busy and names the other side's application URI and Autodiscover endpoint.",
    own_card: true,
    source: ORG_REL,
};

/// Test-OrganizationRelationship: by its cmdlet line, or by a result block that has the test's
/// Id, Status, Description and IsValid together (each alone is a common name).
pub const TEST_ORGANIZATION_RELATIONSHIP_TYPE: PsType = PsType {
    cmdlet: "Test-OrganizationRelationship",
    also: &[],
    object: "Organization relationship test",
    identify: &[&["Id", "Status", "Description", "IsValid"]],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: TEST_ORGANIZATION_RELATIONSHIP,
    healthy: "The organization relationship test passed every step.",
    own_card: true,
    source: sources::EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP,
};

/// Get-FederationTrust.
pub const FEDERATION_TRUST_TYPE: PsType = PsType {
    cmdlet: "Get-FederationTrust",
    also: &[],
    object: "Federation trust",
    identify: &[&["ApplicationUri", "TokenIssuerUri"], &["OrgCertificate", "TokenIssuerCertificate"], &["TokenIssuerMetadataEpr"]],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: FEDERATION_TRUST,
    healthy: "The federation trust names its certificates and the gateway; check them with Test-FederationTrust.",
    own_card: true,
    source: TRUST,
};

/// Get-FederationInformation.
pub const FEDERATION_INFORMATION_TYPE: PsType = PsType {
    cmdlet: "Get-FederationInformation",
    also: &[],
    object: "Federation information",
    identify: &[&["TargetApplicationUri", "TokenIssuerUris"], &["TargetAutodiscoverEpr", "TokenIssuerUris"]],
    value_hint: None,
    unless: &["FreeBusyAccessEnabled"],
    secrets: &[],
    properties: FEDERATION_INFORMATION,
    healthy: "The other organization publishes federation information; an organization relationship with it should use these values.",
    own_card: true,
    source: FED_INFO,
};

/// Get-FederatedOrganizationIdentifier.
pub const FEDERATED_ORGANIZATION_IDENTIFIER_TYPE: PsType = PsType {
    cmdlet: "Get-FederatedOrganizationIdentifier",
    also: &[],
    object: "Federated organization identifier",
    identify: &[
        &["AccountNamespace", "DelegationTrustLink"],
        &["AccountNamespace", "Domains"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: FEDERATED_ORGANIZATION_IDENTIFIER,
    healthy: "Federation is enabled for the organization.",
    own_card: true,
    source: FED_ID,
};
