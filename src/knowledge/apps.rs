//! Table: well-known Microsoft first-party application IDs, tenants and resource URIs.

/// A well-known application (or principal, or tenant) identified by a GUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct App {
    /// Lower-case canonical GUID.
    pub id: &'static str,
    pub name: &'static str,
    /// A short note on where it shows up (Bearer client_id, trusted_issuers, tenant id ...).
    pub note: &'static str,
    pub source: &'static str,
}

/// Sorted by `id`.
pub const APPS: &[App] = &[
    App {
        id: "00000001-0000-0000-c000-000000000000",
        name: "Azure Access Control Service (ACS)",
        note: "Issuer principal of S2S tokens and of the WindowsAzureACS auth server; appears in trusted_issuers as <id>@<realm>.",
        source: "https://learn.microsoft.com/en-us/troubleshoot/exchange/calendars/resolve-free-busy-errors",
    },
    App {
        id: "00000002-0000-0ff1-ce00-000000000000",
        name: "Office 365 Exchange Online",
        note: "The Exchange principal: resource of Exchange tokens and client_id of Exchange Bearer challenges, on-premises too.",
        source: "https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in",
    },
    App {
        id: "00000003-0000-0000-c000-000000000000",
        name: "Microsoft Graph",
        note: "Resource ID of https://graph.microsoft.com.",
        source: "https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in",
    },
];

/// A resource URI that names a well-known API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// Lower-case scheme and host (and path prefix when needed), without a trailing slash.
    pub uri: &'static str,
    pub app_id: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

/// Sorted by `uri`.
pub const RESOURCES: &[Resource] = &[Resource {
    uri: "https://graph.microsoft.com",
    app_id: "00000003-0000-0000-c000-000000000000",
    name: "Microsoft Graph",
    source: "https://learn.microsoft.com/en-us/graph/auth/auth-concepts",
}];

/// Looks up a GUID (any case) in the app table.
pub fn app_by_id(id: &str) -> Option<&'static App> {
    let id = id.trim().to_ascii_lowercase();
    APPS.iter().find(|a| a.id == id)
}

/// Looks up a resource URI such as `https://graph.microsoft.com/` or `https://outlook.office365.com`.
pub fn resource_by_uri(uri: &str) -> Option<&'static Resource> {
    let uri = uri.trim().trim_end_matches('/').to_ascii_lowercase();
    RESOURCES
        .iter()
        .find(|r| uri == r.uri || uri.starts_with(&format!("{}/", r.uri)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apps_are_sorted_unique_lowercase_guids_with_sources() {
        for pair in APPS.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} must sort before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for app in APPS {
            assert!(crate::text::is_guid(app.id), "{} is not a GUID", app.id);
            assert_eq!(app.id, app.id.to_ascii_lowercase());
            assert!(!app.name.is_empty());
            crate::knowledge::assert_source(app.source, app.id);
        }
    }

    #[test]
    fn resources_are_sorted_and_point_at_known_apps() {
        for pair in RESOURCES.windows(2) {
            assert!(pair[0].uri < pair[1].uri);
        }
        for r in RESOURCES {
            crate::knowledge::assert_source(r.source, r.uri);
            assert!(crate::text::is_guid(r.app_id));
        }
    }

    #[test]
    fn lookups_ignore_case_and_trailing_slash() {
        assert_eq!(
            app_by_id("00000003-0000-0000-C000-000000000000").map(|a| a.name),
            Some("Microsoft Graph")
        );
        assert_eq!(
            resource_by_uri("https://graph.microsoft.com/").map(|r| r.name),
            Some("Microsoft Graph")
        );
        assert!(resource_by_uri("https://graph.microsoft.com.evil").is_none());
    }
}
