//! Golden and behaviour tests for certificates, keys, keyCredentials, PFX and token signature checks.
//!
//! Every `tests/fixtures/certificate/*.json` case (`input` plus `checks`, the samples' shape) is run
//! through `inspect` and the plain-text report; the other tests use keys and tokens that
//! `scripts/make-cert-fixtures.sh` generated once with openssl.

use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::render::report_text;
use tokenlens::report::{Artifact, ArtifactKind, Report, Severity};
use tokenlens::{inspect, inspect_with_keys, Context};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certificate")
}

fn fixture(name: &str) -> String {
    fs::read_to_string(fixture_dir().join(name))
        .unwrap_or_else(|e| panic!("missing fixture {name}: {e}"))
}

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn every_certificate_fixture_meets_its_checks() {
    let mut cases = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .expect("fixture folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let case: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let Some(input) = case["input"].as_str() else {
            continue;
        };
        let Some(checks) = case["checks"].as_array() else {
            continue;
        };
        cases += 1;
        let text = report_text(&inspect(input, &Context::fixed()));
        let haystack = collapse(&text);
        for group in checks {
            let alternatives: Vec<&str> = group
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|v| v.as_str())
                .collect();
            if !alternatives
                .iter()
                .any(|alt| haystack.contains(&collapse(alt)))
            {
                failures.push(format!(
                    "{}: none of {alternatives:?} in report:\n{text}",
                    path.display()
                ));
            }
        }
    }
    assert!(
        cases >= 4,
        "expected the certificate fixtures, found {cases}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn all_artifacts(report: &Report) -> Vec<&Artifact> {
    fn walk<'a>(a: &'a Artifact, out: &mut Vec<&'a Artifact>) {
        out.push(a);
        for c in &a.children {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for a in report.artifacts.iter().chain(&report.key_artifacts) {
        walk(a, &mut out);
    }
    out
}

fn text_of(input: &str) -> String {
    report_text(&inspect(input, &Context::fixed()))
}
