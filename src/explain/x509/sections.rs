//! The sections of a certificate card: names, validity, key and signature, extensions and
//! thumbprints, and the helpers that show names, addresses and OIDs.

use crate::context::Context;
use crate::decode::x509::cert::{
    alg_name, dn_attributes, dn_string, ext_name, general_name, negative_magnitude,
};
use crate::decode::x509::der::Thumbprints;
use crate::knowledge::x509 as facts;
use crate::report::{Field, Section};
use crate::text::{b64std, hex_colon, hex_upper, local, relative, utc};
use crate::verify::KeyKind;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::oid_registry::Oid;

pub fn names_section(cert: &X509Certificate) -> Section {
    let mut s = Section::new("Subject and issuer");
    let subject = dn_string(cert.subject());
    let issuer = dn_string(cert.issuer());
    let same = cert.subject().as_raw() == cert.issuer().as_raw();
    s.push(Field::new("Subject", subject.clone()).meaning("who the certificate is for"));
    // A name of one attribute is already said in full on the line above.
    let subject_parts = dn_attributes(cert.subject());
    if subject_parts.len() > 1 {
        for (name, value) in subject_parts {
            s.push(Field::new(format!("  subject {name}"), value));
        }
    }
    s.push(Field::new("Issuer", issuer).meaning(if same {
        "who signed it; the same name as the subject, so the certificate is self-issued"
    } else {
        "who signed it"
    }));
    let issuer_parts = dn_attributes(cert.issuer());
    for (name, value) in issuer_parts.iter().filter(|_| issuer_parts.len() > 1) {
        s.push(Field::new(format!("  issuer {name}"), value.clone()));
    }
    s.push(Field::new("Version", format!("v{}", cert.version().0 + 1)));
    let raw = cert.raw_serial();
    let meaning = match negative_magnitude(raw) {
        Some(magnitude) => format!(
            "unique per issuing CA; as a DER integer it is negative: openssl prints -{}, Windows shows the bytes {}",
            hex_upper(&magnitude),
            hex_upper(raw).to_ascii_lowercase()
        ),
        None => "unique per issuing CA".to_string(),
    };
    s.push(
        Field::new("Serial number", hex_upper(raw))
            .shown(hex_colon(raw))
            .meaning(meaning),
    );
    s
}

pub fn validity_section(nb: i64, na: i64, ctx: &Context) -> Section {
    let mut s = Section::new("Validity");
    s.push(
        Field::new("Not before", utc(nb))
            .shown(local(nb, ctx.utc_offset_minutes))
            .meaning(relative(nb, ctx.now)),
    );
    let state = if ctx.now > na {
        format!("expired {}", relative(na, ctx.now))
    } else {
        format!("expires {}", relative(na, ctx.now))
    };
    s.push(
        Field::new("Not after", utc(na))
            .shown(local(na, ctx.utc_offset_minutes))
            .meaning(state),
    );
    s.push(Field::new("Lifetime", crate::text::duration_words(na - nb)));
    s
}

pub fn key_section(cert: &X509Certificate, key: &KeyKind) -> Section {
    let mut s = Section::new("Key and signature");
    s.push(public_key_field(
        &cert.public_key().algorithm.algorithm.to_id_string(),
        key,
    ));
    if let Ok(x509_parser::public_key::PublicKey::RSA(rsa)) = cert.public_key().parsed() {
        if let Ok(e) = rsa.try_exponent() {
            s.push(Field::new("RSA public exponent", e.to_string()));
        }
    }
    let alg = &cert.signature_algorithm.algorithm;
    s.push(
        Field::new("Signature algorithm", alg_name(alg))
            .shown(alg_words(&alg.to_id_string()))
            .meaning(format!("OID {}", alg.to_id_string())),
    );
    s
}

