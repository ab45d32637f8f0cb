//! Table: Microsoft Entra built-in directory role template IDs, as they appear in `wids`.

/// A built-in role template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectoryRole {
    pub id: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

/// Sorted by `id`.
pub const ROLES: &[DirectoryRole] = &[DirectoryRole {
    id: "62e90394-69f5-4237-9190-012177145e10",
    name: "Global Administrator",
    source: "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference",
}];

/// Looks up a role template id (any case).
pub fn role(id: &str) -> Option<&'static DirectoryRole> {
    let id = id.to_ascii_lowercase();
    ROLES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_sorted_and_sourced() {
        for pair in ROLES.windows(2) {
            assert!(pair[0].id < pair[1].id);
        }
        for r in ROLES {
            assert!(crate::text::is_guid(r.id));
            crate::knowledge::assert_source(r.source, r.name);
        }
    }
}
