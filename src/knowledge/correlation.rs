//! Table: the situations that cross-artifact diagnoses name, their fixes, and the resource to ask for.

use crate::knowledge::apps::ids::{EXCHANGE, GRAPH, SHAREPOINT};
use crate::knowledge::sources;
use crate::knowledge::Fix;

/// A situation a diagnosis recognises: what it is, why it happens, how to fix it, and where it is
/// described. The correlator turns it into a finding and adds the artifacts that show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    pub title: &'static str,
    pub explanation: &'static str,
    /// Likely causes, most likely first.
    pub causes: &'static [&'static str],
    pub steps: &'static [Fix],
    pub source: &'static str,
}

/// The resource to ask a token for, by the client_id of the challenge that refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResourceFor {
    /// Lower-case application id named by the challenge's client_id.
    pub client_id: &'static str,
    /// How a finding names the resource to request.
    pub resource: &'static str,
    pub source: &'static str,
}

/// Sorted by `client_id`.
pub const RESOURCE_FOR: &[ResourceFor] = &[
    ResourceFor {
        client_id: EXCHANGE,
        resource: "Exchange: https://outlook.office365.com for Exchange Online, or the on-premises host (https://mail.contoso.com) in hybrid",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
    ResourceFor {
        client_id: GRAPH,
        resource: "Microsoft Graph: https://graph.microsoft.com",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
    ResourceFor {
        client_id: SHAREPOINT,
        resource: "SharePoint: the SharePoint resource https://<tenant>.sharepoint.com",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
];

/// The resource row for a challenge's client_id, compared without case.
pub fn resource_for(client_id: &str) -> Option<&'static ResourceFor> {
    RESOURCE_FOR
        .iter()
        .find(|r| r.client_id.eq_ignore_ascii_case(client_id))
}

/// A token whose audience starts with this is a Microsoft Graph token (as is one for `ids::GRAPH`).
pub const GRAPH_AUDIENCE: &str = "https://graph.microsoft.com";

/// Entra's login host, the start of its v2.0 issuers and of its key addresses.
pub const ENTRA_LOGIN: &str = "https://login.microsoftonline.com/";
/// The start of Entra's v1.0 issuers.
pub const ENTRA_V1_ISSUER: &str = "https://sts.windows.net/";
/// Where Entra publishes the signing keys of v1.0 tokens.
pub const ENTRA_V1_KEYS: &str = "https://login.microsoftonline.com/common/discovery/keys";
/// The path after `ENTRA_LOGIN` and the tenant where Entra publishes the keys of v2.0 tokens.
pub const ENTRA_V2_KEYS_PATH: &str = "/discovery/v2.0/keys";

/// Adding V1S2SAppOnly to the OAuthHttpModule profiles of on-premises Exchange REST.
pub const WEB_CONFIG_V1S2S: Fix = Fix::command(
    "On every Exchange server, add V1S2SAppOnly to the OAuthHttpModule.Profiles value in FrontEnd\\HttpProxy\\rest\\web.config (a community workaround), then restart IIS.",
    "notepad \"$env:ExchangeInstallPath\\FrontEnd\\HttpProxy\\rest\\web.config\"\n# <add key=\"OAuthHttpModule.Profiles\" value=\"...;V1S2SAppOnly\" />\niisreset",
)
.unsupported();

/// Giving the on-premises 'Microsoft Graph' partner application app-only permissions.
pub const APP_ONLY_PERMISSIONS: Fix = Fix::command(
    "Give the 'Microsoft Graph' partner application app-only permissions by copying its ActAsPermissions (a community workaround), then restart IIS.",
    "Set-PartnerApplication -Identity \"Microsoft Graph\" -AppOnlyPermissions (Get-PartnerApplication \"Microsoft Graph\").ActAsPermissions\niisreset",
)
.unsupported();

const HYBRID_ALTERNATIVES: Fix = Fix::text("Supported alternatives: use delegated permissions (a signed-in user), or move the mailbox to Exchange Online.");

/// An app-only Exchange call made with a client secret where a certificate is required.
pub const SECRET_INSTEAD_OF_CERTIFICATE: Situation = Situation {
    title: "The app authenticated with a client secret; Exchange requires a certificate",
    explanation: "The token has appidacr 1 (or was requested with client_secret): the app proved itself with a secret, which Exchange reports as auth strength 1. This API requires strength 2: a certificate (signed client assertion).",
    causes: &["The app registration uses a client secret for an app-only Exchange call."],
    steps: &[
        Fix::text("Upload a certificate (public key) to the app registration under Certificates & secrets."),
        Fix::text("Acquire the token with that certificate (MSAL: WithCertificate / client_assertion) instead of client_secret; the new token shows appidacr 2."),
    ],
    source: sources::ISSUES_401,
};

/// An app-only call whose token has no roles claim.
pub const MISSING_ROLES: Situation = Situation {
    title: "The token carries no application permissions (roles claim)",
    explanation: "App-only calls are authorised by the roles claim, which holds the application permissions granted to the app. A token with only delegated permissions (scp) or no permissions is refused.",
    causes: &[
        "The app registration has Delegated permissions where Application permissions are needed (or none at all).",
        "Admin consent for the application permissions was never granted.",
    ],
    steps: &[
        Fix::text("In the app registration, add the API's Application permissions (not Delegated), for example Mail.Read under Office 365 Exchange Online or Microsoft Graph."),
        Fix::text("Grant admin consent for the tenant, then acquire a new token with the client credentials flow and check that it has a roles claim."),
    ],
    source: sources::EXCHANGEDEV_BUILDING_DAEMON_OR_SERVICE_APPS_WITH_OFFICE_365,
};

/// `MISSING_ROLES` when the paste shows a delegated token (scopes, no roles).
pub const MISSING_ROLES_DELEGATED_TITLE: &str =
    "Delegated token (scp only) where an application permission is needed";

/// Exchange Server refusing an app-only Graph call because of the Graph partner application.
pub const HYBRID_GRAPH_APP_ONLY: Situation = Situation {
    title: "App-only Microsoft Graph call reached an on-premises mailbox (hybrid)",
    explanation: "Microsoft Graph proxied a client credentials (app-only) call to Exchange Server, whose 'Microsoft Graph' partner application has no app-only permissions. Microsoft supports only delegated Graph access to on-premises mailboxes here.",
    causes: &[
        "The mailbox lives on-premises in a hybrid deployment and the app uses an app-only token.",
        "The 'Microsoft Graph' partner application has empty AppOnlyPermissions.",
    ],
    steps: &[WEB_CONFIG_V1S2S, APP_ONLY_PERMISSIONS, HYBRID_ALTERNATIVES],
    source: sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID,
};

/// Exchange Server REST refusing the V1S2SAppOnly token profile.
pub const V1S2S_APP_ONLY: Situation = Situation {
    title: "App-only (client credentials) call proxied to on-premises Exchange REST",
    explanation: "An app-only Entra v1 token (profile V1S2SAppOnly) reached the REST endpoint of Exchange Server (hybrid), whose OAuthHttpModule does not accept that token profile by default.",
    causes: &["A Microsoft Graph or REST call with client credentials for a mailbox that lives on-premises."],
    steps: &[
        WEB_CONFIG_V1S2S,
        Fix::text("After that, Exchange answers 2000008 until the 'Microsoft Graph' partner application gets AppOnlyPermissions:"),
        APP_ONLY_PERMISSIONS,
        HYBRID_ALTERNATIVES,
    ],
    source: sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID,
};

/// An Exchange challenge answering a token issued for Microsoft Graph.
pub const GRAPH_TOKEN_AT_EXCHANGE: Situation = Situation {
    title: "Exchange refused a token issued for Microsoft Graph",
    explanation: "The challenge comes from Exchange (client_id 00000002-0000-0ff1-ce00-000000000000) but the token's audience is Microsoft Graph. Either Graph proxied the call to an on-premises mailbox (hybrid), or the token was sent straight to Exchange.",
    causes: &[],
    steps: &[Fix::text("To call Exchange directly, request the token for https://outlook.office365.com (or the on-premises host); for Graph calls to on-premises mailboxes, see the hybrid diagnosis.")],
    source: sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
};

/// A token whose tenant is not the realm the challenge trusts.
pub const TENANT_NOT_TRUSTED_STEP: Fix = Fix::text("Request the token from the tenant the resource belongs to (use the tenant id from the challenge in the authority URL).");

/// A token for another audience: the cause; the step names the expected resource.
pub const WRONG_AUDIENCE_CAUSE: &str = "The token was requested for the wrong resource (for example the app's own client id, or Microsoft Graph).";

/// A token request refused because of its client secret.
pub const BAD_SECRET_CAUSE: &str =
    "The client secret sent is expired, wrong, or the secret's id was sent instead of its value.";

/// AADSTS codes that, answering a request with a client secret, mean the secret is bad.
pub const BAD_SECRET_AADSTS: &[u32] = &[7_000_222, 7_000_215, 70_002, 50_012];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_are_sorted_unique_sourced_and_named_apps() {
        for pair in RESOURCE_FOR.windows(2) {
            assert!(pair[0].client_id < pair[1].client_id, "{pair:?}");
        }
        for row in RESOURCE_FOR {
            crate::knowledge::assert_source(row.source, row.client_id);
            assert!(crate::knowledge::apps::app_by_id(row.client_id).is_some());
        }
        assert!(resource_for(&EXCHANGE.to_ascii_uppercase()).is_some());
    }

    #[test]
    fn situations_are_sourced_and_complete() {
        for s in [
            SECRET_INSTEAD_OF_CERTIFICATE,
            MISSING_ROLES,
            HYBRID_GRAPH_APP_ONLY,
            V1S2S_APP_ONLY,
            GRAPH_TOKEN_AT_EXCHANGE,
        ] {
            crate::knowledge::assert_source(s.source, s.title);
            assert!(
                !s.explanation.is_empty() && !s.steps.is_empty(),
                "{}",
                s.title
            );
        }
        const { assert!(WEB_CONFIG_V1S2S.unsupported && APP_ONLY_PERMISSIONS.unsupported) };
    }
}
