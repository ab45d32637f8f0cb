//! Records: Authorization request headers (Bearer, Basic, NTLM, Negotiate) with what their blobs
//! hold (NTLM message fields, Kerberos, SPNEGO), and OAuth token request bodies
//! (`grant_type=...&client_id=...&client_secret=...`). `explain::http::authorization` masks the
//! secrets when it shows them.

use crate::report::Span;
use crate::text::{cut, cut_to};
use crate::textmap::{self, Norm};

/// Kerberos OIDs (1.2.840.113554.1.2.2 and Microsoft's 1.2.840.48018.1.2.2) as DER bytes.
pub const KRB5_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02];
const MS_KRB5_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02];

/// An NTLM message (MS-NLMP) and the fields that name who is talking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NtlmMessage {
    /// Type 1: the client starts NTLM.
    Negotiate,
    /// Type 2: the server's challenge, with its target name when present.
    Challenge { target: String },
    /// Type 3: the client's answer.
    Authenticate {
        domain: String,
        user: String,
        workstation: String,
    },
    /// Another message type (or none readable).
    Other(Option<u32>),
}

/// What a Negotiate or NTLM blob holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    NotBase64,
    /// An NTLM message, bare or inside SPNEGO.
    Ntlm {
        in_spnego: bool,
        message: NtlmMessage,
    },
    /// An SPNEGO/GSS-API initial token carrying a Kerberos ticket.
    KerberosInitial,
    /// An SPNEGO/GSS-API initial token without a Kerberos OID.
    SpnegoInitial,
    /// The server's SPNEGO reply accepting Kerberos (mutual authentication).
    KerberosReply,
    /// Another SPNEGO reply (NegTokenResp).
    SpnegoReply,
    /// A raw Kerberos AP-REQ.
    RawApReq,
    /// Bytes that are none of these.
    Unknown {
        len: usize,
    },
}

/// Reads a Negotiate or NTLM blob.
pub fn read_blob(b64: &str) -> Blob {
    let Some(bytes) = crate::text::b64_decode_lenient(b64.trim()) else {
        return Blob::NotBase64;
    };
    if let Some(pos) = find(&bytes, b"NTLMSSP\0") {
        return Blob::Ntlm {
            in_spnego: pos != 0,
            message: ntlm_message(bytes.get(pos..).unwrap_or_default()),
        };
    }
    let krb = find(&bytes, KRB5_OID).is_some() || find(&bytes, MS_KRB5_OID).is_some();
    match bytes.first() {
        Some(0x60) if krb => Blob::KerberosInitial,
        Some(0x60) => Blob::SpnegoInitial,
        Some(0xa1) if krb => Blob::KerberosReply,
        Some(0xa1) => Blob::SpnegoReply,
        Some(0x6e) => Blob::RawApReq,
        _ => Blob::Unknown { len: bytes.len() },
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

fn ntlm_message(b: &[u8]) -> NtlmMessage {
    match u32le(b, 8) {
        Some(1) => NtlmMessage::Negotiate,
        Some(2) => {
            let flags = u32le(b, 20).unwrap_or(0);
            NtlmMessage::Challenge {
                target: ntlm_string(b, 12, flags & 1 == 1).unwrap_or_default(),
            }
        }
        Some(3) => {
            let flags = u32le(b, 60).unwrap_or(1);
            let uni = flags & 1 == 1;
            NtlmMessage::Authenticate {
                domain: ntlm_string(b, 28, uni).unwrap_or_default(),
                user: ntlm_string(b, 36, uni).unwrap_or_default(),
                workstation: ntlm_string(b, 44, uni).unwrap_or_default(),
            }
        }
        other => NtlmMessage::Other(other),
    }
}

/// The credential an Authorization header carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    Bearer { token: String },
    Basic { user: String, password: String },
    Ntlm { blob: String, message: Blob },
    Negotiate { blob: String, message: Blob },
}

/// One Authorization header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationHeader {
    pub span: Span,
    /// The scheme as written.
    pub scheme: String,
    pub credential: Credential,
}

/// What a Bearer credential looks like, before anything tries to decode it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenShape {
    /// A compact JWS (three parts): decoded in its own card.
    Jwt,
    /// A compact JWE (five parts).
    Jwe,
    /// `eyJ...` with one dot or a dot too few: a JWT cut short.
    CutJwt,
    /// `eyJ...` with no dot at all: the parts were joined or only one part was copied.
    JwtWithoutDots,
    /// A placeholder instead of a token: `null`, `undefined`, `[object Object]`, `<token>`. (A
    /// shell or PowerShell `$token` is expanded before sending, so it is not one.)
    Placeholder,
    /// Anything else: a token that is not a JWT (a consumer MSA token, a refresh token, a code).
    Opaque,
}

