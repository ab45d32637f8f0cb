//! The signature findings as rules: on the token (valid, invalid, no key...) and on the keys it
//! names or that verified it.

use super::facts::{discovery_keys, TokenFacts};
use super::verdict::Verdict;
use crate::context::Context;
use crate::explain::Rule;
use crate::report::{Finding, Severity};

/// What the token rules read: the token's facts and the verdict.
pub struct SignatureView {
    pub facts: TokenFacts,
    pub verdict: Verdict,
}

/// What the key rules read: a key linked to a token.
pub enum KeyLink {
    /// The token's kid or x5t names this key; `by` says which header names it.
    Named {
        token_label: String,
        by: &'static str,
    },
    /// This key verified the token's signature.
    Signed { token_label: String },
}

const GRAPH_NONCE_NOTE: &str = "Microsoft Graph access tokens carry a nonce in the header, and the header that was signed held the SHA-256 hash of that nonce instead; such a token does not verify as it is. Graph tokens are meant for Graph only; an API should not validate tokens issued for another audience.";

/// The token rules, in the order their findings are reported.
pub const TOKEN_RULES: &[Rule<SignatureView>] = &[
    rule(
        "signature.unsigned",
        Severity::Info,
        "The token is unsigned",
        unsigned,
    ),
    rule(
        "signature.alg-not-checked",
        Severity::Info,
        "The token's algorithm is not one this page checks",
        alg_not_checked,
    ),
    rule(
        "signature.no-key",
        Severity::Info,
        "No key to check the signature with, and where to find one",
        no_key,
    ),
    rule(
        "signature.valid",
        Severity::Ok,
        "A key in the paste, key box or token header verifies the signature",
        valid,
    ),
    rule(
        "signature.kid-differs",
        Severity::Info,
        "The verifying key carries another id than the token names",
        kid_differs,
    ),
    rule(
        "signature.alg-key-mismatch",
        Severity::Error,
        "Every key given is of the wrong type for the algorithm",
        alg_key_mismatch,
    ),
    rule(
        "signature.invalid",
        Severity::Error,
        "The keys given do not verify the signature",
        invalid,
    ),
    rule(
        "signature.kid-absent",
        Severity::Warning,
        "The key the token names is not among those given",
        kid_absent,
    ),
];

/// The key rules, in the order their findings are reported.
pub const KEY_RULES: &[Rule<KeyLink>] = &[
    Rule {
        id: "signature.named-signer",
        severity: Severity::Info,
        title: "A token names this key as its signer",
        source: None,
        check: named_signer,
    },
    Rule {
        id: "signature.signed-token",
        severity: Severity::Ok,
        title: "This key verifies a token's signature",
        source: None,
        check: signed_token,
    },
];

const fn rule(
    id: &'static str,
    severity: Severity,
    title: &'static str,
    check: fn(&SignatureView, &Context) -> Vec<Finding>,
) -> Rule<SignatureView> {
    Rule {
        id,
        severity,
        title,
        source: None,
        check,
    }
}

fn one(severity: Severity, title: impl Into<String>, text: impl Into<String>) -> Vec<Finding> {
    vec![Finding::new(severity, title, text)]
}

fn unsigned(v: &SignatureView, _: &Context) -> Vec<Finding> {
    if v.verdict != Verdict::Unsigned {
        return Vec::new();
    }
    one(Severity::Info, "Unsigned token", "The token has no signature (alg none), so there is nothing to verify; only a signed token inside it (an actor token) can be checked.")
}

fn alg_not_checked(v: &SignatureView, _: &Context) -> Vec<Finding> {
    if v.verdict != Verdict::AlgNotChecked {
        return Vec::new();
    }
    one(
        Severity::Info,
        format!("Signature algorithm {} not checked", v.facts.alg),
        "This page checks RS/PS/ES 256/384/512, EdDSA and HS256/384/512 signatures.",
    )
}

