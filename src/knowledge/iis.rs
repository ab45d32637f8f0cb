//! Table: IIS status/substatus codes, Win32 status codes, and the default W3C field set.

/// An HTTP status with an IIS substatus (`substatus` 0 means the plain status).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IisStatus {
    pub status: u16,
    pub substatus: u16,
    pub meaning: &'static str,
    /// What to do about it, or "" for statuses that are not failures.
    pub fix: &'static str,
    pub source: &'static str,
}

/// Sorted by (`status`, `substatus`).
pub const STATUSES: &[IisStatus] = &[IisStatus {
    status: 401,
    substatus: 1,
    meaning: "Logon failed: the credentials were missing or wrong.",
    fix: "Normal for the first leg of Negotiate/NTLM; otherwise check the account and the authentication methods enabled.",
    source: "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-status-code",
}];

/// A Win32 or SSPI status as IIS logs it in `sc-win32-status` (decimal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Win32Status {
    pub code: u32,
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `code`.
pub const WIN32: &[Win32Status] = &[Win32Status {
    code: 2148074254,
    name: "SEC_E_NO_CREDENTIALS",
    meaning: "No credentials were available: the client sent no (usable) credentials in this leg.",
    source: "https://learn.microsoft.com/en-us/windows/win32/secauthn/sspi-status-codes",
}];

/// The fields IIS writes when a log has no `#Fields` line of its own.
pub const DEFAULT_W3C_FIELDS: &[&str] = &[
    "date",
    "time",
    "s-ip",
    "cs-method",
    "cs-uri-stem",
    "cs-uri-query",
    "s-port",
    "cs-username",
    "c-ip",
    "cs(User-Agent)",
    "cs(Referer)",
    "sc-status",
    "sc-substatus",
    "sc-win32-status",
    "time-taken",
];

/// Looks up a status and substatus, falling back to the plain status.
pub fn status(status: u16, substatus: u16) -> Option<&'static IisStatus> {
    STATUSES
        .iter()
        .find(|s| s.status == status && s.substatus == substatus)
        .or_else(|| {
            STATUSES
                .iter()
                .find(|s| s.status == status && s.substatus == 0)
        })
}

/// Looks up a Win32 status code.
pub fn win32(code: u32) -> Option<&'static Win32Status> {
    WIN32.iter().find(|w| w.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_sourced() {
        for pair in STATUSES.windows(2) {
            assert!((pair[0].status, pair[0].substatus) < (pair[1].status, pair[1].substatus));
        }
        for s in STATUSES {
            crate::knowledge::assert_source(s.source, &format!("{}.{}", s.status, s.substatus));
        }
        for pair in WIN32.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for w in WIN32 {
            crate::knowledge::assert_source(w.source, w.name);
        }
    }

    #[test]
    fn hex_of_no_credentials_is_8009030e() {
        assert_eq!(
            format!("{:08X}", win32(2148074254).unwrap().code),
            "8009030E"
        );
    }
}
