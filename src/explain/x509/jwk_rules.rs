//! Rules over single JWKs: private members, and keys whose members
//! disagree with their certificate or are missing. Each rule's test is beside it.

use crate::context::Context;
use crate::decode::x509::jwk::{Jwk, JwkProblem};
use crate::explain::rule::Rule;
use crate::report::{Finding, Severity, Step};

/// The rules over one JWK, in the order their findings are reported.
pub const RULES: &[Rule<Jwk>] = &[
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

fn private_members(k: &Jwk, _: &Context) -> Vec<Finding> {
    if !(k.private || (k.kty == "oct" && k.secret.is_some())) {
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

fn x5t_mismatch(k: &Jwk, _: &Context) -> Vec<Finding> {
    let actual = k.certificate().map(|c| c.thumbprints.x5t());
    match (k.member("x5t"), actual) {
        (Some(declared), Some(actual)) if declared != actual => vec![Finding::new(
            Severity::Warning,
            "x5t does not match the certificate",
            format!("The key says x5t {declared}, but the SHA-1 thumbprint of its x5c certificate is {actual}."),
        )],
        _ => Vec::new(),
    }
}

fn key_mismatch(k: &Jwk, _: &Context) -> Vec<Finding> {
    match (&k.spki_der, k.certificate()) {
        (Some(from_ne), Some(cert)) if *from_ne != cert.spki_der => vec![Finding::new(
            Severity::Warning,
            "n/e do not match the certificate",
            "The public key in n/e differs from the public key of the x5c certificate; one of them was replaced.",
        )],
        _ => Vec::new(),
    }
}

fn incomplete(k: &Jwk, _: &Context) -> Vec<Finding> {
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
                format!("{}; a usable {} JWK needs {needs}.", problem_text(p), k.kty),
            )
        })
        .collect()
}

/// What a problem means, in one clause.
fn problem_text(p: &JwkProblem) -> String {
    match p {
        JwkProblem::Missing(name) => format!("\"{name}\" is missing"),
        JwkProblem::NotBase64(name) => format!("\"{name}\" is not base64url"),
        JwkProblem::NoKty => "\"kty\" is missing (expected RSA, EC, OKP or oct)".to_string(),
        JwkProblem::UnknownKty(other) => {
            format!("the key type \"{other}\" is not one this page can use")
        }
        JwkProblem::BadKey(why) => why.clone(),
        JwkProblem::X5c(i) => format!("x5c[{i}] is not a base64 DER certificate"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    fn fires(id: &str, k: &Jwk) -> bool {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule exists");
        !rule.apply(k, &Context::fixed()).is_empty()
    }

    fn read(v: serde_json::Value) -> Jwk {
        Jwk::read(&v, Span::default(), None)
    }

    /// A public P-256 key (RFC 7517 appendix A.1).
    fn public_ec() -> serde_json::Value {
        serde_json::json!({"kty": "EC", "crv": "P-256",
            "x": "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
            "y": "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})
    }

    #[test]
    fn private_and_secret_members_are_reported() {
        let mut v = public_ec();
        assert!(!fires("jwk.private-members", &read(v.clone())));
        v["d"] = "abc".into();
        assert!(fires("jwk.private-members", &read(v)));
        let oct = read(serde_json::json!({"kty": "oct", "k": "c2VjcmV0"}));
        assert!(fires("jwk.private-members", &oct));
    }

    #[test]
    fn members_that_disagree_with_the_x5c_certificate_are_reported() {
        let mut v = public_ec();
        v["x5t"] = "AAAA".into();
        let k = read(v);
        assert!(k.certificate().is_none());
        assert!(!fires("jwk.x5t-mismatch", &k));
        assert!(!fires("jwk.key-mismatch", &k));
        // The same members with a P-384 certificate in x5c: both disagree with it.
        let cert = concat!(
            "MIIBUTCB2KADAgECAgkAtXGSKEzrTR4wCgYIKoZIzj0EAwIwEDEOMAwGA1UEAwwF",
            "YmVubm8wHhcNMTgxMTEzMDI1NDQwWhcNMTkxMTEzMDI1NDQwWjAQMQ4wDAYDVQQD",
            "DAViZW5ubzB2MBAGByqGSM49AgEGBSuBBAAiA2IABDhrHLVTMHC7GTyB/MNztToW",
            "ss2zlmvR62X1pQaBN6fYhBJE1XYa0V2C1fGGXj92MencOtXyfYVxn+DY07gyT/71",
            "HQ12TJOe90wwjy2/6N1W1jOv5HjphVT8JQlVNqAC+DAKBggqhkjOPQQDAgNoADBl",
            "AjAfzS1tmZ+GSAaXrsPcfAd1A9yfWVtB8tWxFNNo2j7/cL3puf2vQnlwV/0BoZZ1",
            "K4ICMQDaE0HemgYp6RPQzeb96a2gjlaEbwNy1B8O74fE24WRXiOUm4eln9wGQ3I1",
            "iV6NtZU="
        );
        let mut v = public_ec();
        v["x5t"] = "AAAA".into();
        v["x5c"] = serde_json::json!([cert]);
        let k = read(v);
        assert!(k.certificate().is_some());
        assert!(fires("jwk.x5t-mismatch", &k));
        assert!(fires("jwk.key-mismatch", &k));
    }

    #[test]
    fn each_problem_is_an_incomplete_finding() {
        assert!(!fires("jwk.incomplete", &read(public_ec())));
        let k = read(serde_json::json!({"kty": "RSA"}));
        let found = RULES[3].apply(&k, &Context::fixed());
        assert_eq!(found.len(), 2);
        assert!(found[0].explanation.contains("\"n\" is missing"));
        assert!(found[0].explanation.contains("\"n\" and \"e\""));
    }
}
