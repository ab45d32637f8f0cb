//! Decoder: WWW-Authenticate challenges (Bearer, MsRtcOAuth, Basic, Negotiate, NTLM) in any wrapper.
//!
//! One artifact per header value; a value may hold several challenges
//! (`Bearer ..., error="invalid_token",Basic realm="mail.contoso.com"`). Each Bearer parameter is
//! explained, a `claims` challenge is decoded, and an Exchange challenge without
//! `authorization_uri` is flagged (hybrid modern authentication not advertised).

use crate::context::Context;
use crate::knowledge::aadsts as oauth;
use crate::knowledge::apps;
use crate::report::{
    Artifact, ArtifactKind, ChallengeEvidence, Field, Finding, Section, Severity, Span, Step,
};
use crate::textmap::{self, Norm};

/// One challenge: its scheme, an optional token68 blob (Negotiate/NTLM) and its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Challenge {
    pub scheme: String,
    pub blob: Option<String>,
    pub params: Vec<(String, String)>,
}

impl Challenge {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// Facts this decoder needs that the shared knowledge tables cannot express yet. Each row carries
// its public source. The integrator may move them into `knowledge/` later.
// ---------------------------------------------------------------------------------------------

const HMA_SOURCE: &str =
    crate::knowledge::sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const CLAIMS_SOURCE: &str = crate::knowledge::sources::IDENTITY_PLATFORM_CLAIMS_CHALLENGE;
const UCWA_SOURCE: &str = crate::knowledge::sources::UCWA_AUTHENTICATIONINUCWA;
const RFC9110_CHALLENGES: &str = crate::knowledge::sources::RFC_RFC9110_SECTION_11_6_1;
const RFC6750: &str = crate::knowledge::sources::RFC_RFC6750_SECTION_3_1;
const NATIONAL_CLOUDS: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;

/// `token_types` values seen in Exchange Bearer challenges (names from real captures; no official
/// definition was found).
const TOKEN_TYPES: &[(&str, &str, &str)] = &[
    (
        "app_asserted_user_v1",
        "a token in which an application asserts the user context (an app acting for a user)",
        HMA_SOURCE,
    ),
    (
        "service_asserted_app_v1",
        "an app-only token asserted by a service (no user context)",
        HMA_SOURCE,
    ),
];

/// RFC 6750 and Entra `error` values of a Bearer challenge.
const BEARER_ERRORS: &[(&str, &str, &str)] = &[
    ("insufficient_claims", "the token lacks claims the resource now demands (a claims challenge): get a new token with the claims named in `claims`", CLAIMS_SOURCE),
    ("insufficient_scope", "the token is valid but lacks the scope or permission this request needs", RFC6750),
    ("invalid_request", "the request is malformed (missing or duplicated parameter)", RFC6750),
    ("invalid_token", "the token presented was expired, revoked, malformed or otherwise rejected", RFC6750),
];

/// Authorization endpoint hosts and the cloud they belong to.
const AUTH_HOSTS: &[(&str, &str, &str)] = &[
    (
        "login.chinacloudapi.cn",
        "Microsoft Entra in Microsoft 365 operated by 21Vianet (China)",
        NATIONAL_CLOUDS,
    ),
    (
        "login.microsoft.com",
        "Microsoft Entra (global cloud)",
        NATIONAL_CLOUDS,
    ),
    (
        "login.microsoftonline.com",
        "Microsoft Entra (global cloud)",
        NATIONAL_CLOUDS,
    ),
    (
        "login.microsoftonline.us",
        "Microsoft Entra for US Government",
        NATIONAL_CLOUDS,
    ),
    (
        "login.partner.microsoftonline.cn",
        "Microsoft Entra in Microsoft 365 operated by 21Vianet (China)",
        NATIONAL_CLOUDS,
    ),
    (
        "login.windows.net",
        "Microsoft Entra (global cloud, older host name)",
        NATIONAL_CLOUDS,
    ),
];

/// Token issuers that appear in `trusted_issuers` as URLs.
const ISSUER_URLS: &[(&str, &str, &str)] = &[
    (
        "https://sts.windows.net/",
        "Microsoft Entra v1 token issuer",
        crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS,
    ),
    (
        "https://sts.chinacloudapi.cn/",
        "Microsoft Entra v1 token issuer (21Vianet)",
        NATIONAL_CLOUDS,
    ),
];

/// UCWA (Skype for Business / Lync) grant types offered by an MsRtcOAuth challenge.
const UCWA_GRANTS: &[(&str, &str)] = &[
    (
        "password",
        "user name and password sent to the WebTicket service",
    ),
    (
        "urn:microsoft.rtc:anonmeeting",
        "anonymous meeting join (a guest joins with a meeting URL; the token lasts 1 hour)",
    ),
    (
        "urn:microsoft.rtc:passive",
        "passive (web) authentication, for example through AD FS",
    ),
    (
        "urn:microsoft.rtc:windows",
        "Windows integrated authentication (IWA: Kerberos or NTLM)",
    ),
];

/// Claims that a claims request (`claims` of a challenge or an AADSTS body) can name.
const CLAIMS_REQUEST: &[(&str, &str)] = &[
    ("acrs", "Conditional Access authentication context the new token must satisfy (for example step-up MFA)"),
    ("nbf", "the token must be issued after this time: the old one was issued before a revocation event (Continuous Access Evaluation)"),
    ("polids", "Conditional Access policy ids the user must satisfy (for example MFA registration)"),
    ("xms_cc", "client capabilities; cp1 means the app can handle claims challenges"),
];

/// Hybrid modern authentication advice for an Exchange challenge without `authorization_uri`.
const HMA_CHECKS: &[(&str, &str)] = &[
    ("Check that the EvoSts auth server exists and is the default authorization endpoint.", "Get-AuthServer | Format-List Name,Type,Enabled,IsDefaultAuthorizationEndpoint,AuthMetadataUrl"),
    ("If hybrid modern authentication is wanted, make EvoSts the default authorization endpoint (the HCW does this when HMA is chosen), then restart IIS or wait for the change to apply.", "Set-AuthServer -Identity EvoSts -IsDefaultAuthorizationEndpoint $true\nSet-OrganizationConfig -OAuth2ClientProfileEnabled $true"),
    ("Refresh the auth metadata of EvoSts and rerun the Hybrid Configuration Wizard if the auth server is missing.", "Set-AuthServer -Identity EvoSts -RefreshAuthMetadata"),
];

fn lookup<'a>(
    table: &'a [(&'a str, &'a str, &'a str)],
    key: &str,
) -> Option<&'a (&'a str, &'a str, &'a str)> {
    table.iter().find(|(k, _, _)| k.eq_ignore_ascii_case(key))
}

