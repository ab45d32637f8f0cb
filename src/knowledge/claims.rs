//! Table: JWT header parameters and claims (RFC 7519, OIDC, Entra v1/v2, Exchange and ACS S2S).

/// Where a claim's meaning comes from, which the report shows next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Registered by an RFC or OpenID Connect.
    Standard,
    /// Documented by Microsoft in the access or id token claims reference.
    Documented,
    /// A Microsoft optional claim (present only when configured).
    Optional,
    /// Used by Exchange, SharePoint or ACS server-to-server tokens.
    ServerToServer,
    /// Seen in real tokens, with no official definition found.
    Undocumented,
}

impl ClaimStatus {
    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Standard => "standard",
            ClaimStatus::Documented => "documented",
            ClaimStatus::Optional => "optional claim",
            ClaimStatus::ServerToServer => "Exchange/SharePoint S2S",
            ClaimStatus::Undocumented => "undocumented",
        }
    }
}

/// One claim or header parameter name with its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub name: &'static str,
    pub meaning: &'static str,
    pub status: ClaimStatus,
    pub source: &'static str,
}

/// Payload claims, sorted by `name`.
pub const CLAIMS: &[Claim] = &[
    Claim {
        name: "_claim_names",
        meaning: "Group overage: present instead of groups when the user is in too many groups (over 200 in a JWT); points to _claim_sources.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "_claim_sources",
        meaning: "Group overage: holds the Microsoft Graph endpoint to call to read the user's groups.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "acct",
        meaning: "Account type in the tenant: 0 member, 1 guest.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "acr",
        meaning: "v1 only: authentication context class; \"0\" means the sign-in did not meet ISO/IEC 29115.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "acrs",
        meaning: "Authentication context IDs (for example c1 to c25) the sign-in satisfied; used by Conditional Access claims challenges.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "act",
        meaning: "Actor: the party acting on behalf of the subject (token exchange).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC8693_SECTION_4_1,
    },
    Claim {
        name: "actortoken",
        meaning: "S2S: the signed actor (app) token carried inside an unsigned outer token that holds the user context (SharePoint high-trust, Exchange).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "aio",
        meaning: "Opaque value Entra uses internally; ignore it.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "altsecid",
        meaning: "Undocumented: appears to hold an alternative security identifier of the user (for example a federated or personal-account key) in tokens Exchange accepts.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "amr",
        meaning: "Authentication methods used (v1 only), for example pwd, rsa, mfa, wia.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "amurl",
        meaning: "Exchange identity and callback tokens: URL of the authentication metadata document that holds the signing key (inside appctx).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "app_displayname",
        meaning: "Undocumented: appears to hold the display name of the client app.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "appctx",
        meaning: "Exchange identity token or SharePoint context token: a JSON string with app context (Exchange: msexchuid, version, amurl).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "appctxsender",
        meaning: "Exchange identity token or SharePoint context token: who sent the app context (<principal id>@<realm or host>).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "appid",
        meaning: "v1: client ID of the app that requested the token.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "appidacr",
        meaning: "v1: how the client authenticated: 0 public client, 1 client secret, 2 certificate (or managed identity).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "apptype",
        meaning: "Undocumented: AD FS writes whether the client is a Public or Confidential client.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::OVERVIEW_AD_FS_OPENID_CONNECT_OAUTH_CONCEPTS,
    },
    Claim {
        name: "at_hash",
        meaning: "Access token hash: lets the client check the access token issued with this ID token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_IDTOKEN,
    },
    Claim {
        name: "aud",
        meaning: "Audience: the API (resource) this token is meant for; v2 always the API's client ID, v1 its client ID or resource URI.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "auth_time",
        meaning: "Time the user last authenticated.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "authmethod",
        meaning: "Undocumented: AD FS writes the method that authenticated the user (a SAML authentication context class or Windows authentication URI).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::OVERVIEW_AD_FS_OPENID_CONNECT_OAUTH_CONCEPTS,
    },
    Claim {
        name: "azp",
        meaning: "v2: client ID of the app that requested the token (authorized party).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "azpacr",
        meaning: "v2: how the client authenticated: 0 public client, 1 client secret, 2 certificate.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "c_hash",
        meaning: "Code hash: lets the client check the authorization code issued with this ID token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_HYBRIDIDTOKEN,
    },
    Claim {
        name: "cid",
        meaning: "Okta: client ID of the app that requested the token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::GUIDES_OVERVIEW,
    },
    Claim {
        name: "client_id",
        meaning: "Client ID of the app that requested the token (RFC 9068 access token profile).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC9068_SECTION_2_2,
    },
    Claim {
        name: "cnf",
        meaning: "Confirmation: the key the token is bound to (proof of possession).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7800_SECTION_3_1,
    },
    Claim {
        name: "controls",
        meaning: "Undocumented: appears to list session controls applied by Conditional Access (for example app_res).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "controls_auds",
        meaning: "Undocumented: appears to list the audiences the session controls apply to.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "ctry",
        meaning: "User's country or region (two letters).",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "deviceid",
        meaning: "Undocumented: appears to hold the Entra device ID of the device used to sign in.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "email",
        meaning: "Email address of the user, when known; not verified and may differ from the UPN.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "email_verified",
        meaning: "Whether the email address was verified.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_STANDARDCLAIMS,
    },
    Claim {
        name: "emails",
        meaning: "Azure AD B2C: the user's email addresses (an array).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW,
    },
    Claim {
        name: "exp",
        meaning: "Expiry: the token must not be accepted after this time (Unix seconds; some S2S tokens send it as a string).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "family_name",
        meaning: "User's last name.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_STANDARDCLAIMS,
    },
    Claim {
        name: "fwd",
        meaning: "IP address of the client that made the request when it went through a proxy.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "given_name",
        meaning: "User's first name.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_STANDARDCLAIMS,
    },
    Claim {
        name: "groups",
        meaning: "Object IDs of the groups the user belongs to (when group claims are configured).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "gty",
        meaning: "Auth0: grant type that produced the token; client-credentials means an app-only (machine-to-machine) token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::ACCESS_TOKENS_ACCESS_TOKEN_PROFILES,
    },
    Claim {
        name: "hasgroups",
        meaning: "Present (true) instead of groups when the groups do not fit in an implicit-flow token; read them from Microsoft Graph.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "hd",
        meaning: "Google: the Google Workspace (hosted) domain of the user.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::OPENID_CONNECT_OPENID_CONNECT,
    },
    Claim {
        name: "iat",
        meaning: "Issued at: when the token was issued (Unix seconds).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "identityprovider",
        meaning: "Undocumented: appears to name the identity provider of the user in SharePoint and Exchange S2S tokens.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "idp",
        meaning: "Identity provider that authenticated the subject; equals iss unless the user is a guest or personal account.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "idtyp",
        meaning: "Token type: app for app-only tokens (and user when include_user_token is set); the most reliable app-versus-user test.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "in_corp",
        meaning: "v1: the client signs in from the corporate network (from AD FS claims).",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "ipaddr",
        meaning: "v1: IP address the user authenticated from.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "isbrowserhostedapp",
        meaning: "Exchange identity token or SharePoint context token: true when the add-in runs in a browser.",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "iss",
        meaning: "Issuer: the STS and tenant that issued the token; v2 ends with /v2.0, v1 is https://sts.windows.net/<tenant>/.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "isuser",
        meaning: "Undocumented: appears in SharePoint and Exchange S2S tokens to say the context is a user.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "jti",
        meaning: "JWT ID: a unique identifier of the token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "login_hint",
        meaning: "An opaque, reliable login hint for the user, usable with prompt=none.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "msexchcallback",
        meaning: "Undocumented (decompiled Exchange code only): marks an Exchange callback token and its version, for example MsExtension.V1.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "msexchdauth",
        meaning: "Undocumented (decompiled Exchange code only): appears to relate to delegated (federation) authentication in Exchange tokens.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "msexchprot",
        meaning: "Undocumented (decompiled Exchange code only): the Exchange protocol a callback token is for (owa, ews, oab).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "msexchuid",
        meaning: "Exchange identity token: unique ID of the user's mailbox for the add-in (inside appctx).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "name",
        meaning: "Display name of the subject; for display only.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "nameid",
        meaning: "S2S: identity of the caller or user: <client id>@<realm> for an app, or a SID for an on-premises user (with nii).",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "nbf",
        meaning: "Not before: the token must not be accepted before this time.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "nickname",
        meaning: "v1: the user's nickname.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "nii",
        meaning: "S2S: name identifier issuer: which directory the nameid comes from, for example urn:office:idp:activedirectory for on-premises AD.",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "nonce",
        meaning: "Value from the sign-in request, echoed to stop replay; checked by the client.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_IDTOKEN,
    },
    Claim {
        name: "oid",
        meaning: "Object ID of the user or service principal in this tenant; stable across apps.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "onprem_sid",
        meaning: "v1: on-premises security identifier (SID) of a synced user.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "permissions",
        meaning: "Auth0: API permissions granted to the user or app (RBAC for APIs).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::ACCESS_TOKENS_ACCESS_TOKEN_PROFILES,
    },
    Claim {
        name: "platf",
        meaning: "Undocumented: appears to hold the device platform of the sign-in (a number).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "preferred_username",
        meaning: "v2: the user's sign-in name; can change, for display only.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "primarysid",
        meaning: "Undocumented: Exchange accepts it as the user's primary SID in S2S tokens.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "puid",
        meaning: "Undocumented: appears to hold the user's Passport-style unique ID (PUID) in hex.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "pwd_exp",
        meaning: "v1: seconds until the password expires.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "pwd_url",
        meaning: "v1: URL where the user can change the password.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "ref",
        meaning: "GitHub Actions: the git ref the workflow ran for.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
    Claim {
        name: "refreshtoken",
        meaning: "SharePoint context token: the refresh token the add-in redeems for access tokens.",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::SP_ADD_INS_HANDLE_SECURITY_TOKENS_IN_PROVIDER_HOSTED_LOW_TRU,
    },
    Claim {
        name: "repository",
        meaning: "GitHub Actions: the repository whose workflow requested the token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
    Claim {
        name: "repository_owner",
        meaning: "GitHub Actions: the owner (user or organisation) of the repository.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
    Claim {
        name: "rh",
        meaning: "Opaque value Entra uses to revalidate tokens; ignore it.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "roles",
        meaning: "Application permissions in app-only tokens, or app roles assigned to the user in user tokens.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "run_id",
        meaning: "GitHub Actions: the id of the workflow run.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
    Claim {
        name: "scope",
        meaning: "Undocumented: Exchange callback tokens appear to carry a scope that limits them (and shortens their lifetime).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "scp",
        meaning: "Delegated permissions (scopes) the user consented to, space-separated; user tokens only.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "sid",
        meaning: "Session ID of the user's sign-in session.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "signin_state",
        meaning: "Undocumented: appears to list sign-in state flags such as kmsi (stay signed in), dvc_mngd (managed device) and dvc_cmp (compliant device).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "sip",
        meaning: "Undocumented: Exchange accepts the user's SIP address as user context in S2S tokens.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "smtp",
        meaning: "Undocumented: Exchange accepts the user's SMTP address as user context in S2S and callback tokens.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::PIRATESRE_EXCHANGE_DIFF,
    },
    Claim {
        name: "sub",
        meaning: "Subject: a pairwise identifier of the user for this app.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    Claim {
        name: "tenant_ctry",
        meaning: "Country or region of the tenant.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "tenant_region_scope",
        meaning: "Region of the tenant.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "tfp",
        meaning: "Azure AD B2C: trust framework policy, the name of the user flow or custom policy that issued the token (acr holds it instead when configured).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW,
    },
    Claim {
        name: "tid",
        meaning: "Tenant ID: the tenant that issued the token, for a user the tenant they signed in to (9188040d-6c67-4c5b-b112-36a304b66dad for personal accounts).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "trustedfordelegation",
        meaning: "S2S: true when the actor (app) may act on behalf of a user context.",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    },
    Claim {
        name: "uid",
        meaning: "Okta: the user's id in Okta.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::GUIDES_OVERVIEW,
    },
    Claim {
        name: "unique_name",
        meaning: "v1: a readable name of the user; for display only.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "upn",
        meaning: "User principal name; v1 by default, optional in v2; for display only.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "uti",
        meaning: "Token identifier Entra uses internally (similar to jti).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "ver",
        meaning: "Token version: 1.0 or 2.0, set by the API's accessTokenAcceptedVersion.",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "verified_primary_email",
        meaning: "The user's primary email address from a verified source.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "verified_secondary_email",
        meaning: "The user's secondary email addresses from a verified source.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "version",
        meaning: "Exchange tokens: the token kind, for example ExIdTok.V1 (identity token) inside appctx.",
        status: ClaimStatus::ServerToServer,
        source: crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    Claim {
        name: "vnet",
        meaning: "Virtual network information of the request.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "wids",
        meaning: "Directory role template IDs the user holds in the tenant (for example 62e90394-... Global Administrator).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "workflow",
        meaning: "GitHub Actions: the workflow name.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    },
    Claim {
        name: "xms_acd",
        meaning: "Undocumented: seen in recent tokens; meaning unknown.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_act_fct",
        meaning: "Undocumented: seen in recent tokens; appears to hold actor facts as numbers.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_ar",
        meaning: "Undocumented: seen in real tokens; meaning unknown.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_cc",
        meaning: "Client capabilities of the app; cp1 means it can handle claims challenges (CAE).",
        status: ClaimStatus::Documented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE,
    },
    Claim {
        name: "xms_edov",
        meaning: "Whether the email domain owner is verified.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_ftd",
        meaning: "Undocumented: seen in real tokens; appears to be an opaque value set by Entra.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_idrel",
        meaning: "Undocumented: seen in real tokens as two numbers (for example \"7 10\" in a managed identity token); appears to describe the identity relationship.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_mirid",
        meaning: "Undocumented: in managed identity tokens, appears to hold the Azure Resource Manager ID of the managed identity (or of the resource it belongs to).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::MANAGED_IDENTITIES_AZURE_RESOURCES_OVERVIEW,
    },
    Claim {
        name: "xms_pdl",
        meaning: "Preferred data location of the user (multi-geo).",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_pftexp",
        meaning: "Undocumented: seen in recent tokens; appears to be an expiry time (Unix seconds).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_pl",
        meaning: "User's preferred language.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_ssm",
        meaning: "Undocumented: seen in real tokens; meaning unknown.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_st",
        meaning: "Undocumented: appears to hold the subject (sub) of the original token as an object.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_sub_fct",
        meaning: "Undocumented: seen in recent tokens; appears to hold subject facts as numbers.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_tcdt",
        meaning: "Undocumented: appears to hold the tenant creation time (Unix seconds).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_tdbr",
        meaning: "Undocumented: appears to hold the tenant data boundary region (for example EU).",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_tpl",
        meaning: "Tenant's preferred language.",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Claim {
        name: "xms_trpid",
        meaning: "Undocumented: appears to carry the tenant restrictions v2 policy ID; Global Secure Access reports its absence when tenant restrictions block the request.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS,
    },
    Claim {
        name: "ztdid",
        meaning: "Zero-touch deployment ID of the device (Windows Autopilot).",
        status: ClaimStatus::Optional,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
];

/// Header parameters, sorted by `name`.
pub const HEADER_PARAMS: &[Claim] = &[
    Claim {
        name: "alg",
        meaning: "Signature (or key management) algorithm, for example RS256; none means unsigned (S2S outer tokens).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "apu",
        meaning: "Agreement PartyUInfo for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "apv",
        meaning: "Agreement PartyVInfo for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "crit",
        meaning: "Lists header parameters the recipient must understand.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "cty",
        meaning: "Content type of the payload, for example JWT for a nested token.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "enc",
        meaning: "Content encryption algorithm of an encrypted token (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7516_SECTION_4_1,
    },
    Claim {
        name: "epk",
        meaning: "Ephemeral public key for ECDH key agreement (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "iv",
        meaning: "Initialization vector for AES-GCM key wrapping (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "jku",
        meaning: "URL of a JWK Set that holds the signing key.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "jwk",
        meaning: "The public signing key itself, as a JWK.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "kid",
        meaning: "Key ID: names the signing key in the issuer's JWKS (for Entra the same value as x5t).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "nonce",
        meaning: "Microsoft Graph tokens carry a nonce in the header; the token is signed over a hash of it, so standard libraries cannot verify it. Do not validate tokens for APIs you do not own.",
        status: ClaimStatus::Undocumented,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
    Claim {
        name: "p2c",
        meaning: "PBES2 iteration count (JWE password-based encryption).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "p2s",
        meaning: "PBES2 salt input (JWE password-based encryption).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "tag",
        meaning: "Authentication tag for AES-GCM key wrapping (JWE).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7518_SECTION_4,
    },
    Claim {
        name: "typ",
        meaning: "Media type of the token: JWT for Entra tokens; at+jwt marks an OAuth access token in the RFC 9068 profile (other identity providers).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5c",
        meaning: "Certificate chain of the signing key, base64 DER, leaf first.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5t",
        meaning: "Base64url SHA-1 thumbprint of the signing certificate; legacy, v1 only (Entra sends the same value as kid).",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Claim {
        name: "x5t#S256",
        meaning: "Base64url SHA-256 thumbprint of the signing certificate.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "x5u",
        meaning: "URL of the signing certificate or chain.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7515_SECTION_4_1,
    },
    Claim {
        name: "zip",
        meaning: "Compression applied before encryption (JWE), for example DEF.",
        status: ClaimStatus::Standard,
        source: crate::knowledge::sources::DOC_RFC7516_SECTION_4_1,
    },
];

/// A value of the `amr` (authentication methods) claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmrValue {
    pub value: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `value`.
pub const AMR_VALUES: &[AmrValue] = &[
    AmrValue {
        value: "face",
        meaning: "Facial recognition (biometric).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "fed",
        meaning: "Federated: a federated identity provider (for example AD FS) authenticated the user.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "fido",
        meaning: "FIDO2 security key or passkey; seen in real Entra tokens but not in Microsoft's list of amr values.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "fpt",
        meaning: "Fingerprint (biometric).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "hwk",
        meaning: "Proof of possession of a hardware-secured key.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "kba",
        meaning: "Knowledge-based authentication (security questions).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "mca",
        meaning: "Multiple-channel authentication.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "mfa",
        meaning: "Multifactor authentication was used.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "ngcmfa",
        meaning: "Windows Hello for Business or another strong credential equivalent to MFA.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "none",
        meaning: "No authentication was done (for example an app-only token).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "otp",
        meaning: "One-time passcode (email or text message).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "pin",
        meaning: "Personal identification number (PIN).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "pwd",
        meaning: "Password (or, for an app, a client secret).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "rsa",
        meaning: "Proof of an RSA key, for example the Authenticator app or a self-signed JWT signed with a certificate.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "sc",
        meaning: "Smart card.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "sms",
        meaning: "Confirmation by SMS text message.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "swk",
        meaning: "Proof of possession of a software-secured key.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "tel",
        meaning: "Confirmation by telephone call.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "user",
        meaning: "User presence test (for example a touch).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "wia",
        meaning: "Windows Integrated Authentication (Kerberos or NTLM).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "wiaormfa",
        meaning: "The user signed in with Windows Integrated Authentication or with MFA.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
];

/// A well-known delegated scope (`scp`) or application permission (`roles`) value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `name` (byte order, so upper case first).
pub const PERMISSIONS: &[Permission] = &[
    Permission {
        name: "Application.ReadWrite.All",
        meaning: "Create and change every app registration and service principal in the tenant (highly privileged).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Directory.Read.All",
        meaning: "Read all directory data: users, groups, apps and devices.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Directory.ReadWrite.All",
        meaning: "Read and write all directory data (highly privileged).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "EWS.AccessAsUser.All",
        meaning: "Full access to the signed-in user's mailbox (and mailboxes shared with the user) through EWS.",
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Permission {
        name: "Exchange.ManageAsApp",
        meaning: "Run Exchange Online PowerShell as the app (app-only); the app also needs an Exchange or Entra admin role.",
        source: crate::knowledge::sources::EXCHANGE_APP_ONLY_AUTH_POWERSHELL_V2,
    },
    Permission {
        name: "Files.Read.All",
        meaning: "Read all files the user can access (delegated) or every file in the tenant (application).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "GroupMember.Read.All",
        meaning: "Read group memberships, which an app needs to read a user's groups after a group overage.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "IMAP.AccessAsApp",
        meaning: "Read every mailbox through IMAP as the app; each mailbox must also be granted to the app's service principal in Exchange.",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "IMAP.AccessAsUser.All",
        meaning: "Read the signed-in user's mailbox through IMAP.",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "Mail.Read",
        meaning: "Read mail: the user's mailbox (delegated) or every mailbox in the tenant unless an application access policy limits it (application).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Mail.ReadWrite",
        meaning: "Read and change mail: the user's mailbox (delegated) or every mailbox (application).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Mail.Send",
        meaning: "Send mail as the user (delegated) or as any user in the tenant (application).",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "POP.AccessAsApp",
        meaning: "Read every mailbox through POP as the app; each mailbox must also be granted to the app's service principal in Exchange.",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "POP.AccessAsUser.All",
        meaning: "Read the signed-in user's mailbox through POP.",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "SMTP.Send",
        meaning: "Send mail as the signed-in user through SMTP AUTH (client submission).",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "SMTP.SendAsApp",
        meaning: "Send mail through SMTP AUTH as the app, for mailboxes granted to its service principal in Exchange.",
        source: crate::knowledge::sources::LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    },
    Permission {
        name: "Sites.FullControl.All",
        meaning: "Full control of every SharePoint site collection.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Sites.Read.All",
        meaning: "Read items in every SharePoint site.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "Sites.Selected",
        meaning: "Access only the SharePoint sites that an administrator granted to this app one by one.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "User.Read",
        meaning: "Sign the user in and read their own profile.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "User.Read.All",
        meaning: "Read every user's full profile.",
        source: crate::knowledge::sources::GRAPH_PERMISSIONS_REFERENCE,
    },
    Permission {
        name: "email",
        meaning: "OpenID Connect scope: the user's email address in the id token.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_SCOPES_OIDC,
    },
    Permission {
        name: "full_access_as_app",
        meaning: "Exchange Online application permission: full access to every mailbox in the tenant through EWS, with no signed-in user (limit it with RBAC for Applications or an application access policy).",
        source: crate::knowledge::sources::EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    },
    Permission {
        name: "offline_access",
        meaning: "OpenID Connect scope: the app may receive a refresh token.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_SCOPES_OIDC,
    },
    Permission {
        name: "openid",
        meaning: "OpenID Connect scope: the app may sign the user in and get an id token.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_SCOPES_OIDC,
    },
    Permission {
        name: "profile",
        meaning: "OpenID Connect scope: basic profile claims in the id token.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_SCOPES_OIDC,
    },
    Permission {
        name: "user_impersonation",
        meaning: "Access the API as the signed-in user (the usual delegated scope of Azure Resource Manager, Azure DevOps, Key Vault and many custom APIs).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_QUICKSTART_CONFIGURE_APP_EXPOSE_WEB_APIS,
    },
];

/// Looks up a permission name exactly (permission names are case-sensitive in tokens).
pub fn permission(name: &str) -> Option<&'static Permission> {
    PERMISSIONS
        .binary_search_by(|p| p.name.cmp(name))
        .ok()
        .map(|i| &PERMISSIONS[i])
}

/// Looks up a payload claim by exact name.
pub fn claim(name: &str) -> Option<&'static Claim> {
    CLAIMS
        .binary_search_by(|c| c.name.cmp(name))
        .ok()
        .map(|i| &CLAIMS[i])
}

/// A claim whose meaning depends on the kind of token that carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextualClaim {
    pub name: &'static str,
    /// The kind of token: `app_only`, `b2c`, `client_assertion` or `generic`.
    pub context: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `name`, then `context`.
pub const CONTEXTUAL_CLAIMS: &[ContextualClaim] = &[
    ContextualClaim {
        name: "acr",
        context: "b2c",
        meaning: "Azure AD B2C: the name of the user flow or custom policy that issued the token (B2C writes it here instead of tfp when so configured); not the Entra v1 authentication context.",
        source: crate::knowledge::sources::ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW,
    },
    ContextualClaim {
        name: "acr",
        context: "generic",
        meaning: "Authentication context class reference: how strongly the issuer authenticated the user, in the issuer's own values.",
        source: crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_IDTOKEN,
    },
    ContextualClaim {
        name: "aud",
        context: "client_assertion",
        meaning: "Client assertion: must be the token endpoint the request goes to, https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token (or /oauth2/token for the v1.0 endpoint).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    },
    ContextualClaim {
        name: "iss",
        context: "client_assertion",
        meaning: "Client assertion: must be the client ID (Application ID) of the app that signs it.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    },
    ContextualClaim {
        name: "jti",
        context: "client_assertion",
        meaning: "Client assertion: a unique identifier (a GUID) so that Entra can refuse a replayed assertion.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    },
    ContextualClaim {
        name: "oid",
        context: "app_only",
        meaning: "App-only token: the object ID of the client app's service principal in this tenant (the identity to look for in role assignments and logs).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    ContextualClaim {
        name: "sub",
        context: "app_only",
        meaning: "App-only token: the subject is the client app's service principal (here the same value as oid), not a user.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    ContextualClaim {
        name: "sub",
        context: "client_assertion",
        meaning: "Client assertion: must be the client ID, the same value as iss.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    },
    ContextualClaim {
        name: "sub",
        context: "generic",
        meaning: "Subject: the user or client the token is about, as the issuer identifies it.",
        source: crate::knowledge::sources::DOC_RFC7519_SECTION_4_1,
    },
    ContextualClaim {
        name: "tid",
        context: "app_only",
        meaning: "App-only token: the tenant the app got the token in (where its service principal and permission grants live).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
];

/// Looks up the meaning of a claim in one kind of token.
pub fn contextual(name: &str, context: &str) -> Option<&'static ContextualClaim> {
    CONTEXTUAL_CLAIMS
        .binary_search_by(|c| (c.name, c.context).cmp(&(name, context)))
        .ok()
        .map(|i| &CONTEXTUAL_CLAIMS[i])
}

/// A failure Entra reports for a client assertion, with what to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssertionFailure {
    /// The AADSTS code.
    pub code: u32,
    pub meaning: &'static str,
    pub check: &'static str,
    pub source: &'static str,
}

/// Sorted by `code`.
pub const ASSERTION_FAILURES: &[AssertionFailure] = &[
    AssertionFailure {
        code: 50012,
        meaning: "Authentication failed; older responses wrap the same causes as AADSTS70002 plus AADSTS50012 (for example \"Client assertion is not within its valid time range\").",
        check: "Read the text after the code: it names the time range or the key problem.",
        source: crate::knowledge::sources::ISSUES_46,
    },
    AssertionFailure {
        code: 70002,
        meaning: "Error validating the client credentials (invalid_client).",
        check: "The assertion's certificate is not on the app, or iss/sub is not the client_id of the request.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_REFERENCE_ERROR_CODES,
    },
    AssertionFailure {
        code: 700024,
        meaning: "Client assertion is not within its valid time range; the message shows the current time and the assertion's nbf and exp (valid from 1970 means nbf was missing).",
        check: "Make the assertion just before the request and check the signing machine's clock and time zone (times must be UTC Unix seconds).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    },
    AssertionFailure {
        code: 700027,
        meaning: "Client assertion contains an invalid signature; the reason says \"The key was not found\" (thumbprint not on the app), \"The key used is expired\" (the registered certificate passed its end date) or that the signature did not match.",
        check: "Compare \"Thumbprint of key used by client\" in the message with the thumbprint this report shows and with the certificates on the app registration; upload a new certificate if it expired.",
        source: crate::knowledge::sources::ISSUES_2785,
    },
];

/// Looks up a header parameter by exact name.
pub fn header_param(name: &str) -> Option<&'static Claim> {
    HEADER_PARAMS
        .binary_search_by(|c| c.name.cmp(name))
        .ok()
        .map(|i| &HEADER_PARAMS[i])
}

/// Looks up an `amr` value.
pub fn amr(value: &str) -> Option<&'static AmrValue> {
    AMR_VALUES
        .binary_search_by(|a| a.value.cmp(value))
        .ok()
        .map(|i| &AMR_VALUES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(table: &[Claim]) {
        for pair in table.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} must sort before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for c in table {
            assert!(c.meaning.len() > 5, "{} needs a meaning", c.name);
            crate::knowledge::assert_source(c.source, c.name);
        }
    }

    #[test]
    fn claim_tables_are_sorted_unique_and_sourced() {
        check(CLAIMS);
        check(HEADER_PARAMS);
        for pair in AMR_VALUES.windows(2) {
            assert!(pair[0].value < pair[1].value);
        }
        for a in AMR_VALUES {
            crate::knowledge::assert_source(a.source, a.value);
        }
    }

    #[test]
    fn permissions_are_sorted_sourced_and_exchange_ones_are_known() {
        for pair in PERMISSIONS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for p in PERMISSIONS {
            crate::knowledge::assert_source(p.source, p.name);
        }
        assert!(permission("full_access_as_app")
            .unwrap()
            .meaning
            .contains("every mailbox"));
        assert!(permission("EWS.AccessAsUser.All").is_some());
        assert!(permission("mail.read").is_none());
    }

    #[test]
    fn contextual_meanings_and_assertion_failures_are_sorted_and_sourced() {
        for pair in CONTEXTUAL_CLAIMS.windows(2) {
            assert!((pair[0].name, pair[0].context) < (pair[1].name, pair[1].context));
        }
        for c in CONTEXTUAL_CLAIMS {
            crate::knowledge::assert_source(c.source, c.name);
        }
        for pair in ASSERTION_FAILURES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for f in ASSERTION_FAILURES {
            crate::knowledge::assert_source(f.source, f.meaning);
        }
        assert!(!contextual("sub", "app_only")
            .unwrap()
            .meaning
            .contains("user for"));
        assert!(contextual("acr", "b2c").unwrap().meaning.contains("policy"));
        assert!(contextual("aud", "b2c").is_none());
    }

    #[test]
    fn lookups_find_known_names_only() {
        assert!(claim("aud").is_some());
        assert!(claim("no_such_claim").is_none());
        assert!(header_param("alg").is_some());
        assert!(amr("pwd").is_some());
    }

    #[test]
    fn undocumented_claims_say_so_in_their_meaning() {
        for c in CLAIMS
            .iter()
            .filter(|c| c.status == ClaimStatus::Undocumented)
        {
            assert!(
                c.meaning.starts_with("Undocumented"),
                "{} is undocumented and must say so",
                c.name
            );
        }
    }

    #[test]
    fn required_claims_and_headers_are_present() {
        for name in [
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "nonce",
            "at_hash",
            "c_hash",
            "auth_time",
            "acr",
            "amr",
            "azp",
            "sid",
            "email",
            "name",
            "preferred_username",
            "login_hint",
            "nameid",
            "nii",
            "actortoken",
            "trustedfordelegation",
            "appctx",
            "appctxsender",
            "isbrowserhostedapp",
            "smtp",
            "sip",
            "upn",
            "puid",
            "msexchuid",
            "msexchcallback",
            "msexchprot",
            "amurl",
            "version",
            "scope",
            "onprem_sid",
            "appidacr",
            "azpacr",
            "idtyp",
            "wids",
            "xms_cc",
            "xms_mirid",
            "xms_idrel",
            "_claim_names",
            "_claim_sources",
            "hasgroups",
            "groups",
            "roles",
            "scp",
            "tid",
            "oid",
            "ver",
            "uti",
            "rh",
            "aio",
            "cnf",
        ] {
            assert!(claim(name).is_some(), "claim {name} missing");
        }
        for name in [
            "typ", "alg", "kid", "x5t", "x5t#S256", "x5c", "x5u", "jku", "jwk", "cty", "crit",
            "enc", "zip", "nonce",
        ] {
            assert!(header_param(name).is_some(), "header {name} missing");
        }
        let x5t = header_param("x5t").unwrap().meaning;
        assert!(x5t.contains("SHA-1") && x5t.contains("v1 only"));
        let nonce = header_param("nonce").unwrap().meaning;
        assert!(nonce.contains("Microsoft Graph") && nonce.contains("cannot verify"));
        assert_eq!(
            amr("wia").map(|a| a.meaning),
            Some("Windows Integrated Authentication (Kerberos or NTLM).")
        );
        assert_eq!(
            claim("xms_mirid").map(|c| c.status),
            Some(ClaimStatus::Undocumented)
        );
        assert_eq!(
            claim("idtyp").map(|c| c.status),
            Some(ClaimStatus::Optional)
        );
        assert_eq!(
            claim("nameid").map(|c| c.status),
            Some(ClaimStatus::ServerToServer)
        );
    }
}
