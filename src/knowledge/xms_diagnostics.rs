//! Table: x-ms-diagnostics codes (Exchange, SharePoint, Skype, Entra) and known reason texts.

use super::Fix;

/// Which product sends a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    Exchange,
    SharePoint,
    Skype,
    Entra,
}

impl Product {
    pub fn name(self) -> &'static str {
        match self {
            Product::Exchange => "Exchange",
            Product::SharePoint => "SharePoint",
            Product::Skype => "Skype for Business / Lync",
            Product::Entra => "Microsoft Entra",
        }
    }
}

/// One numeric x-ms-diagnostics code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagCode {
    pub code: u32,
    pub product: Product,
    /// The `error_category` (or SharePoint `category`) that goes with it.
    pub category: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    /// False when the code is known only from undocumented sources; the report says so.
    pub documented: bool,
    pub source: &'static str,
}

/// Sorted by `code`.
pub const CODES: &[DiagCode] = &[DiagCode {
    code: 2000010,
    product: Product::Exchange,
    category: "insufficient_auth_strength",
    meaning: "The app authenticated too weakly for this API: it used a client secret where a certificate is required.",
    causes: &["An app-only token was acquired with a client secret (appidacr 1) where Exchange requires a certificate (appidacr 2)."],
    fixes: &[Fix::text("Acquire the token with a certificate credential (a signed client assertion) instead of a client secret.")],
    documented: false,
    source: "https://github.com/OfficeDev/ews-java-api/issues/401",
}];

/// A known reason text: every lower-case needle must appear in the reason for the row to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonPattern {
    /// A stable identifier used by the correlator (for example `missing-roles`).
    pub id: &'static str,
    pub needles: &'static [&'static str],
    pub title: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    pub source: &'static str,
}

/// Sorted by `id`.
pub const REASONS: &[ReasonPattern] = &[ReasonPattern {
    id: "auth-strength",
    needles: &["auth strength"],
    title: "Authentication strength too low",
    meaning: "Exchange compared how the app proved its identity with what it requires.",
    causes: &["Presented strength 1 means a client secret; 2 means a certificate."],
    fixes: &[Fix::text("Use a certificate credential for the app.")],
    source: "https://github.com/OfficeDev/ews-java-api/issues/401",
}];

/// Looks up a numeric code.
pub fn code(code: u32) -> Option<&'static DiagCode> {
    CODES.iter().find(|c| c.code == code)
}

/// Every reason pattern whose needles all appear in `reason` (compared in lower case).
pub fn reasons_matching(reason: &str) -> Vec<&'static ReasonPattern> {
    let lower = reason.to_lowercase();
    REASONS
        .iter()
        .filter(|r| r.needles.iter().all(|n| lower.contains(n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_reasons_are_sorted_unique_and_complete() {
        for pair in CODES.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for c in CODES {
            assert!(!c.category.is_empty() && c.meaning.len() > 10);
            assert!(!c.fixes.is_empty(), "{} needs a fix", c.code);
            crate::knowledge::assert_source(c.source, &c.code.to_string());
        }
        for pair in REASONS.windows(2) {
            assert!(pair[0].id < pair[1].id);
        }
        for r in REASONS {
            assert!(!r.needles.is_empty() && !r.fixes.is_empty(), "{}", r.id);
            assert!(
                r.needles.iter().all(|n| *n == n.to_lowercase()),
                "{} needles must be lower case",
                r.id
            );
            crate::knowledge::assert_source(r.source, r.id);
        }
    }

    #[test]
    fn reason_matching_ignores_case() {
        let hits = reasons_matching("Presented Auth Strength was 1, required is 2.");
        assert_eq!(hits.first().map(|r| r.id), Some("auth-strength"));
    }
}
