//! The claims table of a token card: every payload claim with its meaning (the meaning in this
//! kind of token first) and its value in words.

use super::names::{
    describe_acr, describe_app, describe_issuer, describe_tenant, managed_identity_parts,
    permissions_text, s2s_parts, uti_to_guid,
};
use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::decode::tokens::token::{compact_value, time_of, LARGEST_SECONDS};
use crate::knowledge::{claims, roles, sources};
use crate::report::Field;
use crate::text::{local, relative, utc};
use serde_json::Value;

/// One row of the claims table.
pub fn field(name: &str, value: &Value, v: &TokenView, ctx: &Context) -> Field {
    let raw = compact_value(value);
    let mut field = meaning(Field::new(name, raw.clone()), name, v);
    if let Some(shown) = shown(name, &raw, v, ctx).or_else(|| shown_value(name, &raw)) {
        field = field.shown(shown);
    }
    field
}

/// The meaning of a claim: in this kind of token when it differs, else from the claims table.
fn meaning(field: Field, name: &str, v: &TokenView) -> Field {
    // Some claims mean something else in some kinds of token; those meanings come first.
    let contextual = match (name, v.kind) {
        ("sub" | "iss", TokenType::ClientAssertion) => claims::contextual(name, "client_assertion"),
        ("aud" | "jti", TokenType::ClientAssertion) => claims::contextual(name, "client_assertion"),
        ("acr", TokenType::B2c) => claims::contextual(name, "b2c"),
        ("sub" | "oid" | "tid", TokenType::EntraAccess | TokenType::S2sActor)
            if v.who == Principal::AppOnly =>
        {
            claims::contextual(name, "app_only")
        }
        ("acr" | "sub", TokenType::Generic) => claims::contextual(name, "generic"),
        _ => None,
    };
    if let Some(c) = contextual {
        return field.meaning(c.meaning).source(c.source);
    }
    match claims::claim(name) {
        Some(c) => {
            let label = match c.status {
                claims::ClaimStatus::Undocumented if c.meaning.starts_with("Undocumented") => "",
                claims::ClaimStatus::Undocumented => " (undocumented)",
                claims::ClaimStatus::Optional => " (optional claim)",
                _ => "",
            };
            let field = field
                .meaning(format!("{}{label}", c.meaning))
                .source(c.source);
            if c.status == claims::ClaimStatus::Undocumented {
                field.unknown()
            } else {
                field
            }
        }
        None if name.starts_with("xms_") => field
            .meaning("Undocumented Microsoft claim (xms_ prefix); no public definition found")
            .source(sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE)
            .unknown(),
        None => field
            .meaning("Unknown claim: no table describes it")
            .unknown(),
    }
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

/// The value in words for claims that name times, apps, issuers, tenants and permissions.
fn shown(name: &str, raw: &str, v: &TokenView, ctx: &Context) -> Option<String> {
    let p = v.p();
    match name {
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
        "scp" => Some(permissions_text(&v.c().scp)),
        "roles" => Some(permissions_text(&v.c().roles)),
        "appidacr" | "azpacr" => Some(format!("{} = {}", raw, describe_acr(raw))),
        "aud" | "appid" | "azp" | "appctxsender" | "nameid" | "oid" | "sub" => {
            describe_app(raw).or_else(|| s2s_parts(raw))
        }
        "iss" | "idp" => Some(describe_issuer(raw)),
        "tid" => describe_tenant(raw),
        "wids" => Some(
            v.c()
                .wids
                .iter()
                .map(|id| match roles::role(id) {
                    Some(r) => r.name.to_string(),
                    None => format!("{id} (role not in table)"),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        "amr" => Some(
            v.c()
                .amr
                .iter()
                .map(|m| match claims::amr(m) {
                    Some(a) => format!("{m} = {}", a.meaning),
                    None => format!("{m} = unknown method"),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "uti" => uti_to_guid(raw).map(|g| format!("request id {g} (as the sign-in logs show it)")),
        _ => None,
    }
}

/// The value in words for claims whose values the claim value table names.
fn shown_value(name: &str, raw: &str) -> Option<String> {
    match name {
        "idtyp" | "acct" | "nii" => Some(
            claims::value_meaning(name, raw)
                .map(str::to_string)
                .unwrap_or_else(|| raw.to_string()),
        ),
        "xms_cc" => Some(match claims::value_meaning(name, "cp1") {
            Some(meaning) if raw.contains("cp1") => format!("{raw}{meaning}"),
            _ => raw.to_string(),
        }),
        "appctx" => appctx_words(raw),
        "trustedfordelegation" => Some(
            claims::value_meaning(name, &raw.to_ascii_lowercase())
                .map_or_else(|| raw.to_string(), str::to_string),
        ),
        "isbrowserhostedapp" => Some(format!("{raw}: whether the add-in runs in a browser")),
        "actortoken" => Some("signed actor token, decoded below".to_string()),
        "xms_mirid" => Some(match managed_identity_parts(raw) {
            Some((true, name, group, _)) => {
                format!("user-assigned managed identity {name} in resource group {group}")
            }
            Some((false, name, group, kind)) => format!(
                "system-assigned managed identity of the Azure resource {name} ({kind}) in resource group {group}"
            ),
            None => "managed identity (the resource id could not be read)".to_string(),
        }),
        _ => None,
    }
}

/// The members of Exchange's `appctx` object, each with its meaning when known.
fn appctx_words(raw: &str) -> Option<String> {
    let value = serde_json::from_str::<Value>(raw).ok()?;
    let object = value.as_object()?;
    Some(
        object
            .iter()
            .map(|(k, v)| {
                let v = compact_value(v);
                let note = if k == "version" {
                    claims::value_meaning("appctx.version", &v)
                } else {
                    claims::value_meaning("appctx", k)
                };
                format!("{k}: {v}{}", note.unwrap_or(""))
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}
