//! Rules over one app keyCredential: its dates, whether its thumbprint matches its certificate,
//! and what its value holds. Each rule's test is beside it.

use crate::context::Context;
use crate::decode::x509::keycred::{CredValue, KeyCredential};
use crate::explain::rule::Rule;
use crate::knowledge::{sources, x509 as facts};
use crate::report::{Finding, Severity, Step};
use crate::text::{hex_upper, relative, utc};

/// The keyCredential rules, in the order their findings are reported.
pub const RULES: &[Rule<KeyCredential>] = &[
    Rule {
        id: "keycred.expired",
        severity: Severity::Error,
        title: "Credential past its endDateTime",
        source: Some(sources::RESOURCES_KEYCREDENTIAL),
        check: expired,
    },
    Rule {
        id: "keycred.not-yet-valid",
        severity: Severity::Warning,
        title: "Credential before its startDateTime",
        source: None,
        check: not_yet_valid,
    },
    Rule {
        id: "keycred.expires-soon",
        severity: Severity::Warning,
        title: "Credential ends within 30 days",
        source: None,
        check: expires_soon,
    },
    Rule {
        id: "keycred.thumbprint-matches",
        severity: Severity::Ok,
        title: "customKeyIdentifier is the certificate's thumbprint",
        source: None,
        check: thumbprint_matches,
    },
    Rule {
        id: "keycred.thumbprint-mismatch",
        severity: Severity::Warning,
        title: "customKeyIdentifier is not the certificate's thumbprint",
        source: None,
        check: thumbprint_mismatch,
    },
    Rule {
        id: "keycred.value-elided",
        severity: Severity::Info,
        title: "Certificate value shortened for display",
        source: None,
        check: value_elided,
    },
    Rule {
        id: "keycred.value-not-certificate",
        severity: Severity::Error,
        title: "Value is not a certificate",
        source: None,
        check: value_not_certificate,
    },
    Rule {
        id: "keycred.no-value",
        severity: Severity::Info,
        title: "Credential without a certificate value",
        source: None,
        check: no_value,
    },
];

fn expired(c: &KeyCredential, ctx: &Context) -> Vec<Finding> {
    let Some(end) = c.end.filter(|e| *e < ctx.now) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Error,
        format!("Expired credential (endDateTime {})", utc(end)),
        format!(
            "This credential ended {}. Entra no longer accepts client assertions (or Exchange hybrid tokens) signed with its certificate: AADSTS700027 or \"key was not found\" errors follow.",
            relative(end, ctx.now)
        ),
    )
    .step(Step::new(
        "Upload the renewed certificate's public part as a new keyCredential, then remove this expired one.",
    ))]
}

fn not_yet_valid(c: &KeyCredential, ctx: &Context) -> Vec<Finding> {
    if c.end.is_some_and(|e| e < ctx.now) {
        return Vec::new();
    }
    let Some(start) = c.start.filter(|s| *s > ctx.now) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Warning,
        "Credential not yet valid",
        format!(
            "startDateTime is {} ({}); until then Entra does not accept it.",
            utc(start),
            relative(start, ctx.now)
        ),
    )]
}

fn expires_soon(c: &KeyCredential, ctx: &Context) -> Vec<Finding> {
    if c.start.is_some_and(|s| s > ctx.now) {
        return Vec::new();
    }
    let soon = |e: &i64| *e >= ctx.now && *e - ctx.now < facts::EXPIRES_SOON_SECONDS;
    let Some(end) = c.end.filter(soon) else {
        return Vec::new();
    };
    vec![Finding::new(
        Severity::Warning,
        "Credential expires soon",
        format!(
            "endDateTime is {} ({}); upload the renewed certificate before then.",
            utc(end),
            relative(end, ctx.now)
        ),
    )]
}

fn thumbprint_matches(c: &KeyCredential, _: &Context) -> Vec<Finding> {
    match (c.declared_sha1(), c.certificate()) {
        (Some(t), Some(cert)) if t == cert.thumbprints.sha1 => vec![Finding::new(
            Severity::Ok,
            "customKeyIdentifier matches the certificate",
            "The thumbprint in customKeyIdentifier is the SHA-1 thumbprint of the certificate in value.",
        )],
        _ => Vec::new(),
    }
}

fn thumbprint_mismatch(c: &KeyCredential, _: &Context) -> Vec<Finding> {
    match (c.declared_sha1(), c.certificate()) {
        (Some(t), Some(cert)) if t != cert.thumbprints.sha1 => vec![Finding::new(
            Severity::Warning,
            "customKeyIdentifier does not match the certificate",
            format!(
                "customKeyIdentifier says {}, but the certificate's SHA-1 thumbprint is {}.",
                hex_upper(t),
                hex_upper(&cert.thumbprints.sha1)
            ),
        )],
        _ => Vec::new(),
    }
}

