//! Decoder: Exchange PowerShell Format-List output from the hybrid OAuth procedures
//! (Get-PartnerApplication, Get-AuthServer, Get-AuthConfig, Get-IntraOrganizationConnector,
//! Test-OAuthConnectivity): fields with wrapped continuation lines and `{a, b…}` lists, and what is
//! wrong with them.

use crate::context::Context;
use crate::knowledge::apps;
use crate::report::{Artifact, ArtifactKind, Field, Finding, Section, Severity, Span, Step};

// ---------------------------------------------------------------------------------------------
// Facts about the hybrid OAuth objects, each with its public source.
// ---------------------------------------------------------------------------------------------

const HYBRID_GRAPH: &str =
    crate::knowledge::sources::S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID;
const OAUTH_CONFIG: &str =
    crate::knowledge::sources::EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND;
const HMA: &str = crate::knowledge::sources::OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH;
const AUTH_CERT: &str =
    crate::knowledge::sources::ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND;
const NATIONAL_CLOUDS: &str =
    crate::knowledge::sources::IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD;
const FREE_BUSY: &str = crate::knowledge::sources::OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS;

/// Auth metadata hosts and the cloud they belong to.
const CLOUDS: &[(&str, &str)] = &[
    (
        "accesscontrol.chinacloudapi.cn",
        "Microsoft 365 operated by 21Vianet (China)",
    ),
    (
        "accesscontrol.windows.net",
        "the global Microsoft 365 cloud",
    ),
    (
        "chinacloudapi.cn",
        "Microsoft 365 operated by 21Vianet (China)",
    ),
    (
        "login.microsoftonline.com",
        "the global Microsoft 365 cloud",
    ),
    (
        "login.microsoftonline.us",
        "Microsoft 365 US Government (GCC High / DoD)",
    ),
    (
        "login.partner.microsoftonline.cn",
        "Microsoft 365 operated by 21Vianet (China)",
    ),
    ("login.windows.net", "the global Microsoft 365 cloud"),
    (
        "microsoftonline.us",
        "Microsoft 365 US Government (GCC High / DoD)",
    ),
];

struct Block {
    start: usize,
    end: usize,
    fields: Vec<(String, String)>,
}

impl Block {
    fn get(&self, k: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.0.eq_ignore_ascii_case(k))
            .map(|f| f.1.as_str())
    }
}

/// Splits the text into Format-List blocks (`Name   : value` lines, aligned colons).
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    let mut col = 0;
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        let parsed = line.find(" : ").or_else(|| {
            line.strip_suffix(" :")
                .map(|s| s.len())
                .filter(|_| line.trim_end() == line)
        });
        let is_field = parsed.is_some_and(|c| {
            let name = line[..c].trim_end();
            !name.is_empty()
                && !line.starts_with(' ')
                && name
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        });
        if let (true, Some(c)) = (is_field, parsed) {
            let name = line[..c].trim_end().to_string();
            let value = line.get(c + 3..).unwrap_or("").trim().to_string();
            let b = cur.get_or_insert(Block {
                start: here,
                end: here,
                fields: Vec::new(),
            });
            b.fields.push((name, value));
            b.end = here + line.len();
            col = c;
            continue;
        }
        // A continuation line: indented to the value column.
        if let Some(b) = cur.as_mut() {
            if col > 0
                && line.len() > col
                && line[..col.min(line.len())].trim().is_empty()
                && !line.trim().is_empty()
            {
                if let Some(last) = b.fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
                b.end = here + line.len();
                continue;
            }
        }
        if let Some(b) = cur.take() {
            if b.fields.len() >= 3 {
                out.push(b);
            }
        }
    }
    if let Some(b) = cur.take() {
        if b.fields.len() >= 3 {
            out.push(b);
        }
    }
    out
}