// ---------------------------------------------------------------------------------------------

/// Parses a header value into its challenges; returns them and how many bytes were consumed.
pub fn parse_challenges(value: &str) -> (Vec<Challenge>, usize) {
    // IIS logs write a header value as one field with `+` for every space.
    let first = textmap::token_end(value, 0);
    let iis;
    let value = if first > 0 && value.as_bytes().get(first) == Some(&b'+') {
        let chunk_end = value.find([' ', '\t', '\n', '\r']).unwrap_or(value.len());
        iis = value[..chunk_end].replace('+', " ");
        iis.as_str()
    } else {
        value
    };
    let b = value.as_bytes();
    let mut out: Vec<Challenge> = Vec::new();
    let mut p = 0;
    let mut consumed = 0;
    loop {
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b',' | b'+') {
            p += 1;
        }
        if p >= b.len() {
            break;
        }
        let te = token68_end(value, p);
        if te == p {
            break;
        }
        let mut eqs = te;
        while eqs < b.len() && b[eqs] == b'=' {
            eqs += 1;
        }
        let after_eq = textmap::skip_ws(value, eqs);
        let is_param = eqs == te + 1
            && b.get(after_eq)
                .is_some_and(|c| !matches!(c, b',' | b'\n' | b'\r'))
            && !out.is_empty()
            && value[p..te]
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        let is_param = is_param || (eqs == te + 1 && !out.is_empty() && b.get(eqs) == Some(&b'"'));
        if is_param {
            let key = value[p..te].to_ascii_lowercase();
            let (v, ve) = read_param(value, after_eq);
            if let Some(last) = out.last_mut() {
                last.params.push((key, v));
            }
            p = ve;
            consumed = ve;
            continue;
        }
        // A scheme name: letters, digits and dashes, followed by space, comma or the end.
        let word = &value[p..te];
        let scheme_like = eqs == te
            && word.len() >= 3
            && word.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
            && word.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
        if scheme_like
            && out.last().is_some_and(|c| {
                is_blob_scheme(&c.scheme)
                    && c.blob.is_none()
                    && c.params.is_empty()
                    && word.len() > 20
            })
        {
            if let Some(last) = out.last_mut() {
                last.blob = Some(word.to_string());
            }
            p = te;
            consumed = te;
            continue;
        }
        if scheme_like {
            out.push(Challenge {
                scheme: word.to_string(),
                ..Challenge::default()
            });
            p = te;
            consumed = te;
            continue;
        }
        // A token68 blob (base64 with padding) after Negotiate or NTLM.
        if let Some(last) = out.last_mut() {
            if is_blob_scheme(&last.scheme) && last.blob.is_none() && last.params.is_empty() {
                last.blob = Some(value[p..eqs].to_string());
                p = eqs;
                consumed = eqs;
                continue;
            }
        }
        break;
    }
    (out, consumed)
}

