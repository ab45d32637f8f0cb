//! Tokens of other identity providers (not Entra, AD FS or B2C): the verdict and the rule that
//! Microsoft APIs do not accept them.

use super::verdict::Names;
use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::apps;
use crate::report::{Finding, Severity};

pub fn verdict(v: &TokenView, n: &Names) -> String {
    let c = v.c();
    let from = c.iss.as_deref().map(|i| match apps::foreign_issuer(i) {
        Some(known) => format!(" from {} ({i})", known.name),
        None => format!(" from {i}"),
    });
    let id_token = v.has("nonce") || v.has("at_hash");
    let at_jwt = v
        .token
        .head
        .typ
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("at+jwt"));
    let (article, noun) = if id_token {
        ("An", "OpenID Connect ID token")
    } else if at_jwt {
        ("An", "access token (RFC 9068, typ at+jwt)")
    } else {
        ("A", "JSON Web Token")
    };
    let lead = match v.who {
        Principal::AppOnly if !id_token => format!("An app-only {noun}"),
        _ => format!("{article} {noun}"),
    };
    let mut out = format!(
        "{lead}{}, not a Microsoft Entra token",
        from.unwrap_or_default()
    );
    if let Some(r) = &n.resources_text {
        out.push_str(&format!(", for {r}"));
    }
    if let Some(client) = &c.client {
        out.push_str(&format!(", issued to client {client}"));
    }
    if let Some(subject) = c.user.clone().or_else(|| c.sub.clone()) {
        out.push_str(&format!(", about {subject}"));
    }
    out
}

/// `token.not-entra`: another identity provider's token, which Microsoft APIs do not accept.
pub fn not_entra(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::Generic {
        return Vec::new();
    }
    let known = v.evidence.issuer.as_deref().and_then(apps::foreign_issuer);
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
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    #[test]
    fn not_entra_fires_on_another_providers_token() {
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://accounts.example/","aud":"x","sub":"s"}"#,
        ));
        assert_eq!(not_entra(&v, &Context::fixed()).len(), 1);
        assert!(verdict(&v, &Names::new(&v)).contains("not a Microsoft Entra token"));
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://sts.windows.net/t/","tid":"t","aud":"x","scp":"s"}"#,
        ));
        assert!(not_entra(&v, &Context::fixed()).is_empty());
    }
}
