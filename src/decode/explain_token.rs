//! Explains a decoded token header and payload: what kind of token it is, every claim, findings.
//!
//! Shared by the compact-token decoder and the decoder of already-decoded claim JSON, so a token
//! reads the same however it was pasted.

use crate::context::Context;
use crate::decode::jwt::{compact_value, decode_compact};
use crate::knowledge::{apps, claims, roles};
use crate::report::{
    Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, TokenEvidence,
};
use crate::text::{b64_decode_lenient, duration_words, is_guid, local, relative, utc};
use serde_json::{Map, Value};

const ACCESS_TOKENS_DOC: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE;
const ACCESS_TOKENS_OVERVIEW: &str = crate::knowledge::sources::IDENTITY_PLATFORM_ACCESS_TOKENS;
const ID_TOKENS_DOC: &str = crate::knowledge::sources::IDENTITY_PLATFORM_ID_TOKEN_CLAIMS_REFERENCE;
const OPTIONAL_CLAIMS_DOC: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE;
const EXCHANGE_ID_TOKEN_DOC: &str = crate::knowledge::sources::OUTLOOK_INSIDE_THE_IDENTITY_TOKEN;
const S2S_DOC: &str =
    crate::knowledge::sources::SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST;
const MANAGED_IDENTITY_DOC: &str =
    crate::knowledge::sources::MANAGED_IDENTITIES_AZURE_RESOURCES_HOW_TO_USE_VM_TOKEN;
const CERTIFICATE_CREDENTIALS_DOC: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS;
const ACS_RETIREMENT_DOC: &str =
    crate::knowledge::sources::SP_ADD_INS_RETIREMENT_ANNOUNCEMENT_FOR_AZURE_ACS;
/// 2026-04-02T00:00:00Z, when Azure ACS stops working for SharePoint Online (ACS_RETIREMENT_DOC).
const ACS_END: i64 = 1_775_088_000;
const ACS_ISSUER: &str = "00000001-0000-0000-c000-000000000000";
const MSA_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";
/// Clock skew that token validators usually allow, in seconds.
const SKEW: i64 = 300;

/// The decoded parts of a token, however they were obtained.
pub struct TokenInput<'a> {
    pub header: &'a Map<String, Value>,
    pub payload: Option<&'a Map<String, Value>>,
    /// The payload as text when it is not a JSON object (or could not be parsed).
    pub payload_text: Option<String>,
    /// The signature segment, `None` when the token was cut after the payload.
    pub signature: Option<&'a str>,
    /// The compact form, `None` for claim sets that were pasted already decoded.
    pub compact: Option<&'a str>,
    /// Parts beyond the third (a sign of a broken copy).
    pub extra_parts: usize,
    /// Nesting depth (actor tokens inside S2S tokens).
    pub depth: u8,
    /// The copy ended in `...` or `…`: a user interface shortened it.
    pub shortened: bool,
    /// The payload was cut, and only the claims before the cut could be read.
    pub payload_partial: bool,
}

impl<'a> TokenInput<'a> {
    /// A header and payload that were pasted already decoded: no compact form, no signature.
    pub fn decoded(
        header: &'a Map<String, Value>,
        payload: Option<&'a Map<String, Value>>,
    ) -> Self {
        TokenInput {
            header,
            payload,
            payload_text: None,
            signature: None,
            compact: None,
            extra_parts: 0,
            depth: 0,
            shortened: false,
            payload_partial: false,
        }
    }
}

/// What kind of token the claims describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenType {
    EntraAccess,
    EntraId,
    ExchangeIdentity,
    ExchangeCallback,
    S2sActor,
    S2sOuter,
    B2c,
    Adfs,
    /// A JWT an app signs to authenticate itself at the token endpoint (`client_assertion`).
    ClientAssertion,
    /// An Entra token whose payload was cut before the claims that tell access and ID tokens apart.
    EntraUncertain,
    Generic,
}

/// Who the token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Principal {
    AppOnly,
    Delegated,
    Unknown,
}

fn s<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key).and_then(Value::as_str)
}

/// A claim as a string, whether it was sent as a string or a number.
fn text_of(map: &Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(v) => Some(v.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A time claim as Unix seconds: numbers and numeric strings (S2S tokens) are both accepted.
fn time_of(map: &Map<String, Value>, key: &str) -> Option<i64> {
    match map.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(v) => v.trim().parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    }
}

/// Times above this are not Unix seconds (year 5138 and later): usually milliseconds.
const LARGEST_SECONDS: i64 = 100_000_000_000;

/// Whether any of the time claims is written in milliseconds instead of seconds.
fn times_in_milliseconds(map: &Map<String, Value>) -> bool {
    ["exp", "nbf", "iat"]
        .iter()
        .any(|k| time_of(map, k).is_some_and(|t| t >= LARGEST_SECONDS))
}

/// The parts of an Azure resource id in `xms_mirid`: (user-assigned?, name, resource group, kind).
fn managed_identity_parts(mirid: &str) -> Option<(bool, String, String, String)> {
    let segments: Vec<&str> = mirid.trim_matches('/').split('/').collect();
    let after = |key: &str| {
        segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case(key))
            .and_then(|i| segments.get(i + 1))
            .map(|s| s.to_string())
    };
    let group = after("resourcegroups").unwrap_or_default();
    let providers = segments
        .iter()
        .position(|s| s.eq_ignore_ascii_case("providers"))?;
    let rest = segments.get(providers + 1..)?;
    let name = rest.last()?.to_string();
    let kind = rest
        .get(..rest.len().saturating_sub(1))
        .map(|k| k.join("/"))
        .unwrap_or_default();
    let user_assigned = kind
        .to_ascii_lowercase()
        .ends_with("userassignedidentities");
    Some((user_assigned, name, group, kind))
}

