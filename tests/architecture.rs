//! Architecture tests: the invariants of ARCHITECTURE.md, checked by reading the source tree.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn source(rel: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Lines of code, without comment lines.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| {
        let t = l.trim_start();
        !t.starts_with("//")
    })
}

#[test]
fn the_core_uses_no_browser_crate() {
    let forbidden = ["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
    for (path, text) in source("src") {
        if path.components().any(|c| c.as_os_str() == "ui") || path.ends_with("main.rs") {
            continue;
        }
        for line in code_lines(&text) {
            for name in forbidden {
                assert!(
                    !line.contains(&format!("{name}::")) && !line.contains(&format!("use {name}")),
                    "{} uses {name}: the core must stay pure Rust ({line})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_core_reads_no_clock_and_no_randomness() {
    for (path, text) in source("src") {
        if path
            .components()
            .any(|c| c.as_os_str() == "ui" || c.as_os_str() == "bin")
        {
            continue;
        }
        for line in code_lines(&text) {
            for call in [
                "SystemTime::now",
                "Instant::now",
                "OffsetDateTime::now",
                "thread_rng",
                "OsRng",
                "getrandom",
            ] {
                assert!(
                    !line.contains(call),
                    "{} calls {call}: the clock and randomness come in through Context ({line})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn nothing_leaves_the_page_and_nothing_is_stored() {
    let mut files = source("src");
    for extra in ["index.html", "static/style.css", "scripts/inline-wasm.mjs"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(extra);
        files.push((path.clone(), fs::read_to_string(&path).unwrap()));
    }
    let network = [
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "EventSource",
        "sendBeacon",
        "Request::new",
        "@import",
        "url(http",
    ];
    let storage = [
        "local_storage",
        "session_storage",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "indexed_db",
        "document.cookie",
        "set_cookie",
        "history.push",
        "push_state",
        "replace_state",
        "set_hash",
    ];
    for (path, text) in files {
        for line in code_lines(&text) {
            for word in network.iter().chain(storage.iter()) {
                assert!(
                    !line.contains(word),
                    "{} mentions {word}: the page makes no request and stores no input ({line})",
                    path.display()
                );
            }
        }
    }
    let html =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    assert!(html.contains("Content-Security-Policy") && html.contains("connect-src 'none'"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "index.html loads nothing remote"
    );
}

#[test]
fn every_source_file_starts_with_a_line_saying_what_it_owns() {
    for (path, text) in source("src").into_iter().chain(source("tests")) {
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! line saying what it owns",
            path.display()
        );
    }
}

#[test]
fn knowledge_tables_never_parse_input() {
    for (path, text) in source("src/knowledge") {
        for line in code_lines(&text) {
            for word in ["serde_json::from", "b64_decode", "fn scan("] {
                assert!(
                    !line.contains(word),
                    "{} parses input ({line}); tables hold facts only",
                    path.display()
                );
            }
        }
    }
}
