//! Decoder: X.509 certificates, public keys, CSRs and PKCS#7 in PEM, base64 DER or hex.
//!
//! Each certificate becomes one artifact with its names, dates, key, extensions, thumbprints and
//! the JSON to upload it to Entra; certificates found together are linked into a chain.

use crate::context::Context;
use crate::decode::der_util::{self, overlaps, Thumbprints};
use crate::decode::{jwk, pfx};
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity, Span};
use crate::text::{b64std, b64url, hex_colon, hex_upper, local, relative, utc};
use crate::verify::{self, KeyKind};
use x509_parser::certificate::X509Certificate;
use x509_parser::certification_request::X509CertificationRequest;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::objects::{oid2abbrev, oid2sn, oid_registry};
use x509_parser::oid_registry::Oid;
use x509_parser::prelude::FromDer;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo, X509Name};

/// Where the Entra keyCredentials documentation lives.
const KEYCREDENTIALS_DOC: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY;
/// Where the Microsoft Graph keyCredential resource is documented.
const GRAPH_KEYCREDENTIAL_DOC: &str = crate::knowledge::sources::RESOURCES_KEYCREDENTIAL;
/// Where Exchange hybrid OAuth and its auth certificate are documented.
const EXCHANGE_OAUTH_DOC: &str =
    crate::knowledge::sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND;

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    let mut ders: Vec<(usize, Vec<u8>)> = Vec::new();
    let blocks = der_util::pem_blocks(text);
    for block in &blocks {
        if let Some(artifact) = from_pem_block(block, ctx) {
            if let (ArtifactKind::Certificate, Some(der)) = (artifact.kind, &block.der) {
                ders.push((out.len(), der.clone()));
            }
            out.push(artifact);
        }
    }
    // Base64 and hex DER outside PEM armour and outside JSON that the JWK decoder reads.
    let mut claimed: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    claimed.extend(jwk::claimed_spans(text));
    let runs = der_util::der_base64_line_blocks(text)
        .into_iter()
        .chain(der_util::der_base64_runs(text, der_util::MIN_BASE64_RUN))
        .chain(der_util::der_hex_runs(text));
    for run in runs {
        if claimed.iter().any(|c| overlaps(*c, run.span)) {
            continue;
        }
        if let Some(artifact) = from_der_guess(&run.bytes, run.span, ctx) {
            claimed.push(run.span);
            if artifact.kind == ArtifactKind::Certificate {
                ders.push((out.len(), run.bytes));
            }
            out.push(artifact);
        }
    }
    link_chain(&mut out, &ders);
    let pem_spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    out.extend(openssl_text_dumps(text, &pem_spans, ctx));
    let thumbs = thumbprint_lines(text);
    let cert_indices: Vec<usize> = ders.iter().map(|(i, _)| *i).collect();
    link_thumbprints(&mut out, &thumbs, &cert_indices);
    let mut seen: Vec<&[u8]> = Vec::new();
    for t in &thumbs {
        // Get-AuthConfig's thumbprints are shown by the PowerShell decoder; they only link here.
        if t.auth_config_slot().is_some() || seen.contains(&t.sha1.as_slice()) {
            continue;
        }
        seen.push(&t.sha1);
        out.push(thumbprint_artifact(t, ctx));
    }
    out
}

/// Decodes a PEM block by its label; blocks of other kinds (private keys) get a warning artifact.
fn from_pem_block(block: &der_util::PemBlock, ctx: &Context) -> Option<Artifact> {
    let label = block.label.as_str();
    let kind = match label {
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => ArtifactKind::Certificate,
        "PUBLIC KEY" | "RSA PUBLIC KEY" => ArtifactKind::PublicKey,
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => ArtifactKind::Csr,
        "PKCS7" | "CMS" => ArtifactKind::Pkcs7,
        l if l.ends_with("PRIVATE KEY") => return Some(private_key(block)),
        _ => return None,
    };
    let mut broken = Artifact::new(kind, block.span, format!("PEM {label} (unreadable)"));
    let Some(der) = &block.der else {
        broken.verdict = format!(
            "A PEM {label} block whose content is not valid base64, so nothing in it can be read."
        );
        broken.findings.push(Finding::new(
            Severity::Error,
            "Not valid base64",
            "Between the BEGIN and END lines a PEM block holds base64 text only; copy it again from the .cer/.pem file without changes.",
        ));
        return Some(broken);
    };
    let decoded = match kind {
        ArtifactKind::Certificate => certificate_artifact(der, block.span, ctx),
        ArtifactKind::PublicKey if label == "RSA PUBLIC KEY" => pkcs1_public_key(der, block.span),
        ArtifactKind::PublicKey => spki_artifact(der, block.span),
        ArtifactKind::Csr => csr_artifact(der, block.span, ctx),
        _ => pkcs7_artifact(der, block.span, ctx),
    };
    let mut artifact = match decoded {
        Some(a) => a,
        None => {
            broken.verdict = format!(
                "A PEM {label} block whose content is not a valid {label} structure{}.",
                if block.truncated {
                    " (the block is cut off)"
                } else {
                    ""
                }
            );
            broken.findings.push(Finding::new(
                Severity::Error,
                format!("Not a readable {label}"),
                format!(
                    "The base64 decodes to {} bytes that do not parse as {}; the text was probably changed or cut while copying.",
                    der.len(),
                    label.to_lowercase()
                ),
            ));
            return Some(broken);
        }
    };
    if block.truncated {
        artifact.findings.push(Finding::new(
            Severity::Warning,
            "PEM block without END line",
            format!("The -----END {label}----- line is missing; the content still decoded, but check that the copy is complete."),
        ));
    }
    Some(artifact)
}

/// Decodes DER of an unknown kind found as base64 or hex: certificate, key, CSR or PKCS#7.
///
/// PKCS#12 is left to the PFX decoder; anything else is ignored, so ordinary text is never taken.
pub fn from_der_guess(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    if pfx::looks_like_pfx(der) {
        return None;
    }
    certificate_artifact(der, span, ctx)
        .or_else(|| spki_artifact(der, span))
        .or_else(|| csr_artifact(der, span, ctx))
        .or_else(|| pkcs7_artifact(der, span, ctx))
}

fn private_key(block: &der_util::PemBlock) -> Artifact {
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        block.span,
        format!("PRIVATE key ({})", block.label),
    );
    // A traditional OpenSSL key (`RSA PRIVATE KEY`, `EC PRIVATE KEY`) says it is encrypted in its
    // RFC 1421 headers rather than in its label.
    let proc_type = block.header("Proc-Type");
    let legacy_encrypted = proc_type.is_some_and(|v| v.to_ascii_uppercase().contains("ENCRYPTED"));
    let encrypted = block.label.contains("ENCRYPTED") || legacy_encrypted;
    a.verdict = if legacy_encrypted {
        let cipher = block
            .header("DEK-Info")
            .and_then(|v| v.split(',').next())
            .map(|c| format!(" ({})", c.trim()))
            .unwrap_or_default();
        let mut sec = Section::new("Encryption");
        for (name, value) in &block.headers {
            let meaning = match name.to_ascii_lowercase().as_str() {
                "proc-type" => "the base64 below is encrypted",
                "dek-info" => "the cipher and its IV; the IV is not secret",
                _ => "a PEM header line",
            };
            sec.push(Field::new(name.clone(), value.clone()).meaning(meaning));
        }
        a.sections.push(sec);
        format!("A PRIVATE key in the traditional OpenSSL format, encrypted{cipher} with a password: it is not shown here. This format turns the password into the key with a single MD5 pass, so a weak password is guessed offline quickly; do not share it.")
    } else if encrypted {
        "A PRIVATE key, encrypted with a password: it is not shown here, and it should still not be shared, because a weak password can be guessed offline.".to_string()
    } else {
        "A PRIVATE key, not encrypted: whoever has this text can sign as the certificate's owner. Its content is not shown here.".to_string()
    };
    a.findings.push(
        Finding::new(
            Severity::Error,
            "Private key pasted",
            "This block is a private key. It stays in this page, but it should never be shared in a ticket, chat or forum; if it was, treat it as compromised.",
        )
        .cause("Exporting with the private key when only the public certificate (.cer) was needed.")
        .step(crate::report::Step::new(
            "Replace the certificate (new key pair), upload the new public certificate, and remove the old one from the app registration.",
        )),
    );
    a
}

