//! Table: AADSTS error codes and OAuth `error` values, with causes and fixes.

use super::Fix;

/// One AADSTS code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aadsts {
    pub code: u32,
    /// The name Microsoft gives the code (for example `InvalidClientSecretExpiredKeysProvided`), or "".
    pub name: &'static str,
    pub meaning: &'static str,
    /// Likely causes, most likely first.
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// Sorted by `code`.
pub const AADSTS: &[Aadsts] = &[Aadsts {
    code: 50173,
    name: "FreshTokenNeeded",
    meaning: "The grant (usually a refresh token) was revoked, so a fresh sign-in is needed.",
    causes: &[
        "The user changed or reset the password.",
        "An admin or the user revoked sessions.",
    ],
    fixes: &[Fix::text(
        "Have the user sign in again interactively; drop the cached refresh token.",
    )],
    source: "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes",
}];

/// An OAuth 2.0 `error` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OAuthError {
    pub error: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `error`.
pub const OAUTH_ERRORS: &[OAuthError] = &[OAuthError {
    error: "invalid_grant",
    meaning: "The grant (code, refresh token, assertion) is invalid, expired or revoked.",
    source: "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes",
}];

/// Looks up an AADSTS code.
pub fn aadsts(code: u32) -> Option<&'static Aadsts> {
    AADSTS
        .binary_search_by_key(&code, |row| row.code)
        .ok()
        .map(|i| &AADSTS[i])
}

/// Looks up an OAuth `error` value.
pub fn oauth_error(error: &str) -> Option<&'static OAuthError> {
    OAUTH_ERRORS.iter().find(|e| e.error == error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_have_meaning_fix_and_source() {
        for pair in AADSTS.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} must sort before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for row in AADSTS {
            assert!(row.meaning.len() > 10, "{} needs a meaning", row.code);
            assert!(!row.fixes.is_empty(), "{} needs a fix", row.code);
            crate::knowledge::assert_source(row.source, &row.code.to_string());
        }
        for pair in OAUTH_ERRORS.windows(2) {
            assert!(pair[0].error < pair[1].error);
        }
    }

    #[test]
    fn lookup_finds_a_known_code() {
        assert_eq!(aadsts(50173).map(|r| r.name), Some("FreshTokenNeeded"));
        assert!(aadsts(1).is_none());
    }
}
