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
        name: "aud",
        meaning: "Audience: the API (resource) this token is meant for.",
        status: ClaimStatus::Standard,
        source: "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference",
    },
    Claim {
        name: "exp",
        meaning: "Expiry: the token must not be accepted after this time.",
        status: ClaimStatus::Standard,
        source: "https://datatracker.ietf.org/doc/html/rfc7519#section-4.1.4",
    },
];

/// Header parameters, sorted by `name`.
pub const HEADER_PARAMS: &[Claim] = &[Claim {
    name: "alg",
    meaning: "Signature algorithm.",
    status: ClaimStatus::Standard,
    source: "https://datatracker.ietf.org/doc/html/rfc7515#section-4.1.1",
}];

/// A value of the `amr` (authentication methods) claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmrValue {
    pub value: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `value`.
pub const AMR_VALUES: &[AmrValue] = &[AmrValue {
    value: "pwd",
    meaning: "password (or, for an app, a client secret)",
    source:
        "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference",
}];

/// Looks up a payload claim by exact name.
pub fn claim(name: &str) -> Option<&'static Claim> {
    CLAIMS.iter().find(|c| c.name == name)
}

/// Looks up a header parameter by exact name.
pub fn header_param(name: &str) -> Option<&'static Claim> {
    HEADER_PARAMS.iter().find(|c| c.name == name)
}

/// Looks up an `amr` value.
pub fn amr(value: &str) -> Option<&'static AmrValue> {
    AMR_VALUES.iter().find(|a| a.value == value)
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
    fn lookups_find_known_names_only() {
        assert!(claim("aud").is_some());
        assert!(claim("no_such_claim").is_none());
        assert!(header_param("alg").is_some());
        assert!(amr("pwd").is_some());
    }
}