/// A parsed certificate with everything the report and the chain linker need.
struct CertFacts {
    subject: String,
    cn: String,
    self_issued: bool,
    self_signed: bool,
    is_ca: bool,
}

/// Builds the artifact for one DER certificate, or `None` if the bytes are not a certificate.
pub fn certificate_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let (rest, cert) = X509Certificate::from_der(der).ok()?;
    let der = &der[..der.len() - rest.len()];
    if cert.version().0 > 2 {
        return None;
    }
    let facts = cert_facts(&cert);
    let thumbs = Thumbprints::of(der);
    let key = verify::key_kind_of(cert.public_key());
    let not_before = cert.validity().not_before.timestamp();
    let not_after = cert.validity().not_after.timestamp();
    let mut a = Artifact::new(
        ArtifactKind::Certificate,
        span,
        format!("X.509 certificate: {}", facts.subject),
    );

    let role = match (facts.self_signed, facts.is_ca) {
        (true, true) => "Self-signed root CA certificate",
        (true, false) => "Self-signed certificate",
        (false, true) => "CA certificate",
        (false, false) => "Certificate",
    };
    let validity = if ctx.now > not_after {
        format!(
            "expired on {} ({})",
            date_only(not_after),
            relative(not_after, ctx.now)
        )
    } else if ctx.now < not_before {
        format!(
            "not valid until {} ({})",
            date_only(not_before),
            relative(not_before, ctx.now)
        )
    } else {
        format!(
            "valid until {} ({})",
            date_only(not_after),
            relative(not_after, ctx.now)
        )
    };
    a.verdict = format!("{role} for {}, {}, {validity}.", facts.cn, key.describe());

    certificate_findings(&mut a, &cert, &facts, &key, ctx);
    a.sections.push(names_section(&cert));
    a.sections
        .push(validity_section(&cert, not_before, not_after, ctx));
    a.sections.push(key_section(&cert, &key));
    a.sections.push(extensions_section(&cert));
    a.sections.push(thumbs.section("certificate's DER bytes"));
    if !facts.is_ca {
        a.sections.extend(generators(der, &thumbs, &facts, ctx));
    }

    a.evidence.thumbprints = vec![thumbs.x5t(), thumbs.x5t_s256()];
    a.evidence.keys.push(KeyEvidence {
        label: format!("certificate {} (x5t {})", facts.subject, thumbs.x5t()),
        kid: None,
        x5t: Some(thumbs.x5t()),
        x5t_s256: Some(thumbs.x5t_s256()),
        spki_der: Some(cert.public_key().raw.to_vec()),
        secret: None,
    });
    a.evidence
        .facts
        .push(("subject".into(), facts.subject.clone()));
    a.evidence
        .facts
        .push(("issuer".into(), cert.issuer().to_string()));
    Some(a)
}

fn cert_facts(cert: &X509Certificate) -> CertFacts {
    let subject = dn_string(cert.subject());
    let cn = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|c| c.as_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| subject.clone());
    let self_issued = cert.subject().as_raw() == cert.issuer().as_raw();
    let self_signed = self_issued && signature_check(cert, cert.public_key()).is_ok();
    CertFacts {
        subject,
        cn,
        self_issued,
        self_signed,
        is_ca: cert.is_ca(),
    }
}

/// Checks the certificate's signature with `issuer_key`, using RustCrypto (also for RSA 1024).
fn signature_check(
    cert: &X509Certificate,
    issuer_key: &SubjectPublicKeyInfo,
) -> Result<(), verify::VerifyError> {
    let alg = sig_alg(&cert.signature_algorithm).ok_or_else(|| {
        verify::VerifyError::Unusable(format!(
            "the signature algorithm {} cannot be checked here",
            alg_name(&cert.signature_algorithm.algorithm)
        ))
    })?;
    verify::verify_with_spki(
        alg,
        issuer_key.raw,
        cert.tbs_certificate.as_ref(),
        &cert.signature_value.data,
    )
}

fn sig_alg(alg: &AlgorithmIdentifier) -> Option<verify::SigAlg> {
    let oid = alg.algorithm.to_id_string();
    let pss_hash = alg
        .parameters
        .as_ref()
        .and_then(|p| RsaSsaPssParams::try_from(p).ok())
        .map(|p| p.hash_algorithm_oid().to_id_string());
    verify::x509_sig_alg(&oid, pss_hash.as_deref())
}

