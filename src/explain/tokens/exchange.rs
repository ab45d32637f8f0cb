//! Exchange identity and callback tokens (legacy Outlook add-in tokens): the verdicts, what a
//! callback token allows, and the rule that Exchange Online turned them off.

use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::report::{Finding, Severity};

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
    fn legacy_exchange_fires_on_identity_and_callback_tokens() {
        let ctx = Context::fixed();
        assert_eq!(legacy_exchange(&view("ExIdTok.V1"), &ctx).len(), 1);
        assert_eq!(legacy_exchange(&view("ExCallback.V1"), &ctx).len(), 1);
        assert!(legacy_exchange(&view("Other"), &ctx).is_empty());
    }
}
