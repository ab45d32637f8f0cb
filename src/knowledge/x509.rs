//! Table: certificate facts: OID names (signature algorithms, extensions, EKUs, policies, PKCS#12
//! algorithms and attributes), key usage names, and the Exchange auth certificate.

use crate::knowledge::sources as src;

/// An object identifier and the name people know it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OidName {
    /// Dotted form.
    pub oid: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

const fn row(oid: &'static str, name: &'static str, source: &'static str) -> OidName {
    OidName { oid, name, source }
}

/// The name of `oid` in `table`, if it has one.
pub fn name_in(table: &[OidName], oid: &str) -> Option<&'static str> {
    table.iter().find(|r| r.oid == oid).map(|r| r.name)
}

/// Signature algorithms, with their strength said where it matters. Sorted by `oid`.
pub const SIGNATURE_ALGORITHMS: &[OidName] = &[
    row(
        "1.2.840.10045.4.1",
        "ECDSA with SHA-1 (weak)",
        src::DOC_RFC3279_SECTION_2_2,
    ),
    row(
        "1.2.840.10045.4.3.2",
        "ECDSA with SHA-256",
        src::DOC_RFC5758_SECTION_3_2,
    ),
    row(
        "1.2.840.10045.4.3.3",
        "ECDSA with SHA-384",
        src::DOC_RFC5758_SECTION_3_2,
    ),
    row(
        "1.2.840.10045.4.3.4",
        "ECDSA with SHA-512",
        src::DOC_RFC5758_SECTION_3_2,
    ),
    row(
        "1.2.840.113549.1.1.10",
        "RSA-PSS",
        src::DOC_RFC4055_SECTION_5,
    ),
    row(
        "1.2.840.113549.1.1.11",
        "SHA-256 with RSA",
        src::DOC_RFC4055_SECTION_5,
    ),
    row(
        "1.2.840.113549.1.1.12",
        "SHA-384 with RSA",
        src::DOC_RFC4055_SECTION_5,
    ),
    row(
        "1.2.840.113549.1.1.13",
        "SHA-512 with RSA",
        src::DOC_RFC4055_SECTION_5,
    ),
    row(
        "1.2.840.113549.1.1.5",
        "SHA-1 with RSA (weak)",
        src::DOC_RFC3279_SECTION_2_2,
    ),
    row("1.3.101.112", "Ed25519", src::DOC_RFC8410_SECTION_3),
];

/// Named elliptic curves, as an EC public key's parameters name them. Sorted by `oid`.
pub const CURVES: &[OidName] = &[
    row(
        "1.2.840.10045.3.1.7",
        "P-256 (secp256r1, prime256v1)",
        src::DOC_RFC5480_SECTION_2_1_1_1,
    ),
    row("1.3.132.0.10", "secp256k1", src::SECG_SEC2_V2_PDF),
    row(
        "1.3.132.0.34",
        "P-384 (secp384r1)",
        src::DOC_RFC5480_SECTION_2_1_1_1,
    ),
    row(
        "1.3.132.0.35",
        "P-521 (secp521r1)",
        src::DOC_RFC5480_SECTION_2_1_1_1,
    ),
];

/// Extended key usages that x509-parser does not name itself. Sorted by `oid`.
pub const EXTENDED_KEY_USAGES: &[OidName] = &[
    row(
        "1.3.6.1.4.1.311.10.3.12",
        "Document Signing",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.4.1.311.20.2.2",
        "Smart Card Logon",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.4.1.311.80.1",
        "Document Encryption",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.5.2.3.5",
        "KDC Authentication",
        src::DOC_RFC4556_SECTION_3_2_4,
    ),
    row(
        "1.3.6.1.5.5.7.3.17",
        "IPsec IKE",
        src::DOC_RFC4945_SECTION_5_1_3_12,
    ),
];

/// Certificate policies. Sorted by `oid`.
pub const CERTIFICATE_POLICIES: &[OidName] = &[
    row(
        "2.23.140.1.1",
        "CA/Browser Forum extended validation",
        src::CABFORUM_RESOURCES_OBJECT_REGISTRY,
    ),
    row(
        "2.23.140.1.2.1",
        "CA/Browser Forum domain validated",
        src::CABFORUM_RESOURCES_OBJECT_REGISTRY,
    ),
    row(
        "2.23.140.1.2.2",
        "CA/Browser Forum organization validated",
        src::CABFORUM_RESOURCES_OBJECT_REGISTRY,
    ),
    row(
        "2.23.140.1.2.3",
        "CA/Browser Forum individual validated",
        src::CABFORUM_RESOURCES_OBJECT_REGISTRY,
    ),
    row("2.5.29.32.0", "Any policy", src::DOC_RFC5280_SECTION_4_2),
];

