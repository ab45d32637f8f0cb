//! The sections of a certificate card: names, validity, key and signature, extensions and
//! thumbprints, and the helpers that show names, addresses and OIDs.

use crate::context::Context;
use crate::decode::x509::cert::{negative_magnitude, Certificate};
use crate::decode::x509::der::Thumbprints;
use crate::decode::x509::extensions::{Extension, ExtensionKind};
use crate::knowledge::x509 as facts;
use crate::report::{Field, Section};
use crate::text::{b64std, hex_colon, hex_upper, local, relative, utc};
use crate::verify::KeyKind;

/// Who the certificate is for and who signed it, its version and serial number.
pub fn names_section(cert: &Certificate) -> Section {
    let mut s = Section::new("Subject and issuer");
    s.push(Field::new("Subject", cert.subject.clone()).meaning("who the certificate is for"));
    // A name of one attribute is already said in full on the line above.
    if cert.subject_attributes.len() > 1 {
        for (name, value) in &cert.subject_attributes {
            s.push(Field::new(format!("  subject {name}"), value.clone()));
        }
    }
    s.push(
        Field::new("Issuer", cert.issuer_dn.clone()).meaning(if cert.self_issued {
            "who signed it; the same name as the subject, so the certificate is self-issued"
        } else {
            "who signed it"
        }),
    );
    if cert.issuer_attributes.len() > 1 {
        for (name, value) in &cert.issuer_attributes {
            s.push(Field::new(format!("  issuer {name}"), value.clone()));
        }
    }
    s.push(Field::new("Version", format!("v{}", cert.version + 1)));
    let raw = &cert.raw_serial;
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

/// When the certificate is valid, in UTC and local time.
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

/// The public key and the signature algorithm.
pub fn key_section(cert: &Certificate) -> Section {
    let mut s = Section::new("Key and signature");
    s.push(public_key_field(&cert.key_alg_oid, &cert.key));
    if let Some(e) = &cert.rsa_exponent {
        s.push(Field::new("RSA public exponent", e.clone()));
    }
    s.push(
        Field::new("Signature algorithm", cert.sig_alg_name.clone())
            .shown(alg_words(&cert.sig_alg_oid))
            .meaning(format!("OID {}", cert.sig_alg_oid)),
    );
    s
}

/// The public key, with what it can sign.
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

/// Every extension, one field per value, in the certificate's order.
pub fn extensions_section(extensions: &[Extension]) -> Section {
    let mut s = Section::new("Extensions");
    if extensions.is_empty() {
        s.push(Field::new("Extensions", "none").meaning(
            "no extensions: no SAN, key usage or basic constraints (a v1-style certificate)",
        ));
        return s;
    }
    for ext in extensions {
        extension_fields(&mut s, ext);
    }
    s
}

/// The fields of one extension.
fn extension_fields(s: &mut Section, ext: &Extension) {
    let critical = if ext.critical { " (critical)" } else { "" };
    let name = |n: &str| format!("{n}{critical}");
    match &ext.kind {
        ExtensionKind::BasicConstraints { ca, path_len } => {
            let mut v = format!("CA: {}", if *ca { "TRUE" } else { "FALSE" });
            if let Some(len) = path_len {
                v.push_str(&format!(", pathlen: {len}"));
            }
            s.push(Field::new(name("Basic constraints"), v).meaning(if *ca {
                "a certificate authority: may issue certificates"
            } else {
                "an end-entity certificate: may not issue certificates"
            }));
        }
        ExtensionKind::KeyUsage(bits) => {
            s.push(Field::new(name("Key usage"), key_usage_words(bits)));
        }
        ExtensionKind::ExtendedKeyUsage { flags, other } => {
            let names = flags.iter().zip(facts::STANDARD_EKU_NAMES);
            let mut v: Vec<String> = names
                .filter(|(set, _)| **set)
                .map(|(_, n)| n.to_string())
                .collect();
            v.extend(other.iter().map(|o| eku_name(o)));
            s.push(Field::new(name("Extended key usage"), v.join(", ")));
        }
        ExtensionKind::SubjectAltNames(names) => {
            for (kind, value) in names {
                s.push(Field::new(
                    name(&format!("Subject alternative name ({kind})")),
                    value.clone(),
                ));
            }
        }
        ExtensionKind::SubjectKeyId(kid) => {
            s.push(
                Field::new(name("Subject key identifier"), hex_upper(kid)).shown(hex_colon(kid)),
            );
        }
        ExtensionKind::AuthorityKeyId(Some(kid)) => {
            s.push(
                Field::new(name("Authority key identifier"), hex_upper(kid))
                    .shown(hex_colon(kid))
                    .meaning("the subject key identifier of the issuing certificate"),
            );
        }
        ExtensionKind::AuthorityKeyId(None) => {}
        ExtensionKind::CrlPoints(points) => {
            for p in points {
                s.push(
                    Field::new(name("CRL distribution point"), p.clone())
                        .meaning("revocation list address (shown, never fetched)"),
                );
            }
        }
        ExtensionKind::AuthorityInfo(descs) => {
            for (method, location) in descs {
                let method = facts::name_in(facts::ACCESS_METHODS, method).unwrap_or("access");
                s.push(
                    Field::new(
                        name(&format!("Authority info access ({method})")),
                        location.clone(),
                    )
                    .meaning("address (shown, never fetched)"),
                );
            }
        }
        ExtensionKind::Policies(oids) => {
            for oid in oids {
                s.push(Field::new(name("Certificate policy"), oid.clone()).shown(policy_name(oid)));
            }
        }
        ExtensionKind::Scts(scts) => {
            for (key_id, timestamp) in scts {
                let secs = i64::try_from(timestamp / 1000).unwrap_or(i64::MAX);
                s.push(
                    Field::new(name("Signed certificate timestamp"), b64std(key_id))
                        .shown(format!("log {} at {}", b64std(key_id), utc(secs)))
                        .meaning("proof the certificate was logged in Certificate Transparency"),
                );
            }
        }
        ExtensionKind::Unparsed { name: n, raw } => {
            s.push(
                Field::new(name(n), hex_upper(raw)).meaning("this extension could not be parsed"),
            );
        }
        ExtensionKind::Other { name: n, oid, raw } => {
            s.push(Field::new(name(n), ellipsis_hex(raw)).meaning(format!("extension OID {oid}")));
        }
    }
}

/// The signature algorithm in words, with its strength; empty when the table does not name it.
fn alg_words(oid: &str) -> String {
    facts::name_in(facts::SIGNATURE_ALGORITHMS, oid)
        .unwrap_or_default()
        .to_string()
}

fn key_usage_words(bits: &[bool; 9]) -> String {
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

fn eku_name(id: &str) -> String {
    match facts::name_in(facts::EXTENDED_KEY_USAGES, id) {
        Some(name) => format!("{name} ({id})"),
        None => id.to_string(),
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
