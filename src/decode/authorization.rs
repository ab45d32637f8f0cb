//! Decoder: Authorization request headers (Bearer, Basic with the password masked, NTLM, Negotiate)
//! and OAuth token request bodies (`grant_type=...&client_id=...&client_secret=...`, secret masked).

use crate::context::Context;
use crate::knowledge::apps;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use crate::textmap::{self, Norm};

const RFC7617: &str = crate::knowledge::sources::RFC_RFC7617;
const NTLM_SOURCE: &str = crate::knowledge::sources::MS_NLMP_B38C36ED_2804_4868_A9FF_8DD3182128E4;
const SPNEGO_SOURCE: &str = crate::knowledge::sources::RFC_RFC4178;
const GRANTS_SOURCE: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_V2_OAUTH2_CLIENT_CREDS_GRANT_FLOW;

/// OAuth grant types and what they mean (facts from the Microsoft identity platform protocol docs).
const GRANT_TYPES: &[(&str, &str)] = &[
    ("authorization_code", "authorization code flow: a signed-in user (delegated token)"),
    ("client_credentials", "client credentials flow: the app acts as itself (app-only token, application permissions in roles)"),
    ("password", "resource owner password credentials (ROPC): user name and password sent by the app (no MFA possible)"),
    ("refresh_token", "a refresh token is redeemed for a new access token"),
    ("urn:ietf:params:oauth:grant-type:device_code", "device code flow"),
    ("urn:ietf:params:oauth:grant-type:jwt-bearer", "on-behalf-of flow: a user token is exchanged for a token to another API"),
];

/// Kerberos OIDs (1.2.840.113554.1.2.2 and Microsoft's 1.2.840.48018.1.2.2) as DER bytes.
const KRB5_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02];
const MS_KRB5_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02];

