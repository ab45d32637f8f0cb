//! Client assertions (an app's signed proof for the token endpoint): the verdict and the rules
//! about what it is, which certificate signed it, and what makes Entra refuse it.

use super::names::{describe_app, standard_b64};
use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::claims;
use crate::knowledge::tokens as facts;
use crate::report::{Finding, Severity, Step};
use crate::text::{b64_decode_lenient, is_guid};

pub fn verdict(v: &TokenView) -> String {
    let c = v.c();
    let client = c.iss.as_deref().unwrap_or("(no iss)");
    let client_name = describe_app(client)
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let header = &v.token.header;
    let signed = if header.contains_key("x5t#S256") || header.contains_key("x5t") {
        "signs with its certificate"
    } else {
        "signed"
    };
    format!(
        "Client assertion that app {client}{client_name} {signed} to prove its identity to the Entra token endpoint {} (a certificate credential: access tokens it gets carry appidacr or azpacr 2); it is a credential for the token request only and must never be sent to an API",
        c.aud.as_deref().unwrap_or("(no aud)")
    )
}

fn assertion(v: &TokenView) -> bool {
    v.kind == TokenType::ClientAssertion
}

/// `token.client-assertion`: a credential for the token endpoint, never for an API.
pub fn client_assertion(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !assertion(v) {
        return Vec::new();
    }
    let v2 = v
        .c()
        .aud_single
        .as_deref()
        .is_some_and(|a| a.contains(facts::V2_ENDPOINT_MARK));
    let endpoint = if v2 {
        "v2.0 token endpoint (/oauth2/v2.0/token)"
    } else {
        "v1.0 token endpoint (/oauth2/token)"
    };
    vec![Finding::new(
        Severity::Info,
        "Client assertion: a credential, not an access token",
        format!(
            "An app sends this JWT as client_assertion (with client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-bearer) to the Entra {endpoint} instead of a client secret. Entra checks its signature with the public key of a certificate registered on the app, and the access tokens it then issues carry appidacr or azpacr 2 (certificate). It is a password-equivalent for its short life: it must never be sent to an API as a Bearer token, and no API accepts it."
        ),
    )]
}

/// The SHA-1 (`x5t`) and SHA-256 (`x5t#S256`) thumbprints of the header, when well formed.
fn thumbprints(v: &TokenView) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
    let read = |value: Option<&String>, len: usize| {
        value
            .and_then(|v| b64_decode_lenient(v))
            .filter(|b| b.len() == len)
    };
    let h = &v.token.head;
    (read(h.x5t.as_ref(), 20), read(h.x5t_s256.as_ref(), 32))
}

/// `token.assertion-no-thumbprint`: Entra cannot tell which certificate to verify with.
pub fn no_thumbprint(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !assertion(v) || thumbprints(v) != (None, None) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "No certificate thumbprint in the header",
        "The header has no x5t or x5t#S256, so Entra cannot tell which of the app's certificates to verify the signature with, and refuses the assertion. Let the client library build the assertion from the certificate, or add x5t#S256 (base64url SHA-256 thumbprint) or x5t (SHA-1) yourself.",
    )]
}

/// `token.assertion-certificate`: the thumbprints, as the portal and Graph show them.
pub fn certificate(v: &TokenView, _: &Context) -> Vec<Finding> {
    let (sha1, sha256) = thumbprints(v);
    if !assertion(v) || (sha1.is_none() && sha256.is_none()) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    if let Some(b) = sha1 {
        lines.push(format!(
            "x5t is the SHA-1 thumbprint {} (hex, as the Certificates & secrets page and certificate stores show it), {} in base64 (as customKeyIdentifier of the app's keyCredentials in Microsoft Graph shows it).",
            crate::text::hex_upper(&b),
            standard_b64(&b)
        ));
    }
    if let Some(b) = sha256 {
        lines.push(format!(
            "x5t#S256 is the SHA-256 thumbprint {} (hex), {} in base64; compare it with the SHA-256 hash of the certificate you uploaded (the portal lists SHA-1 thumbprints).",
            crate::text::hex_upper(&b),
            standard_b64(&b)
        ));
    }
    vec![Finding::new(
        Severity::Info,
        "Which certificate signed it",
        format!(
            "Entra looks the thumbprint up in the app registration's keyCredentials. {} If no registered, unexpired certificate has this thumbprint, the request fails with AADSTS700027.",
            lines.join(" ")
        ),
    )
    .step(Step::new("Compare with the certificates on the app: Microsoft Entra admin center > App registrations > the app > Certificates & secrets, or Get-MgApplication -Filter \"appId eq '<client id>'\" | Select-Object -ExpandProperty KeyCredentials."))]
}