fn no_key(v: &SignatureView, _: &Context) -> Vec<Finding> {
    let Verdict::NoKey { hmac } = v.verdict else {
        return Vec::new();
    };
    let facts = &v.facts;
    let mut what = if hmac {
        "This token is signed with a shared secret (HMAC). Put the secret on a line of its own as \"secret: <value>\" (or \"base64 secret: <value>\") in the key box to check it.".to_string()
    } else if facts.client_assertion {
        format!(
            "This client assertion is signed with the app's own certificate. Paste that certificate (the .cer uploaded to the app registration) into the key box to check it; its thumbprint must equal the header's {}.",
            match (&facts.x5t, &facts.x5t_s256) {
                (Some(t), _) => format!("x5t {t}"),
                (None, Some(t)) => format!("x5t#S256 {t}"),
                (None, None) => "x5t, which is missing here, so Entra cannot tell which certificate to use".to_string(),
            }
        )
    } else {
        let mut s = format!(
            "Paste the signing certificate, public key or JWKS into the key box to check the signature (the token names kid {}).",
            facts.kid.as_deref().or(facts.x5t.as_deref()).unwrap_or("(none)")
        );
        if let Some(url) = discovery_keys(facts) {
            s.push_str(&format!(" Entra publishes this issuer's keys at {url} (open it yourself and paste the JSON; this page fetches nothing)."));
        }
        s
    };
    if facts.nonce.is_some() {
        what.push(' ');
        what.push_str(GRAPH_NONCE_NOTE);
    }
    one(Severity::Info, "No key given", what)
}

fn valid(v: &SignatureView, _: &Context) -> Vec<Finding> {
    let Verdict::Valid {
        key_label,
        hashed,
        from_header,
        ..
    } = &v.verdict
    else {
        return Vec::new();
    };
    let mut text = if *hashed {
        format!("The signature verifies once the header nonce is replaced by base64url(SHA-256(nonce)), the way it was signed. {GRAPH_NONCE_NOTE}")
    } else {
        format!("The {} signature matches the header and payload, so the token was not changed after signing.", v.facts.alg)
    };
    if *from_header {
        text.push_str(" The key came from the token's own x5c header: this proves the token is intact, not that its signer is trusted; compare the certificate with the one you expect.");
    }
    one(
        Severity::Ok,
        format!("Signature valid (verified with {key_label})"),
        text,
    )
}

fn kid_differs(v: &SignatureView, _: &Context) -> Vec<Finding> {
    if !matches!(
        v.verdict,
        Verdict::Valid {
            kid_differs: true,
            ..
        }
    ) {
        return Vec::new();
    }
    one(
        Severity::Info,
        "The verifying key does not carry the token's kid",
        format!(
            "The token names kid {}, but the key that verifies it has another id; the key set or the token's header uses a different naming.",
            v.facts.kid.as_deref().or(v.facts.x5t.as_deref()).unwrap_or("")
        ),
    )
}

fn alg_key_mismatch(v: &SignatureView, _: &Context) -> Vec<Finding> {
    let Verdict::AlgKeyMismatch(wrong_type) = &v.verdict else {
        return Vec::new();
    };
    one(
        Severity::Error,
        "Algorithm and key type disagree",
        format!("{}.", wrong_type.join("; ")),
    )
}

/// Said after an invalid signature when the token carries a Graph nonce.
fn nonce_note(facts: &TokenFacts) -> String {
    if facts.nonce.is_some() {
        format!(" It was also tried with the hashed header nonce. {GRAPH_NONCE_NOTE}")
    } else {
        String::new()
    }
}

fn invalid(v: &SignatureView, _: &Context) -> Vec<Finding> {
    let note = nonce_note(&v.facts);
    let text = match &v.verdict {
        Verdict::InvalidNamed(keys) => format!(
            "The key the token names ({}) does not verify its signature: the header or payload was changed after signing, or a different key with the same id signed it.{note}",
            keys.join(", ")
        ),
        Verdict::InvalidUnnamed(keys) => format!(
            "The key given ({}) does not verify the {} signature: the token was changed after signing, or another key signed it. (The key carries no kid or thumbprint to compare with the token's.){note}",
            keys.join(", "),
            v.facts.alg
        ),
        Verdict::Invalid { tried } => format!(
            "None of the {tried} key(s) given verifies the {} signature: the token was changed after signing, or another key signed it.{note}",
            v.facts.alg
        ),
        _ => return Vec::new(),
    };
    one(Severity::Error, "Signature invalid", text)
}