fn is_blob_scheme(s: &str) -> bool {
    s.eq_ignore_ascii_case("negotiate")
        || s.eq_ignore_ascii_case("ntlm")
        || s.eq_ignore_ascii_case("kerberos")
}

fn token68_end(v: &str, p: usize) -> usize {
    let b = v.as_bytes();
    let mut e = p;
    while e < b.len()
        && (b[e].is_ascii_alphanumeric()
            || matches!(b[e], b'_' | b'-' | b'.' | b'~' | b'/' | b'+' | b':'))
    {
        e += 1;
    }
    // `+` separates words in IIS logs; a trailing `+` is not part of the token.
    while e > p && b[e - 1] == b'+' {
        e -= 1;
    }
    e
}

/// Reads a quoted or unquoted parameter value at `p`.
fn read_param(v: &str, p: usize) -> (String, usize) {
    let b = v.as_bytes();
    if b.get(p) == Some(&b'"') {
        let start = p + 1;
        let mut e = start;
        while e < b.len() && b[e] != b'"' && b[e] != b'\n' {
            e += 1;
        }
        let end = if e < b.len() && b[e] == b'"' {
            e + 1
        } else {
            e
        };
        return (textmap::iis_decode(&v[start..e]), end);
    }
    let mut e = p;
    while e < b.len() && !matches!(b[e], b',' | b' ' | b'\t' | b'\n' | b'\r' | b'"') {
        e += 1;
    }
    (v[p..e].to_string(), e)
}

