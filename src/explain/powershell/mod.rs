//! Explain stage for Exchange PowerShell output: each `PsObject` becomes a card with its properties
//! (and what they mean), a verdict, and the findings of its cmdlet's rule catalogue.

pub mod oauth_objects;
pub mod org_config;

use crate::context::Context;
use crate::decode::powershell::views::{
    AuthConfig, AuthServer, IntraOrganizationConnector, OAuthTest, OrganizationConfig,
    PartnerApplication,
};
use crate::decode::powershell::{find, PsKind, PsObject};
use crate::explain::rule;
use crate::knowledge::{apps, metadata_hosts, ps_objects};
use crate::report::{Artifact, ArtifactKind, Field, Section};

/// Finds, decodes and explains every Format-List block of a known object type in `text`.
pub fn scan(text: &str, ctx: &Context) -> Vec<Artifact> {
    find(text)
        .iter()
        .filter_map(|o| o.kind.map(|kind| card(o, kind, ctx)))
        .collect()
}

/// The card of one object.
fn card(o: &PsObject, kind: PsKind, ctx: &Context) -> Artifact {
    let cmdlet = kind.cmdlet();
    let name = o.name();
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
    a.sections.push(properties(o, kind));
    for p in &o.properties {
        a.evidence
            .facts
            .push((format!("{cmdlet}.{}", p.name), p.value.clone()));
    }
    let (verdict, findings) = match kind {
        PsKind::PartnerApplication => {
            let v = PartnerApplication::read(o);
            let id = &v.application_identifier;
            let app = apps::app_by_id(id).map_or(id.to_string(), |x| x.name.to_string());
            let verdict = format!("Exchange partner application {app} ({id}).");
            (
                verdict,
                rule::run(oauth_objects::PARTNER_APPLICATION, &v, ctx),
            )
        }
        PsKind::AuthServer => {
            let v = AuthServer::read(o);
            let verdict = format!("Exchange auth server {name}.");
            (verdict, rule::run(oauth_objects::AUTH_SERVER, &v, ctx))
        }
        PsKind::AuthConfig => {
            let v = AuthConfig::read(o);
            let verdict = "Exchange's own OAuth configuration (Get-AuthConfig).".to_string();
            (verdict, rule::run(oauth_objects::AUTH_CONFIG, &v, ctx))
        }
        PsKind::IntraOrganizationConnector => {
            let v = IntraOrganizationConnector::read(o);
            let verdict = format!("Intra-organization connector {name}.");
            let rules = oauth_objects::INTRA_ORGANIZATION_CONNECTOR;
            (verdict, rule::run(rules, &v, ctx))
        }
        PsKind::TestOAuthConnectivity => {
            let v = OAuthTest::read(o);
            let verdict = format!("Test-OAuthConnectivity result: {}.", v.result_type);
            (verdict, rule::run(oauth_objects::OAUTH_TEST, &v, ctx))
        }
        PsKind::OrganizationConfig => {
            let v = OrganizationConfig::read(o);
            (
                org_config::verdict(&v),
                rule::run(org_config::RULES, &v, ctx),
            )
        }
    };
    a.verdict = verdict;
    a.findings = findings;
    a
}

/// The "<cmdlet> fields" section: every property, with what it names or means.
fn properties(o: &PsObject, kind: PsKind) -> Section {
    let mut s = Section::new(format!("{} fields", kind.cmdlet()));
    for p in &o.properties {
        let (k, v) = (&p.name, &p.value);
        let mut f = Field::new(k.clone(), v.clone());
        if k == "ApplicationIdentifier" || k == "IssuerIdentifier" {
            if let Some(app) = apps::app_by_id(v) {
                f = f.shown(app.name).source(app.source);
            }
        }
        if k == "AuthMetadataUrl" {
            if let Some((_, c)) = metadata_hosts::cloud_of_url(v) {
                f = f.meaning(format!("metadata of {c}"));
            }
        }
        if kind == PsKind::OrganizationConfig {
            if let Some(row) = ps_objects::organization_config(k) {
                f = f.meaning(row.meaning).source(row.source);
            }
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
    }
}
