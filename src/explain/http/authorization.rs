//! Cards: Authorization headers (Bearer, Basic with the password masked, NTLM, Negotiate) and
//! OAuth token request bodies (secrets masked), with the rules over them.

use crate::context::Context;
use crate::decode::http::authorization::{
    self as record, AuthorizationHeader, Blob, Credential, NtlmMessage, TokenRequest,
};
use crate::explain::rule::{self, Rule};
use crate::knowledge::apps;
use crate::knowledge::http_auth::GRANT_TYPES;
use crate::knowledge::sources;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span};
use crate::textmap;

const RFC7617: &str = sources::RFC_RFC7617;
const NTLM_SOURCE: &str = sources::MS_NLMP_B38C36ED_2804_4868_A9FF_8DD3182128E4;
const SPNEGO_SOURCE: &str = sources::RFC_RFC4178;

/// Finds and explains every Authorization header and token request body in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    crate::explain::repeats::fold(record::find_all(text).into_iter().map(|found| match found {
        record::Found::Header(h) => header_card(&h, ctx),
        record::Found::Request(r) => request_card(&r, ctx),
    }))
}

/// The card of an Authorization header value (`Negotiate YII...`), if it holds a credential.
pub fn card_from_value(value: &str, span: Span, ctx: &Context) -> Option<Artifact> {
    record::parse_value(value, span).map(|h| header_card(&h, ctx))
}

/// Says what a Negotiate or NTLM blob is, in words.
pub fn describe_blob(blob: &Blob) -> String {
    match blob {
        Blob::NotBase64 => "not valid base64".to_string(),
        Blob::Ntlm {
            in_spnego: false,
            message,
        } => ntlm_message(message),
        Blob::Ntlm {
            in_spnego: true,
            message,
        } => format!("SPNEGO carrying {}", ntlm_message(message)),
        Blob::KerberosInitial => {
            "Kerberos: an SPNEGO/GSS-API token carrying a Kerberos ticket (AP-REQ)".to_string()
        }
        Blob::SpnegoInitial => "SPNEGO (GSS-API) initial token".to_string(),
        Blob::KerberosReply => {
            "SPNEGO reply from the server accepting Kerberos (mutual authentication token)"
                .to_string()
        }
        Blob::SpnegoReply => "SPNEGO reply (NegTokenResp)".to_string(),
        Blob::RawApReq => "raw Kerberos AP-REQ".to_string(),
        Blob::Unknown { len } => {
            format!("{len} bytes, not a recognised NTLM or Kerberos message")
        }
    }
}

fn ntlm_message(m: &NtlmMessage) -> String {
    match m {
        NtlmMessage::Negotiate => {
            "NTLM type 1 (Negotiate message: the client starts NTLM)".to_string()
        }
        NtlmMessage::Challenge { target } if target.is_empty() => {
            "NTLM type 2 (Challenge message from the server)".to_string()
        }
        NtlmMessage::Challenge { target } => {
            format!("NTLM type 2 (Challenge message from the server, target {target})")
        }
        NtlmMessage::Authenticate {
            domain,
            user,
            workstation,
        } => format!(
            "NTLM type 3 (Authenticate message: the client's answer) for user '{}{}{}' from workstation '{}'",
            domain,
            if domain.is_empty() { "" } else { "\\" },
            user,
            workstation
        ),
        NtlmMessage::Other(other) => format!("NTLM message of unknown type {other:?}"),
    }
}

