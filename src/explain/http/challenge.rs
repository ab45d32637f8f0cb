//! Cards: a WWW-Authenticate header value (one or more challenges) with a section per challenge,
//! each Bearer parameter explained, a `claims` challenge decoded, and the rules over challenges.

use std::collections::BTreeMap;

use super::challenge_rules::{Offer, OFFER_RULES, RULES};
use crate::context::Context;
use crate::decode::http::challenge::{self as record, Challenge};
use crate::decode::http::claims;
use crate::explain::rule;
use crate::knowledge::aadsts as oauth;
use crate::knowledge::apps;
use crate::knowledge::http_auth::{self, AUTH_HOSTS, BEARER_ERRORS, TOKEN_TYPES, UCWA_GRANTS};
use crate::knowledge::sources::UCWA_AUTHENTICATIONINUCWA as UCWA_SOURCE;
use crate::report::{Artifact, ArtifactKind, ChallengeEvidence, Field, Section, Span};

/// Finds and explains every challenge header value in `text`; a repeated value is explained once.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    // Each distinct value is explained once and its card copied to every place it appears; a
    // value repeated thousands of times is folded into a count (`explain::repeats`).
    let mut explained: BTreeMap<String, Artifact> = BTreeMap::new();
    crate::explain::repeats::fold(record::find(text).into_iter().map(|found| {
        let mut copy = explained
            .entry(found.text)
            .or_insert_with(|| card(&found.challenges, found.span, ctx))
            .clone();
        copy.span = found.span;
        copy
    }))
}

/// The card of a header value that holds no challenge we can read is none.
pub fn card_from_value(value: &str, span: Span, ctx: &Context) -> Option<Artifact> {
    let (challenges, _) = record::parse_challenges(value);
    (!challenges.is_empty()).then(|| card(&challenges, span, ctx))
}

/// The card of one header value.
pub fn card(challenges: &[Challenge], span: Span, ctx: &Context) -> Artifact {
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
    a.findings.extend(rule::run(OFFER_RULES, challenges, ctx));
    for c in challenges {
        let mut s = Section::new(format!("{} challenge", c.scheme));
        if c.is("bearer") {
            bearer_fields(c, &mut s, &mut a, ctx);
        } else if c.is("msrtcoauth") {
            ucwa_fields(c, &mut s);
        } else {
            other_fields(c, &mut s);
        }
        let offer = Offer {
            challenge: c.clone(),
            alone: challenges.len() == 1,
        };
        a.findings.extend(rule::run(RULES, &offer, ctx));
        a.sections.push(s);
    }
    let main = challenges
        .iter()
        .find(|c| c.is("bearer"))
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

fn split_list(v: &str) -> Vec<String> {
    v.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Basic, Negotiate, NTLM and any other scheme.
fn other_fields(c: &Challenge, s: &mut Section) {
    if c.is("basic") {
        for (k, v) in &c.params {
            s.push(Field::new(k.clone(), v.clone()).meaning(if k == "realm" {
                "the protection space (often the server or domain name)"
            } else {
                ""
            }));
        }
        return;
    }
    if c.is_blob_scheme() {
        match &c.blob {
            Some(blob) => {
                let what = super::authorization::describe_blob(
                    &crate::decode::http::authorization::read_blob(blob),
                );
                s.push(Field::new("token", crate::text::ellipsis(blob, 40)).meaning(what));
            }
            None => s.push(
                Field::new("scheme", c.scheme.clone()).meaning(if c.is("ntlm") {
                    "Windows integrated authentication offered (NTLM only)"
                } else {
                    "Windows integrated authentication offered (Kerberos through SPNEGO, or NTLM)"
                }),
            ),
        }
        for (k, v) in &c.params {
            s.push(Field::new(k.clone(), v.clone()));
        }
        return;
    }
    for (k, v) in &c.params {
        s.push(Field::new(k.clone(), v.clone()));
    }
    if let Some(blob) = &c.blob {
        s.push(Field::new("token", blob.clone()));
    }
}

/// The fields of a Bearer challenge; a `claims` parameter adds its own section and finding.
fn bearer_fields(c: &Challenge, s: &mut Section, a: &mut Artifact, ctx: &Context) {
    for (k, v) in &c.params {
        match k.as_str() {
            "realm" => s.push(realm(v)),
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
                    let f = Field::new("token_types", tt);
                    s.push(match http_auth::lookup(TOKEN_TYPES, tt) {
                        Some(t) => f.meaning(t.meaning).source(t.source),
                        None => f.unknown(),
                    });
                }
            }
            "authorization_uri" | "authorization" => s.push(authorize_endpoint(k, v)),
            "error" => {
                let mut f = Field::new("error", v.clone());
                if let Some(t) = http_auth::lookup(BEARER_ERRORS, v) {
                    f = f.meaning(t.meaning).source(t.source);
                } else if let Some(e) = oauth::oauth_error(v) {
                    f = f.meaning(e.meaning).source(e.source);
                }
                s.push(f);
            }
            "claims" => {
                let json = claims::claims_param_json(v);
                s.push(
                    Field::new("claims", v.clone())
                        .shown(json.clone())
                        .meaning("a claims request, base64-encoded"),
                );
                let req = claims::parse(&json);
                let sec = super::claims::section(&req);
                if !sec.fields.is_empty() {
                    a.sections.push(sec);
                }
                a.findings
                    .extend(rule::run(super::claims::RULES, &req, ctx));
            }
            _ => s.push(Field::new(k.clone(), v.clone())),
        }
    }
}