fn certificate_findings(
    a: &mut Artifact,
    cert: &X509Certificate,
    facts: &CertFacts,
    key: &KeyKind,
    ctx: &Context,
) {
    let not_before = cert.validity().not_before.timestamp();
    let not_after = cert.validity().not_after.timestamp();
    if ctx.now > not_after {
        a.findings.push(
            Finding::new(
                Severity::Error,
                format!("Certificate expired on {}", date_only(not_after)),
                format!(
                    "It expired {} ({}). Entra ID refuses client assertions signed with it, and Exchange stops using it for OAuth.",
                    utc(not_after),
                    relative(not_after, ctx.now)
                ),
            )
            .step(crate::report::Step::new(
                "Create or request a new certificate, upload its public part, then remove the expired one.",
            )),
        );
    } else if ctx.now < not_before {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Certificate not yet valid",
            format!(
                "It becomes valid on {} ({}); a clock that is behind, or a certificate issued with a future start date, causes this.",
                utc(not_before),
                relative(not_before, ctx.now)
            ),
        ));
    } else if not_after - ctx.now < 30 * 86_400 {
        a.findings.push(Finding::new(
            Severity::Warning,
            format!(
                "Certificate expires in {}",
                crate::text::duration_words(not_after - ctx.now)
            ),
            format!(
                "It expires {}; plan the renewal and upload the new certificate before then.",
                utc(not_after)
            ),
        ));
    }
    if let KeyKind::Rsa { bits } = key {
        if *bits < 2048 {
            a.findings.push(Finding::new(
                Severity::Error,
                format!("RSA key of {bits} bits is too short"),
                "Entra ID accepts certificate credentials with RSA keys of at least 2048 bits; a shorter key is rejected when uploaded and is weak.",
            )
            .source(KEYCREDENTIALS_DOC));
        }
    }
    if let Some(
        verify::SigAlg::RsaPkcs1(verify::Hash::Sha1) | verify::SigAlg::Ecdsa(verify::Hash::Sha1, _),
    ) = sig_alg(&cert.signature_algorithm)
    {
        let severity = if facts.self_signed && facts.is_ca {
            Severity::Info
        } else {
            Severity::Warning
        };
        a.findings.push(Finding::new(
            severity,
            "SHA-1 signature (weak)",
            if facts.self_signed && facts.is_ca {
                "The certificate is signed with SHA-1. For a trusted root this matters less (roots are trusted by their presence, not their signature), but SHA-1 is broken for collisions."
            } else {
                "The certificate is signed with SHA-1, which is broken for collisions; browsers and many services refuse SHA-1 certificates. Reissue it with SHA-256."
            },
        ));
    }
    if facts.self_issued {
        if facts.self_signed {
            a.findings.push(Finding::new(
                Severity::Ok,
                "Self-signed",
                if facts.is_ca {
                    "The subject is the same as the issuer and the signature verifies with the certificate's own key: this is a root that is trusted by being installed, not by a signature."
                } else {
                    "The subject is the same as the issuer and the signature verifies with the certificate's own key. Entra ID accepts self-signed certificates as app credentials."
                },
            ));
        } else {
            let why = match signature_check(cert, cert.public_key()) {
                Err(verify::VerifyError::Unusable(why)) => why,
                _ => "the signature does not verify with its own key".to_string(),
            };
            a.findings.push(Finding::new(
                Severity::Info,
                "Issuer equals subject, but not proven self-signed",
                format!("The subject is the same as the issuer, but {why}; it may be signed by another key with the same name."),
            ));
        }
    }
    for ext in cert.extensions() {
        let unknown = matches!(
            ext.parsed_extension(),
            ParsedExtension::UnsupportedExtension { .. } | ParsedExtension::ParseError { .. }
        );
        if ext.critical && unknown {
            a.findings.push(Finding::new(
                Severity::Warning,
                format!("Unknown critical extension {}", ext.oid.to_id_string()),
                format!(
                    "{} is marked critical, and a program that does not understand a critical extension must reject the certificate (RFC 5280 section 4.2). Windows, browsers and Entra may refuse it.",
                    ext_name(&ext.oid)
                ),
            ));
        }
    }
    if cert.version().0 == 0 {
        a.findings.push(Finding::new(
            Severity::Info,
            "Version 1 certificate",
            "An X.509 v1 certificate has no extensions (no subject alternative names, key usage or CA flag). Entra accepts it as an app credential, but TLS clients match host names only against SANs and refuse it for servers.",
        ));
    }
    if cert.raw_serial().first().is_some_and(|b| b & 0x80 != 0) {
        a.findings.push(Finding::new(
            Severity::Info,
            "Negative serial number",
            "The serial number's first bit is set, so in DER it is a negative integer; RFC 5280 requires a positive serial. Windows and OpenSSL still read it, but strict validators may refuse the certificate.",
        ));
    }
    if !facts.is_ca {
        if let Ok(Some(ku)) = cert.key_usage() {
            if !ku.value.digital_signature() {
                a.findings.push(Finding::new(
                    Severity::Warning,
                    "No digitalSignature key usage",
                    "The key usage extension does not allow digital signatures, so this certificate should not sign client assertions (Entra client credentials) or OAuth tokens.",
                ));
            }
        }
        if let Ok(Some(eku)) = cert.extended_key_usage() {
            let e = eku.value;
            if !e.any && !e.server_auth && !e.client_auth {
                a.findings.push(Finding::new(
                    Severity::Warning,
                    "Neither server nor client authentication EKU",
                    "The extended key usage lists neither serverAuth (TLS server) nor clientAuth (TLS client); services that check the EKU refuse it for those uses.",
                ));
            }
        }
    }
    if facts
        .cn
        .contains("Microsoft Exchange Server Auth Certificate")
    {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Server Auth Certificate",
                "This is Exchange's OAuth signing certificate: Exchange signs its server-to-server tokens (hybrid free/busy, MRS, Teams calendar access) with it. Get-AuthConfig shows it as CurrentCertificateThumbprint (the SHA-1 thumbprint below). For hybrid OAuth its public part must be uploaded to the keyCredentials of the Office 365 Exchange Online service principal (00000002-0000-0ff1-ce00-000000000000); when it expires or is renewed without that upload, AADSTS50012/70002 \"the key was not found\" and free/busy failures follow.",
            )
            .step(crate::report::Step::with_command(
                "Compare the thumbprint on the Exchange server with this certificate:",
                "Get-AuthConfig | Format-List CurrentCertificateThumbprint, PreviousCertificateThumbprint, NextCertificateThumbprint",
            ))
            .source(EXCHANGE_OAUTH_DOC),
        );
    }
}

fn names_section(cert: &X509Certificate) -> Section {
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

/// The absolute value of a two's-complement big-endian integer whose top bit is set, else `None`.
fn negative_magnitude(raw: &[u8]) -> Option<Vec<u8>> {
    if raw.first()? & 0x80 == 0 {
        return None;
    }
    let mut out: Vec<u8> = raw.iter().map(|b| !b).collect();
    for byte in out.iter_mut().rev() {
        let (sum, carry) = byte.overflowing_add(1);
        *byte = sum;
        if !carry {
            break;
        }
    }
    let first = out.iter().position(|b| *b != 0).unwrap_or(out.len());
    Some(out.split_off(first))
}

fn validity_section(cert: &X509Certificate, nb: i64, na: i64, ctx: &Context) -> Section {
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
    let _ = cert;
    s.push(Field::new("Lifetime", crate::text::duration_words(na - nb)));
    s
}

fn key_section(cert: &X509Certificate, key: &KeyKind) -> Section {
    let mut s = Section::new("Key and signature");
    s.push(public_key_field(cert.public_key(), key));
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

fn public_key_field(spki: &SubjectPublicKeyInfo, key: &KeyKind) -> Field {
    let meaning = match key {
        KeyKind::Rsa { bits } if *bits < 2048 => "too short: Entra ID requires at least 2048 bits",
        KeyKind::Rsa { .. } => "RSA: signs RS256/PS256 tokens and client assertions",
        KeyKind::Ec { .. } => "elliptic curve: signs ES256/ES384 tokens",
        KeyKind::Ed25519 => "Edwards curve: signs EdDSA tokens",
        KeyKind::Other(_) => "",
    };
    Field::new("Public key", key.describe())
        .meaning(meaning)
        .source(format!(
            "algorithm OID {}",
            spki.algorithm.algorithm.to_id_string()
        ))
}

fn extensions_section(cert: &X509Certificate) -> Section {
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
                let pairs = [
                    (eku.any, "Any purpose"),
                    (eku.server_auth, "Server Authentication (serverAuth)"),
                    (eku.client_auth, "Client Authentication (clientAuth)"),
                    (eku.code_signing, "Code Signing"),
                    (eku.email_protection, "Email Protection"),
                    (eku.time_stamping, "Time Stamping"),
                    (eku.ocsp_signing, "OCSP Signing"),
                ];
                v.extend(pairs.iter().filter(|p| p.0).map(|p| p.1.to_string()));
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
                    let method = match d.access_method.to_id_string().as_str() {
                        "1.3.6.1.5.5.7.48.1" => "OCSP",
                        "1.3.6.1.5.5.7.48.2" => "CA issuers",
                        _ => "access",
                    };
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

fn generators(der: &[u8], thumbs: &Thumbprints, facts: &CertFacts, ctx: &Context) -> Vec<Section> {
    let key_id = uuid::Builder::from_random_bytes(ctx.random)
        .into_uuid()
        .hyphenated()
        .to_string();
    let value = b64std(der);
    let manifest = serde_json::json!({
        "customKeyIdentifier": thumbs.custom_key_identifier(),
        "keyId": key_id,
        "type": "AsymmetricX509Cert",
        "usage": "Verify",
        "value": value,
    });
    let mut m = Section::new("keyCredentials manifest entry (to copy)");
    m.push(
        Field::new(
            "keyCredentials entry",
            serde_json::to_string_pretty(&manifest).unwrap_or_default(),
        )
        .meaning("paste into the app manifest's keyCredentials array; keyId is a new random GUID")
        .source(KEYCREDENTIALS_DOC),
    );
    let graph = serde_json::json!({
        "type": "AsymmetricX509Cert",
        "usage": "Verify",
        "key": value,
        "displayName": format!("CN={}", facts.cn),
    });
    let mut g = Section::new("Microsoft Graph keyCredential (to copy)");
    g.push(
        Field::new(
            "keyCredential",
            serde_json::to_string_pretty(&graph).unwrap_or_default(),
        )
        .meaning("for PATCH /applications/{id} with keyCredentials, or addKey")
        .source(GRAPH_KEYCREDENTIAL_DOC),
    );
    vec![m, g]
}

/// Builds the artifact for a DER SubjectPublicKeyInfo (`PUBLIC KEY`).
pub fn spki_artifact(der: &[u8], span: Span) -> Option<Artifact> {
    let (rest, spki) = SubjectPublicKeyInfo::from_der(der).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let key = verify::key_kind_of(&spki);
    if matches!(key, KeyKind::Other(_)) && spki.parsed().is_err() {
        return None;
    }
    let mut a = Artifact::new(
        ArtifactKind::PublicKey,
        span,
        format!("Public key: {}", key.describe()),
    );
    a.verdict = format!(
        "A bare {} public key (no certificate around it, so no name or dates).",
        key.describe()
    );
    if let KeyKind::Rsa { bits } = key {
        if bits < 2048 {
            a.findings.push(Finding::new(
                Severity::Warning,
                format!("RSA key of {bits} bits is too short"),
                "Entra ID requires RSA keys of at least 2048 bits.",
            ));
        }
    }
    let mut s = Section::new("Public key");
    s.push(public_key_field(&spki, &key));
    a.sections.push(s);
    let thumbs = Thumbprints::of(der);
    let mut t = thumbs.section("public key info (SPKI)");
    t.title = "Key digests".into();
    t.fields.truncate(2);
    a.sections.push(t);
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "public key {} (SPKI SHA-256 {})",
            key.describe(),
            &hex_upper(&thumbs.sha256)[..16]
        ),
        spki_der: Some(der.to_vec()),
        ..KeyEvidence::default()
    });
    Some(a)
}

