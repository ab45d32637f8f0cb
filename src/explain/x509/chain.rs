//! Certificates found together: the chain (who issued whom, and whether it verifies), and
//! containers (PKCS#7, PFX) that lift their certificates' keys into their own evidence.

use super::certificate::certificate_artifact;
use crate::context::Context;
use crate::decode::x509::chain::{self, ChainRole, IssuerCheck};
use crate::explain::rule::{self, Rule};
use crate::report::{Artifact, Field, Finding, Section, Severity, Span};
use crate::verify::VerifyError;

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
    for entry in chain::link(certs) {
        let mut s = Section::new("Chain");
        let mut findings = Vec::new();
        let role = match entry.role {
            ChainRole::Root => "root (self-issued)",
            ChainRole::Intermediate => "intermediate CA",
            ChainRole::Leaf => "leaf (end-entity)",
        };
        s.push(Field::new(
            "Position",
            format!(
                "{role}: certificate {} of {} found together",
                entry.position, entry.total
            ),
        ));
        if let Some(issuer) = &entry.missing_issuer {
            s.push(
                Field::new("Issued by", issuer.clone())
                    .meaning("the issuing certificate is not in the paste"),
            );
        }
        for check in &entry.issuers {
            s.push(
                Field::new("Issued by", who(check)).meaning(match &check.result {
                    Ok(()) => "its signature verifies with this issuer's key".to_string(),
                    Err(VerifyError::Unusable(why)) => why.clone(),
                    Err(_) => "the signature does NOT verify with this issuer's key".to_string(),
                }),
            );
            findings.extend(rule::run(RULES, check, ctx));
        }
        for (position, subject) in &entry.issued {
            s.push(Field::new(
                "Issued",
                format!("certificate {position} ({subject})"),
            ));
        }
        if let Some(a) = artifacts.get_mut(entry.index) {
            a.sections.insert(0, s);
            a.findings.extend(findings);
        }
    }
}

/// `certificate N (subject)`: how a card names another certificate found with it.
fn who(check: &IssuerCheck) -> String {
    format!("certificate {} ({})", check.position, check.subject)
}

/// The chain rules, run once per issuer found for a certificate.
pub const RULES: &[Rule<IssuerCheck>] = &[
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

fn signed_by(link: &IssuerCheck, _: &Context) -> Vec<Finding> {
    if link.result.is_err() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        format!("Signed by {}", who(link)),
        "The signature verifies with the issuer's public key.",
    )]
}

fn signature_mismatch(link: &IssuerCheck, _: &Context) -> Vec<Finding> {
    if link.result.is_ok() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        format!("Signature does not verify against {}", who(link)),
        "The issuer's name matches but its key did not sign this certificate: the chain has the wrong (for example a renewed) intermediate.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verified_link_is_ok_and_a_broken_one_warns() {
        let ctx = Context::fixed();
        let mut link = IssuerCheck {
            position: 2,
            subject: "CN=Root".into(),
            result: Ok(()),
        };
        assert_eq!(RULES[0].apply(&link, &ctx).len(), 1);
        assert!(RULES[1].apply(&link, &ctx).is_empty());
        link.result = Err(VerifyError::Invalid);
        assert!(RULES[0].apply(&link, &ctx).is_empty());
        assert_eq!(
            RULES[1].apply(&link, &ctx)[0].rule,
            "chain.signature-mismatch"
        );
    }
}
