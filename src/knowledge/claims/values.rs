//! Table: what well-known values of a claim mean (`appidacr`, which `azpacr` shares, `idtyp`,
//! `acct`, `nii`, and the members and versions of Exchange's `appctx`), shown beside the value.

use crate::knowledge::sources;

/// One value of one claim, with what the claims table shows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimValue {
    /// The claim; `appctx` rows name a member of the `appctx` object, `appctx.version` rows a
    /// value of its `version` member.
    pub claim: &'static str,
    pub value: &'static str,
    /// What the claims table shows for this value.
    pub shown: &'static str,
    pub source: &'static str,
}

/// Sorted by `claim`, then `value`.
pub const CLAIM_VALUES: &[ClaimValue] = &[
    ClaimValue {
        claim: "acct",
        value: "0",
        shown: "0 = member of the tenant",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "acct",
        value: "1",
        shown: "1 = guest in the tenant",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "appctx",
        value: "amurl",
        shown: " (auth metadata URL with the signing key)",
        source: sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    ClaimValue {
        claim: "appctx",
        value: "msexchuid",
        shown: " (the mailbox user's unique id for this add-in)",
        source: sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    ClaimValue {
        claim: "appctx.version",
        value: "ExCallback.V1",
        shown: " (Exchange v1 callback token)",
        source: sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    ClaimValue {
        claim: "appctx.version",
        value: "ExIdTok.V1",
        shown: " (Exchange identity token)",
        source: sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    ClaimValue {
        claim: "appctx.version",
        value: "MsExtension.V1",
        shown: " (Exchange add-in callback token)",
        source: sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    },
    ClaimValue {
        claim: "appidacr",
        value: "0",
        shown: "public client: the app did not authenticate (no client secret or certificate)",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "appidacr",
        value: "1",
        shown: "client secret: the app authenticated with a shared secret (password)",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "appidacr",
        value: "2",
        shown: "certificate: the app authenticated with a certificate or signed client assertion (also managed identities)",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "idtyp",
        value: "app",
        shown: "app: an app-only token",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "idtyp",
        value: "user",
        shown: "user: a token for a signed-in user",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    ClaimValue {
        claim: "nii",
        value: "urn:federation:MicrosoftOnline",
        shown: "Microsoft Entra (cloud) user",
        source: sources::SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST,
    },
    ClaimValue {
        claim: "nii",
        value: "urn:office:idp:activedirectory",
        shown: "on-premises Active Directory user (nameid holds the SID)",
        source: sources::SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST,
    },
    ClaimValue {
        claim: "nii",
        value: "urn:office:idp:orgid",
        shown: "organisational id (legacy)",
        source: sources::SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST,
    },
    ClaimValue {
        claim: "trustedfordelegation",
        value: "true",
        shown: "true: this app may act for users (carry a user context in an outer token)",
        source: sources::SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST,
    },
    ClaimValue {
        claim: "xms_cc",
        value: "cp1",
        shown: ": the client can handle claims challenges (CAE)",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
];
/// What the claims table shows for one value of a claim, when the table knows it.
pub fn value_meaning(claim: &str, value: &str) -> Option<&'static str> {
    CLAIM_VALUES
        .binary_search_by(|r| (r.claim, r.value).cmp(&(claim, value)))
        .ok()
        .map(|i| CLAIM_VALUES[i].shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_values_are_sorted_unique_and_sourced() {
        for pair in CLAIM_VALUES.windows(2) {
            assert!(
                (pair[0].claim, pair[0].value) < (pair[1].claim, pair[1].value),
                "{} {}",
                pair[1].claim,
                pair[1].value
            );
        }
        for row in CLAIM_VALUES {
            assert!(row.source.starts_with("https://"), "{}", row.claim);
        }
        assert_eq!(value_meaning("acct", "1"), Some("1 = guest in the tenant"));
        assert!(value_meaning("acct", "2").is_none());
    }
}
