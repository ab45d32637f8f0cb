//! Exchange identity and callback tokens (legacy Outlook add-in tokens): the verdicts, what a
//! callback token allows, the rule that Exchange Online turned them off, and the rule that EWS in
//! Exchange Online is being turned off.

use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::tokens;
use crate::report::{Finding, Severity, Step};
use crate::text::relative;

pub fn identity_verdict(v: &TokenView) -> String {
    let mut out = "Exchange identity token for an Outlook add-in: it identifies the mailbox user to the add-in's own back end".to_string();
    if let Some(a) = &v.c().aud {
        out.push_str(&format!(" at {a}"));
    }
    out
}

pub fn callback_verdict(v: &TokenView) -> String {
    let c = v.c();
    let mut out = "Exchange callback token that lets an Outlook add-in's back end call back into the user's mailbox (EWS or REST)".to_string();
    if let Some(u) = c.appctx("smtp") {
        out.push_str(&format!(" of {u}"));
    }
    if c.appctx("scope").is_some() {
        out.push_str(", scoped to one item");
    }
    out
}

/// `token.exchange-callback-scope`: what a callback token reaches, and for how long.
pub fn callback_scope(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::ExchangeCallback {
        return Vec::new();
    }
    let c = v.c();
    let user = c
        .appctx("smtp")
        .unwrap_or_else(|| "the mailbox user".to_string());
    let protocol = c
        .appctx("msexchprot")
        .unwrap_or_else(|| "EWS or REST".to_string());
    let text = match c.appctx("scope") {
        Some(sc) => format!(
            "Exchange issued this token to an Outlook add-in (getCallbackTokenAsync) so that its back end can call {protocol} as {user}. It is scoped ({sc}): it reaches only that one item, which is why it lives only minutes; an unscoped callback token reaches the whole mailbox for hours. Exchange Online no longer issues or accepts these legacy tokens; on-premises Exchange still does."
        ),
        None => format!(
            "Exchange issued this token to an Outlook add-in (getCallbackTokenAsync) so that its back end can call {protocol} as {user}. Exchange Online no longer issues or accepts these legacy tokens; on-premises Exchange still does."
        ),
    };
    vec![Finding::new(
        Severity::Info,
        "What this callback token allows",
        text,
    )]
}

/// `token.legacy-exchange`: Exchange Online turned legacy Exchange tokens off.
pub fn legacy_exchange(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !matches!(
        v.kind,
        TokenType::ExchangeIdentity | TokenType::ExchangeCallback
    ) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Legacy Exchange token",
        "Legacy Exchange identity and callback tokens are turned off in Exchange Online (calls fail); they remain supported on-premises. Add-ins should use nested app authentication (NAA) or SSO with Microsoft Entra tokens.",
    )]
}

