//! Hostile corpus tests: every input of `tests/hostile/` ends in a report or a clear message,
//! without a panic, and no secret it carries comes back in the text report, the JSON or the
//! redacted copy (which must not panic either).
//!
//! Speed and memory are measured by `examples/hostile_bench.rs`, not here.

#[path = "hostile/generate.rs"]
mod generate;

use std::panic::{catch_unwind, AssertUnwindSafe};
use tokenlens::input::{file_text, FileText};
use tokenlens::redact::{redact, Redaction};
use tokenlens::{inspect, render, Context};

/// Secrets the corpus carries; none may appear in any report.
const SECRETS: &[&str] = &[
    "Q8x~Zq7Rb2Lw9Vt4Kp1Ms6Nd3Hf0Jg5Ya8Ec2Xu",
    "CorrectHorseBattery9!",
    "abc123secretvalue",
    "S3cr3tValue!",
    "P@ssw0rd!",
];

#[test]
fn the_corpus_has_at_least_two_hundred_inputs() {
    let n = generate::corpus().len();
    assert!(n >= 200, "the hostile corpus has only {n} inputs");
}

#[test]
fn every_hostile_input_gets_a_report_or_a_message_without_a_panic() {
    let ctx = Context::fixed();
    let mut failures = Vec::new();
    for case in generate::corpus() {
        let bytes = case.bytes();
        // Inputs are read the way the page and the CLI read a file.
        let text = match file_text(&bytes) {
            FileText::Unreadable { .. } => continue,
            other => other.into_text().unwrap_or_default(),
        };
        let result = catch_unwind(AssertUnwindSafe(|| inspect(&text, &ctx)));
        match result {
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: panicked: {message}", case.name));
            }
            Ok(report) => {
                let said_something = !report.artifacts.is_empty() || !report.notices.is_empty();
                if !said_something && !text.trim().is_empty() {
                    failures.push(format!("{}: neither a report nor a message", case.name));
                }
                let rendered = render::report_text(&report);
                let json = serde_json::to_string(&report).unwrap_or_default();
                let redacted = catch_unwind(AssertUnwindSafe(|| {
                    render::report_text(&redact(&report, Redaction::ALL))
                }));
                let Ok(redacted) = redacted else {
                    failures.push(format!("{}: the redacted copy panicked", case.name));
                    continue;
                };
                for secret in SECRETS {
                    if rendered.contains(secret)
                        || json.contains(secret)
                        || redacted.contains(secret)
                    {
                        failures.push(format!("{}: repeats the secret {secret:?}", case.name));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} hostile inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