/// `token.assertion-iss-sub-differ`: iss and sub must both be the client id.
pub fn iss_sub_differ(v: &TokenView, _: &Context) -> Vec<Finding> {
    let c = v.c();
    if !assertion(v) || c.iss == c.sub {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "iss and sub differ",
        format!(
            "A client assertion must carry the client ID in both iss and sub; here iss is {} and sub is {}. Entra refuses it (AADSTS70002 or AADSTS50012).",
            c.iss.as_deref().unwrap_or("missing"),
            c.sub.as_deref().unwrap_or("missing")
        ),
    )]
}

/// `token.assertion-iss-not-client-id`: iss and sub agree but are not a GUID.
pub fn iss_not_client_id(v: &TokenView, _: &Context) -> Vec<Finding> {
    let c = v.c();
    if !assertion(v) || c.iss != c.sub || c.iss.as_deref().is_none_or(is_guid) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "iss is not a client ID",
        "iss and sub should be the app's Application (client) ID, a GUID.",
    )]
}

/// `token.assertion-no-jti`: no jti, so a replay cannot be refused.
pub fn no_jti(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !assertion(v) || v.has("jti") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "No jti",
        "A client assertion needs a unique jti (a GUID) so that Entra can refuse a replayed assertion.",
    )]
}

/// `token.assertion-long-lived`: valid for more than an hour.
pub fn long_lived(v: &TokenView, _: &Context) -> Vec<Finding> {
    let c = v.c();
    let too_long = c
        .exp
        .zip(c.nbf.or(c.iat))
        .is_some_and(|(e, st)| e.saturating_sub(st) > facts::LONG_ASSERTION_LIFETIME);
    if !assertion(v) || !too_long {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Long-lived assertion",
        "This assertion is valid for more than an hour. Anyone who captures it can get tokens as this app until it expires; client libraries make a new one for each request, valid for minutes.",
    )]
}

/// `token.assertion-failures`: the errors a failed token request gives, and what to check.
pub fn failures(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !assertion(v) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "If the token request fails",
        claims::ASSERTION_FAILURES
            .iter()
            .map(|f| format!("AADSTS{}: {} Check: {}", f.code, f.meaning, f.check))
            .collect::<Vec<_>>()
            .join(" "),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    type Check = fn(&TokenView, &Context) -> Vec<Finding>;

    const AUD: &str = r#""aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token""#;
    const CLIENT: &str = "b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e";

    fn fires(check: Check, header: &str, claims: &str) -> bool {
        let v = TokenView::new(token(header, &format!("{{{AUD},{claims}}}")));
        !check(&v, &Context::fixed()).is_empty()
    }

    fn good() -> String {
        format!(r#""iss":"{CLIENT}","sub":"{CLIENT}","jti":"j","nbf":1,"exp":301"#)
    }

    const X5T: &str = r#"{"alg":"RS256","x5t":"AAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#;
    const BARE: &str = r#"{"alg":"RS256"}"#;

    #[test]
    fn client_assertion_and_failures_fire_on_every_assertion() {
        assert!(fires(client_assertion, X5T, &good()));
        assert!(fires(failures, X5T, &good()));
        let access = TokenView::new(token(
            BARE,
            r#"{"aud":"x","iss":"https://sts.windows.net/t/"}"#,
        ));
        assert!(client_assertion(&access, &Context::fixed()).is_empty());
        assert!(failures(&access, &Context::fixed()).is_empty());
    }

    #[test]
    fn thumbprint_rules_follow_the_header() {
        assert!(fires(no_thumbprint, BARE, &good()));
        assert!(!fires(no_thumbprint, X5T, &good()));
        assert!(fires(certificate, X5T, &good()));
        assert!(!fires(certificate, BARE, &good()));
    }

    #[test]
    fn iss_and_sub_rules() {
        assert!(fires(
            iss_sub_differ,
            X5T,
            &good().replace(r#""sub":"b7"#, r#""sub":"c7"#)
        ));
        assert!(!fires(iss_sub_differ, X5T, &good()));
        assert!(fires(iss_not_client_id, X5T, r#""iss":"app","sub":"app""#));
        assert!(!fires(iss_not_client_id, X5T, &good()));
    }

    #[test]
    fn jti_and_lifetime_rules() {
        assert!(fires(no_jti, X5T, &good().replace(r#""jti":"j","#, "")));
        assert!(!fires(no_jti, X5T, &good()));
        assert!(fires(long_lived, X5T, &good().replace("301", "7201")));
        assert!(!fires(long_lived, X5T, &good()));
    }
}