/// Names after which a bare `Bearer` is taken to start a challenge.
const BEARER_PARAMS: &[&str] = &[
    "realm",
    "client_id",
    "authorization_uri",
    "error",
    "trusted_issuers",
    "claims",
    "resource_id",
    "token_types",
    "authorization",
    "error_description",
    "scope",
];

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let b = t.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    for at in textmap::find_all_ci(t, "www-authenticate") {
        if !textmap::word_start(t, at) {
            continue;
        }
        let mut p = textmap::skip_ws(t, at + 16);
        if matches!(b.get(p), Some(b'"' | b'\'')) {
            p = textmap::skip_ws(t, p + 1);
        }
        if !matches!(b.get(p), Some(b':' | b'=')) {
            continue;
        }
        p = textmap::skip_ws(t, p + 1);
        while matches!(b.get(p), Some(b'"' | b'\'' | b'[')) {
            p += 1;
        }
        starts.push(p);
    }
    for scheme in ["bearer", "msrtcoauth"] {
        for at in textmap::find_all_ci(t, scheme) {
            if !textmap::word_start(t, at) {
                continue;
            }
            let p = at + scheme.len();
            if !matches!(b.get(p), Some(b' ' | b'+' | b'\t')) {
                continue;
            }
            let k = textmap::skip_ws(t, p);
            let ke = textmap::token_end(t, k);
            let key = t[k..ke].to_ascii_lowercase();
            let eq = b.get(ke) == Some(&b'=');
            let ok = eq
                && (BEARER_PARAMS.contains(&key.as_str())
                    || (scheme == "msrtcoauth" && matches!(key.as_str(), "href" | "grant_type")));
            if ok {
                starts.push(at);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut groups: Vec<(usize, usize, Vec<Challenge>)> = Vec::new();
    let mut covered = 0;
    for s in starts {
        if s < covered {
            continue;
        }
        let le = textmap::line_end(t, s);
        let line = &t[s..le];
        let (challenges, used) = parse_challenges(line);
        if challenges.is_empty() {
            continue;
        }
        // An Authorization-style `Bearer eyJ...` is not a challenge.
        if challenges
            .iter()
            .all(|c| c.params.is_empty() && c.blob.is_none())
            && challenges.len() == 1
            && !line.trim().eq_ignore_ascii_case(&challenges[0].scheme)
        {
            continue;
        }
        let end = s + used;
        covered = end.max(s + 1);
        // A WWW-Authenticate line right below another one of the same header block joins it.
        if let Some((_, prev_end, prev)) = groups.last_mut() {
            if continues_block(&t[*prev_end..s]) {
                prev.extend(challenges);
                *prev_end = end;
                continue;
            }
        }
        groups.push((s, end, challenges));
    }
    // A long log repeats the same challenge; each distinct text is explained once.
    let mut explained: std::collections::BTreeMap<&str, Artifact> =
        std::collections::BTreeMap::new();
    groups
        .into_iter()
        .map(|(s, e, ch)| {
            let span = n.span(s, e);
            let mut card = explained
                .entry(&t[s..e])
                .or_insert_with(|| artifact(&ch, span))
                .clone();
            card.span = span;
            card
        })
        .collect()
}

/// True when the text between two challenges is one line break and a `WWW-Authenticate` header
/// name, so both values belong to the same response.
fn continues_block(gap: &str) -> bool {
    if gap.matches('\n').count() != 1 {
        return false;
    }
    let lower = gap.to_ascii_lowercase();
    let rest = lower
        .trim()
        .trim_start_matches(['"', '\'', ','])
        .trim_start();
    let Some(after) = rest.strip_prefix("www-authenticate") else {
        return false;
    };
    after
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | '"' | '\'' | '['))
        .is_empty()
}

/// Builds the explained artifact for one header value.
pub fn artifact(challenges: &[Challenge], span: Span) -> Artifact {
    let schemes: Vec<&str> = challenges.iter().map(|c| c.scheme.as_str()).collect();
    let mut a = Artifact::new(
        ArtifactKind::Challenge,
        span,
        format!("WWW-Authenticate challenge ({})", schemes.join(", ")),
    );
    a.verdict = if challenges.len() > 1 {
        format!(
            "The server offers {} authentication schemes: {}.",
            challenges.len(),
            schemes.join(", ")
        )
    } else {
        format!("The server asks for {} authentication.", schemes.join(""))
    };
    if challenges.len() > 1 {
        a.findings.push(schemes_note(challenges));
    }
    for c in challenges {
        explain(c, &mut a);
    }
    if challenges.len() > 1 {
        // The combined note already says what Basic means.
        a.findings
            .retain(|f| f.title != "Basic authentication offered");
    }
    let main = challenges
        .iter()
        .find(|c| c.scheme.eq_ignore_ascii_case("bearer"))
        .or_else(|| challenges.first());
    if let Some(c) = main {
        a.evidence.challenge = Some(ChallengeEvidence {
            scheme: c.scheme.clone(),
            client_id: c.get("client_id").map(str::to_string),
            realm: c.get("realm").map(str::to_string),
            trusted_issuers: c.get("trusted_issuers").map(split_list).unwrap_or_default(),
            error: c.get("error").map(str::to_string),
            has_authorization_uri: c.get("authorization_uri").is_some(),
        });
    }
    a
}