fn value_elided(c: &KeyCredential, _: &Context) -> Vec<Finding> {
    if !matches!(c.value, CredValue::Elided) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Certificate value elided: cannot be decoded",
        "The value was shortened (\"omitted for brevity\"), so the certificate itself cannot be read; the thumbprint from customKeyIdentifier still identifies it. Paste the full value (or the .cer file) to see the certificate.",
    )]
}

fn value_not_certificate(c: &KeyCredential, _: &Context) -> Vec<Finding> {
    if !matches!(c.value, CredValue::NotCertificate) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Value is not a certificate",
        "Expected the base64 DER of the certificate (the .cer file's bytes, [Convert]::ToBase64String($cert.GetRawCertData())).",
    )]
}

fn no_value(c: &KeyCredential, _: &Context) -> Vec<Finding> {
    if !matches!(c.value, CredValue::Missing) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "No certificate value",
        "This entry carries no value or key (Graph returns key: null unless asked with $select=keyCredentials); the thumbprint identifies the certificate.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::x509::cert::Certificate;
    use crate::decode::x509::der::pem_blocks;
    use crate::report::Span;

    /// A self-signed P-384 certificate without extensions.
    const NO_EXT: &str = "-----BEGIN CERTIFICATE-----\nMIIBUTCB2KADAgECAgkAtXGSKEzrTR4wCgYIKoZIzj0EAwIwEDEOMAwGA1UEAwwF\nYmVubm8wHhcNMTgxMTEzMDI1NDQwWhcNMTkxMTEzMDI1NDQwWjAQMQ4wDAYDVQQD\nDAViZW5ubzB2MBAGByqGSM49AgEGBSuBBAAiA2IABDhrHLVTMHC7GTyB/MNztToW\nss2zlmvR62X1pQaBN6fYhBJE1XYa0V2C1fGGXj92MencOtXyfYVxn+DY07gyT/71\nHQ12TJOe90wwjy2/6N1W1jOv5HjphVT8JQlVNqAC+DAKBggqhkjOPQQDAgNoADBl\nAjAfzS1tmZ+GSAaXrsPcfAd1A9yfWVtB8tWxFNNo2j7/cL3puf2vQnlwV/0BoZZ1\nK4ICMQDaE0HemgYp6RPQzeb96a2gjlaEbwNy1B8O74fE24WRXiOUm4eln9wGQ3I1\niV6NtZU=\n-----END CERTIFICATE-----";

    fn fires(id: &str, c: &KeyCredential) -> bool {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule exists");
        !rule.apply(c, &Context::fixed()).is_empty()
    }

    /// A current credential whose customKeyIdentifier is its certificate's thumbprint.
    fn current() -> KeyCredential {
        let now = Context::fixed().now;
        let der = pem_blocks(NO_EXT)[0].der.clone().expect("sample PEM");
        let cert = Certificate::parse(&der, Span::default()).expect("sample certificate");
        KeyCredential {
            span: Span::default(),
            custom_key_identifier: Some((String::new(), Some(cert.thumbprints.sha1.clone()))),
            members: Vec::new(),
            start: Some(now - 86_400),
            end: Some(now + 365 * 86_400),
            value: CredValue::Certificate(Box::new(cert)),
        }
    }

    #[test]
    fn date_rules_fire_in_their_window_only() {
        let now = Context::fixed().now;
        let mut c = current();
        for id in [
            "keycred.expired",
            "keycred.not-yet-valid",
            "keycred.expires-soon",
        ] {
            assert!(!fires(id, &c), "{id}");
        }
        c.end = Some(now + 86_400);
        assert!(fires("keycred.expires-soon", &c));
        c.end = Some(now - 1);
        assert!(fires("keycred.expired", &c));
        assert!(!fires("keycred.expires-soon", &c));
        c.end = Some(now + 400 * 86_400);
        c.start = Some(now + 10);
        assert!(fires("keycred.not-yet-valid", &c));
    }

    #[test]
    fn the_thumbprint_is_compared_with_the_certificate() {
        let mut c = current();
        assert!(fires("keycred.thumbprint-matches", &c));
        assert!(!fires("keycred.thumbprint-mismatch", &c));
        c.custom_key_identifier = Some((String::new(), Some(vec![2; 20])));
        assert!(!fires("keycred.thumbprint-matches", &c));
        assert!(fires("keycred.thumbprint-mismatch", &c));
    }

    #[test]
    fn what_the_value_holds_is_said() {
        let mut c = current();
        for (value, id) in [
            (CredValue::Elided, "keycred.value-elided"),
            (CredValue::NotCertificate, "keycred.value-not-certificate"),
            (CredValue::Missing, "keycred.no-value"),
        ] {
            assert!(!fires(id, &c), "{id}");
            c.value = value;
            assert!(fires(id, &c), "{id}");
        }
    }
}
