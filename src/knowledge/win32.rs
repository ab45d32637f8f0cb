//! Table: Win32 and SSPI status codes as IIS writes them in `sc-win32-status`.

/// A Win32 or SSPI status as IIS logs it in `sc-win32-status` (decimal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Win32Status {
    pub code: u32,
    pub name: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `code`.
pub const WIN32: &[Win32Status] = &[
    Win32Status {
        code: 0,
        name: "ERROR_SUCCESS",
        meaning: "Success: no Win32 error.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 2,
        name: "ERROR_FILE_NOT_FOUND",
        meaning: "The file was not found.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 3,
        name: "ERROR_PATH_NOT_FOUND",
        meaning: "The path was not found.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 5,
        name: "ERROR_ACCESS_DENIED",
        meaning: "Access is denied (file system or configuration permissions).",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 50,
        name: "ERROR_NOT_SUPPORTED",
        meaning: "The request is not supported.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 64,
        name: "ERROR_NETNAME_DELETED",
        meaning: "The network name is no longer available: usually the client closed the connection before the response finished.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 121,
        name: "ERROR_SEM_TIMEOUT",
        meaning: "The semaphore timeout period expired: a network or back-end time-out.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_0_499,
    },
    Win32Status {
        code: 1236,
        name: "ERROR_CONNECTION_ABORTED",
        meaning: "The network connection was aborted by the local system.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1000_1299,
    },
    Win32Status {
        code: 1326,
        name: "ERROR_LOGON_FAILURE",
        meaning: "Logon failure: unknown user name or bad password.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    },
    Win32Status {
        code: 1327,
        name: "ERROR_ACCOUNT_RESTRICTION",
        meaning: "Account restriction: for example a blank password or logon hours or workstation limits.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    },
    Win32Status {
        code: 1330,
        name: "ERROR_PASSWORD_EXPIRED",
        meaning: "The password of the account has expired.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    },
    Win32Status {
        code: 1331,
        name: "ERROR_ACCOUNT_DISABLED",
        meaning: "The account is disabled.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    },
    Win32Status {
        code: 1385,
        name: "ERROR_LOGON_TYPE_NOT_GRANTED",
        meaning: "The user has not been granted the requested logon type on this computer.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    },
    Win32Status {
        code: 1907,
        name: "ERROR_PASSWORD_MUST_CHANGE",
        meaning: "The user's password must be changed before signing in.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1700_3999,
    },
    Win32Status {
        code: 1909,
        name: "ERROR_ACCOUNT_LOCKED_OUT",
        meaning: "The account is locked out.",
        source: crate::knowledge::sources::DEBUG_SYSTEM_ERROR_CODES_1700_3999,
    },
    Win32Status {
        code: 2148074242,
        name: "SEC_E_UNSUPPORTED_FUNCTION",
        meaning: "0x80090302: the requested security function is not supported.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074244,
        name: "SEC_E_INTERNAL_ERROR",
        meaning: "0x80090304: the Local Security Authority cannot be contacted.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074245,
        name: "SEC_E_SECPKG_NOT_FOUND",
        meaning: "0x80090305: the requested security package does not exist.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074246,
        name: "SEC_E_NOT_OWNER",
        meaning: "0x80090306: the caller is not the owner of the credentials.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074248,
        name: "SEC_E_INVALID_TOKEN",
        meaning: "0x80090308: the authentication token (Negotiate/NTLM/Kerberos blob) is not valid.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074251,
        name: "SEC_E_NO_IMPERSONATION",
        meaning: "0x8009030B: no impersonation is allowed for this context.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074252,
        name: "SEC_E_LOGON_DENIED",
        meaning: "0x8009030C: the logon attempt failed (wrong credentials or the account cannot sign in).",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074253,
        name: "SEC_E_UNKNOWN_CREDENTIALS",
        meaning: "0x8009030D: the credentials supplied to the package were not recognised.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074254,
        name: "SEC_E_NO_CREDENTIALS",
        meaning: "0x8009030E: no credentials were available: the client sent no (usable) credentials in this leg.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074255,
        name: "SEC_E_MESSAGE_ALTERED",
        meaning: "0x8009030F: the message or signature was altered.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074257,
        name: "SEC_E_NO_AUTHENTICATING_AUTHORITY",
        meaning: "0x80090311: no authority (domain controller) could be contacted for authentication.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074263,
        name: "SEC_E_CONTEXT_EXPIRED",
        meaning: "0x80090317: the security context has expired.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074274,
        name: "SEC_E_WRONG_PRINCIPAL",
        meaning: "0x80090322: the target principal name is incorrect (Kerberos SPN does not match the service account).",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074276,
        name: "SEC_E_TIME_SKEW",
        meaning: "0x80090324: the clocks of client and server differ too much.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074277,
        name: "SEC_E_UNTRUSTED_ROOT",
        meaning: "0x80090325: the certificate chain was issued by an untrusted authority.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074278,
        name: "SEC_E_ILLEGAL_MESSAGE",
        meaning: "0x80090326: the message received was unexpected or badly formatted.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074280,
        name: "SEC_E_CERT_EXPIRED",
        meaning: "0x80090328: the received certificate has expired.",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
    Win32Status {
        code: 2148074310,
        name: "SEC_E_BAD_BINDINGS",
        meaning: "0x80090346: the channel bindings supplied by the client are incorrect (Extended Protection with TLS offloading or inspection).",
        source: crate::knowledge::sources::SECAUTHN_SSPI_STATUS_CODES,
    },
];

/// How Win32 and SSPI rows are found in free text: an SSPI status by its hex form (`0x8009030C`,
/// any case) and its decimal form as IIS logs it (`2148074252`), and any status by its name when
/// that is distinctive (`SEC_E_LOGON_DENIED`); small decimal codes alone would match anything.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in WIN32 {
        if row.code >= 0x8000_0000 {
            out.push(Needle::any_case(
                format!("0x{:08X}", row.code),
                Fact::Win32(row.code),
            ));
            out.push(Needle::exact(row.code.to_string(), Fact::Win32(row.code)));
        }
        if row.name.len() >= 12 && row.name.contains('_') {
            out.push(Needle::exact(row.name, Fact::Win32(row.code)));
        }
    }
}

/// Looks up a Win32 status code.
pub fn win32(code: u32) -> Option<&'static Win32Status> {
    WIN32.iter().find(|w| w.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_sourced() {
        for pair in WIN32.windows(2) {
            assert!(pair[0].code < pair[1].code);
        }
        for w in WIN32 {
            crate::knowledge::assert_source(w.source, w.name);
        }
    }

    #[test]
    fn sspi_meanings_carry_their_hex() {
        for w in WIN32.iter().filter(|w| w.code > 0xFFFF) {
            assert!(
                w.meaning.starts_with(&format!("0x{:08X}", w.code)),
                "{} meaning must start with its hex",
                w.name
            );
        }
        assert!(win32(2148074254)
            .unwrap()
            .meaning
            .contains("no credentials"));
        assert_eq!(win32(1326).map(|w| w.name), Some("ERROR_LOGON_FAILURE"));
    }

    #[test]
    fn hex_of_no_credentials_is_8009030e() {
        assert_eq!(
            format!("{:08X}", win32(2148074254).unwrap().code),
            "8009030E"
        );
    }
}
