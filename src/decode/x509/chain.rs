//! Certificates found together, linked into chains: who issued whom, and whether it verifies.

use super::cert::{dn_string, signature_check};
use crate::verify::VerifyError;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

/// Where a certificate stands in the certificates found together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainRole {
    /// Subject and issuer are the same name.
    Root,
    Intermediate,
    Leaf,
}

/// A certificate in the paste whose subject is the issuer name of another, and whether its key
/// verifies that other certificate's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerCheck {
    /// The issuer's 1-based position among the certificates found together.
    pub position: usize,
    pub subject: String,
    pub result: Result<(), VerifyError>,
}

/// One certificate's place in the chain.
#[derive(Debug, Clone)]
pub struct ChainEntry {
    /// The index the caller gave with the certificate.
    pub index: usize,
    /// 1-based position among the `total` certificates found together.
    pub position: usize,
    pub total: usize,
    pub role: ChainRole,
    /// The issuer name, when it is not self-issued and no issuer is in the paste.
    pub missing_issuer: Option<String>,
    pub issuers: Vec<IssuerCheck>,
    /// The certificates it issued, as (position, subject).
    pub issued: Vec<(usize, String)>,
}

/// Links certificates given as (index, DER); nothing for fewer than two.
pub fn link(certs: &[(usize, Vec<u8>)]) -> Vec<ChainEntry> {
    if certs.len() < 2 {
        return Vec::new();
    }
    let parsed: Vec<(usize, X509Certificate)> = certs
        .iter()
        .filter_map(|(i, der)| X509Certificate::from_der(der).ok().map(|(_, c)| (*i, c)))
        .collect();
    let total = parsed.len();
    let position = |idx: usize| parsed.iter().position(|(i, _)| *i == idx).unwrap_or(0) + 1;
    let mut out = Vec::new();
    for (i, cert) in &parsed {
        let self_issued = cert.subject().as_raw() == cert.issuer().as_raw();
        let role = if self_issued {
            ChainRole::Root
        } else if cert.is_ca() {
            ChainRole::Intermediate
        } else {
            ChainRole::Leaf
        };
        let issuers: Vec<IssuerCheck> = parsed
            .iter()
            .filter(|(j, c)| {
                !self_issued && j != i && c.subject().as_raw() == cert.issuer().as_raw()
            })
            .map(|(j, issuer)| IssuerCheck {
                position: position(*j),
                subject: dn_string(issuer.subject()),
                result: signature_check(cert, issuer.public_key()),
            })
            .collect();
        let issued = parsed
            .iter()
            .filter(|(j, child)| {
                j != i
                    && child.issuer().as_raw() == cert.subject().as_raw()
                    && child.subject().as_raw() != child.issuer().as_raw()
            })
            .map(|(j, child)| (position(*j), dn_string(child.subject())))
            .collect();
        out.push(ChainEntry {
            index: *i,
            position: position(*i),
            total,
            role,
            missing_issuer: (!self_issued && issuers.is_empty()).then(|| dn_string(cert.issuer())),
            issuers,
            issued,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_certificate_is_no_chain() {
        assert!(link(&[(0, vec![0x30, 0x00])]).is_empty());
        assert!(link(&[(0, vec![0x30]), (1, vec![0x30])]).is_empty());
    }
}
