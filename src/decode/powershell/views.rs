//! Typed views of the `PsObject`s tokenlens explains: each holds the properties its rules read,
//! parsed once (flags as booleans, lists as items, the metadata host's cloud).

use super::PsObject;
use crate::knowledge::metadata_hosts;

/// Get-PartnerApplication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerApplication {
    pub name: String,
    pub application_identifier: String,
    pub enabled: Option<bool>,
    pub app_only_permissions: Vec<String>,
    pub act_as_permissions: Vec<String>,
}

impl PartnerApplication {
    pub fn read(o: &PsObject) -> Self {
        PartnerApplication {
            name: o.name().to_string(),
            application_identifier: o.get("ApplicationIdentifier").unwrap_or("").to_string(),
            enabled: o.flag("Enabled"),
            app_only_permissions: o.list("AppOnlyPermissions"),
            act_as_permissions: o.list("ActAsPermissions"),
        }
    }
}

/// Get-AuthServer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthServer {
    pub name: String,
    pub enabled: Option<bool>,
    /// The host of AuthMetadataUrl and the cloud it belongs to, when the host is known.
    pub metadata_cloud: Option<(String, &'static str)>,
    /// Entra ID (EvoSts): by its name or its `Type`.
    pub evo_sts: bool,
    pub is_default_authorization_endpoint: Option<bool>,
}

impl AuthServer {
    pub fn read(o: &PsObject) -> Self {
        let name = o.name().to_string();
        AuthServer {
            evo_sts: name.to_ascii_lowercase().contains("evosts")
                || o.get("Type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("AzureAD")),
            name,
            enabled: o.flag("Enabled"),
            metadata_cloud: o
                .get("AuthMetadataUrl")
                .and_then(metadata_hosts::cloud_of_url),
            is_default_authorization_endpoint: o.flag("IsDefaultAuthorizationEndpoint"),
        }
    }
}

/// Get-AuthConfig.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// `None` when the property is not shown, `Some("")` when it is empty.
    pub current_certificate_thumbprint: Option<String>,
    pub new_certificate_thumbprint: String,
    pub new_certificate_effective_date: String,
}

impl AuthConfig {
    pub fn read(o: &PsObject) -> Self {
        AuthConfig {
            current_certificate_thumbprint: o
                .get("CurrentCertificateThumbprint")
                .map(str::to_string),
            new_certificate_thumbprint: o.get("NewCertificateThumbprint").unwrap_or("").into(),
            new_certificate_effective_date: o
                .get("NewCertificateEffectiveDate")
                .unwrap_or("")
                .into(),
        }
    }
}

/// Get-IntraOrganizationConnector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntraOrganizationConnector {
    pub name: String,
    pub enabled: Option<bool>,
}

impl IntraOrganizationConnector {
    pub fn read(o: &PsObject) -> Self {
        IntraOrganizationConnector {
            name: o.name().to_string(),
            enabled: o.flag("Enabled"),
        }
    }
}

/// Test-OAuthConnectivity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthTest {
    pub result_type: String,
    pub detail: String,
}

impl OAuthTest {
    pub fn read(o: &PsObject) -> Self {
        OAuthTest {
            result_type: o.get("ResultType").unwrap_or("").into(),
            detail: o.get("Detail").unwrap_or("").into(),
        }
    }

    /// True unless the result is `Success`.
    pub fn failed(&self) -> bool {
        !self.result_type.eq_ignore_ascii_case("success")
    }
}

/// Get-OrganizationConfig: the OAuth and EWS settings it shows (absent ones are `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationConfig {
    pub name: String,
    pub oauth2_client_profile_enabled: Option<bool>,
    pub ews_enabled: Option<bool>,
    /// `EnforceAllowList`, `EnforceBlockList`, or "" when not set.
    pub ews_application_access_policy: Option<String>,
    pub ews_allow_list: Vec<String>,
    pub ews_block_list: Vec<String>,
    pub ews_allow_outlook: Option<bool>,
    pub ews_allow_mac_outlook: Option<bool>,
}

impl OrganizationConfig {
    pub fn read(o: &PsObject) -> Self {
        OrganizationConfig {
            name: o.name().to_string(),
            oauth2_client_profile_enabled: o.flag("OAuth2ClientProfileEnabled"),
            ews_enabled: o.flag("EwsEnabled"),
            ews_application_access_policy: o.get("EwsApplicationAccessPolicy").map(str::to_string),
            ews_allow_list: o.list("EwsAllowList"),
            ews_block_list: o.list("EwsBlockList"),
            ews_allow_outlook: o.flag("EwsAllowOutlook"),
            ews_allow_mac_outlook: o.flag("EwsAllowMacOutlook"),
        }
    }

