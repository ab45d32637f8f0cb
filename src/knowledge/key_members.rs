//! Table: what the members of a JWK, an app keyCredential and an OpenID Connect configuration
//! mean. Each table is in the order a card lists the members.

use crate::knowledge::sources as src;

/// A JSON member and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub name: &'static str,
    /// Empty where the value speaks for itself.
    pub meaning: &'static str,
    pub source: &'static str,
}

const fn jwk(name: &'static str, meaning: &'static str) -> Member {
    Member {
        name,
        meaning,
        source: src::DOC_RFC7517_SECTION_4,
    }
}

/// The members every JWK key type may carry.
pub const JWK_MEMBERS: &[Member] = &[
    jwk("kty", "key type"),
    jwk("kid", "key id: a token names its signing key with this"),
    jwk("use", "sig = signing"),
    jwk("alg", "algorithm this key is for"),
    jwk("x5t", "base64url SHA-1 thumbprint of the certificate"),
    jwk(
        "x5t#S256",
        "base64url SHA-256 thumbprint of the certificate",
    ),
    Member {
        name: "issuer",
        meaning: "the token issuer this key signs for (Entra adds it)",
        source: src::IDENTITY_PLATFORM_ACCESS_TOKENS,
    },
    Member {
        name: "crv",
        meaning: "curve",
        source: src::DOC_RFC7518_SECTION_6_2_1_1,
    },
];

const fn cred(name: &'static str, meaning: &'static str) -> Member {
    Member {
        name,
        meaning,
        source: src::RESOURCES_KEYCREDENTIAL,
    }
}

/// The members of an app keyCredential (manifest and Microsoft Graph names).
pub const KEYCREDENTIAL_MEMBERS: &[Member] = &[
    cred("keyId", "the credential's own GUID (not the thumbprint)"),
    cred("type", ""),
    cred("usage", ""),
    cred("displayName", "usually the certificate subject"),
    cred("startDateTime", ""),
    cred("endDateTime", ""),
    cred("startDate", ""),
    cred("endDate", ""),
];

/// A value of a keyCredential member and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberValue {
    pub member: &'static str,
    pub value: &'static str,
    pub meaning: &'static str,
    pub source: &'static str,
}

const fn value(member: &'static str, value: &'static str, meaning: &'static str) -> MemberValue {
    MemberValue {
        member,
        value,
        meaning,
        source: src::RESOURCES_KEYCREDENTIAL,
    }
}

/// The keyCredential `type` and `usage` values.
pub const KEYCREDENTIAL_VALUES: &[MemberValue] = &[
    value(
        "type",
        "AsymmetricX509Cert",
        "a certificate (public key) credential",
    ),
    value(
        "type",
        "X509CertAndPassword",
        "a certificate with private key (used for SAML signing)",
    ),
    value("type", "Symmetric", "a symmetric key"),
    value(
        "usage",
        "Verify",
        "Entra verifies the app's signatures (client assertions) with it",
    ),
    value("usage", "Sign", "used to sign (SAML token signing)"),
];

/// What a keyCredential member's value means: the value's own meaning, else the member's.
pub fn keycredential_meaning(member: &str, v: &str) -> &'static str {
    KEYCREDENTIAL_VALUES
        .iter()
        .find(|r| r.member == member && r.value == v)
        .map(|r| r.meaning)
        .or_else(|| {
            KEYCREDENTIAL_MEMBERS
                .iter()
                .find(|m| m.name == member)
                .map(|m| m.meaning)
        })
        .unwrap_or_default()
}

const fn oidc(name: &'static str, meaning: &'static str) -> Member {
    Member {
        name,
        meaning,
        source: src::IDENTITY_PLATFORM_V2_PROTOCOLS_OIDC_FIND_YOUR_APPS_OPENID_CO,
    }
}

/// The endpoints and single values of an OpenID Connect configuration.
pub const OPENID_ENDPOINTS: &[Member] = &[
    oidc(
        "issuer",
        "the exact iss value of tokens this configuration describes",
    ),
    oidc(
        "jwks_uri",
        "where the signing keys (JWKS) are published: shown, never fetched",
    ),
    oidc(
        "authorization_endpoint",
        "where the browser signs in (authorization code and implicit flows)",
    ),
    oidc(
        "token_endpoint",
        "where apps redeem codes, refresh tokens and client credentials for tokens",
    ),
    oidc("device_authorization_endpoint", "device code flow"),
    oidc("end_session_endpoint", "sign-out"),
    oidc(
        "userinfo_endpoint",
        "OpenID Connect UserInfo (Microsoft Graph for Entra)",
    ),
    oidc("kerberos_endpoint", "Kerberos ticket exchange"),
    oidc(
        "tenant_region_scope",
        "the tenant's region (WW, NA, EU, AS, OC ... or USGov)",
    ),
    oidc("cloud_instance_name", "the cloud's sign-in host name"),
    oidc("msgraph_host", "the Microsoft Graph host of this cloud"),
];

/// The lists of an OpenID Connect configuration.
pub const OPENID_CAPABILITIES: &[Member] = &[
    oidc("id_token_signing_alg_values_supported", "algorithms its tokens are signed with"),
    oidc(
        "token_endpoint_auth_methods_supported",
        "how a confidential client proves itself: client_secret_* is a secret, private_key_jwt a certificate",
    ),
    oidc("response_types_supported", ""),
    oidc("scopes_supported", ""),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_unique_and_sourced() {
        for table in [
            JWK_MEMBERS,
            KEYCREDENTIAL_MEMBERS,
            OPENID_ENDPOINTS,
            OPENID_CAPABILITIES,
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for m in table {
                assert!(seen.insert(m.name), "{} twice", m.name);
                crate::knowledge::assert_source(m.source, m.name);
            }
        }
        for v in KEYCREDENTIAL_VALUES {
            assert!(KEYCREDENTIAL_MEMBERS.iter().any(|m| m.name == v.member));
            assert!(!v.meaning.is_empty());
            crate::knowledge::assert_source(v.source, v.value);
        }
        assert_eq!(
            keycredential_meaning("usage", "Sign"),
            "used to sign (SAML token signing)"
        );
        assert_eq!(keycredential_meaning("type", "Other"), "");
    }
}
