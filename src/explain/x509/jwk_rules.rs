//! Rules over single JWKs: private members, and keys whose members
//! disagree with their certificate or are missing. Each rule's test is beside it.

use crate::context::Context;
use crate::explain::rule::Rule;
use crate::report::{Finding, Severity, Step};

/// What the JWK rules read about one key, gathered while its card is made.
#[derive(Debug, Clone, Default)]
pub struct JwkFacts {
    /// The `kty` member (empty when missing).
    pub kty: String,
    /// An RSA, EC or OKP key with private members (d, p, q).
    pub private: bool,
    /// An `oct` key whose secret `k` decodes.
    pub secret: bool,
    /// The `x5t` the key declares.
    pub declared_x5t: Option<String>,
    /// The x5t of the key's first x5c certificate.
    pub cert_x5t: Option<String>,
    /// The public key built from n/e (or x/y).
    pub ne_spki: Option<Vec<u8>>,
    /// The public key of the first x5c certificate.
    pub cert_spki: Option<Vec<u8>>,
    /// What is missing or unreadable, one sentence each.
    pub problems: Vec<String>,
}

/// The rules over one JWK, in the order their findings are reported.
pub const RULES: &[Rule<JwkFacts>] = &[
    Rule {
        id: "jwk.private-members",
        severity: Severity::Error,
        title: "JWK holds private or secret members",
        source: None,
        check: private_members,
    },
    Rule {
        id: "jwk.x5t-mismatch",
        severity: Severity::Warning,
        title: "Declared x5t differs from the x5c certificate's",
        source: None,
        check: x5t_mismatch,
    },
    Rule {
        id: "jwk.key-mismatch",
        severity: Severity::Warning,
        title: "n/e differ from the x5c certificate's key",
        source: None,
        check: key_mismatch,
    },
    Rule {
        id: "jwk.incomplete",
        severity: Severity::Error,
        title: "JWK member missing or unreadable",
        source: None,
        check: incomplete,
    },
];

fn private_members(k: &JwkFacts, _: &Context) -> Vec<Finding> {
    if !(k.private || k.secret) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        if k.kty == "oct" {
            "SECRET key: this JWK is a shared secret"
        } else {
            "PRIVATE key: this JWK holds private parts"
        },
        "This JWK holds private or secret members (d, p, q, dp, dq, qi or k), so whoever has it can sign tokens as its owner. It stays in this page and is not shown here, but it must not be shared in a ticket, chat or forum; a key set published for verification holds only the public members (kty, n, e or crv, x, y).",
    )
    .step(Step::new(
        "If it was shared, create a new key pair, publish or upload only its public part, and retire this key.",
    ))]
}

fn x5t_mismatch(k: &JwkFacts, _: &Context) -> Vec<Finding> {
    match (&k.declared_x5t, &k.cert_x5t) {
        (Some(declared), Some(actual)) if declared != actual => vec![Finding::new(
            Severity::Warning,
            "x5t does not match the certificate",
            format!("The key says x5t {declared}, but the SHA-1 thumbprint of its x5c certificate is {actual}."),
        )],
        _ => Vec::new(),
    }
}

fn key_mismatch(k: &JwkFacts, _: &Context) -> Vec<Finding> {
    match (&k.ne_spki, &k.cert_spki) {
        (Some(from_ne), Some(from_cert)) if from_ne != from_cert => vec![Finding::new(
            Severity::Warning,
            "n/e do not match the certificate",
            "The public key in n/e differs from the public key of the x5c certificate; one of them was replaced.",
        )],
        _ => Vec::new(),
    }
}

fn incomplete(k: &JwkFacts, _: &Context) -> Vec<Finding> {
    let needs = match k.kty.as_str() {
        "RSA" => "\"n\" and \"e\" (base64url), or an x5c certificate",
        "EC" => "\"crv\" (P-256 or P-384), \"x\" and \"y\" (base64url)",
        "OKP" => "\"crv\": \"Ed25519\" and \"x\" (base64url)",
        "oct" => "\"k\" (base64url secret)",
        _ => "\"kty\" and the members of that key type",
    };
    k.problems
        .iter()
        .map(|p| {
            Finding::new(
                Severity::Error,
                "Incomplete JWK",
                format!("{p}; a usable {} JWK needs {needs}.", k.kty),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fires(id: &str, k: &JwkFacts) -> bool {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule exists");
        !rule.apply(k, &Context::fixed()).is_empty()
    }

    fn public_rsa() -> JwkFacts {
        JwkFacts {
            kty: "RSA".into(),
            ne_spki: Some(vec![1]),
            ..JwkFacts::default()
        }
    }

    #[test]
    fn private_and_secret_members_are_reported() {
        let mut k = public_rsa();
        assert!(!fires("jwk.private-members", &k));
        k.private = true;
        assert!(fires("jwk.private-members", &k));
        let oct = JwkFacts {
            kty: "oct".into(),
            secret: true,
            ..JwkFacts::default()
        };
        assert!(fires("jwk.private-members", &oct));
    }

    #[test]
    fn members_that_disagree_with_the_certificate_are_reported() {
        let mut k = public_rsa();
        k.cert_spki = Some(vec![1]);
        k.declared_x5t = Some("a".into());
        k.cert_x5t = Some("a".into());
        assert!(!fires("jwk.key-mismatch", &k));
        assert!(!fires("jwk.x5t-mismatch", &k));
        k.cert_spki = Some(vec![2]);
        k.cert_x5t = Some("b".into());
        assert!(fires("jwk.key-mismatch", &k));
        assert!(fires("jwk.x5t-mismatch", &k));
    }

    #[test]
    fn each_problem_is_an_incomplete_finding() {
        let mut k = public_rsa();
        assert!(!fires("jwk.incomplete", &k));
        k.problems = vec!["\"n\" is missing".into(), "\"e\" is missing".into()];
        let found = RULES[3].apply(&k, &Context::fixed());
        assert_eq!(found.len(), 2);
        assert!(found[0].explanation.contains("\"n\" and \"e\""));
    }
}
