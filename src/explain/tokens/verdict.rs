//! The title and the one-sentence verdict of a token card, with the names they share; each kind
//! of token writes the middle of its verdict in its own file.

use super::names::{describe_app, managed_identity_parts};
use super::view::{Principal, TokenType, TokenView};
use super::{acs, adfs, b2c, client_assertion, entra_access, exchange, generic, id_token, s2s};
use crate::context::Context;
use crate::text::is_guid;

/// The names a verdict and the summary share, worked out once.
pub struct Names {
    /// ` (v1)`, ` (v2)` or nothing.
    pub ver_text: String,
    /// The first audience, named.
    pub resource: Option<String>,
    /// Every audience, named, joined with "and".
    pub resources_text: Option<String>,
    /// The client app, named (a known app, a managed identity or app_displayname).
    pub app_name: Option<String>,
    /// "app <name> (<id>)" for the verdict.
    pub app_text: Option<String>,
    /// " that authenticated with ... (appidacr n)" for the verdict.
    pub acr_text: Option<String>,
    /// "App-only", "Delegated (user)" or nothing.
    pub who_text: &'static str,
    /// The parts of `xms_mirid`: (user-assigned?, name, resource group, kind).
    pub managed_identity: Option<(bool, String, String, String)>,
}

/// Names an audience: a known app or resource, an unknown app id, or the value itself.
pub fn name_resource(a: &str) -> String {
    match describe_app(a) {
        Some(name) => name,
        None if is_guid(a) => format!("the API with app id {a}"),
        None => a.to_string(),
    }
}

impl Names {
    pub fn new(v: &TokenView) -> Names {
        let c = v.c();
        let managed_identity = c.xms_mirid.as_deref().and_then(managed_identity_parts);
        let app_name = c.appid.as_deref().and_then(|app| {
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
                .or_else(|| c.app_displayname.clone())
        });
        let app_text = c.appid.as_ref().map(|app| match &app_name {
            Some(name) if managed_identity.is_some() && describe_app(app).is_none() => {
                format!("{name} ({app})")
            }
            Some(name) => format!("app {name} ({app})"),
            None => format!("app {app}"),
        });
        let acr_text = c.acr.as_ref().map(|a| {
            let how = match a.as_str() {
                "0" => "as a public client, with no secret or certificate",
                "1" => "with a client secret",
                "2" => "with a certificate",
                _ => "by an unknown method",
            };
            format!(" that authenticated {how} ({} {a})", c.acr_claim)
        });
        Names {
            ver_text: v.ver.clone().map(|v| format!(" ({v})")).unwrap_or_default(),
            resource: c.aud.as_deref().map(name_resource),
            resources_text: (!c.audiences.is_empty()).then(|| {
                c.audiences
                    .iter()
                    .map(|a| name_resource(a))
                    .collect::<Vec<_>>()
                    .join(" and ")
            }),
            app_name,
            app_text,
            acr_text,
            who_text: match v.who {
                Principal::AppOnly => "App-only",
                Principal::Delegated => "Delegated (user)",
                Principal::Unknown => "",
            },
            managed_identity,
        }
    }
}

/// The card title: the kind of token, prefixed when the claims were pasted already decoded.
pub fn title(v: &TokenView) -> String {
    let kind = v.kind.facts();
    let ver_text = match &v.ver {
        Some(ver) if kind.versioned => format!(" ({ver})"),
        _ => String::new(),
    };
    let base = format!("{}{ver_text}{}", kind.title, kind.suffix);
    if v.decoded_only {
        format!("Decoded claims: {base}")
    } else {
        base
    }
}

/// The verdict: what the token is, for whom, in which tenant, and whether it can be used now.
pub fn verdict(v: &TokenView, ctx: &Context) -> String {
    let n = Names::new(v);
    let mut verdict = match v.kind {
        TokenType::EntraAccess => entra_access::verdict(v, &n),
        TokenType::Adfs => adfs::verdict(v, &n),
        TokenType::EntraId => id_token::verdict(v, &n),
        TokenType::B2c => b2c::verdict(v),
        TokenType::ExchangeIdentity => exchange::identity_verdict(v),
        TokenType::ExchangeCallback => exchange::callback_verdict(v),
        TokenType::ClientAssertion => client_assertion::verdict(v),
        TokenType::EntraUncertain => entra_access::uncertain_verdict(v, &n),
        TokenType::S2sActor if acs::is_acs(v) => acs::verdict(v, &n),
        TokenType::S2sActor => s2s::actor_verdict(v, &n),
        TokenType::S2sOuter => s2s::outer_verdict(),
        TokenType::Generic => generic::verdict(v, &n),
    };
    if let Some(t) = &v.evidence.tid {
        if !matches!(
            v.kind,
            TokenType::Generic | TokenType::Adfs | TokenType::ClientAssertion
        ) {
            verdict.push_str(&format!(", in tenant {t}"));
        }
    }
    verdict.push_str(&super::times::expiry_words(v, ctx));
    if v.kind == TokenType::EntraId {
        verdict.push_str("; it is meant for that app, not as an access token for an API");
    }
    verdict.push('.');
    verdict
}
