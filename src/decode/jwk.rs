//! Decoder: JWK, JWKS, app manifest and Graph keyCredentials, and `secret: ...` lines for HMAC.
//!
//! JSON is found anywhere in a paste (also as a fragment such as `"keyCredentials": [...]`), and
//! every key becomes KeyEvidence for the signature checks. A shared secret is recognised only on
//! a line of its own that starts with `secret:` (optionally `HS256 secret:`, `base64 secret:`),
//! so that a token paste or the key box can carry the secret for an HS256/384/512 token.

use crate::context::Context;
use crate::decode::cert;
use crate::decode::der_util::Thumbprints;
use crate::report::{Artifact, ArtifactKind, Field, Finding, KeyEvidence, Section, Severity, Span};
use crate::text::{b64_decode_lenient, b64url, hex_colon, hex_upper, relative, utc};
use crate::verify::{self, spki};
use serde_json::Value;

/// Where the Microsoft Graph keyCredential resource is documented.
const GRAPH_KEYCREDENTIAL_DOC: &str = crate::knowledge::sources::RESOURCES_KEYCREDENTIAL;
/// Where Entra's OpenID Connect metadata document is documented.
const OIDC_DOC: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_V2_PROTOCOLS_OIDC_FIND_YOUR_APPS_OPENID_CO;

/// Reads an ISO 8601 time such as `2026-03-01T00:00:00Z` or `2026-03-01T00:00:00.123+00:00`.
fn iso_time(value: &str) -> Option<i64> {
    use time::format_description::well_known::Rfc3339;
    let trimmed = value.trim();
    time::OffsetDateTime::parse(trimmed, &Rfc3339)
        .or_else(|_| time::OffsetDateTime::parse(&format!("{trimmed}Z"), &Rfc3339))
        .ok()
        .map(|t| t.unix_timestamp())
}

/// Words that must appear in a JSON value for this decoder to try it.
const KEYWORDS: &[&str] = &[
    "\"kty\"",
    "\"keys\"",
    "\"keycredentials\"",
    "\"customkeyidentifier\"",
    "\"jwks_uri\"",
];

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    let mut out: Vec<Artifact> = json_values(text)
        .into_iter()
        .filter_map(|(span, value)| artifact_for(&value, span, ctx))
        .collect();
    out.extend(secret_lines(text));
    out
}

/// Spans of JSON that this decoder reads, so the certificate decoder leaves their base64 alone.
pub fn claimed_spans(text: &str) -> Vec<Span> {
    json_values(text)
        .into_iter()
        .filter(|(_, v)| recognise(v).is_some())
        .map(|(span, _)| span)
        .collect()
}

