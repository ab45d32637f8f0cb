//! Rules over one certificate: validity, key strength, signature algorithm, self-signing,
//! extensions, and the Exchange auth certificate. Each rule's test is beside it.

use super::sections::date_only;
use crate::context::Context;
use crate::decode::x509::cert::Certificate;
use crate::explain::rule::Rule;
use crate::knowledge::{apps, sources, x509 as facts};
use crate::report::{Finding, Severity, Step};
use crate::text::{duration_words, relative, utc};
use crate::verify::{Hash, KeyKind, SigAlg, VerifyError};

/// The certificate rules, in the order their findings are reported.
pub const RULES: &[Rule<Certificate>] = &[
    Rule {
        id: "cert.expired",
        severity: Severity::Error,
        title: "Certificate has expired",
        source: None,
        check: expired,
    },
    Rule {
        id: "cert.not-yet-valid",
        severity: Severity::Warning,
        title: "Certificate is not valid yet",
        source: None,
        check: not_yet_valid,
    },
    Rule {
        id: "cert.expires-soon",
        severity: Severity::Warning,
        title: "Certificate expires within 30 days",
        source: None,
        check: expires_soon,
    },
    Rule {
        id: "cert.rsa-under-2048",
        severity: Severity::Error,
        title: "RSA key shorter than Entra accepts",
        source: Some(sources::IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY),
        check: rsa_under_2048,
    },
    Rule {
        id: "cert.sha1-signature",
        severity: Severity::Warning,
        title: "Certificate signed with SHA-1",
        source: None,
        check: sha1_signature,
    },
    Rule {
        id: "cert.self-signed",
        severity: Severity::Ok,
        title: "Self-signed: verifies with its own key",
        source: None,
        check: self_signed,
    },
    Rule {
        id: "cert.self-issued-unproven",
        severity: Severity::Info,
        title: "Issuer equals subject, but its own key does not verify it",
        source: None,
        check: self_issued_unproven,
    },
    Rule {
        id: "cert.unknown-critical-extension",
        severity: Severity::Warning,
        title: "Critical extension that cannot be read",
        source: None,
        check: unknown_critical,
    },
    Rule {
        id: "cert.version-1",
        severity: Severity::Info,
        title: "X.509 version 1 certificate",
        source: None,
        check: version_1,
    },
    Rule {
        id: "cert.negative-serial",
        severity: Severity::Info,
        title: "Negative serial number",
        source: None,
        check: negative_serial,
    },
    Rule {
        id: "cert.no-digital-signature",
        severity: Severity::Warning,
        title: "End-entity certificate whose key usage forbids signing",
        source: None,
        check: no_digital_signature,
    },
    Rule {
        id: "cert.no-auth-eku",
        severity: Severity::Warning,
        title: "End-entity certificate without server or client authentication EKU",
        source: None,
        check: no_auth_eku,
    },
    Rule {
        id: "cert.exchange-auth",
        severity: Severity::Info,
        title: "Exchange Server Auth Certificate",
        source: Some(sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND),
        check: exchange_auth,
    },
];

fn expired(c: &Certificate, ctx: &Context) -> Vec<Finding> {
    if ctx.now <= c.not_after {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        format!("Certificate expired on {}", date_only(c.not_after)),
        format!(
            "It expired {} ({}). Entra ID refuses client assertions signed with it, and Exchange stops using it for OAuth.",
            utc(c.not_after),
            relative(c.not_after, ctx.now)
        ),
    )
    .step(Step::new(
        "Create or request a new certificate, upload its public part, then remove the expired one.",
    ))]
}

fn not_yet_valid(c: &Certificate, ctx: &Context) -> Vec<Finding> {
    if ctx.now > c.not_after || ctx.now >= c.not_before {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Certificate not yet valid",
        format!(
            "It becomes valid on {} ({}); a clock that is behind, or a certificate issued with a future start date, causes this.",
            utc(c.not_before),
            relative(c.not_before, ctx.now)
        ),
    )]
}

