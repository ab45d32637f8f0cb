//! Names in words: issuers, apps and resources, app authentication methods, algorithms, S2S
//! principals, managed identities and permission lists, as the token cards show them.

use crate::knowledge::tokens as facts;
use crate::knowledge::{apps, claims};
use crate::text::b64_decode_lenient;
use crate::text::cut_from;

/// The tenant segment of an Entra issuer URL, when there is one.
pub fn issuer_tenant(iss: &str) -> Option<&str> {
    let rest = iss.split("://").nth(1)?;
    let mut segments = rest.split('/');
    let _host = segments.next()?;
    let tenant = segments.next()?;
    if tenant.is_empty() || tenant == facts::ADFS_SEGMENT {
        None
    } else {
        Some(tenant)
    }
}

/// Classifies an issuer in words.
pub fn describe_issuer(iss: &str) -> String {
    let lower = iss.to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("");
    let cloud = facts::cloud_of_host(host)
        .map(|c| format!(" ({})", c.name))
        .unwrap_or_default();
    if !lower.contains("://") && lower.contains('@') {
        let (principal, realm) = lower.split_once('@').unwrap_or((&lower, ""));
        let who = apps::app_by_id(principal)
            .map(|a| a.name.to_string())
            .unwrap_or_else(|| format!("issuer id {principal}"));
        return format!(
            "S2S issuer in principal@realm form: {who}, realm (tenant) {}",
            if realm.is_empty() { "(none)" } else { realm }
        );
    }
    if facts::V1_ISSUER_HOST_PREFIXES
        .iter()
        .any(|p| host.starts_with(p))
    {
        return format!("Microsoft Entra ID v1.0 issuer (sts host){cloud}");
    }
    if lower.contains(facts::B2C_ISSUER_MARK) {
        return "Azure AD B2C issuer".to_string();
    }
    if lower.contains(facts::ADFS_ISSUER_MARK) {
        return "AD FS issuer (on-premises federation service)".to_string();
    }
    if facts::LOGIN_HOST_PREFIXES
        .iter()
        .any(|p| host.starts_with(p))
        || host.contains(facts::LOGIN_HOST_PART)
    {
        if lower
            .trim_end_matches('/')
            .ends_with(facts::V2_ISSUER_SUFFIX)
        {
            return format!("Microsoft Entra ID v2.0 issuer{cloud}");
        }
        return format!("Microsoft Entra ID issuer{cloud}");
    }
    if host.contains(facts::MSA_ISSUER_HOST) {
        return "Microsoft account (consumer) issuer".to_string();
    }
    "Not a Microsoft Entra issuer".to_string()
}

/// Names an application or resource from a GUID, a resource URI or an S2S audience.
pub fn describe_app(value: &str) -> Option<String> {
    if let Some(app) = apps::app_by_id(value) {
        return Some(app.name.to_string());
    }
    if let Some(resource) = apps::resource_by_uri(value) {
        return Some(resource.name.to_string());
    }
    if let Some(resource) = apps::resource_by_host_suffix(value) {
        return Some(format!(
            "{} at {}",
            resource.name,
            value.trim_end_matches('/')
        ));
    }
    if value.eq_ignore_ascii_case(apps::WORKLOAD_FEDERATION_AUDIENCE.host) {
        return Some(apps::WORKLOAD_FEDERATION_AUDIENCE.name.to_string());
    }
    // S2S audience: <principal>/<host>@<realm>.
    if let Some((principal, _)) = value.split_once('/') {
        if let Some(app) = apps::app_by_id(principal) {
            return Some(app.name.to_string());
        }
    }
    if let Some((principal, _)) = value.split_once('@') {
        if let Some(app) = apps::app_by_id(principal) {
            return Some(app.name.to_string());
        }
    }
    None
}

/// Names a tenant id when a table knows it.
pub fn describe_tenant(tid: &str) -> Option<String> {
    if tid == apps::ids::MSA_TENANT {
        Some("Microsoft account (consumer) tenant".to_string())
    } else {
        apps::app_by_id(tid).map(|a| a.name.to_string())
    }
}

/// The authentication method of a confidential client, from `appidacr` / `azpacr`.
pub fn describe_acr(value: &str) -> &'static str {
    claims::value_meaning("appidacr", value).unwrap_or("unknown value")
}

/// Whether an app id names a known app (used to word the issuer of S2S tokens).
pub fn is_known_app(id: &str) -> bool {
    apps::app_by_id(id).is_some()
}

/// Converts a `uti` value (base64url of a .NET GUID) to the request id that sign-in logs show.
pub fn uti_to_guid(uti: &str) -> Option<String> {
    let b = b64_decode_lenient(uti)?;
    if b.len() != 16 {
        return None;
    }
    Some(format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
    ))
}

/// Standard base64 with padding, the form Microsoft Graph shows binary values such as customKeyIdentifier in.
pub fn standard_b64(bytes: &[u8]) -> String {
    let url = crate::text::b64url(bytes);
    let mut out: String = url
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            other => other,
        })
        .collect();
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

