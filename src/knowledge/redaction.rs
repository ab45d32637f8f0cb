//! Table: which report fields hold signatures, personal data, tenant and object ids or IP
//! addresses, so that a redacted copy of a report (`crate::redact`) can replace their values.

use crate::knowledge::sources;

/// The kinds a redacted copy can hide, each with its own toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RedactKind {
    /// Token signature segments and signature values.
    Signature,
    /// Names, user principal names, email addresses and user names in logs.
    Personal,
    /// Tenant ids, object ids and subjects, also inside issuer URLs.
    TenantId,
    /// Client and server IP addresses.
    IpAddress,
}

/// How the value to hide is taken from a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extract {
    /// The whole value.
    Whole,
    /// Inside a URL or query string: every email address (a Graph `/users/<upn>/` path), and the
    /// value of every query parameter this table names as personal (`username`, `login_hint`).
    PersonalInside,
    /// Every tenant id inside the value, for issuers and URLs: a path segment of hexadecimal digits
    /// and dashes, or the realm after `@` of an S2S `principal@realm`; a bare id (the client id a
    /// client assertion names as its issuer) is an app, not a tenant.
    TenantsInside,
}

/// A field name (a claim, a log field, a summary row) whose value a redacted copy hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redactable {
    /// The field name exactly as the report shows it; a SAML attribute URI is looked up by its last
    /// path segment.
    pub name: &'static str,
    pub kind: RedactKind,
    /// The word of its placeholder (`<upn-1>`, `<tenant-2>`).
    pub label: &'static str,
    pub how: Extract,
    pub what: &'static str,
    pub source: &'static str,
}

