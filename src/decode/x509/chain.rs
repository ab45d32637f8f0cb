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
    let positions: std::collections::HashMap<usize, usize> = parsed
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (*i, k + 1))
        .collect();
    let position = |idx: usize| positions.get(&idx).copied().unwrap_or(1);
    // Copies of one certificate (a chain pasted twice) are checked once: each certificate gets the
    // position of its first copy, candidate issuers are taken once per distinct certificate, and a
    // signature is verified once per distinct (certificate, issuer) pair.
    let mut firsts: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    let first_copy: Vec<usize> = parsed
        .iter()
        .enumerate()
        .map(|(k, (_, c))| *firsts.entry(c.as_raw()).or_insert(k))
        .collect();
    let mut verified: std::collections::HashMap<(usize, usize), Result<(), VerifyError>> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for (k, (i, cert)) in parsed.iter().enumerate() {
        let self_issued = cert.subject().as_raw() == cert.issuer().as_raw();
        let role = if self_issued {
            ChainRole::Root
        } else if cert.is_ca() {
            ChainRole::Intermediate
        } else {
            ChainRole::Leaf
        };
        let mut issuers: Vec<IssuerCheck> = Vec::new();
        for (m, (j, issuer)) in parsed.iter().enumerate() {
            let candidate = !self_issued
                && j != i
                && first_copy[m] == m
                && issuer.subject().as_raw() == cert.issuer().as_raw();
            if !candidate {
                continue;
            }
            let result = verified
                .entry((first_copy[k], m))
                .or_insert_with(|| signature_check(cert, issuer.public_key()))
                .clone();
            issuers.push(IssuerCheck {
                position: position(*j),
                subject: dn_string(issuer.subject()),
                result,
            });
        }
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