    /// The application access policy, when one is set.
    pub fn policy_is(&self, policy: &str) -> bool {
        self.ews_application_access_policy
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case(policy))
    }
}

/// What kind of secret a credential is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    /// `AsymmetricX509Cert` (or `X509CertAndPassword`): a certificate.
    Certificate,
    /// `Symmetric`: a legacy symmetric key.
    Symmetric,
    /// A password credential: a client secret.
    Secret,
}

/// A key or password credential (AzureAD `EndDate`, Graph `EndDateTime`), its dates read as the
/// cmdlets print them (month/day/year, day.month.year, ISO 8601).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub kind: CredentialKind,
    pub key_id: String,
    pub usage: String,
    /// The end date as printed, and as Unix seconds when it could be read.
    pub end_text: String,
    pub end: Option<i64>,
    pub start: Option<i64>,
}

impl Credential {
    /// Reads a credential; `secret` says the object type is a password credential.
    pub fn read(o: &PsObject, secret: bool) -> Self {
        let first = |names: [&str; 2]| names.iter().find_map(|n| o.get(n)).unwrap_or("");
        let ty = o.get("Type").unwrap_or("");
        let kind = if secret {
            CredentialKind::Secret
        } else if ty.eq_ignore_ascii_case("Symmetric") {
            CredentialKind::Symmetric
        } else {
            CredentialKind::Certificate
        };
        let end_text = first(["EndDateTime", "EndDate"]).to_string();
        Credential {
            kind,
            key_id: o.get("KeyId").unwrap_or("").to_string(),
            usage: o.get("Usage").unwrap_or("").to_string(),
            end: ps_date(&end_text),
            start: ps_date(first(["StartDateTime", "StartDate"])),
            end_text,
        }
    }
}

/// A date as PowerShell prints it in any culture (`11/7/2017 12:00:00 AM`, `24.09.2020 14:00:52`,
/// `23-09-2023 18:55:28`) or as ISO 8601 (`2024-03-21T14:14:14Z`), as Unix seconds.
pub fn ps_date(value: &str) -> Option<i64> {
    let v = value.trim().replace("\\", "");
    let v = match v.split_once('T') {
        Some((d, t)) if d.len() == 10 && d.as_bytes().get(4) == Some(&b'-') => {
            let t = t.trim_end_matches('Z');
            let t = t.split(['.', '+']).next().unwrap_or("");
            format!("{d} {t}")
        }
        _ => v,
    };
    let v: String = v.split_whitespace().collect::<Vec<_>>().join(" ");
    let v = v.replace(". ", ".");
    crate::decode::x509::thumbprint::loose_date(&v)
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use super::*;

    #[test]
    fn credential_dates_in_every_culture() {
        let t = |s| ps_date(s).map(crate::text::utc);
        assert_eq!(
            t("11/7/2017 12:00:00 AM")
                .as_deref()
                .and_then(|s| s.get(..10)),
            Some("2017-11-07")
        );
        assert_eq!(
            t("2024-03-21T14:14:14Z")
                .as_deref()
                .and_then(|s| s.get(..10)),
            Some("2024-03-21")
        );
        assert_eq!(
            t("2021-05-11T23:18:00.542Z")
                .as_deref()
                .and_then(|s| s.get(..10)),
            Some("2021-05-11")
        );
        assert_eq!(
            t("23-09-2023 18:55:28")
                .as_deref()
                .and_then(|s| s.get(..10)),
            Some("2023-09-23")
        );
        assert_eq!(
            t("11\\. 5\\. 2019 18:45:51")
                .as_deref()
                .and_then(|s| s.get(..10)),
            Some("2019-05-11")
        );
        assert_eq!(ps_date("soon"), None);
        assert_eq!(ps_date("日本 2019"), None);
    }

    #[test]
    fn views_parse_flags_lists_and_clouds() {
        let t = "Name                           : EvoSts\nAuthMetadataUrl                : https://login.microsoftonline.us/x/federationmetadata.xml\nIsDefaultAuthorizationEndpoint : False\nEnabled                        : True\n";
        let v = AuthServer::read(&find(t)[0]);
        assert!(v.evo_sts);
        assert_eq!(v.is_default_authorization_endpoint, Some(false));
        assert!(v
            .metadata_cloud
            .is_some_and(|(_, c)| c.contains("US Government")));
        let t = "OAuth2ClientProfileEnabled : False\nEwsApplicationAccessPolicy : EnforceAllowList\nEwsAllowList               : {OWA/*, MacOutlook/*}\n";
        let v = OrganizationConfig::read(&find(t)[0]);
        assert_eq!(v.oauth2_client_profile_enabled, Some(false));
        assert!(v.policy_is("enforceallowlist"));
        assert_eq!(v.ews_allow_list.len(), 2);
    }
}