/// A permission list with the meaning of every well-known value.
fn permissions_text(values: &[String]) -> String {
    values
        .iter()
        .map(|v| match claims::permission(v) {
            Some(p) => format!("{v}: {}", p.meaning),
            None => v.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A value inside the `appctx` claim (a JSON object sent as a string).
fn appctx_text(p: &Map<String, Value>, key: &str) -> Option<String> {
    let ctx: Value = serde_json::from_str(s(p, "appctx")?).ok()?;
    ctx.get(key).map(compact_value)
}

fn list_of(map: &Map<String, Value>, key: &str) -> Vec<String> {
    match map.get(key) {
        Some(Value::String(v)) => v.split_whitespace().map(str::to_string).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// The tenant segment of an Entra issuer URL, when there is one.
fn issuer_tenant(iss: &str) -> Option<&str> {
    let rest = iss.split("://").nth(1)?;
    let mut segments = rest.split('/');
    let _host = segments.next()?;
    let tenant = segments.next()?;
    if tenant.is_empty() || tenant == "adfs" {
        None
    } else {
        Some(tenant)
    }
}

/// Classifies an issuer in words.
pub fn describe_issuer(iss: &str) -> String {
    let lower = iss.to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("");
    let cloud = if host.ends_with(".us") || host.contains("usgovcloudapi") {
        " (US Government cloud)"
    } else if host.ends_with(".cn") || host.contains("chinacloudapi") {
        " (China cloud, operated by 21Vianet)"
    } else if host.ends_with(".de") {
        " (Microsoft Cloud Deutschland, closed in 2021)"
    } else {
        ""
    };
    if !lower.contains("://") && lower.contains('@') {
        let (principal, realm) = lower.split_once('@').unwrap_or((&lower, ""));
        let who = apps::app_by_id(principal)
            .map(|a| a.name.to_string())
            .unwrap_or_else(|| format!("issuer id {principal}"));
        return format!(
            "S2S issuer in principal@realm form: {who}, realm (tenant) {}",
            if realm.is_empty() { "(none)" } else { realm }
        );
    }
    if host.starts_with("sts.windows.net") || host.starts_with("sts.chinacloudapi.cn") {
        return format!("Microsoft Entra ID v1.0 issuer (sts host){cloud}");
    }
    if host.ends_with("b2clogin.com") || lower.contains("b2clogin") {
        return "Azure AD B2C issuer".to_string();
    }
    if lower.contains("/adfs") {
        return "AD FS issuer (on-premises federation service)".to_string();
    }
    if host.starts_with("login.")
        || host.starts_with("login-us.")
        || host.contains("microsoftonline")
    {
        if lower.trim_end_matches('/').ends_with("/v2.0") {
            return format!("Microsoft Entra ID v2.0 issuer{cloud}");
        }
        return format!("Microsoft Entra ID issuer{cloud}");
    }
    if host.contains("login.live.com") {
        return "Microsoft account (consumer) issuer".to_string();
    }
    "Not a Microsoft Entra issuer".to_string()
}

/// Names an application or resource from a GUID, a resource URI or an S2S audience.
pub fn describe_app(value: &str) -> Option<String> {
    if let Some(app) = apps::app_by_id(value) {
        return Some(app.name.to_string());
    }
    if let Some(resource) = apps::resource_by_uri(value) {
        return Some(resource.name.to_string());
    }
    if let Some(resource) = apps::resource_by_host_suffix(value) {
        return Some(format!(
            "{} at {}",
            resource.name,
            value.trim_end_matches('/')
        ));
    }
    if value.eq_ignore_ascii_case(apps::WORKLOAD_FEDERATION_AUDIENCE.host) {
        return Some(apps::WORKLOAD_FEDERATION_AUDIENCE.name.to_string());
    }
    // S2S audience: <principal>/<host>@<realm>.
    if let Some((principal, _)) = value.split_once('/') {
        if let Some(app) = apps::app_by_id(principal) {
            return Some(app.name.to_string());
        }
    }
    if let Some((principal, _)) = value.split_once('@') {
        if let Some(app) = apps::app_by_id(principal) {
            return Some(app.name.to_string());
        }
    }
    None
}

/// The authentication method of a confidential client, from `appidacr` / `azpacr`.
pub fn describe_acr(value: &str) -> &'static str {
    match value {
        "0" => "public client: the app did not authenticate (no client secret or certificate)",
        "1" => "client secret: the app authenticated with a shared secret (password)",
        "2" => "certificate: the app authenticated with a certificate or signed client assertion (also managed identities)",
        _ => "unknown value",
    }
}

/// Converts a `uti` value (base64url of a .NET GUID) to the request id that sign-in logs show.
pub fn uti_to_guid(uti: &str) -> Option<String> {
    let b = b64_decode_lenient(uti)?;
    if b.len() != 16 {
        return None;
    }
    Some(format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
    ))
}

fn token_type(header: &Map<String, Value>, p: &Map<String, Value>) -> TokenType {
    let appctx_version = s(p, "appctx")
        .and_then(|a| serde_json::from_str::<Value>(a).ok())
        .and_then(|v| v.get("version").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();
    if appctx_version.starts_with("ExIdTok") {
        return TokenType::ExchangeIdentity;
    }
    if appctx_version.starts_with("ExCallback")
        || p.contains_key("msexchcallback")
        || appctx_version.starts_with("MsExtension")
    {
        return TokenType::ExchangeCallback;
    }
    let alg = s(header, "alg").unwrap_or("");
    if p.contains_key("actortoken") {
        return TokenType::S2sOuter;
    }
    let iss = s(p, "iss").unwrap_or("");
    if p.contains_key("nameid") && !iss.contains("://") && iss.contains('@') {
        return TokenType::S2sActor;
    }
    if alg.eq_ignore_ascii_case("none") && !iss.contains("://") && iss.contains('@') {
        return TokenType::S2sOuter;
    }
    if is_token_endpoint(&text_of(p, "aud").unwrap_or_default()) && !iss.contains("://") {
        return TokenType::ClientAssertion;
    }
    let lower = iss.to_ascii_lowercase();
    if lower.contains("b2clogin") {
        return TokenType::B2c;
    }
    if lower.contains("/adfs") {
        return TokenType::Adfs;
    }
    let entra = lower.contains("sts.windows.net")
        || lower.contains("login.microsoftonline")
        || lower.contains("sts.chinacloudapi.cn")
        || lower.contains("login.chinacloudapi.cn")
        || lower.contains("login.partner.microsoftonline.cn")
        || lower.contains("login.windows.net")
        || lower.contains("login.microsoft.com")
        || lower.contains("login-us.microsoftonline.com");
    let access = p.contains_key("scp")
        || p.contains_key("roles")
        || p.contains_key("appid")
        || p.contains_key("azp")
        || p.contains_key("idtyp");
    if entra || p.contains_key("tid") {
        if access && !p.contains_key("nonce") {
            return TokenType::EntraAccess;
        }
        if p.contains_key("nonce") || p.contains_key("at_hash") || p.contains_key("c_hash") {
            return TokenType::EntraId;
        }
        if access {
            return TokenType::EntraAccess;
        }
        return TokenType::EntraId;
    }
    TokenType::Generic
}

/// Whether an audience is an Entra token endpoint, the audience of a client assertion.
fn is_token_endpoint(aud: &str) -> bool {
    let lower = aud.to_ascii_lowercase();
    let path = lower.split('?').next().unwrap_or("").trim_end_matches('/');
    lower.starts_with("https://")
        && (path.ends_with("/oauth2/v2.0/token") || path.ends_with("/oauth2/token"))
}

/// Whether the claims before a cut could still hold the claims that make an access token.
fn cut_may_hide_access_claims(p: &Map<String, Value>) -> bool {
    ![
        "scp", "roles", "appid", "azp", "idtyp", "nonce", "at_hash", "c_hash",
    ]
    .iter()
    .any(|c| p.contains_key(*c))
}

fn principal(kind: TokenType, p: &Map<String, Value>) -> Principal {
    match s(p, "idtyp") {
        Some("app") => return Principal::AppOnly,
        Some("user") => return Principal::Delegated,
        _ => {}
    }
    match kind {
        TokenType::S2sActor | TokenType::ClientAssertion => return Principal::AppOnly,
        TokenType::S2sOuter | TokenType::ExchangeIdentity | TokenType::EntraId => {
            return Principal::Delegated
        }
        _ => {}
    }
    if kind == TokenType::Generic {
        return match s(p, "gty") {
            Some("client-credentials") => Principal::AppOnly,
            _ if p.contains_key("uid") || p.contains_key("email") => Principal::Delegated,
            _ => Principal::Unknown,
        };
    }
    if p.contains_key("scp") {
        return Principal::Delegated;
    }
    let user_claims = [
        "upn",
        "unique_name",
        "preferred_username",
        "name",
        "email",
        "given_name",
    ]
    .iter()
    .any(|c| p.contains_key(*c));
    let oid_is_sub = s(p, "oid").is_some() && s(p, "oid") == s(p, "sub");
    if kind == TokenType::EntraUncertain {
        return if user_claims {
            Principal::Delegated
        } else {
            Principal::Unknown
        };
    }
    if kind == TokenType::EntraAccess {
        if p.contains_key("roles") && (oid_is_sub || !user_claims) {
            return Principal::AppOnly;
        }
        if !user_claims && (p.contains_key("appid") || p.contains_key("azp")) {
            return Principal::AppOnly;
        }
        if user_claims {
            return Principal::Delegated;
        }
    }
    Principal::Unknown
}

fn version(p: &Map<String, Value>) -> Option<String> {
    let ver = text_of(p, "ver")?;
    Some(if ver == "1.0" || ver == "1" {
        "v1".to_string()
    } else if ver == "2.0" || ver == "2" {
        "v2".to_string()
    } else {
        format!("ver {ver}")
    })
}

/// The key of the first certificate of the header's x5c chain, named as the token's own.
fn x5c_key(header: &Map<String, Value>, ctx: &Context) -> Option<crate::report::KeyEvidence> {
    let der = header
        .get("x5c")?
        .as_array()?
        .iter()
        .find_map(|c| c.as_str().and_then(b64_decode_lenient))?;
    let cert = crate::decode::cert::certificate_artifact(&der, Span::default(), ctx)?;
    let mut key = cert.evidence.keys.into_iter().next()?;
    key.label = format!("the token's own x5c certificate ({})", key.label);
    Some(key)
}

/// Builds the artifact for a decoded token.
pub fn explain(input: &TokenInput<'_>, span: Span, ctx: &Context) -> Artifact {
    let header = input.header;
    let decoded_only = input.compact.is_none();
    let kind = if decoded_only {
        ArtifactKind::DecodedClaims
    } else {
        ArtifactKind::Jwt
    };
    let mut artifact = Artifact::new(kind, span, "JSON Web Token");
    let alg = s(header, "alg").unwrap_or("").to_string();
    let mut evidence = TokenEvidence {
        decoded_only,
        compact: input.compact.map(str::to_string),
        alg: (!alg.is_empty()).then(|| alg.clone()),
        kid: text_of(header, "kid"),
        x5t: text_of(header, "x5t"),
        header_nonce: text_of(header, "nonce"),
        ..Default::default()
    };
    artifact.evidence.header_keys = x5c_key(header, ctx).into_iter().collect();

    if !header.is_empty() {
        header_findings(header, &mut artifact);
    }
    if input.shortened || input.payload_partial {
        let (title, detail) = if input.payload_partial {
            (
                "Token cut inside its payload",
                format!(
                    "The copy stops in the middle of the payload{}, so only the {} claims before the cut could be read; the rest of the claims and the signature are lost, and no API will accept this copy.",
                    if input.shortened { " (it ends with ... or …, as a user interface shortens long values)" } else { "" },
                    input.payload.map_or(0, Map::len)
                ),
            )
        } else {
            (
                "Token shortened when copied",
                "The copy ends with ... or …: the tool it was copied from shortened it for display, so the end of the token (here the signature) is missing. The claims below could be read, but this copy cannot be verified or used.".to_string(),
            )
        };
        artifact.findings.push(
            Finding::new(Severity::Warning, title, detail)
                .step(crate::report::Step::new("Copy the whole value: in browser developer tools use Copy value on the request header, in PowerShell pipe the token to Set-Clipboard, or log it in full.")),
        );
    }

    let Some(p) = input.payload else {
        if !header.is_empty() {
            artifact.sections.push(header_section(header));
        }
        artifact.title = "JWT with an unreadable payload".to_string();
        artifact.verdict =
            "The header decoded, but the payload is not a JSON object, so no claims can be shown."
                .to_string();
        let detail = match &input.payload_text {
            Some(t) if !t.trim().is_empty() => format!(
                "The payload decoded to text that is not JSON: {}",
                crate::text::ellipsis(t, 120)
            ),
            _ => "The payload segment is missing or is not valid base64url; the token may have been cut or altered when copied.".to_string(),
        };
        artifact.findings.push(Finding::new(
            Severity::Error,
            "Payload cannot be read",
            detail,
        ));
        artifact.raw_json = serde_json::to_string_pretty(&Value::Object(header.clone())).ok();
        artifact.evidence.token = Some(evidence);
        return artifact;
    };

    let mut ttype = token_type(header, p);
    if input.payload_partial && ttype == TokenType::EntraId && cut_may_hide_access_claims(p) {
        ttype = TokenType::EntraUncertain;
    }
    let who = principal(ttype, p);
    // Other identity providers use ver for their own numbering (Okta writes 1), not Entra's format.
    let ver = if matches!(ttype, TokenType::Generic | TokenType::ClientAssertion) {
        None
    } else {
        version(p)
    };
    let aud = text_of(p, "aud").or_else(|| list_of(p, "aud").first().cloned());
    let appid = text_of(p, "appid").or_else(|| text_of(p, "azp"));
    let acr = text_of(p, "appidacr").or_else(|| text_of(p, "azpacr"));
    let tid = text_of(p, "tid");
    let iss = text_of(p, "iss");
    let roles = list_of(p, "roles");
    let scopes = list_of(p, "scp");
    let exp = time_of(p, "exp");
    let nbf = time_of(p, "nbf");
    let iat = time_of(p, "iat");

    evidence.app_only = who == Principal::AppOnly;
    evidence.delegated = who == Principal::Delegated;
    evidence.appidacr = acr.clone();
    evidence.aud = aud.clone();
    evidence.tid = tid.clone().or_else(|| {
        iss.as_deref()
            .and_then(|i| i.split_once('@'))
            .map(|(_, realm)| realm.to_string())
    });
    evidence.appid = appid
        .clone()
        .or_else(|| {
            (ttype == TokenType::ClientAssertion)
                .then(|| iss.clone())
                .flatten()
        })
        .or_else(|| text_of(p, "nameid").map(|n| n.split('@').next().unwrap_or("").to_string()));
    evidence.roles = roles.clone();
    evidence.scopes = scopes.clone();
    evidence.issuer = iss.clone();
    evidence.exp = exp;
    // A JWT addressed to an Entra token endpoint by an app (not a URL issuer) is a client assertion.
    evidence.client_assertion = s(p, "aud").is_some_and(|a| {
        let a = a.to_ascii_lowercase();
        a.contains("/oauth2/") && a.trim_end_matches('/').ends_with("/token")
    }) && s(p, "iss").is_some_and(|i| !i.contains("://"));

    // Title and verdict.
    let ver_text = ver.clone().map(|v| format!(" ({v})")).unwrap_or_default();
    let base_title = match ttype {
        TokenType::EntraAccess => format!("Microsoft Entra access token{ver_text}"),
        TokenType::EntraId => format!("Microsoft Entra ID token{ver_text}"),
        TokenType::ExchangeIdentity => {
            "Exchange identity token (Outlook add-in, ExIdTok.V1)".to_string()
        }
        TokenType::ExchangeCallback => "Exchange callback token (add-in REST/EWS)".to_string(),
        TokenType::S2sActor => "S2S app-only actor token (server-to-server)".to_string(),
        TokenType::S2sOuter => "S2S user+app outer token (server-to-server)".to_string(),
        TokenType::B2c => "Azure AD B2C token".to_string(),
        TokenType::Adfs => "AD FS token".to_string(),
        TokenType::ClientAssertion => {
            "Client assertion (an app's signed credential for the token endpoint)".to_string()
        }
        TokenType::EntraUncertain => {
            format!("Microsoft Entra token{ver_text}, type uncertain (payload cut)")
        }
        TokenType::Generic => "JSON Web Token".to_string(),
    };
    artifact.title = if decoded_only {
        format!("Decoded claims: {base_title}")
    } else {
        base_title
    };

    let audiences = {
        let all = list_of(p, "aud");
        if all.is_empty() {
            aud.iter().cloned().collect::<Vec<_>>()
        } else {
            all
        }
    };
    let name_resource = |a: &str| match describe_app(a) {
        Some(name) => name,
        None if is_guid(a) => format!("the API with app id {a}"),
        None => a.to_string(),
    };
    let resource = aud.as_deref().map(name_resource);
    let resources_text = (!audiences.is_empty()).then(|| {
        audiences
            .iter()
            .map(|a| name_resource(a))
            .collect::<Vec<_>>()
            .join(" and ")
    });
    let managed_identity = s(p, "xms_mirid").and_then(managed_identity_parts);
    let app_name = appid.as_deref().and_then(|app| {
        describe_app(app)
            .or_else(|| {
                managed_identity.as_ref().map(|(user, name, _, _)| {
                    if *user {
                        format!("user-assigned managed identity {name}")
                    } else {
                        format!("managed identity of {name}")
                    }
                })
            })
            .or_else(|| text_of(p, "app_displayname"))
    });
    let user = text_of(p, "upn")
        .or_else(|| text_of(p, "preferred_username"))
        .or_else(|| text_of(p, "unique_name"))
        .or_else(|| text_of(p, "email"))
        .or_else(|| list_of(p, "emails").first().cloned());
    let who_text = match who {
        Principal::AppOnly => "App-only",
        Principal::Delegated => "Delegated (user)",
        Principal::Unknown => "",
    };
    let app_text = appid.as_ref().map(|app| match &app_name {
        Some(name) if managed_identity.is_some() && describe_app(app).is_none() => {
            format!("{name} ({app})")
        }
        Some(name) => format!("app {name} ({app})"),
        None => format!("app {app}"),
    });
    let acr_text = acr.as_ref().map(|a| {
        let claim = if p.contains_key("appidacr") {
            "appidacr"
        } else {
            "azpacr"
        };
        let how = match a.as_str() {
            "0" => "as a public client, with no secret or certificate",
            "1" => "with a client secret",
            "2" => "with a certificate",
            _ => "by an unknown method",
        };
        format!(" that authenticated {how} ({claim} {a})")
    });
    let mut verdict = String::new();
    let mut add = |text: String| verdict.push_str(&text);
    match ttype {
        TokenType::EntraAccess | TokenType::Adfs => {
            let article = if who_text.is_empty() { "An" } else { who_text };
            if ttype == TokenType::Adfs {
                let host = iss
                    .as_deref()
                    .and_then(|i| i.split("://").nth(1))
                    .and_then(|r| r.split('/').next())
                    .unwrap_or("an AD FS server");
                add(format!(
                    "{article} access token{ver_text} from AD FS at {host} (on-premises federation, not Microsoft Entra ID)"
                ));
            } else {
                add(format!("{article} access token{ver_text}"));
            }
            if let Some(r) = &resources_text {
                add(format!(" for {r}"));
            }
            if let Some(app) = &app_text {
                add(format!(", issued to {app}"));
            }
            if let Some(how) = &acr_text {
                add(how.clone());
            }
            if who == Principal::Delegated {
                if let Some(u) = &user {
                    add(format!(", for user {u}"));
                }
            }
        }
        TokenType::EntraId => {
            add(format!(
                "ID token{ver_text} proving that {} signed in to app {}",
                user.as_deref().unwrap_or("a user"),
                aud.as_deref()
                    .map(|a| describe_app(a).map_or(a.to_string(), |n| format!("{n} ({a})")))
                    .unwrap_or_else(|| "(no aud)".to_string())
            ));
        }
        TokenType::B2c => {
            let policy = text_of(p, "tfp").or_else(|| text_of(p, "acr"));
            let kind_word = if p.contains_key("nonce") || p.contains_key("at_hash") {
                "ID token"
            } else {
                "token"
            };
            add(format!("Azure AD B2C {kind_word}"));
            if let Some(pol) = policy {
                add(format!(" from the user flow or custom policy {pol}"));
            }
            if let Some(a) = &aud {
                add(format!(" for app {a}"));
            }
            if let Some(u) = &user {
                add(format!(", for user {u}"));
            }
        }
        TokenType::ExchangeIdentity => {
            add("Exchange identity token for an Outlook add-in: it identifies the mailbox user to the add-in's own back end".to_string());
            if let Some(a) = &aud {
                add(format!(" at {a}"));
            }
        }
        TokenType::ExchangeCallback => {
            add("Exchange callback token that lets an Outlook add-in's back end call back into the user's mailbox (EWS or REST)".to_string());
            if let Some(u) = appctx_text(p, "smtp") {
                add(format!(" of {u}"));
            }
            if appctx_text(p, "scope").is_some() {
                add(", scoped to one item".to_string());
            }
        }
        TokenType::ClientAssertion => {
            let client = iss.as_deref().unwrap_or("(no iss)");
            let client_name = describe_app(client)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let signed = if header.contains_key("x5t#S256") || header.contains_key("x5t") {
                "signs with its certificate"
            } else {
                "signed"
            };
            add(format!(
                "Client assertion that app {client}{client_name} {signed} to prove its identity to the Entra token endpoint {} (a certificate credential: access tokens it gets carry appidacr or azpacr 2); it is a credential for the token request only and must never be sent to an API",
                aud.as_deref().unwrap_or("(no aud)")
            ));
        }
        TokenType::EntraUncertain => {
            add("A Microsoft Entra token cut before the claims that tell an access token (scp, roles, azp or appid) from an ID token (nonce) could be read, so its type is uncertain".to_string());
            if let Some(u) = &user {
                add(format!(", for user {u}"));
            }
            if let Some(r) = &resources_text {
                add(format!(", audience {r}"));
            }
        }
        TokenType::S2sActor if s(p, "iss").is_some_and(|i| i.starts_with(ACS_ISSUER)) => {
            add("App-only token from Azure Access Control Service (ACS)".to_string());
            if let Some(r) = &resource {
                add(format!(" for {r}"));
            }
            if let Some(n) = text_of(p, "nameid") {
                add(format!(
                    ", issued to the add-in or app {} (registered in SharePoint with AppRegNew.aspx, authenticated with its client secret)",
                    n.split('@').next().unwrap_or(&n)
                ));
            }
        }
        TokenType::S2sActor => {
            add("App-only server-to-server (S2S) actor token".to_string());
            if let Some(r) = &resource {
                add(format!(" for {r}"));
            }
            if let Some(n) = text_of(p, "nameid") {
                add(format!(", naming the calling app {n}"));
            }
        }
        TokenType::S2sOuter => {
            add("Unsigned S2S outer token that carries a user context; the signed actor token inside it is what carries the trust".to_string());
        }
        TokenType::Generic => {
            let from = iss.as_deref().map(|i| match apps::foreign_issuer(i) {
                Some(known) => format!(" from {} ({i})", known.name),
                None => format!(" from {i}"),
            });
            let id_token = p.contains_key("nonce") || p.contains_key("at_hash");
            let at_jwt = s(header, "typ").is_some_and(|t| t.eq_ignore_ascii_case("at+jwt"));
            let (article, noun) = if id_token {
                ("An", "OpenID Connect ID token")
            } else if at_jwt {
                ("An", "access token (RFC 9068, typ at+jwt)")
            } else {
                ("A", "JSON Web Token")
            };
            let lead = match who {
                Principal::AppOnly if !id_token => format!("An app-only {noun}"),
                _ => format!("{article} {noun}"),
            };
            add(format!(
                "{lead}{}, not a Microsoft Entra token",
                from.unwrap_or_default()
            ));
            if let Some(r) = &resources_text {
                add(format!(", for {r}"));
            }
            if let Some(client) = text_of(p, "azp")
                .or_else(|| text_of(p, "client_id"))
                .or_else(|| text_of(p, "cid"))
            {
                add(format!(", issued to client {client}"));
            }
            if let Some(subject) = user.clone().or_else(|| text_of(p, "sub")) {
                add(format!(", about {subject}"));
            }
        }
    }
    if let Some(t) = &evidence.tid {
        if !matches!(
            ttype,
            TokenType::Generic | TokenType::Adfs | TokenType::ClientAssertion
        ) {
            add(format!(", in tenant {t}"));
        }
    }
    add(expiry_words(p, ctx));
    if ttype == TokenType::EntraId {
        add("; it is meant for that app, not as an access token for an API".to_string());
    }
    verdict.push('.');
    artifact.verdict = verdict;

    // Summary section.
    let mut summary = Section::new("Summary");
    summary.push(Field::new("Token type", artifact.title.clone()));
    if let Some(v) = &ver {
        summary.push(Field::new("Format version", v.clone()).meaning(
            "v1 and v2 differ in claim names and issuer; the API's accessTokenAcceptedVersion chooses the format, not the endpoint the client used",
        ));
    }
    match who {
        _ if matches!(
            ttype,
            TokenType::EntraId | TokenType::ClientAssertion | TokenType::EntraUncertain
        ) => {}
        Principal::AppOnly => summary.push(
            Field::new("Acts as", "the application itself (app-only)")
                .meaning("No user is involved: client credentials flow, managed identity or daemon; permissions come from application permissions in roles"),
        ),
        Principal::Delegated => summary.push(
            Field::new("Acts as", "a signed-in user (delegated)")
                .meaning("The app acts on behalf of the user; permissions are the delegated scopes in scp, limited by what the user may do"),
        ),
        Principal::Unknown => {}
    }
    let aud_label = match ttype {
        TokenType::EntraId => "App signed in to (aud)",
        TokenType::ClientAssertion => "Token endpoint (aud)",
        _ => "Resource (aud)",
    };
    match (&resource, aud.as_deref()) {
        // A GUID that no table names would only be repeated; say what to do with it instead.
        (Some(_), Some(a)) if is_guid(a) && describe_app(a).is_none() => summary.push(
            Field::new(aud_label, a.to_string())
                .shown("not a well-known Microsoft app: find this Application (client) ID under App registrations or Enterprise applications"),
        ),
        (Some(r), Some(a)) if ttype != TokenType::ClientAssertion => {
            summary.push(Field::new(aud_label, a.to_string()).shown(r.clone()))
        }
        (_, Some(a)) => summary.push(Field::new(aud_label, a.to_string())),
        _ => {}
    }
    let client_id = appid.clone().or_else(|| {
        (ttype == TokenType::ClientAssertion)
            .then(|| iss.clone())
            .flatten()
    });
    if let Some(app) = &client_id {
        let mut f = Field::new("Client app", app.clone());
        if let Some(name) = &app_name {
            f = f.shown(name.clone());
        }
        summary.push(f);
    }
    if let Some(a) = &acr {
        summary.push(Field::new("App authentication", a.clone()).shown(describe_acr(a)));
    }
    if !roles.is_empty() {
        let label = if who == Principal::Delegated {
            "App roles of the user (roles)"
        } else {
            "Application permissions (roles)"
        };
        summary.push(Field::new(label, roles.join(", ")).shown(permissions_text(&roles)));
    }
    if !scopes.is_empty() {
        summary.push(
            Field::new("Delegated permissions (scp)", scopes.join(" "))
                .shown(permissions_text(&scopes)),
        );
    }
    if let Some(user) = user
        .clone()
        .or_else(|| text_of(p, "smtp"))
        .or_else(|| appctx_text(p, "smtp"))
    {
        summary.push(Field::new("User", user));
    }
    let amr = list_of(p, "amr");
    if !amr.is_empty() {
        let shown = amr
            .iter()
            .map(|v| {
                claims::amr(v).map_or(format!("{v} (unknown method)"), |a| {
                    a.meaning.trim_end_matches('.').to_string()
                })
            })
            .collect::<Vec<_>>()
            .join(" + ");
        summary.push(
            Field::new("User sign-in methods (amr)", amr.join(", "))
                .shown(shown)
                .meaning("How the user proved who they are when this sign-in happened"),
        );
    }
    if let Some(t) = &evidence.tid {
        let mut f = Field::new("Tenant", t.clone());
        if t == MSA_TENANT {
            f = f.shown("Microsoft account (consumer) tenant");
        } else if let Some(app) = apps::app_by_id(t) {
            f = f.shown(app.name);
        }
        summary.push(f);
    }
    if let Some(i) = &iss {
        let shown = if ttype == TokenType::ClientAssertion {
            "the client app itself (a client assertion is self-issued)".to_string()
        } else {
            describe_issuer(i)
        };
        summary.push(Field::new("Issuer", i.clone()).shown(shown));
    }
    if let Some(i) = iat {
        summary.push(Field::new("Issued", utc(i)).shown(relative(i, ctx.now)));
    }
    if let Some(e) = exp {
        let state = if e < ctx.now { "expired" } else { "expires" };
        summary
            .push(Field::new("Expires", utc(e)).shown(format!("{state} {}", relative(e, ctx.now))));
    }
    if let (Some(start), Some(e)) = (nbf.or(iat), exp) {
        let (usual, source) = usual_lifetime(ttype, who, p);
        let mut f = Field::new("Lifetime", duration_words(e - start)).meaning(usual);
        if let Some(src) = source {
            f = f.source(src);
        }
        summary.push(f);
    }
    artifact.sections.push(summary);
    if !header.is_empty() {
        artifact.sections.push(header_section(header));
    }

    // Claims.
    let mut claims_section = Section::new("Payload claims");
    for (name, value) in p {
        claims_section.push(claim_field(name, value, p, ctx, (ttype, who)));
    }
    artifact.sections.push(claims_section);

    // Signature.
    if !decoded_only {
        artifact
            .sections
            .push(signature_section(input, &alg, &mut artifact.findings));
    }

    // Findings about the claims.
    claim_findings(
        &mut artifact.findings,
        (ttype, who),
        p,
        header,
        &evidence,
        ctx,
        decoded_only,
        input.payload_partial,
    );

    // Nested actor token.
    if let Some(actor) = s(p, "actortoken") {
        if input.depth < 3 {
            if let Some(child) = decode_compact(actor.trim(), span, ctx, input.depth + 1) {
                artifact.children.push(child);
            } else {
                artifact.findings.push(Finding::new(
                    Severity::Warning,
                    "Actor token cannot be decoded",
                    "The actortoken claim should hold a signed JWT (the app-only actor token); it does not decode as one.",
                ));
            }
        }
    }

    let raw = serde_json::json!({ "header": header, "payload": p });
    artifact.raw_json = serde_json::to_string_pretty(&raw).ok();
    artifact.evidence.token = Some(evidence);
    artifact
}

/// What lifetime is usual for this kind of token, in words, with a source when there is one.
fn usual_lifetime(
    ttype: TokenType,
    who: Principal,
    p: &Map<String, Value>,
) -> (&'static str, Option<&'static str>) {
    match ttype {
        TokenType::EntraAccess if p.contains_key("xms_mirid") => (
            "Managed identity tokens are cached by Azure and have been seen to live about 24 hours",
            Some(MANAGED_IDENTITY_DOC),
        ),
        TokenType::EntraAccess if list_of(p, "xms_cc").iter().any(|c| c == "cp1") => (
            "Entra access tokens live 60 to 90 minutes by default; this client supports continuous access evaluation, so CAE-enabled resources may give it up to 28 hours",
            Some(ACCESS_TOKENS_OVERVIEW),
        ),
        TokenType::EntraAccess if who == Principal::AppOnly => (
            "App-only Entra access tokens live 60 to 90 minutes by default; the client asks for a new one, there is no refresh token",
            Some(ACCESS_TOKENS_OVERVIEW),
        ),
        TokenType::EntraAccess | TokenType::EntraUncertain => (
            "Entra access tokens live 60 to 90 minutes by default (a random value in that range), longer only with continuous access evaluation or a token lifetime policy",
            Some(ACCESS_TOKENS_OVERVIEW),
        ),
        TokenType::EntraId => (
            "Entra ID tokens are valid for 1 hour by default",
            Some(crate::knowledge::sources::IDENTITY_PLATFORM_CONFIGURABLE_TOKEN_LIFETIMES),
        ),
        TokenType::ExchangeIdentity => (
            "Exchange identity tokens live 8 hours",
            Some(EXCHANGE_ID_TOKEN_DOC),
        ),
        TokenType::ExchangeCallback => (
            "Exchange callback tokens live about 8 hours, and only minutes when scoped to one item (from Exchange code, not documented)",
            None,
        ),
        TokenType::ClientAssertion => (
            "A client assertion is made for one token request and should live only minutes; Entra refuses it outside nbf to exp (AADSTS700024)",
            Some(CERTIFICATE_CREDENTIALS_DOC),
        ),
        TokenType::B2c => (
            "Azure AD B2C access and ID tokens live 60 minutes by default (5 to 1440 minutes, set on the user flow or policy)",
            Some(crate::knowledge::sources::ACTIVE_DIRECTORY_B2C_CONFIGURE_TOKENS),
        ),
        TokenType::S2sActor | TokenType::S2sOuter => (
            "Set by the issuer of the server-to-server token (ACS, SharePoint, Exchange or the add-in's own certificate)",
            None,
        ),
        TokenType::Adfs => (
            "Set by AD FS (AccessTokenLifetime of the relying party or application group)",
            None,
        ),
        TokenType::Generic => ("Set by the issuer", None),
    }
}

/// The end of the verdict: whether the token can be used now, in words.
fn expiry_words(p: &Map<String, Value>, ctx: &Context) -> String {
    if times_in_milliseconds(p) {
        return ", with its times written in milliseconds instead of seconds, so validators misread them".to_string();
    }
    let exp = time_of(p, "exp");
    let start = [time_of(p, "nbf"), time_of(p, "iat")]
        .into_iter()
        .flatten()
        .max();
    match (exp, start) {
        (Some(e), Some(st)) if st >= e => {
            ", never valid (it expires before it was issued)".to_string()
        }
        (Some(e), _) if e < ctx.now => format!(", expired {}", relative(e, ctx.now)),
        (Some(e), _) => match time_of(p, "nbf").filter(|n| *n > ctx.now + SKEW) {
            Some(n) => format!(
                ", not valid until {} ({}) and then for {}",
                utc(n),
                relative(n, ctx.now),
                duration_words(e - n)
            ),
            None => format!(", valid for {} more", duration_words(e - ctx.now)),
        },
        (None, _) => ", with no expiry (exp)".to_string(),
    }
}

fn header_section(header: &Map<String, Value>) -> Section {
    let mut section = Section::new("Header");
    for (name, value) in header {
        let raw = compact_value(value);
        let mut field = Field::new(name, raw.clone());
        match claims::header_param(name) {
            Some(c) => field = field.meaning(c.meaning).source(c.source),
            None => field = field.meaning("Not a registered header parameter").unknown(),
        }
        if name == "x5t" || name == "kid" || name == "x5t#S256" {
            let (hash, len) = if name == "x5t#S256" {
                ("SHA-256", 32)
            } else {
                ("SHA-1", 20)
            };
            if let Some(bytes) = b64_decode_lenient(&raw).filter(|b| b.len() == len) {
                field = field.shown(if name == "kid" {
                    format!("{hash} thumbprint {}", crate::text::hex_upper(&bytes))
                } else {
                    format!(
                        "{hash} thumbprint {} in hex, {} in base64",
                        crate::text::hex_upper(&bytes),
                        standard_b64(&bytes)
                    )
                });
            } else if raw.len() == 40 && raw.chars().all(|c| c.is_ascii_hexdigit()) {
                field = field.shown(format!(
                    "SHA-1 thumbprint {} (hex)",
                    raw.to_ascii_uppercase()
                ));
            }
        }
        if name == "alg" {
            field = field.shown(describe_alg(&raw));
        }
        section.push(field);
    }
    section
}

/// Standard base64 with padding, the form Microsoft Graph shows binary values such as customKeyIdentifier in.
fn standard_b64(bytes: &[u8]) -> String {
    let url = crate::text::b64url(bytes);
    let mut out: String = url
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

/// Names a JWS algorithm in words.
pub fn describe_alg(alg: &str) -> String {
    match alg {
        "RS256" | "RS384" | "RS512" => format!("RSASSA-PKCS1-v1_5 with SHA-{}", &alg[2..]),
        "PS256" | "PS384" | "PS512" => format!("RSASSA-PSS with SHA-{}", &alg[2..]),
        "ES256" => "ECDSA P-256 with SHA-256".to_string(),
        "ES384" => "ECDSA P-384 with SHA-384".to_string(),
        "ES512" => "ECDSA P-521 with SHA-512".to_string(),
        "HS256" | "HS384" | "HS512" => format!("HMAC with SHA-{} (shared secret)", &alg[2..]),
        "EdDSA" => "EdDSA (Ed25519)".to_string(),
        "none" => "none: the token is not signed".to_string(),
        other => format!("{other} (not a common JWS algorithm)"),
    }
}

fn header_findings(header: &Map<String, Value>, artifact: &mut Artifact) {
    let alg = s(header, "alg").unwrap_or("");
    if header.contains_key("nonce") {
        artifact.findings.push(
            Finding::new(
                Severity::Info,
                "Header nonce: a Microsoft Graph token",
                "This token carries a nonce in its header, as Microsoft Graph access tokens do. Graph signs the token over a SHA-256 hash of that nonce, so generic JWT libraries report the signature as invalid even though Graph accepts it. Tokens for Graph are meant for Graph only: your own API must not validate or accept them; request a token for your API instead.",
            )
            .source(ACCESS_TOKENS_OVERVIEW),
        );
    }
    if let Some(kid) = s(header, "kid") {
        if let Some(x5t) = s(header, "x5t") {
            if kid != x5t && !(kid.len() == 40 && kid.chars().all(|c| c.is_ascii_hexdigit())) {
                artifact.findings.push(Finding::new(
                    Severity::Info,
                    "kid and x5t differ",
                    "Entra v1 tokens usually carry the same value in kid and x5t. Here they differ; the verifier will look the key up by kid.",
                ));
            }
        }
    }
    if alg.starts_with("HS") {
        artifact.findings.push(Finding::new(
            Severity::Info,
            "Signed with a shared secret (HMAC)",
            format!("{alg} is an HMAC signature: whoever verifies it must hold the same secret as the issuer, and no public key or JWKS can check it. Microsoft Entra never signs tokens this way, so this token comes from another identity provider or from the app's own code."),
        ));
    }
    if alg.is_empty() {
        artifact.findings.push(Finding::new(
            Severity::Warning,
            "No alg in header",
            "The header has no alg parameter, so no verifier can tell how it was signed.",
        ));
    }
}

fn signature_section(input: &TokenInput<'_>, alg: &str, findings: &mut Vec<Finding>) -> Section {
    let mut section = Section::new("Signature");
    let expected = match alg {
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => {
            Some(&[128usize, 256, 384, 512][..])
        }
        "ES256" => Some(&[64usize][..]),
        "ES384" => Some(&[96usize][..]),
        "ES512" => Some(&[132usize][..]),
        "EdDSA" => Some(&[64usize][..]),
        "HS256" => Some(&[32usize][..]),
        "HS384" => Some(&[48usize][..]),
        "HS512" => Some(&[64usize][..]),
        _ => None,
    };
    let cut = input.shortened || input.payload_partial;
    match input.signature {
        None if cut => {
            section.push(Field::new("Signature", "missing (the copy was cut)"));
        }
        None => {
            section.push(Field::new("Signature", "missing"));
            findings.push(Finding::new(
                Severity::Warning,
                "Signature missing",
                "The token ends after the payload, so it was cut when copied (or the signature was removed on purpose). The claims can be read, but the token cannot be verified and no API will accept it.",
            ));
        }
        Some("") => {
            section.push(Field::new("Signature", "empty"));
            if !alg.eq_ignore_ascii_case("none") {
                findings.push(Finding::new(
                    Severity::Warning,
                    "Signature missing",
                    format!("The header says {alg} but the signature segment is empty, so the token cannot be verified."),
                ));
            }
        }
        Some(sig) => {
            let decoded = b64_decode_lenient(sig);
            let len = decoded.as_ref().map(Vec::len);
            section.push(
                Field::new("Signature", crate::text::ellipsis(sig, 48)).shown(match len {
                    Some(n) => format!("{n} bytes"),
                    None => "not valid base64url".to_string(),
                }),
            );
            let plausible = match (expected, len) {
                (Some(lens), Some(n)) => {
                    lens.contains(&n)
                        || (alg.starts_with("RS") || alg.starts_with("PS")) && n >= 128
                }
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if !plausible && !cut {
                findings.push(Finding::new(
                    Severity::Warning,
                    "Signature truncated or damaged",
                    format!(
                        "The signature segment is {} for {alg}; it looks cut or altered, so this token cannot be verified (documentation samples are often truncated like this).",
                        match len {
                            Some(n) => format!("{n} bytes, which is too short"),
                            None => "not valid base64url".to_string(),
                        }
                    ),
                ));
            }
        }
    }
    if input.extra_parts > 0 {
        findings.push(Finding::new(
            Severity::Warning,
            "Extra parts",
            "A signed token has three parts separated by dots; this one has more, so something was appended when it was copied.",
        ));
    }
    if alg.eq_ignore_ascii_case("none") {
        section.push(Field::new("Status", "unsigned (alg none)"));
    }
    section
}

/// A time claim in UTC, in local time and relative to now.
fn time_text(ts: i64, ctx: &Context) -> String {
    format!(
        "{}; {}; {}",
        utc(ts),
        local(ts, ctx.utc_offset_minutes),
        relative(ts, ctx.now)
    )
}

fn claim_field(
    name: &str,
    value: &Value,
    p: &Map<String, Value>,
    ctx: &Context,
    (ttype, who): (TokenType, Principal),
) -> Field {
    let raw = compact_value(value);
    let mut field = Field::new(name, raw.clone());
    let known = claims::claim(name);
    // Some claims mean something else in some kinds of token; those meanings come first.
    let contextual = match (name, ttype) {
        ("sub" | "iss", TokenType::ClientAssertion) => claims::contextual(name, "client_assertion"),
        ("aud" | "jti", TokenType::ClientAssertion) => claims::contextual(name, "client_assertion"),
        ("acr", TokenType::B2c) => claims::contextual(name, "b2c"),
        ("sub" | "oid" | "tid", TokenType::EntraAccess | TokenType::S2sActor)
            if who == Principal::AppOnly =>
        {
            claims::contextual(name, "app_only")
        }
        ("acr" | "sub", TokenType::Generic) => claims::contextual(name, "generic"),
        _ => None,
    };
    if let Some(c) = contextual {
        field = field.meaning(c.meaning).source(c.source);
    } else {
        match known {
            Some(c) => {
                let label = match c.status {
                    claims::ClaimStatus::Undocumented if c.meaning.starts_with("Undocumented") => {
                        ""
                    }
                    claims::ClaimStatus::Undocumented => " (undocumented)",
                    claims::ClaimStatus::Optional => " (optional claim)",
                    _ => "",
                };
                field = field
                    .meaning(format!("{}{label}", c.meaning))
                    .source(c.source);
                if c.status == claims::ClaimStatus::Undocumented {
                    field = field.unknown();
                }
            }
            None if name.starts_with("xms_") => {
                field = field
                    .meaning(
                        "Undocumented Microsoft claim (xms_ prefix); no public definition found",
                    )
                    .source(OPTIONAL_CLAIMS_DOC)
                    .unknown();
            }
            None => {
                field = field
                    .meaning("Unknown claim: no table describes it")
                    .unknown()
            }
        }
    }
    let shown: Option<String> = match name {
        "iat" | "nbf" | "exp" | "auth_time" | "pwd_exp" | "xms_tcdt" => time_of(p, name)
            .filter(|t| *t > 100_000_000)
            .map(|t| {
                if t >= LARGEST_SECONDS {
                    format!(
                        "milliseconds, not seconds: read as seconds this is tens of thousands of years ahead; divided by 1000 it is {}",
                        utc(t / 1000)
                    )
                } else {
                    time_text(t, ctx)
                }
            }),
        "scp" | "roles" => Some(permissions_text(&list_of(p, name))),
        "appidacr" | "azpacr" => Some(format!("{} = {}", raw, describe_acr(&raw))),
        "aud" | "appid" | "azp" | "appctxsender" | "nameid" | "oid" | "sub" => describe_app(&raw)
            .map(|n| n.to_string())
            .or_else(|| s2s_parts(&raw)),
        "iss" | "idp" => Some(describe_issuer(&raw)),
        "tid" => {
            if raw == MSA_TENANT {
                Some("Microsoft account (consumer) tenant".to_string())
            } else {
                apps::app_by_id(&raw).map(|a| a.name.to_string())
            }
        }
        "wids" => Some(
            list_of(p, "wids")
                .iter()
                .map(|id| match roles::role(id) {
                    Some(r) => r.name.to_string(),
                    None => format!("{id} (role not in table)"),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        "amr" => Some(
            list_of(p, "amr")
                .iter()
                .map(|v| match claims::amr(v) {
                    Some(a) => format!("{v} = {}", a.meaning),
                    None => format!("{v} = unknown method"),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "uti" => uti_to_guid(&raw).map(|g| format!("request id {g} (as the sign-in logs show it)")),
        "idtyp" => Some(match raw.as_str() {
            "app" => "app: an app-only token".to_string(),
            "user" => "user: a token for a signed-in user".to_string(),
            other => other.to_string(),
        }),
        "acct" => Some(match raw.as_str() {
            "0" => "0 = member of the tenant".to_string(),
            "1" => "1 = guest in the tenant".to_string(),
            other => other.to_string(),
        }),
        "xms_cc" => Some(if raw.contains("cp1") {
            format!("{raw}: the client can handle claims challenges (CAE)")
        } else {
            raw.clone()
        }),
        "nii" => Some(match raw.as_str() {
            "urn:office:idp:activedirectory" => {
                "on-premises Active Directory user (nameid holds the SID)".to_string()
            }
            "urn:federation:MicrosoftOnline" => "Microsoft Entra (cloud) user".to_string(),
            "urn:office:idp:orgid" => "organisational id (legacy)".to_string(),
            other => other.to_string(),
        }),
        "appctx" => serde_json::from_str::<Value>(&raw).ok().and_then(|v| {
            v.as_object().map(|o| {
                o.iter()
                    .map(|(k, v)| {
                        let v = compact_value(v);
                        let note = match (k.as_str(), v.as_str()) {
                            ("version", "ExIdTok.V1") => " (Exchange identity token)",
                            ("version", "ExCallback.V1") => " (Exchange v1 callback token)",
                            ("version", "MsExtension.V1") => " (Exchange add-in callback token)",
                            ("msexchuid", _) => " (the mailbox user's unique id for this add-in)",
                            ("amurl", _) => " (auth metadata URL with the signing key)",
                            _ => "",
                        };
                        format!("{k}: {v}{note}")
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }),
        "trustedfordelegation" => Some(if raw.eq_ignore_ascii_case("true") {
            "true: this app may act for users (carry a user context in an outer token)".to_string()
        } else {
            raw.clone()
        }),
        "isbrowserhostedapp" => Some(format!("{raw}: whether the add-in runs in a browser")),
        "actortoken" => Some("signed actor token, decoded below".to_string()),
        "xms_mirid" => Some(match managed_identity_parts(&raw) {
            Some((true, name, group, _)) => {
                format!("user-assigned managed identity {name} in resource group {group}")
            }
            Some((false, name, group, kind)) => format!(
                "system-assigned managed identity of the Azure resource {name} ({kind}) in resource group {group}"
            ),
            None => "managed identity (the resource id could not be read)".to_string(),
        }),
        _ => None,
    };
    if let Some(shown) = shown {
        field = field.shown(shown);
    }
    field
}

/// Splits `principal/host@realm` values of S2S tokens into words.
fn s2s_parts(value: &str) -> Option<String> {
    let (left, realm) = value.split_once('@')?;
    let (principal, host) = match left.split_once('/') {
        Some((p, h)) => (p, Some(h)),
        None => (left, None),
    };
    let who = apps::app_by_id(principal)
        .map(|a| a.name.to_string())
        .unwrap_or_else(|| format!("principal {principal}"));
    Some(match host {
        Some(h) => format!("{who} at host {h} in realm {realm}"),
        None => format!("{who} in realm {realm}"),
    })
}

/// Findings about exp, nbf, iat and the lifetime they give.
fn time_findings(
    findings: &mut Vec<Finding>,
    ttype: TokenType,
    p: &Map<String, Value>,
    ctx: &Context,
    partial: bool,
) {
    let exp = time_of(p, "exp");
    let nbf = time_of(p, "nbf");
    let iat = time_of(p, "iat");
    if times_in_milliseconds(p) {
        findings.push(
            Finding::new(
                Severity::Error,
                "Times written in milliseconds",
                "exp, nbf or iat has 13 digits: it counts milliseconds, but JWT times count seconds since 1970 (NumericDate). Read as seconds the token seems valid for tens of thousands of years; many validators reject it and the rest never let it expire. The code that made this token must divide its times by 1000; Microsoft Entra never issues such tokens.",
            )
            .source(crate::knowledge::sources::DOC_RFC7519_SECTION_2),
        );
        return;
    }
    let not_yet = nbf.filter(|n| *n > ctx.now + SKEW);
    let start_after_end = match (exp, nbf.into_iter().chain(iat).max()) {
        (Some(e), Some(st)) => st >= e,
        _ => false,
    };
    if start_after_end {
        let (name, when) = match (nbf, iat) {
            (Some(n), _) if Some(n) >= exp => ("nbf", n),
            (_, Some(i)) => ("iat", i),
            (Some(n), None) => ("nbf", n),
            (None, None) => ("iat", 0),
        };
        findings.push(Finding::new(
            Severity::Error,
            "Expires before it starts",
            format!(
                "{name} ({}) is not before exp ({}), so this token is never valid. Real issuers never write this: the clock of the machine that made the token was wrong or the times were edited by hand.",
                utc(when),
                exp.map(utc).unwrap_or_default()
            ),
        ));
    }
    match exp {
        Some(e) if e < ctx.now && ttype == TokenType::ClientAssertion => findings.push(
            Finding::new(
                Severity::Warning,
                "Client assertion expired",
                format!(
                    "The assertion expired on {} ({}). Entra refuses an expired assertion with AADSTS700024 (not within its valid time range); the client library makes a new one for each request, so a stale one means it was cached or replayed, or the clock of the machine that signed it is wrong.",
                    utc(e),
                    relative(e, ctx.now)
                ),
            )
            .source(CERTIFICATE_CREDENTIALS_DOC),
        ),
        Some(e) if e < ctx.now => findings.push(
            Finding::new(
                Severity::Warning,
                "Token expired",
                format!(
                    "The token expired on {} ({}). Any API refuses it now; acquire a new one (Exchange answers 2000002 token_expired, Graph InvalidAuthenticationToken).",
                    utc(e),
                    relative(e, ctx.now)
                ),
            )
            .source(ACCESS_TOKENS_OVERVIEW),
        ),
        Some(e) if not_yet.is_none() && !start_after_end => findings.push(Finding::new(
            Severity::Ok,
            "Within its lifetime",
            format!("Valid until {} ({}).", utc(e), relative(e, ctx.now)),
        )),
        Some(_) => {}
        None if ttype != TokenType::Generic && !partial => findings.push(Finding::new(
            Severity::Warning,
            "No expiry",
            "The token has no exp claim; Microsoft APIs reject tokens without one.",
        )),
        None => {}
    }
    if let Some(n) = not_yet {
        findings.push(Finding::new(
            Severity::Warning,
            "Not yet valid",
            format!(
                "nbf is {} ({}): the token is not valid yet, and APIs refuse it until then. Check the clock of the machine that issued or received it.",
                utc(n),
                relative(n, ctx.now)
            ),
        ));
    } else if let Some(i) = iat.filter(|i| *i > ctx.now + SKEW) {
        findings.push(Finding::new(
            Severity::Warning,
            "Issued in the future",
            format!(
                "iat is {} ({}), later than now: the clock of the issuing machine or of this computer is wrong.",
                utc(i),
                relative(i, ctx.now)
            ),
        ));
    }
    let Some(life) = exp
        .zip(nbf.or(iat))
        .map(|(e, st)| e - st)
        .filter(|l| *l > 0)
    else {
        return;
    };
    let cae = list_of(p, "xms_cc").iter().any(|c| c == "cp1");
    let managed_identity = p.contains_key("xms_mirid");
    if cae {
        findings.push(
            Finding::new(
                Severity::Info,
                "Client supports continuous access evaluation (CAE)",
                format!(
                    "xms_cc holds cp1: the client can handle claims challenges, so CAE-enabled resources (Microsoft Graph, Exchange Online, SharePoint Online) may give it long-lived tokens, up to 28 hours, and revoke them early on critical events such as a disabled account, a password reset or a changed network location. This token lives {}{}.",
                    duration_words(life),
                    if life > 2 * 3600 { ", which is normal for a CAE token" } else { "" }
                ),
            )
            .source(crate::knowledge::sources::CONDITIONAL_ACCESS_CONCEPT_CONTINUOUS_ACCESS_EVALUATION),
        );
    }
    if ttype != TokenType::EntraAccess || managed_identity {
        if life < 5 * 60 {
            findings.push(Finding::new(
                Severity::Info,
                "Very short lifetime",
                format!("This token lives only {}.", duration_words(life)),
            ));
        }
        return;
    }
    if life > 28 * 3600 + SKEW {
        findings.push(Finding::new(
            Severity::Info,
            "Unusually long lifetime",
            format!(
                "This token lives {}; Entra access tokens normally live 60 to 90 minutes, and at most 28 hours for CAE-capable clients.",
                duration_words(life)
            ),
        ).source(ACCESS_TOKENS_OVERVIEW));
    } else if life > 2 * 3600 && !cae {
        findings.push(Finding::new(
            Severity::Info,
            "Longer than the default lifetime",
            format!(
                "This token lives {}, longer than the default 60 to 90 minutes, and the client did not declare CAE support (no xms_cc cp1). A token lifetime policy assigned to the app or the organisation (configurable token lifetime) can do this; long-lived tokens stay usable after a password reset or account disable until they expire.",
                duration_words(life)
            ),
        ).source(crate::knowledge::sources::IDENTITY_PLATFORM_CONFIGURABLE_TOKEN_LIFETIMES));
    } else if life < 5 * 60 {
        findings.push(Finding::new(
            Severity::Info,
            "Very short lifetime",
            format!("This token lives only {}.", duration_words(life)),
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn claim_findings(
    findings: &mut Vec<Finding>,
    (ttype, who): (TokenType, Principal),
    p: &Map<String, Value>,
    header: &Map<String, Value>,
    ev: &TokenEvidence,
    ctx: &Context,
    decoded_only: bool,
    partial: bool,
) {
    time_findings(findings, ttype, p, ctx, partial);
    match ttype {
        TokenType::ClientAssertion => client_assertion_findings(findings, p, header),
        TokenType::S2sActor => acs_findings(findings, p, ctx),
        TokenType::ExchangeCallback => callback_findings(findings, p),
        TokenType::EntraUncertain => findings.push(
            Finding::new(
                Severity::Warning,
                "Token type uncertain",
                "The claims before the cut hold no scp, roles, azp or appid (which an access token has) and no nonce (which an ID token has); Entra writes those after the claims shown here, so the cut may have removed them. Copy the whole token to tell an access token from an ID token.",
            )
            .source(ACCESS_TOKENS_DOC),
        ),
        _ => {}
    }
    if ttype == TokenType::EntraAccess {
        workload_findings(findings, who, ev);
    }
    let alg = ev.alg.as_deref().unwrap_or("");
    if alg.eq_ignore_ascii_case("none") && !decoded_only {
        if ttype == TokenType::S2sOuter {
            findings.push(
                Finding::new(
                    Severity::Info,
                    "Unsigned outer token (alg none)",
                    "Exchange and SharePoint S2S outer tokens are unsigned by design: the server trusts the signed actor token inside (actortoken) and takes the user context from this outer token. Outside that S2S exchange an unsigned token must never be accepted.",
                )
                .source(S2S_DOC),
            );
        } else {
            findings.push(Finding::new(
                Severity::Error,
                "Unsigned token (alg none)",
                "This token is not signed, so anyone could have written it: an API must never accept it (patched SharePoint rejects such tokens with 3005004).",
            ));
        }
    }

    // Issuer and tenant agree?
    if let (Some(iss), Some(tid)) = (ev.issuer.as_deref(), text_of(p, "tid")) {
        if let Some(seg) = issuer_tenant(iss) {
            let seg_is_tenantish = seg.len() >= 30 && seg.contains('-');
            if seg_is_tenantish && !seg.eq_ignore_ascii_case(&tid) {
                let malformed = if is_guid(seg) {
                    String::new()
                } else {
                    " The tenant id in iss is also not a valid GUID (malformed).".to_string()
                };
                findings.push(
                    Finding::new(
                        Severity::Error,
                        "Issuer and tid do not match",
                        format!(
                            "iss names tenant {seg} but tid is {tid}; they should be the same tenant. A validator checking the issuer against the tenant will reject this token.{malformed}"
                        ),
                    )
                    .source(ACCESS_TOKENS_DOC),
                );
            }
        }
    }
    if let (Some(iss), Some(idp)) = (ev.issuer.as_deref(), text_of(p, "idp")) {
        if !idp.eq_ignore_ascii_case(iss)
            && ttype == TokenType::EntraAccess
            && who != Principal::AppOnly
        {
            let note = if idp.contains(MSA_TENANT) || idp.contains("live.com") {
                "a Microsoft account (consumer) signed in as a guest"
            } else {
                "the user signed in through another tenant or identity provider: a guest (B2B) or federated sign-in"
            };
            findings.push(Finding::new(
                Severity::Info,
                "Guest or federated user",
                format!("idp ({idp}) differs from iss: {note}."),
            ));
        }
    }

    // Token format version against the issuer form.
    if matches!(ttype, TokenType::EntraAccess | TokenType::EntraId) {
        if let (Some(ver), Some(iss)) = (text_of(p, "ver"), ev.issuer.as_deref()) {
            let v2_issuer = iss.trim_end_matches('/').ends_with("/v2.0");
            let v1_issuer = iss.to_ascii_lowercase().contains("://sts.");
            if (ver == "1.0" && v2_issuer) || (ver == "2.0" && v1_issuer) {
                findings.push(
                    Finding::new(
                        Severity::Warning,
                        "ver and issuer disagree",
                        format!(
                            "ver is {ver} but the issuer has the {} form. Entra writes v1.0 tokens with the issuer https://sts.windows.net/<tenant>/ and v2.0 tokens with https://login.microsoftonline.com/<tenant>/v2.0; which format an API gets is set by accessTokenAcceptedVersion in the API's app registration (null or 1: v1.0, 2: v2.0), not by the endpoint the client called. A validator that expects one issuer form rejects the other: set accessTokenAcceptedVersion to the version your API validates, or accept both issuers.",
                            if v2_issuer { "v2.0" } else { "v1.0" }
                        ),
                    )
                    .source(ACCESS_TOKENS_OVERVIEW),
                );
            }
        }
    }

    // `.default` is a request-time shorthand and never a granted permission.
    if ev
        .scopes
        .iter()
        .chain(ev.roles.iter())
        .any(|v| v.ends_with(".default") || v.ends_with("/.default"))
    {
        findings.push(
            Finding::new(
                Severity::Error,
                ".default inside the token",
                "scp or roles holds .default. That value is what a client sends in the scope parameter of a token request (\"all permissions already granted to this app for that resource\"); Entra replaces it with the granted permissions, so it never appears in a token it issued. This token was made or edited by something else, and no Microsoft API grants anything for it.",
            )
            .source(crate::knowledge::sources::IDENTITY_PLATFORM_SCOPES_OIDC),
        );
    }

    // Groups that did not fit in the token.
    if p.contains_key("_claim_names") || p.contains_key("hasgroups") {
        let (how, limit) = if p.contains_key("hasgroups") {
            (
                "hasgroups is true",
                "the implicit flow, whose tokens travel in a URL",
            )
        } else {
            (
                "_claim_names and _claim_sources replace groups",
                "a JWT (over 200 groups)",
            )
        };
        findings.push(
            Finding::new(
                Severity::Info,
                "Group overage: groups are not in the token",
                format!(
                    "{how}: the user is in more groups than fit in {limit}, so the token lists none. An app that authorises by group must read them from Microsoft Graph (POST /users/{{oid}}/getMemberObjects or GET /me/transitiveMemberOf, which needs GroupMember.Read.All or similar); the graph.windows.net endpoint in _claim_sources belongs to the retired Azure AD Graph. Alternatively emit only groups assigned to the application (groupMembershipClaims ApplicationGroup) or use app roles."
                ),
            )
            .source(ACCESS_TOKENS_DOC),
        );
    }

    // Permissions.
    let rbac = ev.aud.as_deref().is_some_and(apps::uses_azure_rbac);
    if ttype == TokenType::EntraAccess {
        match who {
            _ if partial => {}
            Principal::AppOnly if ev.roles.is_empty() && (rbac || p.contains_key("xms_mirid")) => {
                findings.push(
                    Finding::new(
                        Severity::Info,
                        "No roles: access comes from Azure role assignments",
                        "This app-only token carries no roles claim, which is normal here: the resource (an Azure service such as Resource Manager, Key Vault or Storage) or the managed identity is authorised by Azure role assignments (RBAC) or access policies, not by app roles in the token. If the call is refused (403), check the role assignments of this identity on the target resource.",
                    )
                    .source(crate::knowledge::sources::ROLE_BASED_ACCESS_CONTROL_OVERVIEW),
                );
            }
            Principal::AppOnly if ev.roles.is_empty() => findings.push(
                Finding::new(
                    Severity::Warning,
                    "App-only token without roles",
                    "This app-only token carries no roles claim, so it holds no application permissions for this API. APIs that check permissions refuse it (Exchange: \"The token contains no permissions\" or \"missing the claim type 'roles'\"). Managed identity tokens for Azure resources that use RBAC instead of app roles are the exception.",
                )
                .cause("No Application permissions were added to the app registration for this API.")
                .cause("Admin consent was not granted for the Application permissions.")
                .step(crate::report::Step::new("In the app registration, add the needed permissions as Application permissions (not Delegated) for this API."))
                .step(crate::report::Step::new("Grant admin consent, then acquire a new token and check that roles appears."))
                .source(ACCESS_TOKENS_DOC),
            ),
            Principal::Delegated if ev.scopes.is_empty() => findings.push(Finding::new(
                Severity::Warning,
                "Delegated token without scp",
                "This token is for a signed-in user but carries no scp (delegated scopes), so an API that checks scopes will refuse it.",
            ).source(ACCESS_TOKENS_DOC)),
            _ => {}
        }
        if let (Some(aud), Some(appid)) = (ev.aud.as_deref(), ev.appid.as_deref()) {
            if aud.eq_ignore_ascii_case(appid)
                || aud.eq_ignore_ascii_case(&format!("api://{appid}"))
            {
                findings.push(Finding::new(
                    Severity::Info,
                    "Token for the app itself",
                    "aud is the client app's own id: this token is for the app's own API. Microsoft Graph, Exchange or SharePoint will refuse it; request a token for their resource instead.",
                ));
            }
        }
        if let Some(aud) = ev.aud.as_deref() {
            if aud.contains("/.default") || aud.contains(' ') {
                findings.push(Finding::new(
                    Severity::Error,
                    "Audience looks like a scope",
                    format!("aud is '{aud}', which is a scope string, not a resource. No Microsoft API accepts it."),
                ));
            }
        }
        if p.contains_key("xms_mirid") {
            findings.push(
                Finding::new(
                    Severity::Info,
                    "Managed identity",
                    "xms_mirid names the Azure resource whose managed identity got this token; the app authenticated with a platform-managed certificate credential (appidacr 2).",
                )
                .source(MANAGED_IDENTITY_DOC),
            );
        }
    }
    if ttype == TokenType::Generic {
        let known = ev.issuer.as_deref().and_then(apps::foreign_issuer);
        let mut finding = Finding::new(
            Severity::Info,
            "Not a Microsoft Entra token",
            match known {
                Some(i) => format!("Issued by {}, not by Microsoft Entra ID: {} Its standard claims are explained below; Microsoft APIs do not accept it directly.", i.name, i.note),
                None => "The issuer is not a Microsoft Entra, AD FS or B2C issuer, so this token comes from another identity provider. Its standard claims are explained below; Microsoft APIs do not accept it directly.".to_string(),
            },
        );
        if let Some(i) = known {
            finding = finding.source(i.source);
        }
        findings.push(finding);
    }
    if ttype == TokenType::Adfs {
        findings.push(
            Finding::new(
                Severity::Info,
                "AD FS, not Microsoft Entra ID",
                "An on-premises AD FS server issued this token for an app registered in AD FS (an application group). Microsoft Graph, Exchange Online and SharePoint Online do not accept AD FS tokens; on-premises Exchange or SharePoint and your own APIs can, when they trust this AD FS.",
            )
            .source(crate::knowledge::sources::OVERVIEW_AD_FS_OPENID_CONNECT_OAUTH_CONCEPTS),
        );
    }
    if ev
        .aud
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case(apps::WORKLOAD_FEDERATION_AUDIENCE.host))
    {
        findings.push(
            Finding::new(
                Severity::Info,
                "Workload identity federation",
                format!(
                    "{} The federated credential must name exactly this issuer ({}) and this subject ({}).",
                    apps::WORKLOAD_FEDERATION_AUDIENCE.note,
                    ev.issuer.as_deref().unwrap_or("?"),
                    text_of(p, "sub").unwrap_or_else(|| "?".to_string())
                ),
            )
            .source(apps::WORKLOAD_FEDERATION_AUDIENCE.source),
        );
    }
    if ttype == TokenType::EntraId && !decoded_only {
        findings.push(
            Finding::new(
                Severity::Info,
                "ID token, not an access token",
                "ID tokens prove a sign-in to the client app. Sending one to an API as a Bearer token fails; request an access token for the API.",
            )
            .source(ID_TOKENS_DOC),
        );
    }
    if matches!(
        ttype,
        TokenType::ExchangeIdentity | TokenType::ExchangeCallback
    ) {
        findings.push(
            Finding::new(
                Severity::Warning,
                "Legacy Exchange token",
                "Legacy Exchange identity and callback tokens are turned off in Exchange Online (calls fail); they remain supported on-premises. Add-ins should use nested app authentication (NAA) or SSO with Microsoft Entra tokens.",
            )
            .source(EXCHANGE_ID_TOKEN_DOC),
        );
    }
    if ttype == TokenType::S2sActor
        && !ev
            .issuer
            .as_deref()
            .is_some_and(|i| i.starts_with(ACS_ISSUER))
    {
        let iss = ev.issuer.as_deref().unwrap_or("");
        let principal = iss.split('@').next().unwrap_or("");
        let explanation = if principal == "00000001-0000-0000-c000-000000000000" {
            "Issued by Azure ACS for a server-to-server call.".to_string()
        } else if apps::app_by_id(principal).is_some() {
            format!(
                "Self-issued by {} for a server-to-server call, signed with its own certificate.",
                describe_app(principal).unwrap_or_default()
            )
        } else {
            format!("Issued by {principal}, a trusted security token issuer (SPTrustedSecurityTokenIssuer) registered on the server: the pattern of a SharePoint high-trust add-in, whose issuer id is that GUID and whose certificate signs the token.")
        };
        findings.push(
            Finding::new(Severity::Info, "Server-to-server (S2S) token", explanation)
                .source(S2S_DOC),
        );
    }
}

/// Findings for a client assertion: what it is, which certificate signed it, and what fails.
fn client_assertion_findings(
    findings: &mut Vec<Finding>,
    p: &Map<String, Value>,
    header: &Map<String, Value>,
) {
    let endpoint = if text_of(p, "aud").is_some_and(|a| a.contains("/v2.0/")) {
        "v2.0 token endpoint (/oauth2/v2.0/token)"
    } else {
        "v1.0 token endpoint (/oauth2/token)"
    };
    findings.push(
        Finding::new(
            Severity::Info,
            "Client assertion: a credential, not an access token",
            format!(
                "An app sends this JWT as client_assertion (with client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-bearer) to the Entra {endpoint} instead of a client secret. Entra checks its signature with the public key of a certificate registered on the app, and the access tokens it then issues carry appidacr or azpacr 2 (certificate). It is a password-equivalent for its short life: it must never be sent to an API as a Bearer token, and no API accepts it."
            ),
        )
        .source(CERTIFICATE_CREDENTIALS_DOC),
    );
    let thumbprint = |name: &str, len: usize| {
        text_of(header, name)
            .and_then(|v| b64_decode_lenient(&v))
            .filter(|b| b.len() == len)
    };
    match (thumbprint("x5t", 20), thumbprint("x5t#S256", 32)) {
        (None, None) => findings.push(
            Finding::new(
                Severity::Error,
                "No certificate thumbprint in the header",
                "The header has no x5t or x5t#S256, so Entra cannot tell which of the app's certificates to verify the signature with, and refuses the assertion. Let the client library build the assertion from the certificate, or add x5t#S256 (base64url SHA-256 thumbprint) or x5t (SHA-1) yourself.",
            )
            .source(CERTIFICATE_CREDENTIALS_DOC),
        ),
        (sha1, sha256) => {
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
            findings.push(
                Finding::new(
                    Severity::Info,
                    "Which certificate signed it",
                    format!(
                        "Entra looks the thumbprint up in the app registration's keyCredentials. {} If no registered, unexpired certificate has this thumbprint, the request fails with AADSTS700027.",
                        lines.join(" ")
                    ),
                )
                .step(crate::report::Step::new("Compare with the certificates on the app: Microsoft Entra admin center > App registrations > the app > Certificates & secrets, or Get-MgApplication -Filter \"appId eq '<client id>'\" | Select-Object -ExpandProperty KeyCredentials."))
                .source(CERTIFICATE_CREDENTIALS_DOC),
            );
        }
    }
    let iss = text_of(p, "iss");
    let sub = text_of(p, "sub");
    if iss != sub {
        findings.push(
            Finding::new(
                Severity::Error,
                "iss and sub differ",
                format!(
                    "A client assertion must carry the client ID in both iss and sub; here iss is {} and sub is {}. Entra refuses it (AADSTS70002 or AADSTS50012).",
                    iss.as_deref().unwrap_or("missing"),
                    sub.as_deref().unwrap_or("missing")
                ),
            )
            .source(CERTIFICATE_CREDENTIALS_DOC),
        );
    } else if iss.as_deref().is_some_and(|i| !is_guid(i)) {
        findings.push(Finding::new(
            Severity::Warning,
            "iss is not a client ID",
            "iss and sub should be the app's Application (client) ID, a GUID.",
        ));
    }
    if !p.contains_key("jti") {
        findings.push(
            Finding::new(
                Severity::Warning,
                "No jti",
                "A client assertion needs a unique jti (a GUID) so that Entra can refuse a replayed assertion.",
            )
            .source(CERTIFICATE_CREDENTIALS_DOC),
        );
    }
    let too_long = time_of(p, "exp")
        .zip(time_of(p, "nbf").or(time_of(p, "iat")))
        .is_some_and(|(e, st)| e - st > 3600);
    if too_long {
        findings.push(Finding::new(
            Severity::Info,
            "Long-lived assertion",
            "This assertion is valid for more than an hour. Anyone who captures it can get tokens as this app until it expires; client libraries make a new one for each request, valid for minutes.",
        ));
    }
    let mut table = Finding::new(
        Severity::Info,
        "If the token request fails",
        claims::ASSERTION_FAILURES
            .iter()
            .map(|f| format!("AADSTS{}: {} Check: {}", f.code, f.meaning, f.check))
            .collect::<Vec<_>>()
            .join(" "),
    );
    table = table.source(CERTIFICATE_CREDENTIALS_DOC);
    findings.push(table);
}

/// Findings for app-only tokens from Azure ACS: SharePoint add-ins and the retirement of ACS.
fn acs_findings(findings: &mut Vec<Finding>, p: &Map<String, Value>, ctx: &Context) {
    if !s(p, "iss").is_some_and(|i| i.starts_with(ACS_ISSUER)) {
        return;
    }
    let sharepoint =
        s(p, "aud").is_some_and(|a| a.starts_with("00000003-0000-0ff1-ce00-000000000000"));
    let when = if ctx.now >= ACS_END {
        format!(
            "stopped working on April 2, 2026 ({})",
            relative(ACS_END, ctx.now)
        )
    } else {
        format!(
            "stops working on April 2, 2026 ({})",
            relative(ACS_END, ctx.now)
        )
    };
    let detail = if sharepoint {
        format!(
            "Azure Access Control Service (ACS) issued this app-only token for SharePoint Online: the pattern of a SharePoint add-in or script registered with AppRegNew.aspx and a client secret (for example Connect-PnPOnline -ClientId -ClientSecret). Azure ACS for SharePoint Online {when} for every tenant (new tenants could not use it from November 1, 2024), with no extension. Move the app to a Microsoft Entra app registration with SharePoint application permissions (Sites.Selected where possible) and a certificate; tenant admins can turn ACS app-only access off earlier with Set-SPOTenant -DisableCustomAppAuthentication $true."
        )
    } else {
        format!(
            "Azure Access Control Service (ACS) issued this server-to-server token. ACS for SharePoint Online {when}; on-premises SharePoint and Exchange hybrid use of ACS is not affected by that retirement."
        )
    };
    findings.push(
        Finding::new(
            if sharepoint {
                Severity::Warning
            } else {
                Severity::Info
            },
            "Azure ACS token (retiring for SharePoint Online)",
            detail,
        )
        .source(ACS_RETIREMENT_DOC),
    );
}

/// Findings for Exchange callback tokens: what the scope and user context mean.
fn callback_findings(findings: &mut Vec<Finding>, p: &Map<String, Value>) {
    let user = appctx_text(p, "smtp").unwrap_or_else(|| "the mailbox user".to_string());
    let protocol = appctx_text(p, "msexchprot").unwrap_or_else(|| "EWS or REST".to_string());
    let scope = appctx_text(p, "scope");
    let text = match &scope {
        Some(sc) => format!(
            "Exchange issued this token to an Outlook add-in (getCallbackTokenAsync) so that its back end can call {protocol} as {user}. It is scoped ({sc}): it reaches only that one item, which is why it lives only minutes; an unscoped callback token reaches the whole mailbox for hours. Exchange Online no longer issues or accepts these legacy tokens; on-premises Exchange still does."
        ),
        None => format!(
            "Exchange issued this token to an Outlook add-in (getCallbackTokenAsync) so that its back end can call {protocol} as {user}. Exchange Online no longer issues or accepts these legacy tokens; on-premises Exchange still does."
        ),
    };
    findings.push(
        Finding::new(Severity::Info, "What this callback token allows", text)
            .source(EXCHANGE_ID_TOKEN_DOC),
    );
}

/// Findings for tokens of well-known admin and client workloads (Exchange Online PowerShell, Teams).
fn workload_findings(findings: &mut Vec<Finding>, who: Principal, ev: &TokenEvidence) {
    let aud = ev
        .aud
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_ascii_lowercase();
    let exchange = aud == "https://outlook.office365.com"
        || aud == "https://outlook.office.com"
        || aud == "00000002-0000-0ff1-ce00-000000000000";
    let exo_client = ev
        .appid
        .as_deref()
        .and_then(apps::app_by_id)
        .is_some_and(|a| {
            a.id == "fb78d390-0c51-40cd-8e17-fdbfab77341b"
                || a.id == "a0c73c16-a7e3-4564-9a95-2bdf47383716"
        });
    if exchange && who == Principal::AppOnly && ev.roles.iter().any(|r| r == "Exchange.ManageAsApp")
    {
        findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Online PowerShell, app-only",
                "Exchange.ManageAsApp lets this app connect to Exchange Online PowerShell with a certificate (Connect-ExchangeOnline -AppId -CertificateThumbprint -Organization). The permission alone runs no cmdlets: the app's service principal also needs a Microsoft Entra role such as Exchange Administrator (or an Exchange role group), or cmdlets fail as unauthorized.",
            )
            .source(crate::knowledge::sources::EXCHANGE_APP_ONLY_AUTH_POWERSHELL_V2),
        );
    } else if exchange && exo_client && who == Principal::Delegated {
        findings.push(
            Finding::new(
                Severity::Info,
                "Exchange Online PowerShell sign-in",
                "This token comes from the Exchange Online PowerShell module (Connect-ExchangeOnline). Which cmdlets the admin may run is decided by their Exchange role assignments (RBAC) in Exchange Online, not by scp.",
            )
            .source(crate::knowledge::sources::EXCHANGE_CONNECT_TO_EXCHANGE_ONLINE_POWERSHELL),
        );
    }
    if aud == "https://api.spaces.skype.com" {
        findings.push(
            Finding::new(
                Severity::Info,
                "Teams back-end token",
                "api.spaces.skype.com is the Teams service back end that the Teams clients call; these tokens are for Microsoft's own clients. Your apps and scripts should call Microsoft Graph (teams, chats, channels) with a Graph token instead.",
            )
            .source(crate::knowledge::sources::GRAPH_TEAMS_CONCEPT_OVERVIEW),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uti_converts_to_the_guid_sign_in_logs_show() {
        // .NET Guid byte order: the first three groups are little-endian.
        let bytes: Vec<u8> = (0u8..16).collect();
        let uti = crate::text::b64url(&bytes);
        assert_eq!(
            uti_to_guid(&uti).unwrap(),
            "03020100-0504-0706-0809-0a0b0c0d0e0f"
        );
        assert!(uti_to_guid("abc").is_none());
    }

    #[test]
    fn issuers_are_classified() {
        assert!(describe_issuer("https://sts.windows.net/x/").contains("v1.0"));
        assert!(describe_issuer("https://login.microsoftonline.com/x/v2.0").contains("v2.0"));
        assert!(
            describe_issuer("https://login.microsoftonline.us/x/v2.0").contains("US Government")
        );
        assert!(describe_issuer("https://sts.chinacloudapi.cn/x/").contains("China"));
        assert!(describe_issuer("https://fs.contoso.com/adfs").contains("AD FS"));
        assert!(describe_issuer("https://contoso.b2clogin.com/x/v2.0/").contains("B2C"));
        assert!(describe_issuer("00000001-0000-0000-c000-000000000000@abc").contains("S2S"));
    }

    fn payload(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    fn findings_for(json: &str) -> Vec<Finding> {
        let header = payload(r#"{"alg":"RS256","typ":"JWT"}"#);
        let p = payload(json);
        let signature = "QUJD".repeat(86);
        let input = TokenInput {
            signature: Some(&signature),
            compact: Some("x.y.z"),
            ..TokenInput::decoded(&header, Some(&p))
        };
        explain(&input, Span::new(0, 1), &Context::fixed()).findings
    }

    #[test]
    fn a_long_lived_cae_token_is_called_normal_and_a_long_plain_one_is_not() {
        let now = Context::fixed().now;
        let cae = findings_for(&format!(
            r#"{{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","scp":"User.Read","upn":"a@b","xms_cc":["cp1"],"iat":{},"exp":{}}}"#,
            now - 3600,
            now + 25 * 3600
        ));
        assert!(
            cae.iter().all(|f| !f.title.contains("long")),
            "26 h with cp1 is normal"
        );
        assert!(cae
            .iter()
            .any(|f| f.explanation.contains("normal for a CAE token")));
        let plain = findings_for(&format!(
            r#"{{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","scp":"User.Read","upn":"a@b","iat":{},"exp":{}}}"#,
            now - 3600,
            now + 25 * 3600
        ));
        assert!(plain
            .iter()
            .any(|f| f.title == "Longer than the default lifetime"));
    }

    #[test]
    fn millisecond_times_are_flagged_instead_of_shown_as_valid_for_millennia() {
        let now = Context::fixed().now;
        let f = findings_for(&format!(
            r#"{{"aud":"api://x","iss":"https://sts.windows.net/t/","tid":"t","scp":"a","exp":{}}}"#,
            (now + 3600) * 1000
        ));
        assert!(f.iter().any(|f| f.title == "Times written in milliseconds"));
        assert!(f.iter().all(|f| f.severity != Severity::Ok));
    }

    #[test]
    fn user_assigned_identity_names_come_from_xms_mirid() {
        let parts = managed_identity_parts("/subscriptions/s/resourcegroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-orders").unwrap();
        assert_eq!(
            parts,
            (
                true,
                "id-orders".to_string(),
                "rg-app".to_string(),
                "Microsoft.ManagedIdentity/userAssignedIdentities".to_string()
            )
        );
        assert!(
            !managed_identity_parts(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/fn"
            )
            .unwrap()
            .0
        );
        assert!(managed_identity_parts("garbage").is_none());
    }

    #[test]
    fn client_assertions_are_recognised_and_checked() {
        let now = Context::fixed().now;
        let f = findings_for(&format!(
            r#"{{"aud":"https://login.microsoftonline.com/t/oauth2/v2.0/token","iss":"b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e","sub":"other","nbf":{},"exp":{}}}"#,
            now - 30,
            now + 570
        ));
        assert!(f.iter().any(|f| f.title.starts_with("Client assertion")));
        assert!(f.iter().any(|f| f.title == "iss and sub differ"));
        assert!(f.iter().any(|f| f.title == "No jti"));
        assert!(f
            .iter()
            .any(|f| f.title == "No certificate thumbprint in the header"));
        assert!(f.iter().all(|f| f.title != "Not a Microsoft Entra token"));
    }

    #[test]
    fn sub_in_an_app_only_token_is_not_called_a_user() {
        let header = payload(r#"{"alg":"RS256","typ":"JWT"}"#);
        let p = payload(
            r#"{"aud":"https://graph.microsoft.com","iss":"https://sts.windows.net/t/","tid":"t","idtyp":"app","roles":["Mail.Read"],"oid":"o","sub":"o","exp":1}"#,
        );
        let input = TokenInput::decoded(&header, Some(&p));
        let a = explain(&input, Span::new(0, 1), &Context::fixed());
        let sub = a
            .sections
            .iter()
            .flat_map(|s| s.fields.iter())
            .find(|f| f.name == "sub")
            .unwrap();
        let meaning = sub.meaning.as_deref().unwrap_or("");
        assert!(meaning.contains("service principal"), "{meaning}");
        assert!(!meaning.contains("of the user"), "{meaning}");
    }

    #[test]
    fn acr_values_are_named() {
        assert!(describe_acr("0").contains("public client"));
        assert!(describe_acr("1").contains("secret"));
        assert!(describe_acr("2").contains("certificate"));
    }
}
