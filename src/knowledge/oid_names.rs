//! Table: the short names of object identifiers (algorithms, extensions, name attributes, PKCS
//! types) as OpenSSL writes them, for the names the certificate cards show.
//!
//! These are the names x509-parser's registry gives; the page carries this table instead of the
//! registry, and a test checks that the two agree.

use crate::knowledge::sources as src;
use crate::knowledge::x509::OidName;

const fn row(oid: &'static str, name: &'static str) -> OidName {
    OidName {
        oid,
        name,
        source: src::OPENSSL_OBJECTS_TXT,
    }
}

/// Short names by dotted OID. Sorted by `oid` as text.
pub const SHORT_NAMES: &[OidName] = &[
    row("0.9.2342.19200300.100.1.1", "uid"),
    row("0.9.2342.19200300.100.1.25", "domainComponent"),
    row("1.2.643.2.2.19", "gostR3410-2001"),
    row("1.2.643.2.2.3", "id-GostR3411-94-with-GostR3410-2001"),
    row("1.2.643.7.1.1.1.1", "gost3410-2012-256"),
    row("1.2.643.7.1.1.1.2", "gost3410-2012-512"),
    row(
        "1.2.643.7.1.1.3.2",
        "id-tc26-signwithdigest-gost3410-12-256",
    ),
    row(
        "1.2.643.7.1.1.3.3",
        "id-tc26-signwithdigest-gost3410-12-512",
    ),
    row("1.2.840.10040.4.1", "id-dsa"),
    row("1.2.840.10040.4.3", "dsa-with-sha1"),
    row("1.2.840.10045.2.1", "id-ecPublicKey"),
    row("1.2.840.10045.3.1.7", "prime256v1"),
    row("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
    row("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
    row("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
    row("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
    row("1.2.840.113549.1.1.1", "rsaEncryption"),
    row("1.2.840.113549.1.1.10", "rsassa-pss"),
    row("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
    row("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
    row("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
    row("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
    row("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
    row("1.2.840.113549.1.1.3", "md4WithRSAEncryption"),
    row("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
    row("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
    row("1.2.840.113549.1.1.8", "id-mgf1"),
    row("1.2.840.113549.1.12", "pkcs-12"),
    row("1.2.840.113549.1.12.1", "pkcs-12PbeIds"),
    row("1.2.840.113549.1.12.1.1", "pbeWithSHAAnd128BitRC4"),
    row("1.2.840.113549.1.12.1.2", "pbeWithSHAAnd40BitRC4"),
    row("1.2.840.113549.1.12.1.3", "pbeWithSHAAnd3-KeyTripleDES-CBC"),
    row("1.2.840.113549.1.12.1.4", "pbeWithSHAAnd2-KeyTripleDES-CBC"),
    row("1.2.840.113549.1.12.1.5", "pbeWithSHAAnd128BitRC2-CBC"),
    row("1.2.840.113549.1.12.1.6", "pbeWithSHAAnd40BitRC2-CBC"),
    row("1.2.840.113549.1.7.1", "pkcs7-data"),
    row("1.2.840.113549.1.7.2", "pkcs7-signedData"),
    row("1.2.840.113549.1.7.3", "pkcs7-envelopedData"),
    row("1.2.840.113549.1.7.4", "pkcs7-signedAndEnvelopedData"),
    row("1.2.840.113549.1.7.5", "pkcs7-digestedData"),
    row("1.2.840.113549.1.7.6", "pkcs7-encryptedData"),
    row("1.2.840.113549.1.9.1", "emailAddress"),
    row("1.2.840.113549.1.9.14", "extensionRequest"),
    row("1.2.840.113549.1.9.15", "smimeCapabilities"),
    row("1.2.840.113549.1.9.2", "unstructuredName"),
    row("1.2.840.113549.1.9.20", "friendlyName"),
    row("1.2.840.113549.1.9.3", "contentType"),
    row("1.2.840.113549.1.9.4", "id-messageDigest"),
    row("1.2.840.113549.1.9.5", "signing-time"),
    row("1.2.840.113549.1.9.7", "challengePassword"),
    row("1.3.101.112", "ed25519"),
    row("1.3.101.113", "ed448"),
    row("1.3.132.0.34", "secp384r1"),
    row("1.3.132.0.35", "secp521r1"),
    row("1.3.133.16.840.63.0.2", "dhSinglePass-stdDH-sha1kdf-scheme"),
    row("1.3.14.3.2.25", "md5WithRSASignature"),
    row("1.3.14.3.2.26", "id-SHA1"),
    row("1.3.14.3.2.29", "sha1WithRSAEncryption"),
    row("1.3.36.3.3.1.2", "rsaSignatureWithripemd160"),
    row("1.3.6.1.4.1.11129.2.4.2", "ctSCTList"),
    row("1.3.6.1.4.1.311.60.2.1.1", "msJurisdictionLocality"),
    row("1.3.6.1.4.1.311.60.2.1.2", "msJurisdictionStateOrProvince"),
    row("1.3.6.1.4.1.311.60.2.1.3", "msJurisdictionCountry"),
    row("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
    row("1.3.6.1.5.5.7.1.11", "subjectInfoAccess"),
    row("1.3.6.1.5.5.7.48.1", "id-ad-ocsp"),
    row("1.3.6.1.5.5.7.48.10", "id-ad-rpki-manifest"),
    row("1.3.6.1.5.5.7.48.11", "id-ad-signed-object"),
    row("1.3.6.1.5.5.7.48.12", "id-ad-cmc"),
    row("1.3.6.1.5.5.7.48.13", "id-ad-rpki-notify"),
    row("1.3.6.1.5.5.7.48.14", "id-ad-stirTNList"),
    row("1.3.6.1.5.5.7.48.2", "id-ad-caIssuers"),
    row("1.3.6.1.5.5.7.48.3", "id-ad-timestamping"),
    row("1.3.6.1.5.5.7.48.4", "id-ad-dvcs"),
    row("1.3.6.1.5.5.7.48.5", "id-ad-caRepository"),
    row("1.3.6.1.5.5.7.48.6", "id-ad-http-certs"),
    row("1.3.6.1.5.5.7.48.7", "id-ad-http-crls"),
    row("2.16.840.1.101.3.4.1.42", "aes-256-cbc"),
    row("2.16.840.1.101.3.4.2.1", "sha256"),
    row("2.16.840.1.101.3.4.2.2", "sha384"),
    row("2.16.840.1.101.3.4.2.3", "sha512"),
    row("2.16.840.1.113730.1.1", "nsCertType"),
    row("2.16.840.1.113730.1.10", "nsEntityLogo"),
    row("2.16.840.1.113730.1.11", "nsUserPicture"),
    row("2.16.840.1.113730.1.12", "nsSSLServerName"),
    row("2.16.840.1.113730.1.13", "nsComment"),
    row("2.16.840.1.113730.1.2", "nsBaseURL"),
    row("2.16.840.1.113730.1.3", "nsRevocationURL"),
    row("2.16.840.1.113730.1.4", "nsCARevocationURL"),
    row("2.16.840.1.113730.1.5", "nsCACRLURL"),
    row("2.16.840.1.113730.1.6", "nsCACertURL"),
    row("2.16.840.1.113730.1.7", "nsRenewalURL"),
    row("2.16.840.1.113730.1.8", "nsCAPolicyURL"),
    row("2.16.840.1.113730.1.9", "nsHomepageURL"),
    row("2.5.29.1", "oldAuthorityKeyIdentifier"),
    row("2.5.29.14", "subjectKeyIdentifier"),
    row("2.5.29.15", "keyUsage"),
    row("2.5.29.16", "privateKeyUsagePeriod"),
    row("2.5.29.17", "subjectAltName"),
    row("2.5.29.18", "issuerAltName"),
    row("2.5.29.19", "basicConstraints"),
    row("2.5.29.2", "oldKeyAttributes"),
    row("2.5.29.20", "crlNumber"),
    row("2.5.29.21", "reasonCode"),
    row("2.5.29.23", "holdInstructionCode"),
    row("2.5.29.24", "invalidityDate"),
    row("2.5.29.27", "deltaCRLIndicator"),
    row("2.5.29.28", "issuerDistributionPoint"),
    row("2.5.29.29", "issuer"),
    row("2.5.29.3", "oldCertificatePolicies"),
    row("2.5.29.30", "nameConstraints"),
    row("2.5.29.31", "crlDistributionPoints"),
    row("2.5.29.32", "certificatePolicies"),
    row("2.5.29.33", "policyMappings"),
    row("2.5.29.35", "authorityKeyIdentifier"),
    row("2.5.29.36", "policyConstraints"),
    row("2.5.29.37", "extendedKeyUsage"),
    row("2.5.29.4", "oldKeyUsage"),
    row("2.5.29.46", "freshestCRL"),
    row("2.5.29.5", "oldPolicyMapping"),
    row("2.5.29.54", "inhibitAnyPolicy"),
    row("2.5.29.6", "oldSubtreesConstraint"),
    row("2.5.29.7", "oldSubjectAltNAme"),
    row("2.5.29.8", "oldIssuerAltNAme"),
    row("2.5.4", "x509"),
    row("2.5.4.0", "objectClass"),
    row("2.5.4.1", "aliasedEntryName"),
    row("2.5.4.10", "organizationName"),
    row("2.5.4.11", "organizationalUnit"),
    row("2.5.4.12", "title"),
    row("2.5.4.13", "description"),
    row("2.5.4.14", "searchGuide"),
    row("2.5.4.15", "businessCategory"),
    row("2.5.4.16", "postalAddress"),
    row("2.5.4.17", "postalCode"),
    row("2.5.4.2", "knowledgeInformation"),
    row("2.5.4.3", "commonName"),
    row("2.5.4.4", "surname"),
    row("2.5.4.41", "name"),
    row("2.5.4.42", "givenName"),
    row("2.5.4.43", "initials"),
    row("2.5.4.44", "generationQualifier"),
    row("2.5.4.45", "uniqueIdentifier"),
    row("2.5.4.46", "dnQualifier"),
    row("2.5.4.5", "serialNumber"),
    row("2.5.4.6", "countryName"),
    row("2.5.4.7", "localityName"),
    row("2.5.4.8", "stateOrProvinceName"),
    row("2.5.4.9", "streetAddress"),
];

/// The abbreviations used for name attributes in a distinguished name, before the short names.
/// Sorted by `oid` as text.
pub const ABBREVIATIONS: &[OidName] = &[
    row("0.9.2342.19200300.100.1.25", "DC"),
    row("1.2.840.113549.1.9.1", "Email"),
    row("2.5.4.10", "O"),
    row("2.5.4.11", "OU"),
    row("2.5.4.3", "CN"),
    row("2.5.4.6", "C"),
    row("2.5.4.7", "L"),
    row("2.5.4.8", "ST"),
];

/// The short name of a dotted OID, if it has one.
pub fn short_name(oid: &str) -> Option<&'static str> {
    SHORT_NAMES
        .binary_search_by(|r| r.oid.cmp(oid))
        .ok()
        .and_then(|i| SHORT_NAMES.get(i))
        .map(|r| r.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_unique_and_sourced() {
        assert!(SHORT_NAMES.windows(2).all(|w| w[0].oid < w[1].oid));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].oid < w[1].oid));
        assert!(ABBREVIATIONS.iter().all(|r| short_name(r.oid).is_some()));
        assert!(SHORT_NAMES.iter().all(|r| r.source.starts_with("https://")));
        assert_eq!(short_name("2.5.4.3"), Some("commonName"));
        assert_eq!(short_name("1.2.3.4"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_table_is_the_registry_x509_parser_uses() {
        use x509_parser::objects::oid_registry;
        let registry: Vec<(String, String)> = oid_registry()
            .iter()
            .map(|(oid, entry)| (oid.to_id_string(), entry.sn().to_string()))
            .collect();
        assert_eq!(registry.len(), SHORT_NAMES.len());
        for (oid, name) in registry {
            assert_eq!(short_name(&oid), Some(name.as_str()), "{oid}");
        }
    }
}
