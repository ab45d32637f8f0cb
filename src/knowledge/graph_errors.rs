//! Table: Microsoft Graph and EWS error codes seen in auth failures.

use super::Fix;

/// One error code as it appears in `error.code` of a Graph body or an EWS `ResponseCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceError {
    pub code: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// Sorted by `code`.
pub const ERRORS: &[ServiceError] = &[ServiceError {
    code: "InvalidAuthenticationToken",
    meaning: "Microsoft Graph could not accept the access token.",
    causes: &["The token expired, is for another resource, or is malformed."],
    fixes: &[Fix::text("Acquire a new token for https://graph.microsoft.com and send it as 'Authorization: Bearer <token>'.")],
    source: "https://learn.microsoft.com/en-us/graph/errors",
}];

/// Looks up a code (exact, case-sensitive as services send it).
pub fn error(code: &str) -> Option<&'static ServiceError> {
    ERRORS.iter().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_sorted_and_complete() {
        for pair in ERRORS.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for e in ERRORS {
            assert!(!e.fixes.is_empty(), "{}", e.code);
            crate::knowledge::assert_source(e.source, e.code);
        }
    }
}
