//! Table: Microsoft Entra built-in directory role template IDs, as they appear in `wids`.

/// A built-in role template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectoryRole {
    pub id: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

/// Sorted by `id`.
pub const ROLES: &[DirectoryRole] = &[
    DirectoryRole {
        id: "0526716b-113d-4c15-b2c8-68e3c22b9f80",
        name: "Authentication Policy Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "0964bb5e-9bdb-4d7b-ac29-58e794862a40",
        name: "Search Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        name: "Guest User",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "11648597-926c-4cf3-9c36-bcebb0ba8dcc",
        name: "Power Platform Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "158c047a-c907-4556-b7ef-446551a6b5f7",
        name: "Cloud Application Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "17315797-102d-40b4-93e0-432062caca18",
        name: "Compliance Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "194ae4cb-b126-40b2-bd5b-6091b380977d",
        name: "Security Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "29232cdf-9323-42fd-ade2-1d097af3e4de",
        name: "Exchange Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "2af84b1e-32c8-42b7-82bc-daa82404023b",
        name: "Restricted Guest User",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "2b745bdf-0803-4d80-aa65-822c4493daac",
        name: "Office Apps Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "31392ffb-586c-42d1-9346-e59415a2cc4e",
        name: "Exchange Recipient Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "3a2c62db-5318-420d-8d74-23affee5d9d5",
        name: "Intune Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "44367163-eba1-44c3-98af-f5787879f96a",
        name: "Dynamics 365 Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "4a5d8f65-41da-4de4-8968-e035b65339cf",
        name: "Reports Reader",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "4ba39ca4-527c-499a-b93d-d9b492c50246",
        name: "Partner Tier1 Support",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
        name: "License Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "5c4f9dcd-47dc-4cf7-8c9a-9e4207cbfc91",
        name: "Customer LockBox Access Approver",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "5d6b6bb7-de71-4623-b4af-96380a352509",
        name: "Security Reader",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
        name: "Security Operator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "62e90394-69f5-4237-9190-012177145e10",
        name: "Global Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "644ef478-e28f-4e28-b9dc-3fdde9aa0b1f",
        name: "Printer Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "69091246-20e8-4a56-aa4d-066075b2a7a8",
        name: "Teams Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
        name: "Helpdesk Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "7495fdc4-34c4-4d15-a289-98788ce399fd",
        name: "Azure Information Protection Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "75941009-915a-4869-abe7-691bff18279e",
        name: "Skype for Business Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "7698a772-787b-4ac8-901f-60d6b08affd2",
        name: "Cloud Device Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b",
        name: "Message Center Reader",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
        name: "Privileged Authentication Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
        name: "Directory Readers",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
        name: "Hybrid Identity Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "9360feb5-f418-4baa-8175-e2a00bac4301",
        name: "Directory Writers",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "95e79109-95c0-4d8e-aee3-d01accf2d47b",
        name: "Guest Inviter",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "966707d0-3269-4727-9be2-8c3a10f19b9d",
        name: "Password Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
        name: "Application Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "a0b1b346-4d3e-4e8b-98f8-753987be4970",
        name: "User (default member role)",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "a9ea8996-122f-4c74-9520-8edcd192826c",
        name: "Fabric Administrator (formerly Power BI Administrator)",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "b0f54661-2d74-4c50-afa3-1ec803f12efe",
        name: "Billing Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
        name: "Conditional Access Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "b79fbf4d-3ef9-4689-8143-76b194e85509",
        name: "Default member role (community name; not in Microsoft's role reference)",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    DirectoryRole {
        id: "baf37b3a-610e-45da-9e62-d9d1e5e8914b",
        name: "Teams Communications Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "be2f45a1-457d-42af-a067-6ec1fa63bc45",
        name: "External Identity Provider Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
        name: "Authentication Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "cf1c38e5-3621-4004-a7cb-879624dced7c",
        name: "Application Developer",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "d29b2b05-8046-44ba-8758-1e26182fcf32",
        name: "Directory Synchronization Accounts",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8",
        name: "Partner Tier2 Support",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "e6d1a23a-da11-4be4-9570-befc86d067a7",
        name: "Compliance Data Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "e8611ab8-c189-46e8-94e1-60213ab1f814",
        name: "Privileged Role Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "f023fd81-a637-4b56-95fd-791ac0226033",
        name: "Service Support Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
        name: "SharePoint Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
        name: "Global Reader",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "f70938a0-fc10-4177-9e90-2178f8765737",
        name: "Teams Communications Support Engineer",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "fcf91098-03e3-41a9-b5ba-6f0ec8188a12",
        name: "Teams Communications Support Specialist",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "fdd7a751-b60b-444a-984c-02652fe8fa1c",
        name: "Groups Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
    DirectoryRole {
        id: "fe930be7-5e62-47db-91af-98c3a49a38b1",
        name: "User Administrator",
        source: crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    },
];

/// Looks up a role template id (any case).
pub fn role(id: &str) -> Option<&'static DirectoryRole> {
    let id = id.trim().to_ascii_lowercase();
    ROLES
        .binary_search_by(|r| r.id.cmp(id.as_str()))
        .ok()
        .map(|i| &ROLES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_sorted_and_sourced() {
        for pair in ROLES.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for r in ROLES {
            assert!(crate::text::is_guid(r.id));
            assert_eq!(r.id, r.id.to_ascii_lowercase());
            assert!(!r.name.is_empty());
            crate::knowledge::assert_source(r.source, r.name);
        }
    }

    #[test]
    fn wids_from_real_tokens_resolve() {
        assert_eq!(
            role("62E90394-69F5-4237-9190-012177145E10").map(|r| r.name),
            Some("Global Administrator")
        );
        assert_eq!(
            role("194ae4cb-b126-40b2-bd5b-6091b380977d").map(|r| r.name),
            Some("Security Administrator")
        );
        assert!(role("b79fbf4d-3ef9-4689-8143-76b194e85509")
            .is_some_and(|r| r.name.contains("not in Microsoft's role reference")));
        assert!(role("00000000-0000-0000-0000-000000000000").is_none());
    }
}
