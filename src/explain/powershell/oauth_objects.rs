//! Rules over the hybrid OAuth objects (Get-PartnerApplication, Get-AuthServer, Get-AuthConfig,
//! Get-IntraOrganizationConnector, Test-OAuthConnectivity): one catalogue per object type.

use crate::context::Context;
use crate::decode::powershell::views::{
    AuthConfig, AuthServer, IntraOrganizationConnector, OAuthTest, PartnerApplication,
};
use crate::explain::rule::Rule;
use crate::knowledge::exchange_auth as auth;
use crate::knowledge::ps_objects::{self, consequence};
use crate::knowledge::{apps, metadata_hosts, sources};
use crate::report::{Finding, Severity, Step};

const HYBRID_GRAPH: &str = sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID;
const OAUTH_CONFIG: &str = sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND;
const HMA: &str = sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const AUTH_CERT: &str = sources::ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND;
const NATIONAL_CLOUDS: &str = sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;
const FREE_BUSY: &str = sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;

/// Get-PartnerApplication.
pub const PARTNER_APPLICATION: &[Rule<PartnerApplication>] = &[
    Rule {
        id: "ps.partner-application-disabled",
        severity: Severity::Error,
        title: "The partner application is disabled",
        source: Some(OAUTH_CONFIG),
        check: partner_application_disabled,
    },
    Rule {
        id: "ps.graph-partner-no-app-only",
        severity: Severity::Error,
        title: "The Microsoft Graph partner application has no AppOnlyPermissions",
        source: Some(HYBRID_GRAPH),
        check: graph_partner_no_app_only,
    },
];

fn partner_application_disabled(v: &PartnerApplication, _: &Context) -> Vec<Finding> {
    if v.enabled != Some(false) {
        return Vec::new();
    }
    let id = &v.application_identifier;
    let app = apps::app_by_id(id).map_or(id.to_string(), |x| x.name.to_string());
    let identity = if v.name.is_empty() { id } else { &v.name };
    vec![Finding::new(
        Severity::Error,
        "Partner application disabled",
        format!("Exchange refuses OAuth tokens from {app} while Enabled is False."),
    )
    .step(Step::with_command(
        "Enable it.",
        format!("Set-PartnerApplication -Identity \"{identity}\" -Enabled $true"),
    ))
    .source(OAUTH_CONFIG)]
}

fn graph_partner_no_app_only(v: &PartnerApplication, _: &Context) -> Vec<Finding> {
    let graph = v
        .application_identifier
        .eq_ignore_ascii_case(apps::ids::GRAPH);
    if !graph || !v.app_only_permissions.is_empty() || v.act_as_permissions.is_empty() {
        return Vec::new();
    }
    let identity = if v.name.is_empty() {
        "Microsoft Graph"
    } else {
        &v.name
    };
    let permissions = if v.act_as_permissions.iter().any(|p| p.is_empty()) {
        "<ActAsPermissions>"
    } else {
        "(Get-PartnerApplication \"Microsoft Graph\").ActAsPermissions"
    };
    vec![Finding::new(
        Severity::Error,
        "Microsoft Graph partner application has no AppOnlyPermissions",
        "ActAsPermissions is set but AppOnlyPermissions is empty, so app-only (client credentials) Microsoft Graph calls for mailboxes on this on-premises Exchange fail with x-ms-diagnostics 2000008 (invalid_grant: 'The token should have valid permissions or linked account associated with partner application').",
    )
    .cause("The hybrid setup only grants Microsoft Graph delegated (act-as) access to on-premises mailboxes.")
    .step(Step::with_command("Copy the act-as permissions to AppOnlyPermissions (a community workaround).", format!("Set-PartnerApplication -Identity \"{identity}\" -AppOnlyPermissions {permissions}")).unsupported())
    .step(Step::with_command("Restart IIS so Exchange reloads the partner application.", "iisreset").unsupported())
    .source(HYBRID_GRAPH)]
}

