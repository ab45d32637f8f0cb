//! Table: well-known delegated scopes and application permissions.

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
