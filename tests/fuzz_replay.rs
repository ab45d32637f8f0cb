//! Replays the committed fuzz corpus (`tests/fuzz-corpus/<target>/`, minimised by
//! `scripts/fuzz.sh`) and every crash or hang the fuzzer saved (`tests/fuzz-crashes/<target>/`)
//! through `inspect` and `inspect_with_keys`, so a fixed crash cannot come back unnoticed.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use tokenlens::input::{file_text, FileText};
use tokenlens::{inspect, inspect_with_keys, render, Context};

/// Every file one level below each target folder of `dir`, in a stable order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(targets) = fs::read_dir(dir) else {
        return out;
    };
    for target in targets.flatten() {
        if let Ok(files) = fs::read_dir(target.path()) {
            out.extend(files.flatten().map(|f| f.path()).filter(|p| p.is_file()));
        }
    }
    out.sort();
    out
}

/// The report as text, or the reason the pipeline panicked.
fn run(text: &str, keys: &str) -> Result<String, String> {
    let ctx = Context::fixed();
    catch_unwind(AssertUnwindSafe(|| {
        let report = if keys.is_empty() {
            inspect(text, &ctx)
        } else {
            inspect_with_keys(text, keys, &ctx)
        };
        render::report_text(&report)
    }))
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn every_corpus_and_crash_input_ends_in_a_report_or_a_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let corpus = files_under(&root.join("fuzz-corpus"));
    assert!(
        corpus.len() >= 50,
        "the committed fuzz corpus has only {} inputs",
        corpus.len()
    );
    let mut failures = Vec::new();
    for path in corpus
        .iter()
        .chain(&files_under(&root.join("fuzz-crashes")))
    {
        let Ok(bytes) = fs::read(path) else { continue };
        // As the `inspect` target reads it: the way the page and the CLI read a dropped file.
        let whole = match file_text(&bytes) {
            FileText::Unreadable { .. } => String::new(),
            other => other.into_text().unwrap_or_default(),
        };
        // As the `inspect_with_keys` target reads it: the paste, a NUL byte, then the keys.
        let (paste, keys) = match bytes.iter().position(|b| *b == 0) {
            Some(at) => (&bytes[..at], &bytes[at + 1..]),
            None => (&bytes[..], &bytes[..0]),
        };
        let paste = String::from_utf8_lossy(paste);
        let keys = String::from_utf8_lossy(keys);
        for (text, keys) in [(whole.as_str(), ""), (paste.as_ref(), keys.as_ref())] {
            match run(text, keys) {
                Err(panic) => failures.push(format!("{}: panicked: {panic}", path.display())),
                Ok(out)
                    if out.trim().is_empty()
                        && !(text.trim().is_empty() && keys.trim().is_empty()) =>
                {
                    failures.push(format!(
                        "{}: neither a report nor a message",
                        path.display()
                    ))
                }
                Ok(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