/// Words and forms that stand where a token should be.
fn placeholder(cred: &str) -> bool {
    let c = cred.trim().trim_matches(['"', '\'']);
    let lower = c.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "" | "null" | "undefined" | "none" | "nil" | "[object" | "token" | "<token>" | "{token}"
    )
}

/// The shape of a Bearer credential.
pub fn token_shape(token: &str) -> TokenShape {
    let t = token.trim();
    if placeholder(t) {
        return TokenShape::Placeholder;
    }
    let dots = t.bytes().filter(|b| *b == b'.').count();
    match (t.starts_with("eyJ"), dots) {
        (true, 2) => TokenShape::Jwt,
        (true, 4) => TokenShape::Jwe,
        (true, 0) => TokenShape::JwtWithoutDots,
        (true, _) => TokenShape::CutJwt,
        (false, _) => TokenShape::Opaque,
    }
}

/// Reads a scheme and its credential; `None` when they do not make a credential we can read.
pub fn read_credential(scheme: &str, cred: &str) -> Option<Credential> {
    match scheme.to_ascii_lowercase().as_str() {
        "bearer" if cred.len() >= 8 || placeholder(cred) => Some(Credential::Bearer {
            token: cred.to_string(),
        }),
        "basic" => {
            let decoded =
                crate::text::b64_decode_lenient(cred).and_then(|v| String::from_utf8(v).ok())?;
            let (user, password) = decoded.split_once(':')?;
            Some(Credential::Basic {
                user: user.to_string(),
                password: password.to_string(),
            })
        }
        "ntlm" if cred.len() >= 8 => Some(Credential::Ntlm {
            blob: cred.to_string(),
            message: read_blob(cred),
        }),
        "negotiate" if cred.len() >= 8 => Some(Credential::Negotiate {
            blob: cred.to_string(),
            message: read_blob(cred),
        }),
        _ => None,
    }
}

/// Reads a header value such as `Negotiate YIIabc...` (the header name already taken off).
pub fn parse_value(value: &str, span: Span) -> Option<AuthorizationHeader> {
    let t = value.trim().trim_matches(['"', '\'']);
    let se = textmap::token_end(t, 0);
    let scheme = t.get(..se)?;
    let cs = textmap::skip_ws(t, se);
    let ce = credential_end(t, cs);
    let credential = read_credential(scheme, t.get(cs..ce)?)?;
    Some(AuthorizationHeader {
        span,
        scheme: scheme.to_string(),
        credential,
    })
}

fn credential_end(t: &str, cs: usize) -> usize {
    let b = t.as_bytes();
    let mut ce = cs;
    while ce < b.len()
        && (b[ce].is_ascii_alphanumeric()
            || matches!(b[ce], b'+' | b'/' | b'=' | b'-' | b'_' | b'.' | b'~'))
    {
        ce += 1;
    }
    ce
}

/// A form-encoded OAuth token request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    pub span: Span,
    /// Every parameter in order, names in lower case, values percent-decoded.
    pub params: Vec<(String, String)>,
}

impl TokenRequest {
    /// The value of a parameter.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == key)
            .map(|(_, v)| v.as_str())
    }

    /// The grant type (a request always has one).
    pub fn grant(&self) -> &str {
        self.get("grant_type").unwrap_or_default()
    }

    /// Which credential authenticates the app: `secret`, `certificate` or `none`.
    pub fn credential(&self) -> &'static str {
        if self.get("client_secret").is_some() {
            "secret"
        } else if self.get("client_assertion").is_some() {
            "certificate"
        } else {
            "none"
        }
    }

    /// True when a client secret or a password travels in the body.
    pub fn carries_secret(&self) -> bool {
        self.get("client_secret").is_some() || self.get("password").is_some()
    }
}

/// What the Authorization finder found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Header(AuthorizationHeader),
    Request(TokenRequest),
}