/// The card of one Authorization header.
pub fn header_card(h: &AuthorizationHeader, ctx: &Context) -> Artifact {
    let mut s = Section::new("Authorization header");
    let mut a = Artifact::new(
        ArtifactKind::Authorization,
        h.span,
        format!("Authorization header ({})", h.scheme),
    );
    match &h.credential {
        Credential::Bearer { token } => {
            a.verdict = bearer_verdict(token);
            s.push(
                Field::new("scheme", "Bearer")
                    .meaning("an OAuth access token; whoever holds it can use it until it expires"),
            );
            s.push(Field::new("token", crate::text::ellipsis(token, 40)));
        }
        Credential::Basic { user, password } => {
            a.verdict = format!("Basic credentials for user '{user}' (the password is masked).");
            s.push(
                Field::new("user name", user.clone())
                    .meaning("decoded from base64 user:password")
                    .source(RFC7617),
            );
            s.push(Field::new("password", textmap::mask(password)).meaning("masked; never shown"));
        }
        Credential::Ntlm { blob, message } | Credential::Negotiate { blob, message } => {
            let what = describe_blob(message);
            a.verdict = format!("{} credentials: {what}.", h.scheme);
            let source = if matches!(h.credential, Credential::Ntlm { .. }) {
                NTLM_SOURCE
            } else {
                SPNEGO_SOURCE
            };
            s.push(
                Field::new("token", crate::text::ellipsis(blob, 40))
                    .meaning(what)
                    .source(source),
            );
        }
    }
    a.findings.extend(rule::run(HEADER_RULES, h, ctx));
    a.sections.push(s);
    a
}

/// What a Bearer credential is, by its shape.
fn bearer_verdict(token: &str) -> String {
    use crate::decode::http::authorization::{token_shape, TokenShape};
    let n = token.chars().count();
    match token_shape(token) {
        TokenShape::Jwt | TokenShape::Jwe => "Bearer token, decoded below (when it is a JWT).".to_string(),
        TokenShape::CutJwt => format!("A JWT cut short ({n} characters, a part missing): copy the whole token; a cut token is refused as malformed."),
        TokenShape::JwtWithoutDots => format!("A JWT with no dots ({n} characters): its parts were joined or only one part was copied; services answer IDX14100 \"JWT is not well formed, there are no dots\"."),
        TokenShape::Placeholder => format!("No token was sent: the credential is the placeholder '{token}' (an unset variable or a failed token request)."),
        TokenShape::Opaque => format!("An opaque token ({n} characters), not a JWT: Microsoft Entra-protected APIs need a JWT access token for their own audience; Graph answers an opaque token with InvalidAuthenticationToken (80049217 / IDX14100)."),
    }
}

/// Rules over an Authorization header.
pub const HEADER_RULES: &[Rule<AuthorizationHeader>] = &[Rule {
    id: "authz.basic-password",
    severity: Severity::Warning,
    title: "A Basic Authorization header carries a password",
    source: Some(RFC7617),
    check: basic_password,
}];

fn basic_password(h: &AuthorizationHeader, _: &Context) -> Vec<Finding> {
    if !matches!(h.credential, Credential::Basic { .. }) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Basic authentication sends the password with every request",
        "The base64 text is only an encoding; anyone who sees this header has the password. Change the password if this paste was shared.",
    )
    .source(RFC7617)]
}

/// Rules over a token request body.
pub const REQUEST_RULES: &[Rule<TokenRequest>] = &[Rule {
    id: "authz.secret-in-request",
    severity: Severity::Warning,
    title: "A token request carries a client secret or a password",
    source: None,
    check: secret_in_request,
}];

fn secret_in_request(r: &TokenRequest, _: &Context) -> Vec<Finding> {
    if !r.carries_secret() {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "A secret is in this paste",
        "The request carries a client secret or password. It is masked here, but whoever saw the original text has it: rotate it.",
    )]
}