pub fn public_key_field(alg_oid: &str, key: &KeyKind) -> Field {
    let meaning = match key {
        KeyKind::Rsa { bits } if *bits < 2048 => "too short: Entra ID requires at least 2048 bits",
        KeyKind::Rsa { .. } => "RSA: signs RS256/PS256 tokens and client assertions",
        KeyKind::Ec { .. } => "elliptic curve: signs ES256/ES384 tokens",
        KeyKind::Ed25519 => "Edwards curve: signs EdDSA tokens",
        KeyKind::Other(_) => "",
    };
    Field::new("Public key", key.describe())
        .meaning(meaning)
        .source(format!("algorithm OID {alg_oid}"))
}

// long: one closed match over the extension types x509-parser reads, one arm per kind.
pub fn extensions_section(cert: &X509Certificate) -> Section {
    let mut s = Section::new("Extensions");
    if cert.extensions().is_empty() {
        s.push(Field::new("Extensions", "none").meaning(
            "no extensions: no SAN, key usage or basic constraints (a v1-style certificate)",
        ));
        return s;
    }
    for ext in cert.extensions() {
        let critical = if ext.critical { " (critical)" } else { "" };
        let name = |n: &str| format!("{n}{critical}");
        match ext.parsed_extension() {
            ParsedExtension::BasicConstraints(bc) => {
                let mut v = format!("CA: {}", if bc.ca { "TRUE" } else { "FALSE" });
                if let Some(len) = bc.path_len_constraint {
                    v.push_str(&format!(", pathlen: {len}"));
                }
                s.push(Field::new(name("Basic constraints"), v).meaning(if bc.ca {
                    "a certificate authority: may issue certificates"
                } else {
                    "an end-entity certificate: may not issue certificates"
                }));
            }
            ParsedExtension::KeyUsage(ku) => {
                s.push(Field::new(name("Key usage"), key_usage_words(ku)));
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let mut v = Vec::new();
                let flags = [
                    eku.any,
                    eku.server_auth,
                    eku.client_auth,
                    eku.code_signing,
                    eku.email_protection,
                    eku.time_stamping,
                    eku.ocsp_signing,
                ];
                let names = flags.iter().zip(facts::STANDARD_EKU_NAMES);
                v.extend(names.filter(|(set, _)| **set).map(|(_, n)| n.to_string()));
                v.extend(eku.other.iter().map(eku_name));
                s.push(Field::new(name("Extended key usage"), v.join(", ")));
            }
            ParsedExtension::SubjectAlternativeName(san) => {
                for gn in &san.general_names {
                    let (kind, value) = general_name(gn);
                    s.push(Field::new(
                        name(&format!("Subject alternative name ({kind})")),
                        value,
                    ));
                }
            }
            ParsedExtension::SubjectKeyIdentifier(kid) => {
                s.push(
                    Field::new(name("Subject key identifier"), hex_upper(kid.0))
                        .shown(hex_colon(kid.0)),
                );
            }
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                if let Some(kid) = &aki.key_identifier {
                    s.push(
                        Field::new(name("Authority key identifier"), hex_upper(kid.0))
                            .shown(hex_colon(kid.0))
                            .meaning("the subject key identifier of the issuing certificate"),
                    );
                }
            }
            ParsedExtension::CRLDistributionPoints(points) => {
                for p in &points.points {
                    if let Some(x509_parser::extensions::DistributionPointName::FullName(names)) =
                        &p.distribution_point
                    {
                        for gn in names {
                            s.push(
                                Field::new(name("CRL distribution point"), general_name(gn).1)
                                    .meaning("revocation list address (shown, never fetched)"),
                            );
                        }
                    }
                }
            }
            ParsedExtension::AuthorityInfoAccess(aia) => {
                for d in &aia.accessdescs {
                    let method =
                        facts::name_in(facts::ACCESS_METHODS, &d.access_method.to_id_string())
                            .unwrap_or("access");
                    s.push(
                        Field::new(
                            name(&format!("Authority info access ({method})")),
                            general_name(&d.access_location).1,
                        )
                        .meaning("address (shown, never fetched)"),
                    );
                }
            }
            ParsedExtension::CertificatePolicies(policies) => {
                for p in policies {
                    let oid = p.policy_id.to_id_string();
                    s.push(
                        Field::new(name("Certificate policy"), oid.clone())
                            .shown(policy_name(&oid)),
                    );
                }
            }
            ParsedExtension::SCT(scts) => {
                for sct in scts {
                    let secs = (sct.timestamp / 1000) as i64;
                    s.push(
                        Field::new(name("Signed certificate timestamp"), b64std(sct.id.key_id))
                            .shown(format!("log {} at {}", b64std(sct.id.key_id), utc(secs)))
                            .meaning(
                                "proof the certificate was logged in Certificate Transparency",
                            ),
                    );
                }
            }
            ParsedExtension::ParseError { .. } => {
                s.push(
                    Field::new(name(&ext_name(&ext.oid)), hex_upper(ext.value))
                        .meaning("this extension could not be parsed"),
                );
            }
            _ => {
                let oid = ext.oid.to_id_string();
                s.push(
                    Field::new(name(&ext_name(&ext.oid)), ellipsis_hex(ext.value))
                        .meaning(format!("extension OID {oid}")),
                );
            }
        }
    }
    s
}

