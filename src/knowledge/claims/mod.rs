//! Tables: JWT header parameters and claims (RFC 7519, OIDC, Entra v1/v2, Exchange and ACS S2S),
//! their values and their meanings in each kind of token, one table per file.

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

mod amr;
mod contextual;
mod header;
mod payload;
mod permissions;
mod values;

pub use amr::{AmrValue, AMR_VALUES};
pub use contextual::{AssertionFailure, ContextualClaim, ASSERTION_FAILURES, CONTEXTUAL_CLAIMS};
pub use header::HEADER_PARAMS;
pub use payload::CLAIMS;
pub use permissions::{Permission, PERMISSIONS};
pub use values::{value_meaning, ClaimValue, CLAIM_VALUES};

/// Looks up a permission name exactly (permission names are case-sensitive in tokens).
pub fn permission(name: &str) -> Option<&'static Permission> {
    PERMISSIONS
        .binary_search_by(|p| p.name.cmp(name))
        .ok()
        .map(|i| &PERMISSIONS[i])
}

/// Looks up a payload claim by exact name.
pub fn claim(name: &str) -> Option<&'static Claim> {
    CLAIMS
        .binary_search_by(|c| c.name.cmp(name))
        .ok()
        .map(|i| &CLAIMS[i])
}

/// Looks up the meaning of a claim in one kind of token.
pub fn contextual(name: &str, context: &str) -> Option<&'static ContextualClaim> {
    CONTEXTUAL_CLAIMS
        .binary_search_by(|c| (c.name, c.context).cmp(&(name, context)))
        .ok()
        .map(|i| &CONTEXTUAL_CLAIMS[i])
}

/// Looks up a header parameter by exact name.
pub fn header_param(name: &str) -> Option<&'static Claim> {
    HEADER_PARAMS
        .binary_search_by(|c| c.name.cmp(name))
        .ok()
        .map(|i| &HEADER_PARAMS[i])
}

/// Looks up an `amr` value.
pub fn amr(value: &str) -> Option<&'static AmrValue> {
    AMR_VALUES
        .binary_search_by(|a| a.value.cmp(value))
        .ok()
        .map(|i| &AMR_VALUES[i])
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
    fn permissions_are_sorted_sourced_and_exchange_ones_are_known() {
        for pair in PERMISSIONS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for p in PERMISSIONS {
            crate::knowledge::assert_source(p.source, p.name);
        }
        assert!(permission("full_access_as_app")
            .unwrap()
            .meaning
            .contains("every mailbox"));
        assert!(permission("EWS.AccessAsUser.All").is_some());
        assert!(permission("mail.read").is_none());
    }

    #[test]
    fn contextual_meanings_and_assertion_failures_are_sorted_and_sourced() {
        for pair in CONTEXTUAL_CLAIMS.windows(2) {
            assert!((pair[0].name, pair[0].context) < (pair[1].name, pair[1].context));
        }
        for c in CONTEXTUAL_CLAIMS {
            crate::knowledge::assert_source(c.source, c.name);
        }
        for pair in ASSERTION_FAILURES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for f in ASSERTION_FAILURES {
            crate::knowledge::assert_source(f.source, f.meaning);
        }
        assert!(!contextual("sub", "app_only")
            .unwrap()
            .meaning
            .contains("user for"));
        assert!(contextual("acr", "b2c").unwrap().meaning.contains("policy"));
        assert!(contextual("aud", "b2c").is_none());
    }

    #[test]
    fn lookups_find_known_names_only() {
        assert!(claim("aud").is_some());
        assert!(claim("no_such_claim").is_none());
        assert!(header_param("alg").is_some());
        assert!(amr("pwd").is_some());
    }

    #[test]
    fn undocumented_claims_say_so_in_their_meaning() {
        for c in CLAIMS
            .iter()
            .filter(|c| c.status == ClaimStatus::Undocumented)
        {
            assert!(
                c.meaning.starts_with("Undocumented"),
                "{} is undocumented and must say so",
                c.name
            );
        }
    }

    #[test]
    fn required_claims_and_headers_are_present() {
        for name in [
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "nonce",
            "at_hash",
            "c_hash",
            "auth_time",
            "acr",
            "amr",
            "azp",
            "sid",
            "email",
            "name",
            "preferred_username",
            "login_hint",
            "nameid",
            "nii",
            "actortoken",
            "trustedfordelegation",
            "appctx",
            "appctxsender",
            "isbrowserhostedapp",
            "smtp",
            "sip",
            "upn",
            "puid",
            "msexchuid",
            "msexchcallback",
            "msexchprot",
            "amurl",
            "version",
            "scope",
            "onprem_sid",
            "appidacr",
            "azpacr",
            "idtyp",
            "wids",
            "xms_cc",
            "xms_mirid",
            "xms_idrel",
            "_claim_names",
            "_claim_sources",
            "hasgroups",
            "groups",
            "roles",
            "scp",
            "tid",
            "oid",
            "ver",
            "uti",
            "rh",
            "aio",
            "cnf",
        ] {
            assert!(claim(name).is_some(), "claim {name} missing");
        }
        for name in [
            "typ", "alg", "kid", "x5t", "x5t#S256", "x5c", "x5u", "jku", "jwk", "cty", "crit",
            "enc", "zip", "nonce",
        ] {
            assert!(header_param(name).is_some(), "header {name} missing");
        }
        let x5t = header_param("x5t").unwrap().meaning;
        assert!(x5t.contains("SHA-1") && x5t.contains("v1 only"));
        let nonce = header_param("nonce").unwrap().meaning;
        assert!(nonce.contains("Microsoft Graph") && nonce.contains("cannot verify"));
        assert_eq!(
            amr("wia").map(|a| a.meaning),
            Some("Windows Integrated Authentication (Kerberos or NTLM).")
        );
        assert_eq!(
            claim("xms_mirid").map(|c| c.status),
            Some(ClaimStatus::Undocumented)
        );
        assert_eq!(
            claim("idtyp").map(|c| c.status),
            Some(ClaimStatus::Optional)
        );
        assert_eq!(
            claim("nameid").map(|c| c.status),
            Some(ClaimStatus::ServerToServer)
        );
    }
}