fn expires_soon(c: &Certificate, ctx: &Context) -> Vec<Finding> {
    if ctx.now > c.not_after
        || ctx.now < c.not_before
        || c.not_after - ctx.now >= facts::EXPIRES_SOON_SECONDS
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        format!(
            "Certificate expires in {}",
            duration_words(c.not_after - ctx.now)
        ),
        format!(
            "It expires {}; plan the renewal and upload the new certificate before then.",
            utc(c.not_after)
        ),
    )]
}

fn rsa_under_2048(c: &Certificate, _: &Context) -> Vec<Finding> {
    match c.key {
        KeyKind::Rsa { bits } if bits < facts::MIN_RSA_BITS => vec![Finding::new(
            Severity::Error,
            format!("RSA key of {bits} bits is too short"),
            "Entra ID accepts certificate credentials with RSA keys of at least 2048 bits; a shorter key is rejected when uploaded and is weak.",
        )],
        _ => Vec::new(),
    }
}

fn sha1_signature(c: &Certificate, _: &Context) -> Vec<Finding> {
    if !matches!(
        c.sig_alg,
        Some(SigAlg::RsaPkcs1(Hash::Sha1) | SigAlg::Ecdsa(Hash::Sha1, _))
    ) {
        return Vec::new();
    }
    let root = c.self_signed && c.is_ca;
    vec![Finding::new(
        if root {
            Severity::Info
        } else {
            Severity::Warning
        },
        "SHA-1 signature (weak)",
        if root {
            "The certificate is signed with SHA-1. For a trusted root this matters less (roots are trusted by their presence, not their signature), but SHA-1 is broken for collisions."
        } else {
            "The certificate is signed with SHA-1, which is broken for collisions; browsers and many services refuse SHA-1 certificates. Reissue it with SHA-256."
        },
    )]
}

fn self_signed(c: &Certificate, _: &Context) -> Vec<Finding> {
    if !(c.self_issued && c.self_signed) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        "Self-signed",
        if c.is_ca {
            "The subject is the same as the issuer and the signature verifies with the certificate's own key: this is a root that is trusted by being installed, not by a signature."
        } else {
            "The subject is the same as the issuer and the signature verifies with the certificate's own key. Entra ID accepts self-signed certificates as app credentials."
        },
    )]
}

fn self_issued_unproven(c: &Certificate, _: &Context) -> Vec<Finding> {
    if !c.self_issued || c.self_signed {
        return Vec::new();
    }
    let why = match &c.self_check_error {
        Some(VerifyError::Unusable(why)) => why.clone(),
        _ => "the signature does not verify with its own key".to_string(),
    };
    vec![Finding::new(
        Severity::Info,
        "Issuer equals subject, but not proven self-signed",
        format!("The subject is the same as the issuer, but {why}; it may be signed by another key with the same name."),
    )]
}

fn unknown_critical(c: &Certificate, _: &Context) -> Vec<Finding> {
    c.unknown_critical
        .iter()
        .map(|(oid, name)| {
            Finding::new(
                Severity::Warning,
                format!("Unknown critical extension {oid}"),
                format!(
                    "{name} is marked critical, and a program that does not understand a critical extension must reject the certificate (RFC 5280 section 4.2). Windows, browsers and Entra may refuse it.",
                ),
            )
        })
        .collect()
}

fn version_1(c: &Certificate, _: &Context) -> Vec<Finding> {
    if c.version != 0 {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Version 1 certificate",
        "An X.509 v1 certificate has no extensions (no subject alternative names, key usage or CA flag). Entra accepts it as an app credential, but TLS clients match host names only against SANs and refuse it for servers.",
    )]
}