fn list(v: &str) -> Vec<String> {
    v.trim_matches(['{', '}'])
        .split(',')
        .map(|s| s.trim().trim_end_matches(['…', '.']).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let mut out = Vec::new();
    for b in blocks(text) {
        let kind = if b.get("ApplicationIdentifier").is_some()
            && (b.get("AppOnlyPermissions").is_some() || b.get("LinkedAccount").is_some())
        {
            "Get-PartnerApplication"
        } else if b.get("AuthMetadataUrl").is_some()
            && (b.get("IssuerIdentifier").is_some()
                || b.get("TokenIssuingEndpoint").is_some()
                || b.get("IsDefaultAuthorizationEndpoint").is_some())
        {
            "Get-AuthServer"
        } else if b.get("CurrentCertificateThumbprint").is_some()
            || b.get("ServiceName").is_some() && b.get("Realm").is_some()
        {
            "Get-AuthConfig"
        } else if b.get("TargetAddress").is_some() && b.get("DiscoveryEndpoint").is_some() {
            "Get-IntraOrganizationConnector"
        } else if b.get("ResultType").is_some() && b.get("Task").is_some() {
            "Test-OAuthConnectivity"
        } else {
            continue;
        };
        out.push(artifact(kind, &b));
    }
    out
}

fn artifact(kind: &str, b: &Block) -> Artifact {
    let name = b.get("Name").or_else(|| b.get("Identity")).unwrap_or("");
    let mut a = Artifact::new(
        ArtifactKind::PowerShell,
        Span::new(b.start, b.end),
        format!(
            "{kind} output{}",
            if name.is_empty() {
                String::new()
            } else {
                format!(": {name}")
            }
        ),
    );
    let mut s = Section::new(format!("{kind} fields"));
    for (k, v) in &b.fields {
        let mut f = Field::new(k.clone(), v.clone());
        if k == "ApplicationIdentifier" || k == "IssuerIdentifier" {
            if let Some(app) = apps::app_by_id(v) {
                f = f.shown(app.name).source(app.source);
            }
        }
        if k == "AuthMetadataUrl" {
            if let Some((_, c)) = cloud_of(v) {
                f = f.meaning(format!("metadata of {c}"));
            }
        }
        s.push(f);
        a.evidence.facts.push((format!("{kind}.{k}"), v.clone()));
    }
    a.sections.push(s);
    let enabled = b.get("Enabled");
    match kind {
        "Get-PartnerApplication" => {
            let id = b.get("ApplicationIdentifier").unwrap_or("");
            let app = apps::app_by_id(id).map_or(id.to_string(), |x| x.name.to_string());
            a.verdict = format!("Exchange partner application {app} ({id}).");
            if enabled.is_some_and(|e| e.eq_ignore_ascii_case("false")) {
                a.findings.push(
                    Finding::new(
                        Severity::Error,
                        "Partner application disabled",
                        format!("Exchange refuses OAuth tokens from {app} while Enabled is False."),
                    )
                    .step(Step::with_command(
                        "Enable it.",
                        format!(
                            "Set-PartnerApplication -Identity \"{}\" -Enabled $true",
                            if name.is_empty() { id } else { name }
                        ),
                    ))
                    .source(OAUTH_CONFIG),
                );
            }
            let app_only = b.get("AppOnlyPermissions").map(list).unwrap_or_default();
            let act_as = b.get("ActAsPermissions").map(list).unwrap_or_default();
            if id.eq_ignore_ascii_case("00000003-0000-0000-c000-000000000000")
                && app_only.is_empty()
                && !act_as.is_empty()
            {
                a.findings.push(
                    Finding::new(
                        Severity::Error,
                        "Microsoft Graph partner application has no AppOnlyPermissions",
                        "ActAsPermissions is set but AppOnlyPermissions is empty, so app-only (client credentials) Microsoft Graph calls for mailboxes on this on-premises Exchange fail with x-ms-diagnostics 2000008 (invalid_grant: 'The token should have valid permissions or linked account associated with partner application').",
                    )
                    .cause("The hybrid setup only grants Microsoft Graph delegated (act-as) access to on-premises mailboxes.")
                    .step(Step::with_command("Copy the act-as permissions to AppOnlyPermissions (a community workaround).", format!("Set-PartnerApplication -Identity \"{}\" -AppOnlyPermissions {}", if name.is_empty() { "Microsoft Graph" } else { name }, if act_as.iter().any(|p| p.is_empty()) { "<ActAsPermissions>".to_string() } else { "(Get-PartnerApplication \"Microsoft Graph\").ActAsPermissions".to_string() })).unsupported())
                    .step(Step::with_command("Restart IIS so Exchange reloads the partner application.", "iisreset").unsupported())
                    .source(HYBRID_GRAPH),
                );
            }
        }
        "Get-AuthServer" => {
            a.verdict = format!("Exchange auth server {name}.");
            if enabled.is_some_and(|e| e.eq_ignore_ascii_case("false")) {
                a.findings.push(Finding::new(Severity::Error, "Auth server disabled", "Exchange does not trust tokens from this auth server while Enabled is False.")
                    .step(Step::with_command("Enable it.", format!("Set-AuthServer -Identity \"{name}\" -Enabled $true"))).source(OAUTH_CONFIG));
            }
            if let Some((host, cloud)) = b.get("AuthMetadataUrl").and_then(cloud_of) {
                let mut f = Finding::new(Severity::Info, format!("Auth metadata from {cloud}"), format!("AuthMetadataUrl points at {host}; it must match the cloud of the Exchange Online tenant (global, 21Vianet or US Government), else tokens from that cloud are not trusted.")).source(NATIONAL_CLOUDS);
                if !cloud.starts_with("the global") {
                    f = f
                        .cause(format!("This tenant lives in {cloud}: its Exchange Online endpoint, token issuer and Graph host differ from the global cloud (for example outlook.office365.us and login.microsoftonline.us for GCC High, partner.outlook.cn and login.partner.microsoftonline.cn for 21Vianet)."))
                        .step(Step::with_command("Run the Hybrid Configuration Wizard and choose the matching cloud, or check the auth server's metadata is reachable.", format!("Set-AuthServer -Identity \"{name}\" -RefreshAuthMetadata\nTest-OAuthConnectivity -Service EWS -TargetUri <Exchange Online EWS URL of that cloud> -Mailbox <on-premises mailbox> -Verbose | Format-List")));
                }
                a.findings.push(f);
            }
            let evo = name.to_ascii_lowercase().contains("evosts")
                || b.get("Type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("AzureAD"));
            if evo
                && b.get("IsDefaultAuthorizationEndpoint")
                    .is_some_and(|v| v.eq_ignore_ascii_case("false"))
            {
                a.findings.push(Finding::new(Severity::Warning, "EvoSts is not the default authorization endpoint", "Hybrid modern authentication is not advertised: Exchange challenges carry no authorization_uri while IsDefaultAuthorizationEndpoint is False.")
                    .step(Step::with_command("If HMA is wanted, make EvoSts the default authorization endpoint.", format!("Set-AuthServer -Identity \"{name}\" -IsDefaultAuthorizationEndpoint $true\nSet-OrganizationConfig -OAuth2ClientProfileEnabled $true"))).source(HMA));
            }
        }
        "Get-AuthConfig" => {
            a.verdict = "Exchange's own OAuth configuration (Get-AuthConfig).".into();
            let next = b.get("NewCertificateThumbprint").unwrap_or("");
            let when = b.get("NewCertificateEffectiveDate").unwrap_or("");
            if !next.is_empty() && !when.is_empty() {
                a.findings.push(Finding::new(Severity::Info, "Next auth certificate scheduled", format!("Certificate {next} becomes the current auth certificate on {when}. Until then Exchange signs with CurrentCertificateThumbprint; after that date, partners (Exchange Online, SharePoint) must already trust the new one, so run the Hybrid Configuration Wizard once it is current."))
                    .step(Step::with_command("Check that the new certificate exists on every Exchange server and has its private key.", format!("Get-ExchangeServer | ForEach-Object {{ Invoke-Command -ComputerName $_.Name -ScriptBlock {{ Get-ChildItem Cert:\\LocalMachine\\My\\{next} }} }}")))
                    .source(AUTH_CERT));
            }
            if let Some(current) = b
                .get("CurrentCertificateThumbprint")
                .filter(|v| !v.is_empty())
            {
                a.findings.push(Finding::new(Severity::Info, "Check the current auth certificate", format!("Exchange signs its server-to-server tokens with certificate {current}. If it expired or is missing on a server, free/busy, hybrid OAuth and Test-OAuthConnectivity fail with 'Missing signing certificate' or 401."))
                    .step(Step::with_command("Show its expiry on this server (empty output = missing here).", format!("Get-ExchangeCertificate -Thumbprint {current} | Format-List Subject,NotAfter,HasPrivateKey,Status")))
                    .step(Step::with_command("If it expired: create a new one, schedule it, publish it, then rerun the Hybrid Configuration Wizard.", "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP\nSet-AuthConfig -NewCertificateThumbprint <new thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate\nRestart-WebAppPool MSExchangeOWAAppPool\nRestart-WebAppPool MSExchangeECPAppPool"))
                    .source(AUTH_CERT));
            }
            if b.get("CurrentCertificateThumbprint")
                .is_some_and(str::is_empty)
            {
                a.findings.push(Finding::new(Severity::Error, "No current auth certificate", "CurrentCertificateThumbprint is empty: Exchange cannot sign its server-to-server tokens (Missing signing certificate).")
                    .step(Step::with_command("Create a new auth certificate and make it current.", "New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName \"cn=Microsoft Exchange Server Auth Certificate\" -FriendlyName \"Microsoft Exchange Server Auth Certificate\" -DomainName @() -Services SMTP\nSet-AuthConfig -NewCertificateThumbprint <thumbprint> -NewCertificateEffectiveDate (Get-Date)\nSet-AuthConfig -PublishCertificate\nSet-AuthConfig -ClearPreviousCertificate"))
                    .source(FREE_BUSY));
            }
        }
        "Get-IntraOrganizationConnector" => {
            a.verdict = format!("Intra-organization connector {name}.");
            if enabled.is_some_and(|e| e.eq_ignore_ascii_case("false")) {
                a.findings.push(Finding::new(Severity::Warning, "IntraOrganizationConnector disabled", "With the connector disabled, Exchange falls back to the federation trust (DAuth) for free/busy and other cross-premises features instead of OAuth.")
                    .step(Step::with_command("Enable it if OAuth is wanted.", format!("Set-IntraOrganizationConnector -Identity \"{name}\" -Enabled $true"))).source(FREE_BUSY));
            }
        }
        _ => {
            let result = b.get("ResultType").unwrap_or("");
            a.verdict = format!("Test-OAuthConnectivity result: {result}.");
            if !result.eq_ignore_ascii_case("success") {
                let detail = b.get("Detail").unwrap_or("");
                let lower = detail.to_ascii_lowercase();
                let mut f = Finding::new(Severity::Error, format!("Test-OAuthConnectivity: {result}"), "The OAuth test failed; the Detail field holds the exception and response headers (explained in their own cards when present).");
                if lower.contains("(401) unauthorized") {
                    f = f.cause("The target answered 401: it did not accept the token Exchange sent (the x-ms-diagnostics and WWW-Authenticate headers in Detail say why).");
                }
                if lower.contains("aadsts70002") || lower.contains("aadsts50012") {
                    f = f.cause("Entra refused Exchange's client assertion (AADSTS70002/50012): the on-premises auth certificate is not registered on the Exchange Online service principal, or it expired. Rerun the Hybrid Configuration Wizard, or upload the current auth certificate to 00000002-0000-0ff1-ce00-000000000000.");
                }
                if lower.contains("missing signing certificate") {
                    f = f.cause("The auth certificate in Get-AuthConfig is missing or expired on this server.");
                }
                a.findings.push(f
                    .cause(crate::text::ellipsis(detail, 400))
                    .step(Step::with_command("Rerun verbosely and paste all of the output.", "Test-OAuthConnectivity -Service EWS -TargetUri https://outlook.office365.com/ews/exchange.asmx -Mailbox <on-premises mailbox> -Verbose | Format-List"))
                    .source(OAUTH_CONFIG));
            }
        }
    }
    a
}

fn cloud_of(url: &str) -> Option<(String, &'static str)> {
    let host = url
        .split("://")
        .nth(1)?
        .split('/')
        .next()?
        .to_ascii_lowercase();
    CLOUDS
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, c)| (host.clone(), *c))
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
        assert!(scan("a : b\nc : d\n", &Context::fixed()).is_empty());
    }
}
