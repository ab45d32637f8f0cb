//! The recognition corpus as a regression test: each of the real pastes in `tests/recognition/`
//! must keep being recognised and must keep naming every expected string it named when
//! `tests/recognition/FOUND.json` was last written (`UPDATE_FOUND=1` rewrites it after a change
//! that finds more). What the corpus does not find yet is measured by `baseline.py`, not failed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tokenlens::context::Context;

/// One corpus file as the report reads it now.
struct Read {
    recognised: bool,
    found: Vec<String>,
    expected: usize,
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recognition");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/recognition")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .filter(|p| !p.ends_with("FOUND.json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Read {
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let input = doc["input"].as_str().expect("input");
    let report = tokenlens::inspect::inspect(input, &Context::fixed());
    let nothing = tokenlens::find::nothing_found();
    let recognised = !report.notices.contains(&nothing);
    // The generic notice lists kinds ("Exchange PowerShell output"), so it is left out of the
    // text the expected strings are looked for in, as baseline.py does.
    let text = tokenlens::render::report_text(&report)
        .replace(&nothing, "")
        .to_lowercase();
    let expect: Vec<String> = doc["expect"]
        .as_array()
        .expect("expect")
        .iter()
        .map(|e| e.as_str().expect("string").to_string())
        .collect();
    Read {
        recognised,
        found: expect
            .iter()
            .filter(|e| text.contains(&e.to_lowercase()))
            .cloned()
            .collect(),
        expected: expect.len(),
    }
}

#[test]
fn every_real_paste_keeps_what_it_was_found_to_name() {
    let files = corpus();
    assert!(files.len() >= 100, "the corpus is there ({})", files.len());
    let found_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recognition/FOUND.json");
    let mut now: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let (mut names, mut expected, mut unrecognised) = (0, 0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let read = read(path);
        names += read.found.len();
        expected += read.expected;
        unrecognised += usize::from(!read.recognised);
        now.insert(
            name,
            serde_json::json!({ "recognised": read.recognised, "found": read.found }),
        );
    }
    println!(
        "{} real pastes: {unrecognised} not recognised, {names} of {expected} expected names found",
        files.len()
    );
    if std::env::var_os("UPDATE_FOUND").is_some() {
        let text = serde_json::to_string_pretty(&now).expect("json") + "\n";
        std::fs::write(&found_path, text).expect("write FOUND.json");
        return;
    }
    let before: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&found_path).expect("FOUND.json"))
            .expect("FOUND.json is JSON");
    let mut lost = Vec::new();
    for (name, was) in &before {
        let Some(is) = now.get(name) else {
            lost.push(format!("{name}: the file is gone"));
            continue;
        };
        if was["recognised"] == true && is["recognised"] != true {
            lost.push(format!("{name}: no longer recognised"));
        }
        let has = is["found"].as_array().cloned().unwrap_or_default();
        for e in was["found"].as_array().into_iter().flatten() {
            if !has.contains(e) {
                lost.push(format!("{name}: no longer names {e}"));
            }
        }
    }
    assert!(lost.is_empty(), "{}", lost.join("\n"));
}