/// Microsoft certificate extensions that x509-parser does not name. Sorted by `oid`.
pub const EXTENSIONS: &[OidName] = &[
    row(
        "1.3.6.1.4.1.311.20.2",
        "Microsoft certificate template name",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.4.1.311.21.1",
        "Microsoft CA version",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.4.1.311.21.10",
        "Microsoft application policies",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
    row(
        "1.3.6.1.4.1.311.21.7",
        "Microsoft certificate template",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
];

/// Authority information access methods. Sorted by `oid`.
pub const ACCESS_METHODS: &[OidName] = &[
    row("1.3.6.1.5.5.7.48.1", "OCSP", src::DOC_RFC5280_SECTION_4_2),
    row(
        "1.3.6.1.5.5.7.48.2",
        "CA issuers",
        src::DOC_RFC5280_SECTION_4_2,
    ),
];

/// The other-name form of a subject alternative name that holds a user principal name.
pub const OID_UPN: &str = "1.3.6.1.4.1.311.20.2.3";

/// Password-based encryption, ciphers and digests seen in PKCS#12 files. Sorted by `oid`.
pub const PKCS12_ALGORITHMS: &[OidName] = &[
    row(
        "1.2.840.113549.1.12.1.3",
        "pbeWithSHAAnd3-KeyTripleDES-CBC (legacy 3DES)",
        src::DOC_RFC7292_APPENDIX_C,
    ),
    row(
        "1.2.840.113549.1.12.1.5",
        "pbeWithSHAAnd128BitRC2-CBC (legacy)",
        src::DOC_RFC7292_APPENDIX_C,
    ),
    row(
        "1.2.840.113549.1.12.1.6",
        "pbeWithSHAAnd40BitRC2-CBC (legacy, weak RC2-40)",
        src::DOC_RFC7292_APPENDIX_C,
    ),
    row(
        "1.2.840.113549.1.5.12",
        "PBKDF2",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row(
        "1.2.840.113549.1.5.13",
        "PBES2",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row(
        "1.2.840.113549.3.7",
        "3DES-CBC",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row("1.3.14.3.2.26", "SHA-1", src::DOC_RFC5754_SECTION_2),
    row(
        "2.16.840.1.101.3.4.1.2",
        "AES-128-CBC",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row(
        "2.16.840.1.101.3.4.1.22",
        "AES-192-CBC",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row(
        "2.16.840.1.101.3.4.1.42",
        "AES-256-CBC",
        src::DOC_RFC8018_APPENDIX_C,
    ),
    row(
        "2.16.840.1.101.3.4.2.1",
        "SHA-256",
        src::DOC_RFC5754_SECTION_2,
    ),
    row(
        "2.16.840.1.101.3.4.2.2",
        "SHA-384",
        src::DOC_RFC5754_SECTION_2,
    ),
    row(
        "2.16.840.1.101.3.4.2.3",
        "SHA-512",
        src::DOC_RFC5754_SECTION_2,
    ),
];

/// PBES2, whose parameters name the KDF and the cipher.
pub const OID_PBES2: &str = "1.2.840.113549.1.5.13";

/// The name of a PKCS#12 algorithm, or `OID <dotted>`.
pub fn pkcs12_alg_name(oid: &str) -> String {
    name_in(PKCS12_ALGORITHMS, oid)
        .map(str::to_string)
        .unwrap_or_else(|| format!("OID {oid}"))
}

/// PKCS#12 bag attributes shown without the password. Sorted by `oid`.
pub const PKCS12_ATTRIBUTES: &[OidName] = &[
    row(
        "1.2.840.113549.1.9.20",
        "friendly name",
        src::DOC_RFC7292_SECTION_4_2,
    ),
    row(
        "1.2.840.113549.1.9.21",
        "local key id (often the certificate's SHA-1 thumbprint)",
        src::DOC_RFC7292_SECTION_4_2,
    ),
    row(
        "1.3.6.1.4.1.311.17.1",
        "Windows key provider",
        src::TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    ),
];

/// The local key id attribute, whose value is shown in hex.
pub const OID_LOCAL_KEY_ID: &str = "1.2.840.113549.1.9.21";

/// Key usage bits in the order of RFC 5280 section 4.2.1.3 (digitalSignature is bit 0).
pub const KEY_USAGE_NAMES: [&str; 9] = [
    "Digital Signature",
    "Non Repudiation",
    "Key Encipherment",
    "Data Encipherment",
    "Key Agreement",
    "Certificate Sign",
    "CRL Sign",
    "Encipher Only",
    "Decipher Only",
];

/// The extended key usages x509-parser names as flags, in its order: any, serverAuth,
/// clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning.
pub const STANDARD_EKU_NAMES: [&str; 7] = [
    "Any purpose",
    "Server Authentication (serverAuth)",
    "Client Authentication (clientAuth)",
    "Code Signing",
    "Email Protection",
    "Time Stamping",
    "OCSP Signing",
];

/// The common name Exchange gives its OAuth signing certificate.
pub const EXCHANGE_AUTH_CERTIFICATE_CN: &str = "Microsoft Exchange Server Auth Certificate";

/// Entra ID's smallest RSA key for a certificate credential.
pub const MIN_RSA_BITS: usize = 2048;

/// How close to its end a certificate or credential is reported as expiring soon.
pub const EXPIRES_SOON_SECONDS: i64 = 30 * 86_400;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oid_tables_are_sorted_unique_and_sourced() {
        for table in [
            CURVES,
            SIGNATURE_ALGORITHMS,
            EXTENDED_KEY_USAGES,
            CERTIFICATE_POLICIES,
            EXTENSIONS,
            ACCESS_METHODS,
            PKCS12_ALGORITHMS,
            PKCS12_ATTRIBUTES,
        ] {
            for pair in table.windows(2) {
                assert!(
                    pair[0].oid < pair[1].oid,
                    "{} before {}",
                    pair[0].oid,
                    pair[1].oid
                );
            }
            for r in table {
                crate::knowledge::assert_source(r.source, r.oid);
                assert!(!r.name.is_empty(), "{}", r.oid);
                assert!(
                    r.oid.split('.').all(|n| n.parse::<u64>().is_ok()),
                    "{}",
                    r.oid
                );
            }
        }
        assert_eq!(name_in(PKCS12_ALGORITHMS, OID_PBES2), Some("PBES2"));
        assert!(name_in(PKCS12_ATTRIBUTES, OID_LOCAL_KEY_ID).is_some());
    }
}
