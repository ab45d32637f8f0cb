//! Certificate extensions as typed rows: one closed match over what x509-parser reads.

use super::cert::{ext_name, general_name};
use x509_parser::extensions::{DistributionPointName, ParsedExtension, X509Extension};

/// One extension of a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    pub critical: bool,
    pub kind: ExtensionKind,
}

/// What an extension says, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtensionKind {
    BasicConstraints {
        ca: bool,
        path_len: Option<u32>,
    },
    /// The nine key usage bits in RFC 5280 order (digitalSignature first).
    KeyUsage([bool; 9]),
    /// The flags x509-parser names (any, serverAuth, clientAuth, codeSigning, emailProtection,
    /// timeStamping, OCSPSigning) and the dotted OIDs of the others.
    ExtendedKeyUsage {
        flags: [bool; 7],
        other: Vec<String>,
    },
    /// Subject alternative names as (form, value).
    SubjectAltNames(Vec<(&'static str, String)>),
    SubjectKeyId(Vec<u8>),
    /// The authority key identifier, when it carries a key id.
    AuthorityKeyId(Option<Vec<u8>>),
    /// CRL distribution point addresses.
    CrlPoints(Vec<String>),
    /// Authority information access as (dotted access method, location).
    AuthorityInfo(Vec<(String, String)>),
    /// Certificate policy OIDs, dotted.
    Policies(Vec<String>),
    /// Signed certificate timestamps as (log key id, milliseconds since 1970).
    Scts(Vec<(Vec<u8>, u64)>),
    /// An extension x509-parser knows but could not parse.
    Unparsed {
        name: String,
        raw: Vec<u8>,
    },
    /// Any other extension.
    Other {
        name: String,
        oid: String,
        raw: Vec<u8>,
    },
}

/// Reads one extension: one closed match over the extension types x509-parser reads.
pub fn read(ext: &X509Extension) -> Extension {
    let kind = match ext.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) => ExtensionKind::BasicConstraints {
            ca: bc.ca,
            path_len: bc.path_len_constraint,
        },
        ParsedExtension::KeyUsage(ku) => ExtensionKind::KeyUsage([
            ku.digital_signature(),
            ku.non_repudiation(),
            ku.key_encipherment(),
            ku.data_encipherment(),
            ku.key_agreement(),
            ku.key_cert_sign(),
            ku.crl_sign(),
            ku.encipher_only(),
            ku.decipher_only(),
        ]),
        ParsedExtension::ExtendedKeyUsage(eku) => ExtensionKind::ExtendedKeyUsage {
            flags: [
                eku.any,
                eku.server_auth,
                eku.client_auth,
                eku.code_signing,
                eku.email_protection,
                eku.time_stamping,
                eku.ocsp_signing,
            ],
            other: eku.other.iter().map(|o| o.to_id_string()).collect(),
        },
        ParsedExtension::SubjectAlternativeName(san) => {
            ExtensionKind::SubjectAltNames(san.general_names.iter().map(general_name).collect())
        }
        ParsedExtension::SubjectKeyIdentifier(kid) => ExtensionKind::SubjectKeyId(kid.0.to_vec()),
        ParsedExtension::AuthorityKeyIdentifier(aki) => {
            ExtensionKind::AuthorityKeyId(aki.key_identifier.as_ref().map(|k| k.0.to_vec()))
        }
        ParsedExtension::CRLDistributionPoints(points) => ExtensionKind::CrlPoints(
            points
                .points
                .iter()
                .filter_map(|p| match &p.distribution_point {
                    Some(DistributionPointName::FullName(names)) => Some(names),
                    _ => None,
                })
                .flatten()
                .map(|gn| general_name(gn).1)
                .collect(),
        ),
        ParsedExtension::AuthorityInfoAccess(aia) => ExtensionKind::AuthorityInfo(
            aia.accessdescs
                .iter()
                .map(|d| {
                    (
                        d.access_method.to_id_string(),
                        general_name(&d.access_location).1,
                    )
                })
                .collect(),
        ),
        ParsedExtension::CertificatePolicies(policies) => ExtensionKind::Policies(
            policies
                .iter()
                .map(|p| p.policy_id.to_id_string())
                .collect(),
        ),
        ParsedExtension::SCT(scts) => ExtensionKind::Scts(
            scts.iter()
                .map(|sct| (sct.id.key_id.to_vec(), sct.timestamp))
                .collect(),
        ),
        ParsedExtension::ParseError { .. } => ExtensionKind::Unparsed {
            name: ext_name(&ext.oid),
            raw: ext.value.to_vec(),
        },
        _ => ExtensionKind::Other {
            name: ext_name(&ext.oid),
            oid: ext.oid.to_id_string(),
            raw: ext.value.to_vec(),
        },
    };
    Extension {
        critical: ext.critical,
        kind,
    }
}