/// Replaces non-ASCII spaces (copied from web pages) with ASCII spaces, keeping byte offsets.
fn normalise_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != ' ' && c.is_whitespace() && !c.is_ascii() {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every JSON object or array in `text` that holds key material, with its byte span.
fn json_values(text: &str) -> Vec<(Span, Value)> {
    let lower = text.to_ascii_lowercase();
    let last_keyword = KEYWORDS.iter().filter_map(|k| lower.rfind(k)).max();
    let Some(last_keyword) = last_keyword else {
        return Vec::new();
    };
    let norm = normalise_spaces(text);
    let bytes = norm.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while p < last_keyword && p < bytes.len() {
        if bytes[p] != b'{' && bytes[p] != b'[' {
            p += 1;
            continue;
        }
        let mut stream = serde_json::Deserializer::from_str(&norm[p..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(value)) if recognise(&value).is_some() => {
                let end = p + stream.byte_offset();
                let start = field_name_start(&norm, p).unwrap_or(p);
                out.push((Span::new(start, end), value));
                p = end;
            }
            _ => p += 1,
        }
    }
    out
}

/// For a fragment `"keyCredentials": [`, the start of the field name before the opener.
fn field_name_start(text: &str, opener: usize) -> Option<usize> {
    let before = text[..opener].trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let name_end = before.len();
    let before = before.strip_suffix('"')?;
    let quote = before.rfind('"')?;
    let name = &text[quote + 1..name_end - 1];
    matches!(
        name.to_ascii_lowercase().as_str(),
        "keycredentials" | "keys"
    )
    .then_some(quote)
}

/// What a JSON value holds.
enum Recognised<'a> {
    Jwks(&'a Vec<Value>),
    Jwk(&'a Value),
    KeyCredentials(Vec<&'a Value>),
    OpenIdConfiguration(&'a Value),
}

fn is_key_credential(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    let has = |k: &str| o.keys().any(|key| key.eq_ignore_ascii_case(k));
    has("customKeyIdentifier")
        || (has("keyId") && has("type") && (has("value") || has("key") || has("usage")))
}

fn get<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

fn get_str<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    get(v, name).and_then(Value::as_str)
}

fn recognise(v: &Value) -> Option<Recognised<'_>> {
    recognise_depth(v, 0)
}

fn recognise_depth(v: &Value, depth: usize) -> Option<Recognised<'_>> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Object(_) => {
            if let Some(Value::Array(keys)) = get(v, "keys") {
                if keys.iter().any(|k| get(k, "kty").is_some()) {
                    return Some(Recognised::Jwks(keys));
                }
            }
            if get(v, "kty").is_some() {
                return Some(Recognised::Jwk(v));
            }
            if let Some(Value::Array(creds)) = get(v, "keyCredentials") {
                return Some(Recognised::KeyCredentials(creds.iter().collect()));
            }
            if is_key_credential(v) {
                return Some(Recognised::KeyCredentials(vec![v]));
            }
            if get_str(v, "jwks_uri").is_some()
                && (get_str(v, "issuer").is_some() || get_str(v, "token_endpoint").is_some())
            {
                return Some(Recognised::OpenIdConfiguration(v));
            }
            v.as_object()?
                .values()
                .find_map(|child| recognise_depth(child, depth + 1))
        }
        Value::Array(items) => {
            let creds: Vec<&Value> = items.iter().filter(|i| is_key_credential(i)).collect();
            if !creds.is_empty() {
                return Some(Recognised::KeyCredentials(creds));
            }
            items.iter().find_map(|i| recognise_depth(i, depth + 1))
        }
        _ => None,
    }
}

fn artifact_for(value: &Value, span: Span, ctx: &Context) -> Option<Artifact> {
    Some(match recognise(value)? {
        Recognised::Jwks(keys) => {
            let mut a = Artifact::new(
                ArtifactKind::Jwk,
                span,
                format!("JWKS (JSON Web Key Set) with {} key(s)", keys.len()),
            );
            for (i, key) in keys.iter().enumerate() {
                a.children.push(jwk_artifact(key, span, ctx, Some(i + 1)));
            }
            let kids: Vec<String> = keys
                .iter()
                .filter_map(|k| get_str(k, "kid").map(str::to_string))
                .collect();
            a.verdict = format!(
                "A key set as a discovery keys endpoint returns it: {} key(s){}. A token names the key that signed it in its kid (or x5t) header.",
                keys.len(),
                if kids.is_empty() {
                    String::new()
                } else {
                    format!(" with kid {}", kids.join(", "))
                }
            );
            if keys.is_empty() {
                a.findings.push(Finding::new(
                    Severity::Warning,
                    "Empty key set",
                    "The \"keys\" array is empty; expected one JWK object per signing key.",
                ));
            }
            a
        }
        Recognised::Jwk(key) => jwk_artifact(key, span, ctx, None),
        Recognised::OpenIdConfiguration(doc) => openid_configuration_artifact(doc, span),
        Recognised::KeyCredentials(creds) => {
            let mut a = Artifact::new(
                ArtifactKind::KeyCredential,
                span,
                format!("App keyCredentials ({} credential(s))", creds.len()),
            );
            for cred in &creds {
                a.children.push(key_credential_artifact(cred, span, ctx));
            }
            let expired = a
                .children
                .iter()
                .filter(|c| {
                    c.findings
                        .iter()
                        .any(|f| f.title.starts_with("Expired credential"))
                })
                .count();
            a.verdict = format!(
                "Certificate credentials of an app registration or service principal: {} entry(ies){}. Entra checks client assertions and tokens against these public keys.",
                creds.len(),
                if expired > 0 {
                    format!(", {expired} of them expired")
                } else {
                    String::new()
                }
            );
            a
        }
    })
}

