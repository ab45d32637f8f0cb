//! Table: AADSTS error codes (split by code range into `low` and `high`), OAuth `error` values and
//! Entra `suberror` values (`oauth`), and the context around an error (`context`).

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

/// Microsoft's public AADSTS error code reference.
pub const AADSTS_REFERENCE: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_REFERENCE_ERROR_CODES;

/// Microsoft's error lookup page; append the number to see the current text of a code.
pub const ERROR_LOOKUP_URL: &str = "https://login.microsoftonline.com/error?code=";

/// Builds one row with the reference page as its source.
macro_rules! aad {
    ($code:expr, $name:expr, $meaning:expr, [$($cause:expr),* $(,)?], [$($fix:expr),* $(,)?] $(,)?) => {
        Aadsts {
            code: $code,
            name: $name,
            meaning: $meaning,
            causes: &[$($cause),*],
            fixes: &[$($fix),*],
            source: AADSTS_REFERENCE,
        }
    };
}

const SIGN_IN_LOGS: Fix = Fix::text(
    "Find the failed sign-in in the Entra sign-in logs by its correlation ID and read the failure reason and the policies applied.",
);
const SUPPORT_TICKET: Fix = Fix::text(
    "Retry once; if it keeps failing, open a Microsoft support case with the trace ID, correlation ID and timestamp.",
);
const CONTACT_IDP: Fix = Fix::text(
    "The federated identity provider returned a bad response; check its logs and its federation settings with Entra.",
);
const INTERACTIVE_AGAIN: Fix =
    Fix::text("Drop the cached token and send the user through an interactive sign-in again.");
const RETRY_LATER: Fix = Fix::text("This is transient; retry with exponential back-off.");
const PTA_AGENT: Fix = Fix::text(
    "Check the Pass-through Authentication agents (Entra Connect) and their event logs, and that they can reach a domain controller.",
);

mod context;
mod high;
mod low;
mod oauth;

pub use context::{
    error_field, page_field, ErrorField, PageField, Wrapper, ERROR_FIELDS, FIND_SIGN_IN,
    PAGE_FIELDS, WRAPPERS,
};
pub use oauth::{oauth_error, suberror, OAuthError, Suberror, OAUTH_ERRORS, SUBERRORS};

/// The code table in ranges, each sorted by `code`, the ranges in ascending order.
pub const AADSTS_PARTS: &[&[Aadsts]] = &[low::AADSTS, high::AADSTS];

/// Looks up an AADSTS code.
pub fn aadsts(code: u32) -> Option<&'static Aadsts> {
    AADSTS_PARTS.iter().find_map(|part| {
        part.binary_search_by_key(&code, |row| row.code)
            .ok()
            .map(|i| &part[i])
    })
}

/// Every code row, in ascending order.
pub fn all_codes() -> impl Iterator<Item = &'static Aadsts> {
    AADSTS_PARTS.iter().flat_map(|part| part.iter())
}

