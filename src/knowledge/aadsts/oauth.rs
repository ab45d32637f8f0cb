//! OAuth 2.0 `error` values and the `suberror` values Microsoft Entra adds to them.

use super::AADSTS_REFERENCE;

/// A `suberror` value that Microsoft Entra adds to `interaction_required` and `invalid_grant` errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suberror {
    pub suberror: &'static str,
    pub meaning: &'static str,
    /// What the app (or the user) should do.
    pub fix: &'static str,
    pub source: &'static str,
}

const MSAL_ERRORS: &str = crate::knowledge::sources::EXCEPTIONS_MSAL_ERROR_HANDLING;
const MSAL_NET_SOURCE: &str =
    crate::knowledge::sources::AZUREAD_MICROSOFT_AUTHENTICATION_LIBRARY_FOR_DOTNET;

/// Sorted by `suberror`.
pub const SUBERRORS: &[Suberror] = &[
    Suberror {
        suberror: "additional_action",
        meaning: "The user can fix this, but must do more than sign in again: for example register for MFA or accept terms of use.",
        fix: "Show an interactive sign-in; tell the user an extra step (such as MFA registration) is needed.",
        source: MSAL_ERRORS,
    },
    Suberror {
        suberror: "bad_token",
        meaning: "The refresh token is invalid (revoked, expired or damaged); MSAL drops it from its cache.",
        fix: "Sign the user in again interactively; nothing else recovers a bad refresh token.",
        source: MSAL_NET_SOURCE,
    },
    Suberror {
        suberror: "basic_action",
        meaning: "A plain interactive sign-in fixes it (for example the session expired).",
        fix: "Call AcquireTokenInteractive (or redirect to sign-in) for the same scopes.",
        source: MSAL_ERRORS,
    },
    Suberror {
        suberror: "client_mismatch",
        meaning: "The refresh token belongs to another client (app id) than the one that redeemed it, for example a token shared between apps outside a family of client IDs.",
        fix: "Redeem refresh tokens only with the client that got them; sign the user in to this app interactively.",
        source: MSAL_NET_SOURCE,
    },
    Suberror {
        suberror: "consent_required",
        meaning: "The user (or an admin) must consent to the requested permissions first.",
        fix: "Send an interactive request so the user can consent, or have an admin grant consent for the tenant.",
        source: MSAL_ERRORS,
    },
    Suberror {
        suberror: "device_authentication_failed",
        meaning: "The device's identity could not be proven (device certificate or Primary Refresh Token problem), so a device-based Conditional Access policy failed.",
        fix: "Check the device with dsregcmd /status (AzureAdJoined, AzureAdPrt); re-register or rejoin the device if the PRT is missing.",
        source: MSAL_NET_SOURCE,
    },
    Suberror {
        suberror: "message_only",
        meaning: "The user cannot fix this by signing in; the app can only show the message (for example a policy blocks the access).",
        fix: "Show the error to the user and have an admin check the sign-in log for the correlation ID.",
        source: MSAL_ERRORS,
    },
    Suberror {
        suberror: "token_expired",
        meaning: "The refresh token expired.",
        fix: "Sign the user in again interactively.",
        source: MSAL_NET_SOURCE,
    },
    Suberror {
        suberror: "user_password_expired",
        meaning: "The user's password expired and must be changed.",
        fix: "Send the user to an interactive sign-in, where Entra asks for a new password (or reset it in the admin center).",
        source: MSAL_ERRORS,
    },
];

/// Looks up a `suberror` value.
pub fn suberror(value: &str) -> Option<&'static Suberror> {
    SUBERRORS
        .iter()
        .find(|s| s.suberror.eq_ignore_ascii_case(value))
}

/// An OAuth 2.0 `error` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuthError {
    pub error: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const RFC6749_TOKEN: &str = crate::knowledge::sources::DOC_RFC6749_SECTION_5_2;