fn kid_absent(v: &SignatureView, _: &Context) -> Vec<Finding> {
    let Verdict::KidAbsent { given, wrong_type } = &v.verdict else {
        return Vec::new();
    };
    let facts = &v.facts;
    let mut text = format!(
        "The token names kid {}{}, but none of the keys given has that id or thumbprint ({}), and none of them verifies the signature.{}",
        facts.kid.as_deref().unwrap_or("(none)"),
        facts.x5t.as_deref().map(|x| format!(" / x5t {x}")).unwrap_or_default(),
        given.join("; "),
        nonce_note(facts)
    );
    if let Some(url) = discovery_keys(facts) {
        text.push_str(&format!(" Entra publishes this issuer's keys at {url}."));
    }
    if !wrong_type.is_empty() {
        text.push_str(&format!(" Also: {}.", wrong_type.join("; ")));
    }
    one(
        Severity::Warning,
        "The token's kid is not among the keys given",
        text,
    )
}

fn named_signer(link: &KeyLink, _: &Context) -> Vec<Finding> {
    let KeyLink::Named { token_label, by } = link else {
        return Vec::new();
    };
    one(
        Severity::Info,
        format!("Named as the signer of {token_label}"),
        format!("The token's {by} equals this key's thumbprint or key id, so this is the key it says signed it."),
    )
}

fn signed_token(link: &KeyLink, _: &Context) -> Vec<Finding> {
    let KeyLink::Signed { token_label } = link else {
        return Vec::new();
    };
    one(
        Severity::Ok,
        format!("Signed {token_label}"),
        format!("This key verifies the signature of {token_label}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::correlate::signature::facts::facts_with_issuer;
    use crate::explain::rule::run;

    fn view(verdict: Verdict) -> SignatureView {
        let mut facts = facts_with_issuer(Some("https://sts.windows.net/t/"));
        facts.kid = Some("k1".into());
        SignatureView { facts, verdict }
    }

    fn titles(v: &SignatureView) -> Vec<String> {
        run(TOKEN_RULES, v, &Context::fixed())
            .into_iter()
            .map(|f| format!("{} {}", f.rule, f.title))
            .collect()
    }

    #[test]
    fn each_verdict_gets_its_own_findings() {
        assert_eq!(
            titles(&view(Verdict::Unsigned)),
            ["signature.unsigned Unsigned token"]
        );
        assert_eq!(
            titles(&view(Verdict::AlgNotChecked)),
            ["signature.alg-not-checked Signature algorithm RS256 not checked"]
        );
        let no_key = run(
            TOKEN_RULES,
            &view(Verdict::NoKey { hmac: false }),
            &Context::fixed(),
        );
        assert!(no_key[0].explanation.contains("common/discovery/keys"));
        let valid = Verdict::Valid {
            key_label: "key".into(),
            hashed: false,
            from_header: true,
            kid_differs: true,
        };
        assert_eq!(
            titles(&view(valid)),
            [
                "signature.valid Signature valid (verified with key)",
                "signature.kid-differs The verifying key does not carry the token's kid"
            ]
        );
        assert_eq!(
            titles(&view(Verdict::AlgKeyMismatch(vec!["k is RSA".into()]))),
            ["signature.alg-key-mismatch Algorithm and key type disagree"]
        );
        assert_eq!(
            titles(&view(Verdict::Invalid { tried: 2 })),
            ["signature.invalid Signature invalid"]
        );
        let absent = Verdict::KidAbsent {
            given: vec!["other".into()],
            wrong_type: Vec::new(),
        };
        assert_eq!(
            titles(&view(absent)),
            ["signature.kid-absent The token's kid is not among the keys given"]
        );
    }

    #[test]
    fn key_links_name_the_token() {
        let named = KeyLink::Named {
            token_label: "token [1]".into(),
            by: "kid",
        };
        let found = run(KEY_RULES, &named, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "Named as the signer of token [1]");
        let signed = KeyLink::Signed {
            token_label: "token [1]".into(),
        };
        assert_eq!(
            run(KEY_RULES, &signed, &Context::fixed())[0].title,
            "Signed token [1]"
        );
    }
}
