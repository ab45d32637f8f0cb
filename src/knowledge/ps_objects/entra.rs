//! Rows: Microsoft Graph, Entra and AzureAD PowerShell application and service principal objects
//! and their key (certificate) and password (secret) credentials.

use super::{bad, plain, Bad, PropertyFact, PsType};
use crate::knowledge::{sources, Fix};
use crate::report::Severity;

const MG_APP: &str = sources::GRAPH_PS_GET_MGAPPLICATION;
const MG_SP: &str = sources::GRAPH_PS_GET_MGSERVICEPRINCIPAL;
const KEY: &str = sources::RESOURCES_KEYCREDENTIAL;
const PASSWORD: &str = sources::RESOURCES_PASSWORDCREDENTIAL;
const AAD_KEY: &str = sources::AZUREAD_PS_GET_AZUREADAPPLICATIONKEYCREDENTIAL;
const CERT_CREDS: &str = sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS;

/// What a credential's end date means; `explain::powershell::credentials` judges it against the
/// report's time.
const END: &str = "when the credential stops working; after it Entra refuses the app's sign-in with it (AADSTS7000222 for a secret, AADSTS700027 for a certificate)";

/// An application object, sorted by `name`.
pub const APPLICATION: &[PropertyFact] = &[
    plain("AppId", "the application (client) id: the appid/azp of the app's tokens and the client_id it signs in with", MG_APP),
    plain("DisplayName", "the app's name", MG_APP),
    plain("IdentifierUris", "the Application ID URIs: audiences of tokens issued for this app's API", MG_APP),
    plain("KeyCredentials", "the certificates the app may sign client assertions with (expand to see their end dates)", KEY),
    plain("PasswordCredentials", "the client secrets of the app (expand to see their end dates)", PASSWORD),
    plain("SignInAudience", "who may sign in: AzureADMyOrg (this tenant), AzureADMultipleOrgs, AzureADandPersonalMicrosoftAccount", MG_APP),
];

/// A service principal, sorted by `name`.
pub const SERVICE_PRINCIPAL: &[PropertyFact] = &[
    bad("AccountEnabled", "whether the app may sign in or get tokens in this tenant", Bad::Is("False"), Severity::Error, "The service principal is disabled: Entra refuses every sign-in and token for it in this tenant (AADSTS7000112).", Fix::command("Enable it.", "Update-MgServicePrincipal -ServicePrincipalId <service principal object id> -AccountEnabled:$true"), MG_SP),
    plain("AppId", "the application (client) id the service principal stands for", MG_SP),
    plain("AppOwnerOrganizationId", "the tenant that registered the app (f8cdef31-a31e-4b4a-93e4-5f571e91255a for Microsoft's own apps)", MG_SP),
    plain("KeyCredentials", "certificates on the service principal (SAML signing, or the Exchange auth certificate for hybrid)", KEY),
    plain("PasswordCredentials", "secrets on the service principal", PASSWORD),
    plain("ServicePrincipalNames", "the names (app id and URIs) tokens may be requested for", MG_SP),
    plain("ServicePrincipalType", "Application, ManagedIdentity, Legacy or SocialIdp", MG_SP),
];

/// A key credential (certificate or symmetric key), sorted by `name`.
pub const KEY_CREDENTIAL: &[PropertyFact] = &[
    plain("CustomKeyIdentifier", "an identifier of the key; for a certificate usually its SHA-1 thumbprint (as bytes or base64)", KEY),
    plain("DisplayName", "the credential's name (for a certificate usually its subject)", KEY),
    plain("EndDate", END, AAD_KEY),
    plain("EndDateTime", END, KEY),
    plain("Key", "the public certificate, base64 (only with $select)", KEY),
    plain("KeyId", "the credential's id", KEY),
    plain("StartDate", "when the credential starts to work", AAD_KEY),
    plain("StartDateTime", "when the credential starts to work", KEY),
    plain("Type", "AsymmetricX509Cert: a certificate the app signs client assertions with; Symmetric: a legacy symmetric key; X509CertAndPassword: a SAML signing certificate", KEY),
    plain("Usage", "Verify: Entra checks the app's signatures with it; Sign: the key signs (SAML signing certificates, symmetric keys)", CERT_CREDS),
    plain("Value", "the key material", AAD_KEY),
];

