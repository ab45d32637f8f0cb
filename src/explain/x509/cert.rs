//! The `cert` scan: certificates, public keys, CSRs and PKCS#7 in PEM, base64 DER or hex, plus
//! `openssl x509 -text` dumps and thumbprints pasted as text.
//!
//! Each certificate becomes one card; certificates found together are linked into a chain.

use super::certificate::certificate_artifact;
use super::chain::link_chain;
use super::key_rules::{self, PemRead};
use super::keys;
use super::{openssl, thumbprint};
use crate::context::Context;
use crate::decode::x509::der::{self, overlaps};
use crate::decode::x509::keys::{Csr, Pkcs7, PrivateKeyNotice, PublicKey};
use crate::decode::x509::{json, openssl_text, pkcs7};
use crate::explain::rule;
use crate::report::{Artifact, ArtifactKind, Span};

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out: Vec<Artifact> = Vec::new();
    let mut ders: Vec<(usize, Vec<u8>)> = Vec::new();
    let blocks = der::pem_blocks(text);
    // Cut blocks with nothing readable in a row (a paste of BEGIN lines) share one card and a count,
    // so a thousand of them cost one card, not a thousand.
    let mut empty_run: Option<(usize, &str, usize)> = None;
    for block in &blocks {
        let empty = block.truncated && block.der.is_none();
        if let Some((at, label, count)) = empty_run.as_mut() {
            if empty && *label == block.label && *at + 1 == out.len() {
                *count += 1;
                out[*at].span.end = block.span.end;
                continue;
            }
        }
        close_empty_run(&mut out, empty_run.take());
        if let Some(artifact) = from_pem_block(block, ctx) {
            if empty {
                empty_run = Some((out.len(), block.label.as_str(), 1));
            }
            if let (ArtifactKind::Certificate, Some(der)) = (artifact.kind, &block.der) {
                ders.push((out.len(), der.clone()));
            }
            out.push(artifact);
        }
    }
    close_empty_run(&mut out, empty_run.take());
    // Base64 and hex DER outside PEM armour and outside JSON that the JWK decoder reads.
    let mut claimed: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    claimed.extend(json::claimed_spans(text));
    let runs = der::der_base64_line_blocks(text)
        .into_iter()
        .chain(der::der_base64_runs(text, der::MIN_BASE64_RUN))
        .chain(der::der_hex_runs(text));
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
    link_chain(&mut out, &ders, ctx);
    let pem_spans: Vec<Span> = blocks.iter().map(|b| b.span).collect();
    out.extend(
        openssl_text::find(text, &pem_spans)
            .iter()
            .map(|d| openssl::card(d, ctx)),
    );
    let thumbs = crate::decode::x509::thumbprint::thumbprint_lines(text);
    let cert_indices: Vec<usize> = ders.iter().map(|(i, _)| *i).collect();
    thumbprint::link(&mut out, &thumbs, &cert_indices, ctx);
    let mut seen: Vec<&[u8]> = Vec::new();
    for t in &thumbs {
        // Get-AuthConfig's thumbprints are shown by the PowerShell decoder; they only link here.
        if t.auth_config_slot().is_some() || seen.contains(&t.sha1.as_slice()) {
            continue;
        }
        seen.push(&t.sha1);
        out.push(thumbprint::card(t, ctx));
    }
    out
}

/// Says on the card of a run of cut, empty PEM blocks how many it stands for.
fn close_empty_run(out: &mut [Artifact], run: Option<(usize, &str, usize)>) {
    if let Some((at, label, count)) = run.filter(|r| r.2 > 1) {
        if let Some(card) = out.get_mut(at) {
            card.verdict.push_str(&format!(
                " The paste holds {count} such cut {label} blocks in a row; this card stands for all of them."
            ));
        }
    }
}

/// Decodes a PEM block by its label; blocks of other kinds (private keys) get a warning artifact.
fn from_pem_block(block: &der::PemBlock, ctx: &Context) -> Option<Artifact> {
    let label = block.label.as_str();
    let kind = match label {
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => ArtifactKind::Certificate,
        "PUBLIC KEY" | "RSA PUBLIC KEY" => ArtifactKind::PublicKey,
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => ArtifactKind::Csr,
        "PKCS7" | "CMS" => ArtifactKind::Pkcs7,
        l if l.ends_with("PRIVATE KEY") => {
            return Some(keys::private_key(&PrivateKeyNotice::of(block), ctx))
        }
        _ => return None,
    };
    let decoded = block.der.as_ref().and_then(|der| match kind {
        ArtifactKind::Certificate => certificate_artifact(der, block.span, ctx),
        ArtifactKind::PublicKey if label == "RSA PUBLIC KEY" => {
            PublicKey::parse_pkcs1(der, block.span).map(|k| keys::public_key(&k, ctx))
        }
        ArtifactKind::PublicKey => {
            PublicKey::parse(der, block.span).map(|k| keys::public_key(&k, ctx))
        }
        ArtifactKind::Csr => Csr::parse(der, block.span).map(|c| keys::csr(&c, ctx)),
        _ => Pkcs7::parse(der, block.span).map(|p| keys::pkcs7(p, ctx)),
    });
    let read = PemRead {
        label: label.to_string(),
        truncated: block.truncated,
        der_len: block.der.as_ref().map(Vec::len),
        readable: decoded.is_some(),
    };
    let findings = rule::run(key_rules::PEM_RULES, &read, ctx);
    if let Some(mut artifact) = decoded {
        artifact.findings.extend(findings);
        return Some(artifact);
    }
    let mut broken = Artifact::new(kind, block.span, format!("PEM {label} (unreadable)"));
    broken.verdict = if block.der.is_none() {
        format!(
            "A PEM {label} block whose content is not valid base64, so nothing in it can be read."
        )
    } else {
        format!(
            "A PEM {label} block whose content is not a valid {label} structure{}.",
            if block.truncated {
                " (the block is cut off)"
            } else {
                ""
            }
        )
    };
    broken.findings = findings;
    Some(broken)
}

/// Decodes DER of an unknown kind found as base64 or hex: certificate, key, CSR or PKCS#7.
///
/// PKCS#12 is left to the PFX decoder; anything else is ignored, so ordinary text is never taken.
pub fn from_der_guess(der: &[u8], span: Span, ctx: &Context) -> Option<Artifact> {
    if pkcs7::looks_like_pfx(der) {
        return None;
    }
    certificate_artifact(der, span, ctx)
        .or_else(|| PublicKey::parse(der, span).map(|k| keys::public_key(&k, ctx)))
        .or_else(|| Csr::parse(der, span).map(|c| keys::csr(&c, ctx)))
        .or_else(|| Pkcs7::parse(der, span).map(|p| keys::pkcs7(p, ctx)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64std;
    use crate::text::cut_to;

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
        let der = der::pem_blocks(NO_EXT)[0].der.clone().unwrap();
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
                let _ = scan(cut_to(NO_EXT, cut), &Context::fixed());
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
