//! Tables: claims whose meaning depends on the kind of token, and the failures Entra reports
//! for a client assertion.

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