fn request_field(k: &str, v: &str) -> Field {
    match k {
        "grant_type" => {
            let f = Field::new(k, v);
            match GRANT_TYPES.iter().find(|t| t.name == v) {
                Some(t) => f.meaning(t.meaning).source(t.source),
                None => f,
            }
        }
        "client_id" => {
            let f = Field::new(k, v).meaning("the app asking for the token");
            match apps::app_by_id(v) {
                Some(app) => f.shown(app.name).source(app.source),
                None => f,
            }
        }
        "client_secret" | "password" => Field::new(k, textmap::mask(v))
            .meaning("masked; never shown. Rotate it if this paste was shared"),
        "refresh_token" | "code" | "assertion" | "client_assertion" => {
            Field::new(k, crate::text::ellipsis(v, 24)).meaning(if k == "client_assertion" {
                "a JWT signed with the app's certificate (certificate credential)"
            } else {
                "a credential; shortened here"
            })
        }
        "resource" | "scope" => {
            let f = Field::new(k, v);
            if let Some(r) = apps::resource_by_uri(v.split(' ').next().unwrap_or("")) {
                f.shown(r.name).source(r.source)
            } else if let Some(app) = apps::app_by_id(v) {
                f.shown(app.name).source(app.source)
            } else {
                f
            }
        }
        _ => Field::new(k, v),
    }
}

/// The card of one token request body.
pub fn request_card(r: &TokenRequest, ctx: &Context) -> Artifact {
    let grant = r.grant();
    let mut a = Artifact::new(
        ArtifactKind::Authorization,
        r.span,
        format!("OAuth token request ({grant})"),
    );
    let mut s = Section::new("Token request body");
    for (k, v) in &r.params {
        s.push(request_field(k, v));
    }
    let credential = r.credential();
    a.verdict = match credential {
        "secret" => {
            format!("A {grant} token request authenticated with a client secret (shown masked).")
        }
        "certificate" => {
            format!("A {grant} token request authenticated with a certificate (client assertion).")
        }
        _ => format!("A {grant} token request."),
    };
    a.findings.extend(rule::run(REQUEST_RULES, r, ctx));
    for (k, v) in &r.params {
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
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::http::authorization::KRB5_OID;
    use crate::text::b64std;

    fn header(value: &str) -> AuthorizationHeader {
        record::parse_value(value, Span::new(0, 0)).unwrap()
    }

    #[test]
    fn basic_password_fires_on_basic_only() {
        let ctx = Context::fixed();
        let basic = header(&format!("Basic {}", b64std(b"contoso\\alice:Sup3rSecret!")));
        let found = rule::run(HEADER_RULES, &basic, &ctx);
        assert_eq!(found[0].rule, "authz.basic-password");
        let text = crate::render::artifact_text(&header_card(&basic, &ctx));
        assert!(
            text.contains("contoso\\alice") && !text.contains("Sup3rSecret"),
            "{text}"
        );
        assert!(rule::run(HEADER_RULES, &header("Bearer abcdefghij"), &ctx).is_empty());
    }

    #[test]
    fn secret_in_request_fires_on_a_secret_only() {
        let ctx = Context::fixed();
        let t = "Body:grant_type=client_credentials&client_id=82195c37-7497-458c-b643-f4a3d0a64190&client_secret=9814c84e-59d7-49fc-bef6-17b717d2f5a8&resource=https%3A%2F%2Fmanagement.azure.com%2F ErrorInfo";
        let found = scan(t, &ctx);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].findings[0].rule, "authz.secret-in-request");
        let text = crate::render::artifact_text(&found[0]);
        assert!(!text.contains("9814c84e-59d7"), "{text}");
        assert!(text.contains("https://management.azure.com/"));
        let quiet = scan("grant_type=authorization_code&client_id=x&code=abc", &ctx);
        assert!(quiet[0].findings.is_empty());
    }

    #[test]
    fn blobs_are_named() {
        let mut t1 = b"NTLMSSP\0".to_vec();
        t1.extend_from_slice(&1u32.to_le_bytes());
        t1.extend_from_slice(&[0; 20]);
        let found = scan(
            &format!("Authorization: NTLM {}", b64std(&t1)),
            &Context::fixed(),
        );
        assert!(found[0].verdict.contains("type 1"));
        let mut krb = vec![
            0x60, 0x82, 0x01, 0x00, 0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02,
        ];
        krb.extend_from_slice(KRB5_OID);
        assert!(describe_blob(&record::read_blob(&b64std(&krb))).contains("Kerberos"));
    }
}
