//! Microsoft Entra access tokens: the verdict, the permission rules (roles, scp, audience) and
//! the rules for well-known workloads (Exchange Online PowerShell, Teams); also the verdict and
//! rule of an Entra token whose payload was cut before its type could be told.

use super::verdict::Names;
use super::view::{Principal, TokenType, TokenView};
use crate::context::Context;
use crate::knowledge::apps;
use crate::knowledge::tokens as facts;
use crate::report::{Finding, Severity, Step};

/// The middle of the verdict of an access token (Entra or AD FS, which `lead` names).
pub fn access_verdict(v: &TokenView, n: &Names, lead: String) -> String {
    let mut out = lead;
    if let Some(r) = &n.resources_text {
        out.push_str(&format!(" for {r}"));
    }
    if let Some(app) = &n.app_text {
        out.push_str(&format!(", issued to {app}"));
    }
    if let Some(how) = &n.acr_text {
        out.push_str(how);
    }
    if v.who == Principal::Delegated {
        if let Some(u) = &v.c().user {
            out.push_str(&format!(", for user {u}"));
        }
    }
    out
}

/// "An access token", "App-only access token" or "Delegated (user) access token".
pub fn article(n: &Names) -> &'static str {
    if n.who_text.is_empty() {
        "An"
    } else {
        n.who_text
    }
}

pub fn verdict(v: &TokenView, n: &Names) -> String {
    let lead = format!("{} access token{}", article(n), n.ver_text);
    access_verdict(v, n, lead)
}

pub fn uncertain_verdict(v: &TokenView, n: &Names) -> String {
    let mut out = "A Microsoft Entra token cut before the claims that tell an access token (scp, roles, azp or appid) from an ID token (nonce) could be read, so its type is uncertain".to_string();
    if let Some(u) = &v.c().user {
        out.push_str(&format!(", for user {u}"));
    }
    if let Some(r) = &n.resources_text {
        out.push_str(&format!(", audience {r}"));
    }
    out
}

/// `token.type-uncertain`: the cut removed the claims that tell access and ID tokens apart.
pub fn type_uncertain(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::EntraUncertain {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Token type uncertain",
        "The claims before the cut hold no scp, roles, azp or appid (which an access token has) and no nonce (which an ID token has); Entra writes those after the claims shown here, so the cut may have removed them. Copy the whole token to tell an access token from an ID token.",
    )]
}

/// The audience of an Entra access token, lowercase and without a trailing slash.
fn access_aud(v: &TokenView) -> Option<String> {
    (v.kind == TokenType::EntraAccess).then(|| {
        v.evidence
            .aud
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    })
}

fn exchange_aud(v: &TokenView) -> bool {
    access_aud(v).is_some_and(|aud| facts::EXCHANGE_AUDIENCES.contains(&aud.as_str()))
}

/// `token.exo-powershell-app-only`: Exchange.ManageAsApp for Exchange Online PowerShell.
pub fn exo_powershell_app_only(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !(exchange_aud(v)
        && v.who == Principal::AppOnly
        && v.evidence.roles.iter().any(|r| r == "Exchange.ManageAsApp"))
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Exchange Online PowerShell, app-only",
        "Exchange.ManageAsApp lets this app connect to Exchange Online PowerShell with a certificate (Connect-ExchangeOnline -AppId -CertificateThumbprint -Organization). The permission alone runs no cmdlets: the app's service principal also needs a Microsoft Entra role such as Exchange Administrator (or an Exchange role group), or cmdlets fail as unauthorized.",
    )]
}

/// `token.exo-powershell-sign-in`: an admin signed in to Exchange Online PowerShell.
pub fn exo_powershell_sign_in(v: &TokenView, _: &Context) -> Vec<Finding> {
    let exo_client = v
        .evidence
        .appid
        .as_deref()
        .and_then(apps::app_by_id)
        .is_some_and(|a| facts::EXO_POWERSHELL_CLIENTS.contains(&a.id));
    if !(exchange_aud(v) && exo_client && v.who == Principal::Delegated) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Exchange Online PowerShell sign-in",
        "This token comes from the Exchange Online PowerShell module (Connect-ExchangeOnline). Which cmdlets the admin may run is decided by their Exchange role assignments (RBAC) in Exchange Online, not by scp.",
    )]
}