fn pkcs1_public_key(der: &[u8], span: Span) -> Option<Artifact> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use rsa::pkcs8::EncodePublicKey;
    let key = rsa::RsaPublicKey::from_pkcs1_der(der).ok()?;
    let spki = key.to_public_key_der().ok()?;
    let mut a = spki_artifact(spki.as_bytes(), span)?;
    a.title = a.title.replace("Public key", "RSA public key (PKCS#1)");
    Some(a)
}

/// Builds the artifact for a certificate signing request.
pub fn csr_artifact(der: &[u8], span: Span, _ctx: &Context) -> Option<Artifact> {
    let (_, csr) = X509CertificationRequest::from_der(der).ok()?;
    let info = &csr.certification_request_info;
    let subject = dn_string(&info.subject);
    let key = verify::key_kind_of(&info.subject_pki);
    let mut a = Artifact::new(
        ArtifactKind::Csr,
        span,
        format!("Certificate signing request: {subject}"),
    );
    a.verdict = format!(
        "A request for a certificate for {subject} with a {} key; a CA turns it into a certificate, it cannot be uploaded to Entra as it is.",
        key.describe()
    );
    let signed = sig_alg(&csr.signature_algorithm)
        .map(|alg| {
            verify::verify_with_spki(
                alg,
                info.subject_pki.raw,
                info.raw,
                &csr.signature_value.data,
            )
        })
        .map(|r| r.is_ok())
        .unwrap_or(false);
    a.findings.push(if signed {
        Finding::new(
            Severity::Ok,
            "Request signature verifies",
            "The request is signed with the private key that matches its public key.",
        )
    } else {
        Finding::new(
            Severity::Warning,
            "Request signature does not verify",
            "The signature does not match the public key in the request; it was changed after signing or uses an algorithm not checked here.",
        )
    });
    let mut s = Section::new("Request");
    s.push(Field::new("Subject", subject));
    for (name, value) in dn_attributes(&info.subject) {
        s.push(Field::new(format!("  subject {name}"), value));
    }
    s.push(public_key_field(&info.subject_pki, &key));
    s.push(Field::new(
        "Signature algorithm",
        alg_name(&csr.signature_algorithm.algorithm),
    ));
    if let Some(exts) = csr.requested_extensions() {
        for ext in exts {
            if let ParsedExtension::SubjectAlternativeName(san) = ext {
                for gn in &san.general_names {
                    let (kind, value) = general_name(gn);
                    s.push(Field::new(format!("Requested SAN ({kind})"), value));
                }
            }
        }
    }
    a.sections.push(s);
    Some(a)
}

/// Builds the artifact for a PKCS#7 SignedData (usually a .p7b certificate bundle).
pub fn pkcs7_artifact(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    let certs = pfx::pkcs7_certificates(der)?;
    let mut a = Artifact::new(
        ArtifactKind::Pkcs7,
        span,
        format!("PKCS#7 bundle with {} certificate(s)", certs.len()),
    );
    add_certificates(&mut a, certs, span, ctx);
    a.verdict = format!(
        "A PKCS#7 (.p7b) container holding {} certificate(s) and no private key.",
        a.children.len()
    );
    let mut s = Section::new("Contents");
    for (i, c) in a.children.iter().enumerate() {
        s.push(Field::new(
            format!("Certificate {}", i + 1),
            c.title.clone(),
        ));
    }
    a.sections.push(s);
    Some(a)
}

/// Adds each readable certificate in `certs` to `container` as a child, links the children into
/// chains and lifts their keys and thumbprints into the container's evidence.
pub fn add_certificates(container: &mut Artifact, certs: Vec<Vec<u8>>, span: Span, ctx: &Context) {
    let mut ders = Vec::new();
    for cert in certs {
        if let Some(child) = certificate_artifact(&cert, span, ctx) {
            ders.push((container.children.len(), cert));
            container.children.push(child);
        }
    }
    link_chain(&mut container.children, &ders);
    for child in &container.children {
        container
            .evidence
            .keys
            .extend(child.evidence.keys.iter().cloned());
        container
            .evidence
            .thumbprints
            .extend(child.evidence.thumbprints.iter().cloned());
    }
}

