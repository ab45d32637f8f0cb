//! AD FS tokens: the verdict and the rule that says Microsoft cloud APIs do not accept them.

use super::entra_access::{access_verdict, article};
use super::verdict::Names;
use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::report::{Finding, Severity};

pub fn verdict(v: &TokenView, n: &Names) -> String {
    let host = v
        .c()
        .iss
        .as_deref()
        .and_then(|i| i.split("://").nth(1))
        .and_then(|r| r.split('/').next())
        .unwrap_or("an AD FS server");
    let lead = format!(
        "{} access token{} from AD FS at {host} (on-premises federation, not Microsoft Entra ID)",
        article(n),
        n.ver_text
    );
    access_verdict(v, n, lead)
}

/// `token.adfs`: an AD FS token, which Microsoft cloud APIs do not accept.
pub fn adfs(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::Adfs {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "AD FS, not Microsoft Entra ID",
        "An on-premises AD FS server issued this token for an app registered in AD FS (an application group). Microsoft Graph, Exchange Online and SharePoint Online do not accept AD FS tokens; on-premises Exchange or SharePoint and your own APIs can, when they trust this AD FS.",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    #[test]
    fn adfs_fires_on_an_adfs_issuer() {
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://fs.contoso.com/adfs","aud":"x"}"#,
        ));
        assert_eq!(adfs(&v, &Context::fixed()).len(), 1);
        assert!(verdict(&v, &Names::new(&v)).contains("fs.contoso.com"));
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, r#"{"iss":"x","aud":"x"}"#));
        assert!(adfs(&v, &Context::fixed()).is_empty());
    }
}
