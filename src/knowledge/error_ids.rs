//! Table: error ids that name an auth failure on their own (IdentityModel IDX codes and
//! SecurityToken exceptions, Key Vault AKV codes, Azure Resource Manager and Storage error codes,
//! Exchange availability and EWS exception classes, SharePoint token messages), sorted by id.

use super::sources as src;
use super::Fix;

/// One error id as it appears in free text, with the product that raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorId {
    /// The id exactly as the product writes it (a code, a class name or, for SharePoint, the
    /// message itself).
    pub id: &'static str,
    pub product: &'static str,
    /// The HTTP status the id comes with, where the product always sends the same one.
    pub http_status: Option<u16>,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

const IDENTITY_MODEL: &str = "Microsoft.IdentityModel (.NET token validation)";
const KEY_VAULT: &str = "Azure Key Vault";
const ARM: &str = "Azure Resource Manager";
const STORAGE: &str = "Azure Storage";
const EXCHANGE: &str = "Exchange Server / Exchange Online";
const SHAREPOINT: &str = "SharePoint";
const MSAL: &str = "Microsoft Authentication Library (MSAL.NET)";

/// How error ids are found in free text: by the id, written as the product spells it. An id that
/// is also an AADSTS error name (`AuthenticationFailed`) is left to the AADSTS table, which
/// declares it already.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in ERROR_IDS.iter().chain(super::connection_errors::ERRORS) {
        if super::aadsts::all_codes().any(|a| a.name == row.id) {
            continue;
        }
        out.push(Needle::exact(row.id, Fact::ErrorId(row.id)));
    }
}

/// Looks up an id (exact, case-sensitive as products write it).
pub fn error_id(id: &str) -> Option<&'static ErrorId> {
    ERROR_IDS
        .iter()
        .chain(super::connection_errors::ERRORS)
        .find(|e| e.id == id)
}

const DECODE_TOKEN: Fix = Fix::text("Decode the access token (for example with jwt.ms) and compare aud, iss, tid, nbf and exp with what the API expects.");
const SHOW_PII: Fix = Fix::command(
    "The values in the message are hidden as [PII is hidden] by default; show them while you debug (never in production).",
    "Microsoft.IdentityModel.Logging.IdentityModelEventSource.ShowPII = true;",
);

const REFRESH_FEDERATION_TRUST: Fix = Fix::command(
    "Refresh the federation trust's copy of the gateway metadata, then test again; a daily scheduled refresh keeps it current.",
    "Get-FederationTrust | Set-FederationTrust -RefreshMetadata\nTest-FederationTrust",
);

