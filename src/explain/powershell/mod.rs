//! Explain stage for PowerShell output: each `PsObject` of a known type becomes a card with its
//! properties (and what they mean, from `knowledge::ps_objects`), a verdict, the findings of its
//! cmdlet's own rule catalogue where it has one, and the table rules every object gets
//! (`generic`): wrong values, credentials, and a plain "nothing needs fixing".

pub mod generic;
pub mod oauth_objects;
pub mod org_config;

use crate::context::Context;
use crate::decode::powershell::views::{
    AuthConfig, AuthServer, IntraOrganizationConnector, OAuthTest, OrganizationConfig,
    PartnerApplication,
};
use crate::decode::powershell::{find, PsLayout, PsObject};
use crate::explain::rule;
use crate::knowledge::ps_objects::PsType;
use crate::knowledge::{apps, metadata_hosts};
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity};

/// Finds, decodes and explains every PowerShell object of a known type in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    find(text)
        .into_iter()
        .filter_map(|o| {
            let table = o.layout == PsLayout::Table;
            let ty = o.ty.filter(|t| t.own_card || table)?;
            Some(card(o, ty, ctx))
        })
        .collect()
}

/// The verdict and findings of the object types that have a rule catalogue of their own.
fn own_rules(o: &PsObject, ty: &PsType, ctx: &Context) -> Option<(String, Vec<Finding>)> {
    let name = o.name();
    Some(match ty.cmdlet {
        "Get-PartnerApplication" => {
            let v = PartnerApplication::read(o);
            let id = &v.application_identifier;
            let app = apps::app_by_id(id).map_or(id.to_string(), |x| x.name.to_string());
            let verdict = format!("Exchange partner application {app} ({id}).");
            (
                verdict,
                rule::run(oauth_objects::PARTNER_APPLICATION, &v, ctx),
            )
        }
        "Get-AuthServer" => {
            let v = AuthServer::read(o);
            let verdict = format!("Exchange auth server {name}.");
            (verdict, rule::run(oauth_objects::AUTH_SERVER, &v, ctx))
        }
        "Get-AuthConfig" => {
            let v = AuthConfig::read(o);
            let verdict = "Exchange's own OAuth configuration (Get-AuthConfig).".to_string();
            (verdict, rule::run(oauth_objects::AUTH_CONFIG, &v, ctx))
        }
        "Get-IntraOrganizationConnector" => {
            let v = IntraOrganizationConnector::read(o);
            let verdict = format!("Intra-organization connector {name}.");
            let rules = oauth_objects::INTRA_ORGANIZATION_CONNECTOR;
            (verdict, rule::run(rules, &v, ctx))
        }
        "Test-OAuthConnectivity" => {
            let v = OAuthTest::read(o);
            let verdict = format!("Test-OAuthConnectivity result: {}.", v.result_type);
            (verdict, rule::run(oauth_objects::OAUTH_TEST, &v, ctx))
        }
        "Get-OrganizationConfig" => {
            let v = OrganizationConfig::read(o);
            (
                org_config::verdict(&v),
                rule::run(org_config::RULES, &v, ctx),
            )
        }
        _ => return None,
    })
}

/// The card of one object.
fn card(o: PsObject, ty: &'static PsType, ctx: &Context) -> Artifact {
    let cmdlet = o.cmdlet_name().to_string();
    let name = o.name().to_string();
    let mut a = Artifact::new(
        ArtifactKind::PowerShell,
        o.span,
        format!(
            "{cmdlet} output{}",
            if name.is_empty() {
                String::new()
            } else {
                format!(": {name}")
            }
        ),
    );
    a.sections.push(properties(&o, ty, &cmdlet));
    for p in &o.properties {
        a.evidence.facts.push((
            format!("{cmdlet}.{}", p.name),
            shown_value(ty, &p.name, &p.value),
        ));
    }
    let (verdict, mut findings) = own_rules(&o, ty, ctx).unwrap_or_else(|| {
        let row = if o.layout == PsLayout::Table {
            " (a Format-Table row)"
        } else {
            ""
        };
        let named = if name.is_empty() {
            String::new()
        } else {
            format!(" {name}")
        };
        (format!("{}{named}{row}.", ty.object), Vec::new())
    });
    let troubled = findings
        .iter()
        .any(|f| matches!(f.severity, Severity::Error | Severity::Warning) || !f.steps.is_empty());
    let view = generic::PsView {
        object: o,
        ty,
        troubled,
    };
    findings.extend(rule::run(generic::RULES, &view, ctx));
    a.verdict = verdict;
    a.findings = findings;
    a
}