/// Decodes a base64url JWK member, saying what was expected when it is missing or broken.
fn member_bytes(key: &Value, name: &str, problems: &mut Vec<String>) -> Option<Vec<u8>> {
    match get_str(key, name) {
        Some(s) => match b64_decode_lenient(s) {
            Some(b) if !b.is_empty() => Some(b),
            _ => {
                problems.push(format!("\"{name}\" is not base64url"));
                None
            }
        },
        None => {
            problems.push(format!("\"{name}\" is missing"));
            None
        }
    }
}

fn jwk_artifact(key: &Value, span: Span, ctx: &Context, position: Option<usize>) -> Artifact {
    let kid = get_str(key, "kid").map(str::to_string);
    let kty = get_str(key, "kty").unwrap_or("");
    // Private members of an RSA, EC or OKP key; a shared secret (oct) is flagged further down.
    let private = kty != "oct" && ["d", "p", "q"].iter().any(|m| get_str(key, m).is_some());
    let prefix = if private { "PRIVATE " } else { "" };
    let title = match (&kid, position) {
        (Some(kid), _) => format!("{prefix}JWK kid={kid}"),
        (None, Some(n)) => format!("{prefix}JWK #{n}"),
        (None, None) => format!("{prefix}JWK"),
    };
    let mut a = Artifact::new(ArtifactKind::Jwk, span, title);
    let mut s = Section::new("Key");
    let mut problems = Vec::new();
    for (name, meaning) in [
        ("kty", "key type"),
        ("kid", "key id: a token names its signing key with this"),
        ("use", "sig = signing"),
        ("alg", "algorithm this key is for"),
        ("x5t", "base64url SHA-1 thumbprint of the certificate"),
        (
            "x5t#S256",
            "base64url SHA-256 thumbprint of the certificate",
        ),
        (
            "issuer",
            "the token issuer this key signs for (Entra adds it)",
        ),
        ("crv", "curve"),
    ] {
        if let Some(v) = get_str(key, name) {
            let mut f = Field::new(name, v).meaning(meaning);
            if name == "x5t" {
                if let Some(b) = b64_decode_lenient(v).filter(|b| b.len() == 20) {
                    f = f.shown(format!("SHA-1 thumbprint {}", hex_upper(&b)));
                }
            }
            s.push(f);
        }
    }
    let spki_der: Option<Vec<u8>> = match kty {
        "RSA" => {
            let n = member_bytes(key, "n", &mut problems);
            let e = member_bytes(key, "e", &mut problems);
            match (n, e) {
                (Some(n), Some(e)) => {
                    s.push(
                        Field::new("n", format!("{} bits", verify::bit_length(&n)))
                            .meaning("RSA modulus"),
                    );
                    s.push(Field::new("e", hex_upper(&e)).meaning("RSA public exponent"));
                    spki::rsa(&n, &e).map_err(|e| problems.push(e)).ok()
                }
                _ => None,
            }
        }
        "EC" => {
            let crv = get_str(key, "crv").unwrap_or("");
            let x = member_bytes(key, "x", &mut problems);
            let y = member_bytes(key, "y", &mut problems);
            match (x, y) {
                (Some(x), Some(y)) => spki::ec(crv, &x, &y).map_err(|e| problems.push(e)).ok(),
                _ => None,
            }
        }
        "OKP" => member_bytes(key, "x", &mut problems)
            .and_then(|x| spki::ed25519(&x).map_err(|e| problems.push(e)).ok()),
        "oct" => None,
        "" => {
            problems.push("\"kty\" is missing (expected RSA, EC, OKP or oct)".into());
            None
        }
        other => {
            problems.push(format!(
                "the key type \"{other}\" is not one this page can use"
            ));
            None
        }
    };
    let secret = if kty == "oct" {
        member_bytes(key, "k", &mut problems)
    } else {
        None
    };
    if private || (kty == "oct" && secret.is_some()) {
        a.findings.push(
            Finding::new(
                Severity::Error,
                if kty == "oct" {
                    "SECRET key: this JWK is a shared secret"
                } else {
                    "PRIVATE key: this JWK holds private parts"
                },
                "This JWK holds private or secret members (d, p, q, dp, dq, qi or k), so whoever has it can sign tokens as its owner. It stays in this page and is not shown here, but it must not be shared in a ticket, chat or forum; a key set published for verification holds only the public members (kty, n, e or crv, x, y).",
            )
            .step(crate::report::Step::new(
                "If it was shared, create a new key pair, publish or upload only its public part, and retire this key.",
            )),
        );
    }
    // The certificate chain inside the key.
    let mut cert_x5t = None;
    let mut cert_x5t_s256 = None;
    let mut cert_spki = None;
    if let Some(Value::Array(chain)) = get(key, "x5c") {
        for (i, c) in chain.iter().enumerate() {
            let der = c.as_str().and_then(b64_decode_lenient);
            match der
                .as_deref()
                .and_then(|d| cert::certificate_artifact(d, span, ctx))
            {
                Some(child) => {
                    if i == 0 {
                        let thumbs = Thumbprints::of(der.as_deref().unwrap_or_default());
                        cert_x5t = Some(thumbs.x5t());
                        cert_x5t_s256 = Some(thumbs.x5t_s256());
                        cert_spki = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
                    }
                    a.children.push(child);
                }
                None => problems.push(format!("x5c[{i}] is not a base64 DER certificate")),
            }
        }
    }
    if let (Some(declared), Some(actual)) = (get_str(key, "x5t"), &cert_x5t) {
        if declared != actual {
            a.findings.push(Finding::new(
                Severity::Warning,
                "x5t does not match the certificate",
                format!("The key says x5t {declared}, but the SHA-1 thumbprint of its x5c certificate is {actual}."),
            ));
        }
    }
    if let (Some(from_ne), Some(from_cert)) = (&spki_der, &cert_spki) {
        if from_ne != from_cert {
            a.findings.push(Finding::new(
                Severity::Warning,
                "n/e do not match the certificate",
                "The public key in n/e differs from the public key of the x5c certificate; one of them was replaced.",
            ));
        }
    }
    for p in &problems {
        a.findings.push(Finding::new(
            Severity::Error,
            "Incomplete JWK",
            format!(
                "{p}; a usable {kty} JWK needs {}.",
                match kty {
                    "RSA" => "\"n\" and \"e\" (base64url), or an x5c certificate",
                    "EC" => "\"crv\" (P-256 or P-384), \"x\" and \"y\" (base64url)",
                    "OKP" => "\"crv\": \"Ed25519\" and \"x\" (base64url)",
                    "oct" => "\"k\" (base64url secret)",
                    _ => "\"kty\" and the members of that key type",
                }
            ),
        ));
    }
    let spki_der = spki_der.or(cert_spki);
    let kind = spki_der
        .as_deref()
        .and_then(|d| verify::key_kind(d).ok())
        .map(|k| k.describe());
    a.verdict = match (&kind, &secret) {
        (Some(k), _) if private => format!(
            "The PRIVATE half of {} {k} key pair{}: only its public members are shown here.",
            if k.starts_with(['A', 'E', 'R']) {
                "an"
            } else {
                "a"
            },
            kid.as_ref()
                .map(|k| format!(" (kid {k})"))
                .unwrap_or_default()
        ),
        (Some(k), _) => format!(
            "{} {k} public key{}.",
            if k.starts_with(['A', 'E', 'R']) {
                "An"
            } else {
                "A"
            },
            kid.as_ref()
                .map(|k| format!(" with kid {k}"))
                .unwrap_or_default()
        ),
        (None, Some(secret)) => format!(
            "A shared secret of {} bytes for HS256/384/512.",
            secret.len()
        ),
        _ => "A JWK that cannot be used as a key (see the findings).".to_string(),
    };
    a.sections.insert(0, s);
    let x5t = get_str(key, "x5t").map(str::to_string).or(cert_x5t);
    let x5t_s256 = get_str(key, "x5t#S256")
        .map(str::to_string)
        .or(cert_x5t_s256);
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    if spki_der.is_some() || secret.is_some() {
        a.evidence.keys.push(KeyEvidence {
            label: format!(
                "JWKS key kid={}",
                kid.clone().unwrap_or_else(|| "(none)".into())
            ),
            kid,
            x5t,
            x5t_s256,
            spki_der,
            secret,
        });
    }
    a
}

