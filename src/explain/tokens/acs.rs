//! App-only tokens from Azure Access Control Service (ACS): the verdict and the retirement of ACS
//! for SharePoint Online.

use super::verdict::Names;
use super::view::{TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::apps::ids;
use crate::knowledge::tokens as facts;
use crate::report::{Finding, Severity};
use crate::text::relative;

/// Whether Azure ACS issued the token (its issuer principal is ACS).
pub fn is_acs(v: &TokenView) -> bool {
    v.c()
        .iss
        .as_deref()
        .is_some_and(|i| i.starts_with(ids::ACS))
}

pub fn verdict(v: &TokenView, n: &Names) -> String {
    let mut out = "App-only token from Azure Access Control Service (ACS)".to_string();
    if let Some(r) = &n.resource {
        out.push_str(&format!(" for {r}"));
    }
    if let Some(nameid) = &v.c().nameid {
        out.push_str(&format!(
            ", issued to the add-in or app {} (registered in SharePoint with AppRegNew.aspx, authenticated with its client secret)",
            nameid.split('@').next().unwrap_or(nameid)
        ));
    }
    out
}

/// `token.acs-retiring`: Azure ACS stops working for SharePoint Online.
pub fn acs_retiring(v: &TokenView, ctx: &Context) -> Vec<Finding> {
    if v.kind != TokenType::S2sActor || !is_acs(v) {
        return Vec::new();
    }
    let sharepoint = v
        .c()
        .aud_single
        .as_deref()
        .is_some_and(|a| a.starts_with(ids::SHAREPOINT));
    let verb = if ctx.now >= facts::ACS_END {
        "stopped"
    } else {
        "stops"
    };
    let when = format!(
        "{verb} working on {} ({})",
        facts::ACS_END_WORDS,
        relative(facts::ACS_END, ctx.now)
    );
    let detail = if sharepoint {
        format!(
            "Azure Access Control Service (ACS) issued this app-only token for SharePoint Online: the pattern of a SharePoint add-in or script registered with AppRegNew.aspx and a client secret (for example Connect-PnPOnline -ClientId -ClientSecret). Azure ACS for SharePoint Online {when} for every tenant (new tenants could not use it from November 1, 2024), with no extension. Move the app to a Microsoft Entra app registration with SharePoint application permissions (Sites.Selected where possible) and a certificate; tenant admins can turn ACS app-only access off earlier with Set-SPOTenant -DisableCustomAppAuthentication $true."
        )
    } else {
        format!(
            "Azure Access Control Service (ACS) issued this server-to-server token. ACS for SharePoint Online {when}; on-premises SharePoint and Exchange hybrid use of ACS is not affected by that retirement."
        )
    };
    let severity = if sharepoint {
        Severity::Warning
    } else {
        Severity::Info
    };
    vec![Finding::new(
        severity,
        "Azure ACS token (retiring for SharePoint Online)",
        detail,
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    #[test]
    fn acs_retiring_fires_on_an_acs_token_for_sharepoint() {
        let p = format!(
            r#"{{"iss":"{}@t","nameid":"a@t","aud":"{}/contoso.sharepoint.com@t"}}"#,
            ids::ACS,
            ids::SHAREPOINT
        );
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, &p));
        let found = acs_retiring(&v, &Context::fixed());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        let v = TokenView::new(token(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"x@t","nameid":"a@t"}"#,
        ));
        assert!(acs_retiring(&v, &Context::fixed()).is_empty());
    }
}