/// Links the certificates among `artifacts` into chains: who issued whom, and whether it verifies.
///
/// `certs` pairs the index of each certificate artifact with its DER bytes.
pub fn link_chain(artifacts: &mut [Artifact], certs: &[(usize, Vec<u8>)]) {
    if certs.len() < 2 {
        return;
    }
    let parsed: Vec<(usize, X509Certificate)> = certs
        .iter()
        .filter_map(|(i, der)| X509Certificate::from_der(der).ok().map(|(_, c)| (*i, c)))
        .collect();
    let total = parsed.len();
    let position = |idx: usize| parsed.iter().position(|(i, _)| *i == idx).unwrap_or(0) + 1;
    let mut notes: Vec<(usize, Section, Vec<Finding>)> = Vec::new();
    for (i, cert) in &parsed {
        let mut s = Section::new("Chain");
        let mut findings = Vec::new();
        let self_issued = cert.subject().as_raw() == cert.issuer().as_raw();
        let role = if self_issued {
            "root (self-issued)"
        } else if cert.is_ca() {
            "intermediate CA"
        } else {
            "leaf (end-entity)"
        };
        s.push(Field::new(
            "Position",
            format!(
                "{role}: certificate {} of {total} found together",
                position(*i)
            ),
        ));
        if !self_issued {
            let issuers: Vec<&(usize, X509Certificate)> = parsed
                .iter()
                .filter(|(j, c)| j != i && c.subject().as_raw() == cert.issuer().as_raw())
                .collect();
            if issuers.is_empty() {
                s.push(
                    Field::new("Issued by", dn_string(cert.issuer()))
                        .meaning("the issuing certificate is not in the paste"),
                );
            }
            for (j, issuer) in issuers {
                let result = signature_check(cert, issuer.public_key());
                let who = format!(
                    "certificate {} ({})",
                    position(*j),
                    dn_string(issuer.subject())
                );
                s.push(Field::new("Issued by", who.clone()).meaning(match &result {
                    Ok(()) => "its signature verifies with this issuer's key".to_string(),
                    Err(verify::VerifyError::Unusable(why)) => why.clone(),
                    Err(_) => "the signature does NOT verify with this issuer's key".to_string(),
                }));
                findings.push(match result {
                    Ok(()) => Finding::new(
                        Severity::Ok,
                        format!("Signed by {who}"),
                        "The signature verifies with the issuer's public key.",
                    ),
                    Err(_) => Finding::new(
                        Severity::Warning,
                        format!("Signature does not verify against {who}"),
                        "The issuer's name matches but its key did not sign this certificate: the chain has the wrong (for example a renewed) intermediate.",
                    ),
                });
            }
        }
        for (j, child) in &parsed {
            if j != i
                && child.issuer().as_raw() == cert.subject().as_raw()
                && child.subject().as_raw() != child.issuer().as_raw()
            {
                s.push(Field::new(
                    "Issued",
                    format!(
                        "certificate {} ({})",
                        position(*j),
                        dn_string(child.subject())
                    ),
                ));
            }
        }
        notes.push((*i, s, findings));
    }
    for (i, section, findings) in notes {
        artifacts[i].sections.insert(0, section);
        artifacts[i].findings.extend(findings);
    }
}

/// The distinguished name as `C=US, O=..., CN=...`.
pub fn dn_string(name: &X509Name) -> String {
    let s = name.to_string();
    if s.is_empty() {
        "(empty name)".to_string()
    } else {
        s
    }
}

fn dn_attributes(name: &X509Name) -> Vec<(String, String)> {
    name.iter_attributes()
        .map(|attr| {
            let oid = attr.attr_type();
            let label = oid2abbrev(oid, oid_registry())
                .map(str::to_string)
                .unwrap_or_else(|_| oid.to_id_string());
            let value = attr
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|_| hex_upper(attr.as_slice()));
            (label, value)
        })
        .collect()
}

fn alg_name(oid: &Oid) -> String {
    oid2sn(oid, oid_registry())
        .map(str::to_string)
        .unwrap_or_else(|_| oid.to_id_string())
}

fn alg_words(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.5" => "SHA-1 with RSA (weak)",
        "1.2.840.113549.1.1.11" => "SHA-256 with RSA",
        "1.2.840.113549.1.1.12" => "SHA-384 with RSA",
        "1.2.840.113549.1.1.13" => "SHA-512 with RSA",
        "1.2.840.113549.1.1.10" => "RSA-PSS",
        "1.2.840.10045.4.1" => "ECDSA with SHA-1 (weak)",
        "1.2.840.10045.4.3.2" => "ECDSA with SHA-256",
        "1.2.840.10045.4.3.3" => "ECDSA with SHA-384",
        "1.2.840.10045.4.3.4" => "ECDSA with SHA-512",
        "1.3.101.112" => "Ed25519",
        _ => "",
    }
    .to_string()
}

fn key_usage_words(ku: &x509_parser::extensions::KeyUsage) -> String {
    let pairs = [
        (ku.digital_signature(), "Digital Signature"),
        (ku.non_repudiation(), "Non Repudiation"),
        (ku.key_encipherment(), "Key Encipherment"),
        (ku.data_encipherment(), "Data Encipherment"),
        (ku.key_agreement(), "Key Agreement"),
        (ku.key_cert_sign(), "Certificate Sign"),
        (ku.crl_sign(), "CRL Sign"),
        (ku.encipher_only(), "Encipher Only"),
        (ku.decipher_only(), "Decipher Only"),
    ];
    let words: Vec<&str> = pairs.iter().filter(|p| p.0).map(|p| p.1).collect();
    if words.is_empty() {
        "(none)".into()
    } else {
        words.join(", ")
    }
}

fn eku_name(oid: &Oid) -> String {
    let id = oid.to_id_string();
    let name = match id.as_str() {
        "1.3.6.1.4.1.311.20.2.2" => "Smart Card Logon",
        "1.3.6.1.4.1.311.10.3.12" => "Document Signing",
        "1.3.6.1.4.1.311.80.1" => "Document Encryption",
        "1.3.6.1.5.2.3.5" => "KDC Authentication",
        "1.3.6.1.5.5.7.3.17" => "IPsec IKE",
        _ => "",
    };
    if name.is_empty() {
        id
    } else {
        format!("{name} ({id})")
    }
}

fn policy_name(oid: &str) -> String {
    match oid {
        "2.5.29.32.0" => "Any policy",
        "2.23.140.1.2.1" => "CA/Browser Forum domain validated",
        "2.23.140.1.2.2" => "CA/Browser Forum organization validated",
        "2.23.140.1.2.3" => "CA/Browser Forum individual validated",
        "2.23.140.1.1" => "CA/Browser Forum extended validation",
        _ => "",
    }
    .to_string()
}

fn ext_name(oid: &Oid) -> String {
    match oid.to_id_string().as_str() {
        "1.3.6.1.4.1.311.21.1" => "Microsoft CA version".into(),
        "1.3.6.1.4.1.311.21.7" => "Microsoft certificate template".into(),
        "1.3.6.1.4.1.311.21.10" => "Microsoft application policies".into(),
        "1.3.6.1.4.1.311.20.2" => "Microsoft certificate template name".into(),
        _ => oid2sn(oid, oid_registry())
            .map(str::to_string)
            .unwrap_or_else(|_| format!("Extension {}", oid.to_id_string())),
    }
}

fn general_name(gn: &GeneralName) -> (&'static str, String) {
    match gn {
        GeneralName::DNSName(d) => ("DNS", d.to_string()),
        GeneralName::RFC822Name(e) => ("email", e.to_string()),
        GeneralName::URI(u) => ("URI", u.to_string()),
        GeneralName::IPAddress(ip) => ("IP", ip_string(ip)),
        GeneralName::DirectoryName(n) => ("directory name", dn_string(n)),
        GeneralName::RegisteredID(oid) => ("registered ID", oid.to_id_string()),
        GeneralName::OtherName(oid, value) => {
            let id = oid.to_id_string();
            if id == "1.3.6.1.4.1.311.20.2.3" {
                ("UPN", printable(value))
            } else {
                ("other name", format!("{id}: {}", printable(value)))
            }
        }
        _ => ("other", String::from("(unsupported name form)")),
    }
}

