//! Golden tests: every fixture in tests/fixtures/diagnostics passes its checks, and no input panics.

use std::path::Path;

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn report_for(input: &str) -> String {
    tokenlens::render::report_text(&tokenlens::inspect(input, &tokenlens::Context::fixed()))
}

struct Fixture {
    name: String,
    input: String,
    checks: Vec<Vec<String>>,
    needs: Vec<String>,
}

fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diagnostics");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let strings = |x: &serde_json::Value| -> Vec<String> {
                x.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Fixture {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                input: v["input"].as_str().unwrap_or_default().to_string(),
                checks: v["checks"]
                    .as_array()
                    .map(|g| g.iter().map(strings).collect())
                    .unwrap_or_default(),
                needs: strings(&v["needs"]),
            }
        })
        .collect()
}

/// The checks of one fixture that fail, as readable lines.
fn failures(f: &Fixture) -> Vec<String> {
    let report = collapse(&report_for(&f.input));
    f.checks
        .iter()
        .filter(|group| !group.iter().any(|alt| report.contains(&collapse(alt))))
        .map(|group| format!("{}: none of {:?}", f.name, group))
        .collect()
}

#[test]
fn every_fixture_passes_its_checks() {
    let mut failed = Vec::new();
    let mut ran = 0;
    for f in fixtures() {
        if !f.needs.is_empty() {
            continue;
        }
        ran += 1;
        failed.extend(failures(&f));
    }
    assert!(ran > 10, "expected fixtures, ran {ran}");
    assert!(failed.is_empty(), "failing checks:\n{}", failed.join("\n"));
}

/// Lists the skipped fixtures and how many of their checks pass today (for the integrator).
#[test]
fn skipped_fixtures_are_reported() {
    for f in fixtures() {
        if f.needs.is_empty() {
            continue;
        }
        let fails = failures(&f);
        println!(
            "skipped {} (needs {:?}): {} of {} check groups fail today",
            f.name,
            f.needs,
            fails.len(),
            f.checks.len()
        );
        for line in fails {
            println!("    {line}");
        }
    }
}

#[test]
fn nothing_panics_on_slices_of_the_fixtures() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for f in fixtures() {
        let text = f.input.as_str();
        let len = text.len();
        for _ in 0..40 {
            let a = (next() as usize) % (len + 1);
            let b = (next() as usize) % (len + 1);
            let (mut s, mut e) = (a.min(b), a.max(b));
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            let _ = report_for(&text[s..e]);
        }
        for cut in (0..len).step_by(7) {
            if text.is_char_boundary(cut) {
                let _ = report_for(&text[..cut]);
                let _ = report_for(&text[cut..]);
            }
        }
    }
    // Random bytes made into text, with the characters these decoders care about.
    let alphabet: Vec<char> = "AADSTS2000001;reason=\"'“”&quot;\\ {}[]:,=+%\n\r Bearer x-ms-diagnostics WWW-Authenticate: Basic NTLM grant_type=&#Fields: GENERAL_SET_RESPONSE_HEADER HeaderValue=<Event><Data Name=\"HeaderName\"> : {a, b…}0123456789"
        .chars()
        .collect();
    for _ in 0..400 {
        let n = (next() % 300) as usize;
        let s: String = (0..n)
            .map(|_| alphabet[(next() as usize) % alphabet.len()])
            .collect();
        let _ = report_for(&s);
    }
}

#[test]
fn a_har_report_never_echoes_secrets_and_lists_each_failure_once() {
    let har = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/diagnostics/logs-har-exchange-graph-entra.json"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&har).unwrap();
    let report = report_for(v["input"].as_str().unwrap());
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