fn negative_serial(c: &Certificate, _: &Context) -> Vec<Finding> {
    if !c.negative_serial {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Negative serial number",
        "The serial number's first bit is set, so in DER it is a negative integer; RFC 5280 requires a positive serial. Windows and OpenSSL still read it, but strict validators may refuse the certificate.",
    )]
}

fn no_digital_signature(c: &Certificate, _: &Context) -> Vec<Finding> {
    if c.is_ca || c.digital_signature != Some(false) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "No digitalSignature key usage",
        "The key usage extension does not allow digital signatures, so this certificate should not sign client assertions (Entra client credentials) or OAuth tokens.",
    )]
}

fn no_auth_eku(c: &Certificate, _: &Context) -> Vec<Finding> {
    if c.is_ca || c.auth_eku != Some(false) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Neither server nor client authentication EKU",
        "The extended key usage lists neither serverAuth (TLS server) nor clientAuth (TLS client); services that check the EKU refuse it for those uses.",
    )]
}

fn exchange_auth(c: &Certificate, _: &Context) -> Vec<Finding> {
    if !c.cn.contains(facts::EXCHANGE_AUTH_CERTIFICATE_CN) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Exchange Server Auth Certificate",
        format!("This is Exchange's OAuth signing certificate: Exchange signs its server-to-server tokens (hybrid free/busy, MRS, Teams calendar access) with it. Get-AuthConfig shows it as CurrentCertificateThumbprint (the SHA-1 thumbprint below). For hybrid OAuth its public part must be uploaded to the keyCredentials of the Office 365 Exchange Online service principal ({}); when it expires or is renewed without that upload, AADSTS50012/70002 \"the key was not found\" and free/busy failures follow.", apps::ids::EXCHANGE),
    )
    .step(Step::with_command(
        "Compare the thumbprint on the Exchange server with this certificate:",
        "Get-AuthConfig | Format-List CurrentCertificateThumbprint, PreviousCertificateThumbprint, NextCertificateThumbprint",
    ))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::x509::der;
    use crate::report::Span;

    /// A self-signed P-384 certificate without extensions, valid 2018-11-13 to 2019-11-13.
    const NO_EXT: &str = "-----BEGIN CERTIFICATE-----\nMIIBUTCB2KADAgECAgkAtXGSKEzrTR4wCgYIKoZIzj0EAwIwEDEOMAwGA1UEAwwF\nYmVubm8wHhcNMTgxMTEzMDI1NDQwWhcNMTkxMTEzMDI1NDQwWjAQMQ4wDAYDVQQD\nDAViZW5ubzB2MBAGByqGSM49AgEGBSuBBAAiA2IABDhrHLVTMHC7GTyB/MNztToW\nss2zlmvR62X1pQaBN6fYhBJE1XYa0V2C1fGGXj92MencOtXyfYVxn+DY07gyT/71\nHQ12TJOe90wwjy2/6N1W1jOv5HjphVT8JQlVNqAC+DAKBggqhkjOPQQDAgNoADBl\nAjAfzS1tmZ+GSAaXrsPcfAd1A9yfWVtB8tWxFNNo2j7/cL3puf2vQnlwV/0BoZZ1\nK4ICMQDaE0HemgYp6RPQzeb96a2gjlaEbwNy1B8O74fE24WRXiOUm4eln9wGQ3I1\niV6NtZU=\n-----END CERTIFICATE-----";

    /// The sample certificate, made valid for a year around the fixed clock.
    fn sample() -> (Certificate, Context) {
        let der = der::pem_blocks(NO_EXT)[0].der.clone().expect("sample PEM");
        let mut c = Certificate::parse(&der, Span::default()).expect("sample certificate");
        let ctx = Context::fixed();
        c.not_before = ctx.now - 180 * 86_400;
        c.not_after = ctx.now + 180 * 86_400;
        (c, ctx)
    }

    fn fires(id: &str, c: &Certificate, ctx: &Context) -> bool {
        let rule = RULES.iter().find(|r| r.id == id).expect("rule exists");
        let found = rule.apply(c, ctx);
        found.iter().all(|f| f.rule == id) && !found.is_empty()
    }

    #[test]
    fn validity_rules_fire_on_their_window_only() {
        let (mut c, ctx) = sample();
        for id in ["cert.expired", "cert.not-yet-valid", "cert.expires-soon"] {
            assert!(!fires(id, &c, &ctx), "{id}");
        }
        c.not_after = ctx.now - 1;
        assert!(fires("cert.expired", &c, &ctx));
        c.not_after = ctx.now + 86_400;
        assert!(fires("cert.expires-soon", &c, &ctx));
        c.not_before = ctx.now + 10;
        assert!(fires("cert.not-yet-valid", &c, &ctx));
        assert!(!fires("cert.expires-soon", &c, &ctx));
    }

    #[test]
    fn short_rsa_keys_are_reported() {
        let (mut c, ctx) = sample();
        assert!(!fires("cert.rsa-under-2048", &c, &ctx));
        c.key = KeyKind::Rsa { bits: 1024 };
        assert!(fires("cert.rsa-under-2048", &c, &ctx));
        c.key = KeyKind::Rsa { bits: 2048 };
        assert!(!fires("cert.rsa-under-2048", &c, &ctx));
    }

    #[test]
    fn sha1_signatures_are_reported_milder_for_roots() {
        let (mut c, ctx) = sample();
        assert!(!fires("cert.sha1-signature", &c, &ctx));
        c.sig_alg = Some(SigAlg::RsaPkcs1(Hash::Sha1));
        assert!(fires("cert.sha1-signature", &c, &ctx));
        c.is_ca = true;
        let found = RULES[4].apply(&c, &ctx);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn self_signed_and_unproven_are_told_apart() {
        let (mut c, ctx) = sample();
        assert!(fires("cert.self-signed", &c, &ctx));
        assert!(!fires("cert.self-issued-unproven", &c, &ctx));
        c.self_signed = false;
        assert!(!fires("cert.self-signed", &c, &ctx));
        assert!(fires("cert.self-issued-unproven", &c, &ctx));
        c.self_issued = false;
        assert!(!fires("cert.self-issued-unproven", &c, &ctx));
    }

    #[test]
    fn extension_and_encoding_oddities_are_reported() {
        let (mut c, ctx) = sample();
        for id in ["cert.unknown-critical-extension", "cert.negative-serial"] {
            assert!(!fires(id, &c, &ctx), "{id}");
        }
        c.unknown_critical = vec![("1.2.3.4".into(), "Extension 1.2.3.4".into())];
        c.negative_serial = true;
        assert!(fires("cert.unknown-critical-extension", &c, &ctx));
        assert!(fires("cert.negative-serial", &c, &ctx));
        assert!(!fires("cert.version-1", &c, &ctx));
        c.version = 0;
        assert!(fires("cert.version-1", &c, &ctx));
    }

    #[test]
    fn usage_rules_apply_to_end_entities_only() {
        let (mut c, ctx) = sample();
        assert!(!fires("cert.no-digital-signature", &c, &ctx));
        assert!(!fires("cert.no-auth-eku", &c, &ctx));
        c.digital_signature = Some(false);
        c.auth_eku = Some(false);
        assert!(fires("cert.no-digital-signature", &c, &ctx));
        assert!(fires("cert.no-auth-eku", &c, &ctx));
        c.is_ca = true;
        assert!(!fires("cert.no-digital-signature", &c, &ctx));
        assert!(!fires("cert.no-auth-eku", &c, &ctx));
    }

    #[test]
    fn the_exchange_auth_certificate_is_named() {
        let (mut c, ctx) = sample();
        assert!(!fires("cert.exchange-auth", &c, &ctx));
        c.cn = facts::EXCHANGE_AUTH_CERTIFICATE_CN.to_string();
        assert!(fires("cert.exchange-auth", &c, &ctx));
    }
}