/// The signature algorithm in words, with its strength; empty when the table does not name it.
fn alg_words(oid: &str) -> String {
    facts::name_in(facts::SIGNATURE_ALGORITHMS, oid)
        .unwrap_or_default()
        .to_string()
}

fn key_usage_words(ku: &x509_parser::extensions::KeyUsage) -> String {
    let bits = [
        ku.digital_signature(),
        ku.non_repudiation(),
        ku.key_encipherment(),
        ku.data_encipherment(),
        ku.key_agreement(),
        ku.key_cert_sign(),
        ku.crl_sign(),
        ku.encipher_only(),
        ku.decipher_only(),
    ];
    let words: Vec<&str> = bits
        .iter()
        .zip(facts::KEY_USAGE_NAMES)
        .filter(|(set, _)| **set)
        .map(|(_, name)| name)
        .collect();
    if words.is_empty() {
        "(none)".into()
    } else {
        words.join(", ")
    }
}

fn eku_name(oid: &Oid) -> String {
    let id = oid.to_id_string();
    match facts::name_in(facts::EXTENDED_KEY_USAGES, &id) {
        Some(name) => format!("{name} ({id})"),
        None => id,
    }
}

fn policy_name(oid: &str) -> String {
    facts::name_in(facts::CERTIFICATE_POLICIES, oid)
        .unwrap_or_default()
        .to_string()
}

fn ellipsis_hex(bytes: &[u8]) -> String {
    if bytes.len() > 48 {
        format!("{}… ({} bytes)", hex_upper(&bytes[..48]), bytes.len())
    } else {
        hex_upper(bytes)
    }
}

/// The date of a timestamp, `YYYY-MM-DD`.
pub fn date_only(ts: i64) -> String {
    utc(ts).chars().take(10).collect()
}

/// The section listing both thumbprints in hex, colon hex, base64 and base64url.
pub fn thumbprints_section(thumbs: &Thumbprints, what: &str) -> Section {
    let mut s = Section::new("Thumbprints");
    s.push(
        Field::new("SHA-1 thumbprint", hex_upper(&thumbs.sha1))
            .shown(hex_colon(&thumbs.sha1))
            .meaning(format!(
                "SHA-1 of the {what}: the Windows certificate store, Get-AuthConfig and Entra show this"
            )),
    );
    s.push(
        Field::new("SHA-256 thumbprint", hex_upper(&thumbs.sha256))
            .shown(hex_colon(&thumbs.sha256))
            .meaning(format!("SHA-256 of the {what}")),
    );
    s.push(
        Field::new(
            "SHA-1 base64 (customKeyIdentifier)",
            thumbs.custom_key_identifier(),
        )
        .meaning("the form an app manifest keyCredentials entry uses"),
    );
    s.push(Field::new("x5t (SHA-1 base64url)", thumbs.x5t()).meaning(
        "the value a token header carries in x5t; Entra-issued tokens carry it in kid too",
    ));
    s.push(
        Field::new("x5t#S256 (SHA-256 base64url)", thumbs.x5t_s256())
            .meaning("the value a token header carries in x5t#S256"),
    );
    s
}