fn realm(v: &str) -> Field {
    let f = Field::new("realm", v);
    if v.is_empty() {
        f.meaning("empty: no tenant is named (the common endpoint is used)")
    } else if crate::text::is_guid(v) {
        f.meaning("the tenant id (directory id) of the resource's organization")
    } else {
        f.meaning("the realm: the tenant's domain or the server's host")
    }
}

fn authorize_endpoint(k: &str, v: &str) -> Field {
    let host = v
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("");
    let f = Field::new(k, v);
    match http_auth::lookup(AUTH_HOSTS, host) {
        Some(t) => f
            .meaning(format!(
                "where the client signs in to get a token: {} authorize endpoint",
                t.meaning
            ))
            .source(t.source),
        None => f.meaning("where the client signs in to get a token"),
    }
}

fn trusted_issuer(entry: &str) -> Field {
    let f = Field::new("trusted_issuers", entry);
    if let Some(t) = http_auth::issuer_url(entry) {
        let tenant = entry
            .get(t.name.len()..)
            .unwrap_or("")
            .trim_end_matches('/');
        let who = if tenant == "*" {
            "any tenant".to_string()
        } else {
            format!("tenant {tenant}")
        };
        return f.meaning(format!("{}, {who}", t.meaning)).source(t.source);
    }
    let (principal, realm) = entry.split_once('@').unwrap_or((entry, ""));
    let realm_text = match realm {
        "*" => "any realm (any tenant)".to_string(),
        "" => "no realm".to_string(),
        r if crate::text::is_guid(r) => format!("realm {r} (a tenant id)"),
        r => format!("realm {r}"),
    };
    match apps::app_by_id(principal) {
        Some(app) => f
            .shown(format!("{} @ {realm_text}", app.name))
            .meaning(format!(
                "tokens issued by {} for {realm_text} are accepted (issuer principal @ realm)",
                app.name
            ))
            .source(app.source),
        None => f.meaning(format!(
            "tokens from issuer principal {principal} for {realm_text} are accepted"
        )),
    }
}

fn ucwa_fields(c: &Challenge, s: &mut Section) {
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
                    let f = Field::new("grant_type", g);
                    s.push(match http_auth::lookup(UCWA_GRANTS, g) {
                        Some(t) => f.meaning(t.meaning).source(t.source),
                        None => f.unknown(),
                    });
                }
            }
            _ => s.push(Field::new(k.clone(), v.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(scan("Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.sig", &ctx).is_empty());
        let a = &scan("WWW-Authenticate: Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", error=\"invalid_token\"", &ctx)[0];
        assert!(a
            .findings
            .iter()
            .any(|f| f.rule == "challenge.no-authorization-uri"));
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

    #[test]
    fn issuers_and_hosts_are_named() {
        let f = trusted_issuer("https://sts.windows.net/*/");
        assert!(
            f.meaning.as_deref().unwrap_or("").contains("any tenant"),
            "{f:?}"
        );
        let f = authorize_endpoint("authorization_uri", "https://login.microsoftonline.us/x");
        assert!(f.meaning.as_deref().unwrap_or("").contains("US Government"));
    }
}