const RFC6749_AUTHZ: &str = crate::knowledge::sources::DOC_RFC6749_SECTION_4_1_2_1;
const RFC6750: &str = crate::knowledge::sources::DOC_RFC6750_SECTION_3_1;
const RFC8628: &str = crate::knowledge::sources::DOC_RFC8628_SECTION_3_5;
const OIDC_ERRORS: &str = crate::knowledge::sources::SPECS_OPENID_CONNECT_CORE_1_0_AUTHERROR;

/// Sorted by `error`.
pub const OAUTH_ERRORS: &[OAuthError] = &[
    OAuthError {
        error: "access_denied",
        meaning: "The user or the server refused the request (for example the user declined consent).",
        source: RFC6749_AUTHZ,
    },
    OAuthError {
        error: "authorization_pending",
        meaning: "Device code flow: the user has not finished signing in yet; keep polling.",
        source: RFC8628,
    },
    OAuthError {
        error: "consent_required",
        meaning: "The user must consent before a token can be issued; a silent request cannot do that.",
        source: OIDC_ERRORS,
    },
    OAuthError {
        error: "expired_token",
        meaning: "Device code flow: the device code expired; start the flow again.",
        source: RFC8628,
    },
    OAuthError {
        error: "insufficient_claims",
        meaning: "Claims challenge: the token lacks claims the API needs (for example MFA or a fresh sign-in); send the claims from the challenge in a new token request.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE,
    },
    OAuthError {
        error: "insufficient_scope",
        meaning: "The token is valid but lacks the scope or permission this call needs.",
        source: RFC6750,
    },
    OAuthError {
        error: "interaction_required",
        meaning: "The request needs user interaction (MFA, consent, a policy); retry interactively for the same resource.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_client",
        meaning: "Client authentication failed: the client secret or certificate is wrong, expired or missing.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_grant",
        meaning: "The grant (code, refresh token, assertion or PKCE verifier) is invalid, expired or revoked.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_request",
        meaning: "Protocol error, such as a missing or repeated parameter; fix the request and resend it.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_resource",
        meaning: "The resource does not exist, cannot be found or is not set up in the tenant.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_scope",
        meaning: "The scope requested is invalid, unknown or malformed.",
        source: RFC6749_TOKEN,
    },
    OAuthError {
        error: "invalid_target",
        meaning: "The resource (target) requested is invalid or not allowed for this client.",
        source: crate::knowledge::sources::DOC_RFC8707_SECTION_2,
    },
    OAuthError {
        error: "invalid_tenant",
        meaning: "The tenant in the authority was not found (wrong tenant id or domain, or the wrong cloud).",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "invalid_token",
        meaning: "The access token sent to the API is expired, revoked, malformed or not meant for it.",
        source: RFC6750,
    },
    OAuthError {
        error: "login_required",
        meaning: "A silent request (prompt=none) found no signed-in user; sign in interactively.",
        source: OIDC_ERRORS,
    },
    OAuthError {
        error: "server_error",
        meaning: "The authorization server hit an unexpected error; retry later.",
        source: RFC6749_AUTHZ,
    },
    OAuthError {
        error: "slow_down",
        meaning: "Device code flow: polling too fast; add 5 seconds to the polling interval.",
        source: RFC8628,
    },
    OAuthError {
        error: "temporarily_unavailable",
        meaning: "The server is too busy right now; retry the request later.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "unauthorized_client",
        meaning: "The client is not allowed to use this grant type, often because the app is not registered or not added to the tenant.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "unsupported_grant_type",
        meaning: "The server does not support this grant_type.",
        source: AADSTS_REFERENCE,
    },
    OAuthError {
        error: "unsupported_response_type",
        meaning: "The server does not support this response_type for the client.",
        source: RFC6749_AUTHZ,
    },
];

/// Looks up an OAuth `error` value.
pub fn oauth_error(error: &str) -> Option<&'static OAuthError> {
    OAUTH_ERRORS.iter().find(|e| e.error == error)
}