/// One note for a response that offers several schemes: which ones, and what clients can do.
fn schemes_note(challenges: &[Challenge]) -> Finding {
    let has = |name: &str| {
        challenges
            .iter()
            .any(|c| c.scheme.eq_ignore_ascii_case(name))
    };
    let mut names: Vec<&str> = Vec::new();
    for c in challenges {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&c.scheme)) {
            names.push(c.scheme.as_str());
        }
    }
    let bearer = challenges
        .iter()
        .find(|c| c.scheme.eq_ignore_ascii_case("bearer"));
    let mut f = Finding::new(
        Severity::Info,
        format!("Schemes offered: {}", names.join(", ")),
        "The server offered these schemes in one response; a client picks one it supports, usually the strongest.",
    )
    .source(RFC9110_CHALLENGES);
    f = match bearer {
        Some(b) if b.get("authorization_uri").is_some() => f.cause(
            "Bearer with authorization_uri: modern authentication (OAuth) is offered, and clients that support it are pointed at Microsoft Entra ID to sign in.",
        ),
        Some(_) => f.cause(
            "Bearer without authorization_uri: the endpoint accepts OAuth tokens (server-to-server, such as hybrid free/busy), but clients are not pointed at a sign-in page; in Exchange that means hybrid modern authentication is not set up as the default authorization endpoint.",
        ),
        None => f.cause(
            "No Bearer: modern authentication (OAuth) is not offered on this endpoint, so Outlook and mobile clients cannot use hybrid modern authentication here and fall back to the other schemes (or fail where those are blocked).",
        ),
    };
    if has("negotiate") {
        f = f.cause("Negotiate: Windows integrated authentication, Kerberos when the client can get a ticket for the host, NTLM otherwise.");
    }
    if has("ntlm") {
        f = f.cause("NTLM: Windows integrated authentication without Kerberos.");
    }
    if has("basic") {
        f = f.cause("Basic: the user name and password travel with every request; Exchange Online no longer accepts Basic authentication for its client protocols.");
    }
    if bearer.is_none() {
        f = f.step(
            Step::new("If clients should use modern authentication on this endpoint, enable hybrid modern authentication (or check that the virtual directory allows OAuth), then look for a Bearer challenge again.")
        );
    }
    f
}

