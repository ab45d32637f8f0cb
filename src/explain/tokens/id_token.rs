//! Microsoft Entra ID tokens: the verdict and the rule that an ID token is not an access token.

use super::names::describe_app;
use super::verdict::Names;
use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::report::{Finding, Severity};

pub fn verdict(v: &TokenView, n: &Names) -> String {
    let c = v.c();
    format!(
        "ID token{} proving that {} signed in to app {}",
        n.ver_text,
        c.user.as_deref().unwrap_or("a user"),
        c.aud
            .as_deref()
            .map(|a| describe_app(a).map_or(a.to_string(), |n| format!("{n} ({a})")))
            .unwrap_or_else(|| "(no aud)".to_string())
    )
}

/// `token.id-token-not-access`: an ID token, which APIs do not accept.
pub fn id_token_not_access(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::EntraId || v.decoded_only {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "ID token, not an access token",
        "ID tokens prove a sign-in to the client app. Sending one to an API as a Bearer token fails; request an access token for the API.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    #[test]
    fn id_token_not_access_fires_on_an_id_token() {
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","tid":"t","aud":"a","nonce":"n"}"#,
        ));
        assert_eq!(id_token_not_access(&v, &Context::fixed()).len(), 1);
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","tid":"t","aud":"a","scp":"s"}"#,
        ));
        assert!(id_token_not_access(&v, &Context::fixed()).is_empty());
    }
}