/// Sorted by `id`.
pub const ERROR_IDS: &[ErrorId] = &[
    ErrorId {
        id: "AKV10000",
        product: KEY_VAULT,
        http_status: Some(401),
        meaning: "Key Vault received the request without a token: \"Request is missing a Bearer or PoP token.\"",
        causes: &[
            "Key Vault clients first send a request without a token to read the tenant and resource from the WWW-Authenticate challenge; one AKV10000 401 followed by a successful retry is normal.",
            "If every call fails, the credential produced no token (wrong tenant, no identity available) or the code calls the vault without the credential.",
        ],
        fixes: &[Fix::text("Check whether the 401 is followed by a retry with 'Authorization: Bearer'; if not, make the credential work on its own (get a token for https://vault.azure.net/.default) and read its error.")],
        source: src::KEY_VAULT_REST_ERROR_CODES,
    },
    ErrorId {
        id: "AKV10022",
        product: KEY_VAULT,
        http_status: Some(401),
        meaning: "Key Vault rejected the token because its audience is not Key Vault (the message says which aud it expected and which it found).",
        causes: &[
            "The token was requested for another resource (Resource Manager, Graph) and sent to the vault.",
            "The resource was written with a trailing slash or another spelling than the one Key Vault accepts (https://vault.azure.net).",
        ],
        fixes: &[
            Fix::text("Request the token for Key Vault: scope https://vault.azure.net/.default (v2.0) or resource https://vault.azure.net (v1.0), exactly as the message expects."),
            DECODE_TOKEN,
        ],
        source: src::GO_AUTOREST_ISSUES_525,
    },
    ErrorId {
        id: "AKV10032",
        product: KEY_VAULT,
        http_status: Some(401),
        meaning: "Key Vault rejected the token because it was issued by another tenant than the one the vault belongs to (Invalid issuer).",
        causes: &[
            "The signed-in account or credential is homed in another tenant (a guest, a personal account, or a developer tool signed in to the wrong directory).",
            "DefaultAzureCredential picked a credential from another tenant than the vault's.",
        ],
        fixes: &[
            Fix::command("Get the token from the vault's tenant: pass the tenant id explicitly to the credential, or sign the tool in to that tenant.", "az login --tenant <vault tenant id>"),
            DECODE_TOKEN,
        ],
        source: src::AZURE_DOCS_ISSUES_75410,
    },
    ErrorId {
        id: "AKV10046",
        product: KEY_VAULT,
        http_status: Some(401),
        meaning: "Key Vault could not resolve the key that signed the token (\"Unable to resolve the key used for signature validation\").",
        causes: &[
            "The token was signed with a key Key Vault does not know in this cloud or region, for example a token from another cloud or a key that rolled over recently.",
        ],
        fixes: &[
            Fix::text("Request a new token from the vault's own cloud and tenant and retry; if the same token fails only sometimes or only in one region, open a support case with the request ids."),
            DECODE_TOKEN,
        ],
        source: src::AZURESANDBOX_ISSUES_362,
    },
    ErrorId {
        id: "AuthenticationFailed",
        product: STORAGE,
        http_status: Some(403),
        meaning: "Azure Storage could not authenticate the request: the Authorization header (Shared Key signature) or the SAS is not valid.",
        causes: &[
            "The account key used to sign the request is wrong or was rotated.",
            "The SAS token is expired, cut or signed for other permissions; or the client clock is off so the signature time is outside the allowed window.",
        ],
        fixes: &[
            Fix::text("Read AuthenticationErrorDetail in the response body: it says which part of the signature did not match."),
            Fix::text("Regenerate the SAS or use the current account key, and check the clock of the calling machine."),
        ],
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    },
    ErrorId {
        id: "AuthorizationFailed",
        product: ARM,
        http_status: Some(403),
        meaning: "Resource Manager accepted the token but the caller has no Azure role that allows this action at this scope; the message names the client, the action and the scope.",
        causes: &[
            "No role assignment grants the action (for example Microsoft.Resources/subscriptions/resourcegroups/write) to this user, service principal or managed identity at the scope or above.",
            "The role was assigned minutes ago and the cached token or the assignment has not caught up yet.",
        ],
        fixes: &[
            Fix::command("List what the caller is assigned at the scope, then assign the smallest role that includes the action.", "az role assignment list --assignee <object id> --all -o table\naz role assignment create --assignee <object id> --role <role> --scope <scope>"),
            Fix::text("After a new assignment, sign in again (or get a new token) and retry."),
        ],
        source: src::AZURE_CLI_ISSUES_30789,
    },
    ErrorId {
        id: "AuthorizationFailure",
        product: STORAGE,
        http_status: Some(403),
        meaning: "Azure Storage refused the request: the caller is not authorized to perform this operation.",
        causes: &[
            "The storage account firewall or virtual network rules do not allow the caller's network.",
            "The SAS or the identity does not grant this operation.",
        ],
        fixes: &[Fix::text("Check the account's Networking settings (allowed networks, private endpoints) and the permissions of the SAS or role used.")],
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    },
    ErrorId {
        id: "AuthorizationPermissionMismatch",
        product: STORAGE,
        http_status: Some(403),
        meaning: "Azure Storage authenticated the Microsoft Entra token but the identity has no data role that allows this operation (\"not authorized to perform this operation using this permission\").",
        causes: &[
            "The identity only has a management role (Owner, Contributor) which does not grant data access to blobs, queues or tables.",
            "A data role (for example Storage Blob Data Reader) is assigned, but the operation needs write or delete.",
        ],
        fixes: &[
            Fix::command("Assign a data-plane role such as Storage Blob Data Contributor at the account or container scope; allow a few minutes for it to apply.", "az role assignment create --assignee <object id> --role \"Storage Blob Data Contributor\" --scope <storage account id>"),
            Fix::text("Or use the account key or a SAS (for example --auth-mode key in the Azure CLI) if that is intended."),
        ],
        source: src::AZURE_CLI_ISSUES_26573,
    },
    ErrorId {
        id: "Could not use the certificate for signing",
        product: MSAL,
        http_status: None,
        meaning: "MSAL could not sign the client assertion with the certificate's private key, so no token was requested: the failure is on the client, before Microsoft Entra ID is contacted (MsalClientException).",
        causes: &[
            "The private key is a CNG key and the app is a .NET Framework 4.6 (or older) build, which MSAL says cannot sign with it.",
            "The certificate was found without its private key, or the account running the app cannot read the key (the inner exception says which).",
        ],
        fixes: &[
            Fix::command("Check that the certificate the app names has its private key in the store of the account that runs it.", "Get-ChildItem Cert:\\CurrentUser\\My\\<thumbprint> | Format-List Subject,NotAfter,HasPrivateKey"),
            Fix::text("Use a certificate whose key is stored by a legacy CSP (not CNG), or run a build of the app for .NET Framework 4.6.1 or later; or sign the assertion yourself as the message's link describes."),
        ],
        source: src::MSAL_NET_SIGNED_ASSERTION,
    },
    ErrorId {
        id: "ErrorProxyRequestProcessingFailed",
        product: EXCHANGE,
        http_status: None,
        meaning: "The Availability service could not proxy the free/busy request to the server or organization that holds the mailbox; the inner exception says why (an HTTP status, a SOAP fault, a connection error).",
        causes: &[
            "The target server or the other organization's EWS endpoint answered with an error (401, 403, 404, 500).",
            "The target endpoint cannot be reached from the requesting server (firewall, proxy, DNS).",
        ],
        fixes: &[
            Fix::text("Read the inner exception after 'Proxy web request failed.': its HTTP status and text name the failing step."),
            Fix::command("Test the organization relationship and OAuth or federation set-up from the requesting side.", "Test-OrganizationRelationship -Identity <relationship> -UserIdentity <mailbox> -Verbose\nTest-OAuthConnectivity -Service EWS -TargetUri <EWS url> -Mailbox <mailbox> -Verbose"),
        ],
        source: src::EXCHANGELIB_ISSUES_1060,
    },
    ErrorId {
        id: "ExpiredAuthenticationToken",
        product: ARM,
        http_status: Some(401),
        meaning: "Resource Manager rejected the token because its expiry time is earlier than the current UTC time.",
        causes: &[
            "A long-running script or deployment kept using a token acquired more than an hour earlier.",
            "The clock of the calling machine is wrong.",
        ],
        fixes: &[
            Fix::text("Get a fresh token before each call (let the SDK credential refresh it instead of caching the raw token)."),
            Fix::command("Check the clock of the calling machine.", "w32tm /stripchart /computer:time.windows.com /samples:3"),
        ],
        source: src::AZURE_SDK_FOR_JAVA_ISSUES_33112,
    },
    ErrorId {
        id: "Failed to validate delegation token",
        product: EXCHANGE,
        http_status: None,
        meaning: "Test-FederationTrust (step TokenValidation) could not validate the delegation token the Microsoft Federation Gateway issued: cross-premises free/busy and MailTips that rely on the federation trust fail.",
        causes: &["The federation trust holds outdated metadata: the gateway renewed its signing certificate and the trust in Active Directory still has the old one."],
        fixes: &[REFRESH_FEDERATION_TRUST],
        source: src::EXCHANGE_TEAM_BLOG_KEEP_FEDERATION_TRUST_UP_TO_DATE,
    },
    ErrorId {
        id: "ID3035",
        product: SHAREPOINT,
        http_status: Some(401),
        meaning: "SharePoint could not accept the token or request: \"The request was not valid or is malformed.\"",
        causes: &[
            "The token was issued for another cloud or endpoint than the SharePoint site (for example a commercial-cloud token sent to a GCC High site).",
            "The token was issued for another resource than this SharePoint host.",
        ],
        fixes: &[
            Fix::text("Request the token from the sign-in endpoint of the cloud the site lives in, with the site's own host as resource (https://<tenant>.sharepoint.com/.default or its national-cloud equivalent)."),
            DECODE_TOKEN,
        ],
        source: src::PNPASSESSMENT_ISSUES_112,
    },
    ErrorId {
        id: "IDX10000",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "A parameter the token handler needs is null or empty; the message names it.",
        causes: &["The token string itself was empty (no Authorization header value), or a validation setting was not configured."],
        fixes: &[Fix::text("Check that the request carries 'Authorization: Bearer <token>' and that the named parameter is set in the authentication configuration.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10204",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The API cannot validate the issuer because no valid issuer is configured (ValidIssuer and ValidIssuers are empty).",
        causes: &["The authority or metadata address is missing, so no issuer was loaded, and no issuer was set by hand."],
        fixes: &[Fix::text("Set Authority (or MetadataAddress) to the tenant's https://login.microsoftonline.com/<tenant>/v2.0 endpoint, or set ValidIssuers to the iss values of the tokens you accept.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10205",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Issuer validation failed: the token's iss is not one of the issuers the API accepts.",
        causes: &[
            "A v1.0 token (iss https://sts.windows.net/<tid>/) was sent to an API configured for v2.0 (https://login.microsoftonline.com/<tid>/v2.0), or the other way round.",
            "The token comes from another tenant than the one configured, for example a multi-tenant app validating against one tenant.",
        ],
        fixes: &[
            Fix::text("Compare iss in the token with the configured issuers; set accessTokenAcceptedVersion in the API's app manifest or add the other issuer form to ValidIssuers."),
            SHOW_PII,
        ],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10208",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The API cannot validate the audience because no valid audience is configured.",
        causes: &["ValidAudience and ValidAudiences are both unset (the Audience or ClientId setting is missing)."],
        fixes: &[Fix::text("Set the audience to the API's Application ID URI or client id, the value the tokens carry in aud.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10214",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Audience validation failed: the token's aud is not this API (the message lists the token audience and the configured ones).",
        causes: &[
            "The client requested the token for another resource or scope (for example Microsoft Graph instead of this API).",
            "The API is configured with its client id while tokens carry its Application ID URI (api://...), or the other way round.",
            "An ID token was sent instead of an access token.",
        ],
        fixes: &[
            Fix::text("Request the token with this API's scope (api://<app id>/.default or a scope it exposes) and send the access token."),
            Fix::text("Add both the client id and the Application ID URI to ValidAudiences if tokens may carry either."),
            SHOW_PII,
        ],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10222",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Lifetime validation failed: the token is not yet valid (its nbf is after the API's current time).",
        causes: &["The clock of the API server is behind, or the issuer's clock is ahead, by more than the allowed skew (5 minutes)."],
        fixes: &[Fix::command("Synchronise the API server's clock.", "w32tm /resync")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10223",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Lifetime validation failed: the token is expired (ValidTo is earlier than the current time).",
        causes: &[
            "The client kept using a cached token after it expired instead of asking for a new one.",
            "The API server's clock is ahead.",
        ],
        fixes: &[Fix::text("Acquire the token right before the call (MSAL AcquireTokenSilent returns a fresh one when needed) and check the server clock.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10225",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Lifetime validation failed: the token has no expiration time (exp claim missing).",
        causes: &["The token was not issued by Microsoft Entra ID (a hand-made or test token) or is not an access token."],
        fixes: &[Fix::text("Send an access token issued by the configured authority; every Entra access token carries exp.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10261",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The API could not retrieve configuration (metadata) from the authority and goes on with whatever was set by hand.",
        causes: &["The metadata endpoint is unreachable from the server (proxy, firewall, TLS) or the authority URL is wrong."],
        fixes: &[Fix::command("From the API server, fetch the metadata document.", "Invoke-WebRequest https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10500",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed because no signing keys were available to validate it.",
        causes: &[
            "The signing keys could not be loaded from the authority's metadata (network, proxy or wrong authority).",
            "No IssuerSigningKey(s) were configured when metadata is not used.",
        ],
        fixes: &[Fix::text("Check that the API can reach https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration and its jwks_uri, or configure the signing keys.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10501",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed: no signing key matches the token's kid.",
        causes: &[
            "The token was signed with a key the API does not load: an app with its own signing keys (SAML SSO or a custom signing key) needs the appid query on the metadata URL.",
            "The API caches old keys after key rollover, or reads the keys of another tenant or cloud.",
            "The token is a Microsoft Graph token, which the API cannot validate (Graph tokens are not meant for it).",
        ],
        fixes: &[
            Fix::text("Decode the token's kid and look for it in the keys the API uses (https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys, with ?appid=<app id> for apps with their own signing keys)."),
            Fix::text("Let the middleware refresh metadata automatically instead of pinning keys."),
        ],
        source: src::ENTRA_APP_INTEGRATION_IDX10501,
    },
    ErrorId {
        id: "IDX10503",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed: the token's kid did not match any key in the validation parameters or configuration.",
        causes: &["Same as IDX10501 in newer library versions: the keys the API loaded do not include the key that signed the token."],
        fixes: &[Fix::text("Compare the token's kid with the keys at the authority's jwks_uri (with ?appid= for apps with their own signing keys) and let the metadata refresh.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10504",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token has no signature, so it cannot be validated.",
        causes: &["An unsigned token (alg none, or a JWT cut after the second dot) was sent."],
        fixes: &[Fix::text("Send the complete access token as issued; check that nothing cut it after the second dot.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10511",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed: a key matched the token's kid but the signature did not verify with it.",
        causes: &[
            "The token was altered or cut after it was signed.",
            "A Microsoft Graph access token (whose signature is not meant to be verified by other apps) is being validated.",
        ],
        fixes: &[Fix::text("Send the token unchanged; validate only tokens issued for your own API (aud is your API).")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10516",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed: unable to match the token's kid to a key (older wording, with the valid lifetime and issuer added).",
        causes: &["The keys the API loaded do not include the key that signed the token (wrong tenant, app-specific signing key, stale metadata)."],
        fixes: &[Fix::text("Compare the token's kid with the keys at the authority's jwks_uri and refresh the metadata.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX10517",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Signature validation failed: the token has no kid, and none of the keys tried verified it.",
        causes: &["The token was issued by another issuer that does not set kid, or its header was rebuilt."],
        fixes: &[Fix::text("Check which issuer produced the token and configure that issuer's signing keys.")],
        source: src::IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX20803",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Unable to obtain configuration from the metadata address: the OpenID Connect metadata could not be loaded, so tokens cannot be validated.",
        causes: &[
            "The server cannot reach the authority (outbound proxy, firewall, DNS) or TLS to it fails.",
            "The authority or tenant in the configuration is wrong, so the metadata URL returns an error.",
        ],
        fixes: &[
            Fix::command("Open the metadata URL from the server itself; configure the outbound proxy for the app if it is needed.", "Invoke-WebRequest https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration"),
            Fix::text("Read the inner exception: it holds the network or HTTP error."),
        ],
        source: src::IDENTITYMODEL_PROTOCOLS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX20804",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Unable to retrieve a document (metadata or signing keys) from the given address.",
        causes: &["The HTTP request for the metadata or jwks document failed (network, proxy, TLS or a wrong URL)."],
        fixes: &[Fix::text("Fetch the address from the server and read the inner exception for the HTTP or network error.")],
        source: src::IDENTITYMODEL_PROTOCOLS_LOG_MESSAGES,
    },
    ErrorId {
        id: "IDX40001",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "Microsoft.IdentityModel.Validators (AadIssuerValidator): the token's issuer does not match any of the valid issuers for this application.",
        causes: &["The token comes from a tenant or token version the multi-tenant issuer validator does not accept."],
        fixes: &[Fix::text("Compare iss and tid with the tenants and token version the app accepts; adjust the authority or the accepted token version.")],
        source: src::IDENTITYMODEL_VALIDATORS_LOG_MESSAGES,
    },
    ErrorId {
        id: "Invalid JWT token",
        product: SHAREPOINT,
        http_status: Some(401),
        meaning: "SharePoint could not read or trust the JWT it was given; the text after it names what was missing (for example \"No certificate thumbprint specified in token header\" or \"Could not resolve issuer token\").",
        causes: &[
            "The token was not issued by Microsoft Entra ID for this SharePoint host (a token for another resource, a hand-made token, or one from another identity provider).",
            "A high-trust (on-premises) add-in token is signed with a certificate or issuer id that SharePoint has no trusted security token issuer for.",
        ],
        fixes: &[
            Fix::text("Request the token from Microsoft Entra ID for the SharePoint host itself (https://<tenant>.sharepoint.com/.default) and check aud and the x5t/kid header in the decoded token."),
            Fix::text("On-premises, check the trusted security token issuer and the signing certificate registered for the add-in."),
        ],
        source: src::MS_IDENTITY_ANDROID_NATIVE_ISSUES_19,
    },
    ErrorId {
        id: "Invalid issuer or signature",
        product: SHAREPOINT,
        http_status: Some(401),
        meaning: "SharePoint could not validate the token's issuer or signature.",
        causes: &[
            "The token was issued for another resource (for example Microsoft Graph) and sent to the SharePoint REST API.",
            "A SharePoint add-in's client secret expired, so the tokens it signs are no longer accepted.",
        ],
        fixes: &[
            Fix::text("Request the token for the SharePoint host itself (https://<tenant>.sharepoint.com/.default) and check aud in the decoded token."),
            Fix::text("For add-ins (Azure ACS), check the client secret's end date and replace it if it expired."),
        ],
        source: src::SP_DEV_DOCS_ISSUES_5889,
    },
    ErrorId {
        id: "InvalidAuthenticationInfo",
        product: STORAGE,
        http_status: Some(401),
        meaning: "Azure Storage could not authenticate the request; the WWW-Authenticate header and AuthenticationErrorDetail say why.",
        causes: &[
            "A Microsoft Entra token for another audience than storage, from another tenant (\"Issuer validation failed\"), or expired.",
            "A malformed Authorization header.",
        ],
        fixes: &[
            Fix::text("Read AuthenticationErrorDetail in the body; request the token for https://storage.azure.com/.default from the storage account's tenant."),
            DECODE_TOKEN,
        ],
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    },
    ErrorId {
        id: "InvalidAuthenticationTokenAudience",
        product: ARM,
        http_status: Some(401),
        meaning: "Resource Manager rejected the token because it was obtained for another audience; the message lists the audiences it accepts.",
        causes: &["The token was requested for the app itself (api://<client id>), Graph, Key Vault or another resource instead of Resource Manager."],
        fixes: &[Fix::text("Request the token with scope https://management.azure.com/.default (or resource https://management.core.windows.net/).")],
        source: src::DAEMON_V2_ISSUES_145,
    },
    ErrorId {
        id: "InvalidAuthenticationTokenTenant",
        product: ARM,
        http_status: Some(401),
        meaning: "Resource Manager rejected the token because it is from another tenant than the one the subscription belongs to; the message names both issuers and the authority to use.",
        causes: &[
            "The token was acquired from the home tenant of a guest or a multi-tenant app instead of the subscription's tenant.",
            "The subscription was moved to another tenant recently (the change can take up to an hour to propagate).",
        ],
        fixes: &[
            Fix::command("Acquire the token from the authority named in the message (the subscription's tenant).", "az login --tenant <subscription tenant id>\naz account set --subscription <subscription id>"),
            DECODE_TOKEN,
        ],
        source: src::AZURE_SDK_FOR_NET_ISSUES_49391,
    },
    ErrorId {
        id: "LinkedAuthorizationFailed",
        product: ARM,
        http_status: Some(403),
        meaning: "The caller may perform the action on the resource itself, but not the action the request needs on a linked resource (a subnet, identity, disk or another subscription).",
        causes: &[
            "The linked resource lives in a resource group or subscription where the caller has no role for the join or assign action named in the message.",
            "The linked subscription belongs to another tenant that the caller's token does not cover.",
        ],
        fixes: &[Fix::text("Grant the caller the action named in the message (for example Microsoft.ManagedIdentity/userAssignedIdentities/assign/action) on the linked scope, or send an auxiliary token for the other tenant.")],
        source: src::AAD_POD_IDENTITY_ISSUES_613,
    },
    ErrorId {
        id: "MailRecipientNotFoundException",
        product: EXCHANGE,
        http_status: None,
        meaning: "Free/busy: Exchange could not resolve the e-mail address to a recipient in its directory, so no availability was returned (ErrorMailRecipientNotFound).",
        causes: &[
            "No organization relationship covers the other domain, or free/busy access is not enabled on it.",
            "The address is not a known recipient (missing mail user or contact for the other side).",
        ],
        fixes: &[Fix::command("Check the organization relationship for the domain.", "Get-OrganizationRelationship | Format-List Name,DomainNames,FreeBusyAccessEnabled,FreeBusyAccessLevel,TargetAutodiscoverEpr")],
        source: src::SUPPORTARTICLES_NO_FREE_BUSY_INFORMATION_RETRIEVED,
    },
    ErrorId {
        id: "NoAuthenticationInformation",
        product: STORAGE,
        http_status: Some(401),
        meaning: "Azure Storage received a request with no authentication at all (no Authorization header, SAS or token) for a resource that is not public.",
        causes: &["The client sent the request anonymously: the token or SAS was not attached."],
        fixes: &[Fix::text("Attach 'Authorization: Bearer <token>' (with x-ms-version) or a SAS to the request.")],
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    },
    ErrorId {
        id: "NoFreeBusyAccessException",
        product: EXCHANGE,
        http_status: None,
        meaning: "Free/busy: the caller does not have access to the free/busy data of the requested mailbox.",
        causes: &[
            "The organization relationship or sharing policy does not grant free/busy access (FreeBusyAccessEnabled is False or the level is None).",
            "The requesting user is not covered by the relationship's scope.",
        ],
        fixes: &[Fix::command("Check free/busy access on the relationship of the organization that owns the mailbox.", "Get-OrganizationRelationship | Format-List Name,FreeBusyAccessEnabled,FreeBusyAccessLevel,FreeBusyAccessScope")],
        source: src::CALENDARING_RESOLVE_FREE_BUSY_ERRORS,
    },
    ErrorId {
        id: "OAuthTokenRequestFailedException",
        product: EXCHANGE,
        http_status: None,
        meaning: "Exchange Server could not build its own server-to-server OAuth token. When it appears in a Watson report (event 4999) of w3wp#MSExchangeServicesAppPool, the EWS application pool crashes every few minutes and EWS answers HTTP 503.",
        causes: &["The Exchange Server Auth Certificate (the OAuth signing certificate named in Get-AuthConfig) has expired or is missing."],
        fixes: crate::knowledge::exchange_auth::AUTH_CERT_STEPS,
        source: src::SUPPORTARTICLES_EWS_APP_POOL_CRASHES,
    },
    ErrorId {
        id: "SecurityTokenExpiredException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler rejected the token because it has expired (usually with IDX10223).",
        causes: &["A cached token was used after exp, or the server clock is ahead."],
        fixes: &[Fix::text("Acquire a fresh token before the call and check the server clock.")],
        source: src::DOTNET_API_SECURITYTOKENEXPIREDEXCEPTION,
    },
    ErrorId {
        id: "SecurityTokenInvalidAudienceException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler rejected the token because its audience is not accepted (usually with IDX10214).",
        causes: &["The token was requested for another resource, or the API's configured audience uses another form (client id versus api:// URI)."],
        fixes: &[Fix::text("Request the token with this API's scope and compare aud with the configured ValidAudience(s).")],
        source: src::DOTNET_API_SECURITYTOKENINVALIDAUDIENCEEXCEPTION,
    },
    ErrorId {
        id: "SecurityTokenInvalidIssuerException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler rejected the token because its issuer is not accepted (usually with IDX10205).",
        causes: &["The token is from another tenant or token version (v1.0 sts.windows.net versus v2.0 login.microsoftonline.com) than the configured issuer."],
        fixes: &[Fix::text("Compare iss with the configured issuers; align the authority and the API's accepted token version.")],
        source: src::DOTNET_API_SECURITYTOKENINVALIDISSUEREXCEPTION,
    },
    ErrorId {
        id: "SecurityTokenInvalidSignatureException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler rejected the token because its signature could not be validated (IDX10500, IDX10503, IDX10511 and related).",
        causes: &[
            "The signing key is not among the keys the API loaded (other tenant, app-specific signing key, stale metadata).",
            "The token was altered or is a Microsoft Graph token the API should not validate.",
        ],
        fixes: &[Fix::text("Read the IDX code in the message and compare the token's kid with the authority's jwks_uri keys.")],
        source: src::DOTNET_API_SECURITYTOKENINVALIDSIGNATUREEXCEPTION,
    },
    ErrorId {
        id: "SecurityTokenNoExpirationException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler rejected the token because it has no expiration time (usually with IDX10225).",
        causes: &["The token was not issued by the configured authority or is not an access token."],
        fixes: &[Fix::text("Send an access token issued by the configured authority.")],
        source: src::DOTNET_API_SECURITYTOKENNOEXPIRATIONEXCEPTION,
    },
    ErrorId {
        id: "SecurityTokenSignatureKeyNotFoundException",
        product: IDENTITY_MODEL,
        http_status: None,
        meaning: "The token handler found no key matching the token's kid (a kind of invalid-signature failure, usually with IDX10501 or IDX10503).",
        causes: &["The API loads keys from another tenant or cloud, misses the app-specific signing keys, or holds stale keys after rollover."],
        fixes: &[Fix::text("Find the token's kid at the authority's jwks_uri (add ?appid=<app id> for apps with their own signing keys) and let metadata refresh.")],
        source: src::DOTNET_API_SECURITYTOKENSIGNATUREKEYNOTFOUNDEXCEPTION,
    },
    ErrorId {
        id: "ServiceAccessDeniedException",
        product: EXCHANGE,
        http_status: None,
        meaning: "EWS denied access to the caller (\"Access is denied. Check credentials and try again.\"); with AuthError=User not allowed to access EWS the mailbox or application is blocked from EWS.",
        causes: &[
            "EWS is disabled for the mailbox (EwsEnabled False) or the organization.",
            "An EWS application access policy (EwsApplicationAccessPolicy with an allow or block list) excludes the client's user agent.",
        ],
        fixes: &[Fix::command("Check the EWS settings of the mailbox and of the organization.", "Get-CASMailbox <mailbox> | Format-List EwsEnabled,EwsApplicationAccessPolicy,EwsAllowList,EwsBlockList\nGet-OrganizationConfig | Format-List EwsEnabled,EwsApplicationAccessPolicy,EwsAllowList,EwsBlockList")],
        source: src::EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS,
    },
    ErrorId {
        id: "SoapHeaderException",
        product: EXCHANGE,
        http_status: None,
        meaning: "A SOAP header fault. In hybrid free/busy (\"Autodiscover failed ... SoapHeaderException: An error occurred when verifying security for the message\") Exchange could not verify the WS-Security (federation) token of the Autodiscover or EWS call.",
        causes: &[
            "WSSecurity authentication is not enabled (or needs a reset) on the on-premises Autodiscover and EWS virtual directories.",
            "The federation certificate was renewed and the Microsoft Federation Gateway metadata is stale.",
        ],
        fixes: &[
            Fix::command("Refresh the federation trust metadata (run it twice), then check WSSecurity on both virtual directories.", "Get-FederationTrust | Set-FederationTrust -RefreshMetadata\nGet-AutodiscoverVirtualDirectory | Format-List Server,WSSecurityAuthentication\nGet-WebServicesVirtualDirectory | Format-List Server,WSSecurityAuthentication"),
        ],
        source: src::CALENDARING_RESOLVE_FREE_BUSY_ERRORS,
    },
    ErrorId {
        id: "The federation trust doesn't contain the same certificates",
        product: EXCHANGE,
        http_status: None,
        meaning: "Test-FederationTrust (step FederationMetadata) found that the certificates in the federation trust differ from those the Microsoft Federation Gateway publishes in its metadata.",
        causes: &["The gateway renewed its certificate and the trust's metadata was not refreshed since."],
        fixes: &[REFRESH_FEDERATION_TRUST],
        source: src::TECHNET_WIKI_TEST_FEDERATIONTRUST_FEDERATIONMETADATA,
    },
    ErrorId {
        id: "Unsupported security token",
        product: SHAREPOINT,
        http_status: Some(401),
        meaning: "SharePoint did not accept the kind of token it was sent.",
        causes: &[
            "A legacy add-in (Azure ACS) client id and secret were used against a SharePoint that no longer accepts them or a cloud where they do not work.",
            "The token was issued for another resource than SharePoint.",
        ],
        fixes: &[Fix::text("Register the app in Microsoft Entra ID and authenticate with a certificate for app-only SharePoint access; Azure ACS for SharePoint is retired.")],
        source: src::PNPJS_ISSUES_1501,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_ids_are_sorted_unique_and_sourced() {
        for pair in ERROR_IDS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for e in ERROR_IDS {
            assert!(e.id.len() >= 6, "{} is too short to find alone", e.id);
            assert!(!e.meaning.is_empty() && !e.product.is_empty(), "{}", e.id);
            assert!(!e.causes.is_empty() && !e.fixes.is_empty(), "{}", e.id);
            crate::knowledge::assert_source(e.source, e.id);
        }
        assert!(ERROR_IDS.len() >= 40);
    }

    #[test]
    fn ids_resolve_with_their_status_and_an_aadsts_name_is_not_declared_twice() {
        assert_eq!(error_id("AKV10022").unwrap().http_status, Some(401));
        assert_eq!(
            error_id("AuthorizationPermissionMismatch")
                .unwrap()
                .http_status,
            Some(403)
        );
        assert!(error_id("IDX10214").unwrap().meaning.contains("aud"));
        assert!(error_id("idx10214").is_none());
        let mut out = Vec::new();
        needles(&mut out);
        assert!(out.iter().any(|n| n.text == "NoFreeBusyAccessException"));
        assert!(!out.iter().any(|n| n.text == "AuthenticationFailed"));
    }
}