fn split_list(v: &str) -> Vec<String> {
    v.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn explain(c: &Challenge, a: &mut Artifact) {
    let scheme = c.scheme.to_ascii_lowercase();
    let mut s = Section::new(format!("{} challenge", c.scheme));
    match scheme.as_str() {
        "bearer" => explain_bearer(c, &mut s, a),
        "msrtcoauth" => explain_ucwa(c, &mut s, a),
        "basic" => {
            for (k, v) in &c.params {
                s.push(Field::new(k.clone(), v.clone()).meaning(if k == "realm" {
                    "the protection space (often the server or domain name)"
                } else {
                    ""
                }));
            }
            a.findings.push(Finding::new(
                Severity::Info,
                "Basic authentication offered",
                "The server also accepts a user name and password, sent base64-encoded (not encrypted) in every request.",
            ).source(crate::knowledge::sources::RFC_RFC7617));
        }
        _ if is_blob_scheme(&scheme) => {
            match &c.blob {
                Some(blob) => {
                    let what = super::authorization::describe_blob(blob);
                    s.push(Field::new("token", crate::text::ellipsis(blob, 40)).meaning(what));
                }
                None => s.push(Field::new("scheme", c.scheme.clone()).meaning(
                    if scheme == "ntlm" {
                        "Windows integrated authentication offered (NTLM only)"
                    } else {
                        "Windows integrated authentication offered (Kerberos through SPNEGO, or NTLM)"
                    },
                )),
            }
            for (k, v) in &c.params {
                s.push(Field::new(k.clone(), v.clone()));
            }
        }
        _ => {
            for (k, v) in &c.params {
                s.push(Field::new(k.clone(), v.clone()));
            }
            if let Some(blob) = &c.blob {
                s.push(Field::new("token", blob.clone()));
            }
        }
    }
    a.sections.push(s);
}

fn explain_bearer(c: &Challenge, s: &mut Section, a: &mut Artifact) {
    for (k, v) in &c.params {
        match k.as_str() {
            "realm" => {
                let f = Field::new("realm", v.clone());
                s.push(if v.is_empty() {
                    f.meaning("empty: no tenant is named (the common endpoint is used)")
                } else if crate::text::is_guid(v) {
                    f.meaning("the tenant id (directory id) of the resource's organization")
                } else {
                    f.meaning("the realm: the tenant's domain or the server's host")
                });
            }
            "client_id" | "resource_id" => {
                let mut f = Field::new(k.clone(), v.clone());
                match apps::app_by_id(v) {
                    Some(app) => f = f.shown(app.name).meaning(app.note).source(app.source),
                    None => f = f.meaning(
                        "the app id of the resource that sent the challenge (the token's audience)",
                    ),
                }
                s.push(f);
            }
            "trusted_issuers" => {
                for entry in v.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                    s.push(trusted_issuer(entry));
                }
            }
            "token_types" => {
                for tt in v.split([' ', ',', '+']).filter(|e| !e.is_empty()) {
                    let mut f = Field::new("token_types", tt);
                    if let Some((_, m, src)) = lookup(TOKEN_TYPES, tt) {
                        f = f.meaning(*m).source(*src);
                    } else {
                        f = f.unknown();
                    }
                    s.push(f);
                }
            }
            "authorization_uri" | "authorization" => {
                let host = v
                    .split("://")
                    .nth(1)
                    .and_then(|r| r.split('/').next())
                    .unwrap_or("");
                let mut f = Field::new(k.clone(), v.clone());
                match lookup(AUTH_HOSTS, host) {
                    Some((_, m, src)) => {
                        f = f
                            .meaning(format!(
                                "where the client signs in to get a token: {m} authorize endpoint"
                            ))
                            .source(*src)
                    }
                    None => f = f.meaning("where the client signs in to get a token"),
                }
                s.push(f);
            }
            "error" => {
                let mut f = Field::new("error", v.clone());
                if let Some((_, m, src)) = lookup(BEARER_ERRORS, v) {
                    f = f.meaning(*m).source(*src);
                } else if let Some(e) = oauth::oauth_error(v) {
                    f = f.meaning(e.meaning).source(e.source);
                }
                s.push(f);
            }
            "claims" => {
                let json = crate::text::b64_decode_lenient(v)
                    .and_then(|b| String::from_utf8(b).ok())
                    .filter(|j| j.trim_start().starts_with('{'))
                    .unwrap_or_else(|| v.clone());
                s.push(
                    Field::new("claims", v.clone())
                        .shown(json.clone())
                        .meaning("a claims request, base64-encoded"),
                );
                let (sec, finding) = claims_request(&json);
                if !sec.fields.is_empty() {
                    a.sections.push(sec);
                }
                a.findings.push(finding);
            }
            _ => s.push(Field::new(k.clone(), v.clone())),
        }
    }
    if let Some(err) = c.get("error") {
        if !err.eq_ignore_ascii_case("insufficient_claims") {
            let meaning = lookup(BEARER_ERRORS, err)
                .map(|r| r.1.to_string())
                .or_else(|| oauth::oauth_error(err).map(|e| e.meaning.to_string()))
                .unwrap_or_else(|| "The resource refused the request.".into());
            let mut f = Finding::new(
                Severity::Warning,
                format!("Bearer error {err}"),
                format!("The resource refused the token: {meaning}. A matching x-ms-diagnostics header, when present, says why."),
            );
            if let Some(d) = c.get("error_description") {
                f = f.cause(d.to_string());
            }
            a.findings.push(f.source(RFC6750));
        }
    }
    let exchange = c
        .get("client_id")
        .is_some_and(|id| id.eq_ignore_ascii_case("00000002-0000-0ff1-ce00-000000000000"));
    if exchange && c.get("authorization_uri").is_none() {
        let mut f = Finding::new(
            Severity::Warning,
            "No authorization_uri: hybrid modern authentication (HMA) is not advertised",
            "This Exchange Bearer challenge has no authorization_uri, so clients are not told where to get an Entra token. Exchange adds it only when an EvoSts auth server is the default authorization endpoint (hybrid modern auth configured).",
        )
        .cause("EvoSts is missing or IsDefaultAuthorizationEndpoint is False on it.")
        .cause("Hybrid modern authentication was never enabled (HCW run without HMA), or OAuth is not available for this protocol or domain.")
        .source(HMA_SOURCE);
        for (text, cmd) in HMA_CHECKS {
            f = f.step(Step::with_command(*text, *cmd));
        }
        a.findings.push(f);
    }
}