/// `token.teams-backend`: a token for the Teams service back end.
pub fn teams_backend(v: &TokenView, _: &Context) -> Vec<Finding> {
    if access_aud(v).as_deref() != Some(facts::TEAMS_BACKEND_AUDIENCE) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Teams back-end token",
        "api.spaces.skype.com is the Teams service back end that the Teams clients call; these tokens are for Microsoft's own clients. Your apps and scripts should call Microsoft Graph (teams, chats, channels) with a Graph token instead.",
    )]
}

/// An app-only Entra access token without roles, read whole.
fn app_only_without_roles(v: &TokenView) -> bool {
    v.kind == TokenType::EntraAccess
        && !v.token.payload_partial
        && v.who == Principal::AppOnly
        && v.evidence.roles.is_empty()
}

/// Access to this resource or identity comes from Azure role assignments, not app roles.
fn rbac(v: &TokenView) -> bool {
    v.evidence.aud.as_deref().is_some_and(apps::uses_azure_rbac) || v.has("xms_mirid")
}

/// `token.rbac-no-roles`: no roles, as is normal for Azure resources that use RBAC.
pub fn rbac_no_roles(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !(app_only_without_roles(v) && rbac(v)) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "No roles: access comes from Azure role assignments",
        "This app-only token carries no roles claim, which is normal here: the resource (an Azure service such as Resource Manager, Key Vault or Storage) or the managed identity is authorised by Azure role assignments (RBAC) or access policies, not by app roles in the token. If the call is refused (403), check the role assignments of this identity on the target resource.",
    )]
}

/// `token.app-only-without-roles`: an app-only token that holds no application permissions.
pub fn app_only_no_roles(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !app_only_without_roles(v) || rbac(v) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "App-only token without roles",
        "This app-only token carries no roles claim, so it holds no application permissions for this API. APIs that check permissions refuse it (Exchange: \"The token contains no permissions\" or \"missing the claim type 'roles'\"). Managed identity tokens for Azure resources that use RBAC instead of app roles are the exception.",
    )
    .cause("No Application permissions were added to the app registration for this API.")
    .cause("Admin consent was not granted for the Application permissions.")
    .step(Step::new("In the app registration, add the needed permissions as Application permissions (not Delegated) for this API."))
    .step(Step::new("Grant admin consent, then acquire a new token and check that roles appears."))]
}

/// `token.delegated-without-scp`: a user token without delegated scopes.
pub fn delegated_without_scp(v: &TokenView, _: &Context) -> Vec<Finding> {
    if !(v.kind == TokenType::EntraAccess
        && !v.token.payload_partial
        && v.who == Principal::Delegated
        && v.evidence.scopes.is_empty())
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Warning,
        "Delegated token without scp",
        "This token is for a signed-in user but carries no scp (delegated scopes), so an API that checks scopes will refuse it.",
    )]
}

/// `token.for-own-app`: the audience is the client app itself.
pub fn for_own_app(v: &TokenView, _: &Context) -> Vec<Finding> {
    let (Some(aud), Some(appid)) = (v.evidence.aud.as_deref(), v.evidence.appid.as_deref()) else {
        return Vec::new();
    };
    if v.kind != TokenType::EntraAccess
        || !(aud.eq_ignore_ascii_case(appid) || aud.eq_ignore_ascii_case(&format!("api://{appid}")))
    {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Token for the app itself",
        "aud is the client app's own id: this token is for the app's own API. Microsoft Graph, Exchange or SharePoint will refuse it; request a token for their resource instead.",
    )]
}

/// `token.audience-is-scope`: aud holds a scope string.
pub fn audience_is_scope(v: &TokenView, _: &Context) -> Vec<Finding> {
    match v.evidence.aud.as_deref() {
        Some(aud)
            if v.kind == TokenType::EntraAccess
                && (aud.contains("/.default") || aud.contains(' ')) =>
        {
            vec![Finding::new(
                Severity::Error,
                "Audience looks like a scope",
                format!("aud is '{aud}', which is a scope string, not a resource. No Microsoft API accepts it."),
            )]
        }
        _ => Vec::new(),
    }
}

