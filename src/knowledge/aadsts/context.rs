//! What surrounds an AADSTS error in a paste: the labels of Entra's sign-in error page and the
//! wrappers (MSAL exceptions, PowerShell and CLI sign-ins) that say which tool hit the error.

use crate::knowledge::{sources, Fix};

/// One label of the "Troubleshooting details" block of the Entra sign-in error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageField {
    pub label: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const SIGN_IN_LOGS: &str = sources::MONITORING_HEALTH_CONCEPT_SIGN_INS;

const fn page(label: &'static str, meaning: &'static str) -> PageField {
    PageField {
        label,
        meaning,
        source: SIGN_IN_LOGS,
    }
}

/// In the order the page shows them.
pub const PAGE_FIELDS: &[PageField] = &[
    page("Request Id", "Entra's id for this request: with the timestamp it finds the attempt in the sign-in logs"),
    page("Correlation Id", "the id of the whole sign-in: search the Entra sign-in logs for it"),
    page("Timestamp", "when it failed (UTC)"),
    page("Message", "the error text the page showed"),
    page("App name", "the application the user tried to sign in to"),
    page("App id", "the application (client) id of that app"),
    page("IP address", "the address Entra saw; compare it with Conditional Access named locations"),
    page("Device identifier", "the Entra device id; 'Not available' means the browser sent no device identity (unregistered device, or a browser without the Windows account sign-in)"),
    page("Device platform", "the operating system the browser reported"),
    page("Device state", "Entra registration state of the device (Unregistered, Registered, Hybrid Azure AD joined, Compliant ...)"),
    page("Error code", "the AADSTS number without its prefix"),
    page("User account", "the account that tried to sign in"),
    page("Flag sign-in errors for review", "enable flagging and reproduce within 20 minutes to make the attempt easy to find for an admin"),
];

/// The page label named `label` (any case).
pub fn page_field(label: &str) -> Option<&'static PageField> {
    PAGE_FIELDS
        .iter()
        .find(|f| f.label.eq_ignore_ascii_case(label))
}

/// One identifier of an AADSTS error body, and what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorField {
    pub name: &'static str,
    pub meaning: &'static str,
}

/// The identifiers an error body carries besides its codes, in the order a card shows them.
pub const ERROR_FIELDS: &[ErrorField] = &[
    ErrorField {
        name: "Trace ID",
        meaning: "give this to Microsoft support with the timestamp",
    },
    ErrorField {
        name: "Correlation ID",
        meaning: "find the attempt in the Entra sign-in logs with this id",
    },
    ErrorField {
        name: "Timestamp",
        meaning: "UTC",
    },
    ErrorField {
        name: "error_uri",
        meaning: "Microsoft's page for this code",
    },
];

/// What the identifier `name` is for ("" when unknown).
pub fn error_field(name: &str) -> &'static str {
    ERROR_FIELDS
        .iter()
        .find(|f| f.name == name)
        .map_or("", |f| f.meaning)
}

/// Finds the attempt the error page shows in the Entra sign-in logs.
pub const FIND_SIGN_IN: Fix = Fix::command(
    "Find the attempt in the sign-in logs (Microsoft Graph PowerShell).",
    "Get-MgAuditLogSignIn -Filter \"correlationId eq '<Correlation Id>'\" | Format-List",
);

/// A text near an error that says which tool reported it, and what that means for the fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrapper {
    /// The text to look for (any case).
    pub needle: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const AZ_CLI: &str = "Azure CLI: run az login again (with --tenant, and --scope for the resource the error names) to satisfy MFA or Conditional Access interactively.";

/// In the order they are reported; rows with the same meaning are reported once.
pub const WRAPPERS: &[Wrapper] = &[
    Wrapper { needle: "MsalUiRequiredException", meaning: "MSAL: a silent request failed and the user must sign in interactively (AcquireTokenInteractive), passing ex.Claims when present.", source: sources::EXCEPTIONS_MSAL_ERROR_HANDLING },
    Wrapper { needle: "MsalServiceException", meaning: "MSAL: Entra refused the token request; the AADSTS code says why, and retrying the same request does not help.", source: sources::EXCEPTIONS_MSAL_ERROR_HANDLING },
    Wrapper { needle: "MsalClientException", meaning: "MSAL: the library itself refused before calling Entra (configuration or network).", source: sources::EXCEPTIONS_MSAL_ERROR_HANDLING },
    Wrapper { needle: "Connect-ExchangeOnline", meaning: "Exchange Online PowerShell (EXO V3 module) sign-in: it uses the 'Microsoft Exchange REST API Based Powershell' public client or your app with -AppId and -CertificateThumbprint.", source: sources::EXCHANGE_CONNECT_TO_EXCHANGE_ONLINE_POWERSHELL },
    Wrapper { needle: "Connect-MgGraph", meaning: "Microsoft Graph PowerShell sign-in: delegated with -Scopes, or app-only with -ClientId, -TenantId and -CertificateThumbprint.", source: sources::MICROSOFTGRAPH_AUTHENTICATION_COMMANDS },
    Wrapper { needle: "az login", meaning: AZ_CLI, source: sources::AZURE_AUTHENTICATE_AZURE_CLI },
    Wrapper { needle: "Run the command below to authenticate interactively", meaning: AZ_CLI, source: sources::AZURE_AUTHENTICATE_AZURE_CLI },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_unique_and_sourced() {
        let mut labels = std::collections::BTreeSet::new();
        for f in PAGE_FIELDS {
            assert!(labels.insert(f.label), "{} twice", f.label);
            crate::knowledge::assert_source(f.source, f.label);
        }
        let mut needles = std::collections::BTreeSet::new();
        for w in WRAPPERS {
            assert!(needles.insert(w.needle), "{} twice", w.needle);
            crate::knowledge::assert_source(w.source, w.needle);
        }
        assert!(page_field("correlation id").is_some());
        assert_eq!(error_field("Timestamp"), "UTC");
        assert_eq!(error_field("nothing"), "");
    }
}