fn trusted_issuer(entry: &str) -> Field {
    let mut f = Field::new("trusted_issuers", entry);
    if let Some((prefix, m, src)) = ISSUER_URLS
        .iter()
        .find(|(p, _, _)| entry.to_ascii_lowercase().starts_with(p))
    {
        let rest = &entry[prefix.len()..];
        let tenant = rest.trim_end_matches('/');
        let who = if tenant == "*" {
            "any tenant".to_string()
        } else {
            format!("tenant {tenant}")
        };
        return f.meaning(format!("{m}, {who}")).source(*src);
    }
    let (principal, realm) = entry.split_once('@').unwrap_or((entry, ""));
    let realm_text = match realm {
        "*" => "any realm (any tenant)".to_string(),
        "" => "no realm".to_string(),
        r if crate::text::is_guid(r) => format!("realm {r} (a tenant id)"),
        r => format!("realm {r}"),
    };
    match apps::app_by_id(principal) {
        Some(app) => {
            f = f
                .shown(format!("{} @ {realm_text}", app.name))
                .meaning(format!(
                    "tokens issued by {} for {realm_text} are accepted (issuer principal @ realm)",
                    app.name
                ))
                .source(app.source);
        }
        None => {
            f = f.meaning(format!(
                "tokens from issuer principal {principal} for {realm_text} are accepted"
            ));
        }
    }
    f
}

fn explain_ucwa(c: &Challenge, s: &mut Section, a: &mut Artifact) {
    for (k, v) in &c.params {
        match k.as_str() {
            "href" => s.push(
                Field::new("href", v.clone())
                    .meaning(
                        "the UCWA token issuer (WebTicket service) to request an access token from",
                    )
                    .source(UCWA_SOURCE),
            ),
            "grant_type" => {
                for g in v.split(',').map(str::trim).filter(|g| !g.is_empty()) {
                    let mut f = Field::new("grant_type", g);
                    match UCWA_GRANTS.iter().find(|(n, _)| n.eq_ignore_ascii_case(g)) {
                        Some((_, m)) => f = f.meaning(*m).source(UCWA_SOURCE),
                        None => f = f.unknown(),
                    }
                    s.push(f);
                }
            }
            _ => s.push(Field::new(k.clone(), v.clone())),
        }
    }
    a.findings.push(
        Finding::new(
            Severity::Info,
            "Skype for Business / Lync UCWA challenge (MsRtcOAuth)",
            "UCWA wants an OAuth token from the href URL, using one of the listed grant types. UCWA tokens last 8 hours for signed-in users and 1 hour for anonymous meeting join; the token is sent back as 'Authorization: Bearer cwt=...'.",
        )
        .source(UCWA_SOURCE),
    );
}