fn key_credential_artifact(cred: &Value, span: Span, ctx: &Context) -> Artifact {
    let key_id = get_str(cred, "keyId").unwrap_or("(no keyId)");
    let mut a = Artifact::new(
        ArtifactKind::KeyCredential,
        span,
        format!("keyCredential {key_id}"),
    );
    let mut s = Section::new("keyCredential");
    let mut thumb: Option<Vec<u8>> = None;
    if let Some(cki) = get_str(cred, "customKeyIdentifier") {
        let bytes = b64_decode_lenient(cki);
        match bytes {
            Some(b) if b.len() == 20 => {
                s.push(
                    Field::new("customKeyIdentifier", cki)
                        .shown(format!(
                            "SHA-1 thumbprint {} ({})",
                            hex_upper(&b),
                            hex_colon(&b)
                        ))
                        .meaning("base64 of the certificate's SHA-1 thumbprint"),
                );
                thumb = Some(b);
            }
            Some(b) => s.push(
                Field::new("customKeyIdentifier", cki)
                    .shown(String::from_utf8_lossy(&b).into_owned())
                    .meaning("a custom identifier (not a 20-byte SHA-1 thumbprint)"),
            ),
            None => s.push(Field::new("customKeyIdentifier", cki).meaning("not base64")),
        }
    }
    for (name, meaning) in [
        ("keyId", "the credential's own GUID (not the thumbprint)"),
        ("type", ""),
        ("usage", ""),
        ("displayName", "usually the certificate subject"),
        ("startDateTime", ""),
        ("endDateTime", ""),
        ("startDate", ""),
        ("endDate", ""),
    ] {
        if let Some(v) = get_str(cred, name) {
            let meaning = match (name, v) {
                ("type", "AsymmetricX509Cert") => "a certificate (public key) credential",
                ("type", "X509CertAndPassword") => {
                    "a certificate with private key (used for SAML signing)"
                }
                ("type", "Symmetric") => "a symmetric key",
                ("usage", "Verify") => {
                    "Entra verifies the app's signatures (client assertions) with it"
                }
                ("usage", "Sign") => "used to sign (SAML token signing)",
                _ => meaning,
            };
            s.push(Field::new(name, v).meaning(meaning));
        }
    }
    let end = get_str(cred, "endDateTime")
        .or_else(|| get_str(cred, "endDate"))
        .and_then(iso_time);
    let start = get_str(cred, "startDateTime")
        .or_else(|| get_str(cred, "startDate"))
        .and_then(iso_time);
    if let Some(end) = end.filter(|e| *e < ctx.now) {
        a.findings.push(
            Finding::new(
                Severity::Error,
                format!("Expired credential (endDateTime {})", utc(end)),
                format!(
                    "This credential ended {}. Entra no longer accepts client assertions (or Exchange hybrid tokens) signed with its certificate: AADSTS700027 or \"key was not found\" errors follow.",
                    relative(end, ctx.now)
                ),
            )
            .step(crate::report::Step::new(
                "Upload the renewed certificate's public part as a new keyCredential, then remove this expired one.",
            ))
            .source(GRAPH_KEYCREDENTIAL_DOC),
        );
    } else if let Some(start) = start.filter(|s| *s > ctx.now) {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Credential not yet valid",
            format!(
                "startDateTime is {} ({}); until then Entra does not accept it.",
                utc(start),
                relative(start, ctx.now)
            ),
        ));
    } else if let Some(end) = end.filter(|e| *e - ctx.now < 30 * 86_400) {
        a.findings.push(Finding::new(
            Severity::Warning,
            "Credential expires soon",
            format!(
                "endDateTime is {} ({}); upload the renewed certificate before then.",
                utc(end),
                relative(end, ctx.now)
            ),
        ));
    }
    let value = get_str(cred, "value").or_else(|| get_str(cred, "key"));
    let mut spki_der = None;
    let mut x5t_s256 = None;
    match value {
        Some(v) => {
            let elided = v.contains('*') || v.to_ascii_lowercase().contains("omitted") || v.contains("...") || v.contains('…');
            let der = if elided { None } else { b64_decode_lenient(v) };
            match der.as_deref().and_then(|d| cert::certificate_artifact(d, span, ctx).map(|c| (d, c))) {
                Some((d, child)) => {
                    let thumbs = Thumbprints::of(d);
                    x5t_s256 = Some(thumbs.x5t_s256());
                    spki_der = child.evidence.keys.first().and_then(|k| k.spki_der.clone());
                    match &thumb {
                        Some(t) if *t == thumbs.sha1 => a.findings.push(Finding::new(
                            Severity::Ok,
                            "customKeyIdentifier matches the certificate",
                            "The thumbprint in customKeyIdentifier is the SHA-1 thumbprint of the certificate in value.",
                        )),
                        Some(t) => a.findings.push(Finding::new(
                            Severity::Warning,
                            "customKeyIdentifier does not match the certificate",
                            format!("customKeyIdentifier says {}, but the certificate's SHA-1 thumbprint is {}.", hex_upper(t), hex_upper(&thumbs.sha1)),
                        )),
                        None => {}
                    }
                    if thumb.is_none() {
                        thumb = Some(thumbs.sha1.clone());
                    }
                    a.children.push(child);
                }
                None if elided => a.findings.push(Finding::new(
                    Severity::Info,
                    "Certificate value elided: cannot be decoded",
                    "The value was shortened (\"omitted for brevity\"), so the certificate itself cannot be read; the thumbprint from customKeyIdentifier still identifies it. Paste the full value (or the .cer file) to see the certificate.",
                )),
                None => a.findings.push(Finding::new(
                    Severity::Error,
                    "Value is not a certificate",
                    "Expected the base64 DER of the certificate (the .cer file's bytes, [Convert]::ToBase64String($cert.GetRawCertData())).",
                )),
            }
        }
        None => a.findings.push(Finding::new(
            Severity::Info,
            "No certificate value",
            "This entry carries no value or key (Graph returns key: null unless asked with $select=keyCredentials); the thumbprint identifies the certificate.",
        )),
    }
    let thumb_hex = thumb.as_ref().map(|t| hex_upper(t));
    a.verdict = format!(
        "{} credential{}{}.",
        get_str(cred, "type").unwrap_or("A key"),
        thumb_hex
            .as_ref()
            .map(|t| format!(" for the certificate with thumbprint {t}"))
            .unwrap_or_default(),
        get_str(cred, "usage")
            .map(|u| format!(", usage {u}"))
            .unwrap_or_default()
    );
    a.sections.insert(0, s);
    let x5t = thumb.as_ref().map(|t| b64url(t));
    a.evidence.thumbprints.extend(x5t.iter().cloned());
    a.evidence.thumbprints.extend(x5t_s256.iter().cloned());
    a.evidence.keys.push(KeyEvidence {
        label: format!(
            "keyCredential {key_id}{}",
            thumb_hex
                .map(|t| format!(" (thumbprint {t})"))
                .unwrap_or_default()
        ),
        kid: None,
        x5t,
        x5t_s256,
        spki_der,
        secret: None,
    });
    a
}

