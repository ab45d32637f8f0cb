//! The page's way of checking signatures gives the CLI's reports: every fixture, inspected with
//! its signature checks deferred and answered afterwards (as the page's worker answers them with
//! WebCrypto, here with RustCrypto), ends in the report that checking directly gives.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::verify::deferred;
use tokenlens::{render, Context};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for folder in fs::read_dir(&root).expect("tests/fixtures exists") {
        let folder = folder.unwrap().path();
        for file in fs::read_dir(&folder).into_iter().flatten() {
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
fn deferred_checks_answered_later_give_the_direct_report() {
    let ctx = Context::fixed();
    let mut with_checks = 0;
    for path in fixtures() {
        let data: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let input = data.get("input").and_then(|v| v.as_str()).unwrap_or("");
        let keys = data.get("keys").and_then(|v| v.as_str()).unwrap_or("");
        let direct = tokenlens::inspect_with_keys(input, keys, &ctx);

        let mut answers = deferred::Answers::new();
        let mut rounds = 0;
        let deferred_report = loop {
            let (report, asked) = deferred::run(answers.clone(), || {
                tokenlens::inspect_with_keys(input, keys, &ctx)
            });
            if asked.is_empty() {
                break report;
            }
            rounds += 1;
            assert!(rounds <= 3, "{}: checks keep coming", path.display());
            // The page gets each check as JSON; it must be readable whatever it holds.
            assert!(deferred::to_json(&asked).starts_with('['));
            for check in &asked {
                answers.insert(check.id.clone(), deferred::answer_natively(check));
            }
        };
        if rounds > 0 {
            with_checks += 1;
        }
        assert_eq!(
            render::report_text(&deferred_report),
            render::report_text(&direct),
            "{}: the deferred report differs",
            path.display()
        );
        assert_eq!(
            serde_json::to_string(&deferred_report).unwrap(),
            serde_json::to_string(&direct).unwrap(),
            "{}: the deferred report's JSON differs",
            path.display()
        );
    }
    assert!(
        with_checks >= 10,
        "only {with_checks} fixtures check signatures"
    );
}
