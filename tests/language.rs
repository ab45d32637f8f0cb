//! The language note on real pastes: every file of the recognition corpus (`tests/recognition/`)
//! names the language of its paste, and the detector must agree with it, English included.

use std::path::Path;
use tokenlens::decode::language::detect;

#[test]
fn the_recognition_corpus_gets_its_own_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recognition");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/recognition") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        // FOUND.json, the recognition test's record, is not a paste.
        let Some(input) = doc["input"].as_str() else {
            continue;
        };
        let expected = doc["language"].as_str().expect("language");
        let found = detect(input).map_or("en", |d| d.language.code);
        if found != expected {
            wrong.push(format!(
                "{}: expected {expected}, found {found}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 100, "the corpus has its files ({checked})");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_report_says_the_language_once() {
    let report = tokenlens::inspect::inspect(
        "Der Remoteserver hat einen Fehler zurückgegeben: (401) Nicht autorisiert. Die Anmeldung \
         ist mit dem Konto nicht möglich.",
        &tokenlens::context::Context::fixed(),
    );
    let notes: Vec<&String> = report
        .notices
        .iter()
        .filter(|n| n.contains("The text is in German"))
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", report.notices);
    assert!(
        !report.notices.iter().any(|n| n.contains("Nothing here")),
        "the localized 401 is recognised: {:?}",
        report.notices
    );
}
