//! Certificates found together: the chain (who issued whom, and whether it verifies), and
//! containers (PKCS#7, PFX) that lift their certificates' keys into their own evidence.

use super::certificate::certificate_artifact;
use crate::context::Context;
use crate::decode::x509::cert::{dn_string, signature_check};
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, Field, Finding, Section, Severity, Span};
use crate::verify;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

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
    link_chain(&mut container.children, &ders, ctx);
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
pub fn link_chain(artifacts: &mut [Artifact], certs: &[(usize, Vec<u8>)], ctx: &Context) {
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
                let link = IssuerLink {
                    who,
                    verified: result.is_ok(),
                };
                findings.extend(rule::run(RULES, &link, ctx));
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

/// A certificate and a certificate in the paste whose subject is its issuer name.
#[derive(Debug, Clone)]
pub struct IssuerLink {
    /// `certificate N (subject)` of the issuer.
    pub who: String,
    /// The issuer's key verifies the certificate's signature.
    pub verified: bool,
}

/// The chain rules, run once per issuer found for a certificate.
pub const RULES: &[Rule<IssuerLink>] = &[
    Rule {
        id: "chain.signed-by",
        severity: Severity::Ok,
        title: "Signature verifies with the issuer in the paste",
        source: None,
        check: signed_by,
    },
    Rule {
        id: "chain.signature-mismatch",
        severity: Severity::Warning,
        title: "Issuer name matches but its key did not sign",
        source: None,
        check: signature_mismatch,
    },
];

fn signed_by(link: &IssuerLink, _: &Context) -> Vec<Finding> {
    if !link.verified {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        format!("Signed by {}", link.who),
        "The signature verifies with the issuer's public key.",
    )]
}

fn signature_mismatch(link: &IssuerLink, _: &Context) -> Vec<Finding> {
    if link.verified {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        format!("Signature does not verify against {}", link.who),
        "The issuer's name matches but its key did not sign this certificate: the chain has the wrong (for example a renewed) intermediate.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verified_link_is_ok_and_a_broken_one_warns() {
        let ctx = Context::fixed();
        let mut link = IssuerLink {
            who: "certificate 2 (CN=Root)".into(),
            verified: true,
        };
        assert_eq!(RULES[0].apply(&link, &ctx).len(), 1);
        assert!(RULES[1].apply(&link, &ctx).is_empty());
        link.verified = false;
        assert!(RULES[0].apply(&link, &ctx).is_empty());
        assert_eq!(
            RULES[1].apply(&link, &ctx)[0].rule,
            "chain.signature-mismatch"
        );
    }
}
