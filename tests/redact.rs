//! Redaction over real fixtures: the redacted text and JSON of each report hold none of the
//! personal, tenant, IP or signature values the unredacted report shows, and still read correctly.

use std::fs;
use std::path::Path;
use tokenlens::redact::{redact, Redaction};
use tokenlens::{inspect, render, Context};

/// A fixture and the values its report shows that a redacted copy must not repeat.
const CASES: &[(&str, &[&str])] = &[
    (
        "jwt/040-jwt-v1-access-token-docs.json",
        &[
            "abeli@microsoft.com",
            "AbeLi@microsoft.com",
            "abeli",
            "Lincoln",
            "Abe (MSFT)",
            "222.222.222.22",
            "fa15d692-e9c7-4460-a743-29f2956fd429",
            "fa15d692-e9c7-4460-a743-29f29522229",
            "02223b6b-aa1d-42d4-9ec0-1b2bb9194438",
            "l3_roISQU222bULS9yi2k0XpqpOiMz5H3ZACo1GeXA",
            "D3H6pMUtQnoJAGq6AHd",
        ],
    ),
    (
        "jwt/own-id-token-v1.json",
        &[
            "megan@contoso.example",
            "Megan Bowen",
            "Bowen",
            "203.0.113.7",
            "3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52",
            "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b",
            "pQ2kX9rL0mN8bV7cZ6xW5yT4uS3",
        ],
    ),
    (
        "jwt/own-saml-response-xml.json",
        &[
            "megan@contoso.example",
            "3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52",
        ],
    ),
    (
        "jwt/own-s2s-outer-with-actor.json",
        &[
            "3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52",
            // The encoded actor token carries the same claims in base64.
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ilh6QXoxaFR3R2ZGN2FWMWJYY1p5NHFXcDlrbyJ9",
        ],
    ),
    (
        "diagnostics/037-iis-w3c-rpc-over-http-503-3.json",
        &["CONTOSO\\user", "10.0.0.10", "10.0.0.1"],
    ),
    (
        "diagnostics/logs-exchange-httpproxy-ews-rows.json",
        &["CONTOSO\\sam", "sam@contoso.com", "10.0.1.21", "10.0.1.22"],
    ),
];

fn fixture_input(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    let text = fs::read_to_string(&full).expect("the fixture is readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the fixture is JSON");
    json["input"]
        .as_str()
        .expect("the fixture has an input")
        .to_string()
}

#[test]
fn redacted_reports_of_fixtures_hold_none_of_their_personal_values() {
    let ctx = Context::fixed();
    let mut failures = Vec::new();
    for (path, values) in CASES {
        let report = inspect(&fixture_input(path), &ctx);
        let plain = render::report_text(&report);
        let redacted = redact(&report, Redaction::ALL);
        let text = render::report_text(&redacted);
        let json = serde_json::to_string(&redacted).expect("the report serialises");
        for value in *values {
            assert!(
                plain.contains(value),
                "{path}: the unredacted report shows {value:?} (else this case tests nothing)"
            );
            if text.contains(value) || json.contains(value) {
                failures.push(format!("{path}: the redacted copy repeats {value:?}"));
            }
        }
        // The redacted copy still reads: the same cards, titles and findings, with placeholders.
        assert_eq!(redacted.artifacts.len(), report.artifacts.len(), "{path}");
        assert!(text.starts_with("NOTE: Redacted copy"), "{path}: {text}");
        assert!(text.contains("-1>"), "{path}: no placeholder in {text}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_value_reads_the_same_placeholder_throughout() {
    let report = inspect(
        &fixture_input("jwt/own-id-token-v1.json"),
        &Context::fixed(),
    );
    let text = render::report_text(&redact(&report, Redaction::ALL));
    assert!(
        text.contains("proving that <upn-1> signed in") && text.contains("in tenant <tenant-1>,"),
        "{text}"
    );
    for line in [
        "User: <upn-1>",
        "upn: <upn-1>",
        "unique_name: <upn-1>",
        "tid: <tenant-1>",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    // What the reader needs to diagnose stays: the app, the scopes, the times, the rules.
    assert!(
        text.contains("b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e"),
        "{text}"
    );
}

#[test]
fn app_ids_stay_where_a_client_assertion_names_its_app_as_iss_and_sub() {
    let report = inspect(
        &fixture_input("jwt/own-client-assertion-x5t.json"),
        &Context::fixed(),
    );
    let text = render::report_text(&redact(&report, Redaction::ALL));
    let app = "b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e";
    for line in [
        format!("iss: {app}"),
        format!("sub: {app}"),
        format!("Client app: {app}"),
    ] {
        assert!(text.contains(&line), "{line} in {text}");
    }
    assert!(
        !text.contains("3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52"),
        "{text}"
    );
}
