//! Rules over Get-OrganizationConfig output: its OAuth (modern authentication) and EWS application
//! access settings. What each property means and which value is wrong lives in
//! `knowledge::ps_objects::ORGANIZATION_CONFIG`; the rules pick the rows that apply.

use crate::context::Context;
use crate::decode::powershell::views::OrganizationConfig;
use crate::explain::rule::Rule;
use crate::knowledge::ps_objects::{self, GET_ORG};
use crate::report::{Finding, Severity};

/// The one-line verdict of the card.
pub fn verdict(v: &OrganizationConfig) -> String {
    let modern = match v.oauth2_client_profile_enabled {
        Some(true) => "modern authentication on",
        Some(false) => "modern authentication OFF",
        None => "modern authentication not shown",
    };
    let ews = match (v.ews_enabled, v.ews_application_access_policy.as_deref()) {
        (Some(false), _) => "EWS blocked for the organization".to_string(),
        (_, Some(p)) if !p.is_empty() => format!("EWS application policy {p}"),
        _ => "no EWS application policy".to_string(),
    };
    format!("Exchange organization configuration: {modern}, {ews}.")
}

/// A finding from the table row of `property`, with `detail` added to its consequence.
fn from_row(property: &str, severity: Severity, title: String, detail: &str) -> Finding {
    let Some(row) = ps_objects::organization_config(property) else {
        return Finding::new(severity, title, detail).source(GET_ORG);
    };
    let explanation = if detail.is_empty() {
        row.consequence.to_string()
    } else {
        format!("{} {detail}", row.consequence)
    };
    let mut f = Finding::new(severity, title, explanation).source(row.source);
    if let Some(fix) = row.fix {
        f = f.step(fix.to_step());
    }
    f
}

/// Get-OrganizationConfig.
pub const RULES: &[Rule<OrganizationConfig>] = &[
    Rule {
        id: "ps.org-modern-auth-off",
        severity: Severity::Error,
        title: "Modern authentication is off for Outlook and Exchange ActiveSync clients",
        source: Some(GET_ORG),
        check: modern_auth_off,
    },
    Rule {
        id: "ps.org-ews-disabled",
        severity: Severity::Error,
        title: "EWS is blocked for the whole organization",
        source: Some(GET_ORG),
        check: ews_disabled,
    },
    Rule {
        id: "ps.org-ews-allow-list",
        severity: Severity::Error,
        title: "Only the applications in EwsAllowList may use EWS",
        source: Some(GET_ORG),
        check: ews_allow_list,
    },
    Rule {
        id: "ps.org-ews-block-list",
        severity: Severity::Info,
        title: "The applications in EwsBlockList may not use EWS",
        source: Some(GET_ORG),
        check: ews_block_list,
    },
    Rule {
        id: "ps.org-ews-client-blocked",
        severity: Severity::Warning,
        title: "Outlook (Windows or Mac) may not use EWS",
        source: Some(GET_ORG),
        check: ews_client_blocked,
    },
];

fn modern_auth_off(v: &OrganizationConfig, _: &Context) -> Vec<Finding> {
    if v.oauth2_client_profile_enabled != Some(false) {
        return Vec::new();
    }
    let title = "OAuth2ClientProfileEnabled is False".to_string();
    vec![from_row(
        "OAuth2ClientProfileEnabled",
        Severity::Error,
        title,
        "",
    )]
}

fn ews_disabled(v: &OrganizationConfig, _: &Context) -> Vec<Finding> {
    if v.ews_enabled != Some(false) {
        return Vec::new();
    }
    let title = "EwsEnabled is False".to_string();
    vec![from_row("EwsEnabled", Severity::Error, title, "")]
}

fn ews_allow_list(v: &OrganizationConfig, _: &Context) -> Vec<Finding> {
    if !v.policy_is("EnforceAllowList") {
        return Vec::new();
    }
    let title = "EWS application access: allow list enforced".to_string();
    if v.ews_allow_list.is_empty() {
        let detail = "EwsAllowList is empty, so no application at all can use EWS or REST.";
        return vec![from_row(
            "EwsApplicationAccessPolicy",
            Severity::Error,
            title,
            detail,
        )];
    }
    let detail = format!("Allowed user agents: {}.", v.ews_allow_list.join(", "));
    vec![from_row(
        "EwsApplicationAccessPolicy",
        Severity::Warning,
        title,
        &detail,
    )]
}

fn ews_block_list(v: &OrganizationConfig, _: &Context) -> Vec<Finding> {
    if !v.policy_is("EnforceBlockList") || v.ews_block_list.is_empty() {
        return Vec::new();
    }
    let title = "EWS application access: block list enforced".to_string();
    let detail = format!("Blocked user agents: {}.", v.ews_block_list.join(", "));
    vec![from_row("EwsBlockList", Severity::Info, title, &detail)]
}

fn ews_client_blocked(v: &OrganizationConfig, _: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (property, value) in [
        ("EwsAllowOutlook", v.ews_allow_outlook),
        ("EwsAllowMacOutlook", v.ews_allow_mac_outlook),
    ] {
        if value == Some(false) {
            let title = format!("{property} is False");
            out.push(from_row(property, Severity::Warning, title, ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::rule;

    fn config() -> OrganizationConfig {
        OrganizationConfig {
            name: String::new(),
            oauth2_client_profile_enabled: Some(true),
            ews_enabled: None,
            ews_application_access_policy: None,
            ews_allow_list: Vec::new(),
            ews_block_list: Vec::new(),
            ews_allow_outlook: None,
            ews_allow_mac_outlook: None,
        }
    }

    fn fired(v: &OrganizationConfig) -> Vec<&'static str> {
        rule::run(RULES, v, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn a_default_configuration_is_quiet() {
        assert!(fired(&config()).is_empty());
    }

    #[test]
    fn modern_auth_off_and_ews_disabled() {
        let v = OrganizationConfig {
            oauth2_client_profile_enabled: Some(false),
            ews_enabled: Some(false),
            ..config()
        };
        assert_eq!(fired(&v), ["ps.org-modern-auth-off", "ps.org-ews-disabled"]);
        assert!(verdict(&v).contains("OFF"));
    }

    #[test]
    fn allow_and_block_lists() {
        let allow = OrganizationConfig {
            ews_application_access_policy: Some("EnforceAllowList".into()),
            ..config()
        };
        let f = rule::run(RULES, &allow, &Context::fixed());
        assert_eq!(
            f[0].severity,
            Severity::Error,
            "an empty allow list blocks everything"
        );
        let block = OrganizationConfig {
            ews_application_access_policy: Some("EnforceBlockList".into()),
            ews_block_list: vec!["OWA/*".into()],
            ..config()
        };
        assert_eq!(fired(&block), ["ps.org-ews-block-list"]);
    }

    #[test]
    fn outlook_clients_blocked() {
        let v = OrganizationConfig {
            ews_allow_outlook: Some(false),
            ews_allow_mac_outlook: Some(false),
            ..config()
        };
        assert_eq!(fired(&v).len(), 2);
    }
}