/// A property's value as a report shows it: masked when it is a secret.
fn shown_value(ty: &PsType, name: &str, value: &str) -> String {
    if ty.secrets.iter().any(|s| s.eq_ignore_ascii_case(name)) && !value.is_empty() {
        crate::mask::masked(value)
    } else {
        crate::mask::value_for(name, value)
    }
}

/// The "<cmdlet> fields" section: every property, with what it names or means.
fn properties(o: &PsObject, ty: &PsType, cmdlet: &str) -> Section {
    let mut s = Section::new(format!("{cmdlet} fields"));
    for p in &o.properties {
        let (k, v) = (&p.name, &p.value);
        let mut f = Field::new(k.clone(), shown_value(ty, k, v));
        let named_app = ["ApplicationIdentifier", "IssuerIdentifier", "AppId"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(k));
        if let Some(app) = apps::app_by_id(v).filter(|_| named_app) {
            f = f.shown(app.name).source(app.source);
        }
        if k.eq_ignore_ascii_case("AuthMetadataUrl") {
            if let Some((_, c)) = metadata_hosts::cloud_of_url(v) {
                f = f.meaning(format!("metadata of {c}"));
            }
        } else if let Some(row) = ty.property(k) {
            f = f.meaning(row.meaning).source(row.source);
        }
        if p.cut {
            f = f.meaning("cut by PowerShell: the full value is longer");
        }
        s.push(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_partner_application_without_app_only_permissions() {
        let t = "Enabled                             : True\nApplicationIdentifier               : 00000003-0000-0000-c000-000000000000\nAppOnlyPermissions                  :\nActAsPermissions                    : {Mail.Read, Mail.Write…}\nName                                : Microsoft Graph\n";
        let a = scan(t, &Context::fixed());
        assert_eq!(a.len(), 1);
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("Set-PartnerApplication"), "{text}");
        assert!(text.contains("UNSUPPORTED"));
        assert!(!text.contains("Nothing here needs fixing"));
    }

    #[test]
    fn auth_server_and_test_result() {
        let t = "Name                          : EvoSts\nType                          : AzureAD\nAuthMetadataUrl               : https://login.microsoftonline.us/contoso.onmicrosoft.com/federationmetadata/2007-06/federationmetadata.xml\nIsDefaultAuthorizationEndpoint : False\nEnabled                       : True\n";
        let a = scan(t, &Context::fixed());
        let text = crate::render::artifact_text(&a[0]);
        assert!(text.contains("US Government"));
        assert!(text.contains("IsDefaultAuthorizationEndpoint $true"));
        let t = "Task       : Checking EWS API Call Under Oauth\nDetail     : The remote server returned an error: (401) Unauthorized.\n             more detail\nResultType : Error\nIdentity   :\n";
        let a = scan(t, &Context::fixed());
        assert!(a[0].verdict.contains("Error"));
        let ok = t.replace("ResultType : Error", "ResultType : Success");
        let text = crate::render::artifact_text(&scan(&ok, &Context::fixed())[0]);
        assert!(text.contains("Nothing here needs fixing"), "{text}");
    }

    #[test]
    fn secrets_are_masked_and_fixes_name_the_object() {
        let t = "PS C:\\> New-AzureADApplicationPasswordCredential -ObjectId x\n\nCustomKeyIdentifier :\nEndDate             : 9/28/2017 3:57:10 PM\nKeyId               :\nStartDate           : 9/28/2016 3:57:10 PM\nValue               : ZJ0V1Yg4cp4eWIey9DrYspqVdX1pdvY437P/ueGxVLU=\n";
        let text = crate::render::artifact_text(&scan(t, &Context::fixed())[0]);
        assert!(!text.contains("ZJ0V1Yg4cp4e"), "{text}");
        assert!(text.contains("client secret expired"), "{text}");
        let t = "Name                  : Fabrikam\nEnabled               : False\nFreeBusyAccessEnabled : True\nDomainNames           : {fabrikam.com}\n";
        let text = crate::render::artifact_text(&scan(t, &Context::fixed())[0]);
        assert!(
            text.contains("Set-OrganizationRelationship -Identity \"Fabrikam\" -Enabled $true"),
            "{text}"
        );
    }
}