/// Names a JWS algorithm in words.
pub fn describe_alg(alg: &str) -> String {
    match alg {
        "RS256" | "RS384" | "RS512" => format!("RSASSA-PKCS1-v1_5 with SHA-{}", cut_from(alg, 2)),
        "PS256" | "PS384" | "PS512" => format!("RSASSA-PSS with SHA-{}", cut_from(alg, 2)),
        "ES256" => "ECDSA P-256 with SHA-256".to_string(),
        "ES384" => "ECDSA P-384 with SHA-384".to_string(),
        "ES512" => "ECDSA P-521 with SHA-512".to_string(),
        "HS256" | "HS384" | "HS512" => {
            format!("HMAC with SHA-{} (shared secret)", cut_from(alg, 2))
        }
        "EdDSA" => "EdDSA (Ed25519)".to_string(),
        "none" => "none: the token is not signed".to_string(),
        other => format!("{other} (not a common JWS algorithm)"),
    }
}

/// Splits `principal/host@realm` values of S2S tokens into words.
pub fn s2s_parts(value: &str) -> Option<String> {
    let (left, realm) = value.split_once('@')?;
    let (principal, host) = match left.split_once('/') {
        Some((p, h)) => (p, Some(h)),
        None => (left, None),
    };
    let who = apps::app_by_id(principal)
        .map(|a| a.name.to_string())
        .unwrap_or_else(|| format!("principal {principal}"));
    Some(match host {
        Some(h) => format!("{who} at host {h} in realm {realm}"),
        None => format!("{who} in realm {realm}"),
    })
}

/// The parts of an Azure resource id in `xms_mirid`: (user-assigned?, name, resource group, kind).
pub fn managed_identity_parts(mirid: &str) -> Option<(bool, String, String, String)> {
    let segments: Vec<&str> = mirid.trim_matches('/').split('/').collect();
    let after = |key: &str| {
        segments
            .iter()
            .position(|s| s.eq_ignore_ascii_case(key))
            .and_then(|i| segments.get(i + 1))
            .map(|s| s.to_string())
    };
    let group = after("resourcegroups").unwrap_or_default();
    let providers = segments
        .iter()
        .position(|s| s.eq_ignore_ascii_case("providers"))?;
    let rest = segments.get(providers + 1..)?;
    let name = rest.last()?.to_string();
    let kind = rest
        .get(..rest.len().saturating_sub(1))
        .map(|k| k.join("/"))
        .unwrap_or_default();
    let user_assigned = kind
        .to_ascii_lowercase()
        .ends_with("userassignedidentities");
    Some((user_assigned, name, group, kind))
}

/// A permission list with the meaning of every well-known value.
pub fn permissions_text(values: &[String]) -> String {
    values
        .iter()
        .map(|v| match claims::permission(v) {
            Some(p) => format!("{v}: {}", p.meaning),
            None => v.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uti_converts_to_the_guid_sign_in_logs_show() {
        // .NET Guid byte order: the first three groups are little-endian.
        let bytes: Vec<u8> = (0u8..16).collect();
        let uti = crate::text::b64url(&bytes);
        assert_eq!(
            uti_to_guid(&uti).unwrap(),
            "03020100-0504-0706-0809-0a0b0c0d0e0f"
        );
        assert!(uti_to_guid("abc").is_none());
    }

    #[test]
    fn issuers_are_classified() {
        assert!(describe_issuer("https://sts.windows.net/x/").contains("v1.0"));
        assert!(describe_issuer("https://login.microsoftonline.com/x/v2.0").contains("v2.0"));
        assert!(
            describe_issuer("https://login.microsoftonline.us/x/v2.0").contains("US Government")
        );
        assert!(describe_issuer("https://sts.chinacloudapi.cn/x/").contains("China"));
        assert!(describe_issuer("https://fs.contoso.com/adfs").contains("AD FS"));
        assert!(describe_issuer("https://contoso.b2clogin.com/x/v2.0/").contains("B2C"));
        assert!(describe_issuer("00000001-0000-0000-c000-000000000000@abc").contains("S2S"));
    }

    #[test]
    fn user_assigned_identity_names_come_from_xms_mirid() {
        let parts = managed_identity_parts("/subscriptions/s/resourcegroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-orders").unwrap();
        assert_eq!(
            parts,
            (
                true,
                "id-orders".to_string(),
                "rg-app".to_string(),
                "Microsoft.ManagedIdentity/userAssignedIdentities".to_string()
            )
        );
        assert!(
            !managed_identity_parts(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/fn"
            )
            .unwrap()
            .0
        );
        assert!(managed_identity_parts("garbage").is_none());
    }

    #[test]
    fn acr_values_are_named() {
        assert!(describe_acr("0").contains("public client"));
        assert!(describe_acr("1").contains("secret"));
        assert!(describe_acr("2").contains("certificate"));
    }
}
