//! Table: values of the `amr` (authentication methods) claim.

/// A value of the `amr` (authentication methods) claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmrValue {
    pub value: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

/// Sorted by `value`.
pub const AMR_VALUES: &[AmrValue] = &[
    AmrValue {
        value: "face",
        meaning: "Facial recognition (biometric).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "fed",
        meaning: "Federated: a federated identity provider (for example AD FS) authenticated the user.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "fido",
        meaning: "FIDO2 security key or passkey; seen in real Entra tokens but not in Microsoft's list of amr values.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "fpt",
        meaning: "Fingerprint (biometric).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "hwk",
        meaning: "Proof of possession of a hardware-secured key.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "kba",
        meaning: "Knowledge-based authentication (security questions).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "mca",
        meaning: "Multiple-channel authentication.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "mfa",
        meaning: "Multifactor authentication was used.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "ngcmfa",
        meaning: "Windows Hello for Business or another strong credential equivalent to MFA.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "none",
        meaning: "No authentication was done (for example an app-only token).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "otp",
        meaning: "One-time passcode (email or text message).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "pin",
        meaning: "Personal identification number (PIN).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "pwd",
        meaning: "Password (or, for an app, a client secret).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "rsa",
        meaning: "Proof of an RSA key, for example the Authenticator app or a self-signed JWT signed with a certificate.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "sc",
        meaning: "Smart card.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "sms",
        meaning: "Confirmation by SMS text message.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "swk",
        meaning: "Proof of possession of a software-secured key.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "tel",
        meaning: "Confirmation by telephone call.",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "user",
        meaning: "User presence test (for example a touch).",
        source: crate::knowledge::sources::DOC_RFC8176_SECTION_2,
    },
    AmrValue {
        value: "wia",
        meaning: "Windows Integrated Authentication (Kerberos or NTLM).",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    AmrValue {
        value: "wiaormfa",
        meaning: "The user signed in with Windows Integrated Authentication or with MFA.",
        source: crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
];