/// The Entra cloud a sign-in host belongs to.
fn cloud_of_host(url: &str) -> &'static str {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match host.as_str() {
        "login.microsoftonline.com"
        | "login.windows.net"
        | "sts.windows.net"
        | "login.microsoft.com" => "the global (public) Microsoft cloud",
        "login.microsoftonline.us" | "login.windows.us" | "sts.windows.us" => {
            "Azure US Government (GCC High / DoD)"
        }
        "login.partner.microsoftonline.cn" | "login.chinacloudapi.cn" | "sts.chinacloudapi.cn" => {
            "Microsoft Azure operated by 21Vianet (China)"
        }
        "login.microsoftonline.de" => "the retired Microsoft Cloud Germany",
        h if h.ends_with(".b2clogin.com") => "Azure AD B2C",
        h if h.ends_with(".ciamlogin.com") => "Microsoft Entra External ID",
        _ => "a provider other than Microsoft Entra (or a custom domain)",
    }
}

/// Builds the artifact for an OpenID Connect discovery document (`.well-known/openid-configuration`).
fn openid_configuration_artifact(doc: &Value, span: Span) -> Artifact {
    let issuer = get_str(doc, "issuer").unwrap_or("");
    let mut a = Artifact::new(
        ArtifactKind::Jwk,
        span,
        format!("OpenID Connect configuration: {issuer}"),
    );
    let cloud = cloud_of_host(
        get_str(doc, "token_endpoint")
            .or_else(|| get_str(doc, "authorization_endpoint"))
            .unwrap_or(issuer),
    );
    let version = if issuer.trim_end_matches('/').ends_with("/v2.0") {
        "v2.0 (tokens from the v2.0 endpoint carry this issuer)"
    } else if issuer.contains("sts.windows.net") {
        "v1.0 (tokens from the v1.0 endpoint, and v2.0-endpoint tokens for resources that ask for v1, carry this issuer)"
    } else {
        ""
    };
    let tenant = crate::text::guids_in(issuer).first().map(|g| g.to_string());
    a.verdict = format!(
        "The OpenID Connect discovery document of {}, in {cloud}: it lists the endpoints and, at jwks_uri, where the signing keys are published. This page does not fetch it; open jwks_uri yourself and paste the JSON to check a token's signature.",
        match &tenant {
            Some(t) => format!("tenant {t}"),
            None if issuer.contains("{tenantid}") => "a multi-tenant endpoint (common or organizations)".to_string(),
            None => "an identity provider".to_string(),
        }
    );
    let mut s = Section::new("Endpoints");
    for (name, meaning) in [
        (
            "issuer",
            "the exact iss value of tokens this configuration describes",
        ),
        (
            "jwks_uri",
            "where the signing keys (JWKS) are published: shown, never fetched",
        ),
        (
            "authorization_endpoint",
            "where the browser signs in (authorization code and implicit flows)",
        ),
        (
            "token_endpoint",
            "where apps redeem codes, refresh tokens and client credentials for tokens",
        ),
        ("device_authorization_endpoint", "device code flow"),
        ("end_session_endpoint", "sign-out"),
        (
            "userinfo_endpoint",
            "OpenID Connect UserInfo (Microsoft Graph for Entra)",
        ),
        ("kerberos_endpoint", "Kerberos ticket exchange"),
        (
            "tenant_region_scope",
            "the tenant's region (WW, NA, EU, AS, OC ... or USGov)",
        ),
        ("cloud_instance_name", "the cloud's sign-in host name"),
        ("msgraph_host", "the Microsoft Graph host of this cloud"),
    ] {
        if let Some(v) = get_str(doc, name) {
            let meaning = if name == "issuer" && !version.is_empty() {
                format!("{meaning}; {version}")
            } else {
                meaning.to_string()
            };
            s.push(Field::new(name, v).meaning(meaning));
        }
    }
    let mut cap = Section::new("Capabilities");
    for (name, meaning) in [
        ("id_token_signing_alg_values_supported", "algorithms its tokens are signed with"),
        ("token_endpoint_auth_methods_supported", "how a confidential client proves itself: client_secret_* is a secret, private_key_jwt a certificate"),
        ("response_types_supported", ""),
        ("scopes_supported", ""),
    ] {
        if let Some(Value::Array(items)) = get(doc, name) {
            let list: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            cap.push(Field::new(name, list.join(", ")).meaning(meaning));
        }
    }
    if let Some(t) = &tenant {
        s.push(Field::new("Tenant ID", t.clone()).meaning("the directory GUID in the issuer"));
    }
    s.push(Field::new("Cloud", cloud).meaning("from the host of the token endpoint"));
    a.sections.push(s);
    if !cap.fields.is_empty() {
        a.sections.push(cap);
    }
    a.findings.push(
        Finding::new(
            Severity::Info,
            "Signing keys are at jwks_uri (not fetched)",
            format!(
                "To check a token's signature, open {} in a browser and paste the JSON it returns into the key box.",
                get_str(doc, "jwks_uri").unwrap_or("the jwks_uri")
            ),
        )
        .source(OIDC_DOC),
    );
    a
}

