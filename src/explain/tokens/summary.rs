//! The summary section of a token card: type, version, who it acts as, resource, client app,
//! permissions, user, tenant, issuer and times.

use super::names::{
    describe_acr, describe_app, describe_issuer, describe_tenant, permissions_text,
};
use super::times::usual_lifetime;
use super::verdict::Names;
use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::claims;
use crate::report::{Field, Section};
use crate::text::{duration_words, is_guid, relative, utc};

pub fn section(v: &TokenView, title: &str, ctx: &Context) -> Section {
    let n = Names::new(v);
    let mut summary = Section::new("Summary");
    summary.push(Field::new("Token type", title.to_string()));
    if let Some(ver) = &v.ver {
        summary.push(Field::new("Format version", ver.clone()).meaning(
            "v1 and v2 differ in claim names and issuer; the API's accessTokenAcceptedVersion chooses the format, not the endpoint the client used",
        ));
    }
    acts_as(v, &mut summary);
    resource_and_client(v, &n, &mut summary);
    permissions_and_user(v, &mut summary);
    tenant_issuer_times(v, ctx, &mut summary);
    summary
}

fn acts_as(v: &TokenView, summary: &mut Section) {
    match v.who {
        _ if matches!(
            v.kind,
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
}

fn resource_and_client(v: &TokenView, n: &Names, summary: &mut Section) {
    let c = v.c();
    let aud_label = match v.kind {
        TokenType::EntraId => "App signed in to (aud)",
        TokenType::ClientAssertion => "Token endpoint (aud)",
        _ => "Resource (aud)",
    };
    match (&n.resource, c.aud.as_deref()) {
        // A GUID that no table names would only be repeated; say what to do with it instead.
        (Some(_), Some(a)) if is_guid(a) && describe_app(a).is_none() => summary.push(
            Field::new(aud_label, a.to_string())
                .shown("not a well-known Microsoft app: find this Application (client) ID under App registrations or Enterprise applications"),
        ),
        (Some(r), Some(a)) if v.kind != TokenType::ClientAssertion => {
            summary.push(Field::new(aud_label, a.to_string()).shown(r.clone()))
        }
        (_, Some(a)) => summary.push(Field::new(aud_label, a.to_string())),
        _ => {}
    }
    let client_id = c.appid.clone().or_else(|| {
        (v.kind == TokenType::ClientAssertion)
            .then(|| c.iss.clone())
            .flatten()
    });
    if let Some(app) = &client_id {
        let mut f = Field::new("Client app", app.clone());
        if let Some(name) = &n.app_name {
            f = f.shown(name.clone());
        }
        summary.push(f);
    }
    if let Some(a) = &c.acr {
        summary.push(Field::new("App authentication", a.clone()).shown(describe_acr(a)));
    }
}

fn permissions_and_user(v: &TokenView, summary: &mut Section) {
    let c = v.c();
    if !c.roles.is_empty() {
        let label = if v.who == Principal::Delegated {
            "App roles of the user (roles)"
        } else {
            "Application permissions (roles)"
        };
        summary.push(Field::new(label, c.roles.join(", ")).shown(permissions_text(&c.roles)));
    }
    if !c.scp.is_empty() {
        summary.push(
            Field::new("Delegated permissions (scp)", c.scp.join(" "))
                .shown(permissions_text(&c.scp)),
        );
    }
    if let Some(user) = c
        .user
        .clone()
        .or_else(|| c.smtp.clone())
        .or_else(|| c.appctx("smtp"))
    {
        summary.push(Field::new("User", user));
    }
    if !c.amr.is_empty() {
        let shown = c
            .amr
            .iter()
            .map(|m| {
                claims::amr(m).map_or(format!("{m} (unknown method)"), |a| {
                    a.meaning.trim_end_matches('.').to_string()
                })
            })
            .collect::<Vec<_>>()
            .join(" + ");
        summary.push(
            Field::new("User sign-in methods (amr)", c.amr.join(", "))
                .shown(shown)
                .meaning("How the user proved who they are when this sign-in happened"),
        );
    }
}

fn tenant_issuer_times(v: &TokenView, ctx: &Context, summary: &mut Section) {
    let c = v.c();
    if let Some(t) = &v.evidence.tid {
        let mut f = Field::new("Tenant", t.clone());
        if let Some(name) = describe_tenant(t) {
            f = f.shown(name);
        }
        summary.push(f);
    }
    if let Some(i) = &c.iss {
        let shown = if v.kind == TokenType::ClientAssertion {
            "the client app itself (a client assertion is self-issued)".to_string()
        } else {
            describe_issuer(i)
        };
        summary.push(Field::new("Issuer", i.clone()).shown(shown));
    }
    if let Some(i) = c.iat {
        summary.push(Field::new("Issued", utc(i)).shown(relative(i, ctx.now)));
    }
    if let Some(e) = c.exp {
        let state = if e < ctx.now { "expired" } else { "expires" };
        summary
            .push(Field::new("Expires", utc(e)).shown(format!("{state} {}", relative(e, ctx.now))));
    }
    if let (Some(start), Some(e)) = (c.nbf.or(c.iat), c.exp) {
        let usual = usual_lifetime(v);
        let mut f =
            Field::new("Lifetime", duration_words(e.saturating_sub(start))).meaning(usual.usual);
        if let Some(src) = usual.source {
            f = f.source(src);
        }
        summary.push(f);
    }
}
