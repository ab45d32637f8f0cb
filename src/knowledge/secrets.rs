//! Table: names of parameters and properties whose values are secrets, so every reader masks them.

/// A secret-bearing name as it appears in query strings, form bodies and PowerShell output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretName {
    /// Lower case, without separators (`client_secret`, `ClientSecret` and `client-secret` all
    /// compare as `clientsecret`).
    pub name: &'static str,
    pub what: &'static str,
    pub source: &'static str,
}

use crate::knowledge::sources;

/// Sorted by `name`.
pub const NAMES: &[SecretName] = &[
    SecretName {
        name: "accesstoken",
        what: "an OAuth access token sent as a parameter",
        source: sources::DOC_RFC6750_SECTION_3_1,
    },
    SecretName {
        name: "apppassword",
        what: "an app password",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "assertion",
        what: "a signed assertion exchanged for tokens (JWT bearer or SAML grant)",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "clientassertion",
        what: "an app's signed client assertion, usable until it expires",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "clientsecret",
        what: "an app's client secret (client_secret, ClientSecret)",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "code",
        what: "an authorization code, exchangeable for tokens",
        source: sources::DOC_RFC6749_SECTION_4_1_2_1,
    },
    SecretName {
        name: "idtoken",
        what: "an ID token sent as a parameter",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "passwd",
        what: "a password",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "password",
        what: "a password (resource owner password grant, Basic credentials, PowerShell output)",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "pwd",
        what: "a password",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "refreshtoken",
        what: "a refresh token",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "samlresponse",
        what: "a signed SAML response",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "secret",
        what: "a shared secret",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "secrettext",
        what: "the text of a new client secret (Graph passwordCredential)",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "sig",
        what: "a shared access signature",
        source: sources::DOC_RFC6749_SECTION_5_2,
    },
    SecretName {
        name: "token",
        what: "a token sent as a parameter",
        source: sources::DOC_RFC6750_SECTION_3_1,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_unique_folded_and_sourced() {
        for pair in NAMES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for row in NAMES {
            assert!(
                row.name.chars().all(|c| c.is_ascii_lowercase()),
                "{}",
                row.name
            );
            crate::knowledge::assert_source(row.source, row.name);
        }
    }
}