/// Get-AuthServer.
pub const AUTH_SERVER: &[Rule<AuthServer>] = &[
    Rule {
        id: "ps.auth-server-disabled",
        severity: Severity::Error,
        title: "The auth server is disabled",
        source: Some(OAUTH_CONFIG),
        check: auth_server_disabled,
    },
    Rule {
        id: "ps.auth-metadata-cloud",
        severity: Severity::Info,
        title: "The cloud the auth metadata comes from",
        source: Some(NATIONAL_CLOUDS),
        check: auth_metadata_cloud,
    },
    Rule {
        id: "ps.evosts-not-default",
        severity: Severity::Warning,
        title: "EvoSts is not the default authorization endpoint (no hybrid modern auth)",
        source: Some(HMA),
        check: evosts_not_default,
    },
];

fn auth_server_disabled(v: &AuthServer, _: &Context) -> Vec<Finding> {
    if v.enabled != Some(false) {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Error,
        "Auth server disabled",
        consequence(ps_objects::AUTH_SERVER, "Enabled"),
    )
    .step(Step::with_command(
        "Enable it.",
        format!("Set-AuthServer -Identity \"{}\" -Enabled $true", v.name),
    ))
    .source(OAUTH_CONFIG)]
}

fn auth_metadata_cloud(v: &AuthServer, _: &Context) -> Vec<Finding> {
    let Some((host, cloud)) = &v.metadata_cloud else {
        return Vec::new();
    };
    let name = &v.name;
    let mut f = Finding::new(Severity::Info, format!("Auth metadata from {cloud}"), format!("AuthMetadataUrl points at {host}; it must match the cloud of the Exchange Online tenant (global, 21Vianet or US Government), else tokens from that cloud are not trusted.")).source(NATIONAL_CLOUDS);
    if !metadata_hosts::is_global(cloud) {
        f = f
            .cause(format!("This tenant lives in {cloud}: its Exchange Online endpoint, token issuer and Graph host differ from the global cloud (for example outlook.office365.us and login.microsoftonline.us for GCC High, partner.outlook.cn and login.partner.microsoftonline.cn for 21Vianet)."))
            .step(Step::with_command("Run the Hybrid Configuration Wizard and choose the matching cloud, or check the auth server's metadata is reachable.", format!("Set-AuthServer -Identity \"{name}\" -RefreshAuthMetadata\nTest-OAuthConnectivity -Service EWS -TargetUri <Exchange Online EWS URL of that cloud> -Mailbox <on-premises mailbox> -Verbose | Format-List")));
    }
    vec![f]
}

fn evosts_not_default(v: &AuthServer, _: &Context) -> Vec<Finding> {
    if !v.evo_sts || v.is_default_authorization_endpoint != Some(false) {
        return Vec::new();
    }
    let why = consequence(ps_objects::AUTH_SERVER, "IsDefaultAuthorizationEndpoint");
    vec![Finding::new(Severity::Warning, "EvoSts is not the default authorization endpoint", why)
        .step(Step::with_command("If HMA is wanted, make EvoSts the default authorization endpoint.", format!("Set-AuthServer -Identity \"{}\" -IsDefaultAuthorizationEndpoint $true\nSet-OrganizationConfig -OAuth2ClientProfileEnabled $true", v.name)))
        .source(HMA)]
}

/// Get-AuthConfig.
pub const AUTH_CONFIG: &[Rule<AuthConfig>] = &[
    Rule {
        id: "ps.next-auth-certificate",
        severity: Severity::Info,
        title: "A next auth certificate is scheduled",
        source: Some(AUTH_CERT),
        check: next_auth_certificate,
    },
    Rule {
        id: "ps.current-auth-certificate",
        severity: Severity::Info,
        title: "Check the current auth certificate",
        source: Some(AUTH_CERT),
        check: current_auth_certificate,
    },
    Rule {
        id: "ps.no-auth-certificate",
        severity: Severity::Error,
        title: "No current auth certificate",
        source: Some(FREE_BUSY),
        check: no_auth_certificate,
    },
];