/// Finds `secret: ...` lines (HMAC keys for HS256/384/512 tokens).
fn secret_lines(text: &str) -> Vec<Artifact> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let Some((name, value)) = trimmed.split_once([':', '=']) else {
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        let base64 = match name.as_str() {
            "secret" | "hs256 secret" | "hs384 secret" | "hs512 secret" | "hmac secret" => false,
            "base64 secret" | "secret (base64)" | "secret_b64" => true,
            _ => continue,
        };
        if value.is_empty() {
            continue;
        }
        let bytes = if base64 {
            b64_decode_lenient(value)
        } else {
            Some(value.as_bytes().to_vec())
        };
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        let mut a = Artifact::new(
            ArtifactKind::Jwk,
            span,
            "Shared secret for HS256/HS384/HS512",
        );
        match bytes {
            Some(secret) => {
                a.verdict = format!(
                    "A shared secret of {} bytes, used only to check HMAC-signed (HS256/384/512) tokens in this page.",
                    secret.len()
                );
                let mut s = Section::new("Secret");
                s.push(
                    Field::new("Length", format!("{} bytes", secret.len()))
                        .meaning("the secret itself is not repeated here"),
                );
                a.sections.push(s);
                a.evidence.keys.push(KeyEvidence {
                    label: format!("the shared secret ({} bytes)", secret.len()),
                    secret: Some(secret),
                    ..KeyEvidence::default()
                });
            }
            None => {
                a.verdict = "A secret line whose value is not valid base64.".into();
                a.findings.push(Finding::new(
                    Severity::Error,
                    "Secret is not base64",
                    "A \"base64 secret:\" line needs base64 text; write \"secret: <text>\" for a plain-text secret.",
                ));
            }
        }
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_fragment_with_web_spaces_is_read() {
        let text = "\"keyCredentials\": [\n\u{a0}\u{a0} {\n \"customKeyIdentifier\": \"ieF43L8nkyw/PEHjWvj+PkWebXk=\",\n \"keyId\": \"2d6d849e-3e9e-46cd-b5ed-0f9e30d078cc\",\n \"type\": \"AsymmetricX509Cert\",\n \"usage\": \"Verify\",\n \"value\": \"MIICWjCCAgSgAwIBA***omitted for brevity***qoD4dmgJqZmXDfFyQ\"\n }\n ]";
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, 0);
        let cred = &found[0].children[0];
        assert!(cred
            .verdict
            .contains("89E178DCBF27932C3F3C41E35AF8FE3E459E6D79"));
        assert!(cred
            .findings
            .iter()
            .any(|f| f.title.contains("cannot be decoded")));
        assert_eq!(
            cred.evidence.keys[0].x5t.as_deref(),
            Some("ieF43L8nkyw_PEHjWvj-PkWebXk")
        );
    }

    #[test]
    fn a_jwks_with_missing_fields_says_what_was_expected() {
        let text = r#"{"keys":[{"kty":"RSA","kid":"abc","e":"AQAB"},{"kid":"x"}]}"#;
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].children.len(), 2);
        let first = &found[0].children[0];
        assert!(first
            .findings
            .iter()
            .any(|f| f.explanation.contains("\"n\" is missing")));
        assert!(first.evidence.keys.is_empty());
        let second = &found[0].children[1];
        assert!(second
            .findings
            .iter()
            .any(|f| f.explanation.contains("\"kty\" is missing")));
    }

    #[test]
    fn ordinary_json_and_prose_are_ignored() {
        assert!(scan(r#"{"value":[{"id":"1"}]}"#, &Context::fixed()).is_empty());
        assert!(scan(r#"{"keys":[{"name":"a"}]}"#, &Context::fixed()).is_empty());
        assert!(scan("the keys are in the drawer", &Context::fixed()).is_empty());
        assert!(scan("{\"keys\": [ {\"kty\": ", &Context::fixed()).is_empty());
    }

    #[test]
    fn secret_lines_become_hmac_keys() {
        let found = scan("token here\nHS256 secret: s3cr3t\n", &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].evidence.keys[0].secret.as_deref(),
            Some(&b"s3cr3t"[..])
        );
        assert!(scan("my secret is safe", &Context::fixed()).is_empty());
    }
}