fn printable(bytes: &[u8]) -> String {
    // The value is an explicitly tagged string; keep its printable tail.
    let text: String = bytes
        .iter()
        .skip_while(|b| !b.is_ascii_graphic() || **b == b'0')
        .filter(|b| b.is_ascii_graphic() || **b == b' ')
        .map(|b| *b as char)
        .collect();
    if text.is_empty() {
        hex_upper(bytes)
    } else {
        text
    }
}

fn ip_string(ip: &[u8]) -> String {
    match ip.len() {
        4 => format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]),
        16 => {
            let words: Vec<String> = ip
                .chunks(2)
                .map(|c| format!("{:x}", u16::from_be_bytes([c[0], c[1]])))
                .collect();
            words.join(":")
        }
        _ => hex_upper(ip),
    }
}

fn ellipsis_hex(bytes: &[u8]) -> String {
    if bytes.len() > 48 {
        format!("{}… ({} bytes)", hex_upper(&bytes[..48]), bytes.len())
    } else {
        hex_upper(bytes)
    }
}

fn date_only(ts: i64) -> String {
    utc(ts).chars().take(10).collect()
}

/// Characters that Windows dialogs put around copied text and that break `Cert:\` lookups.
const INVISIBLE: &[char] = &['\u{200e}', '\u{200f}', '\u{feff}', '\u{202a}', '\u{202c}'];

/// Labels of lines that carry a certificate's SHA-1 thumbprint, lower case.
const THUMBPRINT_LABELS: &[&str] = &[
    "thumbprint",
    "cert hash(sha1)",
    "certificate thumbprint",
    "sha1 fingerprint",
    "sha1 thumbprint",
    "sha-1 thumbprint",
    "currentcertificatethumbprint",
    "previouscertificatethumbprint",
    "nextcertificatethumbprint",
    "newcertificatethumbprint",
];

/// One SHA-1 thumbprint found as text, with the `Name : value` lines printed around it.
struct ThumbprintLine {
    span: Span,
    sha1: Vec<u8>,
    label: String,
    had_invisible: bool,
    context: Vec<(String, String)>,
}

impl ThumbprintLine {
    /// True for Get-AuthConfig's `*CertificateThumbprint` properties.
    fn auth_config_slot(&self) -> Option<&'static str> {
        match self.label.as_str() {
            "currentcertificatethumbprint" => Some("CurrentCertificateThumbprint"),
            "previouscertificatethumbprint" => Some("PreviousCertificateThumbprint"),
            "nextcertificatethumbprint" | "newcertificatethumbprint" => {
                Some("NextCertificateThumbprint")
            }
            _ => None,
        }
    }

    fn context_value(&self, name: &str) -> Option<&str> {
        self.context
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads 20 bytes from 40 hex digits, allowing spaces, colons and invisible marks between them.
fn sha1_hex(value: &str) -> Option<Vec<u8>> {
    let digits: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':' && !INVISIBLE.contains(c))
        .collect();
    if digits.len() != 40 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    (0..40)
        .step_by(2)
        .map(|p| u8::from_str_radix(&digits[p..p + 2], 16).ok())
        .collect()
}

/// Splits `Name : value` (PowerShell Format-List, certutil) or `Name=value` (openssl).
fn name_value(line: &str) -> Option<(String, String)> {
    let cut = line.find([':', '='])?;
    let name = line[..cut].trim();
    if name.is_empty() || name.len() > 40 || name.contains("  ") {
        return None;
    }
    Some((name.to_string(), line[cut + 1..].trim().to_string()))
}

/// Finds thumbprints pasted as text: labelled lines, and bare spaced hex from the Windows dialog.
fn thumbprint_lines(text: &str) -> Vec<ThumbprintLine> {
    let lines: Vec<(usize, &str)> = {
        let mut offset = 0;
        text.split_inclusive('\n')
            .map(|l| {
                let start = offset;
                offset += l.len();
                (start, l)
            })
            .collect()
    };
    let mut out: Vec<ThumbprintLine> = Vec::new();
    for (i, (start, line)) in lines.iter().enumerate() {
        let had_invisible = line.contains(INVISIBLE);
        let clean: String = line.chars().filter(|c| !INVISIBLE.contains(c)).collect();
        let clean = clean.trim();
        let labelled = name_value(clean).and_then(|(name, value)| {
            let lower = name.to_ascii_lowercase();
            THUMBPRINT_LABELS
                .contains(&lower.as_str())
                .then(|| sha1_hex(&value).map(|b| (lower, b)))
                .flatten()
        });
        // A bare line of 20 spaced hex pairs, as the Windows certificate dialog shows it.
        let bare = || {
            let pairs: Vec<&str> = clean.split_whitespace().collect();
            (pairs.len() == 20 && pairs.iter().all(|p| p.len() == 2))
                .then(|| sha1_hex(clean))
                .flatten()
                .map(|b| ("windows certificate dialog".to_string(), b))
        };
        let Some((label, sha1)) = labelled.or_else(bare) else {
            continue;
        };
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + line.trim_end().len());
        let context = context_lines(&lines, i, &label);
        out.push(ThumbprintLine {
            span,
            sha1,
            label,
            had_invisible,
            context,
        });
    }
    out
}