fn next_auth_certificate(v: &AuthConfig, _: &Context) -> Vec<Finding> {
    let (next, when) = (
        &v.new_certificate_thumbprint,
        &v.new_certificate_effective_date,
    );
    if next.is_empty() || when.is_empty() {
        return Vec::new();
    }
    vec![Finding::new(Severity::Info, "Next auth certificate scheduled", format!("Certificate {next} becomes the current auth certificate on {when}. Until then Exchange signs with CurrentCertificateThumbprint; after that date, partners (Exchange Online, SharePoint) must already trust the new one, so run the Hybrid Configuration Wizard once it is current."))
        .step(Step::with_command("Check that the new certificate exists on every Exchange server and has its private key.", format!("Get-ExchangeServer | ForEach-Object {{ Invoke-Command -ComputerName $_.Name -ScriptBlock {{ Get-ChildItem Cert:\\LocalMachine\\My\\{next} }} }}")))
        .source(AUTH_CERT)]
}

fn current_auth_certificate(v: &AuthConfig, _: &Context) -> Vec<Finding> {
    let Some(current) = v
        .current_certificate_thumbprint
        .as_deref()
        .filter(|c| !c.is_empty())
    else {
        return Vec::new();
    };
    vec![Finding::new(Severity::Info, "Check the current auth certificate", format!("Exchange signs its server-to-server tokens with certificate {current}. If it expired or is missing on a server, free/busy, hybrid OAuth and Test-OAuthConnectivity fail with 'Missing signing certificate' or 401."))
        .step(Step::with_command("Show its expiry on this server (empty output = missing here).", format!("Get-ExchangeCertificate -Thumbprint {current} | Format-List Subject,NotAfter,HasPrivateKey,Status")))
        .step(auth::RENEW_AUTH_CERT.to_step())
        .source(AUTH_CERT)]
}

fn no_auth_certificate(v: &AuthConfig, _: &Context) -> Vec<Finding> {
    if v.current_certificate_thumbprint.as_deref() != Some("") {
        return Vec::new();
    }
    let why = consequence(ps_objects::AUTH_CONFIG, "CurrentCertificateThumbprint");
    vec![
        Finding::new(Severity::Error, "No current auth certificate", why)
            .step(auth::CREATE_AUTH_CERT.to_step())
            .source(FREE_BUSY),
    ]
}

/// Get-IntraOrganizationConnector.
pub const INTRA_ORGANIZATION_CONNECTOR: &[Rule<IntraOrganizationConnector>] = &[Rule {
    id: "ps.intra-org-connector-disabled",
    severity: Severity::Warning,
    title: "The IntraOrganizationConnector is disabled (DAuth fallback)",
    source: Some(FREE_BUSY),
    check: intra_org_connector_disabled,
}];

fn intra_org_connector_disabled(v: &IntraOrganizationConnector, _: &Context) -> Vec<Finding> {
    if v.enabled != Some(false) {
        return Vec::new();
    }
    let why = consequence(ps_objects::INTRA_ORGANIZATION_CONNECTOR, "Enabled");
    vec![Finding::new(
        Severity::Warning,
        "IntraOrganizationConnector disabled",
        why,
    )
    .step(Step::with_command(
        "Enable it if OAuth is wanted.",
        format!(
            "Set-IntraOrganizationConnector -Identity \"{}\" -Enabled $true",
            v.name
        ),
    ))
    .source(FREE_BUSY)]
}

/// Test-OAuthConnectivity.
pub const OAUTH_TEST: &[Rule<OAuthTest>] = &[Rule {
    id: "ps.oauth-test-failed",
    severity: Severity::Error,
    title: "Test-OAuthConnectivity did not succeed",
    source: Some(OAUTH_CONFIG),
    check: oauth_test_failed,
}];