/// Sorted by `name` (byte order).
pub const FIELDS: &[Redactable] = &[
    Redactable {
        name: "AnchorMailbox",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the mailbox an Exchange request was routed by (an SMTP address)",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    Redactable {
        name: "AuthenticatedUser",
        kind: RedactKind::Personal,
        label: "user",
        how: Extract::Whole,
        what: "the user an Exchange front end authenticated",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    Redactable {
        name: "ClientIpAddress",
        kind: RedactKind::IpAddress,
        label: "ip",
        how: Extract::Whole,
        what: "the client's IP address in an Exchange log",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    Redactable {
        name: "Issuer",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "a token's issuer; for Entra it holds the tenant id",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "Signature",
        kind: RedactKind::Signature,
        label: "signature",
        how: Extract::Whole,
        what: "the signature segment of a JWS",
        source: sources::DOC_RFC7515_SECTION_7_1,
    },
    Redactable {
        name: "Subject (NameID)",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user a SAML token is about",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "Subject alternative name (IP)",
        kind: RedactKind::IpAddress,
        label: "ip",
        how: Extract::Whole,
        what: "an IP address a certificate names",
        source: sources::DOC_RFC5280_SECTION_4_2,
    },
    Redactable {
        name: "Subject alternative name (email)",
        kind: RedactKind::Personal,
        label: "email",
        how: Extract::Whole,
        what: "an email address a certificate names",
        source: sources::DOC_RFC5280_SECTION_4_2,
    },
    Redactable {
        name: "Tenant",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::Whole,
        what: "the tenant a token was issued in",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "Tenant ID",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::Whole,
        what: "the tenant an OpenID configuration belongs to",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "Token endpoint (aud)",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the token endpoint a client assertion is for, with the tenant in its path",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "URL",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::PersonalInside,
        what: "a request URL, with user names in its path or query",
        source: sources::HAR_OVERVIEW,
    },
    Redactable {
        name: "UrlQuery",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::PersonalInside,
        what: "the query string in an Exchange log",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    Redactable {
        name: "UrlStem",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::PersonalInside,
        what: "the path in an Exchange log",
        source: sources::CLIENT_ACCESS_CLIENT_ACCESS,
    },
    Redactable {
        name: "User",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user a token was issued for",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "aud",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the audience: an app (kept), or a URL or S2S principal@realm with a tenant",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "authorization_uri",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the sign-in address of a challenge, with the tenant in its path",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "c-ip",
        kind: RedactKind::IpAddress,
        label: "ip",
        how: Extract::Whole,
        what: "the client's IP address in an IIS log",
        source: sources::HTTP_W3C_LOGGING,
    },
    Redactable {
        name: "cs-uri-query",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::PersonalInside,
        what: "the query string in an IIS log",
        source: sources::HTTP_W3C_LOGGING,
    },
    Redactable {
        name: "cs-uri-stem",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::PersonalInside,
        what: "the path in an IIS log",
        source: sources::HTTP_W3C_LOGGING,
    },
    Redactable {
        name: "cs-username",
        kind: RedactKind::Personal,
        label: "user",
        how: Extract::Whole,
        what: "the authenticated user in an IIS log",
        source: sources::HTTP_W3C_LOGGING,
    },
    Redactable {
        name: "email",
        kind: RedactKind::Personal,
        label: "email",
        how: Extract::Whole,
        what: "the user's email address",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "emailaddress",
        kind: RedactKind::Personal,
        label: "email",
        how: Extract::Whole,
        what: "the user's email address (SAML attribute)",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "emails",
        kind: RedactKind::Personal,
        label: "email",
        how: Extract::Whole,
        what: "the user's email addresses (B2C)",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "family_name",
        kind: RedactKind::Personal,
        label: "name",
        how: Extract::Whole,
        what: "the user's last name",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "given_name",
        kind: RedactKind::Personal,
        label: "name",
        how: Extract::Whole,
        what: "the user's first name",
        source: sources::IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "givenname",
        kind: RedactKind::Personal,
        label: "name",
        how: Extract::Whole,
        what: "the user's first name (SAML attribute)",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "idp",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the identity provider, for Entra an issuer with a tenant id",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "ipaddr",
        kind: RedactKind::IpAddress,
        label: "ip",
        how: Extract::Whole,
        what: "the IP address the user signed in from",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "iss",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the issuer, for Entra with the tenant id",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "issuer",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the issuer an OpenID configuration names, with the tenant id",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "login_hint",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user name an app suggests at sign-in",
        source: sources::SPECS_OPENID_CONNECT_CORE_1_0_AUTHREQUEST,
    },
    Redactable {
        name: "name",
        kind: RedactKind::Personal,
        label: "name",
        how: Extract::Whole,
        what: "the user's display name",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "nameid",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user a SAML token is about",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "objectidentifier",
        kind: RedactKind::TenantId,
        label: "oid",
        how: Extract::Whole,
        what: "the user's object id (SAML attribute)",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "oid",
        kind: RedactKind::TenantId,
        label: "oid",
        how: Extract::Whole,
        what: "the object id of the user or service principal",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "preferred_username",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user's sign-in name",
        source: sources::IDENTITY_PLATFORM_ID_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "realm",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::Whole,
        what: "the tenant a challenge names",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "s-ip",
        kind: RedactKind::IpAddress,
        label: "ip",
        how: Extract::Whole,
        what: "the server's IP address in an IIS log",
        source: sources::HTTP_W3C_LOGGING,
    },
    Redactable {
        name: "sub",
        kind: RedactKind::TenantId,
        label: "sub",
        how: Extract::Whole,
        what: "the subject: a pairwise id of the user for this app",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "surname",
        kind: RedactKind::Personal,
        label: "name",
        how: Extract::Whole,
        what: "the user's last name (SAML attribute)",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "tenantid",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::Whole,
        what: "the tenant id (SAML attribute)",
        source: sources::IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    },
    Redactable {
        name: "tid",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::Whole,
        what: "the tenant id",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "token_endpoint",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the token endpoint, with the tenant in its path",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "trusted_issuers",
        kind: RedactKind::TenantId,
        label: "tenant",
        how: Extract::TenantsInside,
        what: "the issuers a challenge trusts, with tenant ids",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "unique_name",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "a readable name of the user",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "upn",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user principal name",
        source: sources::IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    },
    Redactable {
        name: "user name",
        kind: RedactKind::Personal,
        label: "user",
        how: Extract::Whole,
        what: "the user name of Basic credentials",
        source: sources::RFC_RFC7617,
    },
    Redactable {
        name: "username",
        kind: RedactKind::Personal,
        label: "upn",
        how: Extract::Whole,
        what: "the user name of a password grant",
        source: sources::DOC_RFC6749_SECTION_4_3_2,
    },
];

/// Fields that name applications: their values stay in a redacted copy even where another field
/// (the `sub` or `iss` of a client assertion, which is the client id) holds the same value, because
/// an app id identifies software, not a person, and a reader needs it to follow the diagnosis.
pub const APP_FIELDS: &[&str] = &[
    "Client app",
    "Resource (aud)",
    "appid",
    "aud",
    "azp",
    "client_id",
];

/// The row for a field name: exact, else by the last path segment of a SAML attribute URI.
pub fn field(name: &str) -> Option<&'static Redactable> {
    let find = |n: &str| {
        FIELDS
            .binary_search_by(|row| row.name.cmp(n))
            .ok()
            .map(|i| &FIELDS[i])
    };
    find(name).or_else(|| {
        let (_, last) = name.rsplit_once('/')?;
        if name.contains("://") {
            find(last)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_sorted_unique_and_sourced() {
        for pair in FIELDS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for row in FIELDS {
            crate::knowledge::assert_source(row.source, row.name);
            assert!(!row.label.is_empty() && row.label.chars().all(|c| c.is_ascii_lowercase()));
        }
    }

    #[test]
    fn saml_attribute_uris_are_found_by_their_last_segment() {
        let upn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
        assert_eq!(field(upn).map(|r| r.label), Some("email"));
        assert_eq!(field("tid").map(|r| r.kind), Some(RedactKind::TenantId));
        assert!(field("a/tid").is_none() && field("appid").is_none());
    }
}