/// Explains a claims request such as `{"access_token":{"acrs":{"essential":true,"value":"c1"}}}`.
pub fn claims_request(json: &str) -> (Section, Finding) {
    let mut s = Section::new("Claims request (decoded)");
    let mut names: Vec<String> = Vec::new();
    if let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(json) {
        for (token, claims) in &top {
            let Some(claims) = claims.as_object() else {
                continue;
            };
            for (name, spec) in claims {
                let value = spec
                    .get("value")
                    .map(|v| v.to_string())
                    .or_else(|| {
                        spec.get("values")
                            .or_else(|| spec.get("Values"))
                            .map(|v| v.to_string())
                    })
                    .unwrap_or_else(|| spec.to_string());
                let value = value.trim_matches('"').to_string();
                let mut f = Field::new(format!("{token}.{name}"), value.clone());
                match CLAIMS_REQUEST
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    Some((_, m)) => f = f.meaning(*m).source(CLAIMS_SOURCE),
                    None => f = f.unknown(),
                }
                if name == "nbf" {
                    if let Ok(ts) = value.parse::<i64>() {
                        f = f.shown(crate::text::utc(ts));
                    }
                }
                if value.contains("cp1") {
                    f = f.meaning("cp1 is the client capability that says the app can handle claims challenges (it shows in tokens as xms_cc)");
                }
                s.push(f);
                names.push(name.to_ascii_lowercase());
            }
        }
    }
    let mut f = Finding::new(
        Severity::Warning,
        "Claims challenge",
        "The resource wants a new token that satisfies these claims. Apps receive claims challenges only when they declare the client capability cp1 (it shows in their tokens as the xms_cc claim).",
    )
    .source(CLAIMS_SOURCE);
    if names.iter().any(|n| n == "polids") {
        f = f.cause("Conditional Access policies (polids) require more from the user, such as MFA registration or completion.");
    }
    if names.iter().any(|n| n == "acrs") {
        f = f.cause("The resource requires a Conditional Access authentication context (acrs), for example step-up authentication.");
    }
    if names.iter().any(|n| n == "nbf") {
        f = f.cause("Continuous Access Evaluation revoked the old token (password change, session revoked, location change).");
    }
    f = f
        .step(Step::new("Drop the cached token for this resource."))
        .step(Step::new("Request a new token interactively, passing the decoded JSON (URL-encoded) in the claims parameter of the /authorize request (MSAL: WithClaims / claims option), so the user can satisfy the policy."));
    (s, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_challenges_in_one_header() {
        let (c, _) = parse_challenges("Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@1d3c9b43-0d0f-45d9-a207-99dc10fb7d4a\", token_types=\"app_asserted_user_v1 service_asserted_app_v1\", error=\"invalid_token\",Basic realm=\"mail.dummy.uk\"");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].get("error"), Some("invalid_token"));
        assert_eq!(c[1].scheme, "Basic");
        assert_eq!(c[1].get("realm"), Some("mail.dummy.uk"));
    }

    #[test]
    fn iis_plus_encoding_and_ucwa_and_negotiate() {
        let (c, _) = parse_challenges("Bearer+client_id=\"x\",+token_types=\"app_asserted_user_v1+service_asserted_app_v1\",+error=\"invalid_token\"");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].get("token_types"),
            Some("app_asserted_user_v1 service_asserted_app_v1")
        );
        let (c, _) = parse_challenges("MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\"");
        assert_eq!(
            c[0].get("href"),
            Some("https://contoso.com/WebTicket/oauthtoken")
        );
        assert!(c[0].get("grant_type").unwrap().contains("anonmeeting"));
        let (c, _) = parse_challenges("Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICooGfBIGc==");
        assert_eq!(c[0].scheme, "Negotiate");
        assert!(c[0].blob.is_some());
        let (c, _) = parse_challenges("NTLM");
        assert_eq!(c[0].scheme, "NTLM");
    }

    #[test]
    fn scan_finds_wrappers_and_skips_authorization() {
        let ctx = Context::fixed();
        assert_eq!(
            scan(
                "www-authenticate =Bearer realm=\"\", error=\"insufficient_claims\"",
                &ctx
            )
            .len(),
            1
        );
        assert_eq!(
            scan("WWW-Authenticate →Basic realm=\"mail.contoso.com\"", &ctx).len(),
            1
        );
        assert!(scan("Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.sig", &ctx).is_empty());
        assert!(scan("We use a bearer token here, and the realm of ideas.", &ctx).is_empty());
        let a = &scan("WWW-Authenticate: Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", error=\"invalid_token\"", &ctx)[0];
        assert!(a
            .findings
            .iter()
            .any(|f| f.title.contains("authorization_uri")));
        assert_eq!(
            a.evidence.challenge.as_ref().unwrap().client_id.as_deref(),
            Some("00000002-0000-0ff1-ce00-000000000000")
        );
    }

    #[test]
    fn claims_are_decoded() {
        let a = &scan("WWW-Authenticate: Bearer realm=\"\", error=\"insufficient_claims\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ==\"", &Context::fixed())[0];
        let text = crate::render::artifact_text(a);
        assert!(text.contains("access_token.acrs: cp1"), "{text}");
        assert!(text.contains("claims parameter"));
    }
}