/// Says what a Negotiate or NTLM blob is: NTLM message type 1/2/3, Kerberos or SPNEGO.
pub fn describe_blob(b64: &str) -> String {
    let Some(bytes) = crate::text::b64_decode_lenient(b64.trim()) else {
        return "not valid base64".to_string();
    };
    if let Some(pos) = find(&bytes, b"NTLMSSP\0") {
        let ntlm = ntlm_message(&bytes[pos..]);
        if pos == 0 {
            return ntlm;
        }
        return format!("SPNEGO carrying {ntlm}");
    }
    match bytes.first() {
        Some(0x60) if find(&bytes, KRB5_OID).is_some() || find(&bytes, MS_KRB5_OID).is_some() => {
            "Kerberos: an SPNEGO/GSS-API token carrying a Kerberos ticket (AP-REQ)".to_string()
        }
        Some(0x60) => "SPNEGO (GSS-API) initial token".to_string(),
        Some(0xa1) if find(&bytes, KRB5_OID).is_some() || find(&bytes, MS_KRB5_OID).is_some() => {
            "SPNEGO reply from the server accepting Kerberos (mutual authentication token)"
                .to_string()
        }
        Some(0xa1) => "SPNEGO reply (NegTokenResp)".to_string(),
        Some(0x6e) => "raw Kerberos AP-REQ".to_string(),
        _ => format!(
            "{} bytes, not a recognised NTLM or Kerberos message",
            bytes.len()
        ),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn u16le(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2)
        .map(|s| usize::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32le(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Reads an NTLM security buffer (length, max length, offset) at `at` as text.
fn ntlm_string(b: &[u8], at: usize, unicode: bool) -> Option<String> {
    let len = u16le(b, at)?;
    let off = u32le(b, at + 4)? as usize;
    let raw = b.get(off..off.checked_add(len)?)?;
    if unicode {
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(String::from_utf8_lossy(raw).into_owned())
    }
}

fn ntlm_message(b: &[u8]) -> String {
    match u32le(b, 8) {
        Some(1) => "NTLM type 1 (Negotiate message: the client starts NTLM)".to_string(),
        Some(2) => {
            let flags = u32le(b, 20).unwrap_or(0);
            let target = ntlm_string(b, 12, flags & 1 == 1).unwrap_or_default();
            if target.is_empty() {
                "NTLM type 2 (Challenge message from the server)".to_string()
            } else {
                format!("NTLM type 2 (Challenge message from the server, target {target})")
            }
        }
        Some(3) => {
            let flags = u32le(b, 60).unwrap_or(1);
            let uni = flags & 1 == 1;
            let domain = ntlm_string(b, 28, uni).unwrap_or_default();
            let user = ntlm_string(b, 36, uni).unwrap_or_default();
            let host = ntlm_string(b, 44, uni).unwrap_or_default();
            format!(
                "NTLM type 3 (Authenticate message: the client's answer) for user '{}{}{}' from workstation '{}'",
                domain,
                if domain.is_empty() { "" } else { "\\" },
                user,
                host
            )
        }
        other => format!("NTLM message of unknown type {other:?}"),
    }
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let b = t.as_bytes();
    let mut out = Vec::new();
    for at in textmap::find_all_ci(t, "authorization") {
        if !textmap::word_start(t, at) && !t[..at].to_ascii_lowercase().ends_with("proxy-") {
            continue;
        }
        let mut p = textmap::skip_ws(t, at + 13);
        if matches!(b.get(p), Some(b'"' | b'\'')) {
            p = textmap::skip_ws(t, p + 1);
        }
        if !matches!(b.get(p), Some(b':' | b'=')) {
            continue;
        }
        p = textmap::skip_ws(t, p + 1);
        if matches!(b.get(p), Some(b'"' | b'\'')) {
            p += 1;
        }
        let se = textmap::token_end(t, p);
        let scheme = &t[p..se];
        let cs = textmap::skip_ws(t, se);
        let mut ce = cs;
        while ce < b.len()
            && (b[ce].is_ascii_alphanumeric()
                || matches!(b[ce], b'+' | b'/' | b'=' | b'-' | b'_' | b'.' | b'~'))
        {
            ce += 1;
        }
        let cred = &t[cs..ce];
        if let Some(a) = authorization(scheme, cred, n.span(at, ce.max(se))) {
            out.push(a);
        }
    }
    for at in textmap::find_all_ci(t, "grant_type=") {
        if !textmap::word_start(t, at) {
            continue;
        }
        if let Some(a) = token_request(t, at, &n) {
            out.push(a);
        }
    }
    out
}

fn authorization(scheme: &str, cred: &str, span: Span) -> Option<Artifact> {
    let lower = scheme.to_ascii_lowercase();
    let mut s = Section::new("Authorization header");
    let mut a = Artifact::new(
        ArtifactKind::Authorization,
        span,
        format!("Authorization header ({scheme})"),
    );
    match lower.as_str() {
        "bearer" => {
            if cred.len() < 8 {
                return None;
            }
            a.verdict = "Bearer token, decoded below (when it is a JWT).".to_string();
            s.push(
                Field::new("scheme", "Bearer")
                    .meaning("an OAuth access token; whoever holds it can use it until it expires"),
            );
            s.push(Field::new("token", crate::text::ellipsis(cred, 40)));
        }
        "basic" => {
            let decoded =
                crate::text::b64_decode_lenient(cred).and_then(|v| String::from_utf8(v).ok())?;
            let (user, pass) = decoded.split_once(':')?;
            a.verdict = format!("Basic credentials for user '{user}' (the password is masked).");
            s.push(
                Field::new("user name", user.to_string())
                    .meaning("decoded from base64 user:password")
                    .source(RFC7617),
            );
            s.push(Field::new("password", textmap::mask(pass)).meaning("masked; never shown"));
            a.findings.push(
                Finding::new(
                    Severity::Warning,
                    "Basic authentication sends the password with every request",
                    "The base64 text is only an encoding; anyone who sees this header has the password. Change the password if this paste was shared.",
                )
                .source(RFC7617),
            );
        }
        "ntlm" | "negotiate" => {
            if cred.len() < 8 {
                return None;
            }
            let what = describe_blob(cred);
            a.verdict = format!("{scheme} credentials: {what}.");
            s.push(
                Field::new("token", crate::text::ellipsis(cred, 40))
                    .meaning(what)
                    .source(if lower == "ntlm" {
                        NTLM_SOURCE
                    } else {
                        SPNEGO_SOURCE
                    }),
            );
        }
        _ => return None,
    }
    a.sections.push(s);
    Some(a)
}

/// Reads a form-encoded token request starting at `at`.
fn token_request(t: &str, at: usize, n: &Norm) -> Option<Artifact> {
    let b = t.as_bytes();
    let mut start = at;
    // The body may start with other parameters before grant_type.
    while start > 0
        && !matches!(
            b[start - 1],
            b' ' | b'\n' | b'\r' | b'\t' | b'"' | b'\'' | b':' | b'?' | b'>'
        )
    {
        start -= 1;
    }
    let mut end = at;
    while end < b.len() && !matches!(b[end], b' ' | b'\n' | b'\r' | b'\t' | b'"' | b'\'' | b'<') {
        end += 1;
    }
    let body = &t[start..end];
    let params: Vec<(String, String)> = body
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| {
            (
                crate::text::percent_decode(k).to_ascii_lowercase(),
                crate::text::percent_decode(&v.replace('+', " ")),
            )
        })
        .collect();
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let grant = get("grant_type")?;
    if params.len() < 2 {
        return None;
    }
    let mut a = Artifact::new(
        ArtifactKind::Authorization,
        n.span(start, end),
        format!("OAuth token request ({grant})"),
    );
    let mut s = Section::new("Token request body");
    for (k, v) in &params {
        let f = match k.as_str() {
            "grant_type" => {
                let mut f = Field::new(k.clone(), v.clone());
                if let Some((_, m)) = GRANT_TYPES.iter().find(|(g, _)| g == v) {
                    f = f.meaning(*m).source(GRANTS_SOURCE);
                }
                f
            }
            "client_id" => {
                let mut f =
                    Field::new(k.clone(), v.clone()).meaning("the app asking for the token");
                if let Some(app) = apps::app_by_id(v) {
                    f = f.shown(app.name).source(app.source);
                }
                f
            }
            "client_secret" | "password" => Field::new(k.clone(), textmap::mask(v))
                .meaning("masked; never shown. Rotate it if this paste was shared"),
            "refresh_token" | "code" | "assertion" | "client_assertion" => {
                Field::new(k.clone(), crate::text::ellipsis(v, 24)).meaning(
                    if k == "client_assertion" {
                        "a JWT signed with the app's certificate (certificate credential)"
                    } else {
                        "a credential; shortened here"
                    },
                )
            }
            "resource" | "scope" => {
                let mut f = Field::new(k.clone(), v.clone());
                if let Some(r) = apps::resource_by_uri(v.split(' ').next().unwrap_or("")) {
                    f = f.shown(r.name).source(r.source);
                } else if let Some(app) = apps::app_by_id(v) {
                    f = f.shown(app.name).source(app.source);
                }
                f
            }
            _ => Field::new(k.clone(), v.clone()),
        };
        s.push(f);
    }
    let credential = if get("client_secret").is_some() {
        "secret"
    } else if get("client_assertion").is_some() {
        "certificate"
    } else {
        "none"
    };
    a.verdict = match credential {
        "secret" => {
            format!("A {grant} token request authenticated with a client secret (shown masked).")
        }
        "certificate" => {
            format!("A {grant} token request authenticated with a certificate (client assertion).")
        }
        _ => format!("A {grant} token request."),
    };
    if get("client_secret").is_some() || get("password").is_some() {
        a.findings.push(Finding::new(
            Severity::Warning,
            "A secret is in this paste",
            "The request carries a client secret or password. It is masked here, but whoever saw the original text has it: rotate it.",
        ));
    }
    for (k, v) in &params {
        a.evidence.facts.push((
            format!("request.{k}"),
            if matches!(k.as_str(), "client_secret" | "password") {
                String::new()
            } else {
                v.clone()
            },
        ));
    }
    a.evidence
        .facts
        .push(("request.credential".into(), credential.into()));
    a.sections.push(s);
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64std;

    #[test]
    fn basic_masks_the_password() {
        let cred = b64std(b"contoso\\alice:Sup3rSecret!");
        let found = scan(&format!("Authorization: Basic {cred}"), &Context::fixed());
        assert_eq!(found.len(), 1);
        let text = crate::render::artifact_text(&found[0]);
        assert!(text.contains("contoso\\alice"));
        assert!(!text.contains("Sup3rSecret"), "{text}");
    }

    #[test]
    fn ntlm_types_are_named() {
        let mut t1 = b"NTLMSSP\0".to_vec();
        t1.extend_from_slice(&1u32.to_le_bytes());
        t1.extend_from_slice(&[0; 20]);
        assert!(describe_blob(&b64std(&t1)).contains("type 1"));
        let mut t2 = b"NTLMSSP\0".to_vec();
        t2.extend_from_slice(&2u32.to_le_bytes());
        t2.extend_from_slice(&[0; 40]);
        assert!(describe_blob(&b64std(&t2)).contains("type 2"));
        let found = scan(
            &format!("Authorization: NTLM {}", b64std(&t1)),
            &Context::fixed(),
        );
        assert!(found[0].verdict.contains("type 1"));
        let mut krb = vec![
            0x60, 0x82, 0x01, 0x00, 0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02,
        ];
        krb.extend_from_slice(KRB5_OID);
        assert!(describe_blob(&b64std(&krb)).contains("Kerberos"));
    }

    #[test]
    fn token_request_secret_is_masked() {
        let t = "Body:grant_type=client_credentials&client_id=82195c37-7497-458c-b643-f4a3d0a64190&client_secret=9814c84e-59d7-49fc-bef6-17b717d2f5a8&resource=https%3A%2F%2Fmanagement.azure.com%2F ErrorInfo";
        let found = scan(t, &Context::fixed());
        assert_eq!(found.len(), 1);
        let text = crate::render::artifact_text(&found[0]);
        assert!(!text.contains("9814c84e-59d7"), "{text}");
        assert!(text.contains("https://management.azure.com/"));
    }
}
