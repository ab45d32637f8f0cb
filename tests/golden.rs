//! Golden tests: every fixture under tests/fixtures/ is inspected and its plain-text report checked.
//!
//! A fixture is `<folder>/<case>.json` with `input` and `checks` (groups of alternative substrings;
//! each group must appear, case-insensitive, white space collapsed). Beside it,
//! `<case>.expected.txt` holds the whole rendered report; `UPDATE_EXPECT=1 cargo test` rewrites it.
//! Fixtures listing `needs` are skipped until the capability they need exists.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::report::{Artifact, Report};
use tokenlens::{explain, inspect, render, Context};

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Collects the id of the rule behind every finding in a report.
fn fired_rules(report: &Report, out: &mut BTreeSet<&'static str>) {
    fn walk(artifact: &Artifact, out: &mut BTreeSet<&'static str>) {
        out.extend(artifact.findings.iter().map(|f| f.rule));
        for child in &artifact.children {
            walk(child, out);
        }
    }
    out.extend(report.diagnoses.iter().map(|f| f.rule));
    for artifact in report.artifacts.iter().chain(&report.key_artifacts) {
        walk(artifact, out);
    }
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for folder in fs::read_dir(&root).expect("tests/fixtures exists") {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_passes_its_checks_and_matches_its_expected_report() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut fired = BTreeSet::new();
    for path in fixtures() {
        let data: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).expect("fixture is JSON");
        let Some(input) = data.get("input").and_then(|v| v.as_str()) else {
            continue;
        };
        if data
            .get("needs")
            .and_then(|v| v.as_array())
            .is_some_and(|a| !a.is_empty())
        {
            continue;
        }
        let keys = data.get("keys").and_then(|v| v.as_str()).unwrap_or("");
        let report = tokenlens::inspect_with_keys(input, keys, &Context::fixed());
        fired_rules(&report, &mut fired);
        let text = render::report_text(&report);
        let haystack = collapse(&text);
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for group in data
            .get("checks")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            let alternatives: Vec<String> = group
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(collapse))
                .collect();
            if !alternatives.iter().any(|a| haystack.contains(a.as_str())) {
                failures.push(format!("{name}: none of {alternatives:?}"));
            }
        }
        let expected = path.with_extension("expected.txt");
        if update {
            fs::write(&expected, &text).unwrap();
        } else if let Ok(want) = fs::read_to_string(&expected) {
            if want != text {
                failures.push(format!(
                    "{name}: report differs from {} (run with UPDATE_EXPECT=1 after checking the change)",
                    expected.display()
                ));
            }
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} fixtures were found");
    let catalogue: BTreeSet<&str> = explain::catalogue().iter().map(|r| r.id).collect();
    for id in &catalogue {
        if !fired.contains(id) {
            failures.push(format!(
                "rule {id} fires in no golden fixture: add a fixture that shows it"
            ));
        }
    }
    for id in &fired {
        if !id.is_empty() && !catalogue.contains(id) {
            failures.push(format!(
                "a finding names rule {id}, which no catalogue lists"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn inspecting_never_panics_on_cut_or_garbled_fixtures() {
    for path in fixtures() {
        let data: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let Some(input) = data.get("input").and_then(|v| v.as_str()) else {
            continue;
        };
        let ctx = Context::fixed();
        let mut cut = input.len();
        while cut > 0 {
            while !input.is_char_boundary(cut) {
                cut -= 1;
            }
            let _ = inspect(&input[..cut], &ctx);
            let _ = inspect(&input[cut..], &ctx);
            cut = cut.saturating_sub(input.len() / 7 + 1);
        }
        let garbled: String = input.chars().rev().collect();
        let _ = inspect(&garbled, &ctx);
    }
}
