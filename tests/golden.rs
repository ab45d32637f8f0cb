//! Golden tests: every fixture under tests/fixtures/ is inspected and its plain-text report checked.
//!
//! A fixture is `<folder>/<case>.json` with `input` and `checks` (groups of alternative substrings;
//! each group must appear, case-insensitive, white space collapsed). Beside it,
//! `<case>.expected.txt` holds the whole rendered report; `UPDATE_EXPECT=1 cargo test` rewrites it.
//! The same fixtures, cut, sliced and garbled, must never make `inspect` panic.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::report::{Artifact, Report};
use tokenlens::text::{cut, cut_from, cut_to};
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
    let paths = fixtures();
    for path in &paths {
        let data: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(path).unwrap()).expect("fixture is JSON");
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path)
            .display()
            .to_string();
        let Some(input) = data.get("input").and_then(|v| v.as_str()) else {
            failures.push(format!("{name}: a fixture needs an \"input\" string"));
            continue;
        };
        let keys = data.get("keys").and_then(|v| v.as_str()).unwrap_or("");
        let report = tokenlens::inspect_with_keys(input, keys, &Context::fixed());
        fired_rules(&report, &mut fired);
        let text = render::report_text(&report);
        let haystack = collapse(&text);
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
    assert!(
        !paths.is_empty() && checked == paths.len(),
        "{checked} of {} fixtures were checked",
        paths.len()
    );
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

/// A small xorshift generator, so that the slices are the same on every run.
struct Slices(u64);

impl Slices {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A random `[start, end)` of `text` on character boundaries.
    fn slice<'a>(&mut self, text: &'a str) -> &'a str {
        let len = text.len();
        let a = (self.next() as usize) % (len + 1);
        let b = (self.next() as usize) % (len + 1);
        let (mut s, mut e) = (a.min(b), a.max(b));
        while !text.is_char_boundary(s) {
            s -= 1;
        }
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        cut(text, s..e)
    }
}

#[test]
fn inspecting_never_panics_on_cut_sliced_or_garbled_fixtures() {
    let mut slices = Slices(0x9e37_79b9_7f4a_7c15);
    let ctx = Context::fixed();
    let report = |text: &str| render::report_text(&inspect(text, &ctx));
    for path in fixtures() {
        let data: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let Some(input) = data.get("input").and_then(|v| v.as_str()) else {
            continue;
        };
        // Cuts every few bytes (at most about sixty per fixture), from the front and from the back.
        let step = (input.len() / 60).max(7);
        for cut in (0..input.len()).step_by(step) {
            if input.is_char_boundary(cut) {
                let _ = report(cut_to(input, cut));
                let _ = report(cut_from(input, cut));
            }
        }
        for _ in 0..40 {
            let _ = report(slices.slice(input));
        }
        let garbled: String = input.chars().rev().collect();
        let _ = report(&garbled);
    }
}

#[test]
fn inspecting_never_panics_on_random_text_made_of_what_decoders_look_for() {
    let mut random = Slices(0x2545_f491_4f6c_dd1d);
    let alphabet: Vec<char> = "AADSTS2000001;reason=\"'“”&quot;\\ {}[]:,=+%\n\r Bearer x-ms-diagnostics WWW-Authenticate: Basic NTLM grant_type=&#Fields: GENERAL_SET_RESPONSE_HEADER HeaderValue=<Event><Data Name=\"HeaderName\"> : {a, b…}0123456789"
        .chars()
        .collect();
    let ctx = Context::fixed();
    for _ in 0..400 {
        let n = (random.next() % 300) as usize;
        let text: String = (0..n)
            .map(|_| alphabet[(random.next() as usize) % alphabet.len()])
            .collect();
        let _ = render::report_text(&inspect(&text, &ctx));
    }
}

#[test]
fn a_har_report_never_echoes_secrets_and_lists_each_failure_once() {
    let har = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/diagnostics/logs-har-exchange-graph-entra.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&har).unwrap();
    let input = v["input"].as_str().expect("the HAR fixture has an input");
    let report = render::report_text(&inspect(input, &Context::fixed()));
    assert!(!report.contains("Sup3rS3cretValue"), "client secret echoed");
    assert!(
        !report.contains("0.AAAA-secret-code"),
        "authorization code echoed"
    );
    // The x-ms-diagnostics value inside the HAR is explained once, inside its entry.
    assert_eq!(
        report.matches("x-ms-diagnostics 2000010").count(),
        1,
        "{report}"
    );
}