/// How AADSTS rows are found in free text without their number: by the error name Microsoft gives
/// the code, when that name is distinctive (the numbered form `AADSTS50126` has its own decoder).
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{distinctive_identifier, Fact, Needle};
    // A name Microsoft gives to several codes (`InteractionRequired`) cannot lead to one of them.
    let mut uses = std::collections::BTreeMap::<&str, usize>::new();
    for row in all_codes() {
        *uses.entry(row.name).or_default() += 1;
    }
    for row in all_codes().filter(|r| distinctive_identifier(r.name) && uses[r.name] == 1) {
        out.push(Needle::exact(row.name, Fact::AadstsName(row.code)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_have_meaning_fix_and_source() {
        let rows: Vec<&Aadsts> = all_codes().collect();
        for pair in rows.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} must sort before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for row in &rows {
            assert!(row.meaning.len() > 10, "{} needs a meaning", row.code);
            assert!(!row.causes.is_empty(), "{} needs a cause", row.code);
            assert!(!row.fixes.is_empty(), "{} needs a fix", row.code);
            assert!(
                !row.name.contains(' '),
                "{} name must be a Microsoft identifier or empty",
                row.code
            );
            crate::knowledge::assert_source(row.source, &row.code.to_string());
        }
        for pair in OAUTH_ERRORS.windows(2) {
            assert!(
                pair[0].error < pair[1].error,
                "{} must sort before {}",
                pair[0].error,
                pair[1].error
            );
        }
        for e in OAUTH_ERRORS {
            crate::knowledge::assert_source(e.source, e.error);
        }
    }

    #[test]
    fn suberrors_are_sorted_and_sourced() {
        for pair in SUBERRORS.windows(2) {
            assert!(pair[0].suberror < pair[1].suberror);
        }
        for s in SUBERRORS {
            crate::knowledge::assert_source(s.source, s.suberror);
        }
        for v in [
            "basic_action",
            "additional_action",
            "message_only",
            "consent_required",
            "user_password_expired",
            "bad_token",
            "client_mismatch",
            "device_authentication_failed",
        ] {
            assert!(suberror(v).is_some(), "{v}");
        }
    }

    #[test]
    fn table_has_at_least_a_hundred_codes() {
        assert!(
            all_codes().count() >= 100,
            "only {} AADSTS rows",
            all_codes().count()
        );
    }

    #[test]
    fn lookup_finds_a_known_code() {
        assert_eq!(aadsts(50173).map(|r| r.name), Some("FreshTokenNeeded"));
        assert!(aadsts(1).is_none());
    }

    fn text_of(code: u32) -> String {
        let row = aadsts(code).unwrap_or_else(|| panic!("{code} missing"));
        let mut all = format!("{} {}", row.name, row.meaning);
        for c in row.causes {
            all.push(' ');
            all.push_str(c);
        }
        for f in row.fixes {
            all.push(' ');
            all.push_str(f.text);
            if let Some(cmd) = f.command {
                all.push(' ');
                all.push_str(cmd);
            }
        }
        all.to_lowercase()
    }

    #[test]
    fn must_have_codes_carry_the_key_words() {
        let t = text_of(50173);
        assert!(t.contains("sign in again interactively"));
        assert!(t.contains("password") && t.contains("revo") && t.contains("refresh token"));
        for code in [50076, 50079] {
            let t = text_of(code);
            assert!(t.contains("interactive"), "{code}");
            assert!(t.contains("with the claims"), "{code}");
            assert!(t.contains("conditional access"), "{code}");
        }
        assert_eq!(
            aadsts(50079).map(|r| r.name),
            Some("UserStrongAuthEnrollmentRequired")
        );
        let t = text_of(90002);
        assert!(t.contains("invalidtenantname") && t.contains("wrong cloud"));
        assert!(t.contains("tenant id") && t.contains("authority"));
        let t = text_of(500011);
        assert!(t.contains("service principal") && t.contains("spn"));
        assert!(t.contains("autodiscover") && t.contains("ews"));
        assert!(t.contains("00000002-0000-0ff1-ce00-000000000000"));
        let t = text_of(70002);
        assert!(t.contains("credential") && t.contains("keycredentials"));
        assert!(t.contains("secret") && t.contains("certificate"));
        assert!(text_of(50064).contains("credential validation failed"));
        let t = text_of(7000222);
        assert!(t.contains("create a new client secret") && t.contains("certificate"));
        assert!(t.contains("az ad sp credential reset"));
        let t = text_of(7000215);
        assert!(t.contains("value, not its secret id"));
    }

    #[test]
    fn every_oauth_error_value_is_known() {
        for e in [
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "invalid_resource",
            "interaction_required",
            "temporarily_unavailable",
            "access_denied",
            "consent_required",
            "login_required",
            "invalid_tenant",
            "insufficient_claims",
            "invalid_token",
            "insufficient_scope",
            "authorization_pending",
            "expired_token",
            "slow_down",
            "server_error",
        ] {
            assert!(oauth_error(e).is_some(), "{e} missing");
        }
        assert!(oauth_error("no_such_error").is_none());
    }
}