/// Finds every Authorization header, then every token request body, in `text`.
pub fn find_all(text: &str) -> Vec<Found> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let b = t.as_bytes();
    let mut out = Vec::new();
    for at in textmap::find_all_ci(t, "authorization") {
        if !textmap::word_start(t, at) && !cut_to(t, at).to_ascii_lowercase().ends_with("proxy-") {
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
        let scheme = cut(t, p..se);
        let cs = textmap::skip_ws(t, se);
        let ce = credential_end(t, cs);
        // An empty credential counts only when the line ends after the scheme (`Bearer` alone), not
        // when a variable (`$TOKEN`) or a concatenation (`"Bearer " + $t`) stands there.
        let ends = matches!(b.get(ce), None | Some(b'\n' | b'\r'));
        if ce == cs && !ends {
            continue;
        }
        if let Some(credential) = read_credential(scheme, cut(t, cs..ce)) {
            out.push(Found::Header(AuthorizationHeader {
                span: n.span(at, ce.max(se)),
                scheme: scheme.to_string(),
                credential,
            }));
        }
    }
    // A body is read once: later `grant_type=` inside the same body are part of it, which keeps
    // the scan linear on pastes that repeat the parameter.
    let mut read_until = 0;
    for at in textmap::find_all_ci(t, "grant_type=") {
        if at < read_until || !textmap::word_start(t, at) {
            continue;
        }
        let (request, end) = token_request(t, at, &n);
        read_until = end;
        if let Some(r) = request {
            out.push(Found::Request(r));
        }
    }
    out
}

/// Reads a form-encoded token request around `at` (the body may start before grant_type); also
/// returns where the body ends.
fn token_request(t: &str, at: usize, n: &Norm) -> (Option<TokenRequest>, usize) {
    let b = t.as_bytes();
    let mut start = at;
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
    let params: Vec<(String, String)> = cut(t, start..end)
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| {
            (
                crate::text::percent_decode(k).to_ascii_lowercase(),
                crate::text::percent_decode(&v.replace('+', " ")),
            )
        })
        .collect();
    let request = TokenRequest {
        span: n.span(start, end),
        params,
    };
    let usable = request.get("grant_type").is_some() && request.params.len() >= 2;
    (usable.then_some(request), end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::b64std;

    #[test]
    fn token_shapes_are_told_apart() {
        assert_eq!(
            token_shape("eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.sig"),
            TokenShape::Jwt
        );
        assert_eq!(
            token_shape("eyJhbGciOiJub25lIn0.eyJ4IjoxfQ"),
            TokenShape::CutJwt
        );
        assert_eq!(
            token_shape("eyJhbGciOiJub25lIn0eyJ4IjoxfQ"),
            TokenShape::JwtWithoutDots
        );
        assert_eq!(token_shape("undefined"), TokenShape::Placeholder);
        assert_eq!(token_shape("<token>"), TokenShape::Placeholder);
        assert_eq!(
            token_shape("EwBwA8l6BAAUO9chh8cJscQLmU+LSWpbnr0vmwwAAQ"),
            TokenShape::Opaque
        );
        let found = find_all("Authorization: Bearer undefined\n");
        assert!(
            matches!(&found[0], Found::Header(h) if matches!(&h.credential, Credential::Bearer { token } if token == "undefined"))
        );
        assert!(find_all("-H \"Authorization: Bearer $TOKEN\"").is_empty());
    }

    #[test]
    fn ntlm_types_and_kerberos_are_read() {
        let mut t1 = b"NTLMSSP\0".to_vec();
        t1.extend_from_slice(&1u32.to_le_bytes());
        t1.extend_from_slice(&[0; 20]);
        assert_eq!(
            read_blob(&b64std(&t1)),
            Blob::Ntlm {
                in_spnego: false,
                message: NtlmMessage::Negotiate
            }
        );
        let mut t2 = b"NTLMSSP\0".to_vec();
        t2.extend_from_slice(&2u32.to_le_bytes());
        t2.extend_from_slice(&[0; 40]);
        assert!(matches!(
            read_blob(&b64std(&t2)),
            Blob::Ntlm {
                message: NtlmMessage::Challenge { .. },
                ..
            }
        ));
        let mut krb = vec![
            0x60, 0x82, 0x01, 0x00, 0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02,
        ];
        krb.extend_from_slice(KRB5_OID);
        assert_eq!(read_blob(&b64std(&krb)), Blob::KerberosInitial);
    }

    #[test]
    fn headers_and_requests_are_found() {
        let cred = b64std(b"contoso\\alice:Sup3rSecret!");
        let found = find_all(&format!("Authorization: Basic {cred}"));
        assert!(matches!(
            &found[0],
            Found::Header(AuthorizationHeader { credential: Credential::Basic { user, .. }, .. }) if user == "contoso\\alice"
        ));
        assert!(find_all("Authorization: Bearer abc").is_empty());
        let found =
            find_all("Body:grant_type=client_credentials&client_id=x&client_secret=y ErrorInfo");
        assert!(matches!(&found[0], Found::Request(r) if r.credential() == "secret"));
        let v = parse_value("Negotiate YIIabcdefgh", Span::new(0, 0)).unwrap();
        assert_eq!(v.scheme, "Negotiate");
    }
}