/// A password credential (client secret), sorted by `name`.
pub const PASSWORD_CREDENTIAL: &[PropertyFact] = &[
    plain(
        "CustomKeyIdentifier",
        "an optional name of the secret, as bytes",
        PASSWORD,
    ),
    plain("DisplayName", "the secret's description", PASSWORD),
    plain("EndDate", END, PASSWORD),
    plain("EndDateTime", END, PASSWORD),
    plain(
        "Hint",
        "the first characters of the secret, to tell secrets apart",
        PASSWORD,
    ),
    plain("KeyId", "the secret's id", PASSWORD),
    plain(
        "SecretText",
        "the secret itself, shown only when it is created",
        PASSWORD,
    ),
    plain("StartDate", "when the secret starts to work", PASSWORD),
    plain("StartDateTime", "when the secret starts to work", PASSWORD),
    plain(
        "Value",
        "the secret itself (AzureAD PowerShell, only when it is created)",
        PASSWORD,
    ),
];

/// Get-MgApplication, Get-EntraApplication, Get-AzureADApplication.
pub const APPLICATION_TYPE: PsType = PsType {
    cmdlet: "Get-MgApplication",
    also: &["Get-EntraApplication", "Get-AzureADApplication", "Get-MgBetaApplication", "Get-AzADApplication"],
    object: "Entra application registration",
    identify: &[&["AppId", "SignInAudience"], &["AppId", "IdentifierUris"], &["AppId", "PasswordCredentials"]],
    value_hint: None,
    unless: &["ServicePrincipalType", "AppOwnerOrganizationId", "ServicePrincipalNames"],
    secrets: &[],
    properties: APPLICATION,
    healthy: "Nothing printed here is wrong; expand KeyCredentials and PasswordCredentials to see when they end.",
    own_card: true,
    source: MG_APP,
};

/// Get-MgServicePrincipal, Get-EntraServicePrincipal, Get-AzureADServicePrincipal.
pub const SERVICE_PRINCIPAL_TYPE: PsType = PsType {
    cmdlet: "Get-MgServicePrincipal",
    also: &[
        "Get-EntraServicePrincipal",
        "Get-AzureADServicePrincipal",
        "Get-MgBetaServicePrincipal",
        "Get-AzADServicePrincipal",
    ],
    object: "Entra service principal",
    identify: &[
        &["AppId", "ServicePrincipalType"],
        &["AppId", "ServicePrincipalNames"],
        &["AppId", "AppOwnerOrganizationId"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: SERVICE_PRINCIPAL,
    healthy: "The service principal is enabled in this tenant.",
    own_card: true,
    source: MG_SP,
};

/// A key credential, as the AzureAD, Entra and Graph cmdlets print it.
pub const KEY_CREDENTIAL_TYPE: PsType = PsType {
    cmdlet: "Get-AzureADApplicationKeyCredential",
    also: &[
        "New-AzureADApplicationKeyCredential",
        "Get-EntraApplicationKeyCredential",
        "New-EntraBetaApplicationKeyCredential",
        "Get-AzureADServicePrincipalKeyCredential",
    ],
    object: "Key credential",
    identify: &[
        &["KeyId", "Usage"],
        &["KeyId", "Type", "EndDate"],
        &["KeyId", "Type", "EndDateTime"],
    ],
    value_hint: None,
    unless: &[],
    secrets: &[],
    properties: KEY_CREDENTIAL,
    healthy: "The credential is within its validity period.",
    own_card: true,
    source: KEY,
};

/// A password credential, as the AzureAD, Entra and Graph cmdlets print it.
pub const PASSWORD_CREDENTIAL_TYPE: PsType = PsType {
    cmdlet: "Get-AzureADApplicationPasswordCredential",
    also: &[
        "New-AzureADApplicationPasswordCredential",
        "Add-MgApplicationPassword",
        "Get-EntraApplicationPasswordCredential",
    ],
    object: "Password credential (client secret)",
    identify: &[
        &["KeyId", "Hint"],
        &["KeyId", "SecretText"],
        &["KeyId", "EndDate", "Value"],
        &["CustomKeyIdentifier", "EndDateTime", "KeyId"],
    ],
    value_hint: None,
    unless: &["Type", "Usage"],
    secrets: &["SecretText", "Value"],
    properties: PASSWORD_CREDENTIAL,
    healthy: "The secret is within its validity period.",
    own_card: true,
    source: PASSWORD,
};

/// A new client secret, for an expired or expiring password credential.
pub const RENEW_SECRET: Fix = Fix::command(
    "Add a new client secret, put it where the app reads it, then remove the old one.",
    "Add-MgApplicationPassword -ApplicationId <application object id> -PasswordCredential @{ DisplayName = \"<name>\"; EndDateTime = (Get-Date).AddMonths(6) }",
);

/// A new certificate, for an expired or expiring key credential.
pub const RENEW_CERTIFICATE: Fix = Fix::text(
    "Upload the public part of a new certificate to the app registration (Certificates & secrets > Certificates > Upload certificate), make the app sign with it, then remove the old one.",
);