/// `token.managed-identity`: a managed identity's token.
pub fn managed_identity(v: &TokenView, _: &Context) -> Vec<Finding> {
    if v.kind != TokenType::EntraAccess || !v.has("xms_mirid") {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Info,
        "Managed identity",
        "xms_mirid names the Azure resource whose managed identity got this token; the app authenticated with a platform-managed certificate credential (appidacr 2).",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::tokens::view::tests::token;

    type Check = fn(&TokenView, &Context) -> Vec<Finding>;

    fn fires(check: Check, payload: &str) -> bool {
        let v = TokenView::new(token(r#"{"alg":"RS256"}"#, payload));
        !check(&v, &Context::fixed()).is_empty()
    }

    const ISS: &str = r#""iss":"https://sts.windows.net/t/","tid":"t""#;

    fn p(rest: &str) -> String {
        format!("{{{ISS},{rest}}}")
    }

    #[test]
    fn type_uncertain_fires_on_a_cut_entra_token_only() {
        let mut t = token(r#"{"alg":"RS256"}"#, &p(r#""aud":"a","upn":"u""#));
        t.payload_partial = true;
        assert_eq!(
            type_uncertain(&TokenView::new(t), &Context::fixed()).len(),
            1
        );
        assert!(!fires(type_uncertain, &p(r#""aud":"a","upn":"u""#)));
    }

    #[test]
    fn exchange_powershell_rules_fire_on_their_tokens() {
        let app = p(
            r#""aud":"https://outlook.office365.com","appid":"a","roles":["Exchange.ManageAsApp"]"#,
        );
        assert!(fires(exo_powershell_app_only, &app));
        assert!(!fires(
            exo_powershell_app_only,
            &p(r#""aud":"https://outlook.office365.com","appid":"a","roles":["x"]"#)
        ));
        let user = p(&format!(
            r#""aud":"https://outlook.office365.com","appid":"{}","scp":"a","upn":"u""#,
            apps::ids::EXO_REMOTE_POWERSHELL
        ));
        assert!(fires(exo_powershell_sign_in, &user));
        assert!(!fires(exo_powershell_sign_in, &app));
    }

    #[test]
    fn teams_backend_fires_on_its_audience() {
        assert!(fires(
            teams_backend,
            &p(r#""aud":"https://api.spaces.skype.com","scp":"a""#)
        ));
        assert!(!fires(
            teams_backend,
            &p(r#""aud":"https://graph.microsoft.com","scp":"a""#)
        ));
    }

    #[test]
    fn roles_rules_tell_rbac_resources_from_others() {
        let graph = p(r#""aud":"https://graph.microsoft.com","appid":"a","idtyp":"app""#);
        let arm = p(r#""aud":"https://management.azure.com/","appid":"a","idtyp":"app""#);
        assert!(fires(app_only_no_roles, &graph));
        assert!(!fires(app_only_no_roles, &arm));
        assert!(fires(rbac_no_roles, &arm));
        assert!(!fires(rbac_no_roles, &graph));
    }

    #[test]
    fn delegated_without_scp_fires_on_a_user_token_without_scopes() {
        assert!(fires(
            delegated_without_scp,
            &p(r#""aud":"x","appid":"a","idtyp":"user""#)
        ));
        assert!(!fires(
            delegated_without_scp,
            &p(r#""aud":"x","appid":"a","scp":"s""#)
        ));
    }

    #[test]
    fn audience_rules_fire_on_odd_audiences() {
        assert!(fires(
            for_own_app,
            &p(r#""aud":"api://a","appid":"a","scp":"s""#)
        ));
        assert!(!fires(
            for_own_app,
            &p(r#""aud":"api://b","appid":"a","scp":"s""#)
        ));
        assert!(fires(
            audience_is_scope,
            &p(r#""aud":"https://x/.default","scp":"s""#)
        ));
        assert!(!fires(
            audience_is_scope,
            &p(r#""aud":"https://x","scp":"s""#)
        ));
    }

    #[test]
    fn managed_identity_fires_on_xms_mirid() {
        assert!(fires(
            managed_identity,
            &p(r#""aud":"x","appid":"a","xms_mirid":"/s/x""#)
        ));
        assert!(!fires(managed_identity, &p(r#""aud":"x","appid":"a""#)));
    }
}
