//! Prints how long a redacted copy takes: over every golden fixture pasted at once, and over a
//! claim set of 3,000 claims (run with `--release`).

use std::time::Instant;
use tokenlens::redact::{redact, Redaction};
use tokenlens::{inspect, render, Context};

fn fixtures() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths = Vec::new();
    for folder in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(folder.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if file.path().extension().is_some_and(|e| e == "json") {
                paths.push(file.path());
            }
        }
    }
    paths.sort();
    let mut all = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
            all.push_str(json["input"].as_str().unwrap_or(""));
            all.push_str("\n\n");
        }
    }
    all
}

/// A decoded claim set with 3,000 claims, each naming one of 50 users, beside the usual personal
/// claims: a large report in which every text is scanned.
fn claims(n: usize) -> String {
    let mut json = String::from("{\n");
    for i in 0..n {
        json.push_str(&format!(
            "  \"c{i}\": \"value {i} for megan@contoso.example and user{}@contoso.example\",\n",
            i % 50
        ));
    }
    json.push_str("  \"upn\": \"megan@contoso.example\",\n  \"name\": \"Megan Bowen\",\n  \"ipaddr\": \"203.0.113.7\",\n");
    json.push_str("  \"tid\": \"3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52\",\n  \"oid\": \"0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b\",\n");
    json.push_str("  \"iss\": \"https://sts.windows.net/3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52/\",\n  \"aud\": \"00000003-0000-0000-c000-000000000000\",\n  \"iat\": 1767225500,\n  \"exp\": 1767229100\n}\n");
    json
}

fn main() {
    let ctx = Context::fixed();
    for (what, paste) in [
        ("every golden fixture at once", fixtures()),
        ("a claim set of 3,000 claims", claims(3000)),
    ] {
        let report = inspect(&paste, &ctx);
        let text_len = render::report_text(&report).len();
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            let redacted = redact(&report, Redaction::ALL);
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(redacted);
        }
        println!(
            "{what}: paste {} KB, report {} KB, redacted copy in {best:.1} ms (best of 5)",
            paste.len() / 1024,
            text_len / 1024
        );
    }
}