fn oauth_test_failed(v: &OAuthTest, _: &Context) -> Vec<Finding> {
    if !v.failed() {
        return Vec::new();
    }
    let lower = v.detail.to_ascii_lowercase();
    let mut f = Finding::new(Severity::Error, format!("Test-OAuthConnectivity: {}", v.result_type), "The OAuth test failed; the Detail field holds the exception and response headers (explained in their own cards when present).");
    if lower.contains("(401) unauthorized") {
        f = f.cause("The target answered 401: it did not accept the token Exchange sent (the x-ms-diagnostics and WWW-Authenticate headers in Detail say why).");
    }
    if lower.contains("aadsts70002") || lower.contains("aadsts50012") {
        f = f.cause(format!("Entra refused Exchange's client assertion (AADSTS70002/50012): the on-premises auth certificate is not registered on the Exchange Online service principal, or it expired. Rerun the Hybrid Configuration Wizard, or upload the current auth certificate to {}.", apps::ids::EXCHANGE));
    }
    if lower.contains("missing signing certificate") {
        f = f.cause("The auth certificate in Get-AuthConfig is missing or expired on this server.");
    }
    vec![f
        .cause(crate::text::ellipsis(&v.detail, 400))
        .step(auth::TEST_OAUTH_EXO.to_step())
        .source(OAUTH_CONFIG)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::powershell::find;
    use crate::explain::rule;

    fn ids<R>(rules: &[Rule<R>], record: &R) -> Vec<&'static str> {
        rule::run(rules, record, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    fn partner(enabled: &str, app_only: &str) -> PartnerApplication {
        let t = format!("Enabled               : {enabled}\nApplicationIdentifier : 00000003-0000-0000-c000-000000000000\nAppOnlyPermissions    : {app_only}\nActAsPermissions      : {{Mail.Read}}\nName                  : Microsoft Graph\n");
        PartnerApplication::read(&find(&t)[0])
    }

    #[test]
    fn partner_application_rules() {
        let both = ids(PARTNER_APPLICATION, &partner("False", ""));
        assert_eq!(
            both,
            [
                "ps.partner-application-disabled",
                "ps.graph-partner-no-app-only"
            ]
        );
        assert!(ids(PARTNER_APPLICATION, &partner("True", "{Mail.Read}")).is_empty());
    }

    fn server(name: &str, url: &str, default: &str, enabled: &str) -> AuthServer {
        let t = format!("Name                           : {name}\nAuthMetadataUrl                : {url}\nIsDefaultAuthorizationEndpoint : {default}\nEnabled                        : {enabled}\n");
        AuthServer::read(&find(&t)[0])
    }

    #[test]
    fn auth_server_rules() {
        let url = "https://login.microsoftonline.us/x/federationmetadata.xml";
        let all = ids(AUTH_SERVER, &server("EvoSts", url, "False", "False"));
        assert_eq!(
            all,
            [
                "ps.auth-server-disabled",
                "ps.auth-metadata-cloud",
                "ps.evosts-not-default"
            ]
        );
        let none = ids(
            AUTH_SERVER,
            &server("ACS", "https://example.org/m", "True", "True"),
        );
        assert!(none.is_empty());
    }

    fn config(current: &str, next: &str) -> AuthConfig {
        let t = format!("CurrentCertificateThumbprint : {current}\nNewCertificateThumbprint     : {next}\nNewCertificateEffectiveDate  : {}\nRealm                        :\n", if next.is_empty() { "" } else { "1/1/2030" });
        AuthConfig::read(&find(&t)[0])
    }

    #[test]
    fn auth_config_rules() {
        assert_eq!(
            ids(AUTH_CONFIG, &config("", "")),
            ["ps.no-auth-certificate"]
        );
        assert_eq!(
            ids(AUTH_CONFIG, &config("AB", "CD")),
            ["ps.next-auth-certificate", "ps.current-auth-certificate"]
        );
    }

    #[test]
    fn connector_and_test_rules() {
        let c = |enabled: Option<bool>| IntraOrganizationConnector {
            name: "HybridIOC".into(),
            enabled,
        };
        assert_eq!(ids(INTRA_ORGANIZATION_CONNECTOR, &c(Some(false))).len(), 1);
        assert!(ids(INTRA_ORGANIZATION_CONNECTOR, &c(Some(true))).is_empty());
        let t = |result: &str| OAuthTest {
            result_type: result.into(),
            detail: "AADSTS70002".into(),
        };
        let f = rule::run(OAUTH_TEST, &t("Error"), &Context::fixed());
        assert!(f[0].causes[0].contains(apps::ids::EXCHANGE));
        assert!(ids(OAUTH_TEST, &t("Success")).is_empty());
    }
}