/// The `Name : value` lines printed with the thumbprint: its Format-List block (up to blank
/// lines), or for certutil -dump everything since the `X509 Certificate:` line.
fn context_lines(lines: &[(usize, &str)], at: usize, label: &str) -> Vec<(String, String)> {
    let certutil = label == "cert hash(sha1)";
    let mut first = at;
    while first > 0 {
        let prev = lines[first - 1].1.trim();
        if certutil {
            if prev.eq_ignore_ascii_case("X509 Certificate:") {
                break;
            }
        } else if prev.is_empty() {
            break;
        }
        first -= 1;
    }
    let mut last = at;
    while !certutil && last + 1 < lines.len() && !lines[last + 1].1.trim().is_empty() {
        last += 1;
    }
    let mut out = Vec::new();
    for i in first..=last {
        // certutil indents the details of each item (algorithm OIDs, extension flags, the value of
        // a name printed on the line above) by four spaces; only the items themselves are kept.
        if certutil && (lines[i].1.starts_with("    ") || lines[i].1.starts_with('\t')) {
            continue;
        }
        let Some((name, mut value)) = name_value(lines[i].1.trim()) else {
            continue;
        };
        // certutil prints the name on its own line and the value indented below it.
        if value.is_empty() {
            if let Some((_, next)) = lines.get(i + 1) {
                if next.starts_with([' ', '\t']) {
                    value = next.trim().to_string();
                }
            }
        }
        if !value.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// Reads the dates PowerShell and certutil print: `6/14/2025 7:12:44 AM`, `2025-06-14 07:12`,
/// `14.06.2025 07:12:44`. Slash dates are read month first unless the first number is over 12.
fn loose_date(value: &str) -> Option<i64> {
    let date_part = value.split_whitespace().next()?;
    let nums: Vec<i64> = date_part
        .split(['/', '-', '.'])
        .map(|n| n.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    let [a, b, c] = nums[..] else {
        return None;
    };
    let (year, month, day) = if a > 999 {
        (a, b, c)
    } else if date_part.contains('.') || a > 12 {
        (c, b, a)
    } else {
        (c, a, b)
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    let mut seconds = date.midnight().assume_utc().unix_timestamp();
    if let Some(clock) = value.split_whitespace().nth(1) {
        let parts: Vec<i64> = clock.split(':').filter_map(|p| p.parse().ok()).collect();
        if let [h, m, ..] = parts[..] {
            let pm = value.to_ascii_uppercase().contains("PM");
            let h = match (h, pm) {
                (12, false) if value.to_ascii_uppercase().contains("AM") => 0,
                (h, true) if h < 12 => h + 12,
                (h, _) => h,
            };
            seconds += h * 3600 + m * 60 + parts.get(2).copied().unwrap_or(0);
        }
    }
    Some(seconds)
}

/// Builds the artifact for a thumbprint pasted without its certificate.
fn thumbprint_artifact(t: &ThumbprintLine, ctx: &Context) -> Artifact {
    let subject = t.context_value("Subject").map(str::to_string);
    let hex = hex_upper(&t.sha1);
    let mut a = Artifact::new(
        ArtifactKind::Certificate,
        t.span,
        match &subject {
            Some(s) => format!("Certificate thumbprint {hex} ({s})"),
            None => format!("Certificate thumbprint {hex}"),
        },
    );
    let source = match t.label.as_str() {
        "cert hash(sha1)" => "certutil -dump output",
        "windows certificate dialog" => "the Windows certificate dialog",
        "sha1 fingerprint" => "openssl x509 -fingerprint output",
        _ if t.auth_config_slot().is_some() => "Get-AuthConfig output",
        _ if t
            .context
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("Services")) =>
        {
            "Get-ExchangeCertificate output"
        }
        _ if !t.context.is_empty() => "PowerShell certificate list (Format-List)",
        _ => "a thumbprint line",
    };
    a.verdict = format!(
        "The SHA-1 thumbprint of a certificate, from {source}: it names the certificate but is not the certificate, so its key cannot be read. A token header carries it as x5t {}; a keyCredentials entry as customKeyIdentifier {}.",
        b64url(&t.sha1),
        b64std(&t.sha1)
    );
    let mut s = Section::new("Thumbprint");
    s.push(
        Field::new("SHA-1 thumbprint", hex.clone())
            .shown(hex_colon(&t.sha1))
            .meaning("as the Windows certificate store, Get-ExchangeCertificate and Entra show it"),
    );
    s.push(
        Field::new("SHA-1 base64 (customKeyIdentifier)", b64std(&t.sha1))
            .meaning("the form an app manifest keyCredentials entry uses"),
    );
    s.push(
        Field::new("x5t (SHA-1 base64url)", b64url(&t.sha1)).meaning(
            "the form a token header carries in x5t; Entra-issued tokens carry it in kid too",
        ),
    );
    if let Some(slot) = t.auth_config_slot() {
        s.push(Field::new("Get-AuthConfig property", slot).meaning(
            "Exchange signs its OAuth (server-to-server) tokens with the certificate named here",
        ));
    }
    a.sections.push(s);
    if !t.context.is_empty() {
        let mut c = Section::new("Printed with it");
        for (name, value) in &t.context {
            if !THUMBPRINT_LABELS.contains(&name.to_ascii_lowercase().as_str()) {
                c.push(Field::new(name.clone(), value.clone()));
            }
        }
        if !c.fields.is_empty() {
            a.sections.push(c);
        }
    }
    if t.had_invisible {
        a.findings.push(
            Finding::new(
                Severity::Warning,
                "Invisible character in the copied thumbprint",
                "The text holds an invisible left-to-right mark (U+200E), which the Windows certificate dialog adds when the thumbprint is copied. Commands such as Get-Item Cert:\\LocalMachine\\My\\<thumbprint>, Get-ExchangeCertificate -Thumbprint or Set-AuthConfig then fail with \"not found\" although the certificate is there.",
            )
            .step(crate::report::Step::with_command(
                "Use the thumbprint without spaces or hidden characters:",
                hex.clone(),
            )),
        );
    }
    if let Some(not_after) = t.context_value("NotAfter").and_then(loose_date) {
        if not_after < ctx.now {
            a.findings.push(Finding::new(
                Severity::Error,
                format!("Certificate expired (NotAfter {})", t.context_value("NotAfter").unwrap_or_default()),
                format!(
                    "NotAfter is in the past ({}, read as month/day/year in the machine's local time). An expired certificate no longer signs Exchange OAuth tokens or client assertions that Entra accepts.",
                    relative(not_after, ctx.now)
                ),
            ));
        }
    }
    if subject
        .as_deref()
        .is_some_and(|s| s.contains("Microsoft Exchange Server Auth Certificate"))
    {
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Server Auth Certificate",
                "This is Exchange's OAuth signing certificate. Get-AuthConfig must name this thumbprint as CurrentCertificateThumbprint, and for hybrid its public part must be in the keyCredentials of the Office 365 Exchange Online service principal (00000002-0000-0ff1-ce00-000000000000).",
            )
            .step(crate::report::Step::with_command(
                "Compare with the thumbprint Exchange uses:",
                "Get-AuthConfig | Format-List CurrentCertificateThumbprint, NextCertificateThumbprint",
            ))
            .source(EXCHANGE_OAUTH_DOC),
        );
    }
    a.evidence.thumbprints.push(b64url(&t.sha1));
    a.evidence.keys.push(KeyEvidence {
        label: format!("thumbprint {hex}"),
        x5t: Some(b64url(&t.sha1)),
        ..KeyEvidence::default()
    });
    a
}

/// Links certificates and thumbprints found in the same paste.
fn link_thumbprints(out: &mut [Artifact], thumbs: &[ThumbprintLine], cert_indices: &[usize]) {
    for &i in cert_indices {
        let Some(x5t) = out[i].evidence.thumbprints.first().cloned() else {
            continue;
        };
        for t in thumbs {
            let same = b64url(&t.sha1) == x5t;
            match (t.auth_config_slot(), same) {
                (Some(slot), true) => out[i].findings.push(Finding::new(
                    Severity::Ok,
                    format!("This is the certificate Get-AuthConfig names as {slot}"),
                    format!("Its SHA-1 thumbprint {} equals {slot} in the pasted Get-AuthConfig output.", hex_upper(&t.sha1)),
                )),
                (Some("CurrentCertificateThumbprint"), false)
                    if out[i].title.contains("Microsoft Exchange Server Auth Certificate") =>
                {
                    out[i].findings.push(Finding::new(
                        Severity::Warning,
                        "Not the current auth certificate",
                        format!("Get-AuthConfig names {} as CurrentCertificateThumbprint, but this certificate's thumbprint is different: Exchange signs with the other one, so this is the one to upload only if it becomes current.", hex_upper(&t.sha1)),
                    ))
                }
                (None, true) => out[i].findings.push(Finding::new(
                    Severity::Ok,
                    "Same certificate as the pasted thumbprint",
                    format!("Its SHA-1 thumbprint equals the thumbprint {} found in the paste.", hex_upper(&t.sha1)),
                )),
                _ => {}
            }
        }
    }
}

/// Reads openssl's `Jan  1 00:00:00 2035 GMT` dates.
fn openssl_date(value: &str) -> Option<i64> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [mon, day, clock, year, ..] = parts[..] else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = MONTHS
        .iter()
        .position(|m| mon.eq_ignore_ascii_case(m))
        .and_then(|m| u8::try_from(m + 1).ok())?;
    let date = time::Date::from_calendar_date(
        year.parse().ok()?,
        time::Month::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()?;
    let hms: Vec<i64> = clock.split(':').filter_map(|p| p.parse().ok()).collect();
    let [h, m, s] = hms[..] else {
        return None;
    };
    Some(date.midnight().assume_utc().unix_timestamp() + h * 3600 + m * 60 + s)
}

/// Finds `openssl x509 -text -noout` dumps (no PEM after them) and reads what they state.
fn openssl_text_dumps(text: &str, pem_spans: &[Span], ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find("Certificate:") {
        let start = from + rel;
        from = start + 12;
        let rest = &text[from..];
        if !rest.trim_start().starts_with("Data:") {
            continue;
        }
        // The dump ends at the next unindented line that is not part of it.
        let mut end = from;
        for line in rest.split_inclusive('\n') {
            let indented = line.starts_with([' ', '\t']) || line.trim().is_empty();
            if !indented && end > from {
                break;
            }
            end += line.len();
        }
        let body = &text[start..end];
        if pem_spans
            .iter()
            .any(|p| p.start >= end && p.start < end + 4)
        {
            // openssl x509 -text without -noout prints the PEM right after: that is decoded instead.
            continue;
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        let lines: Vec<&str> = body.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            let Some((name, value)) = t.split_once(':') else {
                continue;
            };
            let name = name.trim();
            let value = value.trim();
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            let wanted = match name {
                "Serial Number" if value.is_empty() => Some(next.to_string()),
                "Serial Number"
                | "Issuer"
                | "Subject"
                | "Not Before"
                | "Not After"
                | "Public Key Algorithm"
                | "Signature Algorithm" => Some(value.to_string()),
                "Public-Key" | "RSA Public-Key" => Some(value.trim_matches(['(', ')']).to_string()),
                "X509v3 Subject Alternative Name" => Some(next.to_string()),
                _ => None,
            };
            if let Some(v) = wanted.filter(|v| !v.is_empty()) {
                if !fields.iter().any(|(n, _)| n == name) {
                    fields.push((name.to_string(), v));
                }
            }
        }
        let get = |n: &str| fields.iter().find(|(f, _)| f == n).map(|(_, v)| v.clone());
        let subject = get("Subject").unwrap_or_else(|| "(no subject line)".into());
        let mut a = Artifact::new(
            ArtifactKind::Certificate,
            Span::new(start, end),
            format!("openssl x509 -text output: {subject}"),
        );
        a.verdict = "The text that openssl x509 -text prints, without the certificate itself: the names and dates below are read from it, but thumbprints (x5t, customKeyIdentifier) are hashes of the certificate's bytes and cannot be computed from this text.".into();
        a.findings.push(
            Finding::new(
                Severity::Info,
                "Text dump only: paste the PEM for thumbprints and checks",
                "Without the -----BEGIN CERTIFICATE----- block this page cannot compute the SHA-1 thumbprint, verify signatures or build a keyCredentials entry.",
            )
            .step(crate::report::Step::with_command(
                "Print the certificate as PEM and paste that:",
                "openssl x509 -in cert.pem -outform PEM",
            )),
        );
        if let Some(na) = get("Not After").as_deref().and_then(openssl_date) {
            if na < ctx.now {
                a.findings.push(Finding::new(
                    Severity::Error,
                    format!("Certificate expired on {}", date_only(na)),
                    format!("Not After is {} ({}).", utc(na), relative(na, ctx.now)),
                ));
            }
        }
        let mut s = Section::new("Read from the text");
        for (name, value) in &fields {
            let f = Field::new(name.clone(), value.clone());
            let f = match name.as_str() {
                "Not Before" | "Not After" => match openssl_date(value) {
                    Some(ts) => f.shown(utc(ts)).meaning(relative(ts, ctx.now)),
                    None => f,
                },
                _ => f,
            };
            s.push(f);
        }
        a.sections.push(s);
        out.push(a);
        from = end.max(from);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_EXT: &str = "-----BEGIN CERTIFICATE-----\nMIIBUTCB2KADAgECAgkAtXGSKEzrTR4wCgYIKoZIzj0EAwIwEDEOMAwGA1UEAwwF\nYmVubm8wHhcNMTgxMTEzMDI1NDQwWhcNMTkxMTEzMDI1NDQwWjAQMQ4wDAYDVQQD\nDAViZW5ubzB2MBAGByqGSM49AgEGBSuBBAAiA2IABDhrHLVTMHC7GTyB/MNztToW\nss2zlmvR62X1pQaBN6fYhBJE1XYa0V2C1fGGXj92MencOtXyfYVxn+DY07gyT/71\nHQ12TJOe90wwjy2/6N1W1jOv5HjphVT8JQlVNqAC+DAKBggqhkjOPQQDAgNoADBl\nAjAfzS1tmZ+GSAaXrsPcfAd1A9yfWVtB8tWxFNNo2j7/cL3puf2vQnlwV/0BoZZ1\nK4ICMQDaE0HemgYp6RPQzeb96a2gjlaEbwNy1B8O74fE24WRXiOUm4eln9wGQ3I1\niV6NtZU=\n-----END CERTIFICATE-----";

    #[test]
    fn a_pem_certificate_is_decoded_with_thumbprints_and_key_evidence() {
        let found = scan(&format!("cert:\n{NO_EXT}\nthanks"), &Context::fixed());
        assert_eq!(found.len(), 1);
        let a = &found[0];
        assert_eq!(a.kind, ArtifactKind::Certificate);
        assert!(a.title.contains("CN=benno"), "{}", a.title);
        assert!(a.verdict.contains("expired on 2019-11-13"), "{}", a.verdict);
        assert_eq!(a.evidence.thumbprints[0], "qinJo5_buGsWQPbBr2k0yEN314s");
        assert!(a.evidence.keys[0].spki_der.is_some());
        // The signature algorithm is ecdsa-with-SHA256 over a P-384 key, which still verifies.
        assert!(a.findings.iter().any(|f| f.title == "Self-signed"));
    }

    #[test]
    fn the_same_certificate_as_one_base64_line_is_found_once() {
        let der = der_util::pem_blocks(NO_EXT)[0].der.clone().unwrap();
        let line = format!("value: {}", b64std(&der));
        let found = scan(&line, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, 7);
    }

    #[test]
    fn broken_input_becomes_a_finding_not_a_panic() {
        let garbage = "-----BEGIN CERTIFICATE-----\nMIIBUTCB2KADAgECAgkAtXGSKEzrTR4w\n-----END CERTIFICATE-----";
        let found = scan(garbage, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert!(found[0].findings[0].title.contains("Not a readable"));
        let not_b64 = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----";
        assert_eq!(
            scan(not_b64, &Context::fixed())[0].findings[0].title,
            "Not valid base64"
        );
        for cut in 0..NO_EXT.len() {
            if NO_EXT.is_char_boundary(cut) {
                let _ = scan(&NO_EXT[..cut], &Context::fixed());
            }
        }
    }

    #[test]
    fn prose_and_long_random_base64_are_not_taken() {
        let prose = "The certificate MIGHT be expired, please check the thumbprint.";
        assert!(scan(prose, &Context::fixed()).is_empty());
        let random = format!("MII{}", "QUJD".repeat(60));
        assert!(scan(&random, &Context::fixed()).is_empty());
    }
}