/// `token.exo-ews-retiring`: a token for EWS in Exchange Online, which Microsoft is turning off
/// (blocked by default from October 1, 2026, off for good from April 1, 2027).
pub fn ews_retiring(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    let c = v.c();
    let exchange_online = c.audiences.iter().any(|a| {
        let a = a.trim_end_matches('/').to_ascii_lowercase();
        tokens::EXCHANGE_AUDIENCES.contains(&a.as_str())
    });
    let ews: Vec<&String> = c
        .scp
        .iter()
        .chain(&c.roles)
        .filter(|p| {
            tokens::EWS_PERMISSIONS
                .iter()
                .any(|e| p.eq_ignore_ascii_case(e))
        })
        .collect();
    let Some(permission) = ews.first() else {
        return Vec::new();
    };
    if !exchange_online {
        return Vec::new();
    }
    let on = |ts: i64| relative(ts, ctx.now);
    let (title, text) = if ctx.now >= tokens::EWS_END {
        (
            "EWS in Exchange Online is turned off",
            format!("This token carries {permission}, a permission only Exchange Web Services (EWS) uses, for Exchange Online. EWS in Exchange Online was turned off for good on {} ({}), with no exceptions, so no call with this token can succeed whatever its claims say. Exchange Server on-premises keeps EWS.", tokens::EWS_END_WORDS, on(tokens::EWS_END)),
        )
    } else if ctx.now >= tokens::EWS_BLOCK_START {
        (
            "EWS in Exchange Online is blocked unless the tenant allows this app",
            format!("This token carries {permission}, a permission only Exchange Web Services (EWS) uses, for Exchange Online. Since {} ({}), Exchange Online blocks EWS in every tenant whose EWSEnabled setting was left unset (it becomes False); with EWSEnabled True, only the apps on the tenant's AppID allow list may use EWS. A refusal of an EWS call with this token may be that block rather than the token. EWS in Exchange Online is turned off for good on {} ({}); Exchange Server on-premises keeps EWS.", tokens::EWS_BLOCK_START_WORDS, on(tokens::EWS_BLOCK_START), tokens::EWS_END_WORDS, on(tokens::EWS_END)),
        )
    } else {
        (
            "EWS in Exchange Online is being retired",
            format!("This token carries {permission}, a permission only Exchange Web Services (EWS) uses, for Exchange Online. From {} ({}), Exchange Online blocks EWS in every tenant whose EWSEnabled setting is still unset, and only allow-listed apps may use it where EWSEnabled is True; on {} ({}) EWS in Exchange Online is turned off for good. Exchange Server on-premises keeps EWS.", tokens::EWS_BLOCK_START_WORDS, on(tokens::EWS_BLOCK_START), tokens::EWS_END_WORDS, on(tokens::EWS_END)),
        )
    };
    let mut f = Finding::new(Severity::Warning, title, text)
        .step(Step::new("Move the app to Microsoft Graph (its mail, calendar and contacts APIs); on-premises mailboxes in a hybrid keep EWS."))
        .source(tokens::EWS_END_SOURCE);
    if ctx.now < tokens::EWS_END {
        f = f.step(Step::with_command(
            "Until then, see whether the tenant allows EWS (True: only allow-listed apps; False: blocked; empty: blocked from October 2026).",
            "Get-OrganizationConfig | Format-List EWSEnabled",
        ));
    }
    vec![f]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    fn view(version: &str) -> TokenView {
        TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"aud":"https://addin.example/","iss":"x@t","appctx":"{{\"version\":\"{version}\",\"smtp\":\"m@x\"}}"}}"#
            ),
        ))
    }

    #[test]
    fn callback_scope_fires_on_a_callback_token() {
        let ctx = Context::fixed();
        assert_eq!(callback_scope(&view("ExCallback.V1"), &ctx).len(), 1);
        assert!(callback_scope(&view("ExIdTok.V1"), &ctx).is_empty());
    }

    #[test]
    fn ews_retiring_follows_the_dates_and_needs_an_ews_permission_for_exchange_online() {
        let ews = |payload: &str| TokenView::new(token(r#"{"alg":"RS256"}"#, payload));
        let app = ews(r#"{"aud":"https://outlook.office365.com","roles":["full_access_as_app"]}"#);
        let at = |now: i64| Context {
            now,
            ..Context::fixed()
        };
        let before = ews_retiring(&app, &at(tokens::EWS_BLOCK_START - 86_400));
        assert_eq!(before[0].title, "EWS in Exchange Online is being retired");
        let during = ews_retiring(&app, &at(tokens::EWS_BLOCK_START + 86_400));
        assert!(during[0].title.contains("blocked unless"));
        assert!(during[0].steps.iter().any(
            |s| s.command.as_deref() == Some("Get-OrganizationConfig | Format-List EWSEnabled")
        ));
        let after = ews_retiring(&app, &at(tokens::EWS_END));
        assert_eq!(after[0].title, "EWS in Exchange Online is turned off");
        assert_eq!(after[0].steps.len(), 1);
        let user =
            ews(r#"{"aud":"00000002-0000-0ff1-ce00-000000000000","scp":"EWS.AccessAsUser.All"}"#);
        assert_eq!(ews_retiring(&user, &at(tokens::EWS_END)).len(), 1);
        // Graph mail permissions, and EWS permissions for another audience, are not EWS in Exchange Online.
        let graph = ews(r#"{"aud":"https://graph.microsoft.com","roles":["Mail.Read"]}"#);
        assert!(ews_retiring(&graph, &at(tokens::EWS_END)).is_empty());
        let onprem = ews(r#"{"aud":"https://mail.contoso.com","scp":"EWS.AccessAsUser.All"}"#);
        assert!(ews_retiring(&onprem, &at(tokens::EWS_END)).is_empty());
    }

    #[test]
    fn legacy_exchange_fires_on_identity_and_callback_tokens() {
        let ctx = Context::fixed();
        assert_eq!(legacy_exchange(&view("ExIdTok.V1"), &ctx).len(), 1);
        assert_eq!(legacy_exchange(&view("ExCallback.V1"), &ctx).len(), 1);
        assert!(legacy_exchange(&view("Other"), &ctx).is_empty());
    }
}
