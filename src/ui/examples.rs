//! Example inputs offered on the empty page, taken from the project's own test fixtures.

/// One example: the button label and the text it puts into the paste box.
pub struct Example {
    pub label: &'static str,
    pub text: fn() -> String,
}

/// The `input` field of a fixture JSON file embedded at compile time.
fn fixture_input(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("input").and_then(|i| i.as_str()).map(str::to_string))
        .unwrap_or_default()
}

/// The examples, one per kind of input people bring.
pub const EXAMPLES: &[Example] = &[
    Example {
        label: "Access token (v1, delegated)",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/jwt/040-jwt-v1-access-token-docs.json"
            ))
        },
    },
    Example {
        label: "FREB trace + decoded Graph token",
        text: || {
            fixture_input(include_str!("../../tests/fixtures/diagnostics/087-seed000-freb-and-decoded-graph-app-token.json"))
        },
    },
    Example {
        label: "Exchange 401 headers (Fiddler)",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/diagnostics/001-xmsdiag-2000003-ssl-offload-hma.json"
            ))
        },
    },
    Example {
        label: "IIS log line",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/diagnostics/033-iis-w3c-mac-outlook-ews-401.json"
            ))
        },
    },
    Example {
        label: "AADSTS error body",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/diagnostics/025-aadsts-50173-revoked-grant-recorded.json"
            ))
        },
    },
    Example {
        label: "HAR file",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/diagnostics/logs-har-exchange-graph-entra.json"
            ))
        },
    },
    Example {
        label: "Certificate chain",
        text: || include_str!("../../tests/fixtures/certificate/generated/chain.pem").to_string(),
    },
    Example {
        label: "Get-PartnerApplication output",
        text: || {
            fixture_input(include_str!(
                "../../tests/fixtures/diagnostics/093-seed001-get-partnerapplication-graph.json"
            ))
        },
    },
];
